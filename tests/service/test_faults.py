"""Faults the hook recovers from by itself: a full disk answers 451 and loses nothing."""

from __future__ import annotations

import dataclasses
import errno
import os
import shutil
import smtplib
import subprocess
import tempfile
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path

import pytest

from mailhook.config import Config, DatabaseConfig
from mailhook.store import Store

USER = "ann@us.example"


@pytest.fixture
def small_disk() -> Iterator[Path]:
    """A real 4 MB filesystem (tmpfs) that can be filled up; needs root and mount."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("needs root to mount a small tmpfs")
    where = Path(tempfile.mkdtemp(prefix="mailhook-disk-"))
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(where)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        where.rmdir()
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], check=True)
        where.rmdir()


def fill(disk: Path) -> Path:
    """Write a filler file until the filesystem is full."""
    filler = disk / "filler"
    with filler.open("wb") as out:
        chunk = b"\0" * 65536
        try:
            while True:
                out.write(chunk)
                out.flush()
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    return filler


def message(n: int) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = "bob@acme.example"
    msg["To"] = USER
    msg["Subject"] = "hello"
    msg["Message-ID"] = f"<disk-{n}@acme.example>"
    msg.set_content("Hello Ann, " + "lorem ipsum " * 2000)
    return msg


def test_full_disk_defers_with_451_and_recovers_by_itself(
    config: Config, small_disk: Path, running_listeners, users
) -> None:
    """With the disk full the hook answers 451 4.3.0 (the MTA keeps the mail); once space is
    free again the same message is accepted, without a restart, and stored once."""
    config = dataclasses.replace(config, database=DatabaseConfig(small_disk / "mailhook.db"))
    users(USER, inbox_automation=True, path=config.database.path)
    hook = running_listeners(config)
    with smtplib.LMTP(*hook.lmtp) as client:
        assert client.send_message(message(1), "bob@acme.example", [USER]) == {}
    filler = fill(small_disk)
    with smtplib.LMTP(*hook.lmtp) as client, pytest.raises(smtplib.SMTPDataError) as refused:
        client.send_message(message(2), "bob@acme.example", [USER])
    assert refused.value.smtp_code == 451 and refused.value.smtp_error.startswith(b"4.3.0")
    filler.unlink()
    with smtplib.LMTP(*hook.lmtp) as client:
        assert client.send_message(message(2), "bob@acme.example", [USER]) == {}
    store = Store(config.database.path)
    assert [r["message_id"] for r in store.db.query("select message_id from messages order by id")] == [
        "<disk-1@acme.example>", "<disk-2@acme.example>"]
    assert store.conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    store.close()
