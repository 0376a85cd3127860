"""An idle worker on PostgreSQL sleeps until something is due (worker.idle): a finish that frees
a contact's later mail wakes it at once, a failure wakes it to wait for its retry, and a retry is
claimed at its time; each with a safety timeout of an hour, which the test never waits out."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from mails import USER, lmtp_copy

from mailhook.store import Outcome, Store
from mailhook.worker.idle import idle

ONE, TWO = "one@them.example", "two@them.example"
HOUR = 3600.0  # the idle wait's safety timeout here: a wake-up that does not come fails the test
DEADLINE_SECONDS = 60.0
WAITS = 20  # idle waits a waiting worker may take before it must have claimed


@pytest.fixture
def stores(url: str) -> Iterator[Callable[[], Store]]:
    opened: list[Store] = []

    def open_store() -> Store:
        opened.append(Store(url))
        return opened[-1]

    yield open_store
    for store in opened:
        store.close()


def waiting_worker(store: Store) -> tuple[threading.Thread, list[Any]]:
    """A worker's loop in a thread on its own connection: idle, then claim, until it claims
    something (at most WAITS waits); what it claimed, and after how many waits, are reported."""
    got: list[Any] = []

    def loop() -> None:
        for waits in range(1, WAITS + 1):
            idle(store, threading.Event(), HOUR)
            store.wait_for_mail(0)  # as Worker.run_once does before its claim
            claimed = store.claim(1)
            if claimed:
                got.append(([item.id for item in claimed], waits))
                return

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    return thread, got


def test_a_finish_that_frees_a_contacts_mail_wakes_an_idle_worker(
        stores: Callable[[], Store]) -> None:
    """Worker a holds contact one's first message; the worker waiting beside it finds the
    second held back, idles, and is woken by a's finish: it claims the second, after one wait.
    It used to sleep until its timeout, as nobody announced the finish."""
    holder, waiter = stores(), stores()
    holder.insert_received([lmtp_copy(1, ONE), lmtp_copy(2, ONE)])
    waiter.listen_for_mail()
    assert [item.id for item in holder.claim(1)] == [1]
    assert waiter.claim(1) == []
    waiter.wait_for_mail(0)  # what was told before (the intake): seen by that claim
    thread, got = waiting_worker(waiter)
    holder.finish(1, Outcome("inbound", user_email=USER, contact_email=ONE))
    thread.join(DEADLINE_SECONDS)
    assert got == [([2], 1)]


def test_a_finish_that_frees_nothing_tells_nobody(stores: Callable[[], Store]) -> None:
    """A finish whose contact has no mail waiting sends no NOTIFY (idle workers stay asleep);
    one that frees mail does."""
    holder, listener = stores(), stores()
    holder.insert_received([lmtp_copy(1, ONE), lmtp_copy(2, TWO), lmtp_copy(3, TWO)])
    listener.listen_for_mail()
    assert [item.id for item in holder.claim(2)] == [1, 2]
    listener.wait_for_mail(0)
    holder.finish(1, Outcome("inbound", user_email=USER, contact_email=ONE))
    assert not listener.wait_for_mail(0)
    holder.finish(2, Outcome("inbound", user_email=USER, contact_email=TWO))
    assert listener.wait_for_mail(DEADLINE_SECONDS)


def test_a_retry_is_claimed_at_its_time(stores: Callable[[], Store]) -> None:
    """A message failed for a retry in a second: the idle worker, told of the failure, waits
    until the retry is due, not its hour, and claims it then (a claim before its time takes
    nothing: the worker would wait again)."""
    worker = stores()
    worker.insert_received([lmtp_copy(1, ONE)])
    worker.listen_for_mail()
    assert [item.id for item in worker.claim(1)] == [1]
    assert worker.fail(1, "the DNS is down", 5, retry_delay=1.0) == "pending"
    assert worker.claim(1) == []
    thread, got = waiting_worker(worker)
    thread.join(DEADLINE_SECONDS)
    assert [ids for ids, _ in got] == [[1]]
    assert worker.query("SELECT attempts FROM messages WHERE id = 1") == [{"attempts": 2}]


def test_a_failure_elsewhere_wakes_an_idle_worker_to_wait_for_its_retry(
        stores: Callable[[], Store]) -> None:
    """A worker idles with nothing due while another fails its message for a retry: the failure
    wakes it, it waits for the retry's time and claims it there."""
    holder, waiter = stores(), stores()
    holder.insert_received([lmtp_copy(1, ONE)])
    waiter.listen_for_mail()
    assert [item.id for item in holder.claim(1)] == [1]
    waiter.wait_for_mail(0)
    thread, got = waiting_worker(waiter)
    assert holder.fail(1, "the DNS is down", 5, retry_delay=1.0) == "pending"
    thread.join(DEADLINE_SECONDS)
    assert [ids for ids, _ in got] == [[1]]
