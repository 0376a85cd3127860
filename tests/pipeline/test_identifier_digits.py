"""Runs of digit groups that are identifiers, not phones: a Windows SID pasted into a support
mail, a serial or order number with more groups than any phone. The longest number the phone
pattern takes stops inside them; what goes on after it shows it is a piece. Invented lines."""

from __future__ import annotations

import pytest

from mailhook.pipeline.phones import find_phones


@pytest.mark.parametrize(
    "line",
    ["Der Benutzer war S-1-5-21-1893459005-2933380962-4057678298-7055",
     "SID: S-1-5-21-3623811015-3361044348-30300820-1013",
     "Seriennummer 4711-0815-2233-4455-6677-8899",
     "order 123.456.789.012.345.678 was shipped"],
)
def test_a_long_run_of_digit_groups_is_no_phone(line: str) -> None:
    assert list(find_phones(line)) == []


@pytest.mark.parametrize(
    ("line", "number"),
    [("Tel: 0711 81244-0, DW -15", "0711 81244-0, DW -15"), ("Tel. +49 351 123456", "+49 351 123456"),
     ("T: 713.853.0380 x123", "713.853.0380 x123"), ("Tel 0711/8124420", "0711/8124420"),
     ("Phone: (650) 307-6736 | Mobile: 0170 1234567", "(650) 307-6736")],
)
def test_phones_ending_in_their_own_digits_stay_phones(line: str, number: str) -> None:
    assert next(find_phones(line)).text == number
