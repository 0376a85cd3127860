"""Synthetic, labelled e-mail signatures for training the signature tagger (needs the `train` extra)."""
