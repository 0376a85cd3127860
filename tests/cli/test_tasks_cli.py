"""Tasks end to end on a real SQLite file: the worker records them, the CLI lists, accepts, dismisses."""

from __future__ import annotations

import dataclasses
import json
from email import message_from_bytes
from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path

import pytest
from click.testing import CliRunner

from mailhook.cli import main
from mailhook.config import Config, DatabaseConfig, parse_config
from mailhook.store import Received, Store
from mailhook.worker.processing import Worker

USER = "ann@us.example"
CONTACT = "bob.smith@acme.example"
FORWARDING = "log@hook.example"
TEAM = "sales@us.example"
DATA = Path(__file__).parents[1] / "data" / "intent"
REQUEST = "Hi Ann,\n\nthe board liked it. Can you send the revised quote by Friday?\n\nBest,\nBob\n"


@pytest.fixture
def config(tmp_path: Path) -> Config:
    base = parse_config(
        f"[addresses]\nforwarding = ['{FORWARDING}']\nteam = ['{TEAM}']\n[dkim]\npolicy = 'off'\n"
    )
    return dataclasses.replace(base, database=DatabaseConfig(tmp_path / "mailhook.db"))


@pytest.fixture
def config_file(config: Config, tmp_path: Path) -> Path:
    path = tmp_path / "mailhook.toml"
    path.write_text(
        f"[database]\npath = '{config.database.path}'\n[addresses]\nforwarding = ['{FORWARDING}']\n"
        f"team = ['{TEAM}']\n[dkim]\npolicy = 'off'\n"
    )
    return path


@pytest.fixture
def store(config: Config) -> Store:
    store = Store(config.database.path)
    store.add_user(USER, "Ann Lee", inbox_automation=True)
    store.add_contact(CONTACT, {"first_name": "Bob"}, "import")
    return store


def mail(sender: str, to: str, body: str, *, message_id: str, **headers: str) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = "Re: quote"
    message["Date"] = formatdate(1_780_000_000)  # Thu, 28 May 2026
    message["Message-ID"] = message_id
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(body)
    return bytes(message)


def deliver(store: Store, raw: bytes, *, recipient: str = USER, listener: str = "lmtp",
            mail_from: str = CONTACT) -> None:
    message_id = message_from_bytes(raw)["Message-ID"]
    store.insert_received([Received(raw, message_id, recipient, listener, mail_from, (recipient,), None)])


def process(config: Config, store: Store) -> None:
    Worker(config).drain(store)


def test_inbound_request_from_a_contact_becomes_a_recommended_task(config: Config, store: Store) -> None:
    """A user with inbox automation on gets a task with contact, message, title, sentence and due date."""
    deliver(store, mail(CONTACT, USER, REQUEST, message_id="<m@acme.example>"))
    process(config, store)
    [task] = store.tasks()
    assert (task.user_email, task.contact_email, task.message_id) == (USER, CONTACT, "<m@acme.example>")
    assert task.title == "Send the revised quote by Friday"
    assert task.sentence == "Can you send the revised quote by Friday?"
    assert task.due == "2026-05-29"
    assert task.status == "recommended"


def test_automation_off_makes_no_task_and_turning_it_off_deletes_none(
    config: Config, store: Store
) -> None:
    """Mail received while automation is off makes nothing; switching it off keeps existing tasks."""
    deliver(store, mail(CONTACT, USER, REQUEST, message_id="<m1@acme.example>"))
    process(config, store)
    store.set_user(USER, inbox_automation=False)
    deliver(store, mail(CONTACT, USER, REQUEST.replace("Friday", "Monday"), message_id="<m2@acme.example>"))
    process(config, store)
    assert [t.message_id for t in store.tasks()] == ["<m1@acme.example>"]


def test_team_mail_unknown_senders_and_auto_replies_make_no_task(config: Config, store: Store) -> None:
    """Team inboxes, senders who are not contacts and auto-submitted mail never make tasks."""
    stranger = "eve@elsewhere.example"
    deliver(store, mail(CONTACT, TEAM, REQUEST, message_id="<t@x>"), recipient=TEAM)
    deliver(store, mail(stranger, USER, REQUEST, message_id="<s@x>"), mail_from=stranger)
    deliver(store, mail(CONTACT, USER, REQUEST, message_id="<a@x>", Auto_Submitted="auto-replied"))
    process(config, store)
    assert store.counts()["processed"] == 3
    assert store.tasks() == []


