"""Review of issue 17 on the store, both engines: what a host that lost its claim may still do
(store.queue.fail now refuses the failure of a claim another host took back), and PostgreSQL's
lock timeout for a busy timeout of zero.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import psycopg
import pytest

from mailhook.store import Outcome, Received, Store

from .conftest import PersonSql

USER = "ann@us.example"
PAST = "2000-01-01T00:00:00.000Z"
GUARD_SECONDS = 30


@pytest.fixture
def hosts(database: str) -> Iterator[tuple[Store, Store]]:
    """Two hosts' stores on one database, with one reply stored."""
    here, there = Store(database, host="here"), Store(database, host="there")
    here.add_user(USER, None, inbox_automation=True)
    raw = (f"From: bob@acme.example\r\nTo: {USER}\r\nMessage-ID: <m1@x>\r\n"
           "Subject: hi\r\n\r\nhi\r\n").encode()
    here.insert_received([Received(raw, "<m1@x>", USER, "lmtp", "bob@acme.example", (USER,), None)])
    yield here, there
    here.close()
    there.close()


def status(store: Store, rowid: int) -> str:
    (row,) = store.query("SELECT status FROM messages WHERE id = ?", [rowid])
    return str(row["status"])


def test_a_host_that_lost_its_claim_cannot_fail_the_new_claimers_message(
        hosts: tuple[Store, Store], person_sql: PersonSql) -> None:
    """The cut-off host's late failure of a message (its budget ran out, say) leaves the new
    claimer's claim alone: the message stays processing and the new claimer's outcome is
    applied."""
    here, there = hosts
    (first,) = there.claim(1)
    person_sql("UPDATE messages SET lease_until = ?", PAST)  # 'there' was cut off
    (again,) = here.claim(1)
    assert again.id == first.id
    there.fail(first.id, "message_seconds ran out", max_attempts=1)
    assert status(here, first.id) == "processing"
    here.finish(again.id, Outcome("inbound", user_email=USER))
    assert status(here, first.id) == "processed"


def test_a_zero_busy_timeout_gives_up_at_once_on_postgresql(postgres_store_url: str) -> None:
    """busy_timeout_ms=0 (an [intake] busy_timeout under a millisecond) gives up on a held write
    lock at once, as SQLite's does: PostgreSQL's lock_timeout 0 meant waiting without end."""
    from mailhook.store.locks import is_locked
    from mailhook.store.postgres import WRITE_LOCK

    store = Store(postgres_store_url, busy_timeout_ms=0)
    outcome: list[BaseException | None] = []

    def write() -> None:
        try:
            store.add_user(USER, None, inbox_automation=True)
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - handed to the test's thread
            outcome.append(exc)

    with psycopg.connect(postgres_store_url, autocommit=True) as holder:
        holder.execute("SELECT pg_advisory_lock(%s)", (WRITE_LOCK,))
        writer = threading.Thread(target=write)
        writer.start()
        writer.join(GUARD_SECONDS)  # a guard against the hang, not a measurement
        waited_for_ever = writer.is_alive()
        holder.execute("SELECT pg_advisory_unlock(%s)", (WRITE_LOCK,))
    writer.join()
    store.close()
    assert not waited_for_ever and outcome and outcome[0] is not None and is_locked(outcome[0])
