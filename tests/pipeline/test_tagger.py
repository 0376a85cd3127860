"""The signature tagger: features, the shipped model, batching, and the synthetic data generator."""

from __future__ import annotations

from pathlib import Path

import pytest

from mailhook.pipeline import network
from mailhook.pipeline.tagger import SignatureTagger
from mailhook.pipeline.tokens import LINE_BREAK, Span, featurize

SIGNATURES: dict[str, list[str]] = {
    "en": ["Best regards,", "", "Jennifer Walsh", "Senior Account Manager", "Northwind Traders Inc.",
           "1200 Market Street, Suite 400", "San Francisco, CA 94103", "Tel: (415) 555-0134",
           "jennifer.walsh@northwind.com"],
    "de": ["Mit freundlichen Grüßen", "", "Thomas Berger", "Leiter Vertrieb", "Berger & Söhne GmbH",
           "Hauptstraße 12", "80331 München", "Tel.: +49 89 1234567", "Fax: +49 89 1234568"],
    "fr": ["Cordialement,", "Sophie Martin", "Responsable commercial", "Lumière Conseil SARL",
           "14 rue de la République", "69002 Lyon", "France", "Tél : +33 4 72 00 00 00"],
    "es": ["Saludos cordiales,", "Carlos García López", "Director de Ventas",
           "Soluciones Ibéricas S.L.", "Calle de Alcalá 45", "28014 Madrid",
           "Móvil: +34 612 345 678"],
    "nl": ["Met vriendelijke groet,", "", "Pieter de Vries", "Accountmanager",
           "Van Dijk Techniek B.V.", "Keizersgracht 123", "1015 CJ Amsterdam",
           "T +31 20 123 4567"],
    "pl": ["Pozdrawiam,", "Katarzyna Nowak", "Kierownik Sprzedaży", "Nowak Logistics Sp. z o.o.",
           "ul. Marszałkowska 10", "00-590 Warszawa", "tel. +48 22 123 45 67"],
    "it": ["Cordiali saluti,", "Giulia Rossi", "Responsabile Acquisti", "Rossi Ingegneria S.r.l.",
           "Via Roma 25", "20121 Milano", "Tel. +39 02 1234567"],
}
EXPECTED: dict[str, tuple[str, str]] = {
    "en": ("Jennifer Walsh", "San Francisco"),
    "de": ("Thomas Berger", "München"),
    "fr": ("Sophie Martin", "Lyon"),
    "es": ("Carlos García López", "Madrid"),
    "nl": ("Pieter de Vries", "Amsterdam"),
    "pl": ("Katarzyna Nowak", "Warszawa"),
    "it": ("Giulia Rossi", "Milano"),
}
ONE_LINERS = [
    ["Thanks,", "Tom"],
    ["Anna Schmidt | Projektleiterin | Schmidt Bau GmbH", "Bahnhofstr. 3 · 10115 Berlin"],
    [],
    ["", "   "],
]


@pytest.fixture(scope="module")
def tagger() -> SignatureTagger:
    return SignatureTagger.load()


def _text(spans: list[Span], label: str) -> list[str]:
    return [span.text for span in spans if span.label == label]


def test_featurize_puts_one_line_break_token_between_lines() -> None:
    """Each line's tokens are followed by one line-break token, except after the last line."""
    tokens = featurize(["Jane Doe", "", "ACME Ltd"])
    assert [t.text for t in tokens] == ["Jane", "Doe", LINE_BREAK, LINE_BREAK, "ACME", "Ltd"]


def test_featurize_offsets_point_back_into_the_line() -> None:
    """Every word token's offsets slice its own text out of its line."""
    lines = ["Dr. Jürgen Müller-Lüdenscheidt, MBA", "D-80331 München | Tel.: +49 89 12"]
    for token in featurize(lines):
        if not token.is_line_break:
            assert lines[token.line][token.start : token.end] == token.text


