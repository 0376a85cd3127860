"""Sign-offs that two people sign ("John & Marc") give no name, as which of them sends is not
said; a name signed in lower case is taken where the From display name writes it. Every message
here is invented for these tests."""

from __future__ import annotations

import pytest

from mailhook.model import Author
from mailhook.pipeline import Finder, Part, extract, load_finders
from mailhook.pipeline.names import signers

PAIRS = {
    "en": ("Cheers,", "John & Marc", "John", "Marc", Author("Marc Smith", "marc.smith@example.com")),
    "de": ("Viele Grüße", "Hans und Petra Weber", "Hans", "Petra Weber",
           Author("Petra Weber", "p.weber@example.de")),
    "fr": ("Bien à vous,", "Marie et Paul", "Marie", "Paul", Author("Paul Martin", "paul.martin@example.fr")),
    "es": ("Un saludo,", "Juan y María", "Juan", "María", Author("María López", "maria.lopez@example.es")),
    "it": ("Cordiali saluti,", "Marco e Giulia", "Marco", "Giulia",
           Author("Giulia Rossi", "g.rossi@example.it")),
    "nl": ("Groeten,", "Sanne en Joost", "Sanne", "Joost", Author("Joost Bakker", "joost@example.nl")),
    "sv": ("Hälsningar,", "Erik och Karin", "Erik", "Karin", Author("Karin Berg", "karin.berg@example.se")),
    "pl": ("Pozdrawiam,", "Piotr i Anna", "Piotr", "Anna", Author("Anna Kowalska", "a.kowalska@example.pl")),
    "hu": ("Üdvözlettel,", "Péter és Anna", "Péter", "Anna", Author("Kovács Anna", "anna.kovacs@example.hu")),
    "da": ("Venlig hilsen", "Lars og Mette", "Lars", "Mette", Author("Mette Hansen", "mette@example.dk")),
}


@pytest.fixture(scope="module")
def finders() -> tuple[Finder, ...]:
    return load_finders()


@pytest.mark.parametrize("lang", sorted(PAIRS))
def test_two_signers_are_split_at_the_languages_and(lang: str) -> None:
    """"&" and the word for "and" between two names make a line two people sign."""
    _, line, left, right, _ = PAIRS[lang]
    assert signers(line) == (left, right)


@pytest.mark.parametrize("lang", sorted(PAIRS))
def test_a_sign_off_by_two_people_gives_no_name(lang: str, finders: tuple[Finder, ...]) -> None:
    """Neither signer's name is filled, not even the one the From header names."""
    closing, line, _, _, author = PAIRS[lang]
    extraction = extract(Part(author, f"Hi,\n\nthe files are attached.\n\n{closing}\n{line}", 0), finders)
    assert extraction.has_signature
    assert extraction.fields["first_name"] is None and extraction.fields["last_name"] is None


def test_the_company_below_two_signers_is_not_taken_for_a_name(finders: tuple[Finder, ...]) -> None:
    """The block's other lines stay what they are: the phone is still read, no name is made up."""
    author = Author("Marc Dupont", "marc.dupont@acme.fr")
    text = "Bonjour,\n\nVoici le planning.\n\nCordialement,\nJohn et Marc\nACME Industrie\n"
    text += "Tél : +33 4 72 00 00 00"
    extraction = extract(Part(author, text, 0), finders)
    assert extraction.fields["first_name"] is None and extraction.fields["last_name"] is None
    assert extraction.fields["phone"] == "+33 4 72 00 00 00"


@pytest.mark.parametrize("line", [
    "José Ortega y Gasset",  # "y" inside a Spanish surname
    "Ana Maria e Silva",  # "e" inside a Portuguese surname
    "Baker & Sons Ltd",  # a company
    "Sales & Marketing",
    "John Baker",
])
def test_other_lines_are_not_two_signers(line: str) -> None:
    """A conjunction inside one name, or between words that are not names, joins no signers."""
    assert signers(line) is None


