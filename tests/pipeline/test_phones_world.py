"""Phone numbers as Europe writes them: extensions in words, slashes, labels in a dozen languages."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from mailhook.pipeline import extract, read_message
from mailhook.pipeline.phones import find_phones, normalise


def _one(line: str) -> tuple[str, tuple[str, ...]]:
    found = list(find_phones(line))
    assert len(found) == 1, found
    return found[0].text, found[0].kinds


@pytest.mark.parametrize(
    ("line", "written", "region", "e164"),
    [
        ("Tél. : 01 42 68 53 00 poste 118", "01 42 68 53 00 poste 118", "FR", "+33142685300"),
        ("Tel. +43 1 234 56 78 DW 15", "+43 1 234 56 78 DW 15", "AT", "+4312345678"),
        ("Tel. uff. 02 1234567 int. 12", "02 1234567 int. 12", "IT", "+39021234567"),
        ("Teléfono: +54 11 4321 5678 interno 4", "+54 11 4321 5678 interno 4", "AR", "+541143215678"),
        ("Phone: +1 212 555 0147 ext. 5", "+1 212 555 0147 ext. 5", "US", "+12125550147"),
        ("Tel.: +48 22 123 45 67 wew. 21", "+48 22 123 45 67 wew. 21", "PL", "+48221234567"),
        ("Tel.: +420 221 234 567 linka 123", "+420 221 234 567 linka 123", "CZ", "+420221234567"),
        ("Tel.: +36 1 234 5678 mellék 12", "+36 1 234 5678 mellék 12", "HU", "+3612345678"),
        ("Tel.: 06 76 555 318, 115-ös mellék", "06 76 555 318, 115-ös mellék", "HU", "+3676555318"),
        ("Tlf.: +45 33 12 34 56 lokal 3", "+45 33 12 34 56 lokal 3", "DK", "+4533123456"),
        ("Tel. +56 2 2123 4567 anexo 7", "+56 2 2123 4567 anexo 7", "CL", "+56221234567"),
        ("Tel. 020 123 4567 toestel 12", "020 123 4567 toestel 12", "NL", "+31201234567"),
        ("Telefone: +55 11 3123-4567 ramal 22", "+55 11 3123-4567 ramal 22", "BR", "+551131234567"),
    ],
)
def test_extension_in_words_is_kept_as_written_and_left_out_of_e164(
    line: str, written: str, region: str, e164: str
) -> None:
    """poste, DW, int., interno, ext., wew., linka, mellék, lokal, anexo, toestel, ramal: the
    extension stays in the value as written; E.164 is the number it is dialled through."""
    assert _one(line) == (written, ("phone",))
    assert normalise(written, region) == e164


def test_durchwahl_after_a_switchboard_zero_is_the_direct_line() -> None:
    """German "-0" is the switchboard; "Durchwahl -15" replaces that 0 in the dialled number."""
    text, kinds = _one("Telefon: +49 711 81244-0, Durchwahl -15")
    assert (text, kinds) == ("+49 711 81244-0, Durchwahl -15", ("phone",))
    assert normalise(text, "DE") == "+497118124415"


@pytest.mark.parametrize(
    ("line", "written", "e164"),
    [
        ("Tel. 0711 / 8 12 44 20", "0711 / 8 12 44 20", "+497118124420"),
        ("Handy: 0170 / 123 45 67", "0170 / 123 45 67", "+491701234567"),
        ("Tel.: +49 (0) 711-81244-20", "+49 (0) 711-81244-20", "+497118124420"),
        ("Fon +49 711 / 81244-20", "+49 711 / 81244-20", "+497118124420"),
        ("Tel. (0711) 8124420", "(0711) 8124420", "+497118124420"),
    ],
)
def test_area_code_before_a_slash_belongs_to_the_number(line: str, written: str, e164: str) -> None:
    """ "0711 / 8 12 44 20" is one number: the area code is not dropped at the slash."""
    text, _ = _one(line)
    assert text == written
    assert normalise(text, "DE") == e164


def test_two_numbers_either_side_of_a_slash_stay_two() -> None:
    """A slash between two whole numbers still separates them."""
    found = [p.text for p in find_phones("Tel. 030 1234567 / 030 1234568")]
    assert found == ["030 1234567", "030 1234568"]


@pytest.mark.parametrize(
    ("line", "kinds"),
    [
        ("Oficina: +34 91 123 45 67", ("phone",)),  # es
        ("Tel. fijo: 91 123 45 67", ("phone",)),
        ("Móvil: +34 612 34 56 78", ("mobile_phone",)),
        ("Celular: +52 55 1234 5678", ("mobile_phone",)),
        ("Cel.: (11) 98765-4321", ("mobile_phone",)),
        ("Ligne directe : 01 42 68 53 07", ("phone",)),  # fr
        ("Portable : 06 12 34 56 78", ("mobile_phone",)),
        ("Télécopie : 01 42 68 53 01", ("fax",)),
        ("Tel. uff. 02 1234567", ("phone",)),  # it
        ("Cell. 333 1234567", ("mobile_phone",)),
        ("Cellulare: 333 123 4567", ("mobile_phone",)),
        ("Telefone: +351 21 123 4567", ("phone",)),  # pt
        ("Telemóvel: +351 912 345 678", ("mobile_phone",)),
        ("Tlm.: +351 912 345 678", ("mobile_phone",)),
        ("Telm: 91 000 2222", ("mobile_phone",)),
        ("Cep: 0532 123 45 67", ("mobile_phone",)),  # tr
        ("Tlmv: 912 345 678", ("mobile_phone",)),
        ("Telem.: 912 345 678", ("mobile_phone",)),
        ("Móvel: +55 11 98765-4321", ("mobile_phone",)),  # pt-BR
        ("Móv.: 612 34 56 78", ("mobile_phone",)),  # es
        ("Tfno.: 91 123 45 67", ("phone",)),
        ("Tlfno.: 91 123 45 67", ("phone",)),
        ("Komórka: 601 234 567", ("mobile_phone",)),  # pl
        ("Tel. kom. 601 234 567", ("mobile_phone",)),
        ("Faks: +48 22 123 45 68", ("fax",)),
        ("Mobil: +36 30 123 4567", ("mobile_phone",)),  # hu
        ("Mobil: +420 602 123 456", ("mobile_phone",)),  # cs
        ("Mobiel: 06 12345678", ("mobile_phone",)),  # nl
        ("Mobil: 070-123 45 67", ("mobile_phone",)),  # sv
        ("Mob. +45 20 12 34 56", ("mobile_phone",)),  # da
        ("Tlf. +47 22 12 34 56", ("phone",)),  # no
        ("Puh. 09 123 4567", ("phone",)),  # fi
        ("Matkapuhelin: 040 123 4567", ("mobile_phone",)),
        ("Mobiltelefon: 0170 1234567", ("mobile_phone",)),  # de
        ("Durchwahl: 0711 81244-15", ("phone",)),
        ("Telefax: 0711 81244-99", ("fax",)),
        ("Faxnummer: 0711 1234568", ("fax",)),
        ("Faxnr. 0711 1234568", ("fax",)),
        ("Handy-Nr.: 0170 1234567", ("mobile_phone",)),
        ("Mobilnummer 40 12 34 56", ("mobile_phone",)),
        ("Tel e Fax 02 1234567", ("phone", "fax")),
        ("Tel. y Fax: 91 123 45 67", ("phone", "fax")),
        ("P. 0711 123456", ("phone",)),  # a one-letter label alone still counts
        ("c: 415.555.0199", ("mobile_phone",)),  # en-US "c" for cell
        ("Tel./F. 91 123 45 67", ("phone", "fax")),
    ],
)
def test_labels_of_many_languages_decide_the_field(line: str, kinds: tuple[str, ...]) -> None:
    """The corpus rule: the label decides; tel/fax fills both; unknown labels mean phone."""
    assert _one(line)[1] == kinds


@pytest.mark.parametrize(
    "line",
    [
        "Standard : 01 42 68 53 00",
        "Zentrale: 0711 81244-0",
        "Tel. Zentrale 0711 81244-0",
        "Centralino: 02 1234567",
        "Centralita: 91 123 45 00",
        "Växel: 08-123 456 00",
        "Tel.: 0711 81244-0 (Zentrale)",
    ],
)
def test_switchboard_numbers_are_phones_marked_as_the_company_line(line: str) -> None:
    """The company's main number is a phone, flagged so that an own line can rank above it."""
    found = list(find_phones(line))
    assert [(p.kinds, p.switchboard) for p in found] == [(("phone",), True)]


