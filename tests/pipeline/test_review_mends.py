"""What the review of the twelfth round found in the extraction's new checks."""

from __future__ import annotations

import pytest

from mailhook.model import Author, Evidence
from mailhook.pipeline.candidate import Candidate
from mailhook.pipeline.combine import choose
from mailhook.pipeline.normalise import without_trailing_marks
from mailhook.pipeline.tail import _gives_own_address


@pytest.mark.parametrize(("company", "kept"), [("3M", True), ("O2", True), ("Acme", True), ("M", False)])
def test_a_company_of_a_letter_and_a_digit_is_a_name(company: str, kept: bool) -> None:
    """'3M', 'O2' name companies; only a single letter alone ('M', an initial) names nothing."""
    chosen = choose([Candidate("company", company, company, Evidence(company, "rule", 0.9), 0)])
    assert ("company" in chosen) is kept


def test_the_senders_address_counts_only_whole() -> None:
    """'ann@acme.com' is not in 'joann@acme.com' nor in 'ann@acme.com.au'; it is in '<ann@acme.com>'."""
    legal = "This e-mail is confidential. Registered in England, No. 1234567."
    author = Author("Ann Lee", "ann@acme.com")
    assert not _gives_own_address([legal, "Contact: joann@acme.com"], author)
    assert not _gives_own_address([legal, "Contact: ann@acme.com.au"], author)
    assert _gives_own_address([legal, "Contact: <Ann@Acme.com>"], author)


def test_trailing_marks_go_and_inner_spaces_stay() -> None:
    """Stars and signs after a value go; spaces inside it stay; a value of marks alone is kept."""
    assert without_trailing_marks("Hotel Villa Aurora ★★★★  ") == "Hotel Villa Aurora"
    assert without_trailing_marks("Acme®") == "Acme"
    assert without_trailing_marks("a" + " " * 50 + "b") == "a" + " " * 50 + "b"
    assert without_trailing_marks("★★") == "★★"


def test_a_hostile_sender_address_is_matched_as_text_not_as_a_pattern() -> None:
    """The address comes from the From header the trust parser read; a hostile one made of
    pattern characters ('.*@.*', 'a+b@x.example') matches only itself, whole, and never
    stalls or widens the legal box's own-address test."""
    legal = "This e-mail is confidential. Registered in England, No. 1234567."
    assert not _gives_own_address([legal, "Contact: sales@other.example"], Author("X", ".*@.*"))
    assert not _gives_own_address([legal, "Contact: aab@x.example"], Author("X", "a+b@x.example"))
    assert _gives_own_address([legal, "Contact: a+b@x.example"], Author("X", "a+b@x.example"))
    long_local = "(" * 500 + "@x.example"
    assert not _gives_own_address([legal, "(" * 20_000], Author("X", long_local))
