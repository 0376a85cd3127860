"""Countries are what the country data names: a province after the city is a state, never the
country, and countries are read as mail writes them (with an article, as initials, in Chinese or
Korean). Every block here is invented."""

from __future__ import annotations

import pytest

from mailhook.model import Author
from mailhook.pipeline import Finder, Part, extract
from mailhook.pipeline.postal import country_code, is_country_name

# Blocks whose postal line ends with its province or state, which a tagger can read as a country.
PROVINCES = {
    "es-MX": ("Lucía Mora\nDirectora\nTextiles Mora, S.A. de C.V.\n"
              "Insurgentes Sur 1200, Col. Del Valle, 03100 Ciudad de México, CDMX\nTel. +52 55 5555 1234"),
    "en-IN": ("Rahul Mehta\nPurchase Manager\nShakti Gears Pvt. Ltd.\n"
              "Plot 22, MIDC Ambad, Nashik 422010, Maharashtra\nPh: +91 253 555 0101"),
    "it": "Pietro Sala\nSala Trasporti S.r.l.\nVia Roma 12, 37121 Verona, Veneto\nTel. +39 045 555 0101",
    "fr-CA": ("Marie Gagnon | Conseillère principale | Solutions Nordet inc.\n"
              "1450, rue Sherbrooke Ouest, bureau 200, Montréal (Québec) H3G 1K4\nTél. : 514 555-0120"),
    "es-CO": ("Juan Pérez\nGerente de Ventas\nAgroandes S.A.S.\nCalle 10 # 40-22, Of. 301\n"
              "Cali, Valle del Cauca"),
}


@pytest.mark.parametrize("place", sorted(PROVINCES))
def test_a_province_after_the_city_is_no_country(place: str, finders: tuple[Finder, ...]) -> None:
    """ "CDMX", "Maharashtra", "Veneto", "Québec": the country data does not name them, so they are
    not the country, whoever proposes them."""
    block = PROVINCES[place]
    author = Author(block.split("\n")[0].split(" |")[0], None)
    fields = extract(Part(author, f"Hello,\n\nthank you.\n\n{block}\n", 0), finders).fields
    assert fields["country"] is None


@pytest.mark.parametrize(
    ("written", "code"),
    [("The Philippines", "PH"), ("the Netherlands", "NL"), ("UAE", "AE"), ("U.A.E.", "AE"),
     ("P.R. China", "CN"), ("PRC", "CN"), ("Korea", "KR"), ("Northern Ireland", "GB"),
     ("Ivory Coast", "CI"), ("Türkiye", "TR"), ("Türkei", "TR")],
)
def test_countries_as_mail_writes_them(written: str, code: str) -> None:
    """Short forms, initials and an article before the name."""
    assert country_code(written) == code


@pytest.mark.parametrize(
    ("written", "code"),
    [("中国", "CN"), ("中國", "CN"), ("台湾", "TW"), ("臺灣", "TW"), ("日本", "JP"), ("德国", "DE"),
     ("대한민국", "KR"), ("미국", "US")],
)
def test_countries_in_chinese_and_korean(written: str, code: str) -> None:
    """pycountry's Chinese and Korean names, short as they are: no word of a Latin language."""
    assert country_code(written) == code
    assert is_country_name(written)


def test_short_latin_words_are_still_no_countries() -> None:
    """The length rule stands for Latin script: "Man", "Tai" and "The" name no country."""
    assert [country_code(w) for w in ("Man", "Tai", "The", "Theory")] == [None, None, None, None]
