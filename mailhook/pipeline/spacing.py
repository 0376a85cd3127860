"""Lines a client set a blank line apart (Outlook's paragraph spacing), read as the lines they were."""

from __future__ import annotations

import re
from itertools import pairwise

from mailhook.pipeline import lines as kind

# Fewer text lines than this say too little about a client's spacing.
_SPACED_TEXT_LINES = 5
_SHORT_WORDS = 4
_RULE = re.compile(r"^[\s\-_=*~#+.·•|]{3,}$")
# A spaced run inside the text (a block spaced, the text around it not) needs this many lines,
# this many of them contact lines, and at least two single-blank gaps: a block's shape, not a
# few short paragraphs of prose.
_RUN_LINES = 4
_RUN_CONTACTS = 2
_RUN_SPACED_GAPS = 2
# Gaps between the lines of one spaced run: one blank (spacing) to three (a paragraph break).
_RUN_WIDEST_GAP = 4


def spaced_lines(lines: list[str]) -> list[int] | None:
    """The indices of the lines to read where a client spaced them (one blank is spacing, two or
    more a paragraph break, one blank kept per break): the text's spaced end, then any spaced
    run of contact lines inside it. None when nothing is spaced so."""
    at = _spaced_end(lines)
    read = lines if at is None else [lines[i] for i in at]
    inner = _spaced_runs(read)
    if inner is None:
        return at
    return inner if at is None else [at[i] for i in inner]


def _spaced_end(lines: list[str]) -> list[int] | None:
    """Where the text's last lines stand a blank line apart (no two of them touch)."""
    text = [i for i, line in enumerate(lines) if line.strip()]
    # The spaced run at the end: below the last pair of touching lines, if any, or from the
    # second of the pair when that is a short line (the name under "Best,"), not a sentence.
    touching = next(
        (k for k in range(len(text) - 1, 0, -1) if text[k] == text[k - 1] + 1 and not _rule(lines, text, k)),
        None,
    )
    first = 0 if touching is None else touching + (not _short(lines[text[touching]]))
    spaced = text[first:]
    gaps = [b - a for a, b in pairwise(spaced)]
    if len(spaced) < _SPACED_TEXT_LINES or all(gap > 2 for gap in gaps):
        return None  # too few lines, or every gap a break: nothing to join
    return _joined(len(lines), spaced)


def _joined(count: int, spaced: list[int]) -> list[int]:
    """Every index but the single blanks between the spaced lines (one blank kept per break)."""
    kept = list(range(spaced[0] + 1))
    for a, b in pairwise(spaced):
        if b - a > 2:
            kept.append(a + 1)
        kept.append(b)
    return kept + list(range(spaced[-1] + 1, count))


def _spaced_runs(lines: list[str]) -> list[int] | None:
    """A block spaced inside text that is not: runs of short lines, none touching another, one
    to three blanks apart, holding contact lines ("Name", "", "Firma GmbH", "", "Tel. ..."), read
    joined; the prose and paragraphs around them stay as written."""
    runs = [run for run in _runs(lines) if _block_shaped(lines, run)]
    if not runs:
        return None
    kept: list[int] = []
    done = 0
    for run in runs:
        kept.extend(range(done, run[0]))
        kept.extend(_joined(run[-1] + 1, run)[run[0] :])
        done = run[-1] + 1
    return kept + list(range(done, len(lines)))


def _runs(lines: list[str]) -> list[list[int]]:
    """Maximal runs of text lines, no long sentences, one to three blanks apart: a run's first
    line may end the paragraph above (the name under "Best,"), its last may open the one below."""
    text = [i for i, line in enumerate(lines) if line.strip()]
    runs: list[list[int]] = []
    run: list[int] = []
    for k, index in enumerate(text):
        if kind.is_long_prose(lines[index]):
            runs.append(run)
            run = []
            continue
        touches_above = k > 0 and text[k - 1] == index - 1
        if run and not touches_above and index - run[-1] <= _RUN_WIDEST_GAP:
            run.append(index)
        else:
            runs.append(run)
            run = [index]
        if k + 1 < len(text) and text[k + 1] == index + 1:
            runs.append(run)
            run = []
    return [r for r in [*runs, run] if len(r) >= _RUN_LINES]


def _block_shaped(lines: list[str], run: list[int]) -> bool:
    contacts = sum(1 for i in run if kind.has_contact(lines[i]) or kind.URL.search(lines[i]))
    spaced = sum(1 for a, b in pairwise(run) if b - a == 2)
    return contacts >= _RUN_CONTACTS and spaced >= _RUN_SPACED_GAPS


def _rule(lines: list[str], text: list[int], k: int) -> bool:
    """One of two touching lines is a rule ("=====") that frames the block."""
    return bool(_RULE.match(lines[text[k]]) or _RULE.match(lines[text[k - 1]]))


def _short(line: str) -> bool:
    text = line.strip()
    return len(text.split()) <= _SHORT_WORDS and not text.endswith((".", "?", "!", ":"))
