"""Which language an author writes in: kana or Japan's signs decide Japanese, langdetect the rest."""

from __future__ import annotations

import json
import math
import os
import random
import re
import threading
from collections.abc import Iterator, Mapping
from functools import cache

import numpy as np
from langdetect import DetectorFactory
from langdetect.detector import Detector
from langdetect.detector_factory import PROFILES_DIRECTORY
from langdetect.lang_detect_exception import ErrorCode, LangDetectException
from langdetect.utils.ngram import NGram

from mailhook.pipeline.japanese import HAN, JAPANESE_SCORE, Origin, japanese_score

# Hiragana and katakana only occur in Japanese; kanji alone could be Chinese.
_KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_LETTER = re.compile(r"[^\W\d_]")
# Korean is written in Hangul. For text in Chinese characters alone langdetect answers "ko"
# (measured: a Japanese signature without kana, Traditional Chinese prose) or "ja", where the
# choice is Japanese or Chinese: Japan's own signs decide (mailhook.pipeline.japanese).
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
# Text is in Chinese characters when they are this share of its letters at least (a Latin letter
# counts as one, a character as one): an English mail with its sender's company in kanji is not.
_HAN_SHARE = 0.3
_MIN_HAN = 2
_MIN_HAN_FOR_CHINESE = 10
# Below this many letters langdetect guesses ("Best, Tom" -> de); say nothing instead.
_MIN_LETTERS = 25
# Below this probability langdetect is guessing between neighbours (da/no, es/pt).
_MIN_PROBABILITY = 0.6
# Characters read: langdetect needs a few hundred (it is given the first _LANGDETECT_CHARS), and
# counting kana and letters in a megabyte of pasted text would tell no more than its start.
SAMPLE_CHARS = 20_000
# 3,000 rather than 5,000 costs 28 % less and changed no answer on 786 corpus and fixture texts
# (1,500 changed two).
_LANGDETECT_CHARS = 3_000
# A trial's first look reaches this many convergence tests, one every five draws (trials stop
# after about 64 draws on the corpus; a longer one looks again, four times as far), and the
# generator is first read this many words ahead.
_FIRST_TESTS = 19
_FIRST_WORDS = 1_536
# Words whose n-grams a process keeps (a few MB at most; mail's words repeat).
_WORDS_KEPT = 100_000


def detect_language(text: str, origin: Origin | None = None, *, context: str = "") -> str | None:
    """Return an ISO 639-1 code for the text (its first SAMPLE_CHARS characters), or None when it
    is too short to tell. Text in Chinese characters is Japanese when Japan's signs in it, in
    `context` (the rest of the author's words: their signature) and in `origin` add up."""
    sample = text[:SAMPLE_CHARS]
    if len(_KANA.findall(sample)) >= 2:
        return "ja"
    letters = len(_LETTER.findall(sample))
    han = len(HAN.findall(sample))
    in_han = han >= _MIN_HAN and han >= _HAN_SHARE * letters and not _HANGUL.search(sample)
    evidence, origin = f"{sample}\n{context[:SAMPLE_CHARS]}", origin or Origin()
    if in_han and japanese_score(evidence, origin) >= JAPANESE_SCORE:
        return "ja"
    if letters < _MIN_LETTERS:
        # A character says more than a letter: ten of them, not Japanese, are Chinese.
        return "zh" if in_han and han >= _MIN_HAN_FOR_CHINESE else None
    language = _detected(sample)
    # Chinese characters without kana or Hangul, whatever langdetect made of them ("ko", or no
    # answer between zh-cn and zh-tw): Chinese unless Japan's signs add up. Its "ja" is one
    # weak sign, not proof.
    if (in_han or language == "ja") and language in ("ja", "ko", "zh", None) and not _HANGUL.search(sample):
        return "ja" if japanese_score(evidence, origin, detected=language) >= JAPANESE_SCORE else "zh"
    return language


def _detected(sample: str) -> str | None:
    detector = _FastDetector(_factory())
    detector.append(sample[:_LANGDETECT_CHARS])
    try:
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return None
    if best.prob < _MIN_PROBABILITY:
        return None
    return str(best.lang).split("-")[0]


