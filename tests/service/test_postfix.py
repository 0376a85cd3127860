"""A real Postfix in the loop: it delivers a test domain over LMTP to the hook, defers on 451."""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from email.message import EmailMessage
from pathlib import Path

import pytest
from conftest import Running
from linereader import LineReader

from mailhook.config import AddressesConfig, Config
from mailhook.store import Store
from mailhook.worker.processing import Worker

DEADLINE_SECONDS = 60.0
# The domain and users of the shipped maps (conf/postfix), so that they are used as they are.
DOMAIN = "example.com"
SHIPPED = Path(__file__).resolve().parents[2] / "conf" / "postfix"
MAPS = ("mailhook_bcc", "mailhook_generic", "mailhook_transport")

pytestmark = pytest.mark.skipif(
    shutil.which("postfix") is None or os.geteuid() != 0,
    reason="needs Debian's postfix and root (scripts/test installs it when run as root)",
)

# The shipped setup needs no change to Debian's master.cf. A throw-away instance writes its own
# only to listen on a free loopback port instead of port 25, and to run without Debian's chroot
# (which would need the instance's queue directory laid out as a chroot).
MASTER_CF = """\
127.0.0.1:{port} inet n - n - - smtpd
pickup    unix  n - n 60 1 pickup
cleanup   unix  n - n - 0 cleanup
qmgr      unix  n - n 300 1 qmgr
rewrite   unix  - - n - - trivial-rewrite
bounce    unix  - - n - 0 bounce
defer     unix  - - n - 0 bounce
trace     unix  - - n - 0 bounce
verify    unix  - - n - 1 verify
flush     unix  n - n 1000? 0 flush
proxymap  unix  - - n - - proxymap
smtp      unix  - - n - - smtp
relay     unix  - - n - - smtp
showq     unix  n - n - - showq
error     unix  - - n - - error
retry     unix  - - n - - error
discard   unix  - - n - - discard
lmtp      unix  - - n - - lmtp
anvil     unix  - - n - 1 anvil
scache    unix  - - n - 1 scache
postlog   unix-dgram n - n - 1 postlogd
"""


