"""The database schema as named migrations, applied in order and recorded in `migrations`."""

from __future__ import annotations

from collections.abc import Callable

from mailhook.model import CONTACT_FIELDS, PROPERTIES

NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

_BASE = f"""
CREATE TABLE users (
    email TEXT PRIMARY KEY,
    name TEXT,
    fill_contact_details INTEGER NOT NULL DEFAULT 1,
    fill_contact_details_since TEXT,
    inbox_automation INTEGER NOT NULL DEFAULT 0,
    inbox_automation_since TEXT,
    created_at TEXT NOT NULL DEFAULT ({NOW})
);
CREATE TABLE contacts (
    email TEXT PRIMARY KEY,
    {", ".join(f"{p} TEXT" for p in PROPERTIES)},
    created_at TEXT NOT NULL DEFAULT ({NOW}),
    created_by TEXT NOT NULL DEFAULT 'user',
    scanned_message_id TEXT,
    scanned_at TEXT
);
CREATE TABLE contact_properties (
    contact_email TEXT NOT NULL REFERENCES contacts(email) ON DELETE CASCADE,
    property TEXT NOT NULL,
    source TEXT NOT NULL,
    user_edited INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    message_id TEXT,
    original TEXT,
    evidence TEXT,
    PRIMARY KEY (contact_email, property)
);
CREATE TABLE property_history (
    id INTEGER PRIMARY KEY,
    contact_email TEXT NOT NULL,
    property TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT,
    source TEXT NOT NULL,
    message_id TEXT,
    evidence TEXT,
    changed_at TEXT NOT NULL
);
CREATE INDEX property_history_contact ON property_history(contact_email, property);
-- Holds a row only inside mailhook's own write transactions, so the triggers below can tell
-- mailhook's writes from a person's (CLI or raw SQL, e.g. `sqlite-utils query`), which find it empty.
CREATE TABLE write_context (
    source TEXT NOT NULL,
    user_edited INTEGER NOT NULL,
    message_id TEXT,
    original TEXT,
    evidence TEXT
);
CREATE TABLE message_raw (
    sha256 TEXT PRIMARY KEY,
    raw BLOB NOT NULL
);
CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    message_id TEXT,
    dedupe_key TEXT NOT NULL,
    recipient TEXT NOT NULL,
    listener TEXT NOT NULL,
    mail_from TEXT,
    recipients TEXT NOT NULL,
    peer TEXT,
    received_at TEXT NOT NULL,
    size INTEGER NOT NULL,
    raw_sha256 TEXT NOT NULL REFERENCES message_raw(sha256),
    status TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    processed_at TEXT,
    direction TEXT,
    user_email TEXT,
    contact_email TEXT,
    from_address TEXT,
    subject TEXT,
    date TEXT,
    language TEXT,
    scanned INTEGER NOT NULL DEFAULT 0,
    skip_reason TEXT,
    dkim_verdict TEXT,
    UNIQUE (dedupe_key, recipient)
);
CREATE INDEX messages_status ON messages(status, id);
CREATE TABLE contact_emails (
    contact_email TEXT NOT NULL REFERENCES contacts(email) ON DELETE CASCADE,
    message_rowid INTEGER NOT NULL REFERENCES messages(id),
    role TEXT NOT NULL,
    PRIMARY KEY (contact_email, message_rowid)
);
"""


