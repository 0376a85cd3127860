"""PostgreSQL's claims beside each other and beside the write lock (store.claims.
claim_next_concurrently): real processes claiming at once never hold two messages of one contact
or one message twice; a claim commits while another connection holds the write lock or its own
claim transaction open, and takes nothing of a contact another open claim holds."""

from __future__ import annotations

import multiprocessing
import random
from collections.abc import Iterator
from typing import Any

import pytest

from mailhook.store import Outcome, Received, Store, claims, postgres
from pg.cluster import Cluster, fresh_database

USER = "ann@us.example"
CONTACTS = tuple(f"c{n}@them.example" for n in range(5))
PROCESSES = 4
MESSAGES = 120
SEED = 20261202


def mail(number: int, contact: str) -> Received:
    message_id = f"<{number}.{contact}>"
    raw = f"From: {contact}\r\nTo: {USER}\r\nMessage-ID: {message_id}\r\n\r\nhi\r\n".encode()
    return Received(raw, message_id, USER, "lmtp", contact, (USER,), None)


def team_mail(number: int) -> Received:
    """Mail with no outside party: it waits for every earlier message, and all later for it."""
    message_id = f"<{number}.team>"
    raw = f"From: {USER}\r\nTo: {USER}\r\nMessage-ID: {message_id}\r\n\r\nnote\r\n".encode()
    return Received(raw, message_id, USER, "lmtp", USER, (USER,), None)


@pytest.fixture
def url(postgres_cluster: Cluster) -> Iterator[str]:
    with fresh_database(postgres_cluster) as made:
        setup = Store(made)
        setup.add_user(USER, None, inbox_automation=False)
        rng = random.Random(SEED)
        batch = [team_mail(n) if n % 17 == 5 else mail(n, rng.choice(CONTACTS))
                 for n in range(MESSAGES)]
        setup.insert_received(batch)
        setup.close()
        yield made


def claimer(url: str, guard: Any, in_hand: Any, problems: Any, claimed: Any) -> None:
    """Claim and finish until nothing is left; report any claim of a message, or of a contact
    (the team's mail: of anyone), that another process held at that moment."""
    store = Store(url, busy_timeout_ms=30_000)
    try:
        while True:
            got = store.claim(3)
            if not got and not store.query(
                    "SELECT 1 FROM messages WHERE status IN ('pending', 'processing')"):
                return
            with guard:
                for item in got:
                    key = item.mail_from if item.mail_from != USER else "*"
                    if key in in_hand or "*" in in_hand or (key == "*" and len(in_hand)):
                        problems.append(f"{item.id} ({key}) claimed beside {dict(in_hand)}")
                    in_hand[key] = item.id
                    claimed.append(item.id)
            for item in got:
                with guard:  # let go before the finish commits: a later claim is then no overlap
                    in_hand.pop(item.mail_from if item.mail_from != USER else "*", None)
                store.finish(item.id, Outcome("inbound", user_email=USER, contact_email=item.mail_from))
    finally:
        store.close()


def test_processes_claiming_at_once_hold_one_message_per_contact(url: str) -> None:
    """Four processes drain mail of five contacts and some team mail: no claim takes a message
    or a contact's mail another process holds, and every message is processed after one claim."""
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager:
        guard, in_hand = manager.Lock(), manager.dict()
        problems, claimed = manager.list(), manager.list()
        workers = [context.Process(target=claimer, args=(url, guard, in_hand, problems, claimed))
                   for _ in range(PROCESSES)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(120)
            assert worker.exitcode == 0
        assert list(problems) == []
        assert sorted(claimed) == sorted(set(claimed))
        store = Store(url)
        try:
            rows = store.query("SELECT status, count(*) AS n, sum(attempts) AS attempts "
                               "FROM messages GROUP BY status")
        finally:
            store.close()
        assert rows == [{"status": "processed", "n": MESSAGES, "attempts": MESSAGES}]
        assert len(claimed) == MESSAGES


def open_claim(store: Store) -> list[int]:
    """A claim of two messages left inside its open transaction (the caller rolls it back)."""
    store.conn.execute(postgres.CLAIM_BEGIN[0])
    store.conn.execute(postgres.CLAIM_BEGIN[1])
    return claims.claim_next_concurrently(store.conn, 2, store.host, claims.Clock(*store._clock),
                                          exclusive=False).ids


@pytest.fixture
def two_contacts(postgres_cluster: Cluster) -> Iterator[str]:
    with fresh_database(postgres_cluster) as made:
        setup = Store(made)
        setup.add_user(USER, None, inbox_automation=False)
        setup.insert_received([mail(0, CONTACTS[0]), mail(1, CONTACTS[0]), mail(2, CONTACTS[1]),
                               mail(3, CONTACTS[1])])
        setup.close()
        yield made


def test_a_claim_commits_while_another_holds_the_write_lock_and_its_own_claim_open(
        two_contacts: str) -> None:
    """One connection holds the write lock (an outcome transaction) and another its claim of
    the first contact's first message, both open: a third claims the second contact's first
    message (not the first contact's second, whose earlier one is held) without waiting."""
    writer, first, second = (Store(two_contacts, busy_timeout_ms=200) for _ in range(3))
    try:
        writer.conn.execute(postgres.BEGIN[0])
        writer.conn.execute(postgres.BEGIN[1])
        held = open_claim(first)
        assert held == [1, 3]  # one of each contact: the first of each
        assert [item.id for item in second.claim(2)] == []  # both contacts held: nothing
        first.conn.execute("ROLLBACK")
        first.conn.execute(postgres.CLAIM_BEGIN[0])
        first.conn.execute(postgres.CLAIM_BEGIN[1])
        first.conn.execute("SELECT id FROM messages WHERE id = 1 FOR UPDATE")  # one contact held
        assert [item.id for item in second.claim(2)] == [3]
        first.conn.execute("ROLLBACK")
        writer.conn.execute("ROLLBACK")
    finally:
        for store in (writer, first, second):
            store.close()


def test_a_gone_hosts_claim_is_taken_back_under_the_write_lock(two_contacts: str) -> None:
    """Host a's claim ran out its lease while a write transaction is open (say, host a's own late
    finish of it): host b's claim does not take it back beside that write (it waits for the write
    lock, here past its timeout), so the finish's check of its claim still holds when it applies;
    once the write ends, b takes it back and claims it."""
    gone, writer = Store(two_contacts, host="a"), Store(two_contacts, host="a")
    other = Store(two_contacts, host="b", busy_timeout_ms=200)
    try:
        assert [item.id for item in gone.claim(1)] == [1]
        gone.conn.execute("UPDATE messages SET lease_until = '2000-01-01T00:00:00.000Z' WHERE id = 1")
        writer.conn.execute(postgres.BEGIN[0])
        writer.conn.execute(postgres.BEGIN[1])
        with pytest.raises(Exception) as raised:
            other.claim(1)
        assert postgres.is_locked(raised.value)
        writer.conn.execute("ROLLBACK")
        assert [item.id for item in other.claim(1)] == [1]
        assert other.query("SELECT attempts, claimed_host FROM messages WHERE id = 1") == [
            {"attempts": 2, "claimed_host": "b"}]
    finally:
        for store in (gone, writer, other):
            store.close()
