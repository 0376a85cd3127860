"""PostgreSQL's side of the store: a psycopg 3 connection that runs the store's SQL, and the schema.

The store's queries are written once, in the SQL both engines read, with SQLite's placeholders;
what PostgreSQL spells differently is rewritten here and nowhere else:
- `?` and `:name` placeholders become psycopg's `%s` and `%(name)s` (and a literal `%` `%%`);
- `INSERT OR IGNORE INTO ...` becomes `INSERT INTO ... ON CONFLICT DO NOTHING`;
- BEGIN IMMEDIATE (SQLite's one writer at a time) becomes BEGIN and a transaction-scoped
  advisory lock, so writes are serialised exactly as on SQLite (docs/scale.md), except live
  claims, which lock rows instead (CLAIM_BEGIN), and outcomes, which hold it shared
  (FINISH_BEGIN);
- the schema's types (BIGINT identity for INTEGER PRIMARY KEY, BYTEA, text in the C collation
  so it sorts as SQLite's BINARY), its timestamps (to_char for strftime) and its triggers
  (one PL/pgSQL function for SQLite's per-property trigger bodies).
psycopg is imported only when a url is opened: an SQLite installation never loads it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from mailhook.store.schema import NOW, Migrations, migrations

if TYPE_CHECKING:
    import psycopg

URL_SCHEMES = ("postgresql://", "postgres://")
# The key of the advisory lock every write transaction takes ("mailhook" in ASCII).
WRITE_LOCK = 0x6D61696C686F6F6B
BEGIN = ("BEGIN", f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")
# A live claim takes no write lock: row locks (FOR UPDATE SKIP LOCKED) and this second lock, held
# shared by claims beside each other, exclusive by one that claims mail with no outside party
# (store.claims.claim_next_concurrently argues why that keeps every claim promise).
CLAIM_LOCK = WRITE_LOCK + 1
CLAIM_BEGIN = ("BEGIN", f"SELECT pg_advisory_xact_lock_shared({CLAIM_LOCK})")
CLAIM_ALONE = ("BEGIN", f"SELECT pg_advisory_xact_lock({CLAIM_LOCK})")
# An outcome (store.outcomes) holds the write lock shared: beside other outcomes, never beside
# another write.
FINISH_BEGIN = ("BEGIN", f"SELECT pg_advisory_xact_lock_shared({WRITE_LOCK})")
PG_NOW = """to_char(statement_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')"""
PG_TODAY = "to_char(statement_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD')"
# A claim's lease end, on the server's clock (every host compares with the same one).
PG_LEASE_UNTIL = ("""to_char((statement_timestamp() + interval '{seconds} seconds') AT TIME ZONE 'UTC', """
                  """'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')""")
# Seconds from one stored timestamp (utc_now's text) to another.
SECONDS_BETWEEN = "EXTRACT(EPOCH FROM ({later})::timestamptz - ({earlier})::timestamptz)"
# Told at the commit of new or re-queued mail, to every listening connection on any host.
CHANNEL = "mailhook_queue"
NOTIFY = (f"NOTIFY {CHANNEL}",)
# SQLSTATEs of a lock given up on: lock_not_available, deadlock_detected, serialization_failure.
LOCK_STATES = ("55P03", "40P01", "40001")

_TOKENS = re.compile(r"'(?:[^']|'')*'|\"[^\"]*\"|::|\?|:[A-Za-z_]\w*|%")
_IGNORE = re.compile(r"\bINSERT\s+OR\s+IGNORE\s+INTO\b", re.IGNORECASE)
_RETURNING = re.compile(r"\s+RETURNING\b", re.IGNORECASE)


def is_url(target: object) -> bool:
    return isinstance(target, str) and target.startswith(URL_SCHEMES)


@lru_cache(maxsize=1024)
def translate(sql: str, named: bool) -> str:
    """The store's SQL as psycopg takes it (`named`: the parameters are a mapping)."""

    def token(match: re.Match[str]) -> str:
        text = match.group()
        if text == "?":
            return "%s"
        if text == "%":
            return "%%"
        if text.startswith(":") and text != "::":
            return f"%({text[1:]})s" if named else text
        return text.replace("%", "%%")  # a quoted literal or identifier, or a :: cast

    sql = _TOKENS.sub(token, sql)
    if _IGNORE.search(sql):
        sql = _IGNORE.sub("INSERT INTO", sql).rstrip().rstrip(";")
        returning = _RETURNING.search(sql)
        at = returning.start() if returning else len(sql)
        sql = f"{sql[:at]} ON CONFLICT DO NOTHING{sql[at:]}"
    return sql


class PgConnection:
    """A psycopg connection with the few sqlite3.Connection methods the store calls: autocommit
    outside the store's own BEGIN ... COMMIT, as the SQLite connection is.

    A connection the server ended (a restart, a failover, pg_terminate_backend) fails the one
    statement that meets it, as a lost SQLite file would; the next statement opens a new one, so
    a long-lived store (the listeners', the page's, the intake's) recovers without a restart of
    mailhook. Nothing is retried: a transaction cut off is rolled back by the server."""

    def __init__(self, conn: psycopg.Connection[Any], url: str = "", lock_timeout_ms: int = 0) -> None:
        self.raw = conn
        self._url, self._lock_timeout_ms = url, lock_timeout_ms
        self._listening = False

    def _usable(self) -> psycopg.Connection[Any]:
        if self.raw.broken and self._url:
            self.raw = _open(self._url, self._lock_timeout_ms)
            if self._listening:
                self.raw.execute(f"LISTEN {CHANNEL}")
        return self.raw

    def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] = ()) -> psycopg.Cursor[Any]:
        named = isinstance(parameters, dict)
        return self._usable().execute(translate(sql, named),
                                      parameters if named else list(parameters))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> psycopg.Cursor[Any]:
        cursor = self._usable().cursor()
        cursor.executemany(translate(sql, False), [list(r) for r in rows])
        return cursor

    def rows(self, sql: str, parameters: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        from psycopg.rows import dict_row

        named = isinstance(parameters, dict)
        with self._usable().cursor(row_factory=dict_row) as cursor:
            cursor.execute(translate(sql, named), parameters if named else list(parameters))
            return cursor.fetchall()

    def script(self, sql: str) -> None:
        """Run several statements as written (a migration: no parameters, no rewriting)."""
        self._usable().execute(sql.encode("utf-8"))  # bytes: taken as SQL, never as a template

    def listen(self) -> None:
        self._usable().execute(f"LISTEN {CHANNEL}")
        self._listening = True

    def notified(self, timeout: float) -> bool:
        """Whether a NOTIFY came, since the last call or within `timeout` seconds (psycopg keeps
        those that arrived while the connection ran other queries). All that came are taken:
        one wake-up for a run of them, not one claim each."""
        conn = self._usable()
        if not list(conn.notifies(timeout=timeout, stop_after=1)):
            return False
        list(conn.notifies(timeout=0))
        return True

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        # A broken connection has nothing left to roll back: the server rolled it back.
        return not self.raw.broken and self.raw.info.transaction_status != TransactionStatus.IDLE

    def close(self) -> None:
        self.raw.close()


def connect(url: str, lock_timeout_ms: int) -> PgConnection:
    """A connection as the store uses it. The password comes from the url, a PGPASSFILE or
    PGPASSWORD (libpq reads all three). A write that waits longer than `lock_timeout_ms` for
    another's lock fails as a lock error, as SQLite's busy timeout does."""
    return PgConnection(_open(url, lock_timeout_ms), url, lock_timeout_ms)


def _open(url: str, lock_timeout_ms: int) -> psycopg.Connection[Any]:
    import psycopg

    conn = psycopg.connect(url, autocommit=True)
    try:
        configure(conn, lock_timeout_ms)
    except BaseException:
        conn.close()
        raise
    return conn


def configure(conn: psycopg.Connection[Any], lock_timeout_ms: int) -> None:
    """A new connection's settings, for the store's own and a pool's (store.pool)."""
    # 0 is "wait without end" to PostgreSQL, "do not wait" to SQLite: the latter is meant.
    conn.execute(f"SET lock_timeout = {max(1, int(lock_timeout_ms))}")


def is_locked(exc: BaseException) -> bool:
    """PostgreSQL gave up waiting on a lock (or rolled back a deadlock or a conflict)."""
    return getattr(getattr(exc, "diag", None), "sqlstate", None) in LOCK_STATES


def ddl(sql: str) -> str:
    """A migration's tables, indexes and views in PostgreSQL's types and functions."""
    sql = sql.replace(NOW, PG_NOW).replace("date('now')", PG_TODAY)
    sql = re.sub(r"\bINTEGER PRIMARY KEY\b", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", sql)
    sql = re.sub(r"\bINTEGER\b", "BIGINT", sql)  # SQLite's INTEGER holds 64 bits
    sql = re.sub(r"\bBLOB\b", "BYTEA", sql)
    sql = re.sub(r"\bTEXT\b", 'TEXT COLLATE "C"', sql)  # sorts bytewise, as SQLite's BINARY
    return sql.replace(") WITHOUT ROWID", ")")


# What SQLite's per-property trigger bodies do (store.schema._property_triggers), once, with the
# property's name as the trigger's argument: record source, flag and history of the change; a
# change with no write_context row is a person's edit, whose flag is set and never cleared.
# write_context's row is never committed, so under MVCC each transaction sees only its own.
RECORD_PROPERTY = f"""
CREATE FUNCTION mailhook_record_property() RETURNS trigger LANGUAGE plpgsql AS $body$
DECLARE
    prop text := TG_ARGV[0];
    ctx_source text; ctx_edited bigint; ctx_message text; ctx_original text; ctx_evidence text;
    before text;
BEGIN
    SELECT source, user_edited, message_id, original, evidence
        INTO ctx_source, ctx_edited, ctx_message, ctx_original, ctx_evidence
        FROM write_context LIMIT 1;
    IF TG_OP = 'UPDATE' THEN
        before := to_jsonb(OLD) ->> prop;
    END IF;
    INSERT INTO contact_properties
        (contact_email, property, source, user_edited, updated_at, message_id, original, evidence)
    VALUES (NEW.email, prop, COALESCE(ctx_source, 'user'), COALESCE(ctx_edited, 1), {PG_NOW},
        ctx_message, ctx_original, ctx_evidence)
    ON CONFLICT (contact_email, property) DO UPDATE SET
        source = excluded.source,
        user_edited = GREATEST(contact_properties.user_edited, excluded.user_edited),
        updated_at = excluded.updated_at,
        message_id = excluded.message_id,
        original = excluded.original,
        evidence = excluded.evidence;
    INSERT INTO property_history
        (contact_email, property, old_value, new_value, source, message_id, evidence, changed_at)
    VALUES (NEW.email, prop, before, to_jsonb(NEW) ->> prop, COALESCE(ctx_source, 'user'),
        ctx_message, ctx_evidence, {PG_NOW});
    RETURN NULL;
END
$body$;
"""


def property_triggers(prop: str) -> str:
    """PostgreSQL's two triggers for one property column (the names are SQLite's)."""
    return f"""
    CREATE TRIGGER contacts_insert_{prop} AFTER INSERT ON contacts FOR EACH ROW
    WHEN (NEW.{prop} IS NOT NULL) EXECUTE FUNCTION mailhook_record_property('{prop}');
    CREATE TRIGGER contacts_update_{prop} AFTER UPDATE OF {prop} ON contacts FOR EACH ROW
    WHEN (OLD.{prop} IS DISTINCT FROM NEW.{prop}) EXECUTE FUNCTION mailhook_record_property('{prop}');
    """


def postgres_migrations() -> Migrations:
    """The same named migrations in PostgreSQL's SQL; the trigger function comes with the base."""
    found = migrations(ddl, property_triggers)
    (name, base), rest = found[0], found[1:]
    return ((name, _with_function(base)), *rest)


def _with_function(base: str) -> str:
    """The base migration with the trigger function created before its first trigger."""
    at = base.index("CREATE TRIGGER")
    at = base.rfind("\n", 0, at) + 1
    return base[:at] + RECORD_PROPERTY + base[at:]


MIGRATIONS: Migrations = postgres_migrations()
