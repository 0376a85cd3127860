"""The tagger's network run straight on token features: flair's arithmetic without flair's objects
per token, many blocks in one batch.

flair's `predict` builds a Sentence, labels and a dictionary of embeddings for every token, runs
the character LSTM sentence by sentence and decodes with torch calls per time step: about 80 % of
the tagger's time on a signature block went there, not into the network. Here the layers and
weights are the model's own and every step is done in flair's order (the embeddings concatenated
in the sorted order of their names, the CRF scores as emission + transition + path score, the
confidence as flair's softmax of the path scores), so the tags are flair's
(tests/pipeline/test_network.py compares spans and confidences on generated blocks). It needs
only NumPy and the model's weights as arrays (`flair_weights`, saved beside the flair model by the
training script): neither flair nor torch, whose import alone took 1.7 s and 200 MB in every
worker process (flair's 3.6 s and 220 MB more).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import threadpoolctl

from mailhook.pipeline.tokens import TokenFeatures

START_TAG, STOP_TAG = "<START>", "<STOP>"
# Character embeddings depend only on a token's characters and most tokens repeat ("⏎", "Tel",
# "GmbH", digits shapes), so they are kept; the bounds (tokens, and their characters: a token may
# be a 1,000-letter line) keep a long-running worker's memory flat, at some 30 MB.
MOST_CACHED_TOKENS = 50_000
MOST_CACHED_CHARACTERS = 500_000
# A batch's blocks are padded to its longest, at some 10 kB of arrays per padded token: a
# 3,000-token block (22 lines of one-letter words) among 31 ordinary ones took 950 MB. Batches
# stay within this many padded tokens (32 blocks of 128; ordinary blocks have a few dozen), and
# a longer block goes alone.
MOST_BATCH_TOKENS = 4_096

Tagged = list[tuple[str, float]]  # per token: BIOES tag and flair's confidence


class Network:
    """The trained tagger's layers, applied to batches of featurized blocks. Built from a loaded
    flair SequenceTagger (`from_flair`) or from its weights file (`load`)."""

    def __init__(self, weights: Mapping[str, np.ndarray], batch_size: int = 32, *,
                 most_cached_tokens: int = MOST_CACHED_TOKENS,
                 most_cached_characters: int = MOST_CACHED_CHARACTERS) -> None:
        # One BLAS thread while it tags (see `tag`); made once, as finding the libraries is slow.
        self._threads = threadpoolctl.ThreadpoolController()
        self._batch_size = batch_size
        self._most_tokens, self._most_characters = most_cached_tokens, most_cached_characters
        self._char_index = _index(weights["chars"])
        self._char_table = weights["char_embedding"]
        self._char_rnn = BiLSTM(weights, "char_rnn")
        # flair's token embedding is its parts concatenated in the sorted order of their names.
        self._parts = [None if name == CHAR_PART else
                       (str(field), _index(weights[f"{name}.vocab"]), weights[f"{name}.weight"])
                       for name, field in zip(weights["parts"], weights["fields"], strict=True)]
        self._projection = _Linear(weights, "embedding2nn")
        self._rnn = BiLSTM(weights, "rnn")
        self._linear = _Linear(weights, "linear")
        labels = [str(label) for label in weights["labels"]]
        self._labels = labels
        self._start, self._stop = labels.index(START_TAG), labels.index(STOP_TAG)
        self._transitions = weights["transitions"]  # [to, from]
        self._chars: dict[tuple[int, ...], np.ndarray] = {}
        self._cached_characters = 0

    @classmethod
    def load(cls, path: Path, batch_size: int = 32) -> Network:
        with np.load(path, allow_pickle=False) as stored:
            return cls({key: stored[key] for key in stored.files}, batch_size)

    @classmethod
    def from_flair(cls, model: Any, batch_size: int = 32) -> Network:
        return cls(flair_weights(model), batch_size)

    def tag(self, blocks: Sequence[Sequence[TokenFeatures]]) -> list[Tagged]:
        """(tag, confidence) for every token of every block; an empty block gets []. Threads may
        tag at once (each reads the character vectors it embedded itself, whatever another
        thread does to the cache).

        BLAS runs one thread meanwhile: a batch's products are too small to share, and OpenBLAS's
        threads would spin on the cores the other workers and the listeners need. The limit is
        lifted afterwards: set for good, it slowed every other NumPy (or torch) product of the
        process that loaded the tagger."""
        with self._threads.limit(limits=1, user_api="blas"):
            return self._tag(blocks)

    def _tag(self, blocks: Sequence[Sequence[TokenFeatures]]) -> list[Tagged]:
        done: list[Tagged] = [[] for _ in blocks]
        longest_first = sorted((i for i, b in enumerate(blocks) if b), key=lambda i: -len(blocks[i]))
        for batch in _batches(longest_first, [len(b) for b in blocks], self._batch_size):
            lengths = [len(blocks[i]) for i in batch]
            emissions = self._emissions([blocks[i] for i in batch], lengths)
            for i, tagged in zip(batch, self._decode(emissions, lengths), strict=True):
                done[i] = tagged
        return done

    def _emissions(self, blocks: list[Sequence[TokenFeatures]], lengths: list[int]) -> np.ndarray:
        """The linear layer's scores per token and tag, [blocks, longest, tags], as flair's forward."""
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
        return self._linear(self._rnn(self._projection(padded), lengths))

    def _char_vectors(self, blocks: list[Sequence[TokenFeatures]]) -> np.ndarray:
        """Each token's character embedding as flair's CharacterEmbeddings gives it, quirk included:
        it pairs tokens with their length-sorted order by comparing characters, so a repeated token
        other than its last occurrence gets the vector of the token at its index in that order.
        The model was trained with that, so it is kept."""
        keys = [[tuple(self._char_index.get(c, 0) for c in t.text) for t in b] for b in blocks]
        found = self._embed({key for block in keys for key in block})
        vectors = []
        for block in keys:
            by_length = sorted(block, key=len, reverse=True)
            last = {key: i for i, key in enumerate(block)}
            vectors += [found[key if last[key] == i else by_length[i]] for i, key in enumerate(block)]
        return np.stack(vectors)

    def _embed(self, keys: set[tuple[int, ...]]) -> dict[tuple[int, ...], np.ndarray]:
        """The vectors of `keys`: from the cache, the character LSTM run on the others."""
        size = sum(map(len, keys))
        if (len(self._chars) + len(keys) > self._most_tokens
                or self._cached_characters + size > self._most_characters):
            self._chars.clear()  # before choosing what is new: the block's known tokens go too
            self._cached_characters = 0
        found = {key: vector for key in keys if (vector := self._chars.get(key)) is not None}
        new = sorted(keys - found.keys(), key=len, reverse=True)
        # The LSTM pads a batch to its longest token: one 1,000-letter token among short ones
        # would cost hundreds of megabytes, so tokens go in batches of similar lengths.
        while new:
            size = next((i for i, key in enumerate(new) if 2 * len(key) < len(new[0])), len(new))
            found.update(self._embed_batch(new[:size]))
            new = new[size:]
        return found

    def _embed_batch(self, new: list[tuple[int, ...]]) -> dict[tuple[int, ...], np.ndarray]:
        lengths = [len(key) for key in new]
        indices = np.zeros((len(new), lengths[0]), dtype=np.intp)
        for row, key in enumerate(new):
            indices[row, : len(key)] = key
        output = self._char_rnn(self._char_table[indices], lengths)
        # The output at a token's last character: the forward pass's end, and the backward pass's
        # first step (flair's choice; the model was trained with it).
        last = output[np.arange(len(new)), np.array(lengths) - 1]
        embedded = dict(zip(new, last, strict=True))
        self._chars.update(embedded)
        self._cached_characters += sum(map(len, new))
        return embedded

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


def _batches(longest_first: list[int], lengths: list[int], size: int) -> Iterator[list[int]]:
    """Runs of `longest_first` of at most `size` blocks and MOST_BATCH_TOKENS padded tokens (a
    run's first block is its longest); a block longer than that alone."""
    at = 0
    while at < len(longest_first):
        count = max(1, min(size, MOST_BATCH_TOKENS // lengths[longest_first[at]]))
        yield longest_first[at : at + count]
        at += count


CHAR_PART = "Char"  # flair's name of its character embeddings, a part of the token embedding
_LSTM_KEYS = ("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0")


def flair_weights(model: Any) -> dict[str, np.ndarray]:
    """Everything the network needs from a flair SequenceTagger of our training script's shape
    (character embeddings and one-hot features, a BiLSTM, a CRF), as arrays; `save` writes them."""
    char, *one_hots = model.embeddings.embeddings
    if char.name != CHAR_PART or not model.use_crf or not model.use_rnn:
        raise ValueError("not a tagger of scripts/train_tagger.py's shape")
    state = {key: value.detach().cpu().numpy() for key, value in model.state_dict().items()}
    parts = sorted([(char.name, ""), *((e.name, e.field) for e in one_hots)])
    weights = {
        "labels": np.array(model.label_dictionary.get_items()),
        "chars": _items(char.char_dictionary),
        "char_embedding": state["embeddings.list_embedding_0.char_embedding.weight"],
        "parts": np.array([name for name, _ in parts]),
        "fields": np.array([field for _, field in parts]),
        "transitions": state["crf.transitions"],
    }
    for number, one_hot in enumerate(one_hots, start=1):
        weights[f"{one_hot.name}.vocab"] = _items(one_hot.vocab_dictionary)
        table = f"embeddings.list_embedding_{number}.embedding_layer.weight"
        weights[f"{one_hot.name}.weight"] = state[table]
    for prefix, layer in (("embeddings.list_embedding_0.char_rnn", "char_rnn"), ("rnn", "rnn")):
        for key in _LSTM_KEYS:
            for suffix in ("", "_reverse"):
                weights[f"{layer}.{key}{suffix}"] = state[f"{prefix}.{key}{suffix}"]
    for layer in ("embedding2nn", "linear"):
        for key in ("weight", "bias"):
            weights[f"{layer}.{key}"] = state[f"{layer}.{key}"]
    return weights


def save(weights: Mapping[str, np.ndarray], path: Path) -> None:
    """Write the weights as a NumPy archive (no pickles: loading it runs no code)."""
    with path.open("wb") as out:
        np.savez_compressed(out, allow_pickle=False, **weights)


def _items(dictionary: Any) -> np.ndarray:
    """A flair Dictionary's items in index order; flair answers 0 (<unk>) for unknown ones."""
    if not dictionary.add_unk:
        raise ValueError("the tagger's dictionaries must map unknown items to <unk>")
    items = sorted(dictionary.item2idx.items(), key=lambda kv: kv[1])
    if [index for _, index in items] != list(range(len(items))):
        raise ValueError("a dictionary of the tagger is not numbered 0..n-1")
    return np.array([key.decode("utf-8") for key, _ in items])


def _index(items: np.ndarray) -> dict[str, int]:
    return {str(item): index for index, item in enumerate(items)}


class BiLSTM:
    """A one-layer bidirectional torch.nn.LSTM, inference only, in NumPy (torch's gate equations
    and weights; outputs within float32 rounding of torch's, tests/pipeline/test_network.py).

    Both directions run in one loop, each step one batched matrix product and a few in-place
    operations: the gates are reordered (i, f, o, g) and the sigmoid gates' weights negated, so
    one exp, add and reciprocal give all three sigmoids."""

    def __init__(self, weights: Mapping[str, np.ndarray], layer: str) -> None:
        hidden = weights[f"{layer}.weight_hh_l0"].shape[1]
        order = np.r_[0 : 2 * hidden, 3 * hidden : 4 * hidden, 2 * hidden : 3 * hidden]
        sign = np.where(np.arange(4 * hidden) < 3 * hidden, -1.0, 1.0).astype(np.float32)
        w_in, w_state, bias = [], [], []
        for suffix in ("", "_reverse"):
            w_in.append((weights[f"{layer}.weight_ih_l0{suffix}"][order] * sign[:, None]).T)
            w_state.append((weights[f"{layer}.weight_hh_l0{suffix}"][order] * sign[:, None]).T)
            both = weights[f"{layer}.bias_ih_l0{suffix}"] + weights[f"{layer}.bias_hh_l0{suffix}"]
            bias.append(both[order] * sign)
        self._w_in = np.ascontiguousarray(np.stack(w_in), dtype=np.float32)  # [2, inputs, 4h]
        self._w_state = np.ascontiguousarray(np.stack(w_state), dtype=np.float32)  # [2, h, 4h]
        self._bias = np.stack(bias).astype(np.float32)[:, None, :]
        self._hidden = hidden

    def __call__(self, x: np.ndarray, lengths: Sequence[int]) -> np.ndarray:
        """x: [rows, steps, inputs], rows longest first; returns [rows, steps, 2 * hidden] (forward
        then backward), zero past each row's length as torch's padded output."""
        rows, steps, inputs = x.shape
        h = self._hidden
        reversed_x = np.zeros_like(x)
        for row, length in enumerate(lengths):
            reversed_x[row, :length] = x[row, length - 1 :: -1]
        flat = np.stack([x, reversed_x]).reshape(2, rows * steps, inputs)
        gates_in = (flat @ self._w_in + self._bias).reshape(2, rows, steps, 4 * h)
        gates_in = np.ascontiguousarray(gates_in.transpose(2, 0, 1, 3))  # [steps, 2, rows, 4h]
        states = np.zeros((steps, 2, rows, h), dtype=np.float32)
        cell = np.zeros((2, rows, h), dtype=np.float32)
        active = np.searchsorted(-np.asarray(lengths), -np.arange(steps), side="left")
        previous = np.zeros((2, rows, h), dtype=np.float32)
        with np.errstate(over="ignore"):  # exp(large) is inf, and 1 / (1 + inf) the right 0
            for t in range(steps):
                a = int(active[t])  # rows still running: those longer than t
                gates = np.matmul(previous[:, :a], self._w_state)
                gates += gates_in[t, :, :a]
                sigmoids = gates[..., : 3 * h]
                np.exp(sigmoids, out=sigmoids)
                sigmoids += 1.0
                np.reciprocal(sigmoids, out=sigmoids)
                candidate = gates[..., 3 * h :]
                np.tanh(candidate, out=candidate)
                candidate *= gates[..., :h]
                running = cell[:, :a]
                running *= gates[..., h : 2 * h]
                running += candidate
                out = states[t, :, :a]
                np.tanh(running, out=out)
                out *= gates[..., 2 * h : 3 * h]
                previous = states[t]
        result = np.zeros((rows, steps, 2 * h), dtype=np.float32)
        result[:, :, :h] = states[:, 0].transpose(1, 0, 2)
        backward = states[:, 1].transpose(1, 0, 2)
        for row, length in enumerate(lengths):
            result[row, :length, h:] = backward[row, length - 1 :: -1]
        return result


class _Linear:
    """torch.nn.Linear's x @ W.T + b."""

    def __init__(self, weights: Mapping[str, np.ndarray], layer: str) -> None:
        self._w = np.ascontiguousarray(weights[f"{layer}.weight"].T, dtype=np.float32)
        self._b = weights[f"{layer}.bias"].astype(np.float32)

    def __call__(self, x: np.ndarray) -> np.ndarray:
        out: np.ndarray = x @ self._w + self._b
        return out
