"""`mailhook status` says how many processed mails were not read for contact details, and why,
in words (text) and as reasons with counts (--json)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from click.testing import CliRunner
from mails import CONTACT, USER, deliver, reply, run_worker, worker_config

from mailhook.cli import main
from mailhook.config import DkimConfig
from mailhook.store import Store


def test_status_counts_mail_not_read_and_says_why(tmp_path: Path) -> None:
    """Three unsigned replies under [dkim] policy = "require" (hand-made local mail has no DKIM
    signature) and one to a user with inbox automation off: four not read, each reason in words."""
    config = worker_config(tmp_path)
    config = dataclasses.replace(config, dkim=DkimConfig(policy="require", nameservers=("127.0.0.1:9",)))
    store = Store(config.database.path)
    store.add_user(USER, None, inbox_automation=True)
    store.add_user("cy@us.example", None, inbox_automation=False)
    store.add_contact(CONTACT, {}, "import")
    for n in range(3):
        deliver(store, reply(f"<r{n}@acme.example>"))
    deliver(store, reply("<r9@acme.example>"), recipient="cy@us.example")
    run_worker(config, store)
    path = tmp_path / "mailhook.toml"
    path.write_text(f'[database]\npath = "{config.database.path}"\n')

    text = CliRunner().invoke(main, ["status", "--config", str(path)])
    assert text.exit_code == 0, text.output
    lines = text.output.splitlines()
    at = lines.index("not read   4")
    assert lines[at + 1:at + 3] == [
        "         3 DKIM did not pass (none) and [dkim] policy is require",
        "         1 inbox automation is off for the user"]

    report = json.loads(CliRunner().invoke(main, ["status", "--config", str(path), "--json"]).output)
    assert [(r["reason"], r["count"]) for r in report["not_read"]] == [
        ("dkim:none", 3), ("inbox automation off", 1)]
    assert report["not_read"][0]["in_words"].startswith("DKIM did not pass")
