"""The store: durable intake, queue states, and the provenance triggers behind the fill rules."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from mailhook.errors import AlreadyExists, InvalidValue, NotFound
from mailhook.rules.fill import Candidate
from mailhook.store import Outcome, Received, Store
from mailhook.store.queue import REPLAY

from .conftest import PersonSql


def received(raw: bytes = b"Subject: hi\r\n\r\nbody\r\n", message_id: str | None = "<m1@x>",
             recipient: str = "ann@us.example") -> Received:
    return Received(raw, message_id, recipient, "lmtp", "bob@them.example", (recipient,), None)


def inbound(contact: str, **fills: str) -> Outcome:
    candidates = tuple(Candidate(p, v, v, {"line": v}) for p, v in fills.items())
    return Outcome(direction="inbound", contact_email=contact, logged_on=(contact,),
                   scanned=True, candidates=candidates)


def process_one(store: Store, outcome: Outcome, message_id: str = "<m1@x>") -> list[Candidate]:
    store.insert_received([received(message_id=message_id)])
    (item,) = store.claim(1)
    return store.finish(item.id, outcome)


def test_database_uses_wal_and_full_sync(sqlite_store: Store) -> None:
    """Durability settings: WAL journal and synchronous=FULL (2) on every connection."""
    assert sqlite_store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert sqlite_store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2


def test_same_message_id_and_recipient_is_stored_once(store: Store) -> None:
    """An MTA retry (same Message-ID, same recipient) is a duplicate; another recipient is not."""
    assert store.insert_received([received()]) == [True]
    assert store.insert_received([received()]) == [False]
    assert store.insert_received([received(recipient="cy@us.example")]) == [True]
    assert store.counts()["received"] == 2


def test_without_message_id_the_bytes_decide(store: Store) -> None:
    """Without a Message-ID, identical bytes are the same message and different bytes are not."""
    assert store.insert_received([received(message_id=None)]) == [True]
    assert store.insert_received([received(message_id=None)]) == [False]
    assert store.insert_received([received(b"other", message_id=None)]) == [True]


def test_a_different_message_reusing_a_message_id_is_stored(store: Store) -> None:
    """The same Message-ID and recipient with other bytes is another message, not a retry."""
    assert store.insert_received([received()]) == [True]
    assert store.insert_received([received(b"Subject: other\r\n\r\nbody\r\n")]) == [True]
    assert store.insert_received([received(b"Subject: other\r\n\r\nbody\r\n")]) == [False]
    assert store.counts()["received"] == 2


def test_a_database_from_before_the_bytes_key_keeps_its_copies_apart(tmp_path: Path) -> None:
    """Migration 0008 gives rows stored under the Message-ID alone the new key: a retry of an old
    copy is still a retry, and a different message reusing its Message-ID is stored."""
    path = tmp_path / "old.db"
    before = Store(path)
    before.insert_received([received()])
    before.close()
    with sqlite3.connect(path) as conn:  # as a database written before migration 0008
        conn.execute("UPDATE messages SET dedupe_key = message_id")
        conn.execute("DROP INDEX messages_message_id")
        conn.execute("DELETE FROM migrations WHERE name = '0008_copy_key'")
    upgraded = Store(path)
    assert upgraded.insert_received([received()]) == [False]
    assert upgraded.insert_received([received(b"Subject: other\r\n\r\nbody\r\n")]) == [True]
    assert upgraded.counts()["received"] == 2


def test_replayed_and_live_copies_of_one_message_id_are_stored_once(store: Store) -> None:
    """A mailbox's copy differs in bytes from the MTA's live one (delivery headers); between a
    replayed and a live copy the Message-ID alone decides, either way round."""
    live = received()
    mailbox = Received(b"Return-Path: <bob@them.example>\r\n" + live.raw, live.message_id,
                       live.recipient, REPLAY, None, (live.recipient,), None)
    assert store.insert_received([live, mailbox]) == [True, False]
    other = received(recipient="cy@us.example")
    replayed = Received(mailbox.raw, other.message_id, other.recipient, REPLAY, None, (), None)
    assert store.insert_received([replayed, other]) == [True, False]
    assert store.counts()["received"] == 2


def test_interrupted_processing_is_requeued(store: Store) -> None:
    """A message claimed by a worker that died goes back to pending on restart."""
    store.insert_received([received()])
    assert len(store.claim(5)) == 1
    assert store.claim(5) == []
    assert store.requeue_interrupted() == 1
    assert [q.message_id for q in store.claim(5)] == ["<m1@x>"]


def test_failures_retry_then_park_and_retry_requeues(store: Store) -> None:
    """A failing message is retried up to max_attempts, then parked; retry_failed re-queues it."""
    store.insert_received([received()])
    (item,) = store.claim(1)
    assert store.fail(item.id, "boom", max_attempts=2) == "pending"
    (item,) = store.claim(1)
    assert store.fail(item.id, "boom again", max_attempts=2) == "failed"
    assert store.counts() == {"received": 1, "processed": 0, "pending": 0, "failed": 1}
    assert store.failed_messages()[0]["last_error"] == "boom again"
    assert store.retry_failed() == 1
    assert store.counts()["pending"] == 1


def test_ai_fills_empty_properties_with_provenance(store: Store) -> None:
    """A first scanned reply fills empty properties, recording source, time and Message-ID."""
    store.add_contact("bob@them.example", {"first_name": "Bob"}, "import")
    filled = process_one(store, inbound("bob@them.example", first_name="Robert", phone="+4930123"))
    assert [c.property for c in filled] == ["phone"]
    props = store.contact("bob@them.example")["properties"]
    assert props["first_name"]["value"] == "Bob"
    assert props["first_name"]["source"] == "import"
    assert props["phone"] == {
        "value": "+4930123", "source": "mailhook AI", "user_edited": False,
        "updated_at": props["phone"]["updated_at"], "message_id": "<m1@x>",
    }
    assert props["phone"]["updated_at"]


def test_only_the_first_scanned_reply_fills(store: Store) -> None:
    """Once a contact's reply was scanned, later replies fill nothing, even if the first had nothing."""
    store.add_contact("bob@them.example", {}, "import")
    assert process_one(store, inbound("bob@them.example"), "<first@x>") == []
    assert process_one(store, inbound("bob@them.example", phone="+4930123"), "<second@x>") == []
    assert store.contact("bob@them.example")["properties"]["phone"]["value"] is None


