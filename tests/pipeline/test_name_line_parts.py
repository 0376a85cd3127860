"""A name line holds more than the name: the sender's own name before a comma and their company
or role after it, a role in a column after a wide gap; the role word "maintainer" of open-source
mail. Every block here is invented."""

from __future__ import annotations

import pytest

from mailhook.model import Author
from mailhook.pipeline import Finder, Part, extract

COMMA = {
    "en": ("Nora Halvorsen, Fjordline", "nora.halvorsen@fjordline.example", ("Nora", "Halvorsen")),
    "de": ("Jonas Albrecht, Albrecht Technik", "j.albrecht@albrecht-technik.example", ("Jonas", "Albrecht")),
    "it": ("Chiara Benedetti, Studio Nove", "chiara@studionove.example", ("Chiara", "Benedetti")),
    "es": ("Pablo Ortega Ruiz, Hidrosur", "pablo.ortega@hidrosur.example", ("Pablo", "Ortega Ruiz")),
}


@pytest.mark.parametrize("lang", sorted(COMMA))
def test_the_senders_name_before_a_comma_keeps_its_order(lang: str, finders: tuple[Finder, ...]) -> None:
    """ "Nora Halvorsen, Fjordline" with From "Nora Halvorsen": a first name, a surname, and what
    follows the comma is no first name."""
    line, email, expected = COMMA[lang]
    name = line.split(",")[0]
    text = f"Hi,\n\nmerged, thanks.\n\n-- \n{line}\nhttps://www.{email.split('@')[1]}\n"
    fields = extract(Part(Author(name, email), text, 0), finders).fields
    assert (fields["first_name"], fields["last_name"]) == expected


def test_a_surname_before_a_comma_is_still_the_surname(finders: tuple[Finder, ...]) -> None:
    """ "Albrecht, Jonas" under From "Jonas Albrecht" is Jonas of the Albrecht family."""
    text = "Hallo,\n\nanbei.\n\nAlbrecht, Jonas\nTel. +49 30 1234567\n"
    fields = extract(Part(Author("Jonas Albrecht", "ja@example.org"), text, 0), finders).fields
    assert (fields["first_name"], fields["last_name"]) == ("Jonas", "Albrecht")


# A second column whose words the role rule does not know: capitalised, they read as more name.
WIDE = {
    "en": ("Dr. Miriam Castell                Platform Storage", ("Miriam", "Castell")),
    "de": ("Stefan Wiegand                    Plattform Entwicklung", ("Stefan", "Wiegand")),
    "fr": ("Élodie Marchand                Pôle Logiciel", ("Élodie", "Marchand")),
    "cs": ("Jan Novák                Oddělení Vývoje", ("Jan", "Novák")),
    "it": ("Marco Ferri\t\tSviluppo Kernel", ("Marco", "Ferri")),
    "nl": ("Pieter de Vries          Kernel Team", ("Pieter", "de Vries")),
}


@pytest.mark.parametrize("lang", sorted(WIDE))
def test_a_role_after_a_wide_gap_is_no_part_of_the_name(lang: str, finders: tuple[Finder, ...]) -> None:
    """The name ends where a wide gap or a tab starts the next column."""
    line, expected = WIDE[lang]
    author = Author(" ".join(expected), None)
    text = f"Hello,\n\nsee below.\n\n-- \n{line}\n{expected[0].lower()}@example.org   +49 30 1234567\n"
    fields = extract(Part(author, text, 0), finders).fields
    assert (fields["first_name"], fields["last_name"]) == expected


def test_a_maintainer_before_the_company_is_a_title_and_a_company(finders: tuple[Finder, ...]) -> None:
    """ "Kernel maintainer, Lumenware" with a Lumenware address: the role, then the company."""
    text = "Hi,\n\napplied.\n\n-- \nAnna Berg\nKernel maintainer, Lumenware\nanna@lumenware.example\n"
    fields = extract(Part(Author("Anna Berg", "anna@lumenware.example"), text, 0), finders).fields
    assert (fields["job_title"], fields["company"]) == ("Kernel maintainer", "Lumenware")


@pytest.mark.parametrize("line", ["Best regards,\tAnna Berg", "Best regards,    Anna Berg", "Anna    Berg"])
def test_a_sign_off_and_a_name_apart_on_one_line_are_the_name(line: str, finders: tuple[Finder, ...]) -> None:
    """A tab or a wide gap after the sign-off, or inside a two-word name, parts no columns: the
    name is read whole (the column rule took 'Regards' or 'Anna' alone)."""
    text = f"Hi Tom,\n\nthe quote is fine.\n\n{line}\nNordvik AS\nTel. +47 22 12 34 56\n"
    fields = extract(Part(Author("Anna Berg", "anna.berg@nordvik.example"), text, 0), finders).fields
    assert (fields["first_name"], fields["last_name"]) == ("Anna", "Berg")
