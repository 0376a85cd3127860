"""Suggested updates and fill policies: every candidate kept, differences suggested, users decide."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from mails import CONTACT, NEW_SIGNATURE, USER, deliver, props, reply, run_worker, worker_config

from mailhook.config import Config
from mailhook.errors import InvalidValue, NotFound
from mailhook.rules.fill import (
    HOLDS_VALUE,
    NOT_FILLABLE,
    NOT_FIRST,
    POLICY_SUGGEST,
    USER_EDITED,
    Candidate,
    ContactState,
    decide,
    same_value,
)
from mailhook.store import Store


def state(values: dict[str, str | None], *, edited: tuple[str, ...] = (), scanned: str | None = None,
          sources: dict[str, str] | None = None) -> ContactState:
    return ContactState(values, frozenset(edited), scanned, sources or {})


def found(**values: str) -> tuple[Candidate, ...]:
    return tuple(Candidate(prop, value, None, {}) for prop, value in values.items())


def fills_and_suggestions(decision: object) -> tuple[dict[str, str], dict[str, str]]:
    return ({c.property: c.value for c in decision.fills},  # type: ignore[attr-defined]
            {c.property: c.value for c in decision.suggestions})  # type: ignore[attr-defined]


# --- the pure rules ------------------------------------------------------------------------------


def test_hubspot_fills_empty_and_suggests_what_differs() -> None:
    """First reply: empty properties are filled; a different held value is suggested, never
    overwritten; an equal one is neither."""
    decision = decide(state({"job_title": "Sales Director", "city": "Berlin"}),
                      found(first_name="Bob", job_title="CRO", city="berlin"), "hubspot")
    assert fills_and_suggestions(decision) == ({"first_name": "Bob"}, {"job_title": "CRO"})
    assert decision.reasons["job_title"] == HOLDS_VALUE


def test_hubspot_fills_nothing_after_the_first_reply_but_suggests() -> None:
    """A later reply (scan = every-reply) never fills under hubspot; its new values are suggested."""
    decision = decide(state({"phone": None}, scanned="<r1@x>"), found(phone="+4930765"), "hubspot")
    assert fills_and_suggestions(decision) == ({}, {"phone": "+4930765"})
    assert decision.reasons["phone"] == NOT_FIRST


def test_own_replaces_values_the_ai_wrote_but_never_a_users() -> None:
    """own: an AI value may be updated by a later reply; a user's or an import's may not."""
    held = state({"job_title": "Sales Director", "city": "Berlin", "phone": "+49301"},
                 scanned="<r1@x>", edited=("city",),
                 sources={"job_title": "mailhook AI", "city": "mailhook AI", "phone": "import"})
    decision = decide(held, found(job_title="CRO", city="Munich", phone="+49302"), "own")
    assert fills_and_suggestions(decision) == (
        {"job_title": "CRO"}, {"city": "Munich", "phone": "+49302"}
    )
    assert (decision.reasons["city"], decision.reasons["phone"]) == (USER_EDITED, HOLDS_VALUE)


def test_suggest_policy_never_writes() -> None:
    """suggest: even an empty property on the first reply is only suggested."""
    decision = decide(state({}), found(first_name="Bob", phone="+4930"), "suggest")
    assert fills_and_suggestions(decision) == ({}, {"first_name": "Bob", "phone": "+4930"})
    assert set(decision.reasons.values()) == {POLICY_SUGGEST}


def test_company_is_suggested_never_filled() -> None:
    """The company line is not a property the AI fills; it becomes a suggestion."""
    decision = decide(state({"company": None}), found(company="Acme GmbH"), "hubspot")
    assert fills_and_suggestions(decision) == ({}, {"company": "Acme GmbH"})
    assert decision.reasons["company"] == NOT_FILLABLE


@pytest.mark.parametrize(("prop", "held", "new", "same"), [
    ("phone", "+49 (30) 123-4567", "+49301234567", True),
    ("phone", "+49301234567", "+49301234568", False),
    ("job_title", "Sales  director", "Sales Director", True),
    ("job_title", "Sales Director", "Sales Manager", False),
    ("city", None, "Berlin", False),
])
def test_same_value_ignores_formatting(prop: str, held: str | None, new: str, same: bool) -> None:
    """Values equal for a person (case, spacing, phone punctuation) raise no suggestion."""
    assert same_value(prop, held, new) is same


# --- through the worker and the store ------------------------------------------------------------


@pytest.fixture
def store(store: Store) -> Store:
    """The engine's store (tests/store/conftest.py) with the user."""
    store.add_user(USER, "Ann Lee", inbox_automation=True)
    return store


