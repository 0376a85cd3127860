"""The worker process under supervision: results reach the service, a dead worker is restarted,
and a message that kills the worker is parked instead of killing every restart."""

from __future__ import annotations

import dataclasses
import os
import queue
import signal
import smtplib
import sqlite3
import time
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from typing import Any

import pytest
from mails import CONTACT, USER, reply

from mailhook.config import Config
from mailhook.store import Received, Store
from mailhook.worker.metrics import Metrics
from mailhook.worker.supervisor import Inbox, Supervisor, die_with

WAIT = 60.0


def crashing_worker(config: Config, reader: Connection, reports: Connection, parent: int,
                    level: int) -> None:
    """A worker process that dies in the middle of every message it claims, as one does when a
    native library crashes on that message."""
    die_with(parent)
    store = Store(config.database.path)
    if store.claim(1):
        os._exit(70)
    Inbox(reader).stop.wait(WAIT)


@pytest.fixture
def supervised(config: Config) -> Iterator[Callable[..., tuple[Supervisor, queue.Queue[object]]]]:
    """`supervised(config, target=None)`: a started Supervisor and a queue of what it tells:
    ("restart", charged ids) and ("report", status)."""
    started: list[Supervisor] = []

    def start(config: Config = config, target: object = None) -> tuple[Supervisor, queue.Queue[object]]:
        told: queue.Queue[object] = queue.Queue()
        supervisor = Supervisor(
            config, metrics=Metrics(config.database.path), target=target,  # type: ignore[arg-type]
            on_restart=lambda ids: told.put(("restart", ids)),
            on_report=lambda status, _seconds: told.put(("report", status)),
        )
        supervisor.start()
        started.append(supervisor)
        return supervisor, told

    yield start
    for supervisor in started:
        supervisor.stop(grace=10)


def store_reply(config: Config, message_id: str) -> Store:
    store = Store(config.database.path)
    if not store.users():
        store.add_user(USER, None, inbox_automation=True)
    store.insert_received([Received(reply(message_id), message_id, USER, "lmtp", CONTACT, (USER,),
                                    None)])
    return store


def test_a_message_that_kills_the_worker_is_parked(config: Config, supervised) -> None:  # type: ignore[no-untyped-def]
    """Each death charges the message being processed one attempt; after max_attempts it is
    parked as failed with the reason, and the restarted worker goes on."""
    config = dataclasses.replace(
        config, worker=dataclasses.replace(config.worker, max_attempts=2, retry_delay=0.0))
    store = store_reply(config, "<poison@acme.example>")
    _, told = supervised(config, target=crashing_worker)
    assert told.get(timeout=WAIT) == ("restart", [1])
    assert told.get(timeout=WAIT) == ("restart", [1])
    [failed] = store.failed_messages()
    assert failed["attempts"] == 2
    assert failed["last_error"] == "the worker process died (exit code 70) while processing it"


def test_results_reach_the_service_and_a_killed_worker_is_restarted(
    config: Config, supervised  # type: ignore[no-untyped-def]
) -> None:
    """The worker's per-message results arrive in the service's metrics; a worker killed while
    idle (waiting for a wake) is started again, nothing charged, and waking it never blocks."""
    store = store_reply(config, "<m1@acme.example>")
    supervisor, told = supervised(config)
    supervisor.wake()
    assert told.get(timeout=WAIT) == ("report", "processed")
    assert supervisor.metrics is not None
    registry = supervisor.metrics.registry
    assert registry.get_sample_value("mailhook_messages_processing_total", {"result": "processed"}) == 1
    assert registry.get_sample_value("mailhook_processing_seconds_count") == 1
    assert supervisor.pid is not None
    os.kill(supervisor.pid, signal.SIGKILL)
    assert told.get(timeout=WAIT) == ("restart", [])
    assert registry.get_sample_value("mailhook_worker_restarts_total") == 1
    store_reply(config, "<m2@acme.example>")
    supervisor.wake()
    assert told.get(timeout=WAIT) == ("report", "processed")
    assert store.counts()["processed"] == 2


Supervised = Callable[..., tuple[Supervisor, queue.Queue[object]]]


def dying_when_woken(config: Config, reader: Connection, reports: Connection, parent: int,
                     level: int) -> None:
    """A worker process that claims a message, then dies when woken (or stopped): the test takes
    a lock in between."""
    die_with(parent)
    Store(config.database.path).claim(1)
    Inbox(reader).wake.wait(WAIT)
    os._exit(70)


