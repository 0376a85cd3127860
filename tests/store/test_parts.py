"""The store's other parts on both engines: tasks and digests, counts, the queue's side doors,
users' passwords and the people lookups the listeners and the web page make."""

from __future__ import annotations

import pytest

from mailhook.errors import InvalidValue, NotFound
from mailhook.rules.fill import Candidate
from mailhook.store import NewTask, Outcome, Received, Store
from mailhook.store.queue import REPLAY

ANN, BOB = "ann@us.example", "bob@them.example"


def received(message_id: str, *, listener: str = "lmtp", raw: bytes | None = None) -> Received:
    body = raw or f"From: {BOB}\r\nTo: {ANN}\r\nMessage-ID: {message_id}\r\n\r\nhi\r\n".encode()
    return Received(body, message_id, ANN, listener, BOB, (ANN,), None)


def inbound(**changes: object) -> Outcome:
    fields: dict[str, object] = {"direction": "inbound", "user_email": ANN, "contact_email": BOB,
                                 "logged_on": (BOB,), **changes}
    return Outcome(**fields)  # type: ignore[arg-type]


def process(store: Store, message_id: str, outcome: Outcome, raw: bytes | None = None) -> int:
    assert store.insert_received([received(message_id, raw=raw)]) == [True]
    (item,) = store.claim(1)
    store.finish(item.id, outcome)
    return item.id


def test_tasks_are_kept_once_per_sentence_and_change_status(store: Store) -> None:
    """A follow-up found in a message is a recommended task with its message's subject; the
    same sentence from a second copy of that mail is not added again; accept keeps the time."""
    store.add_user(ANN, None, inbox_automation=True)
    store.add_contact(BOB, {"first_name": "Bob", "last_name": "Ray"}, "user")
    task = NewTask(BOB, "Send the quote", "Could you send the quote by Friday?", "2026-05-08")
    process(store, "<t1@x>", inbound(subject="Quote", tasks=(task,)))
    process(store, "<t1@x>", inbound(subject="Quote", tasks=(task,)), raw=b"the BCC copy")
    (found,) = store.tasks(user_email=ANN)
    assert (found.title, found.due, found.status, found.subject, found.contact_name) == (
        "Send the quote", "2026-05-08", "recommended", "Quote", "Bob Ray")
    accepted = store.set_task_status(found.id, "accepted")
    assert accepted.status == "accepted" and accepted.status_at
    assert store.tasks(status="recommended") == []
    with pytest.raises(InvalidValue):
        store.set_task_status(found.id, "done")
    with pytest.raises(NotFound):
        store.set_task_status(found.id + 100, "accepted")


def test_a_digest_is_claimed_once_per_user_and_day(store: Store) -> None:
    """The unique row, not a hope: a second claim of the same day fails until released."""
    assert store.claim_digest(ANN, "2026-05-01") is True
    assert store.claim_digest(ANN, "2026-05-01") is False
    assert store.claim_digest(ANN, "2026-05-02") is True
    store.release_digest(ANN, "2026-05-01")
    assert store.claim_digest(ANN, "2026-05-01") is True
    assert [(d["user_email"], d["day"]) for d in store.digests_sent()] == [
        (ANN, "2026-05-01"), (ANN, "2026-05-02")]


def test_ai_fills_lists_what_the_users_mail_filled_in_the_window(store: Store) -> None:
    """ai_fills: the AI's writes from the user's messages, inside the half-open window."""
    store.add_user(ANN, None, inbox_automation=True)
    store.add_contact(BOB, {}, "import")
    process(store, "<f1@x>", inbound(scanned=True, candidates=(
        Candidate("city", "Oslo", "Oslo", {"line": "Oslo"}),)))
    fills = store.ai_fills(ANN, "2000-01-01", "2100-01-01")
    assert [(f.contact_email, f.property, f.value, f.message_id) for f in fills] == [
        (BOB, "city", "Oslo", "<f1@x>")]
    assert store.ai_fills(ANN, "2100-01-01", "2100-01-02") == []
    assert store.ai_fills("cy@us.example", "2000-01-01", "2100-01-01") == []
    assert [(f["email"], f["value"]) for f in store.filled(ANN)] == [(BOB, "Oslo")]
    assert store.filled("cy@us.example") == []


