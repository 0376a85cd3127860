"""The worker in a process of its own, supervised: its CPU-bound reading never holds the listeners'
GIL, its per-message results reach the service's metrics, and when it dies it is restarted."""

from __future__ import annotations

import contextlib
import ctypes
import logging
import multiprocessing
import os
import select
import signal
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.context import SpawnProcess

from mailhook.config import Config
from mailhook.errors import MailhookError
from mailhook.store import Store
from mailhook.store.locks import is_locked
from mailhook.worker.metrics import Metrics
from mailhook.worker.processing import Worker

log = logging.getLogger(__name__)

# Linux prctl(2) option: a signal delivered to this process when its parent dies.
PR_SET_PDEATHSIG = 1
REPORT_WAIT_SECONDS = 0.5  # how often the watch looks at the process between reports
MAX_RESTART_DELAY = 60.0
WAKE, STOP = b"w", b"s"
WORKER_NICENESS = 10

# What the process runs: (config, signal pipe's read end, report pipe's write end, parent pid, log
# level). A seam for tests, which run a worker that really dies in the middle of a message.
Target = Callable[[Config, Connection, Connection, int, int], None]


class Inbox:
    """The worker's end of the signal pipe: stop and wake as the flags Worker.run expects.

    Pipes of each worker's own, not a multiprocessing.Event or Queue: a worker killed while it
    holds one of their shared locks leaves it held, and the service's next set() or the next
    worker's put() would hang; a write to a pipe whose reader died cannot block."""

    def __init__(self, reader: Connection) -> None:
        self._fd = reader.fileno()
        self._reader = reader  # kept so the descriptor stays open
        self.stopped = self.woken = False
        self.stop, self.wake = _Flag(self, "stopped"), _Flag(self, "woken")

    def read(self, timeout: float) -> None:
        ready, _, _ = select.select([self._fd], [], [], timeout)
        if ready:
            data = os.read(self._fd, 4096)
            self.woken = True
            self.stopped |= STOP in data or not data  # an empty read: the service is gone


class _Flag:
    """One of the inbox's flags (`stopped`, `woken`) as a threading.Event-like object."""

    def __init__(self, inbox: Inbox, name: str) -> None:
        self._inbox, self._name = inbox, name

    def is_set(self) -> bool:
        self._inbox.read(0)
        return bool(getattr(self._inbox, self._name))

    def wait(self, timeout: float | None = None) -> bool:
        if not self.is_set():
            self._inbox.read(timeout if timeout is not None else 3600.0)
        return bool(getattr(self._inbox, self._name))

    def set(self) -> None:
        setattr(self._inbox, self._name, True)

    def clear(self) -> None:
        self._inbox.read(0)  # take in what is there, then forget this flag
        setattr(self._inbox, self._name, False)


