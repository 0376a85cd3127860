"""The SQL views of migration 0004: ready-made answers for sqlite-utils, documented in docs/schema.md."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from mailhook.rules.fill import Candidate
from mailhook.store import Outcome, Received, Store

ROOT = Path(__file__).resolve().parents[2]
VIEWS = ("filled_by_ai", "filled_today", "contacts_missing_phone", "property_provenance",
         "message_log", "failed_messages")
BOB = "bob@them.example"


def fill(store: Store, contact: str, message_id: str, **values: str) -> None:
    store.insert_received([Received(b"raw " + message_id.encode(), message_id, "ann@us.example",
                                    "lmtp", None, (), None)])
    (item,) = store.claim(1)
    candidates = tuple(Candidate(p, v, v, {"line": v}) for p, v in values.items())
    store.finish(item.id, Outcome("inbound", contact_email=contact, logged_on=(contact,),
                                  scanned=True, candidates=candidates, subject="Re: offer"))


def view(store: Store, name: str, sql: str = "SELECT * FROM {} ORDER BY 1, 2") -> list[dict[str, object]]:
    cursor = store.conn.execute(sql.format(name))
    names = [column[0] for column in cursor.description]  # type: ignore[attr-defined]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def view_names(store: Store) -> set[str]:
    sql = ("SELECT name FROM sqlite_master WHERE type = 'view'" if store.engine == "sqlite" else
           "SELECT table_name FROM information_schema.views WHERE table_schema = current_schema()")
    return {row[0] for row in store.conn.execute(sql)}


def test_views_are_created_by_the_last_migration(store: Store) -> None:
    """Migration 0004_views is recorded and creates every view."""
    assert "0004_views" in {r[0] for r in store.conn.execute("SELECT name FROM migrations")}
    assert set(VIEWS) <= view_names(store)


def test_filled_by_ai_and_filled_today_list_current_ai_values(store: Store) -> None:
    """filled_by_ai lists values the AI wrote with message and evidence, until a person edits
    them; filled_today keeps only those filled on today's UTC date."""
    store.add_contact(BOB, {"first_name": "Bob"}, "user")
    fill(store, BOB, "<m1@x>", city="Berlin", job_title="CTO")
    filled = view(store, "filled_by_ai")
    assert [(r["contact"], r["property"], r["value"], r["message_id"]) for r in filled] == [
        (BOB, "city", "Berlin", "<m1@x>"), (BOB, "job_title", "CTO", "<m1@x>")]
    assert filled[0]["evidence"] == '{"line": "Berlin"}' and filled[0]["filled_at"]
    assert view(store, "filled_today") == filled

    store.set_property(BOB, "job_title", "CEO")
    store.conn.execute("UPDATE contact_properties SET updated_at = '2001-01-01T00:00:00.000Z' "
                       "WHERE property = 'city'")
    assert [r["property"] for r in view(store, "filled_by_ai")] == ["city"]
    assert view(store, "filled_today") == []


def test_contacts_missing_phone_ignores_empty_strings(store: Store) -> None:
    """A contact with neither phone nor mobile phone (empty text counts as missing) is listed."""
    store.add_contact("a@x.example", {"phone": "+4711"}, "user")
    store.add_contact("b@x.example", {"mobile_phone": "+4712"}, "user")
    store.add_contact("c@x.example", {"first_name": "Cy"}, "user")
    store.add_contact("d@x.example", {}, "user")
    store.conn.execute("UPDATE contacts SET phone = '  ' WHERE email = 'd@x.example'")
    rows = view(store, "contacts_missing_phone")
    assert [(r["contact"], r["first_name"]) for r in rows] == [("c@x.example", "Cy"),
                                                               ("d@x.example", None)]


def test_property_provenance_shows_source_and_flag(store: Store) -> None:
    """property_provenance gives each set property's value, source, user flag, time and message."""
    store.add_contact(BOB, {"first_name": "Bob"}, "import")
    fill(store, BOB, "<m1@x>", city="Berlin")
    store.set_property(BOB, "first_name", "Robert")
    rows = {r["property"]: r for r in view(store, "property_provenance")}
    assert {p: (r["value"], r["source"], r["user_edited"], r["message_id"])
            for p, r in rows.items()} == {
        "first_name": ("Robert", "user", 1, None), "city": ("Berlin", "mailhook AI", 0, "<m1@x>")}
    assert all(r["contact"] == BOB and r["updated_at"] for r in rows.values())


def test_message_log_and_failed_messages_never_show_raw_bytes(store: Store) -> None:
    """message_log joins mail with the contacts it is logged on; failed_messages lists parked
    mail with its error; neither has the message bytes."""
    store.add_contact(BOB, {}, "user")
    fill(store, BOB, "<m1@x>")
    store.insert_received([Received(b"broken", "<m2@x>", "ann@us.example", "lmtp", None, (), None)])
    (item,) = store.claim(1)
    store.fail(item.id, "boom", max_attempts=1)

    (logged,) = view(store, "message_log")
    assert (logged["contact"], logged["role"], logged["message_id"], logged["subject"]) == (
        BOB, "from", "<m1@x>", "Re: offer")
    (failed,) = view(store, "failed_messages")
    assert (failed["message_id"], failed["last_error"], failed["attempts"]) == ("<m2@x>", "boom", 1)
    for name in ("message_log", "failed_messages"):
        cursor = store.conn.execute(f"SELECT * FROM {name} LIMIT 0")
        columns = {column[0] for column in cursor.description}  # type: ignore[attr-defined]
        assert "message_id" in columns and not columns & {"raw", "raw_sha256"}


def test_every_view_is_documented_with_a_sqlite_utils_example() -> None:
    """docs/schema.md shows each view with a `sqlite-utils query ... "select * from VIEW"` line."""
    doc = (ROOT / "docs" / "schema.md").read_text()
    missing = [v for v in VIEWS
               if not re.search(rf'sqlite-utils query \S+ "select \* from {v}\b', doc)]
    assert missing == []


def test_documented_query_works_with_the_sqlite_utils_cli(sqlite_store: Store) -> None:
    """The documented command runs as written against a live database file."""
    sqlite_store.add_contact(BOB, {}, "user")
    fill(sqlite_store, BOB, "<m1@x>", city="Berlin")
    cli = Path(sys.executable).parent / "sqlite-utils"
    result = subprocess.run([str(cli), "query", str(sqlite_store.path), "select * from filled_today",
                             "--table"], capture_output=True, text=True, check=True, timeout=60)
    assert "Berlin" in result.stdout and "<m1@x>" in result.stdout
