"""Durable intake: a writer process stores accepted mail in group commits before the 250 reply.

The listeners' event loop hands each DATA's copies to a courier thread, which sends every job
queued so far to the writer process as one batch and answers the callers once it has committed.
The database work (hashing, reading the header block and a forward's original sender for
the parties, the SQL) runs in that process, on its own core and under its own interpreter lock,
so the loop keeps answering SMTP/LMTP commands meanwhile; in the same process, with a writer
thread, that work took the loop's lock a hundred times a batch.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import pickle
import queue
import socket
import sqlite3
import struct
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from mailhook.errors import IntakeClosed, IntakeUnavailable
from mailhook.store import Received, Store
from mailhook.worker.children import die_with, ignore_stops, start
from mailhook.worker.forwards import forwarded_sender

log = logging.getLogger(__name__)

# Items per transaction: large enough that a burst shares one fsync, small enough that one
# commit (and the replies waiting on it) never waits long behind a huge batch.
MAX_BATCH_ITEMS = 256
# And bytes: a batch is pickled, piped and unpickled whole, so it lies in memory about four
# times over across the two processes (a message may have 25 MB). One job always goes, however big.
MAX_BATCH_BYTES = 32 * 1024 * 1024
# How long the writer may take to answer a batch beyond waiting out busy_timeout for the write
# lock; one that takes longer is hung (a stopped process, a stalled disk) and is killed, so its
# callers are answered 451 well within the 10 minutes an MTA waits for the reply to DATA.
WRITER_GRACE_SECONDS = 60.0
# A fresh interpreter: the service has threads and sockets a fork would copy half-way.
_CONTEXT = multiprocessing.get_context("spawn")
READY = "ready"


Outcome = list[bool] | BaseException  # a job's answer: per item new or not, or why it failed


@dataclass(frozen=True)
class _Job:
    """One caller's items and the future its coroutine awaits on the event loop."""

    items: tuple[Received, ...]
    loop: asyncio.AbstractEventLoop
    future: asyncio.Future[list[bool]]

    def set(self, outcome: Outcome) -> None:
        """On the job's loop: hand the caller its answer."""
        if self.future.done():  # the client went away and the awaiting task was cancelled
            return
        if isinstance(outcome, BaseException):
            self.future.set_exception(outcome)
        else:
            self.future.set_result(outcome)


def _answer(answers: list[tuple[_Job, Outcome]]) -> None:
    """Answer a commit's jobs with one wake-up of each loop (a wake-up is a write to the loop's
    self-pipe and a switch of threads: per job, it was most of the writer's own time)."""
    by_loop: dict[asyncio.AbstractEventLoop, list[tuple[_Job, Outcome]]] = {}
    for job, outcome in answers:
        by_loop.setdefault(job.loop, []).append((job, outcome))
    for loop, mine in by_loop.items():
        try:
            loop.call_soon_threadsafe(_set_all, mine)
        except RuntimeError:  # the loop closed: nobody is waiting for the answers any more
            log.debug("intake results dropped: event loop closed")


def _set_all(answers: list[tuple[_Job, Outcome]]) -> None:
    for job, outcome in answers:
        job.set(outcome)


