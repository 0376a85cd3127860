"""Recommended follow-up tasks, what the AI filled per user, and the daily digests already sent."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from mailhook.errors import InvalidValue, NotFound
from mailhook.model import SOURCE_AI
from mailhook.store.base import Base, Connection, normalise_address, utc_now

STATUSES = ("recommended", "accepted", "dismissed")


@dataclass(frozen=True)
class NewTask:
    """A task the worker found in one message, written by `Store.finish` with its outcome."""

    contact_email: str | None
    title: str
    sentence: str
    due: str | None  # YYYY-MM-DD


@dataclass(frozen=True)
class Task:
    """A stored task with the message it came from."""

    id: int
    user_email: str
    contact_email: str | None
    contact_name: str | None
    message_rowid: int
    message_id: str | None
    subject: str | None
    message_date: str | None
    title: str
    sentence: str
    due: str | None
    status: str
    created_at: str
    status_at: str | None


@dataclass(frozen=True)
class Fill:
    """One property value the AI filled for a contact, from one of the user's messages."""

    contact_email: str
    property: str
    value: str | None
    message_id: str | None
    changed_at: str


def insert_tasks(
    c: Connection, message_rowid: int, user_email: str, tasks: Sequence[NewTask]
) -> None:
    """Inside the finish transaction; a sentence the user already has from this message is skipped.

    The same mail can arrive twice for one user (an LMTP copy of their sent mail and a BCC to
    the forwarding address): the Message-ID, not only the stored copy, identifies it.
    """
    key = c.execute(
        "SELECT COALESCE(message_id, dedupe_key) FROM messages WHERE id = ?", (message_rowid,)
    ).fetchone()[0]
    for task in tasks:
        c.execute(
            """INSERT OR IGNORE INTO tasks (user_email, contact_email, message_rowid, message_id,
               title, sentence, due) SELECT ?, ?, ?, ?, ?, ?, ?
               WHERE NOT EXISTS (SELECT 1 FROM tasks WHERE user_email = ? AND message_id = ?
                                 AND sentence = ?)""",
            (user_email, task.contact_email, message_rowid, key, task.title, task.sentence,
             task.due, user_email, key, task.sentence),
        )


_SELECT = """
SELECT t.*, m.subject, m.date AS message_date,
       NULLIF(TRIM(COALESCE(c.first_name, '') || ' ' || COALESCE(c.last_name, '')), '')
           AS contact_name
FROM tasks t JOIN messages m ON m.id = t.message_rowid
LEFT JOIN contacts c ON c.email = t.contact_email
"""


class TaskStore(Base):
    """Tasks and digests."""

    def tasks(
        self,
        *,
        user_email: str | None = None,
        status: str | None = None,
        created_from: str | None = None,
        created_before: str | None = None,
    ) -> list[Task]:
        """Tasks, oldest first, filtered by user, status and a half-open creation window (UTC)."""
        where, params = [], []
        for clause, value in (
            ("t.user_email = ?", normalise_address(user_email) if user_email else None),
            ("t.status = ?", _status(status) if status else None),
            ("t.created_at >= ?", created_from),
            ("t.created_at < ?", created_before),
        ):
            if value is not None:
                where.append(clause)
                params.append(value)
        sql = _SELECT + (f" WHERE {' AND '.join(where)}" if where else "") + " ORDER BY t.id"
        return [_task(r) for r in self._rows(sql, params)]

    def task(self, task_id: int) -> Task:
        rows = self._rows(_SELECT + " WHERE t.id = ?", [task_id])
        if not rows:
            raise NotFound(f"no task {task_id}")
        return _task(rows[0])

    def set_task_status(self, task_id: int, status: str) -> Task:
        """Accept or dismiss (or restore) a task; the time of the decision is kept."""
        status = _status(status)
        with self._tx() as c:
            changed = c.execute(
                "UPDATE tasks SET status = ?, status_at = ? WHERE id = ?",
                (status, utc_now(), task_id),
            ).rowcount
        if not changed:
            raise NotFound(f"no task {task_id}")
        return self.task(task_id)

    def ai_fills(self, user_email: str, changed_from: str, changed_before: str) -> list[Fill]:
        """Values the AI wrote in the window from messages that belong to `user_email`."""
        rows = self._rows(
            """SELECT h.contact_email, h.property, h.new_value, h.message_id, h.changed_at
               FROM property_history h
               WHERE h.source = ? AND h.changed_at >= ? AND h.changed_at < ?
                 AND EXISTS (SELECT 1 FROM messages m WHERE m.user_email = ?
                             AND COALESCE(m.message_id, m.dedupe_key) = h.message_id)
               ORDER BY h.contact_email, h.id""",
            [SOURCE_AI, changed_from, changed_before, normalise_address(user_email)],
        )
        return [
            Fill(r["contact_email"], r["property"], r["new_value"], r["message_id"], r["changed_at"])
            for r in rows
        ]

    def claim_digest(self, user_email: str, day: str) -> bool:
        """Record that today's digest goes out; False when it already went (or is going) out."""
        with self._tx() as c:
            return c.execute(
                "INSERT OR IGNORE INTO digests_sent (user_email, day, sent_at) VALUES (?, ?, ?)",
                (normalise_address(user_email), day, utc_now()),
            ).rowcount == 1

    def release_digest(self, user_email: str, day: str) -> None:
        """Undo a claim whose mail could not be sent, so the next run tries again."""
        with self._tx() as c:
            c.execute(
                "DELETE FROM digests_sent WHERE user_email = ? AND day = ?",
                (normalise_address(user_email), day),
            )

    def digests_sent(self) -> list[dict[str, Any]]:
        return self._rows("SELECT * FROM digests_sent ORDER BY day, user_email")


def _status(status: str) -> str:
    if status not in STATUSES:
        raise InvalidValue(f"unknown task status {status!r} (known: {', '.join(STATUSES)})")
    return status


def _task(row: dict[str, Any]) -> Task:
    return Task(
        id=row["id"],
        user_email=row["user_email"],
        contact_email=row["contact_email"],
        contact_name=row["contact_name"],
        message_rowid=row["message_rowid"],
        message_id=row["message_id"],
        subject=row["subject"],
        message_date=row["message_date"],
        title=row["title"],
        sentence=row["sentence"],
        due=row["due"],
        status=row["status"],
        created_at=row["created_at"],
        status_at=row["status_at"],
    )