def test_outbound_promise_is_the_users_task_on_the_recipient(config: Config, store: Store) -> None:
    """A user's BCC'd promise becomes their own task (no "Follow up:") on the external recipient."""
    body = "Hi Bob,\n\nthanks for your time. I'll send you the contract on Monday.\n\nAnn\n"
    raw = mail(USER, CONTACT, body, message_id="<o@us.example>")
    deliver(store, raw, recipient=FORWARDING, listener="smtp", mail_from=USER)
    # The MTA also delivers the user's copy of her own sent mail: still one task.
    deliver(store, raw, recipient=USER, mail_from=USER)
    process(config, store)
    [task] = store.tasks()
    assert (task.contact_email, task.title, task.due) == (CONTACT, "Send you the contract on Monday",
                                                          "2026-06-01")


def test_reprocessing_a_message_does_not_duplicate_its_tasks(config: Config, store: Store) -> None:
    """The same sentence from the same message is stored once (unique per message, user, sentence)."""
    deliver(store, mail(CONTACT, USER, REQUEST, message_id="<m@acme.example>"))
    process(config, store)
    store.conn.execute("UPDATE messages SET status = 'pending'")
    process(config, store)
    assert len(store.tasks()) == 1


def test_tasks_list_accept_and_dismiss_on_a_real_database(
    config: Config, store: Store, config_file: Path
) -> None:
    """`tasks list` filters by user and status; `accept` and `dismiss` change the status by id."""
    deliver(store, mail(CONTACT, USER, REQUEST + "\nI will call you on Monday.\n", message_id="<m@x>"))
    process(config, store)
    runner = CliRunner()
    listed = runner.invoke(main, ["tasks", "list", "--json", "--user", USER, "--config", str(config_file)])
    assert listed.exit_code == 0, listed.output
    first, second = (t["id"] for t in json.loads(listed.output))
    assert "accepted task" in runner.invoke(main, ["tasks", "accept", str(first),
                                                   "--config", str(config_file)]).output
    assert "dismissed task" in runner.invoke(main, ["tasks", "dismiss", str(second),
                                                    "--config", str(config_file)]).output
    by_status = {s: runner.invoke(main, ["tasks", "list", "--status", s, "--json",
                                         "--config", str(config_file)]).output
                 for s in ("recommended", "accepted", "dismissed")}
    assert json.loads(by_status["recommended"]) == []
    assert [t["id"] for t in json.loads(by_status["accepted"])] == [first]
    assert [t["id"] for t in json.loads(by_status["dismissed"])] == [second]
    text = runner.invoke(main, ["tasks", "list", "--config", str(config_file)]).output
    assert f"#{first}" in text and "accepted" in text


def test_accepting_an_unknown_task_is_a_one_line_error(store: Store, config_file: Path) -> None:
    """An id that does not exist exits 1 with a clear message."""
    result = CliRunner().invoke(main, ["tasks", "accept", "999", "--config", str(config_file)])
    assert result.exit_code == 1
    assert "no task 999" in result.output


def test_detect_prints_one_json_line_per_message_without_a_database(tmp_path: Path) -> None:
    """`tasks detect --json` needs no config and prints path, language and tasks for each file."""
    files = [str(DATA / "de-promise-naechste-woche.eml"), str(DATA / "en-neg-newsletter.eml")]
    result = CliRunner().invoke(main, ["tasks", "detect", "--json", *files])
    assert result.exit_code == 0, result.output
    first, second = (json.loads(line) for line in result.output.splitlines())
    assert set(first) == {"path", "language", "tasks"}
    assert first["language"] == "de"
    assert first["tasks"] == [{"title": "Follow up: Ich melde mich nächste Woche bei Ihnen",
                               "due": "2026-03-09",
                               "sentence": "Ich melde mich nächste Woche bei Ihnen."}]
    assert second["tasks"] == []
