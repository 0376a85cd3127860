"""Street, postal code and city in one run with no comma ("35 rue Ponchardier 42031 St Etienne
cedex 2", "Hauptstraße 5 80331 München"): each part is read on its own; lines parted already, and
lines without a street, are read as before."""

from __future__ import annotations

import pytest

from mailhook.pipeline.address import find_address
from mailhook.pipeline.streets import parted_at_code

ONE_RUN = [
    ("35 rue Ponchardier 42031 St Etienne", "35 rue Ponchardier", "42031", "St Etienne"),
    ("Hauptstraße 5 80331 München", "Hauptstraße 5", "80331", "München"),
    ("Via Garibaldi 14 20121 Milano", "Via Garibaldi 14", "20121", "Milano"),
    ("Kerkstraat 12 2000 Antwerpen", "Kerkstraat 12", "2000", "Antwerpen"),
    ("Rua Augusta 100 1100-053 Lisboa", "Rua Augusta 100", "1100-053", "Lisboa"),
    ("ul. Długa 5 00-238 Warszawa", "ul. Długa 5", "00-238", "Warszawa"),
    ("Storgatan 12 41138 Göteborg", "Storgatan 12", "41138", "Göteborg"),
]


@pytest.mark.parametrize(("line", "street", "code", "city"), ONE_RUN)
def test_street_code_and_city_in_one_run_are_each_read(line: str, street: str, code: str, city: str) -> None:
    parts = find_address(["Anna Berg", "Einkauf", line, "Tel. +49 30 1234567"], "anna@firma.example").parts
    assert parts["street_address"][1] == street
    assert parts["postal_code"][1] == code and parts["city"][1] == city


@pytest.mark.parametrize("line", [
    "Via Roma 5 - 10121 Torino (TO)", "Industriestraße 5, A-4020 Linz", "Tel. 0711 12345 Stuttgart",
    "Postfach 1234 Berlin", "Bestellung 4711 Meier",
])
def test_parted_lines_and_lines_without_a_street_stay_as_written(line: str) -> None:
    assert parted_at_code(line) == line

