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
