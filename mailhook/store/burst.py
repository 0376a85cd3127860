"""The listeners' burst told across hosts: a NOTIFY on a channel of its own, heard by every worker.

On one machine the service tells its workers over their signal pipes (worker.children.BUSY);
a `mailhook worker` on another host has no pipe, so with a url the service also announces a burst
on the database, at most ANNOUNCE_EVERY_SECONDS apart, and each worker's listener hears it.
Both ends use a connection of their own, not the store's: the announcer runs on the intake's
courier thread (the store's connection belongs to other threads), and the worker's store
connection LISTENs for queued mail, whose wake-ups must not be mistaken for a burst, nor a burst
for due mail. The signal is advisory: a lost database makes the announcer and the listener
quiet (logged once), never an error, as the store's own connection reports that loss.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import psycopg

log = logging.getLogger(__name__)

CHANNEL = "mailhook_busy"
# A worker believes a burst for a quarter second (worker.priority.BUSY_HOLD_SECONDS): four
# announcements a second keep it believed while the burst lasts, and cost the listeners nothing.
ANNOUNCE_EVERY_SECONDS = 0.25
# After a lost connection, how long either end stays quiet before it connects again.
RECONNECT_SECONDS = 5.0
CONNECT_TIMEOUT_SECONDS = 2
STATEMENT_TIMEOUT_MS = 500


class _Connection:
    """One autocommit connection, opened when first needed and again after a loss (not sooner
    than RECONNECT_SECONDS later)."""

    def __init__(self, url: str, clock: Callable[[], float], on_open: str = "") -> None:
        self._url, self._clock, self._on_open = url, clock, on_open
        self._conn: psycopg.Connection[Any] | None = None
        self._retry_at = -float("inf")
        self._said = False

    def get(self) -> psycopg.Connection[Any] | None:
        import psycopg

        if self._conn is not None and not self._conn.broken:
            return self._conn
        if self._clock() < self._retry_at:
            return None
        try:
            self._conn = psycopg.connect(self._url, autocommit=True,
                                         connect_timeout=CONNECT_TIMEOUT_SECONDS)
            if self._on_open:
                self._conn.execute(self._on_open)
        except psycopg.Error as exc:
            self.lost(exc)
            return None
        self._said = False
        return self._conn

    def lost(self, exc: BaseException) -> None:
        if not self._said:
            log.warning("the burst signal on the database is off until it is reachable: %s",
                        str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__)
            self._said = True
        if self._conn is not None:
            self._conn.close()
        self._conn, self._retry_at = None, self._clock() + RECONNECT_SECONDS

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


class Announcer:
    """The service's side: `announce()` on each busy commit (one thread calls it)."""

    def __init__(self, url: str, clock: Callable[[], float] = time.monotonic) -> None:
        # The courier thread announces between batches: a stalled server must not hold the
        # next batch longer than this (a NOTIFY that times out makes the signal quiet, 5 s).
        self._conn = _Connection(url, clock, on_open=f"SET statement_timeout = {STATEMENT_TIMEOUT_MS}")
        self._clock = clock
        self._last = -float("inf")

    def announce(self) -> bool:
        """Tell every listening worker of a burst, unless told less than ANNOUNCE_EVERY_SECONDS
        ago; True when told."""
        import psycopg

        now = self._clock()
        if now - self._last < ANNOUNCE_EVERY_SECONDS:
            return False
        self._last = now
        conn = self._conn.get()
        if conn is None:
            return False
        try:
            conn.execute(f"NOTIFY {CHANNEL}")
        except psycopg.Error as exc:
            self._conn.lost(exc)
            return False
        return True

    def close(self) -> None:
        self._conn.close()


class Listener:
    """A worker's side: `heard()` says whether a burst was announced since the last call."""

    def __init__(self, url: str, clock: Callable[[], float] = time.monotonic) -> None:
        self._conn = _Connection(url, clock, on_open=f"LISTEN {CHANNEL}")
        self._conn.get()  # listening from the start: a burst announced before a claim counts

    def heard(self, timeout: float = 0.0) -> bool:
        """`timeout`: how long to wait for one (a worker asks without waiting)."""
        import psycopg

        conn = self._conn.get()
        if conn is None:
            return False
        try:
            if not list(conn.notifies(timeout=timeout, stop_after=1)):
                return False
            list(conn.notifies(timeout=0))  # those that came with it are the same burst
            return True
        except psycopg.Error as exc:
            self._conn.lost(exc)
            return False

    def close(self) -> None:
        self._conn.close()


def listener(url: str) -> Callable[[], bool] | None:
    """What a worker process asks before each claim, on a url; None on an SQLite file."""
    return Listener(url).heard if url else None


def announcer(url: str) -> Announcer | None:
    """The service's announcer on a url; None on an SQLite file (its workers have their pipes)."""
    return Announcer(url) if url else None
