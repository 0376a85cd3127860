"""A block of twelve lines a client spaced a blank line apart (the text around it not), and a block set in one
row of parts, give the fields of the same block written one line under another. Invented mail."""

from __future__ import annotations

import pytest

from mailhook.pipeline import Finder, extract, read_message

from . import noise

SENDER = "Karin Vogel <k.vogel@lindenhof-beispiel.de>"
PROSE = ["Guten Tag Herr Brandt,", "", "anbei das Angebot für die Wartung der Anlage im Frühjahr.", ""]
BLOCK = [
    "Karin Vogel",
    "Vertriebsleiterin",
    "Lindenhof Beispiel GmbH",
    "Am Kanal 7",
    "28195 Bremen",
    "Tel.: +49 421 555 1234",
    "Fax: +49 421 555 1299",
    "Mobil: +49 171 555 4321",
    "E-Mail: k.vogel@lindenhof-beispiel.de",
    "Web: www.lindenhof-beispiel.de",
    "Vertrieb Nord",
    "Service-Hotline: +49 800 555 0000",
]
# A company footer right below the block, its lines touching, as Outlook leaves it.
FOOTER = [
    "",
    "Lindenhof Beispiel GmbH | Am Kanal 7 | 28195 Bremen",
    "Geschäftsführer: Max Beispiel",
    "HRB 12345 Bremen",
]
WANTED = {
    "first_name": "Karin",
    "last_name": "Vogel",
    "company": "Lindenhof Beispiel GmbH",
    "phone": "+49 421 555 1234",
    "fax": "+49 421 555 1299",
    "street_address": "Am Kanal 7",
    "postal_code": "28195",
    "city": "Bremen",
}


def _fields(body: list[str], finders: tuple[Finder, ...]) -> dict[str, str | None]:
    raw = noise.message(SENDER, "Angebot Wartung", plain="\n".join(body))
    return extract(read_message(raw).own, finders).fields


@pytest.mark.parametrize("footer", [FOOTER, []], ids=["footer_below", "block_ends_text"])
def test_block_spaced_a_blank_line_apart_is_one_block(footer: list[str], finders: tuple[Finder, ...]) -> None:
    spaced = [x for line in BLOCK for x in (line, "")][:-1]
    got = _fields([*PROSE, "Mit freundlichen Grüßen", "", *spaced, *footer, ""], finders)
    assert {k: got[k] for k in WANTED} == WANTED


def test_rules_among_the_parts_of_a_row_are_no_parts(finders: tuple[Finder, ...]) -> None:
    """"-- | Name | ..." and "===== | ..." rows: the rule is a separator, the parts still read."""
    row = " | ".join(["--", *BLOCK[:3], "Am Kanal 7", "28195 Bremen", "Tel.: +49 421 555 1234"])
    got = _fields([*PROSE, "Viele Grüße", "Karin", row, ""], finders)
    assert (got["last_name"], got["phone"], got["city"]) == ("Vogel", "+49 421 555 1234", "Bremen")


@pytest.mark.parametrize(("label", "street", "code", "city"), [
    ("Lab address:", "Am Kanal 7", "28195", "Bremen"),
    ("Besuchsadresse:", "Am Kanal 7", "28195", "Bremen"),
    ("Adresse :", "12 rue des Lilas", "69003", "Lyon"),
    ("Bezoekadres:", "Kanaalweg 4", "2628 XH", "Delft"),
])
def test_a_box_drawn_around_the_block_keeps_its_address(
    label: str, street: str, code: str, city: str, finders: tuple[Finder, ...]
) -> None:
    """"+-- Name -- site -- phone --" over "| Lab address: ...": the box's edge and the label are
    no part of the street."""
    box = ["+-- Karin Vogel -- www.lindenhof-beispiel.de -- +49 421 555 1234 --",
           f"| {label} {street}, {code} {city}"]
    got = _fields([*PROSE, "Karin", "", "", "-- ", *box, ""], finders)
    assert (got["street_address"], got["postal_code"], got["city"]) == (street, code, city)


def test_a_table_drawn_with_bars_gives_the_name_without_them(finders: tuple[Finder, ...]) -> None:
    """"Lindenhof e.K.      | Karin Vogel      |": the bars frame the cells, no name's part."""
    table = ["Lindenhof Beispiel e.K.                    | Karin Vogel                 |",
             "Industrielle Lösungen                      | http://www.lindenhof-beispiel.de/  |"]
    got = _fields([*PROSE, "Karin", "", "-- ", *table, ""], finders)
    assert (got["first_name"], got["last_name"]) == ("Karin", "Vogel")