def test_raw_sql_edit_sets_user_edited_and_blocks_fills(store: Store, person_sql: PersonSql) -> None:
    """An edit made with plain SQL (as `sqlite-utils query` or psql does) is a user edit: it is
    flagged, clearing keeps the flag, and the AI never fills that property afterwards."""
    store.add_contact("bob@them.example", {}, "import")
    person_sql("update contacts set city = 'Oslo' where email = 'bob@them.example'")
    person_sql("update contacts set city = null where email = 'bob@them.example'")
    process_one(store, inbound("bob@them.example", city="Berlin", state="BE"))
    props = store.contact("bob@them.example")["properties"]
    assert props["city"]["value"] is None
    assert props["city"]["user_edited"] is True
    assert props["city"]["source"] == "user"
    assert props["state"]["value"] == "BE"


def test_cli_style_edit_is_a_user_edit_even_when_clearing(store: Store) -> None:
    """set_property flags the property; clearing the value keeps the flag."""
    store.add_contact("bob@them.example", {}, "import")
    store.set_property("bob@them.example", "job_title", "CTO")
    store.set_property("bob@them.example", "job_title", None)
    meta = store.contact("bob@them.example")["properties"]["job_title"]
    assert (meta["value"], meta["user_edited"], meta["source"]) == (None, True, "user")


