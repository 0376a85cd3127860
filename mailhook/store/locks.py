"""Waiting out another connection's lock: a long sqlite-utils transaction, a VACUUM, a backup."""

from __future__ import annotations

import logging
import sqlite3
import sys
import time
from collections.abc import Callable
from typing import TypeVar

from mailhook.store.postgres import is_locked as postgres_is_locked

log = logging.getLogger(__name__)

T = TypeVar("T")
FIRST_PAUSE_SECONDS = 0.5  # after SQLite's own busy timeout gave up; doubled at each try
MAX_PAUSE_SECONDS = 30.0
PATIENCE_SECONDS = 600.0  # then the lock error is raised (the supervisor restarts the worker)

# What waits between tries; True means "stop waiting" (a stop flag's wait), as threading.Event.wait.
Pause = Callable[[float], object]


def is_locked(exc: BaseException) -> bool:
    """SQLite gave up on a lock another connection holds (SQLITE_BUSY or SQLITE_LOCKED), or
    PostgreSQL did (store.postgres.is_locked)."""
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF  # the primary result code
    if isinstance(exc, sqlite3.OperationalError):
        return code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return postgres_is_locked(exc)


def database_errors() -> tuple[type[Exception], ...]:
    """What either engine raises for a database problem met after opening (damage, a lock held
    too long, a connection lost): sqlite3's errors, and psycopg's once a url was opened (it is
    never imported for SQLite alone)."""
    psycopg = sys.modules.get("psycopg")
    return (sqlite3.Error, psycopg.Error) if psycopg is not None else (sqlite3.Error,)


def patiently(
    call: Callable[[], T], what: str, *, pause: Pause = time.sleep,
    patience: float = PATIENCE_SECONDS,
) -> T:
    """`call()`, tried again after a growing pause each time it fails on a lock, for up to
    `patience` seconds; every other error, a pause that says stop, or the end of patience
    raises at once. Each wait is logged, so a lock that holds mail back is seen."""
    deadline = time.monotonic() + patience
    delay = FIRST_PAUSE_SECONDS
    while True:
        try:
            return call()
        except Exception as exc:  # either engine's lock error; every other one is raised
            if not is_locked(exc) or time.monotonic() + delay > deadline:
                raise
            log.warning("%s: the database is locked by another connection (%s); trying again in "
                        "%.1f s", what, exc, delay)
            if pause(delay):
                raise
            delay = min(MAX_PAUSE_SECONDS, 2 * delay)
