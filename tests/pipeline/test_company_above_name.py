"""A block headed by the company, above the sender's name ("Opener B.V. - Business solutions
..." over "Stefan Rijnhart - Consultant"): the company is read there by its legal form or the
sender's domain, and a company below the name still comes first."""

from __future__ import annotations

import pytest

from mailhook.model import Author
from mailhook.pipeline import Part, extract

# (sender, company heading, name line, contact lines, company expected)
BLOCKS = {
    "nl": (Author("Pieter de Vries", "p.devries@dijkstra-bouw.example"),
           "Dijkstra Bouw B.V. - Bouwen met vakmanschap", "Pieter de Vries - Projectleider",
           ["tel: +31 (0)20 555 0139", "web: dijkstra-bouw.example"], "Dijkstra Bouw B.V."),
    "de": (Author("Jonas Weber", "jonas.weber@weber-handel.example"),
           "Weber Handel GmbH", "Jonas Weber | Einkauf", ["Tel. +49 711 4456 21"], "Weber Handel GmbH"),
    "fr": (Author("Claire Martin", "claire.martin@atelier-rhone.example"),
           "Atelier Rhône SARL – Menuiserie depuis 1982", "Claire Martin, Gérante",
           ["Tél. : 04 72 00 11 22"], "Atelier Rhône SARL"),
    "es": (Author("Lucía Gómez", "lucia.gomez@transportes-iberia.example"),
           "Transportes Iberia S.L.", "Lucía Gómez", ["Jefa de Tráfico", "Tel. +34 912 345 678"],
           "Transportes Iberia S.L."),
    "en": (Author("Dana Price", "dana@northwind.example"),
           "Northwind Ltd", "Dana Price - Account Manager", ["+44 20 7946 0112"], "Northwind Ltd"),
}


@pytest.mark.parametrize("lang", sorted(BLOCKS))
def test_a_company_heading_the_block_above_the_name_is_read(lang: str) -> None:
    author, heading, name, contact, company = BLOCKS[lang]
    text = "\n".join(["Hello,", "", "the plans are fine.", "", "--", heading, "", name, "", *contact, ""])
    found = extract(Part(author, text, 0, None, "utf-8"))
    assert found.fields["company"] == company
    assert found.fields["first_name"] == author.name.split()[0]


def test_a_company_below_the_name_comes_before_one_above_it() -> None:
    author = Author("Jonas Weber", "jonas.weber@weber-handel.example")
    text = "\n".join(["Hallo,", "", "anbei die Zahlen.", "", "--", "Holding Nord AG", "", "Jonas Weber",
                      "Weber Handel GmbH", "Tel. +49 711 4456 21", ""])
    assert extract(Part(author, text, 0, None, "utf-8")).fields["company"] == "Weber Handel GmbH"


def test_a_line_above_the_name_without_a_legal_form_or_the_domain_is_no_company() -> None:
    author = Author("Jonas Weber", "jonas.weber@weber-handel.example")
    text = "\n".join(["Hallo,", "", "anbei die Zahlen.", "", "--", "Qualität seit 1982", "", "Jonas Weber",
                      "Tel. +49 711 4456 21", ""])
    assert extract(Part(author, text, 0, None, "utf-8")).fields["company"] is None
