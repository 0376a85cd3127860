"""A plain-text block set out in two columns, read column by column, as the finders need it."""

from __future__ import annotations

import re
from collections import Counter

from mailhook.pipeline.phones import find_phones

# Two columns apart by tabs ("121 SW Salmon Street\t\t503.701.1160 (cell)"); a label before its
# value ("Phone:\t713-...", "Fax\t...") is one line, not two columns.
_GAP = re.compile(r"^(?P<left>\S.*?\S)\t+(?P<right>\S.*)$")
_LABELLED = re.compile(r"[:：]$")
# Columns set with spaces ("Example GmbH          Tel. +49 ..."): a run of three spaces or more,
# and the right parts aligned, starting at the same character; aligned text is what makes a
# column, a wide gap on its own is only a gap.
_SPACE_GAP = re.compile(r"(?P<left>\S.*?\S|\S) {3,}(?P<right>\S.*)$")
_ALIGN_SLACK = 1
# Once aligned rows set the column, the longest left part may stand only two spaces before it
# ("Hofer Elektro GmbH  Landstraße 48"): a gap of two at that column parts that line too.
_NARROW_GAP = re.compile(r"\S {2,}(?=\S)")
# With one wide gap only, three rows aligned at it make the column ("Lionbridge Freight Pte. Ltd.
# 10 Collyer Quay" under "Priya Raman      DID: ..."): two double spaces could be chance.
_LEAST_NARROW_ROWS = 3
# Lines of a block with the gap, at least: one such line is a stray tab.
_LEAST_ROWS = 2


def _paired(rows: list[tuple[str | None, str | None]]) -> int:
    """How many rows have both a left and a right part."""
    return sum(1 for left, right in rows if left is not None and right is not None)


def read_columns(lines: tuple[str, ...]) -> tuple[str, ...]:
    """The block's lines with its left column first, then its right column, where it is set out
    in two columns (two or more lines with a tab, or three spaces or more before right parts
    that start at one character, between a left part and a right part that is not a label's
    value); the lines as they are otherwise. Blank lines stay where they are, so that
    a line's paragraph does not change."""
    by_tabs = [_split(line) for line in lines]
    rows = by_tabs if _paired(by_tabs) >= _LEAST_ROWS else _split_by_spaces(lines)
    if rows is None or _paired(rows) < _LEAST_ROWS:
        return lines
    left = tuple(row[0] for row in rows if row[0] is not None)
    right = tuple(row[1] for row in rows if row[1] is not None)
    return (*left, *right)


def _split(line: str) -> tuple[str | None, str | None]:
    match = _GAP.match(line.strip())
    if match is None or _is_label(match["left"]):
        return line, None
    return match["left"], match["right"]


def _split_by_spaces(lines: tuple[str, ...]) -> list[tuple[str | None, str | None]] | None:
    """Rows split where right parts start at one column after three spaces or more; a line
    that starts there, with nothing to its left, is the right column's too."""
    starts = [m.start("right") if (m := _SPACE_GAP.search(line.rstrip())) else None for line in lines]
    counted = Counter(s for s in starts if s is not None)
    if not counted:
        return None
    column, _ = counted.most_common(1)[0]
    rows: list[tuple[str | None, str | None]] = []
    narrow = [_narrow_start(line, column) if s is None else s for line, s in zip(lines, starts, strict=True)]
    aligned = sum(1 for s in narrow if s is not None and abs(s - column) <= _ALIGN_SLACK)
    if counted[column] >= _LEAST_ROWS or aligned >= _LEAST_NARROW_ROWS:
        starts = narrow
    for line, start in zip(lines, starts, strict=True):
        indent = len(line) - len(line.lstrip(" "))
        if start is not None and abs(start - column) <= _ALIGN_SLACK:
            left, right = line[:start].strip(), line[start:].strip()
            rows.append((line, None) if _is_label(left) else (left, right))
        elif line.strip() and indent >= column - _ALIGN_SLACK:
            rows.append((None, line.strip()))
        else:
            rows.append((line, None))
    return rows


def _narrow_start(line: str, column: int) -> int | None:
    """Where the right part starts after a two-space gap at the column, if it does."""
    for match in _NARROW_GAP.finditer(line.rstrip()):
        if abs(match.end() - column) <= _ALIGN_SLACK:
            return match.end()
    return None


def _is_label(text: str) -> bool:
    """A label and nothing else: "Phone:", "Fax", "Tel." (its value is what follows)."""
    if _LABELLED.search(text):
        return True
    return len(text.split()) <= 2 and any(phone.labelled for phone in find_phones(f"{text} 0711 123456"))
