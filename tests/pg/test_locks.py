"""On PostgreSQL: the workers and replay locks as session advisory locks held by real processes,
and a worker's idle wait woken by NOTIFY from another connection."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from mails import USER, deliver, reply, worker_config

from mailhook.config import DatabaseConfig
from mailhook.store import Store
from mailhook.worker import exclusive, leases
from mailhook.worker.idle import idle
from mailhook.worker.replay import ReplayError
from mailhook.worker.replay import exclusive as replay_exclusive
from pg.cluster import PASSWORD, Cluster, fresh_database

DEADLINE_SECONDS = 60.0
HOLD = """
import sys
from mailhook.worker import exclusive, leases
with exclusive.processing(sys.argv[1], "mailhook worker"):
    print("held", flush=True)
    sys.stdin.read()
"""


@pytest.fixture
def url(postgres_cluster: Cluster) -> Iterator[str]:
    with fresh_database(postgres_cluster) as made:
        Store(made).close()
        yield made


def hold(url: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", HOLD, url], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline() == "held\n"
    return proc


def test_the_workers_lock_names_its_holder_and_dies_with_it(url: str) -> None:
    """While another process holds the workers lock of the database it is named (pid and
    host) and a second holder is refused without the password; killed with -9, its connection
    ends and the lock is free for the next one."""
    proc = hold(url)
    try:
        assert (exclusive.holder(url) or "").startswith(f"mailhook worker (pid {proc.pid} on ")
        with pytest.raises(exclusive.ProcessingTaken, match="--no-worker") as refused, \
                exclusive.processing(url, "mailhook serve"):
            pass
        assert PASSWORD not in str(refused.value) and "mailhook:***@" in str(refused.value)
    finally:
        proc.kill()
        proc.wait()
    deadline = time.monotonic() + DEADLINE_SECONDS  # the server notices the lost connection
    while exclusive.holder(url) is not None and time.monotonic() < deadline:
        time.sleep(0.05)
    with exclusive.processing(url, "mailhook process"):
        assert (exclusive.holder(url) or "").startswith("mailhook process (pid ")
    assert exclusive.holder(url) is None


def test_one_replay_per_database(url: str) -> None:
    """A second replay into the same database is refused while the first holds its lock; the
    replay lock is not the workers lock."""
    with replay_exclusive(url):
        with pytest.raises(ReplayError, match="another `mailhook replay` is running"), \
                replay_exclusive(url):
            pass
        with exclusive.processing(url, "mailhook worker"):
            pass
    with replay_exclusive(url):
        pass


def test_an_idle_worker_wakes_on_mail_stored_by_another_connection(url: str) -> None:
    """A worker with nothing to do waits on the database's NOTIFY: mail stored by another
    process (a listener on another host) ends its wait, which would otherwise last an hour,
    without its own wake flag."""
    worker_store, listener_store = Store(url), Store(url)
    try:
        worker_store.listen_for_mail()
        worker_store.add_user(USER, None, inbox_automation=True)
        woken = threading.Event()

        def wait() -> None:
            idle(worker_store, threading.Event(), 3600.0)
            woken.set()

        waiting = threading.Thread(target=wait, daemon=True)
        waiting.start()
        deliver(listener_store, reply())
        waiting.join(DEADLINE_SECONDS)
        assert woken.is_set()
    finally:
        worker_store.close()
        listener_store.close()



def test_a_connection_the_server_ended_is_opened_again(url: str) -> None:
    """A server restart or failover ends every connection: the statement that meets the ended
    one fails (as a temporary error), the next opens a new connection, listening again, so the
    listeners' and the page's long-lived stores recover without a restart of mailhook."""
    store, other = Store(url), Store(url)
    try:
        store.listen_for_mail()
        pid = store.query("SELECT pg_backend_pid() AS pid")[0]["pid"]
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        with pytest.raises(psycopg.OperationalError):
            store.counts()
        assert store.counts()["received"] == 0
        assert store.query("SELECT pg_backend_pid() AS pid")[0]["pid"] != pid
        store.add_user(USER, None, inbox_automation=True)  # a write transaction on the new one
        deliver(other, reply())
        assert store.wait_for_mail(DEADLINE_SECONDS)  # LISTEN was issued again
    finally:
        store.close()
        other.close()


class _Once(threading.Event):
    """A stop flag that lets one round of a loop through, then says stop."""

    def __init__(self) -> None:
        super().__init__()
        self.rounds = 0

    def wait(self, timeout: float | None = None) -> bool:
        self.rounds += 1
        return self.rounds > 1


def test_the_worker_renews_the_leases_of_its_claims(url: str, tmp_path: Path) -> None:
    """While a worker reads, its lease keeper renews its claims on a connection of its own, so
    a claim whose lease was about to run out is not taken back by another host."""
    config = dataclasses.replace(worker_config(tmp_path), database=DatabaseConfig(url=url))
    store, other = Store(url), Store(url, host="elsewhere")
    try:
        store.add_user(USER, None, inbox_automation=True)
        deliver(store, reply())
        (claimed,) = store.claim(1)
        with psycopg.connect(url, autocommit=True) as person:
            person.execute("UPDATE messages SET lease_until = '2000-01-01T00:00:00.000Z'")
        leases.renewing(config, _Once(), 0.0)
        assert other.claim(1) == []  # renewed: still this worker's
        (row,) = store.query("SELECT status, claimed_host FROM messages WHERE id = ?", [claimed.id])
        assert row == {"status": "processing", "claimed_host": store.host}
    finally:
        store.close()
        other.close()
