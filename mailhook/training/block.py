"""A signature under construction: lines made of (text, label) pieces, turned into labelled lines."""

from __future__ import annotations

import random
from dataclasses import dataclass

# A run of text and its entity label (None for O).
Piece = tuple[str, str | None]


@dataclass(frozen=True)
class Entity:
    """A labelled character range [start, end) on one line of a signature."""

    label: str
    line: int
    start: int
    end: int


@dataclass(frozen=True)
class LabelledSignature:
    """One synthetic signature block: its lines and the entities on them."""

    locale: str
    lines: tuple[str, ...]
    entities: tuple[Entity, ...]


class Block:
    """Collects lines of pieces; `build` lays them out with offsets, indentation and blank lines."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._lines: list[list[Piece]] = []

    def line(self, pieces: list[Piece]) -> None:
        self._lines.append(pieces)

    def maybe_blank(self, probability: float) -> None:
        if self._lines and self._lines[-1] and self._rng.random() < probability:
            self._lines.append([])

    def build(self, locale: str) -> LabelledSignature:
        while self._lines and not self._lines[-1]:
            self._lines.pop()
        indent = " " * self._rng.choice([0] * 9 + [1, 2, 4, 5])
        lines: list[str] = []
        entities: list[Entity] = []
        for number, pieces in enumerate(self._lines):
            text = indent if pieces else ""
            for piece, label in pieces:
                if label is not None:
                    start = len(text) + len(piece) - len(piece.lstrip())
                    end = len(text) + len(piece.rstrip())
                    if end > start:
                        entities.append(Entity(label, number, start, end))
                text += piece
            if pieces and self._rng.random() < 0.05:
                text += " " * self._rng.randint(1, 3)
            lines.append(text)
        return LabelledSignature(locale, tuple(lines), tuple(entities))
