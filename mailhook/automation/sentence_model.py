"""A small follow-up sentence classifier: hashed character and word n-grams, logistic regression weights."""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "intent-sentences.npz"
BITS = 18  # 262,144 hashed features: collisions cost little at this size, the archive stays small
CHAR_SIZES = (2, 3, 4, 5)
_PRIME = np.uint64(1_000_003)  # the rolling hash's base: spreads code points over 64 bits
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing: the top BITS bits of h * golden
_SHIFT = np.uint64(64 - BITS)
_DIGITS = re.compile(r"\d")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


def features(sentence: str) -> np.ndarray:
    """The sorted, unique hashed feature indexes of a sentence: character 2- to 5-grams of its
    case-folded text with spaces marking word edges, and its words and word pairs. Digits read as 0
    ("by 15 March" and "by 3 March" are one pattern). Deterministic across processes and runs:
    no use of Python's randomised hash()."""
    text = " " + _DIGITS.sub("0", _SPACES.sub(" ", sentence.casefold()).strip()) + " "
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    parts = []
    rolling = codes
    for size in range(2, max(CHAR_SIZES) + 1):
        # The hash of each n-gram from that of the (n-1)-gram before it: one array step per size.
        rolling = rolling[:-1] * _PRIME + codes[size - 1 :]
        if size in CHAR_SIZES and len(rolling):
            parts.append(((rolling + np.uint64(size)) * _GOLDEN) >> _SHIFT)
    words = _WORD.findall(text)
    grams = [*words, *(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))]
    # Word hashes are offset by one prefix byte so "ab" the word and "ab" the character pair differ.
    hashed = [zlib.crc32(b"w" + gram.encode()) >> (32 - BITS) for gram in grams]
    parts.append(np.array(hashed, dtype=np.uint64))
    return np.unique(np.concatenate(parts)).astype(np.int64)


@dataclass(frozen=True)
class SentenceModel:
    """Logistic regression over `features`: weights per hashed feature, a bias, and the probability
    above which a sentence counts as a follow-up (chosen on a dev split of the training data)."""

    weights: np.ndarray  # float32, 2**BITS
    bias: float
    threshold: float
    max_words: int  # longer sentences are no kind it was trained on: it calls none of them a follow-up

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> SentenceModel:
        with np.load(path, allow_pickle=False) as archive:
            bits = int(archive["bits"])
            if bits != BITS:
                raise ValueError(f"{path}: trained with {bits} hash bits, this code uses {BITS}")
            weights = archive["weights"].astype(np.float32)
            bias, threshold = float(archive["bias"]), float(archive["threshold"])
            return cls(weights, bias, threshold, int(archive["max_words"]))

    def probability(self, sentence: str) -> float:
        """P(follow-up) of one sentence: the features' weights summed, scaled as in training (each
        present feature 1/sqrt(count): the row has unit length), through a sigmoid."""
        index = features(sentence)
        score = float(self.weights[index].sum()) / max(len(index), 1) ** 0.5 + self.bias
        return 1.0 / (1.0 + np.exp(-score))

    def is_followup(self, sentence: str) -> bool:
        return len(sentence.split()) <= self.max_words and self.probability(sentence) > self.threshold
