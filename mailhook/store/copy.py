"""Copying an SQLite database into an empty PostgreSQL one, verified by counts and checksums.

The core of `mailhook migrate-db --to postgresql://...` (issue 17). Every table is copied as it
is, ids included, in one transaction on the target, with the provenance triggers off for the
copy (the source's contact_properties and property_history are copied, not made again); then
each table's rows are counted and hashed on both sides, in key order, and any difference rolls
the whole copy back.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from mailhook.errors import InvalidValue, StoreError
from mailhook.store.base import Base, Connection

# Every table with its key, parents before children (the foreign keys hold at every insert).
# migrations is made by opening the target; write_context is empty outside a transaction.
TABLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("users", ("email",)),
    ("contacts", ("email",)),
    ("message_raw", ("sha256",)),
    ("messages", ("id",)),
    ("contact_properties", ("contact_email", "property")),
    ("property_history", ("id",)),
    ("contact_emails", ("contact_email", "message_rowid")),
    ("message_parties", ("message_rowid", "address")),
    ("tasks", ("id",)),
    ("digests_sent", ("user_email", "day")),
    ("candidates", ("id",)),
    ("suggestions", ("id",)),
    ("web_sessions_ended", ("session_id",)),
)
NOT_COPIED = ("migrations", "write_context")
BATCH = 500


@dataclass(frozen=True)
class TableCopy:
    """One table as copied: its rows and their checksum (the same on both sides)."""

    table: str
    rows: int
    checksum: str


def copy_database(source: Base, target: Base) -> list[TableCopy]:
    """Copy `source` (SQLite) into `target` (PostgreSQL, migrated and empty); returns what each
    table holds. The source is read in one read transaction, so a hook still writing to it
    cannot tear the copy (stop it anyway: what it stores after the copy stays behind)."""
    if source.engine != "sqlite" or target.engine != "postgresql":
        raise InvalidValue("copy_database copies an SQLite database into a PostgreSQL one")
    if (found := _first_rows(target)) is not None:
        raise InvalidValue(f"the target database is not empty ({found[0]} has {found[1]} rows)")
    source.conn.execute("BEGIN")
    try:
        with target._tx() as c:
            c.execute("ALTER TABLE contacts DISABLE TRIGGER USER")
            for table, key in TABLES:
                _copy_table(source.conn, c, table, key)
            c.execute("ALTER TABLE contacts ENABLE TRIGGER USER")
            _continue_ids(c)
            return _verify(source.conn, c)
    finally:
        source.conn.execute("COMMIT")


def _first_rows(target: Base) -> tuple[str, int] | None:
    for table, _ in TABLES:
        count = int(target.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        if count:
            return table, count
    return None


def _copy_table(source: Connection, target: Connection, table: str, key: Sequence[str]) -> None:
    cursor = source.execute(f"SELECT * FROM {table} ORDER BY {', '.join(key)}")
    columns = [column[0] for column in cursor.description]  # type: ignore[attr-defined]
    insert = (f"INSERT INTO {table} ({', '.join(columns)}) "
              f"VALUES ({', '.join('?' * len(columns))})")
    for rows in _batches(cursor, BATCH):
        target.executemany(insert, rows)


def _batches(rows: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for row in rows:
        batch.append(tuple(row))
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _continue_ids(target: Connection) -> None:
    """The identity columns go on after the copied ids (they were given explicitly)."""
    for table, key in TABLES:
        if key == ("id",):
            target.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                           f"COALESCE(max(id), 0) + 1, false) FROM {table}")


def _verify(source: Connection, target: Connection) -> list[TableCopy]:
    """Count and hash every table on both sides; a difference raises (and rolls back)."""
    copied = []
    for table, key in TABLES:
        mine, theirs = table_checksum(source, table, key), table_checksum(target, table, key)
        if mine != theirs:
            raise StoreError(f"the copy of {table} differs: {mine[0]} rows in SQLite, "
                             f"{theirs[0]} in PostgreSQL, checksums {mine[1][:12]} and {theirs[1][:12]}")
        copied.append(TableCopy(table, *mine))
    return copied


def table_checksum(conn: Connection, table: str, key: Sequence[str]) -> tuple[int, str]:
    """How many rows `table` holds and the sha256 of them all, in key order, each row written
    as JSON of its values (bytes as hex), so both engines' rows hash alike."""
    cursor = conn.execute(f"SELECT * FROM {table} ORDER BY {', '.join(key)}")
    columns = sorted(column[0] for column in cursor.description)  # type: ignore[attr-defined]
    digest, count = hashlib.sha256(), 0
    names = [column[0] for column in cursor.description]  # type: ignore[attr-defined]
    for row in cursor:
        values = dict(zip(names, row, strict=True))
        line = [_plain(values[name]) for name in columns]
        digest.update(json.dumps(line, ensure_ascii=False).encode("utf-8") + b"\n")
        count += 1
    return count, digest.hexdigest()


def _plain(value: Any) -> Any:
    if isinstance(value, bytes | bytearray | memoryview):
        return {"hex": bytes(value).hex()}
    return value
