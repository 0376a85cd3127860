"""What stands beside a company on its line is not the company: the right column of a block set
out with a two-space gap at its widest row, the place after a comma, a hotel's stars. And a
labelled number above a postal line is no part of the street. Every block here is invented."""

from __future__ import annotations

import pytest

from mailhook.model import Author
from mailhook.pipeline import Finder, Part, extract
from mailhook.pipeline.columns import read_columns


def _fields(author: Author, greeting: str, block: str, finders: tuple[Finder, ...]) -> dict[str, str | None]:
    text = f"{greeting}\n\nLorem ipsum dolor sit amet.\n\n{block}\n"
    return extract(Part(author, text, 0), finders).fields


# Two columns where the longest left part (the company) stands two spaces before the right one.
ROWS = {
    "de": (("Lena Brandt", "Tel. +49 89 4411 2030"), ("Einkaufsleiterin", "Mobil +49 171 220 4411"),
           ("Brandt Metall GmbH", "Isarweg 7, 81541 München")),
    "it": (("Paola Ferri", "Tel. +39 051 442 1180"), ("Responsabile Acquisti", "Cell. +39 347 551 2020"),
           ("Ferri Meccanica S.r.l.", "Via Emilia 40, 40128 Bologna")),
    "pl": (("Tomasz Wrona", "tel. +48 22 410 55 20"), ("Kierownik Zakupów", "kom. +48 601 220 330"),
           ("Wrona Logistyka Sp. z o.o.", "ul. Polna 14, 00-635 Warszawa")),
    "nl": (("Sanne de Wit", "T +31 30 220 1144"), ("Inkoper", "M +31 6 2211 4455"),
           ("De Wit Installaties B.V.", "Stationsweg 9, 3511 ED Utrecht")),
    "pt": (("Rita Lopes", "Tel.: +351 22 410 3300"), ("Diretora Comercial", "Tlm.: +351 912 440 118"),
           ("Lopes & Filhos, Lda.", "Rua do Almada 55, 4050-036 Porto")),
}


