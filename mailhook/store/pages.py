"""Read queries for the user's page: the contacts a user's mail touched, and one contact's
properties, history and mail as that user may see them.

Module functions over a Store rather than a mixin: the page reads, it writes through the store's
own paths (set_property, accept_suggestion). Standard SQL only (the store is being ported to
PostgreSQL): no SQLite functions, GROUP BY names every plain column.
"""

from __future__ import annotations

from typing import Any

from mailhook.store.base import Base, normalise_address

# The subject and date of a mail, only when it is one of the user's own: a contact's values may
# come from a colleague's mail, whose subject is not this user's to read, nor its lines (the
# evidence): `own_mail` says which, and the evidence of another's mail is left out.
_OWN_MAIL = """LEFT JOIN messages m ON m.id = (SELECT min(o.id) FROM messages o
    WHERE o.message_id = {key} AND o.user_email = :user)"""
_OWN_EVIDENCE = """CASE WHEN m.id IS NULL THEN NULL ELSE {table}.evidence END AS evidence,
    CASE WHEN m.id IS NULL THEN 0 ELSE 1 END AS own_mail"""


def touched_contacts(store: Base, user_email: str, *, offset: int = 0,
                     limit: int = -1) -> list[dict[str, Any]]:
    """The contacts logged on the user's mail, with their name, company, how many of the user's
    mails and the last one's arrival; by address, `limit` of them (-1: all) from `offset`."""
    return store._rows(
        """SELECT c.email, c.first_name, c.last_name, c.company, count(DISTINCT m.id) AS mails,
                  max(m.received_at) AS last_mail
           FROM contacts c JOIN contact_emails e ON e.contact_email = c.email
           JOIN messages m ON m.id = e.message_rowid
           WHERE m.user_email = :user
           GROUP BY c.email, c.first_name, c.last_name, c.company ORDER BY c.email
           LIMIT :limit OFFSET :offset""",
        {"user": normalise_address(user_email), "limit": limit if limit >= 0 else 1 << 62,
         "offset": offset},
    )


def is_touched(store: Base, user_email: str, contact_email: str) -> bool:
    """Whether the user's mail was logged on the contact (who may see and edit it)."""
    row = store.conn.execute(
        """SELECT 1 FROM contact_emails e JOIN messages m ON m.id = e.message_rowid
           WHERE e.contact_email = ? AND m.user_email = ?""",
        (normalise_address(contact_email), normalise_address(user_email)),
    ).fetchone()
    return row is not None


def property_sources(store: Base, user_email: str, contact_email: str) -> dict[str, dict[str, Any]]:
    """By property: who wrote its current value (source), the user-edited flag, when, the text as
    typed, and the mail it came from and its evidence where that mail is the user's."""
    rows = store._rows(
        f"""SELECT p.property, p.source, p.user_edited, p.updated_at, p.message_id, p.original,
                   {_OWN_EVIDENCE.format(table="p")}, m.subject, m.date
            FROM contact_properties p {_OWN_MAIL.format(key="p.message_id")}
            WHERE p.contact_email = :contact""",
        {"user": normalise_address(user_email), "contact": normalise_address(contact_email)},
    )
    return {r["property"]: r for r in rows}


def property_history(store: Base, user_email: str, contact_email: str) -> list[dict[str, Any]]:
    """Every change of the contact's properties, newest first, with who made it and (the user's
    own mail only) the mail it came from and its evidence."""
    return store._rows(
        f"""SELECT h.id, h.property, h.old_value, h.new_value, h.source, h.message_id,
                   {_OWN_EVIDENCE.format(table="h")}, h.changed_at, m.subject, m.date
            FROM property_history h {_OWN_MAIL.format(key="h.message_id")}
            WHERE h.contact_email = :contact ORDER BY h.id DESC""",
        {"user": normalise_address(user_email), "contact": normalise_address(contact_email)},
    )


def mail_with(store: Base, user_email: str, contact_email: str) -> list[dict[str, Any]]:
    """The user's mail logged on the contact, oldest first."""
    return store._rows(
        """SELECT m.message_id, m.direction, m.subject, m.date, m.received_at
           FROM contact_emails e JOIN messages m ON m.id = e.message_rowid
           WHERE e.contact_email = :contact AND m.user_email = :user
           ORDER BY m.received_at, m.id""",
        {"user": normalise_address(user_email), "contact": normalise_address(contact_email)},
    )
