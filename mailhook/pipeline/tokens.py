"""Signature blocks as the tagger reads them: tokens with a line-break token between lines, the
features the model embeds, and the spans it finds. Pure; training and inference share it, so the
model never sees features computed differently from how it was trained."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

LINE_BREAK = "⏎"  # one token between lines, so the model sees the block's line structure
FEATURE_FIELDS: tuple[str, ...] = ("word", "shape", "position", "line")

# Runs of letters/digits, or a run of one repeated symbol ("----", "|"). Finer than words on
# purpose: "D-80331" must split so that the postcode can be tagged without its country prefix.
_TOKEN = re.compile(r"[^\W_]+|([^\w\s]|_)\1*")
_DIGIT = re.compile(r"\d")
_URL = re.compile(r"www\.|https?:|\.(com|net|org|de|fr|nl|eu|co\.uk)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Span:
    """An entity the tagger found: its label, text, line and [start, end) offsets in that line."""

    label: str
    text: str
    line: int
    start: int
    end: int
    confidence: float


@dataclass(frozen=True)
class TokenFeatures:
    """One model input token: where it sits in the block, and the features the model embeds."""

    text: str
    line: int
    start: int
    end: int
    word: str
    shape: str
    position: str
    line_kind: str

    @property
    def is_line_break(self) -> bool:
        return self.text == LINE_BREAK

    def feature(self, field: str) -> str:
        """The value of one of FEATURE_FIELDS ("line" is the line's kind)."""
        return self.line_kind if field == "line" else str(getattr(self, field))


def featurize(lines: Sequence[str]) -> list[TokenFeatures]:
    """The tokens of a signature block, with a line-break token between lines, and their features."""
    tokens: list[TokenFeatures] = []
    filled = [number for number, line in enumerate(lines) if line.strip()]
    for number, line in enumerate(lines):
        if number:
            end = len(lines[number - 1])
            tokens.append(TokenFeatures(LINE_BREAK, number - 1, end, end, LINE_BREAK, "NL", "NL", "NL"))
        matches = list(_TOKEN.finditer(line))
        if not matches:
            continue
        rank = filled.index(number)
        kind = _line_kind(line, len(matches))
        for index, match in enumerate(matches):
            where = _where_in_line(index, len(matches))
            position = f"{min(rank, 6)}|{min(len(filled) - 1 - rank, 3)}|{where}"
            text = match.group()
            word, shape = _word_and_shape(text)
            tokens.append(TokenFeatures(text, number, match.start(), match.end(), word,
                                        shape, position, kind))
    return tokens


def _where_in_line(index: int, count: int) -> str:
    if count == 1:
        return "only"
    return "first" if index == 0 else "last" if index == count - 1 else "mid"


# Tokens repeat from block to block; the bound keeps a long-running worker's memory flat.
@lru_cache(maxsize=65_536)
def _word_and_shape(text: str) -> tuple[str, str]:
    return _DIGIT.sub("0", text.lower()), _shape(text)


def _shape(text: str) -> str:
    """Character classes with runs collapsed ("Hoskins" -> "Xx"), plus a length bucket."""
    classes = ["X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit()
               else "a" if c.isalpha() else c for c in text]
    collapsed = "".join(c for i, c in enumerate(classes) if i == 0 or classes[i - 1] != c)
    return f"{collapsed[:6]}|{len(text) if len(text) <= 6 else '7+'}"


def _line_kind(line: str, token_count: int) -> str:
    """What a line looks like as a whole: e-mail, URL, phone, rule, digits or text, and its length."""
    alnum = sum(c.isalnum() for c in line)
    digits = sum(c.isdigit() for c in line)
    if alnum == 0:
        kind = "rule"
    elif "@" in line:
        kind = "email"
    elif _URL.search(line):
        kind = "url"
    elif digits >= 6 and digits * 2 >= alnum:
        kind = "phone"
    else:
        kind = "digits" if digits else "text"
    size = next(label for limit, label in ((1, "1"), (2, "2"), (3, "3"), (6, "4-6"), (10, "7-10"))
                if token_count <= limit) if token_count <= 10 else "11+"
    return f"{kind}:{size}"
