"""A company box set as a table, its register on the left of the last row and a number on the
right; a lone initial under a patch names no company; a phrase opened by an article is no
company. Every block here is invented."""

from __future__ import annotations

import pytest

from mailhook.model import Author
from mailhook.pipeline import Finder, Part, extract

# Rows of a two-column table: the register and the fax share the last one.
TABLES = {
    "de": ("Elbwerk Systeme e.K.                 |                              |",
           "Hafenstr. 4, 01067 Dresden, Germany  | Phone: +49-351-4411-0        |",
           "Amtsgericht Dresden, HRA 1234        | Fax:   +49-351-4411-5555     |"),
    "nl": ("Polderbits B.V.                      |                              |",
           "Havenweg 3, 3024 AB Rotterdam        | Tel: +31 10 220 1144         |",
           "KvK 24123456                         | Fax: +31 10 220 1199         |"),
    "fr": ("Logiciels Rhône SAS                  |                              |",
           "8 quai Perrache, 69002 Lyon          | Tél. : +33 4 72 00 11 22     |",
           "RCS Lyon 812 345 678                 | Fax : +33 4 72 00 11 23      |"),
}
FAXES = {"de": "4935144115555", "nl": "31102201199", "fr": "33472001123"}


@pytest.mark.parametrize("lang", sorted(TABLES))
def test_the_number_beside_the_register_in_a_table_row_is_read(
    lang: str, finders: tuple[Finder, ...]
) -> None:
    """ "Amtsgericht Dresden, HRA 1234 | Fax: +49-351-..." ends the block: the fax is the sender's
    company's, and the register's abbreviation is no state."""
    text = "Hi,\n\nwill fix.\n\nKind regards,\nJana Vogt\n\n-- \n" + "\n".join(TABLES[lang]) + "\n"
    fields = extract(Part(Author("Jana Vogt", "jana@example.org"), text, 0), finders).fields
    assert "".join(c for c in fields["fax"] or "" if c.isdigit()) == FAXES[lang]
    assert fields["state"] is None


@pytest.mark.parametrize("initial", ["M", "J.", "T"])
def test_a_lone_initial_names_no_company(initial: str, finders: tuple[Finder, ...]) -> None:
    """ "Applied." / "M" under a quoted patch: the sender's initial, not a company."""
    text = f"> +\tparse_early_param();\n> --\n> 2.25.0\n\nApplied.\n{initial}\n"
    fields = extract(Part(Author("Michal Novak", "michal@example.org"), text, 0), finders).fields
    assert fields["company"] is None


@pytest.mark.parametrize(
    "tail",
    ["a Linux Foundation Collaborative Project", "une société du Groupe Lumière International",
     "eine Marke der Nordwerk Holding", "the Open Hardware Foundation's member network"],
)
def test_a_phrase_opened_by_an_article_is_no_company(tail: str, finders: tuple[Finder, ...]) -> None:
    """The second line of a notice after "-- " is a wrapped sentence, whatever organisation word
    it holds."""
    notice = "The Nordic Innovation Center, Inc. is a member of the Open Aurora Forum,"
    text = f"Hi,\n\nsee the cover letter.\n\n 5 files changed, 92 insertions(+)\n\n-- \n{notice}\n{tail}\n"
    fields = extract(Part(Author("Kai Lin", "kai@example.org"), text, 0), finders).fields
    assert fields["company"] != tail
