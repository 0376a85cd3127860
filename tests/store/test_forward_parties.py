"""Mail to the forwarding address is claimed by whom it concerns (store.claims.recorded_parties):
a user's logged outbound mail by its recipients, a forward by its header's parties and the
forwarded original's sender, read at intake by the worker's own reading
(worker.forwards.forwarded_sender). Real forwards as Gmail, Outlook and an attached
message/rfc822 write them, on both engines."""

from __future__ import annotations

import logging
from collections.abc import Callable

import pytest
from pg.forwards import FORWARDING, FORWARDS, outbound, reply

from mailhook.store import Outcome, Received, Store
from mailhook.worker.forwards import forwarded_sender

ANN, CY = "ann@us.example", "cy@us.example"
CARL, DEE = "carl@firm.example", "dee@shop.example"


def forwarding(raw: bytes, user: str) -> Received:
    return Received(raw, None, FORWARDING, "smtp", user, (FORWARDING,), None)


def inbox(raw: bytes, user: str = ANN) -> Received:
    return Received(raw, None, user, "lmtp", CARL, (user,), None)


@pytest.fixture
def users(store: Store) -> Store:
    store.add_user(ANN, None, inbox_automation=True)
    store.add_user(CY, None, inbox_automation=True)
    return store


def finish(store: Store, ids: list[int]) -> None:
    assert store.finish_many([(rowid, Outcome("inbound")) for rowid in ids]) == [[]] * len(ids)


def test_two_users_logged_outbound_mail_to_different_contacts_is_claimed_side_by_side(
        users: Store) -> None:
    users.insert_received([forwarding(outbound(ANN, CARL, 1), ANN),
                           forwarding(outbound(CY, DEE, 2), CY)], forwards=forwarded_sender)
    assert len(users.claim(8)) == 2


def test_outbound_mail_to_one_contact_is_claimed_in_order(users: Store) -> None:
    users.insert_received([forwarding(outbound(ANN, CARL, 1), ANN),
                           forwarding(outbound(CY, CARL, 2), CY),
                           forwarding(outbound(CY, DEE, 3), CY)], forwards=forwarded_sender)
    first, second, third = (r[0] for r in users.conn.execute(
        "SELECT id FROM messages ORDER BY id").fetchall())
    assert [q.id for q in users.claim(8)] == [first, third]
    assert users.claim(8) == []
    finish(users, [first, third])
    assert [q.id for q in users.claim(8)] == [second]


@pytest.mark.parametrize("style", sorted(FORWARDS))
def test_a_forward_waits_for_its_contacts_earlier_mail_and_the_later_mail_waits_for_it(
        users: Store, style: str) -> None:
    """Carl's reply, Ann's forward of Carl's message, Cy's outbound mail to Dee, Carl's later
    reply: the first claim takes Carl's reply and Cy's mail side by side, then the forward
    alone, then Carl's later reply."""
    make: Callable[[str, str, int], bytes] = FORWARDS[style]
    users.insert_received([inbox(reply(CARL, ANN, 1)), forwarding(make(ANN, CARL, 2), ANN),
                           forwarding(outbound(CY, DEE, 3), CY), inbox(reply(CARL, ANN, 4))],
                          forwards=forwarded_sender)
    earlier, fwd, other, later = (r[0] for r in users.conn.execute(
        "SELECT id FROM messages ORDER BY id").fetchall())
    assert [q.id for q in users.claim(8)] == [earlier, other]
    assert users.claim(8) == []  # the forward waits for Carl's reply, the later reply for both
    finish(users, [earlier, other])
    assert [q.id for q in users.claim(8)] == [fwd]
    assert users.claim(8) == []
    finish(users, [fwd])
    assert [q.id for q in users.claim(8)] == [later]


def test_a_forward_stored_without_its_reading_waits_for_all(users: Store) -> None:
    """A row stored before forwards were read at intake (or by a store that cannot read them)
    has no parties: it may concern anyone, as before."""
    users.insert_received([inbox(reply(CARL, ANN, 1)), forwarding(FORWARDS["gmail"](ANN, CARL, 2), ANN),
                           forwarding(outbound(CY, DEE, 3), CY)])
    first, barrier, last = (r[0] for r in users.conn.execute(
        "SELECT id FROM messages ORDER BY id").fetchall())
    assert [q.id for q in users.claim(8)] == [first]
    finish(users, [first])
    assert [q.id for q in users.claim(8)] == [barrier]
    finish(users, [barrier])
    assert [q.id for q in users.claim(8)] == [last]


def test_a_forward_the_intake_cannot_read_is_stored_and_waits_for_all(
        users: Store, caplog: pytest.LogCaptureFixture) -> None:
    """The reading raises on bytes with nothing usable: the copy is stored all the same (the
    worker parks it), with no parties, and the intake says so."""
    with caplog.at_level(logging.WARNING, "mailhook.store.claims"):
        stored = users.insert_received([inbox(reply(CARL, ANN, 1)), forwarding(b"\r\n", ANN),
                                        forwarding(outbound(CY, DEE, 3), CY)],
                                       forwards=forwarded_sender)
    assert stored == [True, True, True]
    assert "could not be read at intake (MalformedMessage" in caplog.text
    assert len(users.claim(8)) == 1


def test_the_forwarded_original_is_recorded_among_the_forwards_parties(users: Store) -> None:
    users.insert_received([forwarding(FORWARDS["outlook"](ANN, CARL, 1), ANN),
                           inbox(reply(CARL, ANN, 2))], forwards=forwarded_sender)
    rows = users.conn.execute("""SELECT m.listener, p.address FROM message_parties p
                                 JOIN messages m ON m.id = p.message_rowid
                                 ORDER BY m.id, p.address""").fetchall()
    # The forwarding address it was delivered to is no party; the user's own address is one
    # (claims leave users out when they choose).
    assert [tuple(r) for r in rows] == [("smtp", ANN), ("smtp", CARL), ("lmtp", CARL)]
