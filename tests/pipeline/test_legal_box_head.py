"""A company's name and address heading its legal lines below the sender's name are where the
sender works: they belong to the block, and the register lines below them do not. Every block
here is invented."""

from __future__ import annotations

import pytest

from mailhook.model import Author
from mailhook.pipeline import Finder, Part, extract

# The sender's name and role, a blank line, then the company's box: name, address, legal lines.
BOXES = {
    "en": ("Software Engineer", "Brightwave Ltd.",
           "Unit 4, Harbour Court, Bristol BS1 6QA, UK",
           "Registered in England & Wales, no. 07123456"),
    "de": ("Entwicklerin", "Nordlicht Systeme GmbH | Hafenweg 12 | 24103 Kiel",
           "Amtsgericht Kiel, HRB 12345",
           "Geschäftsführer: Peter Lange, Frank Ohl"),
    "fr": ("Ingénieure logiciel", "Logiciels Garonne SAS",
           "14 allée Jean Jaurès, 31000 Toulouse",
           "RCS Toulouse 812 345 678 - SIRET 812 345 678 00021"),
    "it": ("Sviluppatrice", "Sistemi Adriatici S.r.l.",
           "Via del Porto 8, 60121 Ancona",
           "P.IVA 01234567890 - REA AN-123456"),
    "nl": ("Ontwikkelaar", "Polderdata B.V.",
           "Havenstraat 22, 3024 AB Rotterdam",
           "KvK 24123456 | BTW NL812345678B01"),
}
EXPECTED = {
    "en": ("Brightwave Ltd.", "Bristol", "BS1 6QA"),
    "de": ("Nordlicht Systeme GmbH", "Kiel", "24103"),
    "fr": ("Logiciels Garonne SAS", "Toulouse", "31000"),
    "it": ("Sistemi Adriatici S.r.l.", "Ancona", "60121"),
    "nl": ("Polderdata B.V.", "Rotterdam", "3024 AB"),
}


@pytest.mark.parametrize("lang", sorted(BOXES))
def test_a_company_box_with_its_address_above_the_legal_lines_is_the_senders(
    lang: str, finders: tuple[Finder, ...]
) -> None:
    """The company, city and postal code of the box are read; the managers named below are not."""
    role, *box = BOXES[lang]
    text = f"Hi,\n\nfixed in the next version.\n\n-- \nJana Vogt\n{role}\n\n" + "\n".join(box) + "\n"
    fields = extract(Part(Author("Jana Vogt", "jana.vogt@example.org"), text, 0), finders).fields
    assert (fields["company"], fields["city"], fields["postal_code"]) == EXPECTED[lang]
    assert (fields["first_name"], fields["last_name"]) == ("Jana", "Vogt")


def test_a_company_name_alone_above_legal_lines_stays_in_the_footer(finders: tuple[Finder, ...]) -> None:
    """Without an address the company's name heads its legal notice, which is no part of the block."""
    text = ("Hi,\n\nfixed.\n\nJana Vogt\n\nNordlicht Systeme GmbH\nAmtsgericht Kiel, HRB 12345\n"
            "Geschäftsführer: Peter Lange\n")
    found = extract(Part(Author("Jana Vogt", "jana.vogt@example.org"), text, 0), finders)
    assert found.fields["first_name"] == "Jana"
    assert found.fields["last_name"] in (None, "Vogt")
    assert "Lange" not in (found.fields["last_name"] or "")
