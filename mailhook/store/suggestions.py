"""Every candidate a scanned reply showed, and the suggested updates users accept or dismiss."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from mailhook.errors import InvalidValue, NotFound
from mailhook.model import CONTACT_FIELDS, SOURCE_USER
from mailhook.rules.fill import Candidate, ContactState, Decision
from mailhook.store.base import Base, Connection, normalise_address, utc_now

SUGGESTION_STATUSES = ("open", "accepted", "dismissed", "superseded")
# The contact's current value of the suggested property (one CASE arm per column).
_CURRENT_VALUE = f"CASE s.property {' '.join(f'WHEN {p!r} THEN c.{p}' for p in CONTACT_FIELDS)} END"


@dataclass(frozen=True)
class Suggestion:
    """A value a contact's own signature showed that differs from what the contact holds."""

    id: int
    contact_email: str
    property: str
    value: str
    held_value: str | None  # what the contact held when it was suggested
    current_value: str | None  # what it holds now
    reason: str | None  # why the AI did not write it
    evidence: dict[str, Any]
    user_email: str | None
    message_id: str | None
    subject: str | None
    seen: int  # how many scanned replies showed this value
    status: str
    created_at: str
    status_at: str | None


def record_decision(
    c: Connection,
    rowid: int,
    message_id: str,
    email: str,
    user_email: str | None,
    state: ContactState,
    candidates: Sequence[Candidate],
    decision: Decision,
) -> None:
    """Inside the finish transaction: keep each candidate with what became of it, and raise a
    suggestion for each value that differs from what the contact holds."""
    filled = {f.property for f in decision.fills}
    suggested = {s.property for s in decision.suggestions}
    for candidate in candidates:
        prop = candidate.property
        outcome = "filled" if prop in filled else "suggested" if prop in suggested else "kept"
        c.execute(
            """INSERT OR IGNORE INTO candidates (message_rowid, message_id, contact_email,
               property, value, original, evidence, outcome, reason)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (rowid, message_id, email, prop, candidate.value, candidate.original,
             _json(candidate.evidence), outcome, decision.reasons.get(prop)),
        )
    for suggestion in decision.suggestions:
        _suggest(c, rowid, message_id, email, user_email, state, suggestion,
                 decision.reasons.get(suggestion.property))


def _suggest(
    c: Connection, rowid: int, message_id: str, email: str, user_email: str | None,
    state: ContactState, candidate: Candidate, reason: str | None,
) -> None:
    """One open suggestion per property: a newer value supersedes an older open one; a value the
    user dismissed is not raised again, however often it comes back."""
    prop, value = candidate.property, candidate.value
    row = c.execute(
        "SELECT id, status FROM suggestions WHERE contact_email = ? AND property = ? AND value = ?",
        (email, prop, value),
    ).fetchone()
    if row is not None and row[1] in ("dismissed", "accepted"):
        return
    now = utc_now()
    c.execute(
        """UPDATE suggestions SET status = 'superseded', status_at = ?
           WHERE contact_email = ? AND property = ? AND value != ? AND status = 'open'""",
        (now, email, prop, value),
    )
    if row is not None:
        c.execute(
            """UPDATE suggestions SET seen = seen + 1, status = 'open', status_at = NULL,
               held_value = ?, message_rowid = ?, message_id = ?, evidence = ? WHERE id = ?""",
            (state.values.get(prop), rowid, message_id, _json(candidate.evidence), row[0]),
        )
        return
    c.execute(
        """INSERT INTO suggestions (contact_email, property, value, original, held_value, reason,
           evidence, user_email, message_rowid, message_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (email, prop, value, candidate.original, state.values.get(prop), reason,
         _json(candidate.evidence), user_email, rowid, message_id),
    )


class SuggestionStore(Base):
    """Suggested updates and the candidates behind them."""

    def suggestions(
        self, *, status: str | None = "open", contact: str | None = None,
        user_email: str | None = None, created_from: str | None = None,
        created_before: str | None = None, suggestion_id: int | None = None,
    ) -> list[Suggestion]:
        """Suggestions with the contact's current value and the subject of the mail behind them."""
        where, params = _filters(status, contact, user_email, created_from, created_before,
                                 suggestion_id)
        rows = self._rows(
            f"""SELECT s.*, {_CURRENT_VALUE} AS current_value, m.subject FROM suggestions s
                JOIN contacts c ON c.email = s.contact_email
                LEFT JOIN messages m ON m.id = s.message_rowid
                {where} ORDER BY s.created_at, s.id""",
            params,
        )
        return [_suggestion(r) for r in rows]

    def suggestion(self, suggestion_id: int) -> Suggestion:
        found = self.suggestions(status=None, suggestion_id=suggestion_id)
        if not found:
            raise NotFound(f"no suggestion #{suggestion_id}")
        return found[0]

    def accept_suggestion(self, suggestion_id: int) -> Suggestion:
        """Write the suggested value as a user's edit (the AI will never touch it again)."""
        suggestion = self._open(suggestion_id)
        with self._tx() as c:
            self._write(c, suggestion.contact_email, suggestion.property, suggestion.value,
                        SOURCE_USER, True, suggestion.message_id)
            self._set_status(c, suggestion_id, "accepted")
        return self.suggestion(suggestion_id)

    def dismiss_suggestion(self, suggestion_id: int) -> Suggestion:
        self._open(suggestion_id)
        with self._tx() as c:
            self._set_status(c, suggestion_id, "dismissed")
        return self.suggestion(suggestion_id)

    def candidates(self, contact: str) -> list[dict[str, Any]]:
        """Every value scanned replies showed for a contact, newest first, with what became of it."""
        return self._rows(
            """SELECT property, value, original, outcome, reason, message_id, evidence, created_at
               FROM candidates WHERE contact_email = ? ORDER BY created_at DESC, id DESC""",
            [normalise_address(contact)],
        )

    def _open(self, suggestion_id: int) -> Suggestion:
        suggestion = self.suggestion(suggestion_id)
        if suggestion.status != "open":
            raise InvalidValue(f"suggestion #{suggestion_id} is {suggestion.status}, not open")
        return suggestion

    @staticmethod
    def _set_status(c: Connection, suggestion_id: int, status: str) -> None:
        c.execute(
            "UPDATE suggestions SET status = ?, status_at = ? WHERE id = ?",
            (status, utc_now(), suggestion_id),
        )


def _filters(
    status: str | None, contact: str | None, user_email: str | None,
    created_from: str | None, created_before: str | None, suggestion_id: int | None,
) -> tuple[str, list[Any]]:
    if status is not None and status not in SUGGESTION_STATUSES:
        raise InvalidValue(f"unknown status {status!r} (known: {', '.join(SUGGESTION_STATUSES)})")
    clauses, params = [], []
    for clause, value in (
        ("s.status = ?", status),
        ("s.contact_email = ?", normalise_address(contact) if contact else None),
        ("s.user_email = ?", normalise_address(user_email) if user_email else None),
        ("s.created_at >= ?", created_from),
        ("s.created_at < ?", created_before),
        ("s.id = ?", suggestion_id),
    ):
        if value is not None:
            clauses.append(clause)
            params.append(value)
    return (f"WHERE {' AND '.join(clauses)}" if clauses else ""), params


def _json(value: Any) -> str | None:
    return json.dumps(value, ensure_ascii=False) if value else None


def _suggestion(row: dict[str, Any]) -> Suggestion:
    return Suggestion(
        id=row["id"],
        contact_email=row["contact_email"],
        property=row["property"],
        value=row["value"],
        held_value=row["held_value"],
        current_value=row["current_value"],
        reason=row["reason"],
        evidence=json.loads(row["evidence"]) if row["evidence"] else {},
        user_email=row["user_email"],
        message_id=row["message_id"],
        subject=row["subject"],
        seen=row["seen"],
        status=row["status"],
        created_at=row["created_at"],
        status_at=row["status_at"],
    )
