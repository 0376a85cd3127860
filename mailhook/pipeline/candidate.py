"""What every finder reads (a Block) and proposes (Candidates): the seam between finders."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from mailhook.model import Author, Evidence


@dataclass(frozen=True)
class Block:
    """What finders read: the block's lines, the lines above it, the sender and the language."""

    lines: tuple[str, ...]
    above: tuple[str, ...]
    author: Author | None
    language: str | None


@dataclass(frozen=True)
class Candidate:
    """A proposed value for one field, as written, with its normalised form and evidence."""

    field: str
    value: str
    normalised: str
    evidence: Evidence
    order: int  # position in the block, so that the first of equals wins


# A finder may also offer `find_many(blocks) -> list[list[Candidate]]`, the same for many blocks
# at once (the tagger: one batch through its network); extract_many uses it.
Finder = Callable[[Block], list[Candidate]]