def test_several_edits_at_once_are_user_edits_each_with_its_history(store: Store) -> None:
    """set_properties (the page's contact form): every property flagged, one unchanged value
    flagged too (its source kept), each change in the history, a phone read with the country
    edited with it."""
    store.add_contact("bob@them.example", {"city": "Oslo", "job_title": "CTO"}, "import")
    store.set_properties("bob@them.example", {"city": "Bergen", "job_title": "CTO", "country": "DE",
                                              "phone": "030 1234567"},
                         phones=lambda typed, country: "+49301234567" if country == "DE" else None)
    props = store.contact("bob@them.example")["properties"]
    assert {p: (props[p]["value"], props[p]["user_edited"], props[p]["source"])
            for p in ("city", "job_title", "country", "phone")} == {
        "city": ("Bergen", True, "user"), "job_title": ("CTO", True, "import"),
        "country": ("DE", True, "user"), "phone": ("+49301234567", True, "user")}
    rows = store.conn.execute(
        "select property, old_value, new_value from property_history where source = 'user' "
        "order by id").fetchall()
    assert sorted(tuple(r) for r in rows) == [("city", "Oslo", "Bergen"), ("country", None, "DE"),
                                             ("phone", None, "+49301234567")]


def test_history_records_every_change(store: Store) -> None:
    """Every change to a property lands in property_history with its source."""
    store.add_contact("bob@them.example", {"city": "Oslo"}, "user")
    store.set_property("bob@them.example", "city", "Bergen")
    rows = store.conn.execute(
        "select old_value, new_value, source from property_history order by id").fetchall()
    assert [tuple(r) for r in rows] == [(None, "Oslo", "user"), ("Oslo", "Bergen", "user")]


def test_a_contact_a_person_inserts_with_sql_is_flagged_per_property(
        store: Store, person_sql: PersonSql) -> None:
    """A raw INSERT is a person's edit of every property it sets (the insert triggers): those
    are flagged and kept from the AI; the others stay free to fill."""
    person_sql("insert into contacts (email, city) values (?, ?)", "bob@them.example", "Oslo")
    process_one(store, inbound("bob@them.example", city="Berlin", state="BE"))
    props = store.contact("bob@them.example")["properties"]
    assert (props["city"]["value"], props["city"]["user_edited"]) == ("Oslo", True)
    assert (props["state"]["value"], props["state"]["source"]) == ("BE", "mailhook AI")


def test_a_persons_flag_survives_a_later_write_by_mailhook(store: Store, person_sql: PersonSql) -> None:
    """Once a person edited a property, no later write (an import here) clears the flag."""
    store.add_contact("bob@them.example", {}, "import")
    person_sql("update contacts set phone = '+47 1' where email = 'bob@them.example'")
    store.import_contacts([{"email": "bob@them.example", "phone": "+47 2"}])
    phone = store.contact("bob@them.example")["properties"]["phone"]
    assert (phone["value"], phone["source"], phone["user_edited"]) == ("+47 2", "import", True)


def test_write_context_is_empty_outside_our_transactions(store: Store) -> None:
    """The marker that tells AI writes from people's writes never survives a commit."""
    store.add_contact("bob@them.example", {}, "import")
    process_one(store, inbound("bob@them.example", city="Berlin"))
    assert store.conn.execute("select count(*) from write_context").fetchone()[0] == 0


def test_unknown_contact_is_never_created_by_a_scan(store: Store) -> None:
    """Mail from an unknown sender neither creates a contact nor fills anything."""
    assert process_one(store, inbound("new@them.example", city="Berlin")) == []
    assert store.contacts() == []


def test_outbound_logging_creates_contacts(store: Store) -> None:
    """An outbound outcome creates the listed recipients and logs the message on them."""
    outcome = Outcome(direction="outbound", logged_on=("a@x.example", "b@x.example"),
                      create=("a@x.example",), subject="Quote")
    process_one(store, outcome)
    assert [c["email"] for c in store.contacts()] == ["a@x.example"]
    assert store.contact("a@x.example")["emails"][0]["subject"] == "Quote"


