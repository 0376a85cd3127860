"""`mailhook serve` as a real process: a kill -9 between the 250 and processing loses nothing."""

from __future__ import annotations

import re
import signal
import smtplib
import subprocess
import sys
from email.message import EmailMessage
from pathlib import Path

import pytest
from linereader import LineReader

from mailhook.store import Store
from service.engines import both_engines, database_toml

MAILHOOK = str(Path(sys.executable).parent / "mailhook")
DEADLINE_SECONDS = 60.0
SIGNATURE = "Best regards,\nBob Smith\nSales Director\nAcme GmbH\nTel: +49 30 1234567\n"


class Hook:
    """A `mailhook serve` child process whose output we read line by line, with a deadline."""

    def __init__(self, config: Path, *args: str) -> None:
        self.proc = subprocess.Popen(
            [MAILHOOK, "serve", "--config", str(config), *args],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1,
        )
        assert self.proc.stdout is not None
        self.output = LineReader(self.proc.stdout)

    def wait_for(self, pattern: str) -> re.Match[str]:
        """Read output until a line matches; fails if the process exits or the deadline passes."""
        found = self.output.wait_for(pattern, 1, DEADLINE_SECONDS)
        if not found:
            state = f"exited ({self.proc.wait()})" if self.output.eof else "still running"
            pytest.fail(f"no line matching {pattern!r} ({state}):\n{self.output.text()}")
        match = re.search(pattern, found[0])
        assert match is not None
        return match

    def lmtp_port(self) -> int:
        return int(self.wait_for(r"mailhook listening smtp=\S+:\d+ lmtp=\S+:(\d+)").group(1))

    def stop(self) -> int:
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=DEADLINE_SECONDS)

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait(timeout=DEADLINE_SECONDS)


@pytest.fixture
def config(tmp_path: Path, db_path: Path | str) -> Path:
    path = tmp_path / "mailhook.toml"
    path.write_text(
        database_toml(db_path) +
        '[smtp]\nport = 0\n[lmtp]\nport = 0\n[dkim]\npolicy = "off"\n[extract]\ntagger = "off"\n'
    )
    store = Store(db_path)
    store.add_user("ann@us.example", "Ann", inbox_automation=True)
    store.add_contact("bob@acme.example", {}, "import")
    store.close()
    return path


def reply() -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = "Bob Smith <bob@acme.example>"
    msg["To"] = "ann@us.example"
    msg["Subject"] = "Re: quote"
    msg["Message-ID"] = "<kill-test@acme.example>"
    msg.set_content(f"Hi Ann,\n\nthe quote works for us.\n\n{SIGNATURE}")
    return msg


@both_engines
def test_kill_between_reply_and_processing_then_restart_processes_once(
    config: Path, db_path: Path | str
) -> None:
    """A message answered 250 survives kill -9 before processing; the restarted hook processes it
    exactly once, and an MTA retry of it after the restart is not logged twice."""
    hook = Hook(config, "--no-worker")
    port = hook.lmtp_port()
    with smtplib.LMTP("127.0.0.1", port) as client:
        assert client.send_message(reply(), "bob@acme.example", ["ann@us.example"]) == {}
    hook.kill()
    store = Store(db_path)
    assert store.counts() == {"received": 1, "processed": 0, "pending": 1, "failed": 0}

    hook = Hook(config)
    port = hook.lmtp_port()
    hook.wait_for(r"processed message 1\b")
    with smtplib.LMTP("127.0.0.1", port) as client:  # the MTA never saw our 250 and retries
        assert client.send_message(reply(), "bob@acme.example", ["ann@us.example"]) == {}
    assert hook.stop() == 0
    assert store.counts() == {"received": 1, "processed": 1, "pending": 0, "failed": 0}
    shown = store.contact("bob@acme.example")
    assert len(shown["emails"]) == 1
    assert shown["properties"]["phone"]["value"] == "+49301234567"
    history = store.query("SELECT count(*) AS n FROM property_history WHERE property = 'phone'")
    assert history == [{"n": 1}]