class Intake:
    """Stores batches of `Received` from the event loop without ever writing on it.

    Callers `await store(items)`; the courier thread sends every job queued so far to the writer
    process as one transaction, which commits (WAL, synchronous=FULL) before it answers; then
    each caller is answered and `on_stored` called with the number of new copies (a retry is
    not new). A writer process that dies, or hangs past `writer_timeout` (then it is killed),
    fails the batch it held (the callers answer 451; the MTA's retry of a copy it had committed
    is found already stored) and a new one takes its place.
    """

    def __init__(
        self,
        db_path: Path | str,
        *,
        on_stored: Callable[[int], None] | None = None,
        busy_timeout_ms: int = 10_000,
        max_batch_items: int = MAX_BATCH_ITEMS,
        max_batch_bytes: int = MAX_BATCH_BYTES,
        writer_timeout: float | None = None,
    ) -> None:
        self._db_path, self._busy_timeout_ms = str(db_path), busy_timeout_ms
        self._on_stored = on_stored
        self._max_batch_items, self._max_batch_bytes = max_batch_items, max_batch_bytes
        self._writer_timeout = (busy_timeout_ms / 1000 + WRITER_GRACE_SECONDS
                                if writer_timeout is None else writer_timeout)
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._closing = threading.Lock()
        self._closed = False
        # Started here, so that a database that cannot be opened stops the service at its start.
        self._writer: _Writer | None = self._start_writer()
        self._thread = threading.Thread(target=self._run, name="mailhook-intake", daemon=True)
        self._thread.start()

    async def store(self, items: Sequence[Received]) -> list[bool]:
        """Store `items` durably; per item True when new, False when already stored."""
        if not items:
            return []
        loop = asyncio.get_running_loop()
        job = _Job(tuple(items), loop, loop.create_future())
        with self._closing:
            if self._closed:
                raise IntakeClosed("the intake is closed")
            self._jobs.put(job)
        return await job.future

    def close(self) -> None:
        """Store everything already queued, then stop the writer (blocks until done)."""
        with self._closing:
            if not self._closed:
                self._closed = True
                self._jobs.put(None)
        self._thread.join()

    def _run(self) -> None:
        try:
            running = True
            while running:
                batch, running = self._next_batch()
                self._commit(batch)
        finally:
            if self._writer is not None:
                self._writer.stop()

    def _next_batch(self) -> tuple[list[_Job], bool]:
        """Block for one job, then take whatever else is queued; False once close() was seen."""
        first = self._jobs.get()
        if first is None:
            return [], False
        batch, size, volume = [first], len(first.items), _volume(first)
        while size < self._max_batch_items and volume < self._max_batch_bytes:
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                break
            if job is None:
                return batch, False
            batch.append(job)
            size, volume = size + len(job.items), volume + _volume(job)
        return batch, True

    def _commit(self, batch: list[_Job]) -> None:
        if batch:
            answers = list(zip(batch, self._send([job.items for job in batch]), strict=True))
            _answer(answers)
            if any(not isinstance(outcome, BaseException) for _, outcome in answers):
                self._notify(sum(sum(outcome) for _, outcome in answers
                                 if not isinstance(outcome, BaseException)))

    def _send(self, jobs: list[tuple[Received, ...]]) -> list[Outcome]:
        """The writer's answer per job; a writer that died (or cannot start) fails them all."""
        try:
            if self._writer is None:
                self._writer = self._start_writer()
            return self._writer.store(jobs)
        except BlockingIOError:  # no answer (nor room in the pipe) within the writer timeout
            log.error("the intake's writer process did not answer %d job(s) within %.0f s and is "
                      "killed; their clients are asked to retry, and a new writer starts",
                      len(jobs), self._writer_timeout)
            if self._writer is not None:
                self._writer.kill()
                self._writer = None
            return [IntakeUnavailable("the intake's writer process hung")] * len(jobs)
        except (EOFError, OSError) as exc:  # the writer process died with the batch
            log.error("the intake's writer process died (%s) with %d job(s); their clients are "
                      "asked to retry, and a new writer starts", exc, len(jobs))
            if self._writer is not None:
                self._writer.stop()
                self._writer = None
            return [IntakeUnavailable("the intake's writer process died")] * len(jobs)
        except Exception as exc:  # noqa: BLE001 - a new writer could not start: defer, try again
            log.error("the intake's writer process cannot start: %s", exc)
            return [IntakeUnavailable(f"the intake cannot start its writer: {exc}")] * len(jobs)

    def _start_writer(self) -> _Writer:
        return _Writer.start(self._db_path, self._busy_timeout_ms, self._writer_timeout)

    def _notify(self, new: int) -> None:
        if self._on_stored is None:
            return
        try:
            self._on_stored(new)
        except Exception:  # noqa: BLE001 - a failing hook must not stop the courier thread
            log.exception("intake on_stored callback failed")


