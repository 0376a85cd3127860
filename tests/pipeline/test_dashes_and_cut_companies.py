"""A long dash between the street and the postal code parts them ("28, rue de la Chapelle — 75018
Paris"); a company the tagger cut at "and" or "&" is read to the end of the name its line writes."""

from __future__ import annotations

import pytest

from mailhook.model import Author
from mailhook.pipeline import Finder, Part, extract
from mailhook.pipeline.candidate import Block
from mailhook.pipeline.checks import completed_span
from mailhook.pipeline.tokens import Span


@pytest.mark.parametrize(("line", "street", "code", "city"), [
    ("28, rue de la Chapelle — 75018 Paris", "28, rue de la Chapelle", "75018", "Paris"),
    ("Calle Mayor 12 — 28013 Madrid", "Calle Mayor 12", "28013", "Madrid"),
    ("Hauptstraße 5 — 80331 München", "Hauptstraße 5", "80331", "München"),
])
def test_a_long_dash_parts_street_and_postal_code(
    line: str, street: str, code: str, city: str, finders: tuple[Finder, ...]
) -> None:
    author = Author("Jean-Philippe Mengual", "jp@hypra.example")
    text = f"Bonjour,\n\nle tutoriel est en ligne.\n\nregards\n\nJean-Philippe Mengual\n{line}\n"
    fields = extract(Part(author, text, 0, None, "utf-8"), finders).fields
    assert (fields["street_address"], fields["postal_code"], fields["city"]) == (street, code, city)


@pytest.mark.parametrize(("line", "cut", "whole"), [
    ("SIEMENS Home and Office Communication", "SIEMENS Home and", "SIEMENS Home and Office Communication"),
    ("Smith and Jones | Tel 123", "Smith and", "Smith and Jones"),
    ("Müller & Söhne GmbH, Berlin", "Müller &", "Müller & Söhne GmbH"),
    ("Acme and 12 more", "Acme and", "Acme and"),
])
def test_a_company_cut_at_a_joining_word_runs_on(line: str, cut: str, whole: str) -> None:
    block = Block((line,), (), None, "en")
    assert completed_span(Span("ORG", cut, 0, 0, len(cut), 0.9), block).text == whole
