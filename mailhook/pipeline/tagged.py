"""Candidates from the signature tagger: a finder that adds what the line rules cannot see."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mailhook.model import Evidence
from mailhook.pipeline.candidate import Block, Candidate, Finder
from mailhook.pipeline.checks import check_span
from mailhook.pipeline.names import clean_name_line, split_name

if TYPE_CHECKING:  # the tagger module imports flair lazily; typing needs no import here
    from mailhook.pipeline.tagger import SignatureTagger
    from mailhook.pipeline.tokens import Span

LABEL_FIELDS = {
    "TITLE": "job_title",
    "ORG": "company",
    "STREET": "street_address",
    "CITY": "city",
    "STATE": "state",
    "POSTCODE": "postal_code",
    "COUNTRY": "country",
}
# The tagger's span scores are not calibrated (a right "München" scored 0.50), so they are scaled
# by what the checks say of the span: confirmed by data the tagger never saw (the From header, a
# country's postal-code pattern, the country list), unchecked, or contradicted (dropped).
# Tuned on generated mail only; see docs/model.md.
WEIGHT_CONFIRMED = 0.9
WEIGHT_UNCHECKED = 0.6
MIN_CONFIDENCE = 0.8  # below this, the packaged tagger added more false fields than right ones
# Orders after the rules' own, so that between equal confidences the rule's candidate wins.
ORDER_OFFSET = 10_000


def tagger_finder(tagger: SignatureTagger) -> Finder:
    """A finder backed by the tagger, to add to the pipeline's rule finders."""
    return TaggerFinder(tagger)


class TaggerFinder:
    """The tagger as a finder; `find_many` tags many blocks in one batch (extract_many)."""

    def __init__(self, tagger: SignatureTagger) -> None:
        self._tagger = tagger

    def __call__(self, block: Block) -> list[Candidate]:
        return self.find_many([block])[0]

    def find_many(self, blocks: Sequence[Block]) -> list[list[Candidate]]:
        tagged = self._tagger.tag_many([list(block.lines) for block in blocks])
        return [candidates_from_spans(spans, block) for spans, block in zip(tagged, blocks, strict=True)]


def candidates_from_spans(spans: list[Span], block: Block) -> list[Candidate]:
    """Turn tagged spans into field candidates (names split into first and last), each weighed
    by its check."""
    found: list[Candidate] = []
    for span in spans:
        if span.confidence < MIN_CONFIDENCE:
            continue
        verdict = check_span(span, spans, block)
        if verdict is False:
            continue
        weight = WEIGHT_CONFIRMED if verdict else WEIGHT_UNCHECKED
        line = block.lines[span.line].strip() if span.line < len(block.lines) else span.text
        confidence = round(weight * span.confidence, 3)
        order = ORDER_OFFSET + span.line
        if span.label == "NAME":
            name = split_name(span.line, clean_name_line(span.text), block.language, block.author)
            parts = (("first_name", name.first), ("last_name", name.last))
            found += [_candidate(f, v, line, confidence, order) for f, v in parts if v]
        elif span.label in LABEL_FIELDS:
            found.append(_candidate(LABEL_FIELDS[span.label], span.text, line, confidence, order))
    return found


def _candidate(field: str, value: str, line: str, confidence: float, order: int) -> Candidate:
    value = value.strip()
    evidence = Evidence(line=line, extractor="tagger", confidence=confidence)
    return Candidate(field, value, value, evidence, order)
