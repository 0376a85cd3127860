"""extract_many reads several authors' words at once (one tagger batch): each result must be
what extract gives for that part alone."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from mails import mail

from mailhook import pipeline
from mailhook.model import Extraction

DATA = Path(__file__).resolve().parent.parent / "data" / "pipeline"


def test_extract_many_gives_what_extract_gives_alone() -> None:
    """Over the pipeline fixtures (signatures in several languages, none, a skipped language)
    and a hand-made reply, with the shipped tagger in the finders."""
    raws = [p.read_bytes() for p in sorted(DATA.glob("*.eml"))]
    raws.append(bytes(mail("bob@acme.example", "ann@us.example",
                           "Hi Ann,\n\nsee you.\n\nBest regards,\nBob Smith\nSales Director\n"
                           "Acme GmbH\nHauptstr. 5, 10115 Berlin\nTel: +49 30 1234567\n",
                           message_id="<many@acme.example>")))
    parts = [pipeline.read_message(raw).own for raw in raws]
    finders = pipeline.load_finders()
    together = pipeline.extract_many(parts, finders)
    assert sum(e.has_signature for e in together) >= 8  # the comparison is about real blocks
    assert any(e.skipped for e in together) and any(not e.has_signature for e in together)
    alone = [pipeline.extract(part, finders) for part in parts]
    # Batched float32 arithmetic may move a tagger confidence in its last digits, nothing more.
    assert [_without_confidences(e) for e in together] == [_without_confidences(e) for e in alone]


def _without_confidences(found: Extraction) -> Extraction:
    evidence = {k: dataclasses.replace(v, confidence=0.0) for k, v in found.evidence.items()}
    return dataclasses.replace(found, evidence=evidence)


def test_extract_many_of_nothing_is_nothing() -> None:
    assert pipeline.extract_many([], pipeline.load_finders()) == []
