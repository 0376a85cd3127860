"""Bugs found in the review of several worker processes (claims, groups), each shown on a real
SQLite file: both fixed since; the tests keep them fixed."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from mails import CONTACT, CONTACT_SIGNATURE, FORWARDING, USER, USER_SIGNATURE, deliver, mail, reply
from mails import worker_config as base_config

from mailhook.config import Config
from mailhook.store import Queued, Store
from mailhook.worker.budget import MessageTooSlow
from mailhook.worker.processing import Worker


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return base_config(tmp_path)


@pytest.fixture
def store(config: Config) -> Store:
    store = Store(config.database.path)
    store.add_user(USER, "Ann Lee", inbox_automation=True)
    return store


def forward_of_contact() -> bytes:
    """Ann forwards Bob's mail to the hook: the contact is in the body, not in a header."""
    body = (f"FYI, see below.\n\n{USER_SIGNATURE}\n---------- Forwarded message ---------\n"
            f"From: Bob Smith <{CONTACT}>\nDate: Mon, 2 Nov 2026 10:00:00 +0100\n"
            f"Subject: quote\nTo: Ann Lee <{USER}>\n\n"
            f"Hi Ann,\n\nthe quote works for us.\n\n{CONTACT_SIGNATURE}")
    return bytes(mail(USER, FORWARDING, body, message_id="<f1@us.example>", subject="Fwd: quote",
                      display="Ann Lee"))


def test_a_forward_and_the_contacts_reply_are_never_claimed_side_by_side(
        config: Config, store: Store) -> None:
    """Two worker processes (two connections): while the forward about Bob is processing, Bob's
    later reply must wait for it; one process reads the forward first and skips the reply
    (first-reply policy)."""
    store.add_contact(CONTACT, {}, "import")
    deliver(store, forward_of_contact(), listener="smtp", recipient=FORWARDING, mail_from=USER)
    deliver(store, reply())
    other = Store(config.database.path)
    try:
        first = store.claim(1)
        second = other.claim(1)  # the second process looks while the first reads the forward
        assert [q.message_id for q in first] == ["<f1@us.example>"]
        worker = Worker(config)
        for item in (*second, *first):  # the second process is faster: its reply ends first
            worker.process(store, item)
        rows = store._rows("SELECT message_id, scanned, skip_reason FROM messages ORDER BY id")
        assert [(r["message_id"], r["scanned"]) for r in rows] == [
            ("<f1@us.example>", 1), ("<r1@acme.example>", 0)]  # the forward came first
        assert second == []
    finally:
        other.close()


@pytest.mark.parametrize("step", ["_begin", "_conclude"])
@pytest.mark.parametrize("together", [1, 2])
def test_a_message_over_its_budget_is_parked_and_its_outcome_never_applied(
        config: Config, store: Store, monkeypatch: pytest.MonkeyPatch, together: int,
        step: str) -> None:
    """Budget's contract: a block that ended after its budget was spent (or caught the
    watchdog's exception, as library code with a bare except does) is parked all the same.
    Alone or in a replay-style group, before or after its signature is read (the group's
    blocks are read together in between), the parked message must stay failed and fill
    nothing."""
    config = dataclasses.replace(config, worker=dataclasses.replace(config.worker,
                                                                    message_seconds=0.05))
    store.add_contact(CONTACT, {}, "import")
    other = "carl@firm.example"
    deliver(store, reply())
    if together == 2:
        store.add_contact(other, {}, "import")
        deliver(store, bytes(mail(other, USER, "Hi Ann,\n\nfine.\n\nCarl", message_id="<c@f.example>",
                                  display="Carl")), mail_from=other)
    real = getattr(Worker, step)

    def swallowing(self: Worker, store: Store, item: Queued, *rest: object) -> object:
        result = real(self, store, item, *rest)
        if item.message_id == "<r1@acme.example>":
            try:  # CPU work until the watchdog's exception arrives, which it swallows
                for _ in range(10**9):
                    sum(range(100))
            except MessageTooSlow:
                pass
        return result

    monkeypatch.setattr(Worker, step, swallowing)
    items = store.claim(2)
    statuses = Worker(config).process_many(store, items)
    row = store._rows("SELECT status, scanned FROM messages WHERE message_id = '<r1@acme.example>'")
    assert statuses[0] == "failed"
    assert row == [{"status": "failed", "scanned": 0}]
