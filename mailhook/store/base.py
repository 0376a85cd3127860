"""The connection: durability pragmas, transactions, migrations and the provenance-aware write.

Two engines behind one API: an SQLite file (the default) or a PostgreSQL url; what differs
between them is in store.postgres, and the rest of the store writes SQL both read.
"""

from __future__ import annotations

import socket
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol, Self

import sqlite_utils

from mailhook.database_url import DatabaseConfig, redact
from mailhook.errors import DatabaseUnusable, InvalidValue
from mailhook.mailbox import canonical_address
from mailhook.model import CONTACT_FIELDS
from mailhook.rules.fill import ContactState
from mailhook.store import postgres
from mailhook.store.locks import is_locked
from mailhook.store.schema import MIGRATIONS, NOW

# Seconds from one stored timestamp to another, in SQLite's SQL (store.postgres has PostgreSQL's).
SECONDS_BETWEEN = "(julianday({later}) - julianday({earlier})) * 86400.0"
LEASE_UNTIL = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+{seconds} seconds')"
LEASE_SECONDS = 120  # how long a claim holds unrenewed (store.claims)
LOCAL_HOST = "local"  # the one host of an SQLite file


class Cursor(Protocol):
    """What the store reads from a statement, on either engine."""

    @property
    def rowcount(self) -> int: ...
    def fetchone(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...
    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """What the store calls on a connection: sqlite3's, or store.postgres.PgConnection."""

    def execute(self, sql: str, parameters: Any = ..., /) -> Cursor: ...
    def executemany(self, sql: str, parameters: Iterable[Any], /) -> Cursor: ...
    @property
    def in_transaction(self) -> bool: ...
    def close(self) -> None: ...


def utc_now(at: float | None = None) -> str:
    """Now (or the epoch time `at`) as SQLite's strftime('%Y-%m-%dT%H:%M:%fZ') writes it, so
    timestamps written by Python and by triggers sort together."""
    moment = datetime.now(UTC) if at is None else datetime.fromtimestamp(at, UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


class Base:
    """The connection and what every part of the store shares."""

    path: Path  # the SQLite file (a PostgreSQL store has none: see `url`)
    url: str | None = None  # the PostgreSQL url
    db: sqlite_utils.Database | None = None  # SQLite only: its rows as dicts

    def __init__(self, path: Path | str, *, busy_timeout_ms: int = 10_000,
                 host: str | None = None) -> None:
        """Open `path`, an SQLite file, or a postgresql:// url, and migrate it. `host` names
        this machine among those sharing the database (its claims are its own; default: the
        host name). An SQLite file has one host, whatever the machine is called today (a
        container's name changes at each start): its claims are all LOCAL_HOST's."""
        self.host = host or (socket.gethostname() if postgres.is_url(path) else LOCAL_HOST)
        if postgres.is_url(path):
            self._open_postgres(str(path), busy_timeout_ms)
        else:
            self._open_sqlite(path, busy_timeout_ms)

    @classmethod
    def configured(cls, database: DatabaseConfig, *, busy_timeout_ms: int = 10_000) -> Self:
        """The config's database (its url, else its file) as this host (database.host_id)."""
        return cls(database.target, busy_timeout_ms=busy_timeout_ms, host=database.host)

    def _open_sqlite(self, path: Path | str, busy_timeout_ms: int) -> None:
        self.path = Path(path)
        self.engine = "sqlite"
        self._begin: tuple[str, ...] = ("BEGIN IMMEDIATE",)
        self._notify: tuple[str, ...] = ()  # SQLite has no way to tell another process
        self._seconds = SECONDS_BETWEEN
        self._clock = (NOW, LEASE_UNTIL.format(seconds=LEASE_SECONDS))
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
            self.conn: Connection = conn
            self._migrate()
        except sqlite3.Error as exc:
            conn.close()
            if is_locked(exc):
                raise  # left as it is, for the callers that wait locks out (worker, supervisor)
            raise _unusable(self.path, exc) from exc

    @classmethod
    def lent(cls, conn: Any, url: str, *, host: str | None = None) -> Self:
        """A store on a PostgreSQL connection lent by a pool (store.pool), already migrated;
        the pool, not the store, opens it again after a loss and closes it."""
        store = cls.__new__(cls)
        store.host = host or socket.gethostname()
        store._attach_postgres(url, postgres.PgConnection(conn))
        return store

    def _attach_postgres(self, url: str, conn: postgres.PgConnection) -> None:
        self.url = url
        self.engine = "postgresql"
        self._begin = postgres.BEGIN
        self._notify = postgres.NOTIFY
        self._seconds = postgres.SECONDS_BETWEEN
        self._clock = (postgres.PG_NOW, postgres.PG_LEASE_UNTIL.format(seconds=LEASE_SECONDS))
        self._pg = conn
        self.conn = conn

    def _open_postgres(self, url: str, busy_timeout_ms: int) -> None:
        import psycopg

        try:
            conn = postgres.connect(url, busy_timeout_ms)
        except psycopg.OperationalError as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise DatabaseUnusable(f"cannot connect to {redact(url)}: {first}") from exc
        self._attach_postgres(url, conn)
        try:
            self._migrate()
        except BaseException:
            self._pg.close()
            raise

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def _tx(self, begin: tuple[str, ...] | None = None) -> Iterator[Connection]:
        """One write transaction, one writer at a time (SQLite's BEGIN IMMEDIATE, and its
        PostgreSQL counterpart: store.postgres.BEGIN), or opened by `begin` (PostgreSQL's
        claims: store.postgres.CLAIM_BEGIN)."""
        try:
            for statement in begin or self._begin:  # PostgreSQL's lock may time out inside its BEGIN
                self.conn.execute(statement)
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
            for name, sql in MIGRATIONS if self.db is not None else postgres.MIGRATIONS:
                if name in done:
                    continue
                if self.db is not None:
                    for statement in _statements(sql):
                        c.execute(statement)
                else:
                    self._pg.script(sql)
                c.execute("INSERT INTO migrations VALUES (?, ?)", (name, utc_now()))

    def _tell_workers(self, c: Connection) -> None:
        """Inside a transaction that made mail due: PostgreSQL tells every listening worker, on
        any host, at its commit (a rollback tells nobody)."""
        for statement in self._notify:
            c.execute(statement)

    def listen_for_mail(self) -> None:
        """From now on wait_for_mail hears of mail made due by any connection (PostgreSQL's
        LISTEN). SQLite has no such signal: there the intake's wake flag tells its own worker."""
        if self.url is not None:
            self._pg.listen()

    def wait_for_mail(self, timeout: float) -> bool:
        """Wait up to `timeout` seconds for mail made due since the last call (new, retried or
        re-queued, on PostgreSQL); True when told of some. On SQLite it returns False at once."""
        return self._pg.notified(timeout) if self.url is not None else False

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        """The rows of a read-only query as dicts, on either engine (what `sqlite-utils query`
        gives on the file): for inspections and tests, never for a write."""
        return self._rows(sql, params)

    def _rows(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        if self.db is not None:
            return list(self.db.query(sql, params))
        return self._pg.rows(sql, params)

    @staticmethod
    def _contact_state(c: Connection, email: str) -> ContactState | None:
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
        c: Connection,
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
