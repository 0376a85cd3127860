"""The workers in processes of their own, supervised: their CPU-bound reading never holds the
listeners' GIL, their per-message results reach the service's metrics, and one that dies is restarted."""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection, wait

from mailhook.config import Config
from mailhook.errors import MailhookError
from mailhook.store import Store, burst
from mailhook.store.locks import is_locked, patiently
from mailhook.worker import leases
from mailhook.worker.children import BUSY, STOP, WAKE, Child, Inbox, Target, charge, die_with, settle, spawn
from mailhook.worker.metrics import Metrics
from mailhook.worker.priority import BUSY_HOLD_SECONDS, IntakeRate
from mailhook.worker.processing import Worker

__all__ = ["Inbox", "Supervisor", "die_with"]

log = logging.getLogger(__name__)

REPORT_WAIT_SECONDS = 0.5  # how often the watch looks at the processes between reports
MAX_RESTART_DELAY = 60.0
# How long a worker ended by SIGTERM waits to be judged: a service manager's stop sends it to
# the whole group, and the service needs a moment to see that the same signal stops it too.
STOP_NOTICE_SECONDS = 2.0


class Supervisor:
    """Runs [worker] processes worker processes and watches them from a thread of the service.

    Each claims messages itself (store.claims: never one twice, each contact's mail in order).
    A worker that dies while the service runs (a crash in a native library, the OOM killer) is
    restarted; the messages it had claimed are charged the attempt their claim counted, so a
    message that kills the process is parked as failed after [worker] max_attempts instead of
    killing every restart. A kill -9 of the whole hook charges nothing: the next start re-queues,
    once, before any worker starts (a worker never re-queues another's claims).
    """

    def __init__(
        self, config: Config, *, metrics: Metrics | None = None, target: Target | None = None,
        on_restart: Callable[[list[int]], None] | None = None,
        on_report: Callable[[str, float], None] | None = None,
    ) -> None:
        self.config, self.metrics = config, metrics
        self._target = target or _main
        # Seams for tests and embedders: the charged message ids of each restart, and each
        # message's (status, seconds) once it reached the service.
        self._on_restart, self._on_report = on_restart, on_report
        self._intake = IntakeRate()
        self._stopping = threading.Event()
        self._started = False  # re-queued and the workers spawned
        self._children: list[Child | None] = [None] * config.worker.process_count
        self._watch = threading.Thread(target=self._watching, name="mailhook-worker-watch",
                                       daemon=True)

    def start(self) -> None:
        """Re-queue what a killed hook left claimed, then start the workers. A database locked
        or unusable now is left to the watch, which waits it out: start never blocks for long."""
        try:
            self._requeue(patient=False)
            self._children = [self._spawn() for _ in self._children]
            self._started = True
        except Exception:  # noqa: BLE001 - the watch tries again, logging why
            self._started = False
        self._watch.start()

    def wake(self) -> None:
        """New mail is stored: never blocks, whatever state the workers are in."""
        self._signal(WAKE)

    def stored(self, count: int) -> None:
        """The intake committed `count` new messages (from its one courier thread): wake the
        workers, and while the listeners store a burst, tell them to step back (worker.priority)."""
        self._signal(WAKE + BUSY if self._intake.stored(count) else WAKE)

    def _signal(self, what: bytes) -> None:
        for child in list(self._children):
            if child is not None:
                child.signal(what)

    @property
    def pids(self) -> list[int | None]:
        return [child.process.pid if child else None for child in self._children]

    @property
    def pid(self) -> int | None:
        return self.pids[0]

    def begin_stop(self) -> None:
        """The service is stopping: a worker that ends from now on is neither charged nor
        restarted (what it held is re-queued at the next start). `stop` ends them."""
        self._stopping.set()

    def stop(self, grace: float) -> None:
        """Ask the workers to finish their message and stop; kill them after `grace` seconds
        (their messages are rolled back and re-queued at the next start)."""
        self._stopping.set()
        for child in self._children:
            if child is not None:
                child.signal(STOP)
        if self._watch.is_alive():
            self._watch.join(grace + 2 * REPORT_WAIT_SECONDS)
        for child in self._children:
            if child is None:
                continue
            child.process.join(grace)
            if child.process.is_alive():
                child.process.kill()
                child.process.join()
                log.warning("worker still busy; its message is re-queued at the next start")
            child.close()

    def _requeue(self, *, patient: bool = True) -> None:
        """Once, before any worker starts: a worker never takes back another's claims."""
        busy_ms = int(self.config.intake.busy_timeout * 1000)
        patience = {} if patient else {"patience": 0.0}
        store = patiently(lambda: Store.configured(self.config.database, busy_timeout_ms=busy_ms),
                          "opening the database", pause=self._stopping.wait, **patience)
        try:
            requeued = patiently(store.requeue_interrupted, "re-queueing interrupted messages",
                                 pause=self._stopping.wait, **patience)
        finally:
            store.close()
        if requeued:
            log.info("re-queued %d message(s) interrupted by a stop", requeued)

    def _watching(self) -> None:
        restarts = troubles = 0
        while not self._stopping.is_set():
            try:
                if not self._started:
                    self._requeue()
                    self._children = [self._spawn() for _ in self._children]
                    self._started = True
                restarts = self._look(restarts)
                troubles = 0
            except Exception as exc:  # noqa: BLE001 - a dead watch would never restart a worker
                # A database locked (VACUUM, a backup) or unusable for a while: keep trying.
                troubles += 1
                delay = _backoff(troubles)
                expected = is_locked(exc) or isinstance(exc, MailhookError)  # no traceback
                log.error("cannot look after the worker processes (%s: %s); trying again in "
                          "%.1f s", type(exc).__name__, exc, delay, exc_info=not expected)
                if self._stopping.wait(delay):
                    break
        self._relay(wait_s=0)

    def _spawn(self) -> Child:
        return spawn(self.config, self._target, "mailhook-worker")

    def _look(self, restarts: int) -> int:
        """Relay the workers' reports; for each that died, charge its messages, back off and
        start a new one in its place (only once the charge is recorded). Returns the number of
        restarts so far."""
        self._relay()
        for slot, child in enumerate(self._children):
            assert child is not None
            if child.process.is_alive() or self._stopping.is_set():
                continue
            if child.process.exitcode == -signal.SIGTERM and self._stopping.wait(
                    STOP_NOTICE_SECONDS):
                break  # a stop of the whole hook reached a worker still starting: no death
            charged = [rowid for rowid, _ in charge(self.config, child.process.pid or 0,
                                                     child.process.exitcode)]
            restarts += 1
            if self.metrics is not None:
                self.metrics.worker_restarts.inc()
            # Repeated deaths back off, so a broken install does not spin.
            if self._stopping.wait(_backoff(restarts)):
                break
            child.close()
            self._children[slot] = self._spawn()
            if self._on_restart is not None:
                self._on_restart(charged)
        return restarts

    def _relay(self, wait_s: float = REPORT_WAIT_SECONDS) -> None:
        """Per-message results the workers reported, into the service's metrics. Returns at
        once when a worker is gone (its end of the pipe closed); the watch then sees it dead."""
        ends: dict[Connection, Child] = {c.reports: c for c in self._children if c is not None}
        if not ends:
            return
        for ready in wait(list(ends), wait_s):
            child = ends[ready]  # type: ignore[index]
            try:
                while child.reports.poll():
                    status, seconds = child.reports.recv()
                    if self.metrics is not None:
                        self.metrics.outcomes.labels(status).inc()
                        self.metrics.processing_seconds.observe(seconds)
                    if self._on_report is not None:
                        self._on_report(status, seconds)
            except (EOFError, OSError, ValueError):
                child.process.join(wait_s)  # gone: give it a moment to be reaped, no busy loop


def _backoff(tries: int) -> float:
    """Seconds to wait before the next restart or try: 0.5, 1, 2, ... up to a minute."""
    return min(MAX_RESTART_DELAY, 0.5 * 2 ** min(tries - 1, 7))


def _main(config: Config, reader: Connection, reports: Connection, parent: int, level: int) -> None:
    settle(config, parent, level)
    # A service manager's SIGTERM to the whole group is the service's to act on: it stops each
    # worker over its pipe once the message in hand is done (and a worker dies with it anyway).
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    inbox = Inbox(reader, burst.listener(config.database.url))
    worker = Worker(config, on_processed=lambda _id, status, seconds: reports.send((status, seconds)))
    with leases.kept(config):
        worker.run(inbox.stop, inbox.wake, requeue=False,
                   intake_busy=lambda: inbox.intake_busy(BUSY_HOLD_SECONDS))
