"""Company boxes of European mail: a country code with the area code in brackets and a slash
("+49 (6131) / 9221-0"), degrees written before the role ("Dipl.-Ing. (FH), Vertriebsleiter"),
officers a legal box names ("Geschäftsführer / Managing director: Dr. ...", someone else's role
unless it names the sender), links that only
look like postal codes, a lone rule between the box and a notice, and a box a client appends
below the quote."""

from __future__ import annotations

import pytest

from mailhook.model import Author
from mailhook.pipeline import Finder, Part, extract
from mailhook.pipeline.phones import find_phones


def _fields(author: Author, text: str, finders: tuple[Finder, ...]) -> dict[str, str | None]:
    return extract(Part(author, text, 0, None, "utf-8"), finders).fields


@pytest.mark.parametrize(("line", "number"), [
    ("Tel:   +49 (6131) / 9221-0", "+49 (6131) / 9221-0"),
    ("Tel: +49 711 / 81244-20", "+49 711 / 81244-20"),
    ("Telefon +43 (732) / 12 34 56", "+43 (732) / 12 34 56"),
    ("Tél. : +33 (4) / 72 00 00 00", "+33 (4) / 72 00 00 00"),
    ("Tel. 0711 / 8 12 44 20", "0711 / 8 12 44 20"),
])
def test_a_country_code_area_and_slash_after_a_label_is_one_number(line: str, number: str) -> None:
    assert [phone.text for phone in find_phones(line)] == [number]


@pytest.mark.parametrize(("degree_line", "title"), [
    ("Dipl.-Wirtsch.-Inf. (FH), Security Engineer", "Security Engineer"),
    ("Dipl.-Ing. (TU), Vertriebsleiter", "Vertriebsleiter"),
    ("Ing., vedoucí nákupu", "vedoucí nákupu"),
    ("Dr. rer. nat., Head of Research", "Head of Research"),
])
def test_degrees_before_the_role_are_no_part_of_the_title(
    degree_line: str, title: str, finders: tuple[Finder, ...]
) -> None:
    author = Author("Mara Keller", "m.keller@beispiel.example")
    text = f"Hallo,\n\nder Fix ist drin.\n\n-- \nMara Keller\n{degree_line}\nPhone: +49 911 740 53 290\n"
    fields = _fields(author, text, finders)
    assert fields["job_title"] == title
    assert fields["company"] is None or "." not in fields["company"].split()[0][:-1]


@pytest.mark.parametrize("officers", [
    "Geschäftsführer / Managing director: Dr. Werner Muster",
    "Geschäftsführer: Felix Muster, Jana Beispiel",
    "Managing Directors: Ann Lee and Bo Ek",
    "Gérant / Directeur général : Paul Exemple",
])
def test_the_officers_of_a_legal_box_give_the_sender_no_title(
    officers: str, finders: tuple[Finder, ...]
) -> None:
    author = Author("Anna Weber", "weber@cs-beispiel.example")
    text = ("Hallo,\n\ndanke.\n\nMit freundlichen Grüßen\nAnna Weber\n\nTel.: +49-(0)611-8908534\n\n"
            f"CS Beispiel Solutions GmbH\n{officers}\nAmtsgericht Wiesbaden HRB 10004\n")
    fields = _fields(author, text, finders)
    assert fields["job_title"] is None
    assert fields["company"] in (None, "CS Beispiel Solutions GmbH")


@pytest.mark.parametrize(("line", "title"), [
    ("Beispiel Software GmbH,      Geschäftsführer: Anna Weber", "Geschäftsführer"),
    ("Beispiel Software GmbH,      Managing Director: Dr. Anna Weber", "Managing Director"),
    ("Gérante : Anna Weber", "Gérante"),
    ("Amministratore Delegato: Anna Weber", "Amministratore Delegato"),
    ("Directora General: Anna Weber", "Directora General"),
])
def test_a_legal_box_that_names_the_sender_gives_her_role(
    line: str, title: str, finders: tuple[Finder, ...]
) -> None:
    author = Author("Anna Weber", "weber@cs-beispiel.example")
    text = ("Hallo,\n\ndanke.\n\nAnna Weber\n\n-- \n"
            f"{line}\nKirchstr. 5, D-65183 Wiesbaden\n"
            "Tel.: +49-(0)611-8908534 Fax: +49-(0)611-8908535 E-Mail: weber@cs-beispiel.example\n")
    assert _fields(author, text, finders)["job_title"] == title


@pytest.mark.parametrize("link", [
    "[1] http://lists.example.org/pipermail/packaging/2012-July/008527.html",
    "https://tracker.example.com/issues/75008-paris-office",
    "Siehe https://wiki.example.de/Standorte/80331_Muenchen",
])
def test_a_link_gives_no_postal_code_or_city(link: str, finders: tuple[Finder, ...]) -> None:
    author = Author("Vit Novak", "vit@example.org")
    fields = _fields(author, f"Hi,\n\nAny opinions?\n\n\nVit\n\n\n\n{link}\n", finders)
    assert fields["postal_code"] is None and fields["city"] is None


