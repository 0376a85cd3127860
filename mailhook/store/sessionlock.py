"""Locks a process holds on a PostgreSQL database for as long as it runs (session advisory locks).

PostgreSQL's counterpart of the kernel locks kept beside an SQLite file: who runs the workers of
each host sharing a database (one process per host: its start takes back its host's claims),
who replays into it. Each is held on a connection of its own, so the store's own
connections may come and go; it is released when that connection ends, which a process killed
with -9 (or a machine gone) does too, once the server notices the connection is gone. The
holder is named by the connection's application_name, so a refused second one can say who.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import zlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from mailhook.database_url import redact
from mailhook.errors import DatabaseUnusable

if TYPE_CHECKING:
    import psycopg

# The two-key form (objsubid 2 in pg_locks), so no key can meet the store's one-key write lock.
NAMESPACE = 0x6D61696C  # "mail"
REPLAY = (NAMESPACE, 2)
WORKERS_NAMESPACE = 0x6D686F77  # "mhow": one key per host (workers_key)
Key = tuple[int, int]
APPLICATION_NAME_MAX = 63  # PostgreSQL keeps NAMEDATALEN - 1 bytes of it
# How often a holder asks whether its lock's connection still stands: a connection the server
# ended (a restart, a failover) took the lock with it, and another process may take it now.
CHECK_SECONDS = 5.0
# On the lock's own connection: a network that goes silent is noticed within about a minute.
KEEPALIVES = {"keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10,
              "keepalives_count": 3}

log = logging.getLogger(__name__)

HOLDER_SQL = """
SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'advisory' AND l.granted AND l.classid = %s
  AND (%s::bigint IS NULL OR l.objid::bigint = %s::bigint)
  AND l.objsubid = 2 AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
ORDER BY a.application_name
"""


def workers_key(host: str) -> Key:
    """The workers lock of `host` (two host names sharing a checksum share a lock: a refusal,
    never two holders)."""
    return (WORKERS_NAMESPACE, zlib.crc32(host.encode()) & 0x7FFFFFFF)


def label(role: str, host: str | None = None) -> str:
    """Who holds a lock, as a refused second one is told it: "mailhook worker (pid 12 on host1)"."""
    return f"{role} (pid {os.getpid()} on {host or socket.gethostname()})"[:APPLICATION_NAME_MAX]


class SessionLock:
    """One named lock of one database, on a connection of its own."""

    def __init__(self, url: str, key: Key, holder: str) -> None:
        self._conn = _connect(url, application_name=holder, **KEEPALIVES)
        self._key = key
        self._closing = threading.Event()
        self._watch: threading.Thread | None = None
        self.lost = False  # the connection ended while the lock was held

    def take(self) -> bool:
        """Take the lock if nobody holds it; False when another session does."""
        row = self._conn.execute("SELECT pg_try_advisory_lock(%s, %s)", self._key).fetchone()
        return bool(row and row[0])

    def watch(self, on_lost: Callable[[], object], every: float = CHECK_SECONDS) -> None:
        """Call `on_lost` (once, from a thread of its own) if the lock's connection ends while
        it is held: the holder must stop, as it no longer holds the lock."""

        def watching() -> None:
            while not self._closing.wait(every):
                try:
                    self._conn.execute("SELECT 1")
                except Exception as exc:  # noqa: BLE001 - whatever ended it, the lock is gone
                    if self._closing.is_set():
                        return
                    log.error("the lock's connection to the database ended (%s); stopping", exc)
                    self.lost = True
                    on_lost()
                    return

        self._watch = threading.Thread(target=watching, name="mailhook-lock-watch", daemon=True)
        self._watch.start()

    def close(self) -> None:
        """Release the lock (the server releases it with the connection)."""
        self._closing.set()
        if self._watch is not None:
            # A check a server never answers (a hung backend, a network dropping packets) blocks
            # the watch without end: the stop does not wait for it past one check's time.
            self._watch.join(CHECK_SECONDS)
        self._conn.close()


def holders(url: str, classid: int, objid: int | None = None) -> list[str]:
    """Who holds the locks of `classid` (or only its key `objid`) on the database of `url` now
    (read from pg_locks: asking takes no lock). "a process" where the holder's name cannot be
    read (another role's session)."""
    with _connect(url) as conn:
        rows = conn.execute(HOLDER_SQL, (classid, objid, objid)).fetchall()
    return [str(row[0] or "a process") for row in rows]


def _connect(url: str, **options: Any) -> psycopg.Connection[Any]:
    import psycopg

    try:
        return psycopg.connect(url, autocommit=True, **options)
    except psycopg.OperationalError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise DatabaseUnusable(f"cannot connect to {redact(url)}: {first}") from exc
