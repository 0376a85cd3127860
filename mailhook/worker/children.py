"""What every worker child process shares: its start (spawned, niced, one BLAS thread), the pipe
its parent signals it on, and how a dead one's claims are charged."""

from __future__ import annotations

import contextlib
import ctypes
import logging
import math
import multiprocessing
import os
import queue
import select
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from multiprocessing import resource_tracker
from multiprocessing.connection import Connection
from multiprocessing.context import SpawnProcess
from multiprocessing.process import BaseProcess
from typing import Any, NoReturn

from mailhook.config import Config
from mailhook.store import Store
from mailhook.store.claims import DIED

log = logging.getLogger(__name__)

# Linux prctl(2) option: a signal delivered to this process when its parent dies.
PR_SET_PDEATHSIG = 1
WAKE, STOP, DONE = b"w", b"s", b"d"
# The listeners are storing mail fast (Supervisor.stored): a worker steps back for a moment.
BUSY = b"b"
WORKER_NICENESS = 10
# "spawn": a fresh interpreter, no threads, sockets or BLAS/torch state inherited (thread pools
# do not survive a fork, and the service has its courier thread); each child loads the tagger itself.
CONTEXT = multiprocessing.get_context("spawn")


class Inbox:
    """The worker's end of the signal pipe: stop and wake as the flags Worker.run expects, and
    done (the parent will store nothing more for it to claim).

    Pipes of each worker's own, not a multiprocessing.Event or Queue: a worker killed while it
    holds one of their shared locks leaves it held, and the service's next set() or the next
    worker's put() would hang; a write to a pipe whose reader died cannot block."""

    def __init__(self, reader: Connection, burst: Callable[[], bool] | None = None) -> None:
        self._fd = reader.fileno()
        self._reader = reader  # kept so the descriptor stays open
        # On a url: whether any host's listeners announced a burst on the database (store.burst).
        self._burst = burst
        self.stopped = self.woken = self.done = False
        self.busy_at = -math.inf  # time.monotonic() of the last BUSY
        self.stop, self.wake = _Flag(self, "stopped"), _Flag(self, "woken")

    def intake_busy(self, within: float) -> bool:
        """Whether the service (over the pipe, or any host's over the database) said its
        listeners were busy in the last `within` seconds."""
        self.read(0)
        if self._burst is not None and self._burst():
            if time.monotonic() - self.busy_at >= within:  # once a burst, not on every claim
                log.info("the listeners are storing a burst (told on the database): stepping back")
            self.busy_at = time.monotonic()
        return time.monotonic() - self.busy_at < within

    def read(self, timeout: float) -> None:
        ready, _, _ = select.select([self._fd], [], [], timeout)
        if ready:
            data = os.read(self._fd, 4096)
            self.woken = True
            self.stopped |= STOP in data or not data  # an empty read: the service is gone
            self.done |= DONE in data or not data
            if BUSY in data:
                self.busy_at = time.monotonic()


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


@dataclass(eq=False)  # each child is itself: hashed and compared by identity
class Child:
    """One started worker process, the write end of its signal pipe and the read end of its
    reports."""

    process: SpawnProcess
    writer: Connection
    reports: Connection

    def signal(self, what: bytes) -> None:
        """Never blocks, whatever state the child is in (a full pipe: it will look anyway)."""
        with contextlib.suppress(OSError, ValueError):
            os.write(self.writer.fileno(), what)

    def close(self) -> None:
        for end in (self.writer, self.reports):
            end.close()


# What a child runs: (config, signal pipe's read end, report pipe's write end, parent pid, log
# level, *extra). A seam for tests, which run a worker that really dies in the middle of a message.
Target = Callable[..., None]


def spawn(config: Config, target: Target, name: str, extra: Sequence[Any] = ()) -> Child:
    """Start `target` in a fresh interpreter with a new signal pipe and report pipe."""
    reader, writer = CONTEXT.Pipe(duplex=False)
    os.set_blocking(writer.fileno(), False)
    reports, reporter = CONTEXT.Pipe(duplex=False)
    level = logging.getLogger().getEffectiveLevel()
    process = CONTEXT.Process(target=target, name=name, daemon=True,
                              args=(config, reader, reporter, os.getpid(), level, *extra))
    start(process)
    reader.close()
    reporter.close()
    return Child(process, writer, reports)


