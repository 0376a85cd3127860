"""The full stop of an ordinal date ("bis zum 3. Mai", "innen 3. mai", "do 3. maja"): it ends no
sentence nor clause, yet the segmenter may cut there and the cues' clause ends stop there (issue 15,
eighth round: "Kan du bekrefte ... innen 3. mai?" read as no question)."""

from __future__ import annotations

import re

# Before a month name (capitalised in German) or a word in lower case: "am 3. Danach ..." ends.
_ORDINAL_DOT = re.compile(
    r"(?<=\b\d)\.(?=\s+(?:[a-zäöüßåæøąćęłńóśźż]|(?i:jan|feb|mär|mar|apr|mai|maj|jun|jul|aug|sep|okt|oct|nov"
    r"|dez|dec|des)))|(?<=\b\d\d)\.(?=\s+(?:[a-zäöüßåæøąćęłńóśźż]|(?i:jan|feb|mär|mar|apr|mai|maj|jun|jul"
    r"|aug|sep|okt|oct|nov|dez|dec|des)))"
)
LEADER = "\u2024"  # one character for one: a match's offsets in the masked text hold in the original
_ENDS_ON_ORDINAL = re.compile(r"\b\d{1,2}\.$")


def masked(sentence: str) -> str:
    """The sentence with its ordinal dates' full stops read as LEADER."""
    return _ORDINAL_DOT.sub(LEADER, sentence)


def rejoined(parts: list[str]) -> list[str]:
    """Pieces cut after an ordinal date's full stop ("do 3." + "maja?"), put back together: a piece
    that goes on in lower case continues its sentence."""
    joined: list[str] = []
    for part in parts:
        if joined and _ENDS_ON_ORDINAL.search(joined[-1]) and part[:1].islower():
            joined[-1] = f"{joined[-1]} {part}"
        else:
            joined.append(part)
    return joined