def test_users_and_contacts_refuse_bad_input(store: Store) -> None:
    """Duplicates, unknown properties, missing rows and non-addresses get clear errors."""
    store.add_user("ann@us.example", "Ann", inbox_automation=False)
    with pytest.raises(AlreadyExists):
        store.add_user("ANN@us.example", None, inbox_automation=False)
    with pytest.raises(InvalidValue, match="not an e-mail address"):
        store.add_user("ann", None, inbox_automation=False)
    with pytest.raises(InvalidValue, match="unknown property"):
        store.add_contact("bob@them.example", {"shoe_size": "44"}, "user")
    with pytest.raises(NotFound):
        store.set_property("nobody@them.example", "city", "Oslo")


def test_turning_a_setting_on_records_when(store: Store) -> None:
    """Settings record when they were turned on; turning off clears the time, deletes nothing."""
    user = store.add_user("ann@us.example", None, inbox_automation=False)
    assert user.fill_contact_details and user.fill_contact_details_since
    assert not user.inbox_automation and user.inbox_automation_since is None
    user = store.set_user("ann@us.example", inbox_automation=True, fill_contact_details=False)
    assert user.inbox_automation_since and user.fill_contact_details_since is None


def test_import_updates_existing_contacts_in_one_transaction(store: Store) -> None:
    """Import creates new contacts and writes non-empty cells of existing ones as `import`."""
    store.add_contact("bob@them.example", {"city": "Oslo"}, "user")
    added, updated = store.import_contacts([
        {"email": "bob@them.example", "phone": "+47 1", "city": None},
        {"email": "cy@them.example", "first_name": "Cy"},
    ])
    assert (added, updated) == (1, 1)
    bob = store.contact("bob@them.example")["properties"]
    assert (bob["city"]["value"], bob["phone"]["source"]) == ("Oslo", "import")
    with pytest.raises(InvalidValue):
        store.import_contacts([{"email": "dan@them.example"}, {"email": "bad"}])
    assert "dan@them.example" not in {c["email"] for c in store.contacts()}


def test_filled_lists_only_current_ai_values(store: Store) -> None:
    """The export source holds what the AI filled and still holds."""
    store.add_contact("bob@them.example", {}, "import")
    process_one(store, inbound("bob@them.example", city="Berlin", phone="+4930"))
    store.set_property("bob@them.example", "city", "Hamburg")
    assert [(r["property"], r["value"]) for r in store.filled()] == [("phone", "+4930")]


def test_plain_sqlite_can_read_everything(tmp_path: Path, sqlite_store: Store) -> None:
    """Tables are plain SQLite: another connection can query them without our code."""
    sqlite_store.add_contact("bob@them.example", {"city": "Oslo"}, "user")
    conn = sqlite3.connect(tmp_path / "mailhook.db")
    assert conn.execute("select city from contacts").fetchone() == ("Oslo",)


def test_a_failed_message_waits_for_its_retry_time(store: Store) -> None:
    """A message that failed is not claimed again before its retry delay has passed."""
    store.insert_received([received()])
    (item,) = store.claim(1)
    assert store.fail(item.id, "database busy", max_attempts=5, retry_delay=3600) == "pending"
    assert store.claim(1) == []
    assert store.retry_failed() == 0  # not failed, just waiting
    assert store.counts()["pending"] == 1



def test_an_ended_web_session_is_kept_until_its_cookie_expires(store: Store) -> None:
    """Signed-out sessions are remembered (a second end is no error) and forgotten once their
    cookie could no longer be valid anyway, at the next end."""
    now = time.time()
    store.end_web_session("old", now - 1)  # its cookie is already too old to be taken
    store.end_web_session("s1", now + 3600)
    store.end_web_session("s1", now + 3600)
    assert store.web_session_ended("s1") and not store.web_session_ended("s2")
    assert not store.web_session_ended("old")  # forgotten at the second end