@pytest.mark.parametrize(("closing", "line", "author", "first", "last"), [
    ("thanks,", "john", Author("John Baker", "jbaker@example.com"), "john", None),
    ("saludos", "maría lópez", Author("María López", "mlopez@example.es"), "maría", "lópez"),
    ("grüße", "klaus", Author("Klaus Berger", "k.berger@example.de"), "klaus", None),
])
def test_a_lower_case_name_the_from_header_writes_is_taken(
    closing: str, line: str, author: Author, first: str, last: str | None, finders: tuple[Finder, ...]
) -> None:
    """Case as written: "john" signed by John Baker is his first name."""
    text = f"Hi Ann,\n\nsounds good, see you tomorrow.\n\n{closing}\n{line}"
    extraction = extract(Part(author, text, 0), finders)
    assert (extraction.fields["first_name"], extraction.fields["last_name"]) == (first, last)


def test_a_lower_case_word_the_from_header_does_not_write_is_no_name(finders: tuple[Finder, ...]) -> None:
    """A lower-case line that is not the sender's name is not taken for one."""
    author = Author("John Baker", "jbaker@example.com")
    text = "Hi Ann,\n\nsounds good, see you tomorrow.\n\nthanks,\nbob"
    extraction = extract(Part(author, text, 0), finders)
    assert extraction.fields["first_name"] is None


@pytest.mark.parametrize(("closing", "line"), [
    ("Regards,", "Anna Weber and Tom Berg"),
    ("Viele Grüße", "Anna und Tom"),
    ("Bien à vous,", "Claire et Marc Dubois"),
])
def test_a_sign_off_by_two_people_is_a_signature(
    closing: str, line: str, finders: tuple[Finder, ...]
) -> None:
    """The sender signs, with someone else: the message has a signature, with no name in it."""
    author = Author(None, "family@example.org")
    text = f"Hi,\n\nthanks for the lovely evening, see you soon.\n\n{closing}\n\n{line}"
    extraction = extract(Part(author, text, 0), finders)
    assert extraction.has_signature and extraction.signature == line


@pytest.mark.parametrize(("text", "first"), [
    ("Hallo,\n\nlass uns morgen telefonieren.\n\nVG jonas", "jonas"),
    ("Hola,\n\nmañana te llamo.\n\nsaludos, maría", "maría"),
    ("Hi,\n\ncall you tomorrow.\n\ncheers\n\ntom", "tom"),
])
def test_a_lower_case_name_the_mailbox_writes_is_a_signature(
    text: str, first: str, finders: tuple[Finder, ...]
) -> None:
    """No display name: the mailbox (jonas.weber@, maria.lopez@, tom.berg@) writes the name."""
    mailbox = {"jonas": "jonas.weber", "maría": "maria.lopez", "tom": "tom.berg"}[first]
    extraction = extract(Part(Author(None, f"{mailbox}@example.org"), text, 0), finders)
    assert extraction.has_signature
    assert extraction.fields["first_name"] == first


def test_a_lower_case_word_below_a_closing_is_no_signature_without_the_sender(
    finders: tuple[Finder, ...],
) -> None:
    """A lower-case word the From header does not write is not taken for who signs."""
    part = Part(Author(None, "jonas.weber@example.org"), "Hallo,\n\nbis morgen.\n\nVG tom", 0)
    extraction = extract(part, finders)
    assert not extraction.has_signature


