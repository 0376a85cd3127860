"""The click CLI over a real SQLite file: users, contacts, status, retry and export."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from mailhook.cli import main
from mailhook.rules.fill import Candidate
from mailhook.store import Outcome, Received, Store

ROOT = Path(__file__).resolve().parents[2]


def fill_via_worker_outcome(db: Path, contact: str, **values: str) -> None:
    store = Store(db)
    store.insert_received([Received(b"x", "<m1@x>", "ann@us.example", "lmtp", None, (), None)])
    (item,) = store.claim(1)
    candidates = tuple(Candidate(p, v, v, {}) for p, v in values.items())
    store.finish(item.id, Outcome("inbound", contact_email=contact, logged_on=(contact,),
                                  scanned=True, candidates=candidates))
    store.close()


def test_users_add_set_list(run) -> None:
    """Users are added with fill on and automation off by default; set changes take effect."""
    run("users", "add", "Ann@Us.example", "--name", "Ann")
    (user,) = json.loads(run("users", "list", "--json").output)
    assert (user["email"], user["fill_contact_details"], user["inbox_automation"]) == (
        "ann@us.example", True, False)
    run("users", "set", "ann@us.example", "--inbox-automation", "on",
        "--fill-contact-details", "off")
    (user,) = json.loads(run("users", "list", "--json").output)
    assert user["inbox_automation"] and user["inbox_automation_since"]
    assert not user["fill_contact_details"]


def test_contacts_add_set_show_json(run) -> None:
    """contacts show --json gives every property with value, source, flag, time and message."""
    run("contacts", "add", "bob@them.example", "--first-name", "Bob", "--city", "Oslo")
    run("contacts", "set", "bob@them.example", "job_title", "CTO")
    shown = json.loads(run("contacts", "show", "bob@them.example", "--json").output)
    assert shown["email"] == "bob@them.example"
    assert shown["emails"] == []
    title = shown["properties"]["job_title"]
    assert set(title) == {"value", "source", "user_edited", "updated_at", "message_id"}
    assert (title["value"], title["source"], title["user_edited"]) == ("CTO", "user", True)
    assert shown["properties"]["phone"]["value"] is None


def test_contacts_import_accepts_hubspot_columns(run, tmp_path: Path) -> None:
    """A HubSpot-style CSV imports with source `import`; with --strict an unknown column is refused
    whole."""
    good = tmp_path / "contacts.csv"
    good.write_text("Email,First Name,lastname,Phone Number\nbob@them.example,Bob,Lee,+47 1\n")
    assert "imported 1 new" in run("contacts", "import", str(good)).output
    props = json.loads(run("contacts", "show", "bob@them.example", "--json").output)["properties"]
    assert (props["last_name"]["value"], props["last_name"]["source"]) == ("Lee", "import")
    bad = tmp_path / "bad.csv"
    bad.write_text("email,shoe size\ncy@them.example,44\n")
    result = run("contacts", "import", "--strict", str(bad), ok=False)
    assert result.exit_code == 1 and "unknown column 'shoe size'" in result.output
    emails = [c["email"] for c in json.loads(run("contacts", "list", "--json").output)]
    assert emails == ["bob@them.example"]


def test_export_filled_csv_json_and_hubspot(run, tmp_path: Path) -> None:
    """Exports list only the AI's fills, with HubSpot's column names when asked."""
    run("contacts", "add", "bob@them.example", "--first-name", "Bob")
    fill_via_worker_outcome(tmp_path / "db.sqlite", "bob@them.example", city="Berlin",
                            phone="+493012345")
    rows = list(csv.DictReader(io.StringIO(run("export", "filled").output)))
    assert sorted((r["email"], r["property"], r["value"]) for r in rows) == [
        ("bob@them.example", "city", "Berlin"), ("bob@them.example", "phone", "+493012345")]
    assert rows[0]["message_id"] == "<m1@x>" and rows[0]["filled_at"]
    as_json = json.loads(run("export", "filled", "--format", "json").output)
    assert len(as_json) == 2
    out = tmp_path / "hubspot.csv"
    run("export", "filled", "--hubspot", "-o", str(out))
    (hub,) = list(csv.DictReader(out.open()))
    assert (hub["email"], hub["city"], hub["phone"], hub["firstname"]) == (
        "bob@them.example", "Berlin", "+493012345", "")


def test_status_and_retry(run, tmp_path: Path) -> None:
    """status --json counts messages; retry re-queues failed ones."""
    store = Store(tmp_path / "db.sqlite")
    store.insert_received([Received(b"x", "<m1@x>", "ann@us.example", "lmtp", None, (), None)])
    (item,) = store.claim(1)
    store.fail(item.id, "boom", max_attempts=1)
    status = json.loads(run("status", "--json").output)
    assert {k: status[k] for k in ("received", "processed", "pending", "failed")} == {
        "received": 1, "processed": 0, "pending": 0, "failed": 1}
    assert "re-queued 1" in run("retry").output
    assert json.loads(run("status", "--json").output)["pending"] == 1


def test_errors_are_one_clear_line(run, tmp_path: Path) -> None:
    """Our errors print one line and exit 1, never a traceback."""
    for args in (("contacts", "set", "nobody@x.example", "city", "Oslo"),
                 ("users", "add", "not-an-address")):
        result = run(*args, ok=False)
        assert result.exit_code == 1
        assert result.output.startswith("Error: ") and result.output.count("\n") == 1
    bad = tmp_path / "bad.toml"
    bad.write_text("[smtp]\nprot = 25\n")
    result = CliRunner().invoke(main, ["status", "--config", str(bad)])
    assert result.exit_code == 1 and "smtp.prot" in result.output


def _sub(group: click.Group, name: str) -> click.Command:
    """A sub-command as click finds it (the top group imports its commands lazily)."""
    command = group.get_command(click.Context(group), name)
    assert command is not None, name
    return command


def leaf_commands(group: click.Group, prefix: str = "") -> list[str]:
    names = []
    for name in group.list_commands(click.Context(group)):
        command = _sub(group, name)
        if isinstance(command, click.Group):
            names += leaf_commands(command, f"{prefix}{name} ")
        else:
            names.append(f"{prefix}{name}")
    return names


def test_every_command_is_documented_in_the_readme() -> None:
    """Each CLI command appears in README.md as `mailhook <command>`."""
    readme = (ROOT / "README.md").read_text()
    missing = [c for c in leaf_commands(main) if not re.search(rf"mailhook {c}\b", readme)]
    assert missing == []


def test_every_command_takes_config() -> None:
    """Every command that uses the configuration accepts --config FILE."""
    without = [c for c in leaf_commands(main) if c not in ("extract", "tasks detect")
               and "--config" not in _options(main, c.split())]
    assert without == []


def _options(group: click.Group, path: list[str]) -> list[str]:
    command: click.Command = group
    for name in path:
        assert isinstance(command, click.Group)
        command = _sub(command, name)
    return [opt for p in command.params for opt in getattr(p, "opts", [])]


# Arguments the commands below would otherwise accept (none for the others).
ARGUMENTS: dict[str, tuple[str, ...]] = {
    "digest": ("--print",), "undo": ("--since", "2020-01-01"),
    "replay": ("ann.mbox", "--user", "ann@us.example"),
    "users add": ("ann@us.example",), "users set": ("ann@us.example", "--name", "Ann"),
    "users password": ("ann@us.example", "--password-stdin"),
    "contacts add": ("bob@them.example",), "contacts import": ("contacts.csv",),
    "contacts set": ("bob@them.example", "city", "Oslo"), "contacts show": ("bob@them.example",),
    "tasks accept": ("1",), "tasks dismiss": ("1",), "suggestions accept": ("1",),
    "suggestions dismiss": ("1",), "migrate-db": ("--to", "postgresql://u@127.0.0.1:9/db"),
}
# Every command that opens the database (doctor reports on it instead).
DATABASE_COMMANDS = sorted(set(leaf_commands(main)) - {"extract", "tasks detect", "doctor"})


@pytest.mark.parametrize(("make", "message"), [
    (lambda path: path.mkdir(), "{path} is a directory, not a database file"),
    (lambda path: path.write_bytes(b"PK\x03\x04 a zip file, say" * 200),
     "{path} is not an SQLite database"),
])
@pytest.mark.parametrize("command", DATABASE_COMMANDS)
def test_an_unusable_database_is_one_clear_line_for_every_command(
    tmp_path: Path, command: str, make: Callable[[Path], object], message: str
) -> None:
    """A directory or a file that is not SQLite as [database] path: every command, `serve`
    too, says so in one line and exits 1, never a traceback."""
    database = tmp_path / "db.sqlite"
    make(database)
    config = tmp_path / "mailhook.toml"
    config.write_text(f'[database]\npath = "{database}"\n[dkim]\npolicy = "off"\n'
                      '[extract]\ntagger = "off"\n[smtp]\nport = 0\n[lmtp]\nport = 0\n')
    (tmp_path / "contacts.csv").write_text("email\nbob@them.example\n")
    (tmp_path / "ann.mbox").write_text("From ann@us.example\nSubject: hi\n\nhello\n")
    args = [a if not a.endswith((".csv", ".mbox")) else str(tmp_path / a)
            for a in ARGUMENTS.get(command, ())]
    result = CliRunner().invoke(main, [*command.split(), *args, "--config", str(config)],
                                input="a long password\n")
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit), result.exception  # not a crash
    assert result.output.splitlines()[-1] == f"Error: {message.format(path=database)}"
    assert "Traceback" not in result.output


def test_a_command_runs_without_importing_the_others(tmp_path: Path) -> None:
    """`mailhook --version` loads no command module but its own: each command imports what it
    needs when it runs (cli.lazy), so start-up does not pay for the store, DKIM or the pipeline."""
    probe = ("import sys\nfrom mailhook.cli import main\n"
             "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
             "print(sorted(m for m in sys.modules if m.startswith(('mailhook.pipeline', "
             "'mailhook.trust.dkim', 'mailhook.cli.replay', 'sqlite_utils'))))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         cwd=tmp_path).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_every_lazy_command_resolves() -> None:
    """Each name the group lists imports to a click command of that name."""
    for name in main.list_commands(click.Context(main)):
        assert _sub(main, name).name == name