@cache
def _factory() -> DetectorFactory:
    # One per process (read-only afterwards). A factory of our own with seed 0 makes answers
    # repeatable without touching langdetect's global; its n-gram table is built lazily.
    factory = DetectorFactory()
    factory.seed = 0
    names = os.listdir(PROFILES_DIRECTORY)  # langdetect's order: it decides the languages' indices
    profiles = []
    for name in names:
        if name.startswith(".") or not os.path.isfile(os.path.join(PROFILES_DIRECTORY, name)):
            continue
        with open(os.path.join(PROFILES_DIRECTORY, name), encoding="utf-8") as file:
            data = json.load(file)
        factory.langlist.append(data["name"])
        profiles.append((data["freq"], data["n_words"]))
    factory.word_lang_prob_map = _Profiles(profiles, len(names))
    return factory


class _Profiles(Mapping[str, list[float]]):
    """langdetect's word_lang_prob_map (n-gram -> its probability in each language), each row
    computed as DetectorFactory.add_profile computes it, the first time it is asked for: building
    all 87,598 rows took 0.27 s and some 45 MB in every process, and a message needs a few hundred.

    A whole Mapping (get, len, iteration agree with `in` and []), not a dict filled on demand,
    whose get() and len() knew only the rows built so far."""

    def __init__(self, profiles: list[tuple[dict[str, int], list[int]]], languages: int) -> None:
        self._profiles = profiles
        self._languages = languages
        self.known = frozenset().union(*(frequencies for frequencies, _ in profiles))
        self.words: dict[tuple[str, bool], tuple[str, ...]] = {}  # a word's n-grams (_FastDetector)
        self._rows: dict[str, list[float]] = {}

    def __contains__(self, word: object) -> bool:
        return word in self.known

    def __len__(self) -> int:
        return len(self.known)

    def __iter__(self) -> Iterator[str]:
        return iter(self.known)

    def __getitem__(self, word: str) -> list[float]:
        row = self._rows.get(word)
        return self._build(word) if row is None else row

    def _build(self, word: str) -> list[float]:
        if word not in self.known:
            raise KeyError(word)
        row = [0.0] * self._languages
        length = len(word)
        if 1 <= length <= 3:
            for index, (frequencies, n_words) in enumerate(self._profiles):
                if word in frequencies:
                    row[index] = 1.0 * frequencies[word] / n_words[length - 1]
        self._rows[word] = row
        return row


class _Normalised(dict[int, str]):
    """langdetect's per-character normalisation as a str.translate table, learnt as characters
    are met (a text has few distinct ones)."""

    def __missing__(self, code: int) -> str:
        normal = self[code] = NGram.normalize(chr(code))
        return normal


_NORMALISED = _Normalised()
_SPACES = re.compile(" {2,}")
_LATIN_RANGE = re.compile("[A-z]")  # langdetect's 'A' <= ch <= 'z', brackets and all
_PAST_LATIN = re.compile("[\u0300-\U0010ffff]")


