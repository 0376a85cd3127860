"""A block's parts set in a row between bars or bullets, read one part a line as every finder needs."""

from __future__ import annotations

import re

from mailhook.pipeline import lines as kind

# "Anna Berg | Sales | Acme GmbH | Tel. +49 ...": parts between bars or bullets with spaces around,
# or double colons ("OTRS GmbH :: Europaring 4 :: D - 94315 Straubing").
_BREAK = re.compile(r"\s+(?:[|•·]|::)\s+")
# A row has this many parts at least; "Tel. ... | Fax ..." is one too (measured against 3).
_LEAST_PARTS = 2
# A sentence cut by a bar ("Yes | no, we agreed ...") is no row: its parts are a few words each.
_PART_WORDS = 8


def read_rows(lines: tuple[str, ...]) -> tuple[str, ...]:
    """The block's lines with each row of parts read as one line per part (a one-line HTML
    signature: "Name | Title | Company | Street | Phone"), rules and "--" among the parts left
    out; every other line as it is."""
    read: list[str] = []
    for line in lines:
        parts = _parts(line)
        read.extend(parts if parts else [line])
    return tuple(read)


def row_parts(line: str) -> list[str]:
    """The parts of a row ("Acme GmbH | Hauptstr. 1 | 12345 Ort"), or the line alone."""
    return _parts(line) or [line]


def _parts(line: str) -> list[str] | None:
    if "|" not in line and "•" not in line and "·" not in line and " :: " not in line:
        return None
    parts = area_codes_joined([part.strip() for part in _BREAK.split(line.strip())])
    parts = [part for part in parts if part and not _is_rule(part)]
    if len(parts) < _LEAST_PARTS or any(len(part.split()) > _PART_WORDS for part in parts):
        return None
    return parts


def _is_rule(part: str) -> bool:
    return bool(kind.SEPARATOR.match(part) or kind.DELIMITER.match(part))


# A bar after the area code ("tel: 0731 | 175 49 88 9") parts the number, not the row.
_AREA_CODE_END = re.compile(r"(?:^|[\s:])0\d{2,4}$")
_NUMBER_REST = re.compile(r"^\d[\d ]{5,12}$")


def area_codes_joined(parts: list[str]) -> list[str]:
    """The parts with an area code and the rest of its number, split at a bar, joined again."""
    joined: list[str] = []
    for part in parts:
        if joined and _AREA_CODE_END.search(joined[-1]) and _NUMBER_REST.match(part):
            joined[-1] = f"{joined[-1]} | {part}"
        else:
            joined.append(part)
    return joined

