"""One outbound mail is one entry on each contact's log, however many copies of it arrive."""

from __future__ import annotations

import sqlite3

import psycopg
import pytest

from mailhook.store import Outcome, Received, Store
from mailhook.store.maillog import outbound_log_key

CONTACT = "bob@acme.example"


@pytest.fixture
def store(store: Store) -> Store:
    """The engine's store (tests/store/conftest.py) with the contact."""
    store.add_contact(CONTACT, {}, "import")
    return store


def sent(user: str = "ann@us.example", subject: str = "Quote", **changes: str) -> Outcome:
    fields = {"direction": "outbound", "user_email": user, "from_address": user,
              "subject": subject, "date": "2026-05-01T09:00:00+00:00",
              "logged_on": (CONTACT,), **changes}
    return Outcome(**fields)  # type: ignore[arg-type]


def deliver(store: Store, outcome: Outcome, recipient: str, raw: bytes,
            message_id: str | None = "<q1@us.example>") -> None:
    """Store one copy for `recipient` and apply `outcome` to it, as the worker would."""
    copy = Received(raw, message_id, recipient, "lmtp", outcome.user_email, (recipient,), None)
    assert store.insert_received([copy]) == [True]
    (item,) = store.claim(1)
    store.finish(item.id, outcome)


def key(outcome: Outcome, message_id: str | None) -> str | None:
    return outbound_log_key(outcome.direction, outcome.user_email, message_id,
                            (outcome.from_address, outcome.subject, outcome.date))


def logged(store: Store) -> list[str | None]:
    return [e["message_id"] for e in store.contact(CONTACT)["emails"]]


def test_two_copies_of_one_outbound_mail_are_logged_once(store: Store) -> None:
    """Postfix's sender_bcc copy (LMTP, to the user) and the user's BCC to the forwarding
    address (SMTP) are two stored copies with other bytes: the contact's log shows the mail once."""
    deliver(store, sent(), "ann@us.example", b"Received: by mx\r\nSubject: Quote\r\n\r\nhi\r\n")
    deliver(store, sent(), "log@hook.localhost", b"Subject: Quote\r\n\r\nhi\r\n")
    assert store.counts()["received"] == 2
    assert logged(store) == ["<q1@us.example>"]


def test_a_reused_message_id_from_another_author_keeps_its_own_entry(store: Store) -> None:
    """Another user's mail, or a mail with other headers, that reuses the Message-ID is another
    mail: neither hides the other on the contact's log."""
    deliver(store, sent(), "ann@us.example", b"one")
    deliver(store, sent(user="cy@us.example"), "cy@us.example", b"two")
    deliver(store, sent(subject="Invoice"), "log@hook.localhost", b"three")
    assert logged(store) == ["<q1@us.example>"] * 3


def test_inbound_mail_and_mail_without_message_id_are_never_merged(store: Store) -> None:
    """Only outbound mail from a user has a key: inbound copies, and outbound copies without a
    Message-ID, are each logged as before."""
    inbound = Outcome(direction="inbound", contact_email=CONTACT, logged_on=(CONTACT,))
    deliver(store, inbound, "ann@us.example", b"in one")
    deliver(store, inbound, "cy@us.example", b"in two")
    deliver(store, sent(), "ann@us.example", b"out one", message_id=None)
    deliver(store, sent(), "log@hook.localhost", b"out two", message_id=None)
    assert len(logged(store)) == 4
    assert key(inbound, "<q1@us.example>") is None
    assert key(sent(), None) is None


def test_the_database_refuses_a_second_entry_with_the_same_key(store: Store) -> None:
    """The unique index, not only the code path, keeps the log idempotent: a writer that tried
    to log the same outbound mail twice on one contact gets an integrity error."""
    deliver(store, sent(), "ann@us.example", b"one")
    (row,) = store.conn.execute("SELECT message_rowid, outbound_key FROM contact_emails").fetchall()
    assert row[1] == key(sent(), "<q1@us.example>")
    with pytest.raises((sqlite3.IntegrityError, psycopg.IntegrityError), match="(?i)unique"):
        store.conn.execute(
            "INSERT INTO contact_emails (contact_email, message_rowid, role, outbound_key) "
            "VALUES (?, ?, 'to', ?)", (CONTACT, row[0] + 1, row[1]))
