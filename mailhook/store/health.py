"""A read-only look at a database file for `mailhook doctor`: integrity, migrations, journal mode."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from mailhook.store.schema import MIGRATIONS


@dataclass(frozen=True)
class DatabaseHealth:
    integrity: tuple[str, ...]  # ("ok",) when PRAGMA integrity_check finds nothing wrong
    journal_mode: str
    pending: tuple[str, ...]  # migrations this mailhook knows and the file lacks
    unknown: tuple[str, ...]  # migrations in the file this mailhook does not know (a newer one)

    @property
    def applied(self) -> int:
        return len(MIGRATIONS) - len(self.pending)


def inspect_database(path: Path) -> DatabaseHealth:
    """Open an existing file without creating, migrating or converting it (unlike `Store`).

    Raises sqlite3.Error for a file SQLite cannot read, e.g. "file is not a database".
    """
    # mode=rw: never create the file, so a mistyped path is reported rather than made.
    conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=rw", uri=True)
    try:
        integrity = tuple(r[0] for r in conn.execute("PRAGMA integrity_check(20)"))
        journal_mode = str(conn.execute("PRAGMA journal_mode").fetchone()[0])
        has_table = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'"
        ).fetchone()
        done = {r[0] for r in conn.execute("SELECT name FROM migrations")} if has_table else set()
    finally:
        conn.close()
    known = [name for name, _ in MIGRATIONS]
    return DatabaseHealth(
        integrity=integrity,
        journal_mode=journal_mode.lower(),
        pending=tuple(n for n in known if n not in done),
        unknown=tuple(sorted(done - set(known))),
    )


def waiting_messages(path: Path) -> int:
    """How many stored messages wait to be processed (pending), read only; 0 for a file that
    has no messages table yet."""
    conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True)
    try:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'messages'"
                            ).fetchone():
            return 0
        return int(conn.execute("SELECT count(*) FROM messages WHERE status = 'pending'").fetchone()[0])
    finally:
        conn.close()


@dataclass(frozen=True)
class ServerHealth:
    """What doctor reads of a PostgreSQL database, without migrating it."""

    version: str  # the server's, e.g. "15.8"
    pending: tuple[str, ...]
    unknown: tuple[str, ...]
    waiting: int  # pending messages; 0 before the first migration

    @property
    def applied(self) -> int:
        return len(MIGRATIONS) - len(self.pending)


def inspect_server(url: str) -> ServerHealth:
    """Connect to `url` and read the server's version, the migrations and the waiting mail, in
    one read-only transaction. Raises psycopg.Error (a refused connection: OperationalError)."""
    import psycopg

    with psycopg.connect(url, connect_timeout=10) as conn:
        conn.read_only = True
        version = str(conn.execute("SHOW server_version").fetchone()[0]).split()[0]  # type: ignore[index]
        has = conn.execute("SELECT to_regclass('migrations'), to_regclass('messages')").fetchone()
        done: set[str] = set()
        waiting = 0
        if has is not None and has[0] is not None:
            done = {r[0] for r in conn.execute("SELECT name FROM migrations")}
        if has is not None and has[1] is not None:
            row = conn.execute("SELECT count(*) FROM messages WHERE status = 'pending'").fetchone()
            waiting = int(row[0]) if row else 0
    known = [name for name, _ in MIGRATIONS]
    return ServerHealth(version=version, pending=tuple(n for n in known if n not in done),
                        unknown=tuple(sorted(done - set(known))), waiting=waiting)
