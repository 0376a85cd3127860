"""A full name in capitals below a first name signed ("Doruk" ... "DORUK TAN ÖZTÜRK") is the
sender's when it opens with the From name's or the mailbox's first word; a logo's alt text
written as a line ("Logo Hypra") is an image, not the company."""

from __future__ import annotations

import pytest

from mailhook.model import Author
from mailhook.pipeline import Finder, Part, extract
from mailhook.pipeline.lines import is_placeholder


@pytest.mark.parametrize(("author", "signed", "caps", "last"), [
    (Author("Doruk (0sec)", "doruk@0sec.example"), "Doruk", "DORUK TAN ÖZTÜRK", "ÖZTÜRK"),
    (Author("Jan K", "jan@firma.example"), "Jan", "JAN KOWALSKI", "KOWALSKI"),
    (Author(None, "ines.ferreira@empresa.example"), "Inês", "INÊS FERREIRA", "FERREIRA"),
    (Author("Søren", "soren@firma.example"), "Søren", "SØREN HØJGAARD", "HØJGAARD"),
])
def test_a_full_name_in_capitals_below_the_first_name_signed(
    author: Author, signed: str, caps: str, last: str, finders: tuple[Finder, ...]
) -> None:
    text = (f"Hi,\n\nfeel free to ignore mine.\n\ncheers\n{signed}\n\n{caps}\n\nCo-Founder\n\nExample AG\n"
            "Universitätstrasse 33\n8006 Zürich, Switzerland\n")
    fields = extract(Part(author, text, 0, None, "utf-8"), finders).fields
    assert (fields["last_name"] or "").casefold().endswith(last.casefold())


def test_capitals_of_someone_else_are_no_name() -> None:
    author = Author("Jan K", "jan@firma.example")
    text = "Hi,\n\nok.\n\nBest,\nJan\n\nPETER NOWAK\nSales Manager\nFirma Sp. z o.o.\n"
    assert extract(Part(author, text, 0, None, "utf-8")).fields["last_name"] != "NOWAK"


@pytest.mark.parametrize(("line", "image"), [
    ("Logo Hypra", True), ("Hypra logo", True), ("ACME-Logo", True), ("logo_acme", True),
    ("Logotipo Distribuciones Levante", True),
    ("Our new logo is here and it is great", False), ("Logo", False), ("Hypra SAS", False),
])
def test_a_logo_named_on_its_line_is_an_image(line: str, image: bool) -> None:
    assert is_placeholder(line) is image


def test_a_logos_alt_text_is_not_the_company(finders: tuple[Finder, ...]) -> None:
    author = Author("Jean-Philippe Mengual", "jpmengual@hypra.example")
    text = ("Bonjour,\n\nle tutoriel est en ligne.\n\nregards\n\n\n\nLogo Hypra\nJean-Philippe Mengual\n"
            "conseiller numérique coordinateur\n28, rue de la Chapelle — 75018 Paris\n"
            "Tél. : 01 84 73 06 61\n")
    assert extract(Part(author, text, 0, None, "utf-8"), finders).fields["company"] != "Logo Hypra"
