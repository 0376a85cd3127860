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
