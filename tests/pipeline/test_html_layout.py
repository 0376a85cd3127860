"""HTML signatures laid out as tables: a two-column layout table (name and title in one cell,
phones and address in the other) is read cell by cell, so each cell's lines stay whole, while data
tables and label/value tables in the body keep their rows. Every message here is invented."""

from __future__ import annotations

from dataclasses import dataclass
from email.message import EmailMessage

import pytest

from mailhook.pipeline import Finder, extract, load_finders, read_message
from mailhook.pipeline.htmltext import html_to_text


@dataclass(frozen=True)
class Layout:
    """One invented sender whose block is a two-column table."""

    display: str
    address: str
    text: str
    closing: str
    left: tuple[str, ...]
    right: tuple[str, ...]
    fields: dict[str, str]


LAYOUTS = {
    "de": Layout(
        "Jonas Weber", "j.weber@weber-haustechnik.de", "Hallo Frau Meier, anbei das Angebot.",
        "Mit freundlichen Grüßen",
        ("Jonas Weber", "Technischer Vertrieb", "Weber Haustechnik GmbH"),
        ("Tel. +49 711 812 44 20", "Fax +49 711 812 44 21", "Bahnhofstraße 3", "70173 Stuttgart"),
        {"first_name": "Jonas", "last_name": "Weber", "job_title": "Technischer Vertrieb",
         "phone": "+49 711 812 44 20", "fax": "+49 711 812 44 21",
         "street_address": "Bahnhofstraße 3", "postal_code": "70173", "city": "Stuttgart"},
    ),
    "fr": Layout(
        "Claire Martin", "claire.martin@atelier-lumiere.fr",
        "Bonjour Monsieur, vous trouverez le devis en pièce jointe.", "Cordialement,",
        ("Claire Martin", "Responsable des achats", "Atelier Lumière SARL"),
        ("Tél : +33 4 72 10 20 30", "Fax : +33 4 72 10 20 31", "18 rue Victor Hugo", "69002 Lyon"),
        {"first_name": "Claire", "last_name": "Martin", "phone": "+33 4 72 10 20 30",
         "fax": "+33 4 72 10 20 31", "street_address": "18 rue Victor Hugo",
         "postal_code": "69002", "city": "Lyon"},
    ),
    "es": Layout(
        "Lucía Fernández", "lucia.fernandez@transportes-levante.es",
        "Hola Pedro, te envío la factura del mes pasado.", "Un saludo,",
        ("Lucía Fernández", "Jefa de Compras", "Transportes Levante S.L."),
        ("Tel.: +34 963 12 34 56", "Fax: +34 963 12 34 57", "Calle de Colón 14", "46004 Valencia"),
        {"first_name": "Lucía", "last_name": "Fernández", "phone": "+34 963 12 34 56",
         "fax": "+34 963 12 34 57", "postal_code": "46004", "city": "Valencia"},
    ),
    "it": Layout(
        "Marco Bianchi", "m.bianchi@officine-bianchi.it",
        "Buongiorno, in allegato trova l'offerta richiesta.", "Cordiali saluti,",
        ("Marco Bianchi", "Responsabile commerciale", "Officine Bianchi S.r.l."),
        ("Tel. +39 011 456 7890", "Fax +39 011 456 7891", "Via Roma 5", "10121 Torino"),
        {"first_name": "Marco", "last_name": "Bianchi", "phone": "+39 011 456 7890",
         "fax": "+39 011 456 7891", "postal_code": "10121", "city": "Torino"},
    ),
    "nl": Layout(
        "Sanne de Vries", "sanne.devries@bouwbedrijf-holland.nl",
        "Beste Pieter, hierbij de offerte zoals besproken.", "Met vriendelijke groet,",
        ("Sanne de Vries", "Projectleider", "Bouwbedrijf Holland B.V."),
        ("T +31 20 123 4567", "F +31 20 123 4568", "Keizersgracht 120", "1015 CW Amsterdam"),
        {"first_name": "Sanne", "phone": "+31 20 123 4567", "fax": "+31 20 123 4568",
         "postal_code": "1015 CW", "city": "Amsterdam"},
    ),
    "pl": Layout(
        "Anna Kowalska", "a.kowalska@meblex.pl",
        "Dzień dobry, w załączniku przesyłam ofertę.", "Z poważaniem,",
        ("Anna Kowalska", "Kierownik sprzedaży", "Meblex Sp. z o.o."),
        ("Tel. +48 22 123 45 67", "Faks +48 22 123 45 68", "ul. Marszałkowska 10", "00-590 Warszawa"),
        {"first_name": "Anna", "last_name": "Kowalska", "phone": "+48 22 123 45 67",
         "postal_code": "00-590", "city": "Warszawa"},
    ),
}