class _FastDetector(Detector):
    """langdetect's own detector, its loops over characters, n-grams and updates done in C.

    Per character, langdetect appends to a string, normalises, and looks up every n-gram in
    Python, then makes some 450 updates of 55 probabilities in Python loops: most of a message's
    extraction time. Here the same steps run as regular expressions, a translate table and numpy
    arrays: the same n-grams in the same order, the same draws of them, the same stopping points,
    so the same answers, with each probability equal but for its last bits
    (tests/pipeline/test_language.py checks, on the corpus too).
    """

    text: str  # langdetect's own buffer (set in its __init__), typed for the checker

    def append(self, text: str) -> None:
        text = NGram.normalize_vi(self.MAIL_RE.sub(" ", self.URL_RE.sub(" ", text)))
        self.text += _SPACES.sub(" ", text[: self.max_text_length])

    def cleaning_text(self) -> None:
        # langdetect means to spare Latin Extended Additional here, but compares its block
        # number with a name, so every character from U+0300 on counts as non-Latin.
        if 2 * len(_LATIN_RANGE.findall(self.text)) < len(_PAST_LATIN.findall(self.text)):
            self.text = _LATIN_RANGE.sub("", self.text)

    def _extract_ngrams(self) -> list[str]:
        # langdetect's n-gram window starts afresh after every space, so a word's n-grams are the
        # same wherever it stands: they are found once per word ("closed" by a space or not, at
        # the text's end) and kept.
        table = self.word_lang_prob_map
        known = table.known if isinstance(table, _Profiles) else frozenset(table)
        seen = table.words if isinstance(table, _Profiles) else {}
        words = str(self.text).translate(_NORMALISED).split(" ")
        found: list[str] = []
        for at, word in enumerate(words):
            if word:
                closed = at < len(words) - 1
                grams = seen.get((word, closed))
                if grams is None:
                    grams = _word_grams(word, closed, known)
                    if len(seen) < _WORDS_KEPT:
                        seen[word, closed] = grams
                found.extend(grams)
        return found

    def _detect_block(self) -> None:
        # langdetect's trials: each a run of updates `prob *= weight + row`, one per n-gram drawn,
        # with a normalisation and a convergence test after updates 1, 6, 11, ... In logarithms a
        # run is one cumulative sum, so a trial takes a few numpy calls instead of a Python call per
        # update. The generator's words are read in bulk and used as langdetect's choice() and
        # gauss() use them, so each trial draws the same n-grams and stops at the same test; only
        # the last bits of a probability can differ from its sequential products
        # (tests/pipeline/test_language.py).
        self.cleaning_text()
        ngrams = self._extract_ngrams()
        if not ngrams:
            raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
        rows = _ROWS.of(ngrams, self.word_lang_prob_map)
        self.random.seed(self.seed)
        words = _Words(self.random, len(ngrams))
        langprob, spare, at = np.zeros(len(self.langlist)), None, 0
        for _ in range(self.n_trial):
            if spare is None:  # random.gauss: two uniforms make two normal values, one kept
                angle = words.uniform(at) * 2.0 * math.pi
                radius = math.sqrt(-2.0 * math.log(1.0 - words.uniform(at + 2)))
                normal, spare, at = math.cos(angle) * radius, math.sin(angle) * radius, at + 4
            else:
                normal, spare = spare, None
            alpha = self.alpha + normal * self.ALPHA_WIDTH
            prob, at = self._trial(words, at, rows, alpha / self.BASE_FREQ)
            langprob += prob / self.n_trial
        self.langprob = langprob.tolist()
        # The generator as langdetect leaves it: the words used, and gauss's kept value.
        self.random.seed(self.seed)
        self.random.getrandbits(32 * at)
        self.random.gauss_next = spare

    def _trial(self, words: _Words, at: int, rows: np.ndarray, weight: float) -> tuple[np.ndarray, int]:
        """One trial from the generator's word `at`: its probabilities where langdetect stops it
        (the first test whose largest share passes CONV_THRESHOLD, else the test after
        ITERATION_LIMIT updates), and the word after the last one it drew."""
        last, tests = self.ITERATION_LIMIT // 5, _FIRST_TESTS
        while True:
            # Draws up to the tests' last: the first update, then five between each two tests.
            where, values = words.draws(at, 1 + 5 * (tests - 1))
            steps = np.log(weight + np.take(_ROWS.table, np.take(rows, values), axis=0))
            logs = np.empty((tests, steps.shape[1]))
            logs[0] = steps[0]
            # The tests' sums by blocks of five (a cumulative sum down the rows is slower).
            np.cumsum(steps[1:].reshape(tests - 1, 5, -1).sum(axis=1), axis=0, out=logs[1:])
            logs[1:] += steps[0]
            shares = np.exp(logs - logs.max(axis=1, keepdims=True))
            totals = shares.sum(axis=1)
            passed = np.flatnonzero(1.0 / totals > self.CONV_THRESHOLD)
            if len(passed) or tests > last:
                test = int(passed[0]) if len(passed) else last
                return shares[test] / totals[test], int(where[5 * test]) + 1
            tests = min(4 * tests, last + 1)


