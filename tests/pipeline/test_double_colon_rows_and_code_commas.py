"""Old-style one-line boxes with double colons between the parts ("OTRS GmbH :: Europaring 4 ::
D - 94315 Straubing"), and a postal code set off from its city by a comma ("2628 XH, Delft"):
the letters of a Dutch code are never the city."""

from __future__ import annotations

import pytest

from mailhook.model import Author
from mailhook.pipeline import Finder, Part, extract


def _fields(author: Author, text: str, finders: tuple[Finder, ...]) -> dict[str, str | None]:
    return extract(Part(author, text, 0, None, "utf-8"), finders).fields


@pytest.mark.parametrize(("row", "company", "street", "code", "city"), [
    ("((acme)) :: Acme GmbH :: Europaring 4 :: D - 94315 Straubing", "Acme GmbH", "Europaring 4", "94315",
     "Straubing"),
    ("Acme B.V. :: Stationsweg 12 :: 3811 AB Amersfoort", "Acme B.V.", "Stationsweg 12", "3811 AB",
     "Amersfoort"),
    ("Acme SARL :: 12 rue de la Paix :: 75002 Paris", "Acme SARL", "12 rue de la Paix", "75002", "Paris"),
])
def test_parts_between_double_colons_are_read_one_a_line(
    row: str, company: str, street: str, code: str, city: str, finders: tuple[Finder, ...]
) -> None:
    author = Author("Han Berger", "hb@acme.example")
    phones = "  Fon: +49 (0) 9421 56818-0  :: Fax: +49 (0) 9421 56818-18"
    text = f"Hallo,\n\nok.\n\n--\nHan Berger\n{row}\n{phones}\n"
    fields = _fields(author, text, finders)
    assert (fields["company"], fields["street_address"]) == (company, street)
    assert (fields["postal_code"], fields["city"]) == (code, city)
    assert fields["fax"] == "+49 (0) 9421 56818-18"


@pytest.mark.parametrize(("line", "code", "city"), [
    ("Lab address: Delftechpark 26, 2628 XH, Delft, The Netherlands", "2628 XH", "Delft"),
    ("Delftechpark 26, 2628 XH, Delft", "2628 XH", "Delft"),
    ("Kerkstraat 12, 1017 GC, Amsterdam", "1017 GC", "Amsterdam"),
])
def test_a_comma_between_the_code_and_its_city(
    line: str, code: str, city: str, finders: tuple[Finder, ...]
) -> None:
    author = Author("Erik Mouw", "erik@recovery.example")
    fields = _fields(author, f"Hi,\n\nok.\n\nErik\n\n\n-- \nErik Mouw\n{line}\n", finders)
    assert (fields["postal_code"], fields["city"]) == (code, city)