@dataclass(frozen=True)
class _Writer:
    """The writer process and the intake's end of its pipe."""

    process: BaseProcess
    conn: Connection

    @classmethod
    def start(cls, db_path: str, busy_timeout_ms: int, timeout: float) -> _Writer:
        """Start one and wait until its database is open; raises what opening it raised. A
        send or receive on its pipe that waits `timeout` seconds raises BlockingIOError."""
        ours, theirs = _CONTEXT.Pipe()
        # Its start (a fresh interpreter, the database opened) may take a busy machine a while.
        _time_out(ours, max(timeout, WRITER_GRACE_SECONDS))
        level = logging.getLogger().getEffectiveLevel()
        process = _CONTEXT.Process(target=_writer_main, name="mailhook-intake-writer", daemon=True,
                                   args=(db_path, busy_timeout_ms, theirs, os.getpid(), level))
        failure = None
        try:
            start(process)  # on a thread that outlasts it (see children.start)
        except OSError as exc:  # out of processes or descriptors
            failure = str(exc)  # only the words: its traceback would keep the half-made pipes
        finally:
            theirs.close()
        if failure is not None:
            ours.close()
            raise IntakeUnavailable(failure)
        try:
            first = ours.recv()
        except (EOFError, BlockingIOError) as exc:
            code = cls(process, ours).kill()
            how = "hung" if isinstance(exc, BlockingIOError) else "ended"
            raise IntakeUnavailable(f"the intake's writer process {how} at its start "
                                    f"(exit code {code})") from None
        if isinstance(first, BaseException):
            cls(process, ours).stop()
            raise first  # what opening the database raised, for the service's start to report
        _time_out(ours, timeout)
        return cls(process, ours)

    def store(self, jobs: list[tuple[Received, ...]]) -> list[Outcome]:
        self.conn.send(jobs)
        answers: list[Outcome] = self.conn.recv()
        return answers

    def stop(self) -> None:
        """Let it finish and end (its end of the pipe closing is the stop); kill it if it hangs."""
        self.conn.close()
        self.process.join(STOP_GRACE_SECONDS)
        self.kill()

    def kill(self) -> int | None:
        """End it now (a hung one); its descriptors are closed here, not whenever the garbage
        collector gets to it (two a restart were left open). Returns its exit code."""
        self.conn.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        code = self.process.exitcode
        self.process.close()
        return code


STOP_GRACE_SECONDS = 30.0  # a commit never takes this long; a writer that does is hung


def _volume(job: _Job) -> int:
    return sum(len(item.raw) for item in job.items)


def _time_out(conn: Connection, seconds: float) -> None:
    """Blocking sends and receives on the intake's end of the pipe (a socket pair) give up
    after `seconds` with EAGAIN: a hung writer neither reads the batch nor answers it, and a
    batch larger than the socket's buffer would block its send for good."""
    interval = struct.pack("ll", int(seconds), int(seconds % 1 * 1_000_000))
    with socket.socket(fileno=os.dup(conn.fileno())) as end:  # the options are the socket's
        end.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, interval)
        end.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, interval)


def _writer_main(db_path: str, busy_timeout_ms: int, conn: Connection, parent: int,
                 level: int) -> None:
    """The writer process: open the database, then store each batch it is sent and answer."""
    die_with(parent)
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # A stop of the whole hook (SIGTERM, Ctrl-C) is the service's: it sends what is queued, then
    # closes the pipe.
    ignore_stops()
    try:
        store = Store(db_path, busy_timeout_ms=busy_timeout_ms)
    except Exception as exc:  # noqa: BLE001 - reported to the intake, which raises it
        conn.send(_picklable(exc))
        return
    try:
        conn.send(READY)
        while True:
            try:
                jobs = conn.recv()
            except EOFError:  # the intake closed its end: stop
                break
            conn.send([_picklable(o) if isinstance(o, BaseException) else o
                       for o in _outcomes(store, jobs)])
    finally:
        store.close()


def _outcomes(store: Store, jobs: list[tuple[Received, ...]]) -> list[Outcome]:
    """Store the jobs' items in one transaction; each job's answer."""
    try:
        results = store.insert_received([item for items in jobs for item in items],
                                        forwards=forwarded_sender)
    except _environmental() as exc:
        # Locked, full, unwritable or the server gone: every job would fail alike, so all
        # callers defer (451).
        log.warning("intake could not store %d job(s): %s", len(jobs), exc)
        return [exc] * len(jobs)
    except Exception as exc:  # noqa: BLE001 - the answer goes back to each SMTP reply
        if len(jobs) == 1:
            log.exception("intake could not store a message")
            return [exc]
        # Something in one caller's items: retry each on its own so it fails only itself.
        return [outcome for items in jobs for outcome in _outcomes(store, [items])]
    answers: list[Outcome] = []
    start = 0
    for items in jobs:
        answers.append(results[start : start + len(items)])
        start += len(items)
    return answers


def _environmental() -> tuple[type[Exception], ...]:
    """The engines' errors of the database's surroundings rather than of the mail (psycopg's
    once a url was opened: it is never imported for SQLite alone)."""
    psycopg = sys.modules.get("psycopg")
    return (sqlite3.OperationalError, psycopg.OperationalError) if psycopg else (sqlite3.OperationalError,)


def _picklable(exc: BaseException) -> BaseException:
    """The exception itself when it crosses the pipe intact, else its type and words."""
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:  # noqa: BLE001 - whatever a third-party exception does when pickled
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc
