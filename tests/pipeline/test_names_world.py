"""Names as the world writes them: capitals, two surnames, particles, family name first,
nicknames beside a full From name, and sign-offs misspelt but never taken for a name."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from mailhook.model import Author
from mailhook.pipeline import extract, read_message
from mailhook.pipeline.names import clean_name_line, find_name, split_name
from mailhook.pipeline.valedictions import is_valediction_like


def _name(lines: list[str], author: Author | None = None, language: str | None = None) -> tuple:
    found = find_name(lines, author, language)
    return None if found is None else (found.first, found.last)


@pytest.mark.parametrize(
    ("line", "language", "expected"),
    [
        ("Jean DUPONT", "fr", ("Jean", "DUPONT")),
        ("DUPONT Jean", "fr", ("Jean", "DUPONT")),
        ("Marie-Claire LEFÈVRE", "fr", ("Marie-Claire", "LEFÈVRE")),
        ("Ana DE LA VEGA", "es", ("Ana", "DE LA VEGA")),
        ("María LÓPEZ GARCÍA", "en", ("María", "LÓPEZ GARCÍA")),
        ("Luca ROSSI", "it", ("Luca", "ROSSI")),
    ],
)
def test_all_caps_surname_is_the_last_name_wherever_it_stands(
    line: str, language: str, expected: tuple[str, str]
) -> None:
    """The French habit of writing the family name in capitals, before or after the given name."""
    assert _name([line, "Chef de projet"], None, language) == expected


def test_leading_initials_in_capitals_are_not_a_family_name() -> None:
    """ "JP Morgan" keeps JP as the given name: two capitals in front are initials."""
    assert _name(["JP Morgan"], None, "en") == ("JP", "Morgan")


@pytest.mark.parametrize(("line", "expected"), [
    ("J.P. Morgan", ("J.P.", "Morgan")),
    ("J.-P. Martin", ("J.-P.", "Martin")),
    ("J.-P. MARTIN", ("J.-P.", "MARTIN")),
    ("A.B.C. Smith", ("A.B.C.", "Smith")),
])
def test_initials_with_dots_are_the_given_name_not_a_title_or_surname(
    line: str, expected: tuple[str, str]
) -> None:
    """Initials written with dots (and the French hyphen) are neither a family name in capitals
    nor a hyphenated title like "Dr.-Ing." when a name line is split (the tagger's and the rules')."""
    name = split_name(0, clean_name_line(line), "fr", None)
    assert (name.first, name.last) == expected


@pytest.mark.parametrize(
    ("line", "author", "language", "expected"),
    [
        ("María López García", None, "es", ("María", "López García")),
        ("Jorge Ruiz Navarro", None, "es", ("Jorge", "Ruiz Navarro")),
        # In English or French mail the From header says where the surname starts.
        ("María López García", Author("María López", "maria@empresa.es"), "en", ("María", "López García")),
        ("María López García", Author(None, "maria.lopez@empresa.es"), "fr", ("María", "López García")),
        ("Carlos Pérez Gómez", Author(None, "cperez@empresa.mx"), "en", ("Carlos", "Pérez Gómez")),
        ("João da Silva Santos", Author("João Silva", "joao@empresa.pt"), "pt", ("João", "da Silva Santos")),
        # ...and keeps an English middle name out of the surname.
        ("John Michael Smith", Author("John Smith", "jsmith@acme.com"), "en", ("John", "Smith")),
    ],
)
def test_two_surnames_are_one_last_name(
    line: str, author: Author | None, language: str, expected: tuple[str, str]
) -> None:
    """Spanish and Portuguese names end in two surnames; both are the last name."""
    assert _name([line], author, language) == expected


@pytest.mark.parametrize(
    ("line", "language", "expected"),
    [
        ("Ana de la Vega-Ortiz", "es", ("Ana", "de la Vega-Ortiz")),
        ("Luis Fernández de Córdoba", "es", ("Luis", "Fernández de Córdoba")),
        ("Pieter van der Berg", "nl", ("Pieter", "van der Berg")),
        ("Jan de Vries", "nl", ("Jan", "de Vries")),
        ("Karl von Thun", "de", ("Karl", "von Thun")),
        ("Giulia De Luca", "it", ("Giulia", "De Luca")),
        ("Maria dos Santos", "pt", ("Maria", "dos Santos")),
        ("Małgorzata Wiśniewska-Nowak", "pl", ("Małgorzata", "Wiśniewska-Nowak")),
        ("Anna-Karin Lindqvist", "sv", ("Anna-Karin", "Lindqvist")),
        ("Søren Østergaard", "da", ("Søren", "Østergaard")),
    ],
)
def test_particles_and_hyphens_stay_with_the_surname(
    line: str, language: str, expected: tuple[str, str]
) -> None:
    """de la, van der, von, dos and hyphenated names are kept whole."""
    assert _name([line], None, language) == expected


@pytest.mark.parametrize(
    ("line", "author", "language", "expected"),
    [
        ("Kovács Péter", None, "hu", ("Péter", "Kovács")),
        ("Nagy-Tóth Eszter", None, "hu", ("Eszter", "Nagy-Tóth")),
        ("dr. Szabó Anna", None, "hu", ("Anna", "Szabó")),
        # A Hungarian mailbox says so in English mail...
        ("Kovács Péter", Author("Kovács Péter", "kovacs.peter@ceg.hu"), "en", ("Péter", "Kovács")),
        # ...and so does a given.family mailbox beside a family-first signature.
        ("Kovács Péter", Author(None, "peter.kovacs@example.com"), "en", ("Péter", "Kovács")),
        # Signed in Western order while From writes it family first: given name first here.
        ("Péter Kovács", Author("Kovács Péter", "peter.kovacs@ceg.hu"), "hu", ("Péter", "Kovács")),
    ],
)
def test_hungarian_family_name_comes_first(
    line: str, author: Author | None, language: str, expected: tuple[str, str]
) -> None:
    """Hungarian writes the family name first; the language or the From header says so."""
    assert _name([line], author, language) == expected


def test_western_order_stays_in_other_languages() -> None:
    """Outside Hungarian mail, two names are given name then surname."""
    assert _name(["Peter Kovacs"], Author(None, "info@example.com"), "en") == ("Peter", "Kovacs")


@pytest.mark.parametrize(
    ("lines", "author", "expected"),
    [
        # The nickname signed, the full From name written in capitals further down.
        (
            ["Bob", "ROBERT SMITH - Sales Director", "Acme Inc."],
            Author("Robert Smith", "bob@acme.com"),
            ("ROBERT", "SMITH"),
        ),
        (
            ["Chris", "Christopher Miller | Acme"],
            Author("Christopher Miller", "cmiller@acme.com"),
            ("Christopher", "Miller"),
        ),
        (["JS", "John Smith, Acme Ltd."], Author("John Smith", "john.smith@acme.co.uk"), ("John", "Smith")),
        (
            ["Kati", "Dr. Katalin Horváth-Nagy"],
            Author("Katalin Horváth-Nagy", "k.horvath@firma.de"),
            ("Katalin", "Horváth-Nagy"),
        ),
    ],
)
def test_short_sign_off_takes_the_full_name_the_block_writes(
    lines: list[str], author: Author, expected: tuple[str, str]
) -> None:
    """A nickname or initials signed over a block that writes the From name in full."""
    assert _name(lines, author, "en") == expected


@pytest.mark.parametrize(
    ("line", "author", "expected"),
    [
        ("Müller, Hans", Author("Müller, Hans", "hans.mueller@firma.de"), ("Hans", "Müller")),
        ("DUPONT, Jean", Author(None, "jean.dupont@example.fr"), ("Jean", "DUPONT")),
        ("López García, María", Author("María López", "maria@empresa.es"), ("María", "López García")),
    ],
)
def test_surname_comma_given_name_is_read_in_that_order(
    line: str, author: Author, expected: tuple[str, str]
) -> None:
    """The directory order "Last, First" of corporate mail, when it names the sender."""
    assert _name([line, "Vertrieb"], author, "de") == expected


def test_a_place_comma_country_is_not_a_name() -> None:
    """ "Berlin, Germany" has the shape of "Last, First" but names no one in the From header."""
    assert _name(["Berlin, Germany"], Author("Hans Müller", "hans.mueller@firma.de"), "de") is None


def test_initials_alone_are_not_a_name() -> None:
    """ "JS" with nothing fuller in the block gives no name, even when From has one."""
    assert _name(["JS", "Acme Inc."], Author("John Smith", "john.smith@acme.com"), "en") is None


def test_a_nickname_alone_is_kept_as_written() -> None:
    """Fields are copied from the signature: a lone "Kate" is not replaced by the From name."""
    assert _name(["Kate"], Author("Katherine Jones", "katherine.jones@example.com"), "en") == ("Kate", None)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Mag. Anna Huber, MBA", "Anna Huber"),
        ("Dipl.-Ing. Klaus Becker", "Klaus Becker"),
        ("Ing. Jana Nováková", "Jana Nováková"),
        ("Mgr. Petra Svobodová", "Petra Svobodová"),
        ("Tomáš Dvořák, Ph.D.", "Tomáš Dvořák"),
        ("Prof. Dr. Klaus Weber", "Klaus Weber"),
        ("i.A. Hans Müller", "Hans Müller"),
        ("Bc. Petr Novák", "Petr Novák"),
        ("Dott.ssa Giulia Bianchi", "Giulia Bianchi"),
        ("Lic. Juan Pérez Soto", "Juan Pérez Soto"),
        ("Eng. Rui Costa", "Rui Costa"),
        ("Prof. Dr.-Ing. habil. Hans Meier", "Hans Meier"),
        ("Dr. rer. nat. Eva Schmidt", "Eva Schmidt"),
        ("Univ.-Prof. Dr. Anna Berg", "Anna Berg"),
        ('Robert "Bob" Smith', "Robert Smith"),
        ("Roberto (Rob) Bianchi", "Roberto Bianchi"),
        ("David Lee FCCA", "David Lee"),  # British professional memberships
        ("Jane Roe MRICS", "Jane Roe"),
        ("Tom Hall CEng", "Tom Hall"),
    ],
)
def test_honorifics_and_degrees_are_dropped_from_the_name_line(line: str, expected: str) -> None:
    """Titles before and degrees after a name (de, at, cs, en) are not part of it."""
    assert clean_name_line(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Best regrds,",
        "Kind reagrds",
        "Sincerly,",
        "Mit freundlcihen Grüßen",
        "Vielen Dnak",
        "Cordialment",
        "Bien cordialemnt",
        "Saludos cordiles",
        "Atentamenet",
        "Cordiali salut",
        "Met vriendelijke groeet",
        "Atenciosamnete",
        "Pozdrawaim",
        "Med venlig hilsn",
        "Vänliga hälsnigar",
        "S pozdravm",
        "Üdvözlettell",
    ],
)
def test_misspelt_valedictions_are_valedictions(line: str) -> None:
    """A sign-off a letter or two off (en, de, fr, es, it, nl, pt, pl, da, sv, cs, hu)."""
    assert is_valediction_like(line)


@pytest.mark.parametrize(
    "line",
    [
        "Dante",
        "Mercy",
        "Bert",
        "Regina",
        "Marianne",
        "Christina",
        "Robert Smith",
        "Jean DUPONT",
        "Salvatore",
        "Grazia Bianchi",
        "Tel. 030 1234567",
        "Sales Director",
    ],
)
def test_names_and_contact_lines_are_not_valedictions(line: str) -> None:
    """Short names near a sign-off word ("Dante", "Mercy") are never fuzzily a valediction."""
    assert not is_valediction_like(line)


def test_a_misspelt_valediction_is_never_the_name() -> None:
    """ "Cordialment" above the name is not a given name, nor is it alone a name."""
    assert _name(["Cordialment", "Marie Curie"], None, "fr") == ("Marie", "Curie")
    assert _name(["Cordialment"], None, "fr") is None


def _extract(body: str, sender: str) -> dict[str, str | None]:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "office@example.org"
    msg["Subject"] = "Re: request"
    msg.set_content(body)
    return extract(read_message(msg.as_bytes()).own).fields


def test_a_french_capitals_surname_end_to_end() -> None:
    """A real MIME message from France: the capitals are the surname."""
    fields = _extract(
        "Bonjour,\n\nJe vous remercie pour votre proposition, nous la validerons en réunion "
        "jeudi prochain.\n\nBien cordialement,\n\nDUPONT Jean\nResponsable achats\n"
        "Tél. : 01 42 68 53 00\n",
        "Jean Dupont <j.dupont@example.fr>",
    )
    assert (fields["first_name"], fields["last_name"]) == ("Jean", "DUPONT")


def test_a_hungarian_message_end_to_end() -> None:
    """Hungarian text: the family name written first is the last name."""
    fields = _extract(
        "Kedves Anna!\n\nKöszönöm a gyors választ, a szerződést holnap délelőtt aláírva "
        "visszaküldöm önnek.\n\nÜdvözlettel:\n\nKovács Péter\nügyvezető igazgató\n"
        "Tel.: +36 1 234 5678 mellék 12\n",
        "Kovács Péter <kovacs.peter@ceg.hu>",
    )
    assert (fields["first_name"], fields["last_name"]) == ("Péter", "Kovács")
    assert fields["phone"] == "+36 1 234 5678 mellék 12"


def test_a_spanish_name_in_english_mail_end_to_end() -> None:
    """English text, Spanish sender: the From header's surname starts the two-word last name."""
    fields = _extract(
        "Hi team,\n\nPlease find attached the purchase order for next month, let me know if "
        "anything is missing.\n\nBest regards,\n\nMaría López García\nJefa de Compras\n"
        "Móvil: +34 612 34 56 78\n",
        "Maria Lopez <maria.lopez@empresa.es>",
    )
    assert (fields["first_name"], fields["last_name"]) == ("María", "López García")
    assert fields["mobile_phone"] == "+34 612 34 56 78"
