"""Users, contacts and their properties as people and imports set them."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from mailhook.errors import AlreadyExists, InvalidValue, NotFound
from mailhook.model import (
    CONTACT_FIELDS,
    PHONE_FIELDS,
    PROPERTIES,
    SOURCE_AI,
    SOURCE_IMPORT,
    SOURCE_USER,
    User,
)
from mailhook.store.base import Base, Connection, check_properties, normalise_address, utc_now

# Reads a phone as a person typed it, with the contact's country (None: not known): its E.164, or
# None to store it as typed. The seam by which the CLI hands in the pipeline's normalisation, which
# the store may not import.
PhoneReader = Callable[[str, str | None], str | None]
# An import row's column for HubSpot's id of the contact (not a property: no provenance).
RECORD_ID = "hubspot_record_id"


class PeopleStore(Base):
    """Users and contacts."""

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

    def set_password_hash(self, email: str, password_hash: str) -> None:
        user = self.get_user(email)
        with self._tx() as c:
            c.execute("UPDATE users SET password_hash = ? WHERE email = ?", (password_hash, user.email))

    def password_hash(self, email: str) -> str | None:
        """The user's stored hash; None for no such user or no password set."""
        row = self.conn.execute(
            "SELECT password_hash FROM users WHERE email = ?", (email.strip().lower(),)
        ).fetchone()
        return row[0] if row else None

    def get_user(self, email: str) -> User:
        rows = self._rows("SELECT * FROM users WHERE email = ?", [normalise_address(email)])
        if not rows:
            raise NotFound(f"no user {normalise_address(email)}")
        return _user(rows[0])

    def is_user(self, email: str) -> bool:
        """Whether `email` is a registered user's address: what the listeners ask on every
        envelope command (one indexed lookup, no row built)."""
        try:
            key = normalise_address(email)
        except InvalidValue:
            return False
        return self.conn.execute("SELECT 1 FROM users WHERE email = ?", (key,)).fetchone() is not None

    def users(self) -> dict[str, User]:
        return {r["email"]: _user(r) for r in self._rows("SELECT * FROM users ORDER BY email")}

    # --- contacts -----------------------------------------------------------------------

    def add_contact(
        self, email: str, values: dict[str, str | None], source: str,
        phones: PhoneReader | None = None,
    ) -> None:
        """Create a contact; values given by a person (`user`) or an import (`import`); `phones`
        reads its phone numbers (E.164 stored, the text as typed kept as `original`)."""
        email = normalise_address(email)
        check_properties(values)
        with self._tx() as c:
            if c.execute("SELECT 1 FROM contacts WHERE email = ?", (email,)).fetchone():
                raise AlreadyExists(f"contact {email} already exists")
            self._insert_contact(c, email, *read_phones(values, values.get("country"), phones), source)

    def _insert_contact(
        self, c: Connection, email: str, values: dict[str, str | None],
        originals: Mapping[str, str], source: str,
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
        # One write_context row serves every column of the insert: the originals go on after.
        c.executemany(
            "UPDATE contact_properties SET original = ? WHERE contact_email = ? AND property = ?",
            [(typed, email, prop) for prop, typed in originals.items()],
        )

    def import_contacts(
        self, rows: Sequence[dict[str, str | None]], phones: PhoneReader | None = None
    ) -> tuple[int, int]:
        """Create or update contacts from import rows (one transaction); returns (added, updated).

        An import is the team's own data: its non-empty cells are written; empty cells change nothing.
        A row's `hubspot_record_id` is kept with the contact; `phones` reads its phone numbers with
        the row's country, else the one the contact holds.
        """
        added = updated = 0
        with self._tx() as c:
            for row in rows:
                email = normalise_address(row.get("email") or "")
                values: dict[str, str | None] = {
                    k: v for k, v in row.items() if k not in ("email", RECORD_ID) and v not in (None, "")
                }
                check_properties(values)
                held = c.execute("SELECT country FROM contacts WHERE email = ?", (email,)).fetchone()
                values, originals = read_phones(
                    values, values.get("country") or (held[0] if held else None), phones)
                if held:
                    for prop, value in values.items():
                        self._write(c, email, prop, value, SOURCE_IMPORT, False,
                                    original=originals.get(prop))
                    updated += 1
                else:
                    self._insert_contact(c, email, values, originals, SOURCE_IMPORT)
                    added += 1
                if row.get(RECORD_ID):
                    c.execute("UPDATE contacts SET hubspot_record_id = ? WHERE email = ?",
                              (row[RECORD_ID], email))
        return added, updated

    def set_property(
        self, email: str, prop: str, value: str | None, phones: PhoneReader | None = None
    ) -> None:
        """A person's edit: sets the user-edited flag, even when clearing the value; `phones`
        reads a phone number with the contact's country."""
        self.set_properties(email, {prop: value}, phones)

    def set_properties(
        self, email: str, values: Mapping[str, str | None], phones: PhoneReader | None = None
    ) -> None:
        """A person's edits of several properties in one transaction: all are written, or none
        (the page's contact form). Phones are read with the country edited with them, if it is."""
        email = normalise_address(email)
        check_properties(dict(values))
        props = list(values)
        with self._tx() as c:
            columns = ", ".join([*props, "country"])
            held = c.execute(f"SELECT {columns} FROM contacts WHERE email = ?", (email,)).fetchone()
            if held is None:
                raise NotFound(f"no contact {email}")
            country = values["country"] if "country" in values else held[-1]
            read, originals = read_phones(dict(values), country, phones)
            for prop, before in zip(props, held, strict=False):
                if before == read[prop]:
                    # No column change fires no trigger, but the person did decide this value.
                    c.execute(
                        """INSERT INTO contact_properties (contact_email, property, source,
                           user_edited, updated_at) VALUES (?, ?, ?, 1, ?)
                           ON CONFLICT (contact_email, property) DO UPDATE SET user_edited = 1""",
                        (email, prop, SOURCE_USER, utc_now()),
                    )
                else:
                    self._write(c, email, prop, read[prop], SOURCE_USER, True,
                                original=originals.get(prop))

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
        for prop in CONTACT_FIELDS:
            m = meta.get(prop, {})
            properties[prop] = {
                "value": rows[0][prop],
                "source": m.get("source"),
                "user_edited": bool(m.get("user_edited", 0)),
                "updated_at": m.get("updated_at"),
                "message_id": m.get("message_id"),
            }
        emails = self._rows(
            """SELECT m.message_id, m.direction, m.subject, m.date, m.dkim_verdict,
                      m.skip_reason FROM contact_emails e
               JOIN messages m ON m.id = e.message_rowid WHERE e.contact_email = ?
               ORDER BY m.received_at, m.id""",
            [email],
        )
        return {"email": email, "properties": properties, "emails": emails}

    def contacts(self) -> list[dict[str, Any]]:
        """Every contact with its values, HubSpot's Record ID and how many of its current values
        the AI filled (`ai_filled`)."""
        return self._rows(
            f"""SELECT c.email, {', '.join(f"c.{p}" for p in CONTACT_FIELDS)}, c.hubspot_record_id,
                (SELECT count(*) FROM contact_properties p WHERE p.contact_email = c.email
                 AND p.source = ?) AS ai_filled
                FROM contacts c ORDER BY c.email""",
            [SOURCE_AI],
        )

    def existing_contacts(self, emails: Sequence[str]) -> set[str]:
        if not emails:
            return set()
        marks = ",".join("?" * len(emails))
        rows = self._rows(f"SELECT email FROM contacts WHERE email IN ({marks})", list(emails))
        return {r["email"] for r in rows}

    def scanned_message(self, email: str) -> str | None:
        """The Message-ID of the contact's first scanned reply, or None if none was scanned yet
        (or there is no such contact)."""
        row = self.conn.execute(
            "SELECT scanned_message_id FROM contacts WHERE email = ?", (email,)
        ).fetchone()
        return row[0] if row else None

    def filled(self, user_email: str | None = None) -> list[dict[str, Any]]:
        """Every property whose current value the AI filled, with its evidence and the subject and
        date of the mail it came from; with `user_email`, only what that user's mail filled."""
        mine = "" if user_email is None else (
            "AND EXISTS (SELECT 1 FROM messages u WHERE u.message_id = p.message_id"
            " AND u.user_email = :user)")
        return self._rows(
            f"""SELECT p.contact_email AS email, p.property, CASE p.property
                {" ".join(f"WHEN '{prop}' THEN c.{prop}" for prop in PROPERTIES)} END AS value,
                p.updated_at AS filled_at, p.message_id, c.hubspot_record_id, p.evidence,
                m.subject, m.date
                FROM contact_properties p JOIN contacts c ON c.email = p.contact_email
                LEFT JOIN messages m ON m.id = (SELECT min(id) FROM messages
                    WHERE message_id = p.message_id)
                WHERE p.source = :ai {mine} ORDER BY p.updated_at, p.contact_email, p.property""",
            {"ai": SOURCE_AI, "user": user_email and normalise_address(user_email)},
        )


def read_phones(
    values: dict[str, str | None], country: str | None, phones: PhoneReader | None
) -> tuple[dict[str, str | None], dict[str, str]]:
    """The values with each phone `phones` can read as its E.164, and the text as typed of each
    one that changed; a phone it cannot read stays as typed."""
    if phones is None:
        return values, {}
    read = dict(values)
    originals: dict[str, str] = {}
    for prop in PHONE_FIELDS & values.keys():
        typed = values[prop]
        if typed and (e164 := phones(typed, country)) and e164 != typed:
            read[prop], originals[prop] = e164, typed
    return read, originals


def _user(row: dict[str, Any]) -> User:
    return User(
        email=row["email"],
        name=row["name"],
        fill_contact_details=bool(row["fill_contact_details"]),
        fill_contact_details_since=row["fill_contact_details_since"],
        inbox_automation=bool(row["inbox_automation"]),
        inbox_automation_since=row["inbox_automation_since"],
    )

