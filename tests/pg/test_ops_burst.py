"""The listeners' burst told across hosts (store.burst): a `mailhook worker` on another host
(another host_id, no signal pipe to the service) steps back while a real `serve --no-worker`
takes a flood, a stop still ends its wait, and nothing of the flood is lost."""

from __future__ import annotations

import re
import smtplib
import threading
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path

import pytest

from mailhook.store import Store
from mailhook.store.burst import Announcer, Listener
from mailhook.worker.priority import BUSY_MESSAGES
from pg.cluster import Cluster, fresh_database
from pg.commands import Command

# One LMTP transaction to more users than the busy threshold is a burst in one commit: no
# timing decides whether the listeners are busy.
USERS = tuple(f"u{i}@us.example" for i in range(BUSY_MESSAGES + 10))
SENDER = "sam@acme.example"
READY = r"mailhook listening smtp=\S+ lmtp=([\d.]+):(\d+)"
STEPS_BACK = "told on the database\\): stepping back"
PROCESSED = re.compile(r"processed message (\d+) ")


@pytest.fixture
def url(postgres_cluster: Cluster) -> Iterator[str]:
    with fresh_database(postgres_cluster) as made:
        store = Store(made)
        try:
            for user in USERS:
                store.add_user(user, None, inbox_automation=False)
        finally:
            store.close()
        yield made


def write_config(folder: Path, url: str, host: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "mailhook.toml"
    path.write_text(f'[database]\nurl = "{url}"\nhost_id = "{host}"\n[smtp]\nport = 0\n'
                    '[lmtp]\nport = 0\n[dkim]\npolicy = "off"\n[extract]\ntagger = "off"\n'
                    '[worker]\nprocesses = 1\n')
    return path


def message(number: int) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = f"Sam Reed <{SENDER}>"
    msg["To"] = "team@us.example"  # every user by the envelope, as a list's copies
    msg["Subject"] = f"Flood {number}"
    msg["Message-ID"] = f"<flood-{number}@acme.example>"
    msg.set_content(f"Message {number}.\n\n-- \nSam Reed\nAcme GmbH\n+49 30 1234567\n")
    return msg


class Flood:
    """Delivers one message to every user per LMTP transaction until stopped; counts the 250s."""

    def __init__(self, host: str, port: int) -> None:
        self.address = (host, port)
        self.acked: set[tuple[str, str]] = set()
        self.stopping = threading.Event()
        self.errors: list[BaseException] = []
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        number = 0
        try:
            while not self.stopping.is_set():
                number += 1
                self._deliver(message(number))
        except BaseException as exc:  # handed to the test thread instead of being lost
            self.errors.append(exc)

    def _deliver(self, msg: EmailMessage) -> None:
        """One transaction as an MTA sends it: a 4xx (the intake's backlog limit, say) means
        "not taken, try later", so only the copies answered 250 count; anything else fails."""
        with smtplib.LMTP(*self.address, timeout=60) as client:
            client.ehlo()
            code, _ = client.mail(SENDER)
            if 400 <= code < 500:
                return
            assert code == 250, code
            taken = [user for user in USERS if self._accepted(client.rcpt(user)[0])]
            if not taken:
                return
            replies = [client.data(msg.as_bytes())] + [client.getreply() for _ in taken[1:]]
        for user, (code, _) in zip(taken, replies, strict=True):
            if self._accepted(code):
                self.acked.add((str(msg["Message-ID"]), user))

    @staticmethod
    def _accepted(code: int) -> bool:
        assert code == 250 or 400 <= code < 500, code
        return code == 250

    def stop(self) -> None:
        self.stopping.set()
        self._thread.join(60)
        assert not self._thread.is_alive() and not self.errors, self.errors


def test_a_worker_on_another_host_steps_back_for_a_burst_and_still_stops(
        tmp_path: Path, url: str) -> None:
    """A `mailhook worker` as host b, whose only news of the listeners is the database, logs
    that it steps back while `serve --no-worker` (host a) stores a flood; SIGTERM then ends it
    cleanly (exit 0) in the middle of the flood; a second worker drains the rest: every copy
    answered 250 is stored once and processed once."""
    config_b = str(write_config(tmp_path / "b", url, "b"))
    worker = Command("worker", "--log-level", "info", "--config", config_b)
    serve = Command("serve", "--no-worker", "--config", str(write_config(tmp_path / "a", url, "a")))
    drainer: Command | None = None
    try:
        worker.wait_for("mailhook worker running")
        found = serve.wait_for(READY)
        flood = Flood(found[1], int(found[2]))
        try:
            worker.wait_for(STEPS_BACK)
            assert worker.stop() == 0, worker.output()
            assert "stopped" in worker.output()
        finally:
            flood.stop()
        drainer = Command("worker", "--log-level", "info", "--config", config_b)
        store = Store(url)
        try:
            while store.counts()["pending"]:
                drainer.wait_for("processed message")
            rows = store.query("SELECT message_id, recipient, status FROM messages")
        finally:
            store.close()
        assert drainer.stop() == 0
        assert serve.stop() == 0
    finally:  # a failed test leaves no process holding the database it drops
        for run in (worker, serve, drainer):
            if run is not None:
                run.stop()
    assert {(r["message_id"], r["recipient"]) for r in rows} == flood.acked
    assert len(rows) == len(flood.acked) and {r["status"] for r in rows} == {"processed"}
    processed = [int(m[1]) for run in (worker, drainer) for line in run.lines
                 if (m := PROCESSED.search(line))]
    assert len(processed) == len(set(processed)) == len(rows)


def test_an_announcement_is_heard_and_rate_limited(postgres_cluster: Cluster) -> None:
    """On a real server: a listener hears an announcement; an announcer tells at most one per
    ANNOUNCE_EVERY_SECONDS (the test's clock)."""
    now = [100.0]
    with fresh_database(postgres_cluster) as made:
        listener = Listener(made)
        announcer = Announcer(made, clock=lambda: now[0])
        try:
            assert not listener.heard()
            assert announcer.announce()
            assert not announcer.announce()  # the same moment: rate-limited
            now[0] += 0.3
            assert announcer.announce()
            assert listener.heard(timeout=5.0)
        finally:
            announcer.close()
            listener.close()