def _property_triggers(prop: str) -> str:
    """Record source, user-edited flag and history of every change to one property column.

    A write with no write_context row is a person's edit: the flag is set and never cleared.
    """
    record = f"""
        INSERT INTO contact_properties
            (contact_email, property, source, user_edited, updated_at, message_id, original, evidence)
        VALUES (NEW.email, '{prop}',
            COALESCE((SELECT source FROM write_context), 'user'),
            COALESCE((SELECT user_edited FROM write_context), 1),
            {NOW},
            (SELECT message_id FROM write_context),
            (SELECT original FROM write_context),
            (SELECT evidence FROM write_context))
        ON CONFLICT (contact_email, property) DO UPDATE SET
            source = excluded.source,
            user_edited = MAX(user_edited, excluded.user_edited),
            updated_at = excluded.updated_at,
            message_id = excluded.message_id,
            original = excluded.original,
            evidence = excluded.evidence;
        INSERT INTO property_history
            (contact_email, property, old_value, new_value, source, message_id, evidence, changed_at)
        VALUES (NEW.email, '{prop}', {{old}}, NEW.{prop},
            COALESCE((SELECT source FROM write_context), 'user'),
            (SELECT message_id FROM write_context),
            (SELECT evidence FROM write_context),
            {NOW});
    """
    return f"""
    CREATE TRIGGER contacts_insert_{prop} AFTER INSERT ON contacts
    WHEN NEW.{prop} IS NOT NULL BEGIN {record.format(old="NULL")} END;
    CREATE TRIGGER contacts_update_{prop} AFTER UPDATE OF {prop} ON contacts
    WHEN OLD.{prop} IS NOT NEW.{prop} BEGIN {record.format(old=f"OLD.{prop}")} END;
    """


# A failed message waits before its next attempt, so a passing fault does not use up every retry.
_RETRY_AT = "ALTER TABLE messages ADD COLUMN retry_at TEXT;"

# Recommended follow-up tasks (inbox automation) and the daily digests already sent.
_TASKS = f"""
CREATE TABLE tasks (
    id INTEGER PRIMARY KEY,
    user_email TEXT NOT NULL,
    contact_email TEXT,
    message_rowid INTEGER NOT NULL REFERENCES messages(id),
    message_id TEXT,
    title TEXT NOT NULL,
    sentence TEXT NOT NULL,
    due TEXT,
    status TEXT NOT NULL DEFAULT 'recommended'
        CHECK (status IN ('recommended', 'accepted', 'dismissed')),
    created_at TEXT NOT NULL DEFAULT ({NOW}),
    status_at TEXT,
    UNIQUE (message_rowid, user_email, sentence)
);
CREATE INDEX tasks_user ON tasks(user_email, created_at);
CREATE TABLE digests_sent (
    user_email TEXT NOT NULL,
    day TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    PRIMARY KEY (user_email, day)
);
"""


def _current_value(prop_column: str, contact: str, fields: tuple[str, ...] = PROPERTIES) -> str:
    """The contact's current value of the property named in `prop_column` (a view has no
    dynamic column names, so one CASE arm per property)."""
    arms = " ".join(f"WHEN '{p}' THEN {contact}.{p}" for p in fields)
    return f"CASE {prop_column} {arms} END"


# Ready-made read-only views for sqlite-utils, Datasette or the sqlite3 shell (docs/schema.md).
# They list PROPERTIES as they are now: a migration that adds a property must recreate them.
_VIEWS = f"""
CREATE VIEW property_provenance AS
    SELECT p.contact_email AS contact, p.property, {_current_value("p.property", "c")} AS value,
        p.source, p.user_edited, p.updated_at, p.message_id
    FROM contact_properties p JOIN contacts c ON c.email = p.contact_email;
CREATE VIEW filled_by_ai AS
    SELECT p.contact_email AS contact, p.property, {_current_value("p.property", "c")} AS value,
        p.updated_at AS filled_at, p.message_id, p.evidence
    FROM contact_properties p JOIN contacts c ON c.email = p.contact_email
    WHERE p.source = 'mailhook AI';
CREATE VIEW filled_today AS
    SELECT * FROM filled_by_ai WHERE substr(filled_at, 1, 10) = date('now');
CREATE VIEW contacts_missing_phone AS
    SELECT email AS contact, first_name, last_name, job_title, created_by, created_at, scanned_at
    FROM contacts
    WHERE COALESCE(trim(phone), '') = '' AND COALESCE(trim(mobile_phone), '') = '';
CREATE VIEW message_log AS
    SELECT e.contact_email AS contact, e.role, m.id AS message_rowid, m.message_id, m.direction,
        m.user_email, m.from_address, m.subject, m.date, m.received_at, m.status, m.scanned,
        m.skip_reason
    FROM contact_emails e JOIN messages m ON m.id = e.message_rowid;
CREATE VIEW failed_messages AS
    SELECT id, message_id, recipient, listener, received_at, attempts, last_error, retry_at
    FROM messages WHERE status = 'failed';
"""

