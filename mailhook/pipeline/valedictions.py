"""Valedictions as people type them: the lexicon's, or one misspelt by a letter or two."""

from __future__ import annotations

import re
from functools import lru_cache

from mailhook.pipeline import lines as kind
from mailhook.pipeline.folding import fold
from mailhook.pipeline.lexicon import VALEDICTIONS

# A valediction word misspelt: within this many edits of a valediction of at least this length.
_FUZZY_EDITS = ((12, 2), (7, 1))
_LONGEST_VALEDICTION = 40
_MOST_VALEDICTION_WORDS = 6
# For whom one signs: German "im Auftrag" / "in Vertretung" and "per procura", abbreviated (safe
# before a name on its line: "i.A. Peter Dorn") or written out on a line of their own.
ON_BEHALF_MARKS = r"i\.\s?A\.|i\.\s?V\.|ppa\.|pp\.|p\.p\.|p\.o\."
_ON_BEHALF = re.compile(
    rf"^(?:{ON_BEHALF_MARKS}|i\.\s?a|i\.\s?v|im auftrag|in vertretung|ppa|pp|p\.\s?p\.?|per procura|"
    r"on behalf of|for and on behalf of|namens|p\.\s?o\.?)[,:]?$",
    re.IGNORECASE,
)


def is_on_behalf(line: str) -> bool:
    """A line of its own between the valediction and the name ("Im Auftrag", "i. A.")."""
    return bool(_ON_BEHALF.match(line.strip()))


@lru_cache(maxsize=1024)  # the block finder and both name finders ask about the same lines
def is_valediction_like(line: str) -> bool:
    """A valediction, or one misspelt by a letter or two ("Best regrds,", "Cordialment"), or two
    in two languages ("Regards/Mit freundlichen Grüßen")."""
    if kind.is_valediction(line):
        return True
    if "/" in line and all(kind.is_valediction(part) for part in line.split("/")):
        return True
    text = fold(line.strip().strip("!.,;:-–—*_ "))
    if not text or len(text) > _LONGEST_VALEDICTION or len(text.split()) > _MOST_VALEDICTION_WORDS:
        return False
    if any(c.isdigit() or c in "@/|" for c in text):
        return False
    edits = next((most for size, most in _FUZZY_EDITS if len(text) >= size), 0)
    candidates = _valedictions_near(text[0], len(text), edits) if edits else []
    return any(_within(text, word, edits) for word in candidates)


@lru_cache(maxsize=1)
def _valediction_index() -> dict[str, tuple[str, ...]]:
    """VALEDICTIONS by first letter (folded), the lookup misspellings are compared within."""
    index: dict[str, list[str]] = {}
    for word in VALEDICTIONS.split("|"):
        folded = fold(re.sub(r"\\(.)", r"\1", word))  # the alternation is regex-escaped
        index.setdefault(folded[:1], []).append(folded)
    return {letter: tuple(words) for letter, words in index.items()}


def _valedictions_near(letter: str, size: int, edits: int) -> list[str]:
    # A misspelling keeps the first letter (most typos do) and the length within its edits.
    return [w for w in _valediction_index().get(letter, ()) if abs(len(w) - size) <= edits and len(w) >= 7]


def _within(a: str, b: str, most: int) -> bool:
    """Optimal string alignment distance of a and b is at most `most` (a swap is one edit),
    computed in the band |i - j| <= most only. Written here: the standard library has no edit
    distance, and the lines are short."""
    if abs(len(a) - len(b)) > most:
        return False
    far = most + 1
    before = [far] * (len(b) + 1)
    previous = [min(j, far) for j in range(len(b) + 1)]
    for i in range(1, len(a) + 1):
        current = [far] * (len(b) + 1)
        current[0] = min(i, far)
        for j in range(max(1, i - most), min(len(b), i + most) + 1):
            cost = a[i - 1] != b[j - 1]
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, before[j - 2] + 1)
            current[j] = min(value, far)
        if min(current) > most:
            return False
        before, previous = previous, current
    return previous[-1] <= most