def test_own_line_and_company_fax_are_not_switchboard() -> None:
    """A direct line is the sender's; "Fax Zentrale" is still the fax."""
    assert [p.switchboard for p in find_phones("Ligne directe : 01 42 68 53 07")] == [False]
    found = list(find_phones("Fax Zentrale 0711 81244-99"))
    assert [(p.kinds, p.switchboard) for p in found] == [(("fax",), False)]


@pytest.mark.parametrize(
    "line",
    [
        "NIP 123-456-78-90",
        "REGON 123456789",
        "P.IVA 01234567890",
        "Partita IVA 01234567890",
        "CVR 12345678",
        "KvK 12345678",
        "SIREN 123 456 789",
        "Org.nr 556677-8899",
        "IČO: 12345678",
        "Adószám: 12345678-2-42",
        "Tel. privat: 030 1234567",
        "Notfall: 0800 1234567",
        "Domicile : 01 23 45 67 89",
        "Dnr 123-456-7890",
        "C.P. 06600, Ciudad de México, CDMX",  # código postal: the "P." is no phone label
        "B.P. 21045 Lyon",
        "CEP 01304-001 - São Paulo - SP",  # Brazil's postal code, not Turkish "Cep" (mobile)
    ],
)
def test_registry_numbers_and_private_lines_are_not_the_senders_phone(line: str) -> None:
    """Tax and company-register numbers of European footers are not phones; home lines not own."""
    assert list(find_phones(line)) == []