@pytest.fixture(scope="module")
def finders() -> tuple[Finder, ...]:
    return load_finders()


def _cell(lines: tuple[str, ...]) -> str:
    return "<br>".join(lines)


def _shown(markup: str) -> list[str]:
    """The non-blank lines of the text, their spaces collapsed."""
    return [" ".join(line.split()) for line in html_to_text(markup).split("\n") if line.strip()]


def _mail(layout: Layout, table: str) -> bytes:
    message = EmailMessage()
    message["From"] = f"{layout.display} <{layout.address}>"
    message["To"] = "kunde@example.org"
    message["Subject"] = "Re: offer"
    body = f"<p>{layout.text}</p><p>{layout.closing}</p>{table}"
    message.set_content(f"<html><body>{body}</body></html>", subtype="html")
    return message.as_bytes()


def _two_columns(layout: Layout) -> str:
    return f"<table><tr><td><b>{_cell(layout.left)}</b></td><td>{_cell(layout.right)}</td></tr></table>"


@pytest.mark.parametrize("lang", sorted(LAYOUTS))
def test_two_column_signature_table_is_read_cell_by_cell(lang: str) -> None:
    """Each cell's lines come out whole and in column order, not side by side."""
    layout = LAYOUTS[lang]
    assert _shown(_two_columns(layout)) == [*layout.left, *layout.right]


@pytest.mark.parametrize("lang", sorted(LAYOUTS))
def test_fields_of_a_two_column_signature_table(lang: str, finders: tuple[Finder, ...]) -> None:
    """Name, phones and address of a two-column HTML signature land in their fields."""
    layout = LAYOUTS[lang]
    extraction = extract(read_message(_mail(layout, _two_columns(layout))).own, finders)
    assert extraction.has_signature
    assert {field: extraction.fields[field] for field in layout.fields} == layout.fields


def test_logo_cell_beside_a_nested_table_block() -> None:
    """A logo cell beside a cell that holds its own table of lines: the block's lines stay whole."""
    layout = LAYOUTS["de"]
    inner = "".join(f"<tr><td>{line}</td></tr>" for line in (*layout.left, *layout.right))
    logo = '<img src="cid:logo.png" alt="Logo">'
    table = f"<table><tr><td>{logo}</td><td><table>{inner}</table></td></tr></table>"
    assert _shown(table) == [*layout.left, *layout.right]


def test_rowspan_logo_left_of_a_block_in_rows() -> None:
    """A left cell spanning the rows (name and title) before the right cells' contact lines."""
    table = (
        '<table><tr><td rowspan="2">Pedro Alves<br>Director Comercial</td><td>Tel. +351 21 123 4567</td></tr>'
        "<tr><td>Rua Augusta 100<br>1100-053 Lisboa</td></tr></table>"
    )
    assert _shown(table) == [
        "Pedro Alves", "Director Comercial", "Tel. +351 21 123 4567", "Rua Augusta 100", "1100-053 Lisboa",
    ]


def test_data_table_in_the_body_keeps_its_rows() -> None:
    """A table with header cells is data: each row stays one line."""
    table = (
        "<table><tr><th>Artikel</th><th>Menge</th></tr><tr><td>Pumpe<br>Typ A</td><td>3</td></tr>"
        "<tr><td>Ventil</td><td>12</td></tr></table>"
    )
    lines = _shown(table)
    assert "Artikel Menge" in lines and "Ventil 12" in lines


def test_label_and_value_cells_stay_on_one_line() -> None:
    """A table whose cells hold one line each (label, value) is not unfolded."""
    rows = "<tr><td>Telefon:</td><td>+49 30 1234567</td></tr><tr><td>Fax:</td><td>+49 30 1234568</td></tr>"
    assert _shown(f"<table>{rows}</table>") == ["Telefon: +49 30 1234567", "Fax: +49 30 1234568"]


def test_table_of_many_rows_keeps_its_rows() -> None:
    """A longer table of multi-line cells is a report, not a signature: its rows stay whole."""
    rows = "".join(f"<tr><td>Auftrag {n}<br>offen</td><td>Lager {n}<br>Berlin</td></tr>" for n in range(8))
    assert _shown(f"<table>{rows}</table>")[:2] == ["Auftrag 0 Lager 0", "offen Berlin"]


def test_table_of_long_paragraphs_keeps_its_columns() -> None:
    """Two columns of prose (a newsletter) are no signature layout."""
    prose = "This paragraph is long enough to be prose and not a line of a signature block at all."
    table = f"<table><tr><td>{prose}<br>{prose}</td><td>{prose}</td></tr></table>"
    first = next(line for line in html_to_text(table).split("\n") if line.strip())
    assert first.count(prose) == 2
