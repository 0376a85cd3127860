"""The tagger's network run straight on token features: flair's arithmetic without flair's objects
per token, many blocks in one batch.

flair's `predict` builds a Sentence, labels and a dictionary of embeddings for every token, runs
the character LSTM sentence by sentence and decodes with torch calls per time step: about 80 % of
the tagger's time on a signature block went there, not into the network. Here the layers and
weights are the model's own and every step is done in flair's order (the embeddings concatenated
in the sorted order of their names, the CRF scores as emission + transition + path score, the
confidence as flair's softmax of the path scores), so the tags are flair's
(tests/pipeline/test_network.py compares spans and confidences on generated blocks). torch is
imported by tagger.py, which hands the loaded model in.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from mailhook.pipeline.tokens import TokenFeatures

START_TAG, STOP_TAG = "<START>", "<STOP>"
# Character embeddings depend only on a token's characters and most tokens repeat ("⏎", "Tel",
# "GmbH", digits shapes), so they are kept; the bound keeps a long-running worker's memory flat.
MOST_CACHED_TOKENS = 50_000

Tagged = list[tuple[str, float]]  # per token: BIOES tag and flair's confidence


class Network:
    """The loaded flair SequenceTagger's layers, applied to batches of featurized blocks."""

    def __init__(self, model: Any, batch_size: int = 32) -> None:
        char, *one_hots = model.embeddings.embeddings
        self._model, self._char, self._batch_size = model, char, batch_size
        self._char_index = _items(char.char_dictionary)
        # flair's token embedding is its parts concatenated in the sorted order of their names.
        parts = sorted([(char.name, None), *((e.name, e) for e in one_hots)], key=lambda p: p[0])
        self._parts = [None if e is None else
                       (e.field, _items(e.vocab_dictionary), e.embedding_layer.weight.detach().numpy())
                       for _, e in parts]
        labels = [str(label) for label in model.label_dictionary.get_items()]
        self._labels = labels
        self._start, self._stop = labels.index(START_TAG), labels.index(STOP_TAG)
        self._transitions = model.crf.transitions.detach().numpy()  # [to, from]
        self._chars: dict[tuple[int, ...], np.ndarray] = {}

    def tag(self, blocks: Sequence[Sequence[TokenFeatures]]) -> list[Tagged]:
        """(tag, confidence) for every token of every block; an empty block gets []."""
        done: list[Tagged] = [[] for _ in blocks]
        longest_first = sorted((i for i, b in enumerate(blocks) if b), key=lambda i: -len(blocks[i]))
        for at in range(0, len(longest_first), self._batch_size):
            batch = longest_first[at : at + self._batch_size]
            lengths = [len(blocks[i]) for i in batch]
            emissions = self._emissions([blocks[i] for i in batch], lengths)
            for i, tagged in zip(batch, self._decode(emissions, lengths), strict=True):
                done[i] = tagged
        return done

    def _emissions(self, blocks: list[Sequence[TokenFeatures]], lengths: list[int]) -> np.ndarray:
        """The linear layer's scores per token and tag, [blocks, longest, tags], as flair's forward."""
        import torch
        from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

        tokens = [token for block in blocks for token in block]
        columns = []
        for part in self._parts:
            if part is None:
                columns.append(self._char_vectors(blocks))
            else:
                field, index, weights = part
                columns.append(weights[[index.get(token.feature(field), 0) for token in tokens]])
        flat = np.concatenate(columns, axis=1)
        padded = np.zeros((len(blocks), lengths[0], flat.shape[1]), dtype=np.float32)
        at = 0
        for row, length in enumerate(lengths):
            padded[row, :length] = flat[at : at + length]
            at += length
        model = self._model
        with torch.inference_mode():
            projected = model.embedding2nn(torch.from_numpy(padded))
            packed = pack_padded_sequence(projected, torch.tensor(lengths), batch_first=True)
            output, _ = pad_packed_sequence(model.rnn(packed)[0], batch_first=True)
            return np.asarray(model.linear(output).numpy())

    def _char_vectors(self, blocks: list[Sequence[TokenFeatures]]) -> np.ndarray:
        """Each token's character embedding as flair's CharacterEmbeddings gives it, quirk included:
        it pairs tokens with their length-sorted order by comparing characters, so a repeated token
        other than its last occurrence gets the vector of the token at its index in that order.
        The model was trained with that, so it is kept."""
        keys = [[tuple(self._char_index.get(c, 0) for c in t.text) for t in b] for b in blocks]
        self._embed_new({key for block in keys for key in block})
        vectors = []
        for block in keys:
            by_length = sorted(block, key=len, reverse=True)
            last = {key: i for i, key in enumerate(block)}
            vectors += [self._chars[key if last[key] == i else by_length[i]] for i, key in enumerate(block)]
        return np.stack(vectors)

    def _embed_new(self, keys: set[tuple[int, ...]]) -> None:
        """Run the character LSTM on the tokens not seen before, all in one batch."""
        import torch
        from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

        new = sorted((k for k in keys if k not in self._chars), key=len, reverse=True)
        if not new:
            return
        if len(self._chars) + len(new) > MOST_CACHED_TOKENS:
            self._chars.clear()
        lengths = [len(key) for key in new]
        indices = torch.zeros((len(new), lengths[0]), dtype=torch.long)
        for row, key in enumerate(new):
            indices[row, : len(key)] = torch.tensor(key, dtype=torch.long)
        with torch.inference_mode():
            embedded = self._char.char_embedding(indices).transpose(0, 1)
            output, _ = self._char.char_rnn(pack_padded_sequence(embedded, lengths))
            padded, _ = pad_packed_sequence(output)
            last = padded.transpose(0, 1)[torch.arange(len(new)), torch.tensor(lengths) - 1].numpy()
        self._chars.update(zip(new, np.array(last), strict=True))

    def _decode(self, emissions: np.ndarray, lengths: list[int]) -> list[Tagged]:
        """flair's Viterbi decode: the best tag path per block and, per token, the largest softmax
        of its path scores as the confidence."""
        transitions = self._transitions
        rows, steps, tags = emissions.shape
        scores = np.empty((rows, steps, tags), dtype=np.float32)
        back = np.zeros((rows, steps, tags), dtype=np.int64)
        scores[:, 0] = emissions[:, 0] + transitions[:, self._start]
        crf = emissions[:, :, :, None] + transitions  # flair's CRF scores [row, t, to, from]
        for t in range(1, steps):
            paths = crf[:, t] + scores[:, t - 1, None, :]
            back[:, t] = paths.argmax(axis=2)
            scores[:, t] = paths.max(axis=2)
        shifted = np.exp(scores - scores.max(axis=2, keepdims=True))
        confidence = 1.0 / shifted.sum(axis=2)
        decoded = []
        for row, length in enumerate(lengths):
            path = [int(np.argmax(scores[row, length - 1] + transitions[self._stop]))]
            for t in range(length - 1, 0, -1):
                path.append(int(back[row, t, path[-1]]))
            path.reverse()
            decoded.append([(self._labels[tag], float(confidence[row, t])) for t, tag in enumerate(path)])
        return decoded


def _items(dictionary: Any) -> dict[str, int]:
    """A flair Dictionary as str -> index; flair answers 0 for an unknown item (add_unk)."""
    if not dictionary.add_unk:
        raise ValueError("the tagger's dictionaries must map unknown items to <unk>")
    return {key.decode("utf-8"): index for key, index in dictionary.item2idx.items()}
