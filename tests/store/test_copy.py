"""Copying an SQLite database into PostgreSQL (the core of `mailhook migrate-db`): everything,
ids and provenance included, verified by counts and checksums; the copy then works as a store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from mailhook.errors import InvalidValue
from mailhook.rules.fill import Candidate
from mailhook.store import NewTask, Outcome, Received, Store
from mailhook.store.copy import NOT_COPIED, TABLES, copy_database, table_checksum

ANN, BOB, CY = "ann@us.example", "bob@them.example", "cy@them.example"


def reply(store: Store, message_id: str, contact: str, **values: str) -> None:
    raw = f"From: {contact}\r\nTo: {ANN}\r\nMessage-ID: {message_id}\r\n\r\nhi\r\n".encode()
    store.insert_received([Received(raw, message_id, ANN, "lmtp", contact, (ANN,), None)])
    (item,) = store.claim(1)
    candidates = tuple(Candidate(p, v, v, {"line": v}) for p, v in values.items())
    task = NewTask(contact, "Call back", f"Please call me about {message_id}", None)
    store.finish(item.id, Outcome("inbound", user_email=ANN, contact_email=contact,
                                  logged_on=(contact,), scanned=True, candidates=candidates,
                                  subject="Re: offer", tasks=(task,)))


def seeded(path: Path) -> Store:
    """A database as a hook leaves it: users, imported and edited contacts, AI fills and
    suggestions, tasks, a digest, a parked and a pending message, an undo."""
    store = Store(path)
    store.add_user(ANN, "Ann", inbox_automation=True)
    store.set_password_hash(ANN, "scrypt$salt$hash")
    store.import_contacts([{"email": BOB, "job_title": "Buyer"}, {"email": CY, "first_name": "Cy"}])
    reply(store, "<m1@x>", BOB, city="Oslo", job_title="CTO", phone="+4722334455")
    reply(store, "<m2@x>", CY, city="Bergen")
    conn = sqlite3.connect(path)  # a person's edit with plain SQL: flagged by the triggers
    conn.execute("UPDATE contacts SET city = 'Trondheim' WHERE email = ?", (CY,))
    conn.commit()
    conn.close()
    store.undo_fills(message_ids=["<m1@x>"])
    store.claim_digest(ANN, "2026-05-01")
    store.insert_received([Received(b"broken", "<m3@x>", ANN, "lmtp", None, (ANN,), None)])
    (item,) = store.claim(1)
    store.fail(item.id, "boom", max_attempts=1)
    store.insert_received([Received(b"later", "<m4@x>", ANN, "lmtp", None, (ANN,), None)])
    return store


def test_every_table_of_the_schema_is_copied_or_named_as_not_copied(sqlite_store: Store) -> None:
    """A migration that adds a table must add it to the copy too."""
    tables = {r[0] for r in sqlite_store.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {name for name, _ in TABLES} | set(NOT_COPIED)


def test_a_copy_holds_every_row_and_works_as_the_store(tmp_path: Path, postgres_store_url: str) -> None:
    """Each table's count and checksum match the source's; contacts read the same, with their
    provenance and flags; new mail gets ids after the copied ones; a person's flag still keeps
    the AI off the property it guards."""
    source = seeded(tmp_path / "mailhook.db")
    target = Store(postgres_store_url)
    copied = copy_database(source, target)
    for table, key in TABLES:
        (done,) = [c for c in copied if c.table == table]
        assert (done.rows, done.checksum) == table_checksum(source.conn, table, key)
    assert {c.table: c.rows for c in copied}["messages"] == 4
    for email in (BOB, CY):
        assert target.contact(email) == source.contact(email)
    assert target.suggestions() == source.suggestions() and target.tasks() == source.tasks()
    assert target.counts() == source.counts() and target.failed_messages() == source.failed_messages()
    assert target.password_hash(ANN) == "scrypt$salt$hash" and not target.claim_digest(ANN, "2026-05-01")

    (pending,) = target.claim(1)  # the pending copy is due on PostgreSQL too
    target.finish(pending.id, Outcome("inbound", user_email=ANN))
    raw = f"From: {CY}\r\nMessage-ID: <m5@x>\r\n\r\nhi\r\n".encode()
    assert target.insert_received([Received(raw, "<m5@x>", ANN, "lmtp", CY, (ANN,), None)]) == [True]
    (item,) = target.claim(1)
    assert item.id == 5
    target.finish(item.id, Outcome("inbound", user_email=ANN, contact_email=CY, logged_on=(CY,),
                                   scanned=True, candidates=(Candidate("city", "Oslo", "Oslo", {}),)))
    assert target.contact(CY)["properties"]["city"]["value"] == "Trondheim"  # the person's value
    source.close()
    target.close()


def test_a_copy_into_a_database_with_data_is_refused(tmp_path: Path, postgres_store_url: str) -> None:
    """The target must be empty: nothing is merged into a database already in use."""
    source = Store(tmp_path / "mailhook.db")
    target = Store(postgres_store_url)
    target.add_user(ANN, None, inbox_automation=False)
    with pytest.raises(InvalidValue, match=r"not empty \(users has 1 rows\)"):
        copy_database(source, target)
    with pytest.raises(InvalidValue, match="SQLite database into a PostgreSQL one"):
        copy_database(target, source)
    source.close()
    target.close()


def test_the_checksum_sees_any_changed_value(sqlite_store: Store) -> None:
    """Two tables that differ in one value (or one byte of a raw message) hash differently."""
    sqlite_store.add_user(ANN, "Ann", inbox_automation=False)
    before = table_checksum(sqlite_store.conn, "users", ("email",))
    sqlite_store.set_user(ANN, name="Anne")
    assert table_checksum(sqlite_store.conn, "users", ("email",)) != before
    sqlite_store.insert_received([Received(b"one", None, ANN, "lmtp", None, (ANN,), None)])
    first = table_checksum(sqlite_store.conn, "message_raw", ("sha256",))
    sqlite_store.conn.execute("UPDATE message_raw SET raw = ?", (b"onf",))
    assert table_checksum(sqlite_store.conn, "message_raw", ("sha256",))[1] != first[1]