NOTICES = {
    "en": "Confidentiality notice:\n\nThe content of this email is confidential. If you are not the "
          "intended addressee, please notify us immediately and delete the message.",
    "de": "Vertraulichkeitshinweis:\n\nDiese E-Mail ist vertraulich. Wenn Sie nicht der richtige "
          "Adressat sind, informieren Sie bitte sofort den Absender und löschen Sie diese E-Mail.",
}


@pytest.mark.parametrize("rule", ["-", "--", "*", "·"])
@pytest.mark.parametrize("language", sorted(NOTICES))
def test_a_lone_rule_between_the_legal_box_and_a_notice_keeps_the_block(
    rule: str, language: str, finders: tuple[Finder, ...]
) -> None:
    author = Author("Dennis Hamm", "dh@jusst.example")
    text = ("Hi,\n\nsure, that works.\n\nBest\nDennis Hamm\n\n\n-- \nDennis Hamm\n"
            "Software Engineering Lead\n\n"
            "jusst.engineering\nWrangelstraße 111\nD - 20253 Hamburg\n\ntel: +49 40 521 600 10\n"
            "mobil: +49 152 310 698 27\n\njusst technologies GmbH, Ohlstedter Straße 12, D - 22397 Hamburg\n"
            "Geschäftsführer: Julian Muster, Sebastian Muster\nRegistergericht: Amtsgericht Hamburg\n"
            f"Registernummer: HRB 94300\n\n{rule}\n\n{NOTICES[language]}\n")
    fields = _fields(author, text, finders)
    assert fields["phone"] == "+49 40 521 600 10"
    assert fields["city"] == "Hamburg" and fields["postal_code"] == "20253"


@pytest.mark.parametrize(("signoff", "box"), [
    ("Freundliche Gruesse\nGuenter Deuschle",
     "======================================\nDipl.-Ing. Guenter Deuschle\nBeispiel Telekom AG\n"
     "Team-Leiter Online-Dienste\nVahrenwalder-Str. 245\n30179 Hannover\nTel: +49-511-333-2772\n"
     "FAX: +49-511-333-2751\n======================================"),
    ("Cordialement,\nGuenter Deuschle",
     "--------------------------------\nGuenter Deuschle\nExemple Télécom SA\n12 rue de la Paix\n"
     "75002 Paris\nTél. : +33 1 23 45 67 89\n--------------------------------"),
])
def test_a_box_appended_below_a_blanked_quote_is_the_senders(
    signoff: str, box: str, finders: tuple[Finder, ...]
) -> None:
    author = Author("Guenter Deuschle", "deuschle@beispiel.example")
    # the reading leaves a blank line where each quoted line was
    gap = "\n" * 18
    text = f"Hallo Herr Specht,\n\ndie Leitung steht ab Montag zur Verfügung.\n{signoff}{gap}{box}\n"
    fields = _fields(author, text, finders)
    assert fields["postal_code"] in ("30179", "75002")
    assert fields["phone"] in ("+49-511-333-2772", "+33 1 23 45 67 89")


CS_BOX = ("CS Software Concepts and Solutions GmbH\nGeschäftsführer: Dr. Werner Muster\n"
          "Amtsgericht Wiesbaden HRB 10004")


@pytest.mark.parametrize(("sender", "box", "company"), [
    (Author("Jan Roth", "roth@cs-software.example"), CS_BOX, "CS Software Concepts and Solutions GmbH"),
    (Author("Lea Faure", "l.faure@atelier-rhone.example"),
     "Atelier Rhône SAS\nRCS Lyon 512 345 678\nCapital social : 10 000 €", "Atelier Rhône SAS"),
    (Author("Jan Roth", "roth@example.org"), CS_BOX, None),
])
def test_the_legal_box_of_the_senders_own_company_names_it(
    sender: Author, box: str, company: str | None, finders: tuple[Finder, ...]
) -> None:
    """A legal box below the block whose company the sender's domain spells is their company's
    box; one of a company the domain does not name stays a footer."""
    text = f"Hallo,\n\ndanke.\n\n{sender.name}\n\nTel.: +49-(0)611-8908534\n \n{box}\n"
    assert _fields(sender, text, finders)["company"] == company


def test_the_senders_company_box_is_read_to_its_address_not_its_register(finders: tuple[Finder, ...]) -> None:
    """A colleague's company box ("Managing Director: <someone else>") under a first name: the
    company and its address are the sender's, the register and officers below them are not."""
    sender = Author("Pavel Novak", "pavel@nordwerk-software.example")
    text = ("Hi,\n\nwhat about a loop then?\n\nBest regards,\n\t\t\t\tPavel\n-- \n"
            "Nordwerk Software GmbH,      Managing Director: Werner Muster\n"
            "Office: Kirchenstr. 5, D-82194 Groebenzell, Germany\n"
            "HRB 165235 Munich\nGeschäftsführer: Werner Muster\n")
    found = extract(Part(sender, text, 0, None, "utf-8"), finders)
    assert (found.fields["company"], found.fields["city"]) == ("Nordwerk Software GmbH", "Groebenzell")
    assert found.fields["job_title"] is None
    assert found.signature is not None and "HRB" not in found.signature