# Every value a scanned signature showed (kept with its evidence and what became of it), and the
# suggested updates: values that differ from what a contact holds and were not written.
_COMPANY = """
ALTER TABLE contacts ADD COLUMN company TEXT;
"""
_SUGGESTIONS = f"""
CREATE TABLE candidates (
    id INTEGER PRIMARY KEY,
    message_rowid INTEGER NOT NULL REFERENCES messages(id),
    message_id TEXT,
    contact_email TEXT NOT NULL,
    property TEXT NOT NULL,
    value TEXT NOT NULL,
    original TEXT,
    evidence TEXT,
    outcome TEXT NOT NULL CHECK (outcome IN ('filled', 'suggested', 'kept')),
    reason TEXT,
    created_at TEXT NOT NULL DEFAULT ({NOW}),
    UNIQUE (message_rowid, contact_email, property)
);
CREATE INDEX candidates_contact ON candidates(contact_email, property);
CREATE TABLE suggestions (
    id INTEGER PRIMARY KEY,
    contact_email TEXT NOT NULL REFERENCES contacts(email) ON DELETE CASCADE,
    property TEXT NOT NULL,
    value TEXT NOT NULL,
    original TEXT,
    held_value TEXT,
    reason TEXT,
    evidence TEXT,
    user_email TEXT,
    message_rowid INTEGER REFERENCES messages(id),
    message_id TEXT,
    seen INTEGER NOT NULL DEFAULT 1,
    status TEXT NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'accepted', 'dismissed', 'superseded')),
    created_at TEXT NOT NULL DEFAULT ({NOW}),
    status_at TEXT
);
CREATE UNIQUE INDEX suggestions_value ON suggestions(contact_email, property, value);
CREATE INDEX suggestions_status ON suggestions(status, created_at);
DROP VIEW property_provenance;
CREATE VIEW property_provenance AS
    SELECT p.contact_email AS contact, p.property,
        {_current_value("p.property", "c", CONTACT_FIELDS)} AS value,
        p.source, p.user_edited, p.updated_at, p.message_id
    FROM contact_properties p JOIN contacts c ON c.email = p.contact_email;
CREATE VIEW suggested_updates AS
    SELECT s.id, s.contact_email AS contact, s.property,
        {_current_value("s.property", "c", CONTACT_FIELDS)} AS current_value,
        s.value AS suggested_value, s.reason, s.user_email, s.message_id, s.seen, s.created_at
    FROM suggestions s JOIN contacts c ON c.email = s.contact_email
    WHERE s.status = 'open';
"""

# A copy's dedupe_key names its bytes too (`Received.dedupe_key`): a different message that reuses
# a Message-ID is stored, not dropped as a retry. Replayed history is matched on the Message-ID.
_COPY_KEY = """
UPDATE messages SET dedupe_key = message_id || ' sha256:' || raw_sha256 WHERE message_id IS NOT NULL;
CREATE INDEX messages_message_id ON messages(message_id, recipient);
"""