@pytest.mark.parametrize(("closing", "line"), [
    ("Z poważaniem", "Dział Księgowości"),
    ("Met vriendelijke groet,", "Klantenservice Voorbeeld"),
    ("Mit freundlichen Grüßen", "Abteilung Einkauf"),
    ("Kind regards,", "Customer Service"),
    ("Cordialement,", "Service Clients"),
    ("Med vänlig hälsning", "Kundtjänst"),
    # A team that signs ("L'équipe Maisons Verte", "Ihr Muster-Team").
    ("Cordialement,", "L'équipe Maisons Verte"),
    ("Mit freundlichen Grüßen", "Ihr Muster-Team"),
    ("Best regards,", "The Acme Support Team"),
    ("Un saludo,", "El equipo de Ventas Sol"),
    ("Cordiali saluti,", "Il team di Rossi Arredamenti"),
    ("Pozdrawiam,", "Zespół Obsługi Klienta"),
    ("Med vänlig hälsning", "Kundtjänstteamet Norrsken"),
])
def test_a_department_that_signs_gives_no_name(closing: str, line: str, finders: tuple[Finder, ...]) -> None:
    """A department or service desk signing is no person: no first or last name is made of it."""
    text = f"Hello,\n\nyour invoice is attached.\n\n{closing}\n{line}"
    extraction = extract(Part(Author(None, "office@example.org"), text, 0), finders)
    assert extraction.fields["first_name"] is None and extraction.fields["last_name"] is None


@pytest.mark.parametrize("line", ["Jane Staff", "Oliver Crew"])
def test_a_surname_that_is_also_a_word_for_staff_stays_a_name(line: str, finders: tuple[Finder, ...]) -> None:
    """'Staff' and 'Crew' are English surnames: a person signing with one is no team."""
    author = Author(line, "someone@example.org")
    text = f"Hi,\n\nthe contract is attached.\n\nBest regards,\n{line}\nAccount Manager\n+44 20 7946 0000"
    extraction = extract(Part(author, text, 0), finders)
    assert (extraction.fields["first_name"], extraction.fields["last_name"]) == tuple(line.split())


# A template's or an anonymiser's stand-in where the name would be, in several languages.
STAND_INS = {
    "en": ("Best regards,", "Person A", Author("Tom Baker", "t.baker@example.com")),
    "en2": ("Thanks,", "[Your Name]", Author(None, "info@example.com")),
    "de": ("Viele Grüße", "Vorname Nachname", Author("Petra Weber", "p.weber@example.de")),
    "fr": ("Cordialement,", "Prénom NOM", Author("Paul Martin", "paul.martin@example.fr")),
    "es": ("Un saludo,", "Usuario 2", Author("María López", "maria.lopez@example.es")),
    "it": ("Cordiali saluti,", "Nome Cognome", Author("Giulia Rossi", "g.rossi@example.it")),
    "pl": ("Pozdrawiam,", "Imię Nazwisko", Author("Anna Kowalska", "a.kowalska@example.pl")),
    "nl": ("Groeten,", "Medewerker B", Author("Joost Bakker", "joost@example.nl")),
    "any": ("Regards,", "[XXXX]", Author("Eva Novak", "eva.novak@example.cz")),
}


@pytest.mark.parametrize("lang", sorted(STAND_INS))
def test_a_placeholder_signs_but_gives_no_name(lang: str, finders: tuple[Finder, ...]) -> None:
    """The block is still a signature and its company still read; the stand-in is no name."""
    closing, line, author = STAND_INS[lang]
    text = f"Hello,\n\nplease find the report attached.\n\n{closing}\n{line}\nNorthwind Logistik GmbH\n"
    text += "Tel. +49 30 1234567"
    extraction = extract(Part(author, text, 0), finders)
    assert extraction.has_signature
    assert extraction.fields["first_name"] is None and extraction.fields["last_name"] is None
    assert extraction.fields["company"] == "Northwind Logistik GmbH"


@pytest.mark.parametrize("line", ["Anna Person", "Max Mustermann", "Kunde Schmidt", "Nora Name",
                                  "Jean-Luc Nom"])
def test_real_names_with_placeholder_words_are_names(line: str, finders: tuple[Finder, ...]) -> None:
    author = Author(line, "someone@example.org")
    text = f"Hi,\n\nsee you tomorrow.\n\nBest,\n{line}\n+44 20 7946 0000"
    extraction = extract(Part(author, text, 0), finders)
    assert extraction.fields["first_name"] == line.split()[0]
