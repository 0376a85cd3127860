"""Plain-text blocks in two columns apart by tabs (address left, numbers right) are read column
by column; labels before their values stay on their line. Every block here is invented."""

from __future__ import annotations

from mailhook.model import Author
from mailhook.pipeline import Part, extract
from mailhook.pipeline.columns import read_columns

BLOCK = (
    "Karen Miles",
    "Northwind Energy\t\t503.555.0166",
    "200 SW Market Street\t\t503.555.0170 (cell)",
    "Portland, OR 97201\t\t503.555.0171 (fax)",
)


def test_a_block_in_two_columns_is_read_column_by_column() -> None:
    assert read_columns(BLOCK) == (
        "Karen Miles", "Northwind Energy", "200 SW Market Street", "Portland, OR 97201",
        "503.555.0166", "503.555.0170 (cell)", "503.555.0171 (fax)",
    )


def test_labels_before_their_values_are_no_columns() -> None:
    """ "Phone:<tab>...", "Fax<tab>...": one line each."""
    block = ("Karen Miles", "Phone:\t503.555.0166", "Fax\t503.555.0171", "Mobile:\t\t503.555.0170")
    assert read_columns(block) == block


def test_one_line_with_a_tab_is_no_column_layout() -> None:
    block = ("Karen Miles\tNorthwind Energy", "503.555.0166")
    assert read_columns(block) == block


def test_fields_of_a_two_column_block() -> None:
    """The numbers of the right column keep their kinds; the address of the left column is whole."""
    text = "Hi Tom,\n\nsee you Monday.\n\nKaren\n\n" + "\n".join(BLOCK)
    fields = extract(Part(Author("Karen Miles", "karen.miles@northwind.example"), text, 0)).fields
    assert (fields["phone"], fields["mobile_phone"], fields["fax"]) == (
        "503.555.0166", "503.555.0170", "503.555.0171",
    )
    assert (fields["street_address"], fields["city"], fields["postal_code"]) == (
        "200 SW Market Street", "Portland", "97201",
    )


# The same layouts set with spaces, as plain-text mail programs align them.
SPACED = {
    "de": ("Jonas Keller", "Keller Haustechnik GmbH        Tel.  +49 711 8124420",
           "Königstraße 12                 Fax   +49 711 8124429",
           "70173 Stuttgart                Mobil +49 171 5550123"),
    "fr": ("Claire Morel", "Atelier Morel SARL      Tél. : +33 4 72 00 11 22",
           "12 rue de la Paix       Fax : +33 4 72 00 11 23", "69002 Lyon"),
    "es": ("Lucía Pérez", "Pérez Ingeniería S.L.     Oficina: +34 912 345 678",
           "C/ Mayor 12, 3º B         Móvil: +34 612 345 678",
           "28013 Madrid"),
}


def test_columns_set_with_aligned_spaces_are_read_column_by_column() -> None:
    lines = SPACED["de"]
    assert read_columns(lines) == (
        "Jonas Keller", "Keller Haustechnik GmbH", "Königstraße 12", "70173 Stuttgart",
        "Tel.  +49 711 8124420", "Fax   +49 711 8124429", "Mobil +49 171 5550123",
    )


def test_a_right_column_line_with_nothing_to_its_left_joins_the_right_column() -> None:
    block = ("Ann Lee", "Lee & Co. Ltd          +44 20 7946 0000", "1 High Street          +44 7700 900123",
             "                       ann@lee.example", "London W1 1AA")
    assert read_columns(block) == ("Ann Lee", "Lee & Co. Ltd", "1 High Street", "London W1 1AA",
                                   "+44 20 7946 0000", "+44 7700 900123", "ann@lee.example")


def test_gaps_that_do_not_align_and_labels_before_values_are_no_columns() -> None:
    """A wide gap on its own, or in lines whose right parts start at different places, is a gap;
    "Phone:   ..." with its value aligned is a label's value."""
    ragged = ("Ann Lee", "Lee & Co. Ltd    +44 20 7946 0000", "1 High Street          +44 7700 900123")
    assert read_columns(ragged) == ragged
    labelled = ("Ann Lee", "Phone:     +44 20 7946 0000", "Fax        +44 20 7946 0001")
    assert read_columns(labelled) == labelled


def test_fields_of_space_aligned_blocks_in_several_languages() -> None:
    authors = {"de": Author("Jonas Keller", "j.keller@keller-haustechnik.de"),
               "fr": Author("Claire Morel", "claire@atelier-morel.fr"),
               "es": Author("Lucía Pérez", "lucia@perez-ingenieria.es")}
    expected = {"de": ("Königstraße 12", "Stuttgart", "70173"), "fr": ("12 rue de la Paix", "Lyon", "69002"),
                "es": ("C/ Mayor 12, 3º B", "Madrid", "28013")}
    for lang, lines in SPACED.items():
        text = "Hallo,\n\nanbei die Unterlagen.\n\n" + "\n".join(lines)
        fields = extract(Part(authors[lang], text, 0)).fields
        assert (fields["street_address"], fields["city"], fields["postal_code"]) == expected[lang], lang
        assert fields["phone"] is not None and fields["fax" if lang != "es" else "mobile_phone"] is not None