class Supervisor:
    """Runs the worker process and watches it from a thread of the service.

    A worker that dies while the service runs (a crash in a native library, the OOM killer) is
    restarted; the message it was processing is charged the attempt its claim counted, so a
    message that kills the process is parked as failed after [worker] max_attempts instead of
    killing every restart. A kill -9 of the whole hook charges nothing: the next start re-queues.
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
        self._context = multiprocessing.get_context("spawn")
        self._stopping = threading.Event()
        self._process: SpawnProcess | None = None
        self._writer: Connection | None = None  # signals to the current worker
        self._reports: Connection | None = None  # its (status, seconds) per message
        self._watch = threading.Thread(target=self._watching, name="mailhook-worker-watch",
                                       daemon=True)

    def start(self) -> None:
        self._spawn()
        self._watch.start()

    def wake(self) -> None:
        """New mail is stored: never blocks, whatever state the worker is in."""
        self._signal(WAKE)

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    def stop(self, grace: float) -> None:
        """Ask the worker to finish its message and stop; kill it after `grace` seconds (its
        message is rolled back and re-queued at the next start)."""
        self._stopping.set()
        self._signal(STOP)
        if self._watch.is_alive():
            self._watch.join(grace + 2 * REPORT_WAIT_SECONDS)
        if self._process is not None:
            self._process.join(grace)
            if self._process.is_alive():
                self._process.kill()
                self._process.join()
                log.warning("worker still busy; its message is re-queued at the next start")
        for end in (self._writer, self._reports):
            if end is not None:
                end.close()

    def _signal(self, what: bytes) -> None:
        with contextlib.suppress(OSError, AttributeError):  # full, or no worker: it will look
            os.write(self._writer.fileno(), what)  # type: ignore[union-attr]

    def _spawn(self) -> None:
        """A fresh interpreter ("spawn"): no threads or sockets inherited; a new signal pipe."""
        reader, writer = self._context.Pipe(duplex=False)
        os.set_blocking(writer.fileno(), False)
        reports, reporter = self._context.Pipe(duplex=False)
        level = logging.getLogger().getEffectiveLevel()
        process = self._context.Process(
            target=self._target, name="mailhook-worker", daemon=True,
            args=(self.config, reader, reporter, os.getpid(), level),
        )
        process.start()
        reader.close()
        reporter.close()
        for old in (self._writer, self._reports):
            if old is not None:
                old.close()
        self._process, self._writer, self._reports = process, writer, reports

    def _watching(self) -> None:
        restarts = troubles = 0
        while not self._stopping.is_set():
            try:
                restarts = self._look(restarts)
                troubles = 0
            except Exception as exc:  # noqa: BLE001 - a dead watch would never restart the worker
                # A database locked (VACUUM, a backup) or unusable for a while: keep trying.
                troubles += 1
                delay = _backoff(troubles)
                expected = is_locked(exc) or isinstance(exc, MailhookError)  # no traceback
                log.error("cannot look after the worker process (%s: %s); trying again in %.1f s",
                          type(exc).__name__, exc, delay, exc_info=not expected)
                if self._stopping.wait(delay):
                    break
        self._relay(wait=0)

    def _look(self, restarts: int) -> int:
        """Relay the worker's reports; if it died, charge its message, back off and start a new
        one (only once the charge is recorded). Returns the number of restarts so far."""
        self._relay()
        assert self._process is not None
        if self._process.is_alive() or self._stopping.is_set():
            return restarts
        charged = self._charge(self._process.exitcode)
        restarts += 1
        if self.metrics is not None:
            self.metrics.worker_restarts.inc()
        # Repeated deaths back off, so a broken install does not spin.
        if not self._stopping.wait(_backoff(restarts)):
            self._spawn()
            if self._on_restart is not None:
                self._on_restart(charged)
        return restarts

    def _relay(self, wait: float = REPORT_WAIT_SECONDS) -> None:
        """Per-message results the worker reported, into the service's metrics. Returns at once
        when the worker is gone (its end of the pipe closed); the watch then sees it dead."""
        reports = self._reports
        if reports is None:
            return
        try:
            while reports.poll(wait):
                status, seconds = reports.recv()
                wait = 0
                if self.metrics is not None:
                    self.metrics.outcomes.labels(status).inc()
                    self.metrics.processing_seconds.observe(seconds)
                if self._on_report is not None:
                    self._on_report(status, seconds)
        except (EOFError, OSError, ValueError):
            if self._process is not None:  # gone: give it a moment to be reaped, no busy loop
                self._process.join(wait)

    def _charge(self, exitcode: int | None) -> list[int]:
        """The worker died on its own: what it was processing failed an attempt."""
        how = f"signal {signal.Signals(-exitcode).name}" if exitcode and exitcode < 0 else (
            f"exit code {exitcode}")
        store = Store(self.config.database.path,
                      busy_timeout_ms=int(self.config.intake.busy_timeout * 1000))
        try:
            ids = store.processing_ids()
            for rowid, attempts in ids:
                store.fail(rowid, f"the worker process died ({how}) while processing it",
                           self.config.worker.max_attempts,
                           retry_delay=self.config.worker.retry_delay * 2 ** (attempts - 1))
        finally:
            store.close()
        log.error(
            "worker process died (%s) while processing message(s) %s; restarting it",
            how, [rowid for rowid, _ in ids] or "none")
        return [rowid for rowid, _ in ids]


def _backoff(tries: int) -> float:
    """Seconds to wait before the next restart or try: 0.5, 1, 2, ... up to a minute."""
    return min(MAX_RESTART_DELAY, 0.5 * 2 ** min(tries - 1, 7))


def _main(config: Config, reader: Connection, reports: Connection, parent: int, level: int) -> None:
    die_with(parent)
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the service decides when we stop
    # Background work: when cores are scarce, the listeners' replies to the MTA go first.
    with contextlib.suppress(OSError):
        os.nice(WORKER_NICENESS)
    inbox = Inbox(reader)
    worker = Worker(config, on_processed=lambda _id, status, seconds: reports.send((status, seconds)))
    worker.run(inbox.stop, inbox.wake)


def die_with(parent: int) -> None:
    """Be killed with the service, even by kill -9: an orphaned worker must never race the
    worker of a restarted hook (which re-queues what was being processed)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the service died before prctl took effect
        os._exit(0)