def test_featurize_splits_a_country_prefix_from_the_postcode() -> None:
    """'D-80331' is three tokens, so the postcode can be tagged without its prefix."""
    assert [t.text for t in featurize(["D-80331 München"])][:3] == ["D", "-", "80331"]


def test_shipped_model_survives_save_and_reload(tagger: SignatureTagger, tmp_path: Path) -> None:
    """A model saved and loaded again, as a flair file or as our weights file, predicts exactly
    what the shipped tagger predicts."""
    blocks = [*SIGNATURES.values(), *ONE_LINERS]
    saved, weights = tmp_path / "tagger.pt", tmp_path / "tagger.npz"
    tagger.model.save(saved)
    network.save(network.flair_weights(tagger.model), weights)
    assert SignatureTagger.load(saved).tag_many(blocks) == tagger.tag_many(blocks)
    assert SignatureTagger.load(weights).tag_many(blocks) == tagger.tag_many(blocks)


@pytest.mark.parametrize("language", sorted(SIGNATURES))
def test_tags_the_name_and_city_of_a_signature(tagger: SignatureTagger, language: str) -> None:
    """The shipped model finds the person's name and the city in signatures in seven languages,
    two of them (pl, it) from locales held out of training."""
    spans = tagger.tag(SIGNATURES[language])
    name, city = EXPECTED[language]
    assert _text(spans, "NAME") == [name]
    assert _text(spans, "CITY") == [city]


def test_span_offsets_slice_the_span_text_out_of_its_line(tagger: SignatureTagger) -> None:
    """A span's line, start and end give back its text; confidences are probabilities."""
    for lines in SIGNATURES.values():
        for span in tagger.tag(lines):
            assert lines[span.line][span.start : span.end] == span.text
            assert 0.0 < span.confidence <= 1.0


def test_batched_tagging_equals_tagging_one_by_one(tagger: SignatureTagger) -> None:
    """tag_many over mixed-length blocks returns what tag returns for each block alone."""
    blocks = [*SIGNATURES.values(), *ONE_LINERS]
    singles = [tagger.tag(lines) for lines in blocks]
    batched = tagger.tag_many(blocks)
    assert [[(s.label, s.line, s.start, s.end) for s in spans] for spans in batched] == [
        [(s.label, s.line, s.start, s.end) for s in spans] for spans in singles
    ]
    for one, many in zip(singles, batched, strict=True):
        assert [s.confidence for s in many] == pytest.approx([s.confidence for s in one], abs=1e-4)


def test_blank_blocks_have_no_spans(tagger: SignatureTagger) -> None:
    """No lines, or only blank lines, give no spans rather than an error."""
    assert tagger.tag_many([[], ["", "   "]]) == [[], []]


def test_generator_is_deterministic_and_its_entities_align_with_tokens() -> None:
    """The same seed gives the same signatures, and every entity covers whole tokens."""
    pytest.importorskip("faker")
    pytest.importorskip("pycountry")
    from mailhook.training.alignment import token_spans
    from mailhook.training.generator import SignatureGenerator

    first = SignatureGenerator(seed=7).take(200)
    assert first == SignatureGenerator(seed=7).take(200)
    for signature in first:
        tokens = featurize(signature.lines)
        spans = token_spans(tokens, signature.entities)
        assert len(spans) == len(signature.entities)
        for (_, start, end), entity in zip(spans, signature.entities, strict=True):
            assert (tokens[start].start, tokens[end].end) == (entity.start, entity.end)


def test_generator_covers_every_label_and_keeps_held_out_locales_out() -> None:
    """Training signatures carry all eight labels and never come from a held-out locale."""
    pytest.importorskip("faker")
    pytest.importorskip("pycountry")
    from mailhook.training.generator import (
        HELD_OUT_LOCALES,
        LABELS,
        TRAIN_LOCALES,
        SignatureGenerator,
    )

    signatures = SignatureGenerator(TRAIN_LOCALES, seed=1).take(500)
    assert {e.label for s in signatures for e in s.entities} == set(LABELS)
    assert not {s.locale for s in signatures} & set(HELD_OUT_LOCALES)
