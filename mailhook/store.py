"""The only module that talks to SQLite: intake, queue, users, contacts and the fill transaction."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from .errors import AlreadyExists, InvalidValue, NotFound
from .merge import Candidate, ContactState, decide_fills
from .model import PROPERTIES, SOURCE_AI, SOURCE_IMPORT, SOURCE_USER
from .schema import MIGRATIONS


def utc_now() -> str:
    """Timestamps as SQLite's strftime('%Y-%m-%dT%H:%M:%fZ') writes them, so they sort together."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


@dataclass(frozen=True)
class Received:
    """One accepted copy of a message, as the intake stores it before replying 250."""

    raw: bytes
    message_id: str | None
    recipient: str
    listener: str
    mail_from: str | None
    recipients: tuple[str, ...]
    peer: str | None
    received_at: str = field(default_factory=utc_now)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()

    @property
    def dedupe_key(self) -> str:
        # An MTA retry carries the same Message-ID; without one, the same bytes are the same message.
        return self.message_id or f"sha256:{self.sha256}"


@dataclass(frozen=True)
class Queued:
    """A stored message claimed by the worker."""

    id: int
    raw: bytes
    message_id: str | None
    recipient: str
    listener: str
    mail_from: str | None
    recipients: tuple[str, ...]
    received_at: str
    attempts: int


@dataclass(frozen=True)
class User:
    email: str
    name: str | None
    fill_contact_details: bool
    fill_contact_details_since: str | None
    inbox_automation: bool
    inbox_automation_since: str | None


@dataclass(frozen=True)
class Outcome:
    """What processing decided for one message; applied in one transaction by `Store.finish`."""

    direction: str
    user_email: str | None = None
    from_address: str | None = None
    subject: str | None = None
    date: str | None = None
    contact_email: str | None = None  # whose words were read
    logged_on: tuple[str, ...] = ()  # contacts this message is logged on (if they exist)
    create: tuple[str, ...] = ()  # of those, the ones to create when missing
    scanned: bool = False  # the contact's reply was scanned: only the first scanned one fills
    candidates: tuple[Candidate, ...] = ()
    language: str | None = None
    skip_reason: str | None = None
    dkim_verdict: str | None = None