def test_counts_verdicts_and_reasons_not_read(store: Store) -> None:
    """What `status` and the metrics count, and the seconds from receipt to processing."""
    process(store, "<c1@x>", inbound(dkim_verdict="pass", skip_reason="not a reply"))
    process(store, "<c2@x>", inbound(skip_reason="not a reply"))
    store.insert_received([received("<c3@x>")])
    (item,) = store.claim(1)
    store.fail(item.id, "boom", max_attempts=1)
    store.insert_received([received("<c4@x>")])
    assert store.counts() == {"received": 4, "processed": 2, "pending": 1, "failed": 1}
    assert store.verdicts() == {"pass": 1, "unchecked": 1}
    assert store.not_read() == {"not a reply": 2}
    delays = store.processing_delays()
    assert len(delays) == 2 and all(isinstance(d, float) and 0 <= d < 3600 for d in delays)
    assert [(f["message_id"], f["last_error"]) for f in store.failed_messages()] == [("<c3@x>", "boom")]


def test_the_queue_looks_ahead_and_knows_what_is_still_due(store: Store) -> None:
    """pending_ahead gives the next due messages' bytes in claim order; still_ahead drops the
    finished ones; processing_ids lists claims with their attempts."""
    store.insert_received([received("<q1@x>"), received("<q2@x>"), received("<q3@x>")])
    ahead = store.pending_ahead(2)
    assert [rowid for rowid, _ in ahead] == sorted(rowid for rowid, _ in ahead)
    assert all(isinstance(raw, bytes) and b"Message-ID" in raw for _, raw in ahead) and len(ahead) == 2
    first, second = (rowid for rowid, _ in ahead)
    assert [rowid for rowid, _ in store.pending_ahead(5, exclude=[first])][0] == second
    (item,) = store.claim(1)
    assert store.processing_ids() == [(item.id, 1)]
    store.finish(item.id, inbound())
    assert store.still_ahead([first, second]) == {second}
    assert store.stored_copy(received("<q2@x>").dedupe_key, ANN)["status"] == "pending"  # type: ignore[index]


def test_finish_many_applies_each_outcome_once(store: Store) -> None:
    """Several outcomes in one commit; an outcome for a message no longer processing is dropped."""
    store.add_contact(BOB, {}, "import")
    store.insert_received([received("<b1@x>"), received("<b2@x>", raw=b"other bytes")])
    claimed = store.claim(2)
    assert len(claimed) == 1  # the second waits: the same contact's mail, one at a time
    (item,) = claimed
    store.finish_many([(item.id, inbound(subject="one"))])
    assert store.finish_many([(item.id, inbound(subject="again"))]) == [None]  # applied nothing
    assert [e["subject"] for e in store.contact(BOB)["emails"]] == ["one"]


def test_replayed_messages_are_claimed_only_by_the_replay(store: Store) -> None:
    """A replay's stored history is left alone by live claims and taken by claim_replayed_many;
    a requeue of the replay's claims charges nothing."""
    store.insert_received([received("<r1@x>", listener=REPLAY)])
    assert store.claim(5) == []
    (rowid,) = [r for r, _ in store.processing_ids(replayed=True)] or [None]
    assert rowid is None
    row = store.conn.execute("SELECT id FROM messages WHERE listener = ?", (REPLAY,)).fetchone()
    (item,) = store.claim_replayed_many([row[0]])
    assert item.listener == REPLAY and item.attempts == 1
    assert store.requeue_interrupted(replayed=True) == 1
    assert store.claim_replayed(row[0]).attempts == 1  # type: ignore[union-attr]
    assert store.retry_failed() == 0


def test_users_passwords_and_lookups(store: Store) -> None:
    """is_user is a case-insensitive lookup; a password hash is stored and read back; contacts
    in a list and the first scanned reply are found."""
    store.add_user(ANN, "Ann", inbox_automation=False)
    assert store.is_user("ANN@US.EXAMPLE") and not store.is_user("cy@us.example")
    assert not store.is_user("not an address")
    assert store.password_hash(ANN) is None
    store.set_password_hash(ANN, "scrypt$abc")
    assert store.password_hash(ANN) == "scrypt$abc"
    store.add_contact(BOB, {}, "import")
    assert store.existing_contacts([BOB, "cy@them.example"]) == {BOB}
    assert store.scanned_message(BOB) is None
    process(store, "<s1@x>", inbound(scanned=True))
    assert store.scanned_message(BOB) == "<s1@x>"
    user = store.set_user(ANN, name="Ann Lee", fill_contact_details=False)
    assert (user.name, user.fill_contact_details) == ("Ann Lee", False)