def _narrow(rows: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    width = max(len(left) for left, _ in rows) + 2
    return tuple(left.ljust(width) + right for left, right in rows)


NARROW = {lang: _narrow(rows) for lang, rows in ROWS.items()}
EXPECTED = {
    "de": ("Brandt Metall GmbH", "Isarweg 7", "München"),
    "it": ("Ferri Meccanica S.r.l.", "Via Emilia 40", "Bologna"),
    "pl": ("Wrona Logistyka Sp. z o.o.", "ul. Polna 14", "Warszawa"),
    "nl": ("De Wit Installaties B.V.", "Stationsweg 9", "Utrecht"),
    "pt": ("Lopes & Filhos, Lda.", "Rua do Almada 55", "Porto"),
}


def test_a_two_space_gap_at_the_column_parts_the_widest_row() -> None:
    """Rows aligned by three spaces or more set the column; a row whose left part is the widest
    reaches it with two spaces and is parted there too."""
    lines = NARROW["de"]
    assert read_columns(lines) == (
        "Lena Brandt", "Einkaufsleiterin", "Brandt Metall GmbH",
        "Tel. +49 89 4411 2030", "Mobil +49 171 220 4411", "Isarweg 7, 81541 München",
    )


def test_one_wide_gap_and_two_narrow_ones_at_one_column_make_columns() -> None:
    """Three rows or more aligned at the column of the one wide gap are columns."""
    lines = ("Mei Tan".ljust(27) + "DID: +65 6221 0000",
             "Harbour Trading Pte. Ltd.  1 Raffles Place",
             "www.harbour-trading.co.sg  Singapore 048616")
    assert read_columns(lines) == ("Mei Tan", "Harbour Trading Pte. Ltd.", "www.harbour-trading.co.sg",
                                   "DID: +65 6221 0000", "1 Raffles Place", "Singapore 048616")


def test_two_double_spaces_alone_are_no_columns() -> None:
    """Double spaces that only two rows share may be chance: the lines stay as they are."""
    lines = ("Mei Tan", "Harbour Trading  Pte. Ltd.", "Raffles Place  Singapore")
    assert read_columns(lines) == lines


@pytest.mark.parametrize("lang", sorted(NARROW))
def test_company_and_street_of_a_narrow_two_column_block(lang: str, finders: tuple[Finder, ...]) -> None:
    """The company is the left part alone, the street the right part alone."""
    author = Author(ROWS[lang][0][0], None)
    fields = _fields(author, "Hello,", "\n".join(NARROW[lang]), finders)
    assert (fields["company"], fields["street_address"], fields["city"]) == EXPECTED[lang]


# A company with its town after a comma, or its town and state.
PLACED = {
    "pl": ("Zofia Kruk\nPrezes Zarządu\nKruk Serwis Sp. z o.o., Poznań\nTel. +48 61 220 33 44",
           "Kruk Serwis Sp. z o.o.", "Poznań"),
    "de": ("Jan Vogel\nGeschäftsführer\nVogel Anlagenbau GmbH, Hannover\nTel. +49 511 220 3344",
           "Vogel Anlagenbau GmbH", "Hannover"),
    "es": ("Marta Gil\nDirectora\nGil Envases S.L., Zaragoza\nTel. +34 976 220 334",
           "Gil Envases S.L.", "Zaragoza"),
    "en": ("Tom Reed\nReed Orchards, Yakima, WA\n(509) 555-0190", "Reed Orchards", "Yakima"),
}


@pytest.mark.parametrize("lang", sorted(PLACED))
def test_the_place_after_a_company_is_the_city(lang: str, finders: tuple[Finder, ...]) -> None:
    """ "Kruk Serwis Sp. z o.o., Poznań": the company ends at its legal form, the town is the city;
    "Reed Orchards, Yakima, WA": a town with its state after a name."""
    block, company, city = PLACED[lang]
    fields = _fields(Author(block.split("\n")[0], None), "Hi,", block, finders)
    assert (fields["company"], fields["city"]) == (company, city)


def test_a_company_that_only_holds_a_comma_keeps_it(finders: tuple[Finder, ...]) -> None:
    """ "Lopes & Filhos, Lda.", "Acme, Inc.": the part after the comma is no place."""
    block = "Rui Lopes\nLopes & Filhos, Lda.\nTel.: +351 22 410 3300"
    assert _fields(Author("Rui Lopes", None), "Olá,", block, finders)["company"] == "Lopes & Filhos, Lda."


@pytest.mark.parametrize("stars", ["★★★★", "⭐⭐⭐", "®"])
def test_marks_after_a_company_are_no_part_of_it(stars: str, finders: tuple[Finder, ...]) -> None:
    """A hotel's stars or a registered sign after the name are left off."""
    block = f"Giulia Conti\nDirettrice\nHotel Lago Blu S.r.l. {stars}\nVia Lungolago 3, 22100 Como"
    fields = _fields(Author("Giulia Conti", None), "Buongiorno,", block, finders)
    assert fields["company"] == "Hotel Lago Blu S.r.l."


# Streets whose word ("cours", "gate", "route") is a street's only beside a house number.
STREETS = {
    "fr": ("Claire Dumas\nAtelier Dumas\nTél. 04 78 00 11 22\nMob. 06 11 22 33 44\n"
           "14 cours Lafayette, 69003 Lyon", "14 cours Lafayette"),
    "no": ("Kari Berg\nBerg Design\nTlf. +47 22 44 11 00\nMobil +47 912 20 441\n"
           "Olav Vs gate 5, 0161 Oslo", "Olav Vs gate 5"),
    "fr-ch": ("Luc Favre\nFavre Conseil\nTél. +41 22 410 11 20\nPortable +41 79 220 11 44\n"
              "12 route de Chêne, 1208 Genève", "12 route de Chêne"),
}


@pytest.mark.parametrize("lang", sorted(STREETS))
def test_a_labelled_number_above_the_postal_line_is_no_street(lang: str, finders: tuple[Finder, ...]) -> None:
    """ "Mob. 06 11 22 33 44" over "14 cours Lafayette, 69003 Lyon": the street is on the postal line."""
    block, street = STREETS[lang]
    fields = _fields(Author(block.split("\n")[0], None), "Bonjour,", block, finders)
    assert fields["street_address"] == street
