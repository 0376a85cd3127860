"""Which language an author writes in: kana or Japan's signs decide Japanese, langdetect the rest."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator, Mapping
from functools import cache

import numpy as np
from langdetect import DetectorFactory
from langdetect.detector import Detector
from langdetect.detector_factory import PROFILES_DIRECTORY
from langdetect.lang_detect_exception import LangDetectException
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
        self._known = frozenset().union(*(frequencies for frequencies, _ in profiles))
        self._rows: dict[str, list[float]] = {}

    def __contains__(self, word: object) -> bool:
        return word in self._known

    def __len__(self) -> int:
        return len(self._known)

    def __iter__(self) -> Iterator[str]:
        return iter(self._known)

    def __getitem__(self, word: str) -> list[float]:
        row = self._rows.get(word)
        return self._build(word) if row is None else row

    def _build(self, word: str) -> list[float]:
        if word not in self._known:
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
    """langdetect's own detector, its loops over characters and n-grams done in C.

    Per character, langdetect appends to a string, normalises, and looks up every n-gram in
    Python: most of a message's extraction time. Here the same steps run as regular expressions,
    a translate table and numpy arrays: the same n-grams in the same order, and elementwise
    float64 arithmetic is the same IEEE operation per element while the sums stay Python's
    sequential ones, so every probability, and so every answer, is bit-for-bit langdetect's
    (tests/pipeline/test_language.py checks).
    """

    _rows: dict[str, np.ndarray] = {}  # n-gram -> its language probabilities, filled as seen
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
        known, found = self.word_lang_prob_map, []
        grams, capital = " ", False
        text = str(self.text)
        for char in text.translate(_NORMALISED):
            last = grams[-1]
            if last == " ":
                grams, capital = " ", False
                if char == " ":
                    continue
            elif len(grams) >= NGram.N_GRAM:
                grams = grams[1:]
            grams += char
            capital = char.isupper() and (capital or last.isupper())
            if capital:
                continue
            if char != " " and char in known:
                found.append(char)
            if len(grams) >= 2:
                if grams[-2:] in known:
                    found.append(grams[-2:])
                if len(grams) >= 3 and grams in known:
                    found.append(grams)
        return found

    def _init_probability(self) -> np.ndarray:
        return np.array(super()._init_probability(), dtype=np.float64)

    def _update_lang_prob(self, prob: np.ndarray, word: str | None, alpha: float) -> bool:
        if word is None:
            return False
        row = self._rows.get(word)
        if row is None:
            if word not in self.word_lang_prob_map:
                return False
            row = self._rows[word] = np.array(self.word_lang_prob_map[word], dtype=np.float64)
        prob *= alpha / self.BASE_FREQ + row
        return True

    def _normalize_prob(self, prob: np.ndarray) -> float:
        prob /= sum(prob.tolist())
        return float(prob.max())