# Several worker processes (issue 13): which process holds each claim, so a supervisor re-queues
# only a dead child's; and the outside addresses (From, Sender, Reply-To, To, Cc) of each stored
# message, so that two messages about one contact are never processed at the same time or out of
# order (store.claims). Rows stored before have none: they are processed one at a time.
_PARALLEL_CLAIMS = """
ALTER TABLE messages ADD COLUMN claimed_by INTEGER;
CREATE TABLE message_parties (
    message_rowid INTEGER NOT NULL REFERENCES messages(id),
    address TEXT NOT NULL,
    PRIMARY KEY (message_rowid, address)
) WITHOUT ROWID;
CREATE INDEX message_parties_address ON message_parties(address, message_rowid);
"""

# One log entry per contact for one outbound mail however many copies arrive (issue 14: Postfix's
# sender_bcc_maps copy over LMTP and the user's BCC to the forwarding address). The key names the
# author and the mail (store.queue.outbound_log_key); rows logged before have none.
_OUTBOUND_LOG_KEY = """
ALTER TABLE contact_emails ADD COLUMN outbound_key TEXT;
CREATE UNIQUE INDEX contact_emails_outbound ON contact_emails(contact_email, outbound_key)
    WHERE outbound_key IS NOT NULL;
"""

_WEB_SESSIONS_ENDED = """
CREATE TABLE web_sessions_ended (
    session_id TEXT PRIMARY KEY,
    valid_until TEXT NOT NULL  -- when its cookie could no longer be valid anyway: then forgotten
);
"""

# Leases (issue 17): the host that holds each claim and until when (renewed by its worker while
# it reads), so a start takes back only its own host's claims, and a claim of a host that is
# gone is taken back once its lease runs out. Claims made before have none: their host's own.
_CLAIM_LEASES = """
ALTER TABLE messages ADD COLUMN claimed_host TEXT;
ALTER TABLE messages ADD COLUMN lease_until TEXT;
"""

Migrations = tuple[tuple[str, str], ...]


def _same(sql: str) -> str:
    return sql


def migrations(ddl: Callable[[str], str] = _same,
               triggers: Callable[[str], str] = _property_triggers) -> Migrations:
    """The named migrations in one engine's SQL: `ddl` rewrites the tables, indexes and views
    (written in SQLite's), `triggers` gives one property's provenance triggers (store.postgres
    has PostgreSQL's)."""
    return (
        ("0001_base", ddl(_BASE) + "".join(triggers(p) for p in PROPERTIES)),
        ("0002_retry_at", ddl(_RETRY_AT)),
        ("0003_tasks", ddl(_TASKS)),
        ("0004_views", ddl(_VIEWS)),
        # SMTP AUTH on the forwarding listener: a scrypt hash per user (mailhook.service.passwords).
        ("0005_user_passwords", ddl("ALTER TABLE users ADD COLUMN password_hash TEXT;")),
        ("0006_suggestions", ddl(_COMPANY) + triggers("company") + ddl(_SUGGESTIONS)),
        # Who logged in to send a message on our SMTP port: proof that the author is that user.
        ("0007_message_login", ddl("ALTER TABLE messages ADD COLUMN login TEXT;")),
        ("0008_copy_key", ddl(_COPY_KEY)),
        ("0009_parallel_claims", ddl(_PARALLEL_CLAIMS)),
        ("0010_outbound_log_key", ddl(_OUTBOUND_LOG_KEY)),
        # HubSpot's own id of a contact, kept from an import of its export and written back by
        # the --hubspot exports, so a round trip updates the same HubSpot record (not a property:
        # no provenance, never filled, never suggested).
        ("0011_hubspot_record_id", ddl("ALTER TABLE contacts ADD COLUMN hubspot_record_id TEXT;")),
        # The page's sessions signed out before their cookie expires (mailhook.web.session):
        # kept here, so a copy of a signed-out cookie stays refused after a restart too.
        ("0012_web_sessions_ended", ddl(_WEB_SESSIONS_ENDED)),
        ("0013_claim_leases", ddl(_CLAIM_LEASES)),
    )


MIGRATIONS: Migrations = migrations()  # SQLite's
