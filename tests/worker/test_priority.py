"""Intake first (worker.priority): while the listeners store a burst, the workers step back
before each group, for a bounded time; steady mail never makes them wait."""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Iterator
from multiprocessing.connection import Connection
from pathlib import Path

import pytest
from mails import CONTACT, USER, deliver, reply, worker_config

from mailhook.config import Config
from mailhook.store import Store
from mailhook.worker import priority
from mailhook.worker.children import BUSY, WAKE, Inbox, die_with
from mailhook.worker.priority import (
    BUSY_MESSAGES,
    BUSY_WINDOW_SECONDS,
    STEP_BACK_SECONDS,
    IntakeRate,
    step_back,
)
from mailhook.worker.processing import Worker
from mailhook.worker.supervisor import Supervisor

WAIT = 60.0


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_burst_makes_the_listeners_busy_and_steady_mail_does_not() -> None:
    clock = Clock()
    rate = IntakeRate(clock)
    # Steady mail: one message a commit, ten commits a second, for a minute.
    for _ in range(600):
        assert not rate.stored(1)
        clock.now += 0.1
    clock.now += BUSY_WINDOW_SECONDS + 0.01
    # A burst: group commits of eight, every 5 ms.
    busy = []
    for _ in range(10):
        busy.append(rate.stored(8))
        clock.now += 0.005
    assert busy[: BUSY_MESSAGES // 8] == [False] * (BUSY_MESSAGES // 8) and busy[-1]
    # Once the window has passed without mail, it is over.
    clock.now += BUSY_WINDOW_SECONDS + 0.01
    assert not rate.stored(1)


def test_a_worker_steps_back_at_most_a_bounded_time() -> None:
    clock = Clock()
    pauses: list[float] = []

    def pause(seconds: float) -> bool:
        pauses.append(seconds)
        clock.now += min(seconds, 0.02)  # woken early by the next commit's signal, as in a burst
        return False

    assert step_back(lambda: True, pause, clock) == pytest.approx(STEP_BACK_SECONDS)
    assert len(pauses) == int(STEP_BACK_SECONDS / 0.02) + 1
    assert step_back(lambda: False, pause, clock) == 0.0  # not busy: no wait at all


def test_a_stop_ends_the_step_back_at_once() -> None:
    clock = Clock()
    assert step_back(lambda: True, lambda seconds: True, clock) == 0.0


def test_the_inbox_remembers_when_the_service_said_busy() -> None:
    reader, writer = os.pipe()
    try:
        with Connection(reader) as conn:
            inbox = Inbox(conn)
            os.write(writer, WAKE)
            assert not inbox.intake_busy(priority.BUSY_HOLD_SECONDS)
            assert inbox.wake.is_set()
            os.write(writer, WAKE + BUSY)
            assert inbox.intake_busy(priority.BUSY_HOLD_SECONDS)
            assert not inbox.intake_busy(0.0)  # believed only for as long as asked
            assert not inbox.stop.is_set()
    finally:
        os.close(writer)


def busy_reporting_worker(config: Config, reader: Connection, reports: Connection, parent: int,
                          level: int) -> None:
    """A worker process that tells, each time it is woken, whether it was told to step back."""
    die_with(parent)
    inbox = Inbox(reader)
    while not inbox.stop.is_set():
        if inbox.wake.wait(WAIT) and not inbox.stop.is_set():
            inbox.wake.clear()  # before the report: the test's next signal comes after it
            reports.send((f"busy={inbox.intake_busy(WAIT)}", 0.0))


@pytest.fixture
def told(config: Config) -> Iterator[tuple[Supervisor, queue.Queue[str]]]:
    reports: queue.Queue[str] = queue.Queue()
    supervisor = Supervisor(config, target=busy_reporting_worker,
                            on_report=lambda status, _seconds: reports.put(status))
    supervisor.start()
    try:
        yield supervisor, reports
    finally:
        supervisor.stop(grace=10)


def test_the_service_tells_its_workers_to_step_back_only_in_a_burst(
        told: tuple[Supervisor, queue.Queue[str]]) -> None:
    supervisor, reports = told
    children = len(supervisor.pids)
    supervisor.stored(1)
    assert [reports.get(timeout=WAIT) for _ in range(children)] == ["busy=False"] * children
    supervisor.stored(BUSY_MESSAGES)
    assert [reports.get(timeout=WAIT) for _ in range(children)] == ["busy=True"] * children


def test_a_worker_in_a_flood_still_reads_its_backlog_one_message_at_a_time(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the listeners busy for good, a worker claims one message after each step back (so a
    group never runs long beside them) and still processes everything, in order."""
    config = worker_config(tmp_path)
    store = Store(config.database.target)
    store.add_user(USER, "Ann Lee", inbox_automation=True)
    store.add_contact(CONTACT, {}, "import")
    for n in range(3):
        deliver(store, reply(message_id=f"<flood{n}@acme.example>"))
    limits: list[int] = []
    claim = Store.claim

    def recorded(self: Store, limit: int, **kwargs: bool) -> list:  # the real claim, its limit noted
        limits.append(limit)
        return claim(self, limit, **kwargs)

    monkeypatch.setattr(Store, "claim", recorded)
    stop, wake = threading.Event(), threading.Event()
    done: list[int] = []

    def processed(rowid: int, status: str, _seconds: float) -> None:
        done.append(rowid)
        if len(done) == 3:
            stop.set()

    runner = threading.Thread(target=Worker(config, on_processed=processed).run,
                              args=(stop, wake), kwargs={"intake_busy": lambda: True})
    runner.start()
    runner.join(WAIT)
    stop.set()
    runner.join(WAIT)
    assert not runner.is_alive()
    assert sorted(done) == done and len(done) == 3
    assert set(limits[:3]) == {1}
    store.close()
