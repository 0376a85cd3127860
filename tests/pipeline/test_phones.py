"""Phone numbers on signature lines: the label decides the field, non-phones are left alone."""

from __future__ import annotations

import pytest

from mailhook.pipeline.phones import find_phones, normalise


@pytest.mark.parametrize(
    ("line", "kinds"),
    [
        ("Mobile: +44 7700 900123", ("mobile_phone",)),
        ("Handy: 0170 1234567", ("mobile_phone",)),
        ("Portable : 06 12 34 56 78", ("mobile_phone",)),
        ("Móvil: 612 345 678", ("mobile_phone",)),
        ("GSM +32 475 12 34 56", ("mobile_phone",)),
        ("M: +31 6 12345678", ("mobile_phone",)),
        ("(917) 543-9622 cell", ("mobile_phone",)),
        ("Fax: +49 711 123456-99", ("fax",)),
        ("Télécopie : 01 23 45 67 89", ("fax",)),
        ("F: +49 30 1234567", ("fax",)),
        ("(713) 646-2551 Fax", ("fax",)),
        ("Tel.: +49 711 123456-0", ("phone",)),
        ("Direct: +1 212 555 0147", ("phone",)),
        ("Tél. : +33 1 42 68 53 00", ("phone",)),
        ("T: +31 20 123 4567", ("phone",)),
        ("+1 212 555 0147", ("phone",)),
        ("Tel/Fax: 030 1234567", ("phone", "fax")),
    ],
)
def test_label_decides_the_field(line: str, kinds: tuple[str, ...]) -> None:
    """Labels in many languages (before or after the number) type it; no label means phone."""
    found = list(find_phones(line))
    assert len(found) == 1
    assert found[0].kinds == kinds


def test_several_numbers_on_one_line_keep_their_own_labels() -> None:
    """ "T: ... | F: ..." gives a phone and a fax, each as written."""
    found = list(find_phones("T: +49 30 1234567 | F: +49 30 1234568"))
    assert [(p.text, p.kinds) for p in found] == [
        ("+49 30 1234567", ("phone",)),
        ("+49 30 1234568", ("fax",)),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Meeting on 27.03.2025 at 10:00",
        "Order number: 40567812",
        "Bestellnummer 40567812",
        "IBAN DE89 3704 0044 0532 0130 00",
        "https://example.com/ticket/12345678",
        "mail me at user12345678@example.com",
        "Home: 555 123 4567",
        "Pager: 555 123 4567",
    ],
)
def test_dates_orders_links_and_other_peoples_lines_are_not_phones(line: str) -> None:
    """Dates, order numbers, IBANs, digits in links or addresses, home and pager lines are skipped."""
    assert list(find_phones(line)) == []


def test_normalise_gives_e164_or_none() -> None:
    """Valid numbers become E.164 with the region hint; anonymised numbers give None."""
    assert normalise("(253) 555-0147", "US") == "+12535550147"
    assert normalise("0221 9876543", "DE") == "+492219876543"
    assert normalise("+49 (0) XXX XX XX 22", "DE") is None