def _word_grams(word: str, closed: bool, known: frozenset[str]) -> tuple[str, ...]:
    """The known 1-, 2- and 3-grams langdetect takes from a word, in its order: at each character
    (and the space after the word, when one follows) the grams ending there, within the word and
    the space before it; none inside a run of capitals after its first letter."""
    padded = f" {word} " if closed else f" {word}"
    found: list[str] = []
    capital = False
    for at in range(1, len(padded)):
        char = padded[at]
        capital = char.isupper() and (capital or padded[at - 1].isupper())
        if capital:
            continue
        if char != " " and char in known:
            found.append(char)
        if padded[at - 1:at + 1] in known:
            found.append(padded[at - 1:at + 1])
        if at >= 2 and padded[at - 2:at + 1] in known:
            found.append(padded[at - 2:at + 1])
    return tuple(found)


class _Words:
    """A Mersenne Twister's 32-bit words from where it stands, read in bulk as needed, and the
    draws CPython's random() and choice() make of them: choice(seq) takes the top
    len(seq).bit_length() bits of a word and draws again when they reach len(seq);
    getrandbits(32 * n) is the next n words, lowest first."""

    def __init__(self, generator: random.Random, count: int) -> None:
        self._generator, self._count = generator, count
        self._shift = np.uint32(32 - count.bit_length())
        self._words = np.empty(0, dtype=np.uint32)
        self._chosen = np.empty(0, dtype=np.int64)  # the words whose draw is accepted
        self._read(_FIRST_WORDS)

    def _read(self, count: int) -> None:
        bits = self._generator.getrandbits(32 * count)
        more = np.frombuffer(bits.to_bytes(4 * count, "little"), dtype="<u4")
        accepted = np.flatnonzero((more >> self._shift) < self._count) + len(self._words)
        self._words = np.concatenate([self._words, more])
        self._chosen = np.concatenate([self._chosen, accepted])

    def uniform(self, at: int) -> float:
        """random.random() from words `at` and `at + 1`."""
        while at + 2 > len(self._words):
            self._read(len(self._words))
        high, low = int(self._words[at]) >> 5, int(self._words[at + 1]) >> 6
        return (high * 67108864.0 + low) * (1.0 / 9007199254740992.0)

    def draws(self, at: int, count: int) -> tuple[np.ndarray, np.ndarray]:
        """The next `count` choice() draws from word `at`: each one's word, and its value."""
        start = int(np.searchsorted(self._chosen, at))
        while start + count > len(self._chosen):
            self._read(len(self._words))
        where = self._chosen[start:start + count]
        return where, (self._words[where] >> self._shift).astype(np.int64)


class _RowTable:
    """langdetect's probabilities of every n-gram seen so far, one row each, in one array: a
    trial picks its drawn rows by number. Shared by the process's detectors; rows are added under a
    lock, and a row once added never moves or changes."""

    def __init__(self) -> None:
        self.table = np.empty((0, 0))
        self._number: dict[str, int] = {}
        self._size = 0
        self._lock = threading.Lock()

    def of(self, ngrams: list[str], profiles: Mapping[str, list[float]]) -> np.ndarray:
        """The row numbers of the n-grams, adding the rows of those not seen before."""
        number = self._number
        if not number.keys() >= set(ngrams):
            with self._lock:
                new = [gram for gram in dict.fromkeys(ngrams) if gram not in number]
                if new:
                    self._add(new, profiles)
        return np.fromiter(map(number.__getitem__, ngrams), dtype=np.int64, count=len(ngrams))

    def _add(self, new: list[str], profiles: Mapping[str, list[float]]) -> None:
        rows = np.array([profiles[gram] for gram in new], dtype=np.float64)
        if self._size + len(new) > len(self.table):
            grown = np.empty((max(2 * len(self.table), self._size + len(new), 1024), rows.shape[1]))
            if self._size:
                grown[: self._size] = self.table[: self._size]
            self.table = grown
        self.table[self._size: self._size + len(new)] = rows
        for offset, gram in enumerate(new):
            self._number[gram] = self._size + offset
        self._size += len(new)


_ROWS = _RowTable()
