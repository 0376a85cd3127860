"""The worker process under supervision: results reach the service, a dead worker is restarted,
and a message that kills the worker is parked instead of killing every restart."""

from __future__ import annotations

import dataclasses
import os
import queue
import signal
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection

import pytest
from mails import CONTACT, USER, reply

from mailhook.config import Config
from mailhook.metrics import Metrics
from mailhook.store import Received, Store
from mailhook.worker_process import Inbox, Supervisor, die_with

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