def settle(config: Config, parent: int, level: int) -> None:
    """A child's first steps: die with its parent, log like it, leave SIGINT and SIGTERM to it,
    yield the CPU to the listeners, and share the cores with its siblings (the shipped tagger
    keeps NumPy's BLAS to one thread while it tags; torch, for a flair model file, reads its
    thread count when it is first imported, which is later, when the tagger loads)."""
    die_with(parent)
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    ignore_stops()  # the parent decides when we stop
    # Background work: when cores are scarce, the listeners' replies to the MTA go first.
    with contextlib.suppress(OSError):
        os.nice(WORKER_NICENESS)
    threads = str(max(1, _cores() // config.worker.process_count))
    for name in ("OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, threads)


def leave() -> NoReturn:
    """End a child whose work is committed and reported, at once: the interpreter's teardown
    (of torch and flair, 1.1 s measured here, when a flair model file is configured) is time its
    parent would wait out, and nothing is left to flush (reports reach the pipe as they are sent)."""
    logging.shutdown()
    os._exit(0)


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def start(process: BaseProcess) -> None:
    """process.start() on a thread that lasts as long as this process, its stop signals held.

    A child's death signal (die_with: PR_SET_PDEATHSIG) comes when the thread that started it
    ends, not its process: a worker that the supervisor's watch thread had restarted was killed
    as the watch ended at the stop, in the middle of the message it had been asked to finish.
    The main thread lasts; any other hands the start to one thread kept for it."""
    if threading.current_thread() is threading.main_thread():
        with stops_held():
            process.start()
        return
    started: Future[None] = Future()
    _Starter.jobs().put((process, started))
    try:
        started.result()
    finally:
        del started  # it holds a failure, whose traceback holds this frame: a cycle to collect


class _Starter:
    """The one thread that starts children for threads that may end before them."""

    _lock = threading.Lock()
    _jobs: queue.SimpleQueue[tuple[BaseProcess, Future[None]]] | None = None

    @classmethod
    def jobs(cls) -> queue.SimpleQueue[tuple[BaseProcess, Future[None]]]:
        with cls._lock:
            if cls._jobs is None:
                cls._jobs = queue.SimpleQueue()
                threading.Thread(target=cls._run, args=(cls._jobs,), daemon=True,
                                 name="mailhook-child-starter").start()
            return cls._jobs

    @classmethod
    def _run(cls, jobs: queue.SimpleQueue[tuple[BaseProcess, Future[None]]]) -> None:
        while True:
            cls._start(*jobs.get())  # in a frame of its own: nothing kept until the next one

    @staticmethod
    def _start(process: BaseProcess, started: Future[None]) -> None:
        try:
            with stops_held():
                process.start()
        except BaseException as exc:  # noqa: BLE001 - raised in the thread that asked
            started.set_exception(exc)
            del started  # this frame is in its traceback: no cycle through the future
        else:
            started.set_result(None)


STOPS = frozenset({signal.SIGINT, signal.SIGTERM})


@contextlib.contextmanager
def stops_held() -> Iterator[None]:
    """Around a child's start: SIGINT and SIGTERM blocked in this thread, so the child starts
    with them blocked (the mask survives fork and exec) until `ignore_stops`. Else a Ctrl-C or a
    service manager's stop of the whole group in its first half second, while it imports, killed
    it with a KeyboardInterrupt traceback (or a fatal error in `site`). This process takes the
    signal meanwhile on another thread, or when the block ends."""
    # A first spawn starts multiprocessing's resource tracker, which unblocks both signals in
    # this thread once it is up: so start it first.
    resource_tracker.ensure_running()
    before = signal.pthread_sigmask(signal.SIG_BLOCK, STOPS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def ignore_stops() -> None:
    """A child's own: SIGINT and SIGTERM are its parent's to act on (one held since its start
    is dropped here)."""
    for signum in STOPS:
        signal.signal(signum, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPS)


def die_with(parent: int) -> None:
    """Be killed with the service, even by kill -9: an orphaned worker must never race the
    worker of a restarted hook (which re-queues what was being processed)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the service died before prctl took effect
        os._exit(0)


def how_it_died(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        return f"signal {signal.Signals(-exitcode).name}"
    return f"exit code {exitcode}"


def charge(config: Config, pid: int, exitcode: int | None, *, retry_delay: float | None = None,
           replayed: bool = False) -> list[tuple[int, str]]:
    """A child died on its own: each message it had claimed failed an attempt (so a message that
    kills every worker is parked after [worker] max_attempts). A message is parked only by a
    death while it was held alone: of a group, only one may be the killer, and each of them is
    claimed alone from then on (store.claims.choose). Returns (id, status now)."""
    how = how_it_died(exitcode)
    store = Store.configured(config.database, busy_timeout_ms=int(config.intake.busy_timeout * 1000))
    try:
        charged = []
        held = store.processing_ids(claimed_by=pid, replayed=replayed)
        for rowid, attempts in held:
            delay = config.worker.retry_delay * 2 ** (attempts - 1) if retry_delay is None else (
                retry_delay)
            most = config.worker.max_attempts if len(held) == 1 else attempts + 1
            charged.append((rowid, store.fail(
                rowid, f"{DIED} ({how}) while processing it", most,
                retry_delay=delay, claimer=pid)))
    finally:
        store.close()
    log.error("worker process %d died (%s) while processing message(s) %s", pid, how,
              [rowid for rowid, _ in charged] or "none")
    return charged
