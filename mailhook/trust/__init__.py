"""Who may be believed: the one reading of the author for every consumer, DKIM, ARC and our MTA's
recorded Authentication-Results, and the background verifier. May use only the shared modules."""
