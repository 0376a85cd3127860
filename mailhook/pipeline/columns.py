"""A plain-text block set out in two columns, read column by column, as the finders need it."""

from __future__ import annotations

import re

from mailhook.pipeline.phones import find_phones

# Two columns apart by tabs ("121 SW Salmon Street\t\t503.701.1160 (cell)"); a label before its
# value ("Phone:\t713-...", "Fax\t...") is one line, not two columns.
_GAP = re.compile(r"^(?P<left>\S.*?\S)\t+(?P<right>\S.*)$")
_LABELLED = re.compile(r"[:：]$")
# Lines of a block with the gap, at least: one such line is a stray tab.
_LEAST_ROWS = 2


def read_columns(lines: tuple[str, ...]) -> tuple[str, ...]:
    """The block's lines with its left column first, then its right column, where it is set out
    in two columns (two or more lines with a tab between a left part and a right part that is not
    a label's value); the lines as they are otherwise. Blank lines stay where they are, so that
    a line's paragraph does not change."""
    rows = [_split(line) for line in lines]
    if sum(1 for row in rows if row[1] is not None) < _LEAST_ROWS:
        return lines
    left = tuple(row[0] for row in rows)
    right = tuple(row[1] for row in rows if row[1] is not None)
    return (*left, *right)


def _split(line: str) -> tuple[str, str | None]:
    match = _GAP.match(line.strip())
    if match is None or _is_label(match["left"]):
        return line, None
    return match["left"], match["right"]


def _is_label(text: str) -> bool:
    """A label and nothing else: "Phone:", "Fax", "Tel." (its value is what follows)."""
    if _LABELLED.search(text):
        return True
    return len(text.split()) <= 2 and any(phone.labelled for phone in find_phones(f"{text} 0711 123456"))
