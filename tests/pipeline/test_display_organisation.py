"""A From display name that carries an organisation ("Jane Roe - Acme", "Jane Roe (Acme)") or
is one ("Acme Support" <support@...>, "Soleil Voyages" <contact@...>): the block and the name
are still found, and the organisation's words never make the company line the sender's name.
Every message here is invented."""

from __future__ import annotations

import pytest

from mailhook.model import Author
from mailhook.pipeline import Finder, Part, extract
from mailhook.pipeline.display import as_person, organisation_part

# (display name, address, body, first name, last name, company line)
SENT_BY_AN_OFFICE = {
    "en": ("Harbor Freight Desk", "help@harbor.example",
           "Hi,\n\nyour parcel left our depot today.\n\nKind regards,\nOwen Price\nCustomer Care\n"
           "Harbor Freight Desk\nPhone: +44 20 7946 0321\n", "Owen", "Price", "Harbor Freight Desk"),
    "fr": ("Soleil Voyages", "contact@soleil.example",
           "Bonjour,\n\nvotre commande est partie ce matin.\n\nCordialement,\nMarie Dubois\n"
           "Conseillère clientèle\nSoleil Voyages\nTél : +33 1 23 45 67 89\n", "Marie", "Dubois",
           "Soleil Voyages"),
    "de": ("Nordlicht Beratung", "info@nordlicht.example",
           "Hallo,\n\nanbei das Angebot für das zweite Quartal.\n\nMit freundlichen Grüßen\n\nAnna Schmitt\n"
           "Nordlicht Beratung\nTel. +49 30 1234567\n", "Anna", "Schmitt", "Nordlicht Beratung"),
    "pl": ("Biuro Tęcza", "biuro@tecza.example",
           "Dzień dobry,\n\nprzesyłam fakturę za marzec w załączniku.\n\nPozdrawiam\nKatarzyna Nowak\n"
           "Specjalistka ds. sprzedaży\nBiuro Tęcza\ntel. +48 22 123 45 67\n", "Katarzyna", "Nowak",
           "Biuro Tęcza"),
    "es": ("Equipo Sol", "equipo@sol.example",
           "Hola,\n\nadjunto la factura de la reserva.\n\nSaludos,\nLucía Martín\nAtención al cliente\n"
           "Sol Viajes\nTel. +34 912 345 678\n", "Lucía", "Martín", "Sol Viajes"),
    "nl": ("Klantenservice Polderbits", "service@polderbits.example",
           "Hallo,\n\nuw bestelling is vandaag verzonden.\n\nMet vriendelijke groet,\nSanne Visser\n"
           "Polderbits\nTel. +31 10 220 1144\n", "Sanne", "Visser", "Polderbits"),
}


@pytest.mark.parametrize("lang", sorted(SENT_BY_AN_OFFICE))
def test_an_office_display_name_is_the_company_never_the_sender(
    lang: str, finders: tuple[Finder, ...]
) -> None:
    """The person signs above the office's name: they are the sender, the office the company."""
    display, email, body, first, last, company = SENT_BY_AN_OFFICE[lang]
    fields = extract(Part(Author(display, email), body, 0), finders).fields
    assert (fields["first_name"], fields["last_name"]) == (first, last)
    assert fields["company"] == company


@pytest.mark.parametrize(
    ("display", "person", "organisation"),
    [("Jane Roe - Acme Corp", "Jane Roe", "Acme Corp"), ("Jane Roe | Acme", "Jane Roe", "Acme"),
     ("Jane Roe (Acme)", "Jane Roe", "Acme"), ("Jane Roe via dev-list", "Jane Roe", "dev-list"),
     ("Jane Roe – Nordwerk GmbH", "Jane Roe", "Nordwerk GmbH"), ("ROE Jane", "ROE Jane", None)],
)
def test_the_person_and_the_organisation_of_a_display_name(
    display: str, person: str, organisation: str | None
) -> None:
    """The person's part stands before a dash, bar, bracket or 'via'; the rest is theirs."""
    author = Author(display, "jane.roe@acme.example")
    assert as_person(author) == Author(person, "jane.roe@acme.example")
    assert organisation_part(author) == organisation


@pytest.mark.parametrize(
    ("display", "email"),
    [("Acme Support", "support@acme.example"), ("Service Client Soleil", "contact@soleil.example"),
     ("Equipo Sol", "equipo@sol.example"), ("Universität Wien", "jane@univie.example")],
)
def test_an_organisation_display_name_names_no_person(display: str, email: str) -> None:
    """An office's or a department's name, or any name on a role mailbox that shares none of
    its words, names no one; a role mailbox ("support@") names no one either."""
    assert as_person(Author(display, email)).name is None  # type: ignore[union-attr]


def test_a_display_name_with_the_company_after_a_dash_still_finds_the_sender(
    finders: tuple[Finder, ...]
) -> None:
    """'Jane Roe - Acme Corp': the block is found from her name, and the name is hers."""
    body = ("Hi all,\n\nthe build on the release branch fails since yesterday.\n\nThanks,\nJane\n\n--\n"
            "Jane Roe\nAcme Corp | Release Engineering\n+1 415 555 0100\n")
    fields = extract(Part(Author("Jane Roe - Acme Corp", "jane@acme.example"), body, 0), finders).fields
    assert (fields["first_name"], fields["last_name"], fields["company"]) == ("Jane", "Roe", "Acme Corp")
