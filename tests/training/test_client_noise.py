"""Client noise on generated signatures: the changes real clients make, with every label kept right."""

from __future__ import annotations

import random

import pytest

from mailhook.pipeline.tokens import featurize
from mailhook.training import client_noise as cn
from mailhook.training.alignment import token_spans
from mailhook.training.block import Entity, LabelledSignature

SIGNATURE = LabelledSignature(
    "cs_CZ",
    (
        "S pozdravem",
        "Jana Dvořáková",
        "Obchodní manažerka | Příklad Stroje s.r.o.",
        "Národní 15, 110 00 Praha 1, Česká republika",
        "Tel.: +420 221 234 567",
        "Mobil: +420 602 123 456",
    ),
    (
        Entity("NAME", 1, 0, 14),
        Entity("TITLE", 2, 0, 18),
        Entity("ORG", 2, 21, 41),
        Entity("STREET", 3, 0, 10),
        Entity("POSTCODE", 3, 12, 18),
        Entity("CITY", 3, 19, 26),
        Entity("COUNTRY", 3, 28, 43),
    ),
)


def _texts(signature: LabelledSignature) -> list[tuple[str, str]]:
    return [(e.label, signature.lines[e.line][e.start : e.end]) for e in signature.entities]


def _apply(transform: cn.Transform, seed: int = 0) -> LabelledSignature:
    return cn.from_lines(SIGNATURE, transform(random.Random(seed), cn.to_lines(SIGNATURE)))


def test_lines_round_trip() -> None:
    assert cn.from_lines(SIGNATURE, cn.to_lines(SIGNATURE)) == SIGNATURE


def test_a_wrapped_line_carries_its_labels() -> None:
    """Wrapped at 24, the address line's street, postcode, city and country keep their labels on
    the lines they land on; a country cut at a space gives two COUNTRY spans."""
    lines = cn.to_lines(SIGNATURE)
    wrapped = cn.from_lines(SIGNATURE, [part for line in lines for part in cn.wrapped(line, 24)])
    assert all(len(line) <= 24 or " " not in line.strip() for line in wrapped.lines)
    assert "Národní 15, 110 00 Praha" in wrapped.lines
    assert _texts(wrapped)[3:] == [
        ("STREET", "Národní 15"), ("POSTCODE", "110 00"), ("CITY", "Praha"), ("CITY", "1"),
        ("COUNTRY", "Česká republika"),
    ]


def test_pipes_join_the_lines_after_the_name() -> None:
    """One line between bars after the name: the entities are the same text with the same labels."""
    piped = _apply(cn.pipes, seed=3)
    assert piped.lines[:2] == SIGNATURE.lines[:2]
    assert len(piped.lines) < len(SIGNATURE.lines)
    assert sorted(_texts(piped)) == sorted(_texts(SIGNATURE))


def test_one_per_line_splits_parts_between_bars() -> None:
    split = _apply(cn.one_per_line)
    assert "Obchodní manažerka" in split.lines and "Příklad Stroje s.r.o." in split.lines
    assert sorted(_texts(split)) == sorted(_texts(SIGNATURE))


def test_doubled_blanks_keep_every_label() -> None:
    spaced = _apply(cn.doubled_blanks)
    text_lines = [line for line in spaced.lines if line.strip()]
    assert text_lines[-6:] == list(SIGNATURE.lines)
    assert "" in spaced.lines
    assert sorted(_texts(spaced)) == sorted(_texts(SIGNATURE))


def test_emphasis_marks_and_new_labels_are_o() -> None:
    """Marks inserted around an entity stay outside its span; relabelled phone lines carry no label."""
    for seed in range(8):
        marked = _apply(cn.emphasis, seed)
        assert sorted(_texts(marked)) == sorted(_texts(SIGNATURE))
        assert not any("*" in text or "_" in text for _, text in _texts(marked))
    relabelled = [_apply(cn.relabel, seed) for seed in range(8)]
    assert any(r.lines[5] != SIGNATURE.lines[5] for r in relabelled)
    assert all(r.lines[5].endswith("+420 602 123 456") for r in relabelled)
    assert all(r.entities == SIGNATURE.entities for r in relabelled)


@pytest.mark.parametrize(
    ("style", "want"),
    [
        ("dot_colon", "Mob.: +420 602 123 456"),
        ("letter", "M: +420 602 123 456"),
        ("emoji", "📱 +420 602 123 456"),
    ],
)
def test_label_styles_know_the_kind_of_number(style: str, want: str) -> None:
    assert cn.relabelled("Mobil: +420 602 123 456", style) == want
    assert cn.relabelled("Národní 15", style) == "Národní 15"


@pytest.mark.parametrize("name", sorted(cn.TRANSFORMS))
def test_every_transform_keeps_entity_text_and_tokens(name: str) -> None:
    """Whatever a transform does, each label's text is still there, nothing else became an entity,
    and every span falls on the tagger's tokens."""
    original = sorted(text for _, text in _texts(SIGNATURE))
    for seed in range(20):
        noisy = _apply(cn.TRANSFORMS[name][0], seed)
        joined = " ".join(text for _, text in _texts(noisy))
        assert all(word in joined for text in original for word in text.split())
        tokens = featurize(list(noisy.lines))
        assert len(token_spans(tokens, noisy.entities)) == len(noisy.entities)


def test_noisy_leaves_most_signatures_alone() -> None:
    rng = random.Random(5)
    changed = sum(cn.noisy(rng, SIGNATURE) != SIGNATURE for _ in range(500))
    assert 120 < changed < 280  # RATE 0.4, less the draws that change nothing here
    assert all(cn.noisy(rng, SIGNATURE, rate=0.0) == SIGNATURE for _ in range(50))
