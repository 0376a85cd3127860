"""Blocks as developers' mail programs set them: the sender signs their words above the "-- "
delimiter and the company box below it; a company box with register lines that gives the
sender's own address and numbers is theirs; a register's number and a postal code after its
country prefix are no phone and no postal code. Every block here is invented."""

from __future__ import annotations

import pytest

from mailhook.model import Author
from mailhook.pipeline import Finder, Part, extract
from mailhook.pipeline.phones import find_phones

# The first name alone (or after a dash) above "-- " and a company box below it.
SIGNED = {
    "en": ("Thanks, will respin.\n\nMarek\n\n-- \nNorthgate Systems Ltd.\n12 Dock Road, Leeds LS1 4AP, UK",
           "Marek", "Marek Olsen"),
    "de": ("Danke, ist korrigiert.\n\n-Jörg\n\n--\nElbwerk Software GmbH\nHafenstr. 4, 01067 Dresden",
           "Jörg", "Jörg Lindner"),
    "fr": ("Corrigé dans la v3.\n\nAmélie\n-- \nLogiciels Rhône SAS\n8 quai Perrache, 69002 Lyon",
           "Amélie", "Amélie Roux"),
}


@pytest.mark.parametrize("lang", sorted(SIGNED))
def test_the_name_above_the_delimiter_starts_the_block(lang: str, finders: tuple[Finder, ...]) -> None:
    """The sender's own first name over "-- " is their sign-off: the block starts there and the
    company box below is still read."""
    body, first, sender = SIGNED[lang]
    email = f"{first.casefold()}@example.org"
    found = extract(Part(Author(sender, email), f"Hi,\n\n{body}\n", 0), finders)
    assert found.fields["first_name"] == first
    assert found.fields["company"] is not None


def test_a_name_of_someone_else_above_the_delimiter_is_no_sign_off(finders: tuple[Finder, ...]) -> None:
    """ "Peter" over "-- " in Marek's mail names no sender: the block is the company box alone."""
    body = "Thanks, will respin.\n\nPeter\n\n-- \nNorthgate Systems Ltd.\n12 Dock Road, Leeds LS1 4AP, UK"
    found = extract(Part(Author("Marek Olsen", "marek@example.org"), f"Hi,\n\n{body}\n", 0), finders)
    assert found.fields["first_name"] != "Peter"


# A company box with register lines that gives the sender's own number and mail address.
BOXES = {
    "de": ("Nordwerk Embedded GmbH,      Geschäftsführer: Karl Brandt",
           "HRB 123456 München, Büro: Lindenstr. 7, D-82110 Germering, Germany",
           "Phone: (+49)-89-5544-12 Fax: (+49)-89-5544-99 Email: {email}",
           ("82110", "Germering", "498955441")),
    "nl": ("Polderbits B.V., Directeur: Kees Jansen",
           "KvK 24123456, Kantoor: Havenweg 3, 3024 AB Rotterdam",
           "Tel: +31 10 220 1144 Fax: +31 10 220 1199 Email: {email}",
           ("3024 AB", "Rotterdam", "31102201144")),
    "it": ("Sistemi Liguri S.r.l., Amministratore: Paolo Neri",
           "REA GE-123456, Sede: Via XX Settembre 40, 16121 Genova",
           "Tel. +39 010 555 1200 Fax +39 010 555 1299 Email: {email}",
           ("16121", "Genova", "390105551200")),
}


@pytest.mark.parametrize("lang", sorted(BOXES))
def test_a_company_box_that_gives_the_senders_own_address_is_theirs(
    lang: str, finders: tuple[Finder, ...]
) -> None:
    """Register lines and a manager's name in it, but the sender's own mail address too: the
    postal code, city and phone are the sender's, the register's number is no postal code."""
    *box, (code, city, phone) = BOXES[lang]
    email = "ines.vogel@example.org"
    lines = "\n".join(line.format(email=email) for line in box)
    text = f"Hi,\n\nthe patch is attached.\n\nBest regards,\n\nInes Vogel\n\n--\n\n{lines}\n"
    fields = extract(Part(Author("Ines Vogel", email), text, 0), finders).fields
    assert (fields["postal_code"], fields["city"]) == (code, city)
    assert "".join(c for c in fields["phone"] or "" if c.isdigit()).startswith(phone)
    assert (fields["first_name"], fields["last_name"]) == ("Ines", "Vogel")


@pytest.mark.parametrize(
    "line",
    ["Office: Lindenstr. 7, D-82110 Germering", "Bureau : 3 rue Haute, F-67000 Strasbourg",
     "Büro: Bahnhofstr. 1, CH-8001 Zürich", "Sede: Via Roma 1, I-20121 Milano"],
)
def test_a_postal_code_after_its_country_prefix_is_no_phone(line: str) -> None:
    """ "D-82110" after an "Office:" label is a postal code, not the office's number."""
    assert list(find_phones(line)) == []


def test_the_senders_address_above_a_long_legal_run_keeps_the_block(finders: tuple[Finder, ...]) -> None:
    """Contact lines and a long legal run in one paragraph (an HTML mail's lines without blank
    ones): the sender's address above the legal lines does not make the legal run theirs; the
    block ends above it, company and address read."""
    legal = "\n".join(
        ["OHG mit Sitz in Kiel", "AG: Kiel - HRA 1234", "Geschäftsführung: Tom Beck, Lars Beck,",
         "Uwe Beck, Ole Beck", "USt-IdNr. DE 123456789", "Persönlich haftende Gesellschafterin:",
         "Nordwerk Stiftung, Kiel", "Vorstand: Ina Beck", "Persönlich haftende Gesellschafterin:",
         "Nordwerk AG, Kiel", "AG: Kiel - HRB 5678", "Vorstand: Eva Beck", "Aufsichtsrat: Jan Beck",
         "Sitz der Gesellschaft: Kiel", "Steuernummer 12/345/67890", "WEEE-Reg.-Nr. DE 12345678"]
    )
    text = ("Hallo,\n\nanbei.\n\nMit freundlichem Gruß\n\nJonas Weber\nService und Support\n\n"
            "Nordwerk Service AG & Co. OHG\nHafenweg 4\n24103 Kiel\nTel.: +49 431 000 46\n"
            f"Fax: +49 431 000 47\njonas.weber@nordwerk.example\nwww.nordwerk.example\n{legal}\n")
    fields = extract(Part(Author(None, "jonas.weber@nordwerk.example"), text, 0), finders).fields
    expected = ("Nordwerk Service AG & Co. OHG", "Kiel", "24103")
    assert (fields["company"], fields["city"], fields["postal_code"]) == expected


@pytest.mark.parametrize("scrubbed", [
    "A non-text attachment was scrubbed...\nName: signature.asc\nType: application/pgp-signature",
    "An HTML attachment was scrubbed...\nURL: <http://lists.example.org/pipermail/devel/2024-May/0042.html>",
])
def test_an_archived_post_is_signed_above_its_scrubbed_parts(
    scrubbed: str, finders: tuple[Finder, ...]
) -> None:
    """Mailman's archive writes the attachments it scrubbed right under the post ("----- next
    part -----"): the archive's lines, below the name the sender signed."""
    text = ("Hi,\n\nProgram data in a directory named 'libs' reads oddly to me.\n\nJonas Berg\n"
            f"-------------- next part --------------\n{scrubbed}\n")
    found = extract(Part(Author("Jonas Berg", None), text, 0), finders)
    assert (found.fields["first_name"], found.fields["last_name"]) == ("Jonas", "Berg")