def wait_for(predicate: Callable[[], bool], what: str) -> None:
    """Poll `predicate` until it holds; fail, naming `what`, at the deadline."""
    deadline = time.monotonic() + WAIT
    while not predicate():
        if time.monotonic() > deadline:
            pytest.fail(f"never saw {what}")
        time.sleep(0.05)


def short_busy_timeout(config: Config) -> Config:
    return dataclasses.replace(config, intake=dataclasses.replace(config.intake, busy_timeout=0.1))


def test_the_supervisor_waits_out_a_lock_held_longer_than_the_busy_timeout(
    config: Config, supervised: Supervised, caplog: pytest.LogCaptureFixture
) -> None:
    """A worker dies while another connection holds the write lock (a long sqlite-utils
    transaction, a VACUUM, a backup) beyond [intake] busy_timeout: charging its message fails,
    is logged and tried again with backoff; once the lock is released the message is charged and
    the worker restarted, the service never left without a worker."""
    config = short_busy_timeout(config)
    store = store_reply(config, "<locked@acme.example>")
    supervisor, told = supervised(config, target=dying_when_woken)
    wait_for(lambda: store.counts()["pending"] == 1 and bool(store.processing_ids()),
             "the worker claiming the message")
    locker = sqlite3.connect(config.database.path, isolation_level=None)
    try:
        locker.execute("BEGIN EXCLUSIVE")
        supervisor.wake()
        wait_for(lambda: any(r.name == "mailhook.worker.supervisor" and "database is locked" in
                             r.getMessage() for r in caplog.records), "the lock logged")
    finally:
        locker.execute("COMMIT")
        locker.close()
    assert told.get(timeout=WAIT) == ("restart", [1])
    row = store._rows("SELECT status, attempts, last_error FROM messages")[0]
    assert row == {"status": "pending", "attempts": 1,
                   "last_error": "the worker process died (exit code 70) while processing it"}


def test_the_supervisor_outlives_a_database_that_is_unusable_for_a_while(
    config: Config, supervised: Supervised, caplog: pytest.LogCaptureFixture
) -> None:
    """Any database error in the watch (here the file is, for a while, not SQLite at all) is
    logged and tried again; once the file is usable the workers start, and the message of one
    that died is charged and a new worker started."""
    path = config.database.path
    ready = path.with_name("ready.db")
    store = store_reply(dataclasses.replace(config, database=dataclasses.replace(
        config.database, path=ready)), "<m1@acme.example>")
    store.close()
    path.write_bytes(b"not a database" * 100)
    _, told = supervised(config, target=crashing_worker)
    wait_for(lambda: any(r.name == "mailhook.worker.supervisor" and "not an SQLite database" in
                         r.getMessage() for r in caplog.records), "the unusable file logged")
    os.replace(ready, path)
    assert told.get(timeout=WAIT) == ("restart", [1])
    charged = Store(path)
    assert charged._rows("SELECT status, attempts FROM messages") == [
        {"status": "pending", "attempts": 1}]
    charged.close()


def test_a_lock_held_longer_than_the_busy_timeout_never_stops_processing(
    config_factory: Callable[..., Config], running_service: Callable[..., Any],
    users: Callable[..., Any], capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture,
) -> None:
    """The running service's worker, locked out longer than [intake] busy_timeout, logs that it
    waits and tries again instead of dying; once the lock is released, mail delivered to the
    same service is processed, without a restart."""
    config = short_busy_timeout(config_factory())
    users(USER, inbox_automation=True)
    hook = running_service(config)
    err: list[str] = []
    locker = sqlite3.connect(config.database.path, isolation_level=None)
    try:
        locker.execute("BEGIN EXCLUSIVE")

        def worker_waits() -> bool:
            err.append(capfd.readouterr().err)
            # Starting, or claiming: either way the worker waits instead of dying.
            return "the database is locked by another connection" in "".join(err)

        wait_for(worker_waits, "the worker waiting for the lock")
    finally:
        locker.execute("COMMIT")
        locker.close()
    with smtplib.LMTP(*hook.lmtp) as client:
        client.sendmail(CONTACT, [USER], reply("<after-lock@acme.example>"))
    store = Store(config.database.path)
    wait_for(lambda: store.counts()["processed"] == 1, "the message processed")
    assert "Traceback" not in "".join(err) + capfd.readouterr().err
    assert not [r for r in caplog.records if "worker process died" in r.getMessage()]
