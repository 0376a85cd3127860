"""Signature lines a mail client wrapped at 40 or 72 columns: a title cut after or before its
connector, a label whose number went to the next line, a number cut in its digits, a street
cut after its postal code. Each is read as the one line it was. Every block here is invented."""

from __future__ import annotations

import pytest

from mailhook.model import Author
from mailhook.pipeline import Finder, Part, extract
from mailhook.pipeline.unwrap import unwrapped

# (sign-off, name, wrapped title lines, company, title as one line)
TITLES = {
    "en": ("Best regards,", "Jane Roe", "Head of Quality Assurance and\nProduct Development",
           "Acme Robotics Ltd", "Head of Quality Assurance and Product Development"),
    "de": ("Mit freundlichen Grüßen", "Hans Vogel", "Leiter Qualitätssicherung und\nProduktentwicklung",
           "Elbwerk Maschinenbau GmbH", "Leiter Qualitätssicherung und Produktentwicklung"),
    "fr": ("Cordialement,", "Amélie Roux", "Responsable des achats et de la\nlogistique",
           "Logiciels Rhône SAS", "Responsable des achats et de la logistique"),
    "es": ("Saludos,", "Lucía Martín", "Directora de Compras y\nLogística", "Hierros del Norte S.L.",
           "Directora de Compras y Logística"),
    "it": ("Cordiali saluti", "Giulia Bianchi", "Responsabile Acquisti e\nLogistica", "Sistemi Liguri S.r.l.",
           "Responsabile Acquisti e Logistica"),
    "nl": ("Met vriendelijke groet,", "Sanne Visser", "Hoofd Inkoop en\nLogistiek", "Polderbits B.V.",
           "Hoofd Inkoop en Logistiek"),
    "en-opener": ("Regards,", "Tom Hale", "Senior Manager, Global Supply Chain\nand Logistics",
                  "Acme Robotics Ltd", "Senior Manager, Global Supply Chain and Logistics"),
}


@pytest.mark.parametrize("lang", sorted(TITLES))
def test_a_title_wrapped_at_its_connector_is_one_title(lang: str, finders: tuple[Finder, ...]) -> None:
    """The title's two halves are one title; the company below it stays the company."""
    signoff, name, title, company, whole = TITLES[lang]
    first, last = name.split()
    body = f"Hello,\n\nplease find the report attached.\n\n{signoff}\n{name}\n{title}\n{company}\n"
    fields = extract(Part(Author(name, f"{first.lower()}@example.org"), body, 0), finders).fields
    assert (fields["job_title"], fields["company"]) == (whole, company)


# (phone line wrapped before the fax number or inside it, phone digits, fax digits)
NUMBERS = {
    "en": ("Tel: +44 113 496 0000 Fax:\n+44 113 496 0001", "441134960000", "441134960001"),
    "de": ("Tel. +49 351 123456 Fax +49\n351 123457", "49351123456", "49351123457"),
    "fr": ("Tél : +33 4 72 00 00 00 - Fax :\n+33 4 72 00 00 01", "33472000000", "33472000001"),
    "pl": ("tel. +48 22 123 45 67, faks:\n+48 22 123 45 68", "48221234567", "48221234568"),
    "sv": ("Tel: +46 8 123 456 78 Fax: +46 8\n123 456 79", "46812345678", "46812345679"),
}


@pytest.mark.parametrize("lang", sorted(NUMBERS))
def test_a_fax_number_wrapped_to_the_next_line_is_still_the_fax(
    lang: str, finders: tuple[Finder, ...]
) -> None:
    """The label stays with its number across the client's break."""
    lines, phone, fax = NUMBERS[lang]
    body = f"Hello,\n\nplease find the report attached.\n\nRegards,\nJane Roe\nAcme Robotics Ltd\n{lines}\n"
    fields = extract(Part(Author("Jane Roe", "jane.roe@example.org"), body, 0), finders).fields
    digits = {k: "".join(c for c in fields[k] or "" if c.isdigit()) for k in ("phone", "fax")}
    assert digits == {"phone": phone, "fax": fax}


@pytest.mark.parametrize(
    ("street", "city", "code"),
    [("Hafenstraße 4, 01067", "Dresden", "01067"), ("Via Roma 5, 10121", "Torino", "10121"),
     ("Kungsgatan 12, 111 43", "Stockholm", None)],
)
def test_a_street_cut_after_its_postal_code_keeps_the_city(street: str, city: str, code: str | None) -> None:
    """The city alone below "street, code" is that line's city: the lines are joined (a Swedish
    code written in two parts is not one this rule joins)."""
    joined = unwrapped((street, city))
    assert joined == ((f"{street} {city}", "") if code else (street, city))


@pytest.mark.parametrize(
    "lines",
    [("Jane Roe", "Acme Robotics Ltd"), ("Sales and", "jane@example.org"),
     ("Tel: +44 113 496 0000", "0800 123 456"),
     ("Research & Development", "and more"), ("Anna Berg      Acme AB och", "Stockholm")],
)
def test_lines_that_were_not_wrapped_stay_apart(lines: tuple[str, str]) -> None:
    """A name over a company, a connector over a mail address, two whole numbers, a line that
    is no title over a lower-case opener, a two-column line: nothing is joined."""
    assert unwrapped(lines) == lines
