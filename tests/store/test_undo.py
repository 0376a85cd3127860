"""`mailhook undo`: the AI's fills are reverted through the provenance-aware write, people's never."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import Result

from mailhook.rules.fill import Candidate
from mailhook.store import Outcome, Received, Store, utc_now

from .conftest import PersonSql

BOB = "bob@them.example"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "db.sqlite"


def fill(db: Path | str, contact: str, message_id: str, **values: str) -> None:
    """Process one scanned reply of `contact` through the real fill transaction."""
    store = Store(db)
    try:
        store.insert_received([Received(message_id.encode(), message_id, "ann@us.example", "lmtp",
                                        None, (), None)])
        (item,) = store.claim(1)
        candidates = tuple(Candidate(p, v, v, {"line": v}) for p, v in values.items())
        store.finish(item.id, Outcome("inbound", contact_email=contact, logged_on=(contact,),
                                      scanned=True, candidates=candidates))
    finally:
        store.close()


def properties(run: Callable[..., Result], email: str = BOB) -> dict[str, dict[str, object]]:
    shown: dict[str, dict[str, object]] = json.loads(
        run("contacts", "show", email, "--json").output)["properties"]
    return shown


def test_undo_message_reverts_fills_with_source_undo_and_keeps_first_reply(run, db: Path) -> None:
    """Undone properties are empty again, recorded as source `undo` (not user-edited) in
    contact_properties and property_history; the contact stays scanned, so later mail fills nothing."""
    run("contacts", "add", BOB, "--first-name", "Bob")
    fill(db, BOB, "<m1@x>", city="Berlin", phone="+493012345")
    scanned = sqlite_utils.Database(db).execute(
        "SELECT scanned_message_id FROM contacts").fetchone()[0]

    result = run("undo", "--message", "<m1@x>")

    assert "reverted 2, skipped 0" in result.output
    assert f"reverted {BOB} city: 'Berlin' -> (empty)" in result.output
    props = properties(run)
    for prop in ("city", "phone"):
        assert (props[prop]["value"], props[prop]["source"], props[prop]["user_edited"]) == (
            None, "undo", False)
    assert props["first_name"]["value"] == "Bob"
    history = list(sqlite_utils.Database(db).query(
        "SELECT old_value, new_value, source, message_id FROM property_history "
        "WHERE property = 'city' ORDER BY id"))
    assert [h["source"] for h in history] == ["mailhook AI", "undo"]
    assert (history[1]["old_value"], history[1]["new_value"], history[1]["message_id"]) == (
        "Berlin", None, "<m1@x>")
    assert sqlite_utils.Database(db).execute(
        "SELECT scanned_message_id FROM contacts").fetchone()[0] == scanned == "<m1@x>"
    fill(db, BOB, "<m2@x>", city="Paris")
    assert properties(run)["city"]["value"] is None


def test_undo_skips_what_a_person_changed_since(run, db: Path) -> None:
    """A value edited with the CLI, with raw SQL, or confirmed as it was is left and reported."""
    run("contacts", "add", BOB)
    fill(db, BOB, "<m1@x>", city="Berlin", job_title="CTO", phone="+493012345", fax="+493099")
    run("contacts", "set", BOB, "job_title", "CEO")
    sqlite_utils.Database(db).execute(f"UPDATE contacts SET city = 'Bonn' WHERE email = '{BOB}'")
    run("contacts", "set", BOB, "fax", "+493099")  # a person confirms the AI's value

    result = run("undo", "--message", "m1@x")  # without angle brackets

    assert f"skipped {BOB} job_title: changed since by user" in result.output
    assert f"skipped {BOB} city: changed since by user" in result.output
    assert f"skipped {BOB} fax: a person has confirmed this value" in result.output
    assert "reverted 1, skipped 3" in result.output
    props = properties(run)
    assert [props[p]["value"] for p in ("job_title", "city", "fax", "phone")] == [
        "CEO", "Bonn", "+493099", None]


def test_undo_never_touches_imports_or_user_values(run, db: Path, tmp_path: Path) -> None:
    """Only source `mailhook AI` is undone: imported and typed values stay, whatever the time."""
    csv = tmp_path / "contacts.csv"
    csv.write_text(f"email,first_name,city\n{BOB},Bob,Oslo\n")
    run("contacts", "import", str(csv))
    run("contacts", "add", "cy@them.example", "--job-title", "CFO")

    result = run("undo", "--since", "2000-01-01")

    assert result.output == "nothing to undo\n"
    assert properties(run)["city"]["value"] == "Oslo"
    assert properties(run, "cy@them.example")["job_title"]["value"] == "CFO"


def test_dry_run_prints_the_changes_and_makes_none(run, db: Path) -> None:
    """--dry-run says what would be reverted; the database is left exactly as it was."""
    run("contacts", "add", BOB)
    fill(db, BOB, "<m1@x>", city="Berlin")
    before = list(sqlite_utils.Database(db).query("SELECT * FROM property_history"))

    result = run("undo", "--message", "<m1@x>", "--dry-run")

    assert f"would revert {BOB} city: 'Berlin' -> (empty)" in result.output
    assert "dry run: nothing changed" in result.output
    assert list(sqlite_utils.Database(db).query("SELECT * FROM property_history")) == before
    assert properties(run)["city"]["value"] == "Berlin"


def test_undo_since_takes_a_time_or_a_date(run, db: Path) -> None:
    """--since reverts fills at or after an ISO 8601 time (or a date's midnight, UTC)."""
    run("contacts", "add", BOB)
    run("contacts", "add", "cy@them.example")
    fill(db, BOB, "<m1@x>", city="Berlin")
    time.sleep(0.01)
    between = utc_now()
    time.sleep(0.01)
    fill(db, "cy@them.example", "<m2@x>", city="Paris")

    assert run("undo", "--since", "2999-01-01").output == "nothing to undo\n"
    assert "reverted 1," in run("undo", "--since", between).output
    assert properties(run)["city"]["value"] == "Berlin"
    assert properties(run, "cy@them.example")["city"]["value"] is None
    assert "reverted 1," in run("undo", "--since", between[:10]).output
    assert properties(run)["city"]["value"] is None


def test_undo_twice_finds_nothing_the_second_time(run, db: Path) -> None:
    """An undone fill is not undone again (nor reported as skipped)."""
    run("contacts", "add", BOB)
    fill(db, BOB, "<m1@x>", city="Berlin")
    run("undo", "--message", "<m1@x>")
    assert run("undo", "--message", "<m1@x>").output == "nothing to undo\n"


def test_undo_json_lists_reverted_and_skipped(run, db: Path) -> None:
    """--json gives each reverted and skipped property with its values, message and reason."""
    run("contacts", "add", BOB)
    fill(db, BOB, "<m1@x>", city="Berlin", job_title="CTO")
    run("contacts", "set", BOB, "job_title", "CEO")

    report = json.loads(run("undo", "--message", "<m1@x>", "--json").output)

    assert report["dry_run"] is False
    (reverted,) = report["reverted"]
    assert {k: reverted[k] for k in ("contact_email", "property", "ai_value", "restored",
                                     "message_id", "reverted")} == {
        "contact_email": BOB, "property": "city", "ai_value": "Berlin", "restored": None,
        "message_id": "<m1@x>", "reverted": True}
    (skipped,) = report["skipped"]
    assert skipped["property"] == "job_title" and "user" in skipped["reason"]


def test_undo_needs_a_message_or_a_time(run) -> None:
    """Without --message or --since, and with a --since that is no date, undo refuses (exit 2)."""
    result = run("undo", ok=False)
    assert result.exit_code == 2 and "--message" in result.output
    result = run("undo", "--since", "last tuesday", ok=False)
    assert result.exit_code == 2 and "ISO 8601" in result.output


def test_undo_skips_a_persons_sql_edit_and_reverts_the_rest_on_either_engine(
        store: Store, database: str, person_sql: PersonSql) -> None:
    """Through the store on SQLite and PostgreSQL: a value a person changed with raw SQL after
    the AI filled it stays and is reported; the AI's other fill is reverted as source `undo`."""
    store.add_contact(BOB, {}, "import")
    fill(database, BOB, "<m1@x>", city="Berlin", phone="+493012345")
    person_sql("UPDATE contacts SET city = 'Bonn' WHERE email = ?", BOB)
    reversals = {r.property: r for r in store.undo_fills(message_ids=["<m1@x>"])}
    assert reversals["phone"].reverted and reversals["phone"].restored is None
    assert not reversals["city"].reverted
    assert (reversals["city"].reason or "").startswith("changed since by user at ")
    contact = store.contact(BOB)["properties"]
    assert (contact["city"]["value"], contact["phone"]["value"]) == ("Bonn", None)
    assert contact["phone"]["source"] == "undo" and not contact["phone"]["user_edited"]
