"""Promotional sentences written in the block's own paragraph, right below its contact lines,
are not the block's: it ends at its last contact line. Every block here is invented."""

from __future__ import annotations

import pytest

from mailhook.model import Author
from mailhook.pipeline.signature import find_signature

TAGLINES = {
    "de": "Besuchen Sie uns auf der ISH in Halle 4!",
    "fr": "Rejoignez-nous sur le salon Batimat, stand B12.",
    "es": "Visítenos en nuestra nueva tienda online.",
    "pl": "Odwiedź nas na targach w Poznaniu!",
    "it": "Venite a trovarci alla fiera di Milano, padiglione 3!",
    "en": "We are hiring, join our growing team today!",
}
HEAD = ["Hallo,", "", "anbei die Unterlagen.", "", "Viele Grüße", "Jonas Keller", "Keller GmbH",
        "Tel. +49 711 8124420"]
AUTHOR = Author("Jonas Keller", "j.keller@keller.example")


@pytest.mark.parametrize("lang", sorted(TAGLINES))
def test_a_tagline_below_the_contact_lines_is_left_out(lang: str) -> None:
    block = find_signature([*HEAD, TAGLINES[lang]], AUTHOR)
    assert block is not None and (block.first, block.last) == (5, 7)


def test_two_taglines_are_left_out() -> None:
    block = find_signature([*HEAD, TAGLINES["de"], TAGLINES["es"]], AUTHOR)
    assert block is not None and block.last == 7


def test_a_title_or_an_address_line_ending_in_a_full_stop_stays() -> None:
    for last in ("Head of Sales and Marketing Dept.", "Königstraße 12, 70173 Stuttgart."):
        block = find_signature([*HEAD, last], AUTHOR)
        assert block is not None and block.last == 8, last
