"""The connection: durability pragmas, transactions, migrations and the provenance-aware write."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from mailhook.errors import DatabaseUnusable, InvalidValue
from mailhook.mailbox import canonical_address
from mailhook.model import CONTACT_FIELDS
from mailhook.rules.fill import ContactState
from mailhook.store.locks import is_locked
from mailhook.store.schema import MIGRATIONS


def utc_now(at: float | None = None) -> str:
    """Now (or the epoch time `at`) as SQLite's strftime('%Y-%m-%dT%H:%M:%fZ') writes it, so
    timestamps written by Python and by triggers sort together."""
    moment = datetime.now(UTC) if at is None else datetime.fromtimestamp(at, UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


class Base:
    """The connection and what every part of the store shares."""

    def __init__(self, path: Path | str, *, busy_timeout_ms: int = 10_000) -> None:
        self.path = Path(path)
        if str(path) != ":memory:":
            _check_location(self.path)
        # Autocommit mode: transactions are opened explicitly with BEGIN IMMEDIATE in _tx().
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        try:
            conn.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")  # first: WAL may wait too
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            self.db = sqlite_utils.Database(conn)
            self.conn = conn
            self._migrate()
        except sqlite3.Error as exc:
            conn.close()
            if is_locked(exc):
                raise  # left as it is, for the callers that wait locks out (worker, supervisor)
            raise _unusable(self.path, exc) from exc

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException:
            # Also when COMMIT itself fails (disk full, I/O error): never leave the connection
            # inside a transaction, or every later write on it would fail until a restart.
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def _migrate(self) -> None:
        with self._tx() as c:
            c.execute(
                "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT)"
            )
            done = {r[0] for r in c.execute("SELECT name FROM migrations")}
            for name, sql in MIGRATIONS:
                if name in done:
                    continue
                for statement in _statements(sql):
                    c.execute(statement)
                c.execute("INSERT INTO migrations VALUES (?, ?)", (name, utc_now()))

    def _rows(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        return list(self.db.query(sql, params))

    @staticmethod
    def _contact_state(c: sqlite3.Connection, email: str) -> ContactState | None:
        row = c.execute(
            f"SELECT {', '.join(CONTACT_FIELDS)}, scanned_message_id FROM contacts WHERE email = ?",
            (email,),
        ).fetchone()
        if row is None:
            return None
        meta = c.execute(
            "SELECT property, source, user_edited FROM contact_properties WHERE contact_email = ?",
            (email,),
        ).fetchall()
        return ContactState(
            values=dict(zip(CONTACT_FIELDS, row[:-1], strict=True)),
            user_edited=frozenset(p for p, _, edited in meta if edited),
            scanned_message_id=row[-1],
            sources={p: source for p, source, _ in meta},
        )

    @staticmethod
    def _write(
        c: sqlite3.Connection,
        email: str,
        prop: str,
        value: str | None,
        source: str,
        user_edited: bool,
        message_id: str | None = None,
        original: str | None = None,
        evidence: str | None = None,
    ) -> None:
        """Write one property with its provenance; the triggers record flag and history."""
        c.execute("DELETE FROM write_context")
        c.execute(
            "INSERT INTO write_context VALUES (?, ?, ?, ?, ?)",
            (source, int(user_edited), message_id, original, evidence),
        )
        c.execute(f"UPDATE contacts SET {prop} = ? WHERE email = ?", (value, email))
        c.execute("DELETE FROM write_context")

def normalise_address(email: str) -> str:
    return canonical_address(email)


def check_properties(values: dict[str, Any]) -> None:
    for prop in values:
        if prop not in CONTACT_FIELDS:
            raise InvalidValue(f"unknown property {prop!r} (known: {', '.join(CONTACT_FIELDS)})")

def _check_location(path: Path) -> None:
    """A path SQLite cannot use as a database file, named in one line instead of a traceback."""
    if path.is_dir():
        raise DatabaseUnusable(f"{path} is a directory, not a database file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseUnusable(f"cannot create the folder of database {path}: {exc.strerror}") from exc


def _unusable(path: Path, exc: sqlite3.Error) -> DatabaseUnusable:
    """Why `path` cannot be opened as a database, in one line."""
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF  # the primary result code
    if code == sqlite3.SQLITE_NOTADB:
        return DatabaseUnusable(f"{path} is not an SQLite database")
    if code == sqlite3.SQLITE_CORRUPT:
        return DatabaseUnusable(f"{path} is damaged ({exc}); see `mailhook doctor`")
    return DatabaseUnusable(f"cannot open database {path}: {exc}")


def _statements(sql: str) -> Iterator[str]:
    """Split a migration script into statements (triggers contain semicolons)."""
    buffer = ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                yield buffer
            buffer = ""
    if buffer.strip():
        yield buffer
