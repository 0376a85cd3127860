"""`mailhook serve` killed with SIGKILL again and again under load loses and repeats nothing."""

from __future__ import annotations

import collections
import queue
import random
import re
import signal
import smtplib
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path

import pytest

from mailhook.store import Store

MAILHOOK = str(Path(sys.executable).parent / "mailhook")
SEED = 20261123
KILLS = 20
LMTP_CLIENTS = 3
SMTP_CLIENTS = 2
USERS = ("ann@us.example", "cat@us.example")
CONTACTS = tuple(f"c{i}@acme.example" for i in range(8))
FORWARDING = "log@hook.localhost"
# Longest a running instance may be given before its SIGKILL: long enough for many
# transactions, short enough that kills land at every stage (intake, claim, finish).
MAX_LIFETIME_SECONDS = 0.8
START_DEADLINE_SECONDS = 15.0
DRAIN_DEADLINE_SECONDS = 60.0
CLIENT_TIMEOUT_SECONDS = 10.0
READY = re.compile(r"^mailhook listening smtp=([\d.]+):(\d+) lmtp=([\d.]+):(\d+)$")
PROCESSED = re.compile(r"processed message (\d+) ")
SIGNATURE = "Best regards,\n{name}\nSales Director\nAcme GmbH\nTel: +49 30 {phone}\n"


class Instance:
    """One `mailhook serve` child; a thread reads its output, so logging never blocks it."""

    def __init__(self, config: Path) -> None:
        self.proc = subprocess.Popen(
            [MAILHOOK, "serve", "--config", str(config)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1,
        )
        self.lines: list[str] = []
        self.events: queue.Queue[str | None] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line)
            self.events.put(line)
        self.events.put(None)  # end of output: the process is gone

    def next_line(self, deadline: float) -> str:
        """The next output line; fails when the process exits or the deadline passes."""
        try:
            line = self.events.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            pytest.fail(f"mailhook said nothing more before the deadline:\n{self.output()}")
        if line is None:
            pytest.fail(f"mailhook exited ({self.proc.wait()}):\n{self.output()}")
        return line

    def addresses(self) -> dict[str, tuple[str, int]]:
        deadline = time.monotonic() + START_DEADLINE_SECONDS
        while not (found := READY.match(self.next_line(deadline).strip())):
            pass
        return {"smtp": (found[1], int(found[2])), "lmtp": (found[3], int(found[4]))}

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait(timeout=START_DEADLINE_SECONDS)
        self._reader.join(START_DEADLINE_SECONDS)

    def stop(self) -> int:
        self.proc.send_signal(signal.SIGTERM)
        code = self.proc.wait(timeout=DRAIN_DEADLINE_SECONDS)
        self._reader.join(START_DEADLINE_SECONDS)
        return code

    def output(self) -> str:
        return "".join(self.lines[-40:])


