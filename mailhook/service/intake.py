"""Durable intake: a writer thread stores accepted mail in group commits before the 250 reply."""

from __future__ import annotations

import asyncio
import logging
import queue
import sqlite3
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from mailhook.errors import IntakeClosed
from mailhook.store import Received, Store

log = logging.getLogger(__name__)

# Items per transaction: large enough that a burst shares one fsync, small enough that one
# commit (and the replies waiting on it) never waits long behind a huge batch.
MAX_BATCH_ITEMS = 256


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

    Callers `await store(items)`; the writer thread takes every job queued so far into one
    transaction, commits (WAL, synchronous=FULL), then answers each caller and calls `on_stored`.
    """

    def __init__(
        self,
        db_path: Path | str,
        *,
        on_stored: Callable[[], None] | None = None,
        busy_timeout_ms: int = 10_000,
        max_batch_items: int = MAX_BATCH_ITEMS,
    ) -> None:
        self._store = Store(db_path, busy_timeout_ms=busy_timeout_ms)
        self._on_stored = on_stored
        self._max_batch_items = max_batch_items
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._closing = threading.Lock()
        self._closed = False
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
        """Store everything already queued, then stop the writer thread (blocks until done)."""
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
            self._store.close()

    def _next_batch(self) -> tuple[list[_Job], bool]:
        """Block for one job, then take whatever else is queued; False once close() was seen."""
        first = self._jobs.get()
        if first is None:
            return [], False
        batch, size = [first], len(first.items)
        while size < self._max_batch_items:
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                break
            if job is None:
                return batch, False
            batch.append(job)
            size += len(job.items)
        return batch, True

    def _commit(self, batch: list[_Job]) -> None:
        if batch:
            answers = self._outcomes(batch)
            _answer(answers)
            if any(not isinstance(outcome, BaseException) for _, outcome in answers):
                self._notify()

    def _outcomes(self, batch: list[_Job]) -> list[tuple[_Job, Outcome]]:
        """Store the batch in one transaction; each job's answer."""
        try:
            results = self._store.insert_received([i for job in batch for i in job.items])
        except sqlite3.OperationalError as exc:
            # Locked, full or unwritable: every job would fail alike, so all callers defer (451).
            log.warning("intake could not store %d job(s): %s", len(batch), exc)
            return [(job, exc) for job in batch]
        except Exception as exc:  # noqa: BLE001 - the answer goes back to each SMTP reply
            if len(batch) == 1:
                log.exception("intake could not store a message")
                return [(batch[0], exc)]
            # Something in one caller's items: retry each on its own so it fails only itself.
            return [answer for job in batch for answer in self._outcomes([job])]
        answers: list[tuple[_Job, Outcome]] = []
        start = 0
        for job in batch:
            answers.append((job, results[start : start + len(job.items)]))
            start += len(job.items)
        return answers

    def _notify(self) -> None:
        if self._on_stored is None:
            return
        try:
            self._on_stored()
        except Exception:  # noqa: BLE001 - a failing hook must not stop the writer thread
            log.exception("intake on_stored callback failed")
