"""`mailhook contacts` and `mailhook suggestions` as a person reads them: text output over a real
database that the real worker filled from real MIME messages."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path

from click.testing import Result
from mails import CONTACT, USER, deliver, reply, run_worker, worker_config

from mailhook.config import Config, DatabaseConfig
from mailhook.store import Store

Run = Callable[..., Result]


def _config(tmp_path: Path, policy: str = "off", extra: str = "") -> Config:
    """The worker's config on the database the `run` fixture's CLI reads."""
    base = worker_config(tmp_path, extra)
    return dataclasses.replace(base, database=DatabaseConfig(tmp_path / "db.sqlite"),
                               dkim=dataclasses.replace(base.dkim, policy=policy))


def _store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "db.sqlite")
    store.add_user(USER, "Ann Lee", inbox_automation=True)
    return store


def test_contacts_show_says_why_a_mail_was_not_read(run: Run, tmp_path: Path) -> None:
    """An unsigned reply under [dkim] policy require is logged, not read: the text output says
    so in words, the JSON keeps the stored reason."""
    config = _config(tmp_path, policy="require")
    store = _store(tmp_path)
    store.add_contact(CONTACT, {}, "import")
    deliver(store, reply())
    run_worker(config, store)
    store.close()
    shown = run("contacts", "show", CONTACT).output
    assert "not read: DKIM did not pass (none) and [dkim] policy is require" in shown
    (mail,) = json.loads(run("contacts", "show", CONTACT, "--json").output)["emails"]
    assert mail["skip_reason"] == "dkim:none"


def test_contacts_show_says_nothing_more_for_a_mail_that_was_read(run: Run, tmp_path: Path) -> None:
    """A reply that was read has no "not read" line."""
    store = _store(tmp_path)
    store.add_contact(CONTACT, {}, "import")
    deliver(store, reply())
    run_worker(_config(tmp_path), store)
    store.close()
    shown = run("contacts", "show", CONTACT).output
    assert "Sales Director" in shown and "not read" not in shown


def test_suggestions_list_shows_how_often_and_why_not_written(run: Run, tmp_path: Path) -> None:
    """A title the team typed, shown by two replies: one line with both values, the count and
    the reason in words."""
    store = _store(tmp_path)
    store.add_contact(CONTACT, {"job_title": "Buyer"}, "user")
    deliver(store, reply("<r1@acme.example>"))
    deliver(store, reply("<r2@acme.example>"))
    run_worker(_config(tmp_path, extra="[fill]\nscan = 'every-reply'\n"), store)
    store.close()
    (line,) = [s for s in run("suggestions", "list").output.splitlines() if "job_title" in s]
    assert "job_title: 'Buyer' -> 'Sales Director'  seen 2x" in line
    assert line.endswith("not written: a person set this property")


def test_contacts_list_is_a_compact_table(run: Run, tmp_path: Path) -> None:
    """One row per contact: email, name, company, job title, phone (the mobile when there is no
    other) and how many values the AI filled; a long cell is cut, --json keeps everything."""
    store = _store(tmp_path)
    store.add_contact(CONTACT, {}, "import")
    store.add_contact("cy@them.example", {"first_name": "Cy", "mobile_phone": "+4917100000",
                                          "company": "Lefèvre " + "Très Longue Raison Sociale" * 2},
                      "user")
    deliver(store, reply())
    run_worker(_config(tmp_path), store)
    store.close()
    header, bob, cy = (line.split("  ") for line in run("contacts", "list").output.splitlines())
    cells = [[c.strip() for c in line if c.strip()] for line in (header, bob, cy)]
    assert cells[0] == ["EMAIL", "NAME", "COMPANY", "JOB TITLE", "PHONE", "AI"]
    assert cells[1] == [CONTACT, "Bob Smith", "Sales Director", "+49301234567", "5"]
    assert cells[2][:2] == ["cy@them.example", "Cy"] and cells[2][-2:] == ["+4917100000", "0"]
    assert cells[2][2].endswith("…") and len(cells[2][2]) == 28
    listed = json.loads(run("contacts", "list", "--json").output)
    assert listed[0]["email"] == CONTACT and listed[0]["ai_filled"] == 5
    assert listed[1]["company"].endswith("Sociale")