@dataclass
class Load:
    """Clients that deliver unique messages, like MTAs: a copy counts as delivered on its 250,
    and a transaction cut off by the kill is tried again, for the recipients still owed, later."""

    rng: random.Random
    acked: set[tuple[str, str]] = field(default_factory=set)  # (Message-ID, recipient)
    sent: dict[str, tuple[str, ...]] = field(default_factory=dict)  # Message-ID -> recipients
    up: threading.Event = field(default_factory=threading.Event)
    stopping: threading.Event = field(default_factory=threading.Event)
    addresses: dict[str, tuple[str, int]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    errors: list[BaseException] = field(default_factory=list)

    def serve_at(self, addresses: dict[str, tuple[str, int]]) -> None:
        with self.lock:
            self.addresses = addresses
        self.up.set()

    def client(self, listener: str, number: int) -> Callable[[], None]:
        rng = random.Random(self.rng.random())
        make = _inbound if listener == "lmtp" else _outbound

        def run() -> None:
            owed: collections.deque[tuple[EmailMessage, list[str]]] = collections.deque()
            count = 0
            try:
                while not self.stopping.is_set() or owed:
                    if not owed:
                        count += 1
                        message, recipients = make(rng, f"{listener}{number}-{count}")
                        with self.lock:
                            self.sent[str(message["Message-ID"])] = tuple(recipients)
                        owed.append((message, recipients))
                    message, recipients = owed.popleft()
                    left = self._deliver(listener, message, recipients)
                    if left:
                        owed.append((message, left))
                        self.up.wait(START_DEADLINE_SECONDS)  # until the restarted instance
            except BaseException as exc:  # handed to the test thread instead of being lost
                self.errors.append(exc)

        return run

    def _deliver(self, listener: str, message: EmailMessage, recipients: list[str]) -> list[str]:
        """One transaction; returns the recipients still owed a 250."""
        with self.lock:
            host, port = self.addresses[listener]
        mid = str(message["Message-ID"])
        got: list[str] = []
        try:
            cls = smtplib.LMTP if listener == "lmtp" else smtplib.SMTP
            with cls(host, port, timeout=CLIENT_TIMEOUT_SECONDS) as client:
                client.ehlo()
                _check(client.mail(str(message["X-Envelope-From"])))
                for recipient in recipients:
                    _check(client.rcpt(recipient))
                replies = [client.data(message.as_bytes())]
                if listener == "lmtp":  # RFC 2033: one reply per recipient
                    replies += [client.getreply() for _ in recipients[1:]]
                for recipient, (code, _) in zip(recipients, replies, strict=True):
                    if code == 250:
                        got.append(recipient)
                        with self.lock:
                            self.acked.add((mid, recipient))
        except smtplib.SMTPResponseException as exc:
            if exc.smtp_code >= 500:  # a refusal, not a cut-off: this test sends nothing refusable
                raise
        except (OSError, smtplib.SMTPException):
            pass  # the instance was killed mid-transaction: what is owed is delivered later
        if listener == "smtp" and got:
            return []
        return [r for r in recipients if r not in got]


def _check(reply: tuple[int, bytes]) -> None:
    if reply[0] != 250:
        raise smtplib.SMTPResponseException(*reply)


def _inbound(rng: random.Random, key: str) -> tuple[EmailMessage, list[str]]:
    """A contact's reply, delivered over LMTP to one or both users' inboxes."""
    contact = rng.choice(CONTACTS)
    name = f"Bob {contact.split('@')[0].upper()}"
    msg = EmailMessage()
    msg["From"] = f"{name} <{contact}>"
    msg["To"] = ", ".join(USERS)
    msg["Subject"] = f"Re: quote {key}"
    msg["Message-ID"] = f"<{key}@load.test>"
    msg["X-Envelope-From"] = contact
    phone = rng.randrange(1_000_000, 9_999_999)
    msg.set_content(f"Hi,\n\nthe quote {key} works for us.\n\n" + SIGNATURE.format(
        name=name, phone=phone))
    return msg, rng.sample(USERS, rng.choice((1, 2)))


def _outbound(rng: random.Random, key: str) -> tuple[EmailMessage, list[str]]:
    """A user's BCC to the forwarding address, logged on (and creating) its recipient."""
    user = rng.choice(USERS)
    msg = EmailMessage()
    msg["From"] = user
    msg["To"] = f"prospect-{key}@client.example"
    msg["Subject"] = f"Offer {key}"
    msg["Message-ID"] = f"<{key}@load.test>"
    msg["X-Envelope-From"] = user
    msg.set_content(f"Hello,\n\nhere is offer {key}.\n\nAnn\n")
    return msg, [FORWARDING]


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "mailhook.toml"
    path.write_text(
        f'[database]\npath = "{tmp_path / "mailhook.db"}"\n'
        '[smtp]\nport = 0\n[lmtp]\nport = 0\n[dkim]\npolicy = "off"\n[extract]\ntagger = "off"\n'
    )
    store = Store(tmp_path / "mailhook.db")
    for user in USERS:
        store.add_user(user, None, inbox_automation=True)
    for contact in CONTACTS:
        store.add_contact(contact, {}, "import")
    store.close()
    return path


def drain(instance: Instance, store: Store) -> None:
    """Until nothing is pending: each output line (a stored or processed message) is a cue to look."""
    deadline = time.monotonic() + DRAIN_DEADLINE_SECONDS
    while store.counts()["pending"]:
        instance.next_line(deadline)


def test_sigkill_under_load_loses_and_repeats_nothing(config: Path, tmp_path: Path) -> None:
    """Under concurrent LMTP and SMTP load, `mailhook serve` is killed with SIGKILL 20 times at
    random moments and restarted. Afterwards every copy answered 250 is stored exactly once per
    recipient and processed exactly once (one "processed" log line over all runs, one
    contact_emails row, no repeated property_history rows), nothing is pending or failed, and
    the database passes integrity_check."""
    rng = random.Random(SEED)
    load = Load(random.Random(rng.random()))
    clients = [
        threading.Thread(target=load.client(listener, n), daemon=True)
        for listener, count in (("lmtp", LMTP_CLIENTS), ("smtp", SMTP_CLIENTS))
        for n in range(count)
    ]
    runs: list[Instance] = []
    for kill in range(KILLS + 1):
        instance = Instance(config)
        runs.append(instance)
        load.serve_at(instance.addresses())
        if kill == 0:
            for client in clients:
                client.start()
        if kill == KILLS:
            break
        time.sleep(rng.uniform(0.0, MAX_LIFETIME_SECONDS))  # the random moment of the kill
        load.up.clear()
        instance.kill()

    load.stopping.set()  # clients finish what they owe on the last instance, then stop
    for client in clients:
        client.join(DRAIN_DEADLINE_SECONDS)
        assert not client.is_alive(), "a client never got its 250s"
    assert not load.errors, load.errors
    store = Store(tmp_path / "mailhook.db")
    try:
        drain(runs[-1], store)
        assert runs[-1].stop() == 0
        check(store, load, runs)
    finally:
        store.close()


def check(store: Store, load: Load, runs: list[Instance]) -> None:
    expected = {(mid, r) for mid, recipients in load.sent.items() for r in recipients}
    assert load.acked == expected, "every client got its 250s in the end"
    assert len(load.acked) > 100, "the load generator delivered too little to prove anything"
    rows = store.db.execute(
        "SELECT message_id, recipient, status, id FROM messages ORDER BY id"
    ).fetchall()
    stored = collections.Counter((mid, recipient) for mid, recipient, _, _ in rows)
    assert set(stored) == load.acked and set(stored.values()) == {1}
    assert {status for *_, status, _ in rows} == {"processed"}
    assert store.counts()["pending"] == 0 and store.counts()["failed"] == 0
    processed = collections.Counter(
        int(m[1]) for run in runs for line in run.lines if (m := PROCESSED.search(line))
    )
    assert max(processed.values()) == 1, [i for i, n in processed.items() if n > 1]
    inbound = [rowid for mid, _, _, rowid in rows if mid.startswith("<lmtp")]
    logged = collections.Counter(
        rowid for (rowid,) in store.db.execute("SELECT message_rowid FROM contact_emails")
    )
    assert all(logged[rowid] == 1 for rowid in inbound)
    repeated = store.db.execute(
        """SELECT contact_email, property, count(*) FROM property_history
           GROUP BY contact_email, property, source HAVING count(*) > 1"""
    ).fetchall()
    assert repeated == []
    scanned = store.db.execute("SELECT count(*) FROM contacts WHERE scanned_message_id IS NOT NULL")
    assert scanned.fetchone() == (len(CONTACTS),)
    assert store.db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