def two_replies(config: Config, store: Store) -> None:
    deliver(store, reply("<r1@acme.example>"))
    run_worker(config, store)
    deliver(store, reply("<r2@acme.example>", signature=NEW_SIGNATURE))
    run_worker(config, store)


def test_first_reply_suggests_a_new_title_for_a_held_one(tmp_path: Path, store: Store) -> None:
    """A job title the team typed is kept; the signature's different one is an open suggestion
    with its evidence, and every candidate is kept with what became of it."""
    store.add_contact(CONTACT, {"job_title": "Buyer"}, "user")
    deliver(store, reply())
    run_worker(worker_config(tmp_path), store)
    assert props(store)["job_title"] == "Buyer"
    [suggestion] = [s for s in store.suggestions() if s.property == "job_title"]
    assert (suggestion.value, suggestion.current_value, suggestion.reason) == (
        "Sales Director", "Buyer", USER_EDITED)
    assert suggestion.evidence["line"] == "Sales Director"
    assert (suggestion.message_id, suggestion.user_email) == ("<r1@acme.example>", USER)
    outcomes = {c["property"]: c["outcome"] for c in store.candidates(CONTACT)}
    assert outcomes["job_title"] == "suggested" and outcomes["phone"] == "filled"
    assert outcomes["company"] == "suggested"


def test_first_reply_policy_reads_no_later_reply(tmp_path: Path, store: Store) -> None:
    """Default scan = first-reply: a later reply with a new title is not read at all."""
    store.add_contact(CONTACT, {}, "import")
    two_replies(worker_config(tmp_path), store)
    assert props(store)["job_title"] == "Sales Director"
    assert [s.property for s in store.suggestions()] == ["company"]


def test_every_reply_suggests_a_job_change(tmp_path: Path, store: Store) -> None:
    """hubspot + every-reply: the second reply's new title and phone are suggested, not written."""
    store.add_contact(CONTACT, {}, "import")
    two_replies(worker_config(tmp_path, "[fill]\nscan = 'every-reply'\n"), store)
    assert props(store)["job_title"] == "Sales Director"
    new = {s.property: (s.value, s.current_value, s.reason) for s in store.suggestions()}
    assert new["job_title"] == ("Chief Revenue Officer", "Sales Director", HOLDS_VALUE)
    assert new["phone"] == ("+49307654321", "+49301234567", HOLDS_VALUE)
    assert "mobile_phone" not in new  # the same number in both signatures


def test_own_policy_updates_its_own_values(tmp_path: Path, store: Store) -> None:
    """own + every-reply: the AI's earlier title and phone are replaced; history keeps both."""
    store.add_contact(CONTACT, {}, "import")
    two_replies(worker_config(tmp_path, "[fill]\npolicy = 'own'\nscan = 'every-reply'\n"), store)
    now = store.contact(CONTACT)["properties"]
    assert now["job_title"]["value"] == "Chief Revenue Officer"
    assert now["job_title"]["message_id"] == "<r2@acme.example>"
    assert now["phone"]["value"] == "+49307654321"
    assert [s.property for s in store.suggestions()] == ["company"]


def test_suggest_policy_leaves_the_contact_alone(tmp_path: Path, store: Store) -> None:
    """suggest: the contact stays empty; each found value waits as a suggestion."""
    store.add_contact(CONTACT, {}, "import")
    deliver(store, reply())
    run_worker(worker_config(tmp_path, "[fill]\npolicy = 'suggest'\n"), store)
    assert not any(props(store).values())
    assert {s.property for s in store.suggestions()} >= {"first_name", "phone", "job_title"}


def test_newer_value_supersedes_and_dismissed_value_stays_dismissed(
    tmp_path: Path, store: Store
) -> None:
    """One open suggestion per property; a dismissed value never comes back; a repeat counts."""
    config = worker_config(tmp_path, "[fill]\npolicy = 'suggest'\nscan = 'every-reply'\n")
    store.add_contact(CONTACT, {}, "import")
    two_replies(config, store)
    titles = store.suggestions(status=None, contact=CONTACT)
    by_value = {s.value: s.status for s in titles if s.property == "job_title"}
    assert by_value == {"Sales Director": "superseded", "Chief Revenue Officer": "open"}
    [cro] = [s for s in titles if s.value == "Chief Revenue Officer"]
    store.dismiss_suggestion(cro.id)
    deliver(store, reply("<r3@acme.example>", signature=NEW_SIGNATURE))
    run_worker(config, store)
    assert store.suggestion(cro.id).status == "dismissed"
    [first_name] = [s for s in store.suggestions() if s.property == "first_name"]
    assert first_name.seen == 3


