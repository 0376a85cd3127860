"""Map a synthetic signature's character-level entities onto the tagger's tokens, and score spans."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from mailhook.pipeline.tokens import Span, TokenFeatures
from mailhook.training.block import Entity

# (label, line, start, end): a span compared by position, not by confidence.
SpanKey = tuple[str, int, int, int]


def token_spans(tokens: Sequence[TokenFeatures], entities: Iterable[Entity]) -> list[tuple[str, int, int]]:
    """(label, first, last) token index ranges, inclusive, for each entity that covers tokens."""
    found: list[tuple[str, int, int]] = []
    for entity in entities:
        inside = [i for i, t in enumerate(tokens) if not t.is_line_break and t.line == entity.line
                  and t.start >= entity.start and t.end <= entity.end]
        if inside:
            found.append((entity.label, inside[0], inside[-1]))
    return found


def gold_keys(tokens: Sequence[TokenFeatures], entities: Iterable[Entity]) -> set[SpanKey]:
    """The entities snapped to token boundaries, as the tagger could predict them."""
    return {(label, tokens[first].line, tokens[first].start, tokens[last].end)
            for label, first, last in token_spans(tokens, entities)}


def span_keys(spans: Iterable[Span]) -> set[SpanKey]:
    return {(s.label, s.line, s.start, s.end) for s in spans}


@dataclass(frozen=True)
class LabelScore:
    """Exact-span precision, recall and F1 for one label (or "ALL")."""

    label: str
    precision: float
    recall: float
    f1: float
    support: int


def score_spans(gold: Sequence[set[SpanKey]], predicted: Sequence[set[SpanKey]]) -> list[LabelScore]:
    """Per-label and micro-averaged exact-match scores over a list of blocks."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for gold_set, predicted_set in zip(gold, predicted, strict=True):
        for key in gold_set & predicted_set:
            tp[key[0]] += 1
        for key in predicted_set - gold_set:
            fp[key[0]] += 1
        for key in gold_set - predicted_set:
            fn[key[0]] += 1
    labels = sorted(set(tp) | set(fp) | set(fn))
    scores = [_score(label, tp[label], fp[label], fn[label]) for label in labels]
    return [*scores, _score("ALL", sum(tp.values()), sum(fp.values()), sum(fn.values()))]


def _score(label: str, tp: int, fp: int, fn: int) -> LabelScore:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return LabelScore(label, precision, recall, f1, tp + fn)
