"""Where the block that ends the text is not the sender's (a colleague's block, another person's
contact below theirs), the block anchored on the From name wins: it names the sender and holds a
contact line. Where the end-based block is the sender's, it stays. Every message is invented."""

from __future__ import annotations

import pytest

from mailhook.model import Author
from mailhook.pipeline import Part, extract
from mailhook.pipeline.signature import find_signature

# (sender, their words and block, what follows their block)
COLLEAGUE_AFTER_PROSE = {
    "en": (Author("John Baker", "j.baker@bakerandsons.co.uk"),
           "Hi Ann,\n\nThe contract is attached.\n\nKind regards,\n\n"
           "John Baker\nHead of Procurement\nBaker & Sons Ltd\nT +44 20 7946 0123",
           "While I am away next week, please contact my colleague instead:\n\n"
           "Mary Jones\nProcurement Assistant\nT +44 20 7946 0124"),
    "de": (Author("Klaus Berger", "k.berger@berger-haustechnik.de"),
           "Hallo Frau Lee,\n\nanbei das Angebot wie besprochen.\n\nMit freundlichen Grüßen\n\n"
           "Klaus Berger\nTechnischer Vertrieb\nBerger Haustechnik GmbH\nTelefon: 0711 / 8 12 44 20",
           "Während meines Urlaubs erreichen Sie meine Kollegin unter folgender Nummer:\n\n"
           "Petra Schulz\nInnendienst\nTelefon: 0711 / 8 12 44 21"),
    "es": (Author("Lucía Fernández", "lucia.fernandez@transportes-levante.es"),
           "Hola Pedro,\n\nte envío la factura del mes pasado.\n\nUn saludo,\n\n"
           "Lucía Fernández\nJefa de Compras\nTransportes Levante S.L.\nTel.: +34 963 12 34 56",
           "Durante mis vacaciones, por favor contacte con mi compañero en este número:\n\n"
           "Javier Ruiz\nDepartamento de Compras\nTel.: +34 963 12 34 57"),
}
ANOTHER_PERSON_BELOW = {
    "de": (Author("Klaus Berger", "k.berger@berger-haustechnik.de"),
           "Hallo Frau Lee,\n\nanbei das Angebot.\n\nMit freundlichen Grüßen\n\n"
           "Klaus Berger\nTechnischer Vertrieb\nBerger Haustechnik GmbH\nTelefon: 0711 / 8 12 44 20",
           "Ihr Ansprechpartner vor Ort:\n\nPeter Schmidt\nServicetechniker\nMobil: 0171 1234567"),
    "it": (Author("Marco Bianchi", "m.bianchi@officine-bianchi.it"),
           "Buongiorno,\n\nin allegato trova l'offerta.\n\nCordiali saluti,\n\n"
           "Marco Bianchi\nResponsabile commerciale\nOfficine Bianchi S.r.l.\nTel. +39 011 456 7890",
           "Per l'assistenza tecnica:\n\nGiulia Romano\nUfficio tecnico\nCell. +39 333 123 4567"),
    "fr": (Author("Jean Dupont", "jean.dupont@acme-industrie.fr"),
           "Bonjour Madame,\n\nVeuillez trouver ci-joint le devis.\n\nCordialement,\n\n"
           "Jean Dupont\nChef de projet SI\nACME Industrie\nTél : +33 4 72 00 00 00",
           "--\nSophie Laurent\nAssistante commerciale\nPortable : +33 6 12 34 56 78"),
    "nl": (Author("Sanne de Vries", "sanne.devries@bouwbedrijf-holland.nl"),
           "Beste Pieter,\n\nhierbij de offerte.\n\nMet vriendelijke groet,\n\n"
           "Sanne de Vries\nProjectleider\nBouwbedrijf Holland B.V.\nT +31 20 123 4567",
           "--\nJoost Bakker\nUitvoerder\nM +31 6 1234 5678"),
}


def _block(author: Author, text: str) -> list[str]:
    lines = text.split("\n")
    found = find_signature(lines, author)
    assert found is not None
    return lines[found.first : found.last + 1]


def _own_block(text: str) -> list[str]:
    return text.split("\n\n")[-1].split("\n")