class Postfix:
    """A throw-away Postfix instance on loopback running the shipped main.cf and maps, with only
    what a throw-away instance needs changed (`_overrides`)."""

    def __init__(self, hook: Running) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="mailhook-postfix-"))
        self.root.chmod(0o755)  # postfix's daemons drop to the postfix user
        self.conf = self.root / "conf"
        self.conf.mkdir()
        (self.root / "queue").mkdir()
        (self.root / "data").mkdir()
        shutil.chown(self.root / "data", "postfix", "postfix")
        self.log = self.root / "postfix.log"
        self.port = _free_port()
        (self.conf / "master.cf").write_text(MASTER_CF.format(port=self.port))
        shipped = (SHIPPED / "main.cf").read_text()
        (self.conf / "main.cf").write_text(shipped + self._overrides(hook))
        try:
            for name in MAPS:
                shutil.copyfile(SHIPPED / name, self.conf / name)
                self._run("postmap", "-c", str(self.conf), f"hash:{self.conf / name}")
            self._postfix("start")
        except BaseException:
            shutil.rmtree(self.root, ignore_errors=True)
            raise
        self.tail = subprocess.Popen(["tail", "-n", "+1", "-F", str(self.log)],
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        assert self.tail.stdout is not None
        self.log_lines = LineReader(self.tail.stdout)

    def _overrides(self, hook: Running) -> str:
        """Appended after the shipped main.cf (Postfix takes a parameter's last value)."""
        lmtp, smtp = hook.lmtp[1], hook.smtp[1]
        return "\n".join([
            "",
            "# --- overrides for a throw-away test instance ---",
            # Its own queue and data, so that it never touches the system's Postfix.
            f"queue_directory = {self.root}/queue",
            f"data_directory = {self.root}/data",
            # A log file of its own that the test reads as it is written.
            f"maillog_file = {self.log}",
            f"maillog_file_prefixes = {self.root}",
            # Loopback and IPv4 only: a test machine may have no IPv6.
            "inet_interfaces = 127.0.0.1",
            "inet_protocols = ipv4",
            # The hook's listeners are on ephemeral ports here, and there is no mailbox server
            # for the team's domain nor an outside world: what goes there is discarded. The
            # shipped transport map is checked against mailhook's default ports instead.
            "transport_maps = inline:{ "
            f"hook.internal=lmtp:inet:127.0.0.1:{lmtp}, hook.localhost=smtp:[127.0.0.1]:{smtp}, "
            f"{DOMAIN}=discard:, acme.example=discard: }}",
            # Retry deferred mail soon; the test still flushes explicitly after the fault ends.
            "minimal_backoff_time = 1s",
            "maximal_backoff_time = 2s",
            "queue_run_delay = 1s",
            "",
        ])

    def _run(self, *command: str) -> str:
        done = subprocess.run(command, capture_output=True, text=True, timeout=DEADLINE_SECONDS)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)}: {done.stderr}{self._log_text()}")
        return done.stdout

    def _postfix(self, *args: str) -> str:
        return self._run("postfix", "-c", str(self.conf), *args)

    def _log_text(self) -> str:
        return self.log.read_text() if self.log.exists() else ""

    def send(self, msg: EmailMessage, sender: str, recipients: list[str]) -> None:
        import smtplib

        with smtplib.SMTP("127.0.0.1", self.port, timeout=DEADLINE_SECONDS) as client:
            assert client.send_message(msg, sender, recipients) == {}

    def wait_for_log(self, pattern: str, count: int = 1, seconds: float = DEADLINE_SECONDS,
                     required: bool = True) -> list[str]:
        """Read Postfix's log as it is written until `count` lines match (with a deadline)."""
        found = self.log_lines.wait_for(pattern, count, seconds)
        if len(found) < count and required:
            pytest.fail(f"Postfix never logged {count} x {pattern!r}:\n{self.log_lines.text()}")
        return found

    def flush_until(self, pattern: str, count: int) -> None:
        """Ask Postfix to retry deferred mail now, again if it was still backing off, until
        `count` log lines match (bounded: about DEADLINE_SECONDS in all)."""
        for _ in range(6):
            subprocess.run(["postqueue", "-c", str(self.conf), "-f"], check=True,
                           timeout=DEADLINE_SECONDS)
            if len(self.wait_for_log(pattern, count, DEADLINE_SECONDS / 6, required=False)) >= count:
                return
        self.wait_for_log(pattern, count, seconds=0)

    def queue_is_empty(self) -> bool:
        listing = subprocess.run(["postqueue", "-c", str(self.conf), "-p"], capture_output=True,
                                 text=True, timeout=DEADLINE_SECONDS)
        return "Mail queue is empty" in listing.stdout

    def stop(self) -> None:
        self.tail.kill()
        self.tail.wait()
        try:
            self._postfix("stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def hook_config(config: Config) -> Config:
    return dataclasses.replace(config, addresses=AddressesConfig(
        forwarding=("log@hook.localhost",), team=(f"sales@{DOMAIN}",)))


@pytest.fixture
def postfix() -> Iterator[Callable[[Running], Postfix]]:
    started: list[Postfix] = []

    def start(hook: Running) -> Postfix:
        started.append(Postfix(hook))
        return started[-1]

    yield start
    for instance in started:
        instance.stop()


def reply(message_id: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = "Bob Smith <bob@acme.example>"
    msg["To"] = f"ann@{DOMAIN}, sales@{DOMAIN}"
    msg["Subject"] = "Re: quote"
    msg["Message-ID"] = message_id
    msg.set_content("Hi Ann,\n\nthe quote works.\n\nBest regards,\nBob Smith\nTel: +1 217 555 0123\n")
    return msg


def hook_recipients(lines: list[str]) -> set[str]:
    """The envelope recipients Postfix logged: the hook aliases that the bcc maps added."""
    return {re.search(r" to=<([^>]+)>", line).group(1) for line in lines}  # type: ignore[union-attr]


def test_shipped_transport_map_names_mailhooks_default_ports() -> None:
    """The shipped transport map sends the hook aliases to the LMTP port and the BCC domain to
    the SMTP port that mailhook listens on by default (the throw-away instance overrides both)."""
    text = (SHIPPED / "mailhook_transport").read_text()
    routes = dict(line.split() for line in text.splitlines() if line and not line.startswith("#"))
    defaults = Config()
    assert routes["hook.internal"] == f"lmtp:inet:127.0.0.1:{defaults.lmtp.port}"
    assert routes["hook.localhost"] == f"smtp:[127.0.0.1]:{defaults.smtp.port}"
    assert defaults.addresses.forwarding == ("log@hook.localhost",)


def test_postfix_delivers_each_recipient_once_over_lmtp(
    hook_config: Config, running_listeners, users, postfix
) -> None:
    """With the shipped main.cf and maps, Postfix adds a hook copy for a user and for a team inbox
    (recipient_bcc_maps) and delivers them over LMTP under the users' own addresses: one reply per
    recipient, both stored once, the queue ends empty, and the user's copy fills the contact."""
    users(f"ann@{DOMAIN}", inbox_automation=True)
    store = Store(hook_config.database.path)
    store.add_contact("bob@acme.example", {}, "import")
    hook = running_listeners(hook_config)
    mta = postfix(hook)
    mta.send(reply("<pf1@acme.example>"), "bob@acme.example", [f"ann@{DOMAIN}", f"sales@{DOMAIN}"])
    sent = mta.wait_for_log(r"status=sent \(250 2\.0\.0", count=2)
    assert hook_recipients(sent) == {"ann@hook.internal", "sales@hook.internal"}
    mta.wait_for_log(r": removed")
    assert mta.queue_is_empty()
    rows = list(store.db.query("select recipient from messages order by recipient"))
    assert rows == [{"recipient": f"ann@{DOMAIN}"}, {"recipient": f"sales@{DOMAIN}"}]
    Worker(hook_config).drain(store)
    shown = store.contact("bob@acme.example")
    assert sorted(e["direction"] for e in shown["emails"]) == ["inbound", "team"]
    assert shown["properties"]["phone"]["value"] == "+12175550123"


def test_postfix_keeps_mail_deferred_while_the_hook_answers_451(
    hook_config: Config, running_listeners, users, postfix
) -> None:
    """While the database is locked the hook answers 451 4.3.0; Postfix keeps the mail deferred,
    delivers it once the lock is gone, and every recipient's copy is stored exactly once."""
    users(f"ann@{DOMAIN}", inbox_automation=True)
    hook = running_listeners(hook_config, busy_timeout_ms=200)
    mta = postfix(hook)
    lock = sqlite3.connect(hook_config.database.path, isolation_level=None)
    lock.execute("BEGIN IMMEDIATE")
    try:
        mta.send(reply("<pf2@acme.example>"), "bob@acme.example", [f"ann@{DOMAIN}", f"sales@{DOMAIN}"])
        deferred = mta.wait_for_log(r"status=deferred .*451 4\.3\.0", count=2)
        assert hook_recipients(deferred) == {"ann@hook.internal", "sales@hook.internal"}
        assert not mta.queue_is_empty()
    finally:
        lock.execute("ROLLBACK")
        lock.close()
    mta.flush_until(r"status=sent \(250 2\.0\.0", count=2)
    mta.wait_for_log(r": removed")
    assert mta.queue_is_empty()
    store = Store(hook_config.database.path)
    rows = list(store.db.query("select recipient from messages order by recipient"))
    assert rows == [{"recipient": f"ann@{DOMAIN}"}, {"recipient": f"sales@{DOMAIN}"}]


def test_outbound_mail_copied_by_sender_bcc_and_bcc_to_the_hook_is_logged_once(
    hook_config: Config, running_listeners, users, postfix
) -> None:
    """A user does both things the README describes: Postfix's sender_bcc_maps copies her mail
    to the LMTP port, and she BCCs log@hook.localhost, which the shipped transport map sends to
    the SMTP port. Both copies arrive and are stored; the contact's log shows the mail once
    (the LMTP copy is logged only with her inbox automation on)."""
    users(f"ann@{DOMAIN}", inbox_automation=True)
    hook = running_listeners(hook_config)
    mta = postfix(hook)
    msg = EmailMessage()
    msg["From"] = f"Ann <ann@{DOMAIN}>"
    msg["To"] = "Bob Smith <bob@acme.example>"
    msg["Subject"] = "Your quote"
    msg["Date"] = "Fri, 01 May 2026 09:00:00 +0000"
    msg["Message-ID"] = "<out1@example.com>"
    msg.set_content("Hi Bob,\n\nthe quote is attached.\n\nAnn\n")
    mta.send(msg, f"ann@{DOMAIN}", ["bob@acme.example", "log@hook.localhost"])
    sent = mta.wait_for_log(r"status=sent \(250 2\.0\.0", count=2)
    assert hook_recipients(sent) == {"ann@hook.internal", "log@hook.localhost"}
    mta.wait_for_log(r": removed")
    store = Store(hook_config.database.path)
    rows = list(store.db.query("select listener, recipient from messages order by listener"))
    assert rows == [{"listener": "lmtp", "recipient": f"ann@{DOMAIN}"},
                    {"listener": "smtp", "recipient": "log@hook.localhost"}]
    Worker(hook_config).drain(store)
    assert {r["direction"] for r in store.db.query("select direction from messages")} == {"outbound"}
    shown = store.contact("bob@acme.example")
    assert [(e["message_id"], e["direction"]) for e in shown["emails"]] == [
        ("<out1@example.com>", "outbound")]
