"""A throw-away Postfix instance on loopback with the shipped main.cf and maps (conf/postfix),
for the tests that put a real MTA in front of the hook (tests/service/test_postfix.py, and
tests/pg's several hooks on one database)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from email.message import EmailMessage
from pathlib import Path

import pytest
from linereader import LineReader

DEADLINE_SECONDS = 60.0
# The domain and users of the shipped maps (conf/postfix), so that they are used as they are.
DOMAIN = "example.com"
SHIPPED = Path(__file__).resolve().parents[1] / "conf" / "postfix"
MAPS = ("mailhook_bcc", "mailhook_generic", "mailhook_transport")

NEEDS_POSTFIX = pytest.mark.skipif(
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

    def __init__(self, transport: str) -> None:
        """`transport`: the entries of the inline transport map that replaces the shipped one
        (the hooks' listeners are on ephemeral ports here)."""
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
        (self.conf / "main.cf").write_text(shipped + self._overrides(transport))
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

    def _overrides(self, transport: str) -> str:
        """Appended after the shipped main.cf (Postfix takes a parameter's last value)."""
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
            f"transport_maps = inline:{{ {transport}, {DOMAIN}=discard:, acme.example=discard: }}",
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


