"""A real database for the page's tests: two users with passwords, and tasks stored as the worker
stores them (an intake row, claimed and finished with its tasks)."""

from __future__ import annotations

import functools
from pathlib import Path

from mailhook.rules.fill import Candidate
from mailhook.service.passwords import hash_password
from mailhook.store import Outcome, Received, Store
from mailhook.store.tasks import NewTask

ANN, BEA = "ann@us.example", "bea@us.example"
PASSWORDS = {ANN: "correct horse ann", BEA: "correct horse bea"}
CONTACT = "bob@acme.example"


@functools.cache
def _hash(password: str) -> str:
    return hash_password(password)  # scrypt: once per test session, not per test


def seed(db: Path | str) -> dict[str, int]:
    """Both users, and one recommended task each (by user: the task's id)."""
    store = Store(db)
    try:
        for user, password in PASSWORDS.items():
            store.add_user(user, user.split("@")[0].title(), inbox_automation=True)
            store.set_password_hash(user, _hash(password))
        store.add_contact(CONTACT, {"first_name": "Bob", "last_name": "Example"}, "import")
        ids = {}
        for n, user in enumerate(PASSWORDS):
            message_id = f"<task-{n}@acme.example>"
            store.insert_received([Received(message_id.encode(), message_id, user, "lmtp", None, (),
                                            None)])
            (item,) = store.claim(1)
            store.finish(item.id, Outcome(
                "outbound", user_email=user, contact_email=CONTACT, logged_on=(CONTACT,),
                subject=f"Quote for {user}", date="Tue, 01 Dec 2026 09:00:00 +0000",
                tasks=(NewTask(CONTACT, f"Send Bob the quote ({n})",
                               "I will send you the quote by Friday.", "2026-12-04"),)))
            (task,) = store.tasks(user_email=user)
            ids[user] = task.id
        return ids
    finally:
        store.close()


# Each user's own contact, who holds a job title; a reply of theirs shows another and a phone.
REPLIERS = {ANN: "carol@acme.example", BEA: "dan@other.example"}
EVIDENCE = {"line": "Head of Sales | +49 30 1234560", "extractor": "layout", "confidence": 0.9}


def _evidence(n: int) -> dict[str, object]:
    """The signature line of user n's reply: the phone the AI fills is the one it shows."""
    return {**EVIDENCE, "line": f"Head of Sales | +49 30 123456{n}"}


def seed_replies(db: Path | str) -> dict[str, int]:
    """One scanned reply per user, as the worker stores it: the phone is filled by the AI and the
    job title suggested (the contact holds one). By user: their open suggestion's id."""
    store = Store(db)
    try:
        ids = {}
        for n, (user, contact) in enumerate(REPLIERS.items()):
            store.add_contact(contact, {"job_title": "Engineer"}, "import")
            finish_reply(store, user, contact, f"<reply-{n}@{contact.split('@')[1]}>", (
                Candidate("phone", f"+4930123456{n}", None, _evidence(n)),
                Candidate("job_title", "Head of Sales", None, _evidence(n))))
            (suggestion,) = store.suggestions(user_email=user)
            ids[user] = suggestion.id
        return ids
    finally:
        store.close()


def finish_reply(store: Store, user: str, contact: str, message_id: str,
                 candidates: tuple[Candidate, ...], fill_policy: str = "hubspot") -> None:
    """A scanned reply of `contact` to `user`, received, claimed and finished as the worker does
    with what the pipeline found in its signature."""
    store.insert_received([Received(message_id.encode(), message_id, user, "lmtp", contact, (), None)])
    (item,) = store.claim(1)
    store.finish(item.id, Outcome(
        "inbound", user_email=user, from_address=contact, contact_email=contact,
        logged_on=(contact,), scanned=True, subject=f"Re: Quote for {user}",
        date="Wed, 02 Dec 2026 10:00:00 +0000", candidates=candidates, fill_policy=fill_policy))
