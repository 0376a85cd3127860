"""A kill of the whole hook charges nothing: the message it was processing is re-queued at the
next start with the attempts it had, and reads one attempt once it is done."""

from __future__ import annotations

import re
import smtplib
import subprocess
import sys
import threading
from email.message import EmailMessage
from pathlib import Path

from dkimstub import Records, key_name, new_key, serving, signed
from linereader import LineReader

from mailhook.store import Store
from service.engines import both_engines, database_toml

MAILHOOK = str(Path(sys.executable).parent / "mailhook")
USER, CONTACT, DOMAIN = "ann@us.example", "bob@acme.example", "acme.example"
LISTENING = r"^mailhook listening smtp=\S+ lmtp=([\d.]+):(\d+)"
DEADLINE_SECONDS = 60.0


def reply() -> bytes:
    msg = EmailMessage()
    msg["From"] = f"Bob Example <{CONTACT}>"
    msg["To"] = USER
    msg["Subject"] = "Re: the quote"
    msg["Message-ID"] = "<kill-1@acme.example>"
    msg.set_content("Hi Ann,\n\nthe quote works for us.\n\nBest regards,\nBob Example\n"
                    "Sales Director\nAcme GmbH\nTel: +49 30 1234567\n")
    return msg.as_bytes()


def write_config(tmp_path: Path, db_path: Path | str, dns: str) -> Path:
    """DKIM required, its keys from `dns`, a lookup that may wait a minute, one worker."""
    path = tmp_path / "mailhook.toml"
    path.write_text(
        database_toml(db_path) + '[smtp]\nport = 0\n[lmtp]\nport = 0\n'
        f'[dkim]\npolicy = "require"\ndns_timeout = {DEADLINE_SECONDS}\nnameservers = ["{dns}"]\n'
        '[extract]\ntagger = "off"\n[worker]\nprocesses = 1\n')
    store = Store(db_path)
    store.add_user(USER, None, inbox_automation=True)
    store.add_contact(CONTACT, {}, "import")
    store.close()
    return path


def start(config: Path) -> tuple[subprocess.Popen[bytes], LineReader, tuple[str, int]]:
    proc = subprocess.Popen([MAILHOOK, "serve", "--config", str(config)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert proc.stdout is not None
    out = LineReader(proc.stdout)
    ready = out.wait_for(LISTENING, seconds=DEADLINE_SECONDS)
    assert ready, out.text()
    found = re.match(LISTENING, ready[0])
    assert found is not None
    return proc, out, (found[1], int(found[2]))


def state(db_path: Path | str) -> tuple[str, int]:
    store = Store(db_path)
    try:
        (row,) = store.query("SELECT status, attempts FROM messages")
    finally:
        store.close()
    return str(row["status"]), int(row["attempts"])


@both_engines
def test_a_sigkill_of_serve_mid_message_charges_the_message_nothing(
        tmp_path: Path, db_path: Path | str) -> None:
    """`mailhook serve` is killed with SIGKILL while its worker processes a message (it waits
    for the DKIM key, which the DNS server holds back). The next serve processes it, and it
    reads attempts 1: the kill cost it nothing, as README says."""
    key, records = new_key(), Records()
    asked = threading.Event()

    def held_back(name: bytes) -> bool:
        """The key lookup gets no answer until the key is published (after the kill)."""
        if name == key_name(DOMAIN) and not records:
            asked.set()
            return True
        return False

    with serving(records, silent=held_back) as dns:
        config = write_config(tmp_path, db_path, dns)
        first, _, lmtp = start(config)
        try:
            with smtplib.LMTP(*lmtp, timeout=DEADLINE_SECONDS) as client:
                client.sendmail(CONTACT, [USER], signed(reply(), key, DOMAIN))
            assert asked.wait(DEADLINE_SECONDS), "the worker never looked up the key"
            assert state(db_path) == ("processing", 1)  # claimed, in hand
        finally:
            first.kill()
            first.wait(DEADLINE_SECONDS)

        records[key_name(DOMAIN)] = key.record
        second, out, _ = start(config)
        try:
            assert out.wait_for(r"processed message \d+ ", seconds=DEADLINE_SECONDS), out.text()
        finally:
            second.terminate()
            assert second.wait(DEADLINE_SECONDS) == 0, out.text()
    assert state(db_path) == ("processed", 1)
