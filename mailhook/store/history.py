"""Undoing the AI's fills: revert what it wrote where no one has changed the value since."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from mailhook.model import PROPERTIES, SOURCE_AI
from mailhook.store.base import Base, Connection

SOURCE_UNDO = "undo"


@dataclass(frozen=True)
class AiChange:
    """One property change the AI made, as property_history recorded it."""

    history_id: int
    contact_email: str
    property: str
    old_value: str | None
    new_value: str | None
    message_id: str | None
    changed_at: str


@dataclass(frozen=True)
class LaterChange:
    """A change of the same property after the AI's, by whoever made it."""

    source: str
    changed_at: str


@dataclass(frozen=True)
class Reversal:
    """What undo does with one AI change: revert it to `restored`, or skip it and say why."""

    contact_email: str
    property: str
    ai_value: str | None
    restored: str | None
    message_id: str | None
    filled_at: str
    reverted: bool
    reason: str | None = None  # why it was skipped


def decide_reversal(
    change: AiChange,
    later: Sequence[LaterChange],
    current: str | None,
    contact_exists: bool,
    user_edited: bool,
) -> Reversal | None:
    """Revert only while the AI's value is still there untouched; None when already undone."""
    if later and later[0].source == SOURCE_UNDO:
        return None
    reason = None
    if not contact_exists:
        reason = "the contact no longer exists"
    elif later:
        reason = f"changed since by {later[-1].source} at {later[-1].changed_at}"
    elif user_edited:
        # A person re-entered the same value: no history row, but the flag says they chose it.
        reason = "a person has confirmed this value"
    elif current != change.new_value:
        reason = "the value is no longer the one the AI wrote"
    return Reversal(
        contact_email=change.contact_email,
        property=change.property,
        ai_value=change.new_value,
        restored=change.old_value,
        message_id=change.message_id,
        filled_at=change.changed_at,
        reverted=reason is None,
        reason=reason,
    )


class HistoryStore(Base):
    """Queries over property_history, and the undo of AI fills."""

    def undo_fills(
        self,
        *,
        message_ids: Sequence[str] = (),
        since: str | None = None,
        dry_run: bool = False,
    ) -> list[Reversal]:
        """Revert the AI's changes from these messages and/or at or after `since` (UTC, as
        stored); one transaction. The first-reply mark (`scanned_message_id`) stays, so the AI
        does not fill the property again."""
        with self._tx() as c:
            found = []
            # Newest first, so an AI value that replaced an earlier AI value (policy "own") is
            # unwound step by step; what this undo itself reverted does not block older steps.
            undone: dict[tuple[str, str], str | None] = {}  # what the reverted steps restored
            handled: set[int] = set()
            for change in reversed(_ai_changes(c, message_ids, since)):
                reversal = _decide(c, change, handled, undone)
                if reversal is None:
                    continue
                found.append(reversal)
                if not reversal.reverted:
                    continue
                handled.add(change.history_id)
                undone[(change.contact_email, change.property)] = change.old_value
                if not dry_run:
                    self._write(c, change.contact_email, change.property, change.old_value,
                                SOURCE_UNDO, False, change.message_id, None,
                                json.dumps({"undo_of": change.history_id}))
                    handled.add(c.execute("SELECT max(id) FROM property_history").fetchone()[0])
        return found[::-1]


def _ai_changes(
    c: Connection, message_ids: Sequence[str], since: str | None
) -> list[AiChange]:
    where, params = ["source = ?"], [SOURCE_AI]
    if message_ids:
        where.append(f"message_id IN ({', '.join('?' * len(message_ids))})")
        params += message_ids
    if since is not None:
        where.append("changed_at >= ?")
        params.append(since)
    rows = c.execute(
        f"""SELECT id, contact_email, property, old_value, new_value, message_id, changed_at
            FROM property_history WHERE {' AND '.join(where)} ORDER BY id""",
        params,
    ).fetchall()
    return [AiChange(*row) for row in rows if row[2] in PROPERTIES]


def _decide(
    c: Connection, change: AiChange, handled: set[int],
    undone: dict[tuple[str, str], str | None],
) -> Reversal | None:
    """Judge one AI change, leaving out later steps that were undone (by this undo or before).
    An AI change found already undone joins `handled`, with its undo, so older steps see past it."""
    rows = [
        row for row in c.execute(
            """SELECT id, source, changed_at FROM property_history
               WHERE contact_email = ? AND property = ? AND id > ? ORDER BY id""",
            (change.contact_email, change.property, change.history_id),
        ) if row[0] not in handled
    ]
    if rows and rows[0][1] == SOURCE_UNDO:
        handled.update((change.history_id, rows[0][0]))
    later = [LaterChange(source, changed_at) for _, source, changed_at in rows]
    row = c.execute(
        f"SELECT {change.property} FROM contacts WHERE email = ?", (change.contact_email,)
    ).fetchone()
    key = (change.contact_email, change.property)
    if row is not None and key in undone:  # a dry run has not written what it reverted
        row = (undone[key],)
    flag = c.execute(
        "SELECT user_edited FROM contact_properties WHERE contact_email = ? AND property = ?",
        (change.contact_email, change.property),
    ).fetchone()
    return decide_reversal(change, later, row[0] if row else None, row is not None,
                           bool(flag and flag[0]))