class Store:
    """A connection to the mailhook database. One per thread; every write is one transaction."""

    def __init__(self, path: Path | str, *, busy_timeout_ms: int = 10_000) -> None:
        self.path = Path(path)
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        # Autocommit mode: transactions are opened explicitly with BEGIN IMMEDIATE in _tx().
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        self.db = sqlite_utils.Database(conn)
        self.conn = conn
        self._migrate()

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

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

    # --- intake -------------------------------------------------------------------------

    def insert_received(self, batch: Sequence[Received]) -> list[bool]:
        """Store a batch in one durable commit; True for new copies, False for retries."""
        results = []
        with self._tx() as c:
            for item in batch:
                c.execute(
                    "INSERT OR IGNORE INTO message_raw (sha256, raw) VALUES (?, ?)",
                    (item.sha256, item.raw),
                )
                cursor = c.execute(
                    """INSERT OR IGNORE INTO messages (message_id, dedupe_key, recipient,
                       listener, mail_from, recipients, peer, received_at, size, raw_sha256)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    (
                        item.message_id,
                        item.dedupe_key,
                        item.recipient,
                        item.listener,
                        item.mail_from,
                        json.dumps(list(item.recipients)),
                        item.peer,
                        item.received_at,
                        len(item.raw),
                        item.sha256,
                    ),
                )
                results.append(cursor.rowcount == 1)
        return results

    # --- queue --------------------------------------------------------------------------

    def requeue_interrupted(self) -> int:
        """Messages a killed worker was processing go back to pending (their work rolled back)."""
        with self._tx() as c:
            return c.execute(
                "UPDATE messages SET status = 'pending' WHERE status = 'processing'"
            ).rowcount

    def claim(self, limit: int) -> list[Queued]:
        with self._tx() as c:
            rows = c.execute(
                """UPDATE messages SET status = 'processing', attempts = attempts + 1
                   WHERE id IN (SELECT id FROM messages WHERE status = 'pending'
                                ORDER BY id LIMIT ?)
                   RETURNING id""",
                (limit,),
            ).fetchall()
        ids = sorted(r[0] for r in rows)
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        found = self._rows(
            f"""SELECT m.*, r.raw FROM messages m JOIN message_raw r ON r.sha256 = m.raw_sha256
                WHERE m.id IN ({marks}) ORDER BY m.id""",
            ids,
        )
        return [
            Queued(
                id=r["id"],
                raw=r["raw"],
                message_id=r["message_id"],
                recipient=r["recipient"],
                listener=r["listener"],
                mail_from=r["mail_from"],
                recipients=tuple(json.loads(r["recipients"])),
                received_at=r["received_at"],
                attempts=r["attempts"],
            )
            for r in found
        ]

    def fail(self, message_rowid: int, error: str, max_attempts: int) -> str:
        """Record a processing failure: back to pending for a retry, or parked as failed."""
        with self._tx() as c:
            c.execute(
                """UPDATE messages SET last_error = ?,
                   status = CASE WHEN attempts >= ? THEN 'failed' ELSE 'pending' END
                   WHERE id = ?""",
                (error, max_attempts, message_rowid),
            )
            row = c.execute("SELECT status FROM messages WHERE id = ?", (message_rowid,)).fetchone()
        return str(row[0])

    def retry_failed(self, ids: Sequence[int] = ()) -> int:
        """Re-queue parked messages (all of them, or the given ids)."""
        where, params = "status = 'failed'", list(ids)
        if ids:
            where += f" AND id IN ({','.join('?' * len(ids))})"
        with self._tx() as c:
            return c.execute(
                f"UPDATE messages SET status = 'pending', attempts = 0 WHERE {where}", params
            ).rowcount

    def counts(self) -> dict[str, int]:
        rows = self._rows("SELECT status, count(*) AS n FROM messages GROUP BY status")
        by_status = {r["status"]: r["n"] for r in rows}
        pending = by_status.get("pending", 0) + by_status.get("processing", 0)
        return {
            "received": sum(by_status.values()),
            "processed": by_status.get("processed", 0),
            "pending": pending,
            "failed": by_status.get("failed", 0),
        }

    def failed_messages(self) -> list[dict[str, Any]]:
        return self._rows(
            """SELECT id, message_id, recipient, received_at, attempts, last_error
               FROM messages WHERE status = 'failed' ORDER BY id"""
        )

    def finish(self, message_rowid: int, outcome: Outcome) -> list[Candidate]:
        """Apply a processing outcome atomically; returns the candidates that filled properties."""
        with self._tx() as c:
            for email in outcome.create:
                c.execute(
                    "INSERT OR IGNORE INTO contacts (email, created_by) VALUES (?, 'logging')",
                    (email,),
                )
            for email in outcome.logged_on:
                c.execute(
                    """INSERT OR IGNORE INTO contact_emails (contact_email, message_rowid, role)
                       SELECT email, ?, ? FROM contacts WHERE email = ?""",
                    (message_rowid, "from" if email == outcome.contact_email else "to", email),
                )
            filled = self._fill(c, message_rowid, outcome) if outcome.scanned else []
            c.execute(
                """UPDATE messages SET status = 'processed', processed_at = ?, last_error = NULL,
                   direction = ?, user_email = ?, contact_email = ?, from_address = ?,
                   subject = ?, date = ?, language = ?, scanned = ?, skip_reason = ?,
                   dkim_verdict = ? WHERE id = ?""",
                (
                    utc_now(),
                    outcome.direction,
                    outcome.user_email,
                    outcome.contact_email,
                    outcome.from_address,
                    outcome.subject,
                    outcome.date,
                    outcome.language,
                    int(outcome.scanned),
                    outcome.skip_reason,
                    outcome.dkim_verdict,
                    message_rowid,
                ),
            )
        return filled

    def _fill(self, c: sqlite3.Connection, rowid: int, outcome: Outcome) -> list[Candidate]:
        """Inside the finish transaction: decide on the current state, mark the first scan, fill."""
        email = outcome.contact_email
        state = self._contact_state(c, email) if email else None
        if email is None or state is None:
            return []
        message_id = self._message_key(c, rowid)
        fills = decide_fills(state, outcome.candidates)
        if state.scanned_message_id is None:
            c.execute(
                "UPDATE contacts SET scanned_message_id = ?, scanned_at = ? WHERE email = ?",
                (message_id, utc_now(), email),
            )
        for fill in fills:
            self._write(c, email, fill.property, fill.value, SOURCE_AI, False, message_id,
                        fill.original, json.dumps(fill.evidence, ensure_ascii=False))
        return fills

    @staticmethod
    def _message_key(c: sqlite3.Connection, rowid: int) -> str:
        row = c.execute("SELECT message_id, dedupe_key FROM messages WHERE id = ?", (rowid,))
        message_id, dedupe_key = row.fetchone()
        return str(message_id or dedupe_key)

    @staticmethod
    def _contact_state(c: sqlite3.Connection, email: str) -> ContactState | None:
        row = c.execute(
            f"SELECT {', '.join(PROPERTIES)}, scanned_message_id FROM contacts WHERE email = ?",
            (email,),
        ).fetchone()
        if row is None:
            return None
        edited = {
            p for (p,) in c.execute(
                "SELECT property FROM contact_properties WHERE contact_email = ? AND user_edited",
                (email,),
            )
        }
        return ContactState(
            values=dict(zip(PROPERTIES, row[:-1], strict=True)),
            user_edited=frozenset(edited),
            scanned_message_id=row[-1],
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

    # --- users --------------------------------------------------------------------------

    def add_user(self, email: str, name: str | None, inbox_automation: bool) -> User:
        email = normalise_address(email)
        now = utc_now()
        with self._tx() as c:
            if c.execute("SELECT 1 FROM users WHERE email = ?", (email,)).fetchone():
                raise AlreadyExists(f"user {email} already exists")
            c.execute(
                """INSERT INTO users (email, name, fill_contact_details,
                   fill_contact_details_since, inbox_automation, inbox_automation_since)
                   VALUES (?, ?, 1, ?, ?, ?)""",
                (email, name, now, int(inbox_automation), now if inbox_automation else None),
            )
        return self.get_user(email)

    def set_user(
        self, email: str, *, fill_contact_details: bool | None = None,
        inbox_automation: bool | None = None, name: str | None = None,
    ) -> User:
        """Change settings; turning one on records when, so only later mail is scanned."""
        user = self.get_user(email)
        now = utc_now()
        with self._tx() as c:
            for column, wanted in (
                ("fill_contact_details", fill_contact_details),
                ("inbox_automation", inbox_automation),
            ):
                if wanted is None or wanted == getattr(user, column):
                    continue
                c.execute(
                    f"UPDATE users SET {column} = ?, {column}_since = ? WHERE email = ?",
                    (int(wanted), now if wanted else None, user.email),
                )
            if name is not None:
                c.execute("UPDATE users SET name = ? WHERE email = ?", (name, user.email))
        return self.get_user(user.email)

    def get_user(self, email: str) -> User:
        rows = self._rows("SELECT * FROM users WHERE email = ?", [normalise_address(email)])
        if not rows:
            raise NotFound(f"no user {normalise_address(email)}")
        return _user(rows[0])

    def users(self) -> dict[str, User]:
        return {r["email"]: _user(r) for r in self._rows("SELECT * FROM users ORDER BY email")}

    # --- contacts -----------------------------------------------------------------------

    def add_contact(self, email: str, values: dict[str, str | None], source: str) -> None:
        """Create a contact; values given by a person (`user`) or an import (`import`)."""
        email = normalise_address(email)
        _check_properties(values)
        with self._tx() as c:
            if c.execute("SELECT 1 FROM contacts WHERE email = ?", (email,)).fetchone():
                raise AlreadyExists(f"contact {email} already exists")
            self._insert_contact(c, email, values, source)

    def _insert_contact(
        self, c: sqlite3.Connection, email: str, values: dict[str, str | None], source: str
    ) -> None:
        c.execute("DELETE FROM write_context")
        c.execute(
            "INSERT INTO write_context (source, user_edited) VALUES (?, ?)",
            (source, int(source == SOURCE_USER)),
        )
        given = {k: v for k, v in values.items() if v not in (None, "")}
        columns = ["email", "created_by", *given]
        c.execute(
            f"INSERT INTO contacts ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            [email, source, *given.values()],
        )
        c.execute("DELETE FROM write_context")

    def import_contacts(self, rows: Sequence[dict[str, str | None]]) -> tuple[int, int]:
        """Create or update contacts from import rows (one transaction); returns (added, updated).

        An import is the team's own data: its non-empty cells are written; empty cells change nothing.
        """
        added = updated = 0
        with self._tx() as c:
            for row in rows:
                email = normalise_address(row.get("email") or "")
                values: dict[str, str | None] = {
                    k: v for k, v in row.items() if k != "email" and v not in (None, "")
                }
                _check_properties(values)
                if c.execute("SELECT 1 FROM contacts WHERE email = ?", (email,)).fetchone():
                    for prop, value in values.items():
                        self._write(c, email, prop, value, SOURCE_IMPORT, False)
                    updated += 1
                else:
                    self._insert_contact(c, email, values, SOURCE_IMPORT)
                    added += 1
        return added, updated

    def set_property(self, email: str, prop: str, value: str | None) -> None:
        """A person's edit: sets the user-edited flag, even when clearing the value."""
        email = normalise_address(email)
        _check_properties({prop: value})
        with self._tx() as c:
            if not c.execute("SELECT 1 FROM contacts WHERE email = ?", (email,)).fetchone():
                raise NotFound(f"no contact {email}")
            row = c.execute(f"SELECT {prop} FROM contacts WHERE email = ?", (email,)).fetchone()
            if row[0] == value:
                # No column change fires no trigger, but the person did decide this value.
                c.execute(
                    """INSERT INTO contact_properties (contact_email, property, source,
                       user_edited, updated_at) VALUES (?, ?, ?, 1, ?)
                       ON CONFLICT DO UPDATE SET user_edited = 1""",
                    (email, prop, SOURCE_USER, utc_now()),
                )
            else:
                self._write(c, email, prop, value, SOURCE_USER, True)

    def contact(self, email: str) -> dict[str, Any]:
        """A contact with per-property provenance and the mail logged on it."""
        email = normalise_address(email)
        rows = self._rows("SELECT * FROM contacts WHERE email = ?", [email])
        if not rows:
            raise NotFound(f"no contact {email}")
        meta = {
            r["property"]: r
            for r in self._rows("SELECT * FROM contact_properties WHERE contact_email = ?", [email])
        }
        properties = {}
        for prop in PROPERTIES:
            m = meta.get(prop, {})
            properties[prop] = {
                "value": rows[0][prop],
                "source": m.get("source"),
                "user_edited": bool(m.get("user_edited", 0)),
                "updated_at": m.get("updated_at"),
                "message_id": m.get("message_id"),
            }
        emails = self._rows(
            """SELECT m.message_id, m.direction, m.subject, m.date FROM contact_emails e
               JOIN messages m ON m.id = e.message_rowid WHERE e.contact_email = ?
               ORDER BY m.received_at, m.id""",
            [email],
        )
        return {"email": email, "properties": properties, "emails": emails}

    def contacts(self) -> list[dict[str, Any]]:
        return self._rows(f"SELECT email, {', '.join(PROPERTIES)} FROM contacts ORDER BY email")

    def existing_contacts(self, emails: Sequence[str]) -> set[str]:
        if not emails:
            return set()
        marks = ",".join("?" * len(emails))
        rows = self._rows(f"SELECT email FROM contacts WHERE email IN ({marks})", list(emails))
        return {r["email"] for r in rows}

    def filled(self) -> list[dict[str, Any]]:
        """Every property whose current value the AI filled."""
        return self._rows(
            f"""SELECT p.contact_email AS email, p.property, CASE p.property
                {" ".join(f"WHEN '{prop}' THEN c.{prop}" for prop in PROPERTIES)} END AS value,
                p.updated_at AS filled_at, p.message_id
                FROM contact_properties p JOIN contacts c ON c.email = p.contact_email
                WHERE p.source = ? ORDER BY p.updated_at, p.contact_email, p.property""",
            [SOURCE_AI],
        )


def normalise_address(email: str) -> str:
    email = email.strip().strip("<>").strip().lower()
    if "@" not in email or email.startswith("@") or email.endswith("@") or " " in email:
        raise InvalidValue(f"not an e-mail address: {email!r}")
    return email


def _check_properties(values: dict[str, Any]) -> None:
    for prop in values:
        if prop not in PROPERTIES:
            raise InvalidValue(f"unknown property {prop!r} (known: {', '.join(PROPERTIES)})")


def _user(row: dict[str, Any]) -> User:
    return User(
        email=row["email"],
        name=row["name"],
        fill_contact_details=bool(row["fill_contact_details"]),
        fill_contact_details_since=row["fill_contact_details_since"],
        inbox_automation=bool(row["inbox_automation"]),
        inbox_automation_since=row["inbox_automation_since"],
    )


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