@pytest.mark.parametrize("lang", sorted(COLLEAGUE_AFTER_PROSE))
def test_the_senders_block_beats_a_colleagues_block_at_the_end(lang: str) -> None:
    """A colleague's block below a sentence ends the text; the sender's block above names them."""
    author, own, after = COLLEAGUE_AFTER_PROSE[lang]
    assert _block(author, f"{own}\n\n{after}") == _own_block(own)


@pytest.mark.parametrize("lang", sorted(ANOTHER_PERSON_BELOW))
def test_another_persons_name_and_number_below_the_senders_block_are_cut_off(lang: str) -> None:
    """The block runs from the sender's sign-off to the end, over another person's block: it ends
    with the sender's own lines."""
    author, own, after = ANOTHER_PERSON_BELOW[lang]
    assert _block(author, f"{own}\n\n{after}") == _own_block(own)


def test_fields_come_from_the_senders_block_not_the_colleagues() -> None:
    """The colleague's mobile number is not filled in as the sender's."""
    author, own, after = ANOTHER_PERSON_BELOW["de"]
    extraction = extract(Part(author, f"{own}\n\n{after}", 0))
    assert extraction.fields["first_name"] == "Klaus"
    assert extraction.fields["mobile_phone"] is None
    assert extraction.fields["phone"] == "0711 / 8 12 44 20"


def test_a_block_that_names_the_sender_stays_whole() -> None:
    """The sender's own second paragraph of numbers is theirs: nothing is cut."""
    author, own, _ = ANOTHER_PERSON_BELOW["de"]
    text = f"{own}\n\nMobil: 0171 7654321\nwww.berger-haustechnik.de"
    assert _block(author, text) == [*_own_block(own), "", "Mobil: 0171 7654321", "www.berger-haustechnik.de"]


def test_without_a_sender_the_end_based_block_stays() -> None:
    """No From name to anchor on: the block that ends the text is kept."""
    _, own, after = COLLEAGUE_AFTER_PROSE["en"]
    assert _block(None, f"{own}\n\n{after}") == after.split("\n\n")[-1].split("\n")


def test_a_team_block_at_the_end_stays_when_no_block_names_the_sender() -> None:
    """Signed for a team: nothing above names the sender, so the end-based block is kept."""
    author = Author("John Baker", "j.baker@bakerandsons.co.uk")
    text = "Hi Ann,\n\nThe contract is attached.\n\nThanks,\n\n"
    text += "Procurement Team\nBaker & Sons Ltd\nT +44 20 7946 0123"
    assert _block(author, text) == ["Procurement Team", "Baker & Sons Ltd", "T +44 20 7946 0123"]


@pytest.mark.parametrize("tagline", [
    "Besuchen Sie uns auf der ISH 2027 in Frankfurt, Halle 4, Stand B12!",
    "We are hiring! Join our team.",
    "Retrouvez-nous au salon Batimat du 3 au 6 octobre.",
    "Follow us on LinkedIn | Facebook | Instagram",
])
def test_a_closing_tagline_below_the_block_is_left_out(tagline: str) -> None:
    """The block ends at its last contact line: a phrase in a paragraph of its own below is not
    part of it."""
    author, own, _ = ANOTHER_PERSON_BELOW["de"]
    assert _block(author, f"{own}\n\n{tagline}") == _own_block(own)


def test_a_closing_paragraph_of_contact_lines_stays() -> None:
    """A web address or a short line of the company's below the block are the block's."""
    author, own, _ = ANOTHER_PERSON_BELOW["de"]
    text = f"{own}\n\nwww.berger-haustechnik.de"
    assert _block(author, text)[-1] == "www.berger-haustechnik.de"


def test_a_closing_phrase_that_gives_a_number_stays() -> None:
    """"You can reach me at x-5773" is a contact line in words: the block ends there."""
    author = Author("Anne Smith", "anne.smith@example.com")
    text = "Hi Tom,\n\nsee you at the meeting.\n\nAnne\n\nYou can reach me at x-5773"
    assert _block(author, text) == ["Anne", "", "You can reach me at x-5773"]
