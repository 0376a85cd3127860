"""The page's read queries (store/pages.py) on both engines: an SQLite file and a PostgreSQL
database, seeded through the store's intake, claim and finish as the worker does."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pg.cluster import postgres_cluster, postgres_url

from mailhook.rules.fill import Candidate
from mailhook.store import Store
from mailhook.store import pages as queries

from .seed import ANN, BEA, CONTACT, EVIDENCE, REPLIERS, finish_reply, seed, seed_replies

__all__ = ["postgres_cluster", "postgres_url"]  # the cluster's fixtures, for this module too


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """Ann's and Bea's tasks and replies; Bea's mail also filled Bob's city."""
    where = str(tmp_path / "mailhook.db") if request.param == "sqlite" else str(
        request.getfixturevalue("postgres_url"))
    seed(where)
    seed_replies(where)
    opened = Store(where)
    finish_reply(opened, BEA, CONTACT, "<bob-0@acme.example>", (Candidate("city", "Berlin", None, EVIDENCE),))
    try:
        yield opened
    finally:
        opened.close()


def test_the_contacts_a_users_mail_touched(store: Store) -> None:
    """Bob (both users' mail) and Carol for Ann, with how many of her mails; Dan is Bea's."""
    found = queries.touched_contacts(store, ANN)
    assert [(c["email"], c["first_name"], c["mails"]) for c in found] == [
        (CONTACT, "Bob", 1), (REPLIERS[ANN], None, 1)]
    assert queries.is_touched(store, ANN, REPLIERS[ANN])
    assert not queries.is_touched(store, ANN, REPLIERS[BEA])


def test_sources_and_history_name_only_the_users_own_mail(store: Store) -> None:
    """Carol's phone came from Ann's reply (subject and evidence shown); Bob's city from Bea's,
    which Ann's view leaves without a subject or a line of it, and Bea's names."""
    carol = queries.property_sources(store, ANN, REPLIERS[ANN])
    assert (carol["phone"]["source"], carol["phone"]["subject"]) == ("mailhook AI",
                                                                     f"Re: Quote for {ANN}")
    assert carol["phone"]["own_mail"] and carol["phone"]["evidence"]
    city = queries.property_sources(store, ANN, CONTACT)["city"]
    assert (city["subject"], city["evidence"], city["own_mail"]) == (None, None, 0)
    theirs = queries.property_sources(store, BEA, CONTACT)["city"]
    assert theirs["subject"] == f"Re: Quote for {BEA}" and theirs["evidence"] and theirs["own_mail"]
    history = queries.property_history(store, ANN, REPLIERS[ANN])
    assert [(h["property"], h["new_value"], h["source"]) for h in history] == [
        ("phone", "+49301234560", "mailhook AI"), ("job_title", "Engineer", "import")]
    assert [h["evidence"] for h in queries.property_history(store, ANN, CONTACT)
            if h["property"] == "city"] == [None]
    assert [m["subject"] for m in queries.mail_with(store, ANN, CONTACT)] == [f"Quote for {ANN}"]
