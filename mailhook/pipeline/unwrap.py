"""Signature lines a mail client wrapped at 40 or 72 columns, read as the lines they were.

A title cut after its connector ("Head of Quality and" / "Product Development") or before it
("Senior Manager, Supply Chain" / "and Logistics"), a label whose number went to the next line
("Tel: +44 113 496 0000 Fax:" / "+44 113 496 0001"), a number cut in its digits and a street
cut after its postal code ("Hafenstraße 4, 01067" / "Dresden") are joined;
the line below is left empty, so that every line keeps its index in the block.
"""

from __future__ import annotations

import re

from mailhook.pipeline import lines as kind
from mailhook.pipeline.labels import LABEL

# Words that join the parts of a title or an organisation's name and never end one, in the
# languages we read: a line ending in one was cut by the client.
_CONNECTORS = frozenset(
    {"and", "of", "for", "the", "&", "und", "für", "der", "des", "et", "de", "la", "du", "pour",
     "y", "del", "e", "di", "della", "per", "en", "van", "voor", "het", "och", "för", "og", "af", "i",
     "és", "a", "ds.", "do", "da", "dos", "das", "w", "z", "oraz", "und/oder", "-", "–", "/"}
)
# Connectors that open a continued line ("and Logistics", "& Marketing", "und Vertrieb").
_OPENERS = frozenset({"and", "&", "und", "et", "y", "e", "en", "och", "og", "és", "i", "oraz", "of", "de"})
# Articles that carry an organisation's name on to the next line ("des Landes Brandenburg").
_GENITIVES = frozenset({"des", "der", "del", "della", "de", "di", "du"})
# A line ending in a phone label with no number after it ("... Fax:", "Tel.").
_LABEL_AT_END = re.compile(rf"(?:^|\s)(?:{LABEL.pattern})\s*[.:：]?\s*$", re.IGNORECASE)
# The line below starts with a number.
_NUMBER_FIRST = re.compile(r"^[+(]?\d")
# A number's digits cut: the line ends in digits and the next holds only a few more digits.
_DIGITS_AT_END = re.compile(r"\d[\d\s().-]*$")
_DIGITS_ONLY = re.compile(r"^[\d\s().-]{2,12}$")
# A street line cut after its postal code ("Hafenstraße 4, 01067" / "Dresden"): the city follows.
_CODE_AT_END = re.compile(r",\s*(?:[A-Z]{1,2}-)?\d{4,5}$")
_CITY_ALONE = re.compile(r"^[^\W\d_][^\W\d_.' -]*(?:[ -][^\W\d_][^\W\d_.'-]*){0,2}$")
# A wrapped line and its rest are one signature line: a line of this many characters at most.
_LONGEST_JOINED = 110


def unwrapped(lines: tuple[str, ...]) -> tuple[str, ...]:
    """The block's lines with each wrapped line joined to its rest; the rest's line left empty."""
    read = list(lines)
    for index in range(len(read) - 1):
        line, below = read[index].rstrip(), read[index + 1].strip()
        if line and below and _wrapped(line, below):
            read[index], read[index + 1] = f"{line} {below}", ""
    return tuple(read)


def _wrapped(line: str, below: str) -> bool:
    if len(line) + len(below) + 1 > _LONGEST_JOINED or "\t" in line or "    " in line.strip():
        return False  # a column's gap: read_columns reads it
    if _NUMBER_FIRST.match(below):
        return (bool(_LABEL_AT_END.search(line)) and _labels_lead(line)) or _cut_number(line, below)
    if kind.has_contact(line) or kind.has_contact(below) or kind.EMAIL.search(below):
        return False
    if _CODE_AT_END.search(line):
        return bool(_CITY_ALONE.match(below)) and below[0].isupper()
    last, first = line.split()[-1].casefold(), below.split()[0].casefold()
    if last in _CONNECTORS and not line.endswith((",", ";")):
        # "- Geschäftsführung/Inhaber -": dashes that frame a line cut nothing; nor is a rule
        # ("_____") any line's rest.
        framed = last in {"-", "–"} and line.lstrip()[:1] in {"-", "–"}
        return (_words(line) >= 2 and not kind.is_name_like(line) and not framed
                and not kind.SEPARATOR.match(below))
    if first in _GENITIVES and below[0].islower() and _words(below) <= 5 and kind.is_org(line):
        return True  # "Ministerium des Innern" / "des Landes Brandenburg": one organisation's name
    return first in _OPENERS and below[0].islower() and _words(below) <= 4 and kind.is_title(line)


def _labels_lead(line: str) -> bool:
    """Labels written before their numbers ("Tel: ... Fax:"), not after ("713-646-6421 Office"):
    only then is a label at the end the next line's."""
    digit = next((i for i, c in enumerate(line) if c.isdigit()), len(line))
    return digit == len(line) or LABEL.search(line[:digit]) is not None


def _cut_number(line: str, below: str) -> bool:
    """ "Tel: +44 113" / "496 0001": a labelled number's digits broken across two lines."""
    end = _DIGITS_AT_END.search(line)
    if end is None or not _DIGITS_ONLY.match(below) or not LABEL.search(line[: end.start()]):
        return False
    digits = sum(c.isdigit() for c in end.group()) + sum(c.isdigit() for c in below)
    return 8 <= digits <= 15 and sum(c.isdigit() for c in end.group()) < 10


def _words(text: str) -> int:
    return len(text.split())
