"""A service manager's stop sends SIGTERM to the whole process group: the workers leave it to
the service, and a worker it reached before it could do so is no death to charge or restart."""

from __future__ import annotations

import fcntl
import logging
import os
import queue
import signal
import threading
from multiprocessing.connection import Connection

import pytest
from mails import CONTACT, USER, reply

from mailhook.config import Config
from mailhook.store import Received, Store
from mailhook.worker.supervisor import Supervisor

WAIT = 60.0


def store_reply(config: Config, message_id: str) -> None:
    store = Store(config.database.path)
    if not store.users():
        store.add_user(USER, None, inbox_automation=True)
    store.insert_received([Received(reply(message_id), message_id, USER, "lmtp", CONTACT, (USER,),
                                    None)])
    store.close()


def supervised(config: Config, target: object = None) -> tuple[Supervisor, queue.Queue[object]]:
    told: queue.Queue[object] = queue.Queue()
    supervisor = Supervisor(config, target=target,  # type: ignore[arg-type]
                            on_restart=lambda ids: told.put(("restart", ids)),
                            on_report=lambda status, _seconds: told.put(("report", status)))
    supervisor.start()
    return supervisor, told


def test_a_running_worker_ignores_a_sigterm_meant_for_the_service(config: Config) -> None:
    """SIGTERM to a worker that is up (it has processed a message): it stays, the same process
    processes the next message, and nothing is restarted."""
    store_reply(config, "<m1@acme.example>")
    supervisor, told = supervised(config)
    try:
        supervisor.wake()
        assert told.get(timeout=WAIT) == ("report", "processed")
        pid = supervisor.pid
        assert pid is not None
        os.kill(pid, signal.SIGTERM)
        store_reply(config, "<m2@acme.example>")
        supervisor.wake()
        assert told.get(timeout=WAIT) == ("report", "processed")
        assert supervisor.pid == pid
    finally:
        supervisor.stop(grace=10)
    assert told.empty()


def ended_by_sigterm(config: Config, reader: Connection, reports: Connection, parent: int,
                     level: int) -> None:
    """A worker ended by the group's SIGTERM. A starting one has it blocked until it ignores
    it (children.stops_held), so this one lets it through itself."""
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
    os.kill(os.getpid(), signal.SIGTERM)


def test_a_worker_ended_by_the_stops_sigterm_is_neither_charged_nor_restarted(
    config: Config, caplog: pytest.LogCaptureFixture
) -> None:
    """The same SIGTERM that ends a starting worker stops the service a moment later: the
    supervisor logs no worker death, charges nothing and starts no new worker."""
    store_reply(config, "<m1@acme.example>")
    supervisor, told = supervised(config, target=ended_by_sigterm)
    (child,) = supervisor._children
    assert child is not None
    child.process.join(WAIT)  # ended, and the supervisor's watch sees it
    supervisor.begin_stop()  # what serve does on the SIGTERM that reached it too
    supervisor.stop(grace=10)
    assert told.empty()
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text
    store = Store(config.database.path)
    assert store._rows("SELECT status, attempts FROM messages") == [
        {"status": "pending", "attempts": 0}]
    store.close()


def finishes_after_the_stop(config: Config, reader: Connection, reports: Connection, parent: int,
                            level: int) -> None:
    """The first one dies, so that the supervisor's watch thread starts the next. That one says
    it is up, and once told to stop finishes "its message": it waits for the test to let go
    of a lock on a file, then ends normally."""
    from mailhook.worker.children import Inbox, settle

    settle(config, parent, level)
    first = config.database.path.with_name("first-died")
    if not first.exists():
        first.touch()
        os._exit(70)
    reports.send(("up", 0.0))
    Inbox(reader).stop.wait(WAIT)
    with config.database.path.with_name("message").open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)


def test_a_restarted_worker_finishes_its_message_at_the_stop(config: Config) -> None:
    """A worker the watch thread restarted is asked to finish at the stop, and does: it was
    killed (SIGKILL) as soon as the watch ended, since a child's death signal (PR_SET_PDEATHSIG)
    comes when the thread that started it ends, not its process."""
    message = config.database.path.with_name("message")
    with message.open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # the restarted worker's message lasts until we let go
        supervisor, told = supervised(config, target=finishes_after_the_stop)
        assert told.get(timeout=WAIT) == ("restart", [])
        assert told.get(timeout=WAIT) == ("report", "up")
        (child,) = supervisor._children
        assert child is not None
        stopping = threading.Thread(target=supervisor.stop, args=(WAIT,))
        stopping.start()
        supervisor._watch.join(WAIT)  # the watch ended; the worker is still at its message
        assert not supervisor._watch.is_alive()
    stopping.join(WAIT)
    assert child.process.exitcode == 0
