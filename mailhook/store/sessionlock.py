"""Locks a process holds on a PostgreSQL database for as long as it runs (session advisory locks).

PostgreSQL's counterpart of the kernel locks kept beside an SQLite file: who runs the workers of
a database, who replays into it. Each is held on a connection of its own, so the store's own
connections may come and go; it is released when that connection ends, which a process killed
with -9 (or a machine gone) does too, once the server notices the connection is gone. The
holder is named by the connection's application_name, so a refused second one can say who.
"""

from __future__ import annotations

import os
import socket
from typing import TYPE_CHECKING, Any

from mailhook.database_url import redact
from mailhook.errors import DatabaseUnusable

if TYPE_CHECKING:
    import psycopg

# The two-key form (objsubid 2 in pg_locks), so no key can meet the store's one-key write lock.
NAMESPACE = 0x6D61696C  # "mail"
WORKERS = 1
REPLAY = 2
APPLICATION_NAME_MAX = 63  # PostgreSQL keeps NAMEDATALEN - 1 bytes of it

HOLDER_SQL = """
SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'advisory' AND l.granted AND l.classid = %s AND l.objid = %s
  AND l.objsubid = 2 AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
"""


def label(role: str) -> str:
    """Who holds a lock, as a refused second one is told it: "mailhook worker (pid 12 on host1)"."""
    return f"{role} (pid {os.getpid()} on {socket.gethostname()})"[:APPLICATION_NAME_MAX]


class SessionLock:
    """One named lock of one database, on a connection of its own."""

    def __init__(self, url: str, key: int, holder: str) -> None:
        self._conn = _connect(url, application_name=holder)
        self._key = key

    def take(self) -> bool:
        """Take the lock if nobody holds it; False when another session does."""
        row = self._conn.execute("SELECT pg_try_advisory_lock(%s, %s)",
                                 (NAMESPACE, self._key)).fetchone()
        return bool(row and row[0])

    def close(self) -> None:
        """Release the lock (the server releases it with the connection)."""
        self._conn.close()


def holder(url: str, key: int) -> str | None:
    """Who holds `key` on the database of `url` now, or None (read from pg_locks: asking takes
    no lock). "a process" where the holder's name cannot be read (another role's session)."""
    with _connect(url) as conn:
        row = conn.execute(HOLDER_SQL, (NAMESPACE, key)).fetchone()
    if row is None:
        return None
    return str(row[0] or "a process")


def _connect(url: str, **options: Any) -> psycopg.Connection[Any]:
    import psycopg

    try:
        return psycopg.connect(url, autocommit=True, **options)
    except psycopg.OperationalError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise DatabaseUnusable(f"cannot connect to {redact(url)}: {first}") from exc