def _message(body: str, sender: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "sales@example.org"
    msg["Subject"] = "Re: offer"
    msg.set_content(body)
    return msg.as_bytes()


def test_a_french_block_end_to_end() -> None:
    """A real MIME message: the direct line with its poste, the portable and the fax."""
    body = (
        "Bonjour,\n\nMerci pour votre retour rapide, je vous envoie le devis signé demain matin.\n\n"
        "Cordialement,\n\nJean DUPONT\nChef de projet\nACME Industrie SARL\n"
        "Ligne directe : 01 42 68 53 07 poste 118\nPortable : 06 12 34 56 78\n"
        "Fax : 01 42 68 53 01\n"
    )
    extraction = extract(read_message(_message(body, "Jean Dupont <jean.dupont@acme.fr>")).own)
    assert extraction.fields["phone"] == "01 42 68 53 07 poste 118"
    assert extraction.fields["mobile_phone"] == "06 12 34 56 78"
    assert extraction.fields["fax"] == "01 42 68 53 01"
    assert extraction.values["phone"] == "+33142685307"


def test_a_polish_block_end_to_end() -> None:
    """wew. stays with the number; "Tel. kom." is the mobile; the NIP line is not a phone."""
    body = (
        "Dzień dobry,\n\nw załączniku przesyłam zamówienie na przyszły miesiąc, proszę o "
        "potwierdzenie terminu dostawy.\n\nPozdrawiam\n\nAnna Kowalska\nKierownik zakupów\n"
        "Tel.: +48 22 123 45 67 wew. 21\nTel. kom. 601 234 567\nNIP 123-456-78-90\n"
    )
    extraction = extract(read_message(_message(body, "Anna Kowalska <a.kowalska@firma.pl>")).own)
    assert extraction.fields["phone"] == "+48 22 123 45 67 wew. 21"
    assert extraction.fields["mobile_phone"] == "601 234 567"
    assert extraction.fields["fax"] is None


def test_office_and_cell_letters_on_one_line_keep_their_kinds() -> None:
    """ "o: ... | c: ...": the one-letter labels of American signatures, each for its number."""
    found = [(p.text, p.kinds) for p in find_phones("o: 415.555.0100 | c: 415.555.0199")]
    assert found == [("415.555.0100", ("phone",)), ("415.555.0199", ("mobile_phone",))]
