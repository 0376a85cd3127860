"""The contact's mail log (contact_emails): what is logged on whom, one entry per outbound mail."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from mailhook.store.base import Connection


def outbound_log_key(direction: str, user_email: str | None, message_id: str | None,
                     headers: tuple[str | None, ...]) -> str | None:
    """What makes two copies one outbound mail on a contact's log: the same user sent it (the
    author routing believed), with the same Message-ID and `headers` (From, Subject, Date).
    Postfix's sender_bcc_maps copy and the user's own BCC of one mail agree on all of them. A
    mail that only reuses the Message-ID (another author, a spoofed or replayed one with other
    headers) keeps its own entry, and inbound, forwarded and team mail is never merged: without
    a Message-ID, or without a user, there is no key and every copy is logged."""
    if direction != "outbound" or not message_id or not user_email:
        return None
    parts = [user_email, message_id, *headers]
    return "sha256:" + hashlib.sha256(json.dumps(parts).encode("utf-8")).hexdigest()


def message_id_of(c: Connection, message_rowid: int) -> str | None:
    row = c.execute("SELECT message_id FROM messages WHERE id = ?", (message_rowid,)).fetchone()
    return row[0] if row else None


def log_on_contacts(c: Connection, message_rowid: int, emails: Sequence[str],
                    sender: str | None, key: str | None) -> None:
    """Inside the caller's transaction: log the message on those of `emails` that are contacts.
    A second copy of one outbound mail (its key already on the contact) is ignored like a repeat,
    and the unique index contact_emails_outbound makes sure of it."""
    for email in emails:
        c.execute(
            """INSERT OR IGNORE INTO contact_emails
               (contact_email, message_rowid, role, outbound_key)
               SELECT email, ?, ?, ? FROM contacts WHERE email = ?""",
            (message_rowid, "from" if email == sender else "to", key, email),
        )
