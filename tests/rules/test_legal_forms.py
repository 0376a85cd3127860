"""Company names that differ only by a legal form are the same company for a person: no
suggestion, as for case and spacing."""

from __future__ import annotations

from pathlib import Path

import pytest
from mails import CONTACT, USER, deliver, reply, run_worker, worker_config

from mailhook.rules.fill import same_value
from mailhook.store import Store


@pytest.mark.parametrize(("held", "new"), [
    ("Société Lefèvre", "Société Lefèvre SARL"),
    ("Acme", "Acme GmbH"),
    ("ACME, Inc", "Acme Inc."),
    ("Müller AG", "müller"),
    ("Rossi", "Rossi S.p.A."),
    ("Jansen B.V.", "Jansen"),
    ("Nordic AB", "Nordic"),
    ("Virtanen Oy", "Virtanen"),
    ("Acme Ltd", "Acme LLC"),
    ("Astra", "PT Astra"),
])
def test_a_legal_form_alone_is_no_difference(held: str, new: str) -> None:
    """Before or after the name, with or without dots, in any case."""
    assert same_value("company", held, new)


@pytest.mark.parametrize(("prop", "held", "new"), [
    ("company", "Acme GmbH", "Globex GmbH"),
    ("company", "Acme Holding", "Acme"),
    ("company", "GmbH", "AG"),  # nothing but a legal form: compared as written
    ("job_title", "Sales Director", "Sales Director Ltd"),  # only companies have legal forms
])
def test_other_differences_stay_differences(prop: str, held: str, new: str) -> None:
    """A different name, a word that is no legal form, and other properties still differ."""
    assert not same_value(prop, held, new)


def test_a_reply_adding_the_legal_form_suggests_nothing(tmp_path: Path) -> None:
    """The held "Acme" and the signature's "Acme GmbH": the worker keeps the candidate as the
    same value and raises no suggestion for the company."""
    store = Store(tmp_path / "mailhook.db")
    store.add_user(USER, "Ann Lee", inbox_automation=True)
    store.add_contact(CONTACT, {"company": "Acme"}, "user")
    deliver(store, reply())
    run_worker(worker_config(tmp_path), store)
    assert "company" not in {s.property for s in store.suggestions()}
    (company,) = [c for c in store.candidates(CONTACT) if c["property"] == "company"]
    assert (company["value"], company["outcome"], company["reason"]) == ("Acme GmbH", "kept", "same value")
