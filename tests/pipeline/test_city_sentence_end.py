"""A legal line that runs on after the city in sentences ("00180 Helsinki. Y-tunnus: ...") ends
the city at the full stop; abbreviations inside a town's name ("St. Gallen") stay. Every line
here is invented."""

from __future__ import annotations

import pytest

from mailhook.pipeline.address import find_address

LINES = {
    "fi": ("Pohjoisranta Oy, Satamakatu 4, 00160 Helsinki. Y-tunnus/Business ID: 1234567-8", "Helsinki"),
    "de": ("Nordwerk GmbH, Hauptstr. 1, 10115 Berlin. Sitz der Gesellschaft: Berlin, HRB 12345", "Berlin"),
    "sv": ("Fjällbo AB, Storgatan 5, 111 22 Stockholm. Styrelsens säte: Stockholm", "Stockholm"),
    "fr": ("Rhône Conseil SAS, 8 quai Perrache, 69002 Lyon. Capital social : 10 000 EUR", "Lyon"),
}


@pytest.mark.parametrize("lang", sorted(LINES))
def test_the_city_ends_where_a_sentence_does(lang: str) -> None:
    line, city = LINES[lang]
    assert find_address(["Jana Vogt", line]).parts["city"][1] == city


def test_an_abbreviation_in_a_town_name_is_no_sentence_end() -> None:
    assert find_address(["Jana Vogt", "Marktgasse 5, 9000 St. Gallen"]).parts["city"][1] == "St. Gallen"