def test_accept_is_a_user_edit(tmp_path: Path, store: Store) -> None:
    """Accepting writes the value as a user's edit (the AI will not touch it again); accepting
    twice or an unknown id is a clear error."""
    store.add_contact(CONTACT, {"job_title": "Buyer"}, "user")
    deliver(store, reply())
    run_worker(worker_config(tmp_path), store)
    [title] = [s for s in store.suggestions() if s.property == "job_title"]
    store.accept_suggestion(title.id)
    shown = store.contact(CONTACT)["properties"]["job_title"]
    assert (shown["value"], shown["source"], shown["user_edited"]) == ("Sales Director", "user", True)
    with pytest.raises(InvalidValue, match="is accepted, not open"):
        store.accept_suggestion(title.id)
    with pytest.raises(NotFound, match="no suggestion #999"):
        store.dismiss_suggestion(999)


# --- the CLI and the view ------------------------------------------------------------------------


def test_cli_lists_accepts_and_dismisses(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`suggestions list --json`, `accept ID`, `dismiss ID` over the real CLI; errors exit 1."""
    store = Store(tmp_path / "db.sqlite")
    store.add_user(USER, None, inbox_automation=True)
    store.add_contact(CONTACT, {"job_title": "Buyer", "company": "Globex"}, "user")
    deliver(store, reply())
    run("process")
    listed = json.loads(run("suggestions", "list", "--json").output)
    by_prop = {s["property"]: s for s in listed}
    assert by_prop["job_title"]["value"] == "Sales Director"
    assert by_prop["company"]["current_value"] == "Globex"
    assert "Buyer' -> 'Sales Director'" in run("suggestions", "list").output
    run("suggestions", "accept", str(by_prop["job_title"]["id"]))
    run("suggestions", "dismiss", str(by_prop["company"]["id"]))
    assert run("suggestions", "list").output == ""
    assert "dismissed" in run("suggestions", "list", "--status", "all").output
    again = run("suggestions", "accept", str(by_prop["company"]["id"]), ok=False)
    assert again.exit_code == 1 and "is dismissed, not open" in again.output
    assert json.loads(run("contacts", "show", CONTACT, "--json").output)["properties"][
        "job_title"]["value"] == "Sales Director"


def test_suggested_updates_view_answers_sqlite_utils(tmp_path: Path, sqlite_store: Store) -> None:
    """The suggested_updates view lists open suggestions with the contact's current value."""
    store = sqlite_store
    store.add_user(USER, "Ann Lee", inbox_automation=True)
    store.add_contact(CONTACT, {"job_title": "Buyer"}, "user")
    deliver(store, reply())
    run_worker(worker_config(tmp_path), store)
    out = subprocess.run(
        [sys.executable, "-m", "sqlite_utils", "query", str(store.path),
         "select property, current_value, suggested_value from suggested_updates "
         "where property = 'job_title'"],
        capture_output=True, text=True, check=True,
    )
    assert json.loads(out.stdout) == [
        {"property": "job_title", "current_value": "Buyer", "suggested_value": "Sales Director"}
    ]


def test_undo_unwinds_the_ais_own_updates_step_by_step(tmp_path: Path, store: Store) -> None:
    """own: undoing the second reply restores the first reply's value; undoing both (--since)
    restores the empty value, not the first reply's; a dry run says the same without writing."""
    store.add_contact(CONTACT, {}, "import")
    two_replies(worker_config(tmp_path, "[fill]\npolicy = 'own'\nscan = 'every-reply'\n"), store)
    since = store._rows("SELECT min(received_at) AS t FROM messages")[0]["t"]
    planned = store.undo_fills(since=since, dry_run=True)
    assert all(r.reverted for r in planned)
    assert props(store)["job_title"] == "Chief Revenue Officer"
    store.undo_fills(message_ids=["<r2@acme.example>"])
    assert props(store)["job_title"] == "Sales Director"
    store.undo_fills(since=since)
    assert props(store)["job_title"] is None and props(store)["phone"] is None
