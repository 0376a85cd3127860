"""Review of issue 17 with the real commands on the test cluster: `mailhook process` beside
another host's live workers."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from mails import CONTACT, USER, deliver, mail, reply

from mailhook.store import Store
from pg.cluster import Cluster, fresh_database
from pg.commands import MAILHOOK
from pg.test_commands import write_config

OTHER = "carl@firm.example"
FAR = "2999-01-01T00:00:00.000Z"  # a lease its host keeps renewing, as a live one does
# Only a guard against a hang: the run below takes seconds.
GUARD_SECONDS = 90


@pytest.fixture
def url(postgres_cluster: Cluster) -> Iterator[str]:
    with fresh_database(postgres_cluster) as made:
        store = Store(made)
        try:
            store.add_user(USER, None, inbox_automation=True)
        finally:
            store.close()
        yield made


def test_process_ends_beside_another_hosts_live_claim(tmp_path: Path, url: str) -> None:
    """`mailhook process` with two worker processes on host a reads the mail due and exits,
    though host b holds a claim of its own the whole time (its workers read it, their lease
    renewed): waiting for b's claims waited for as long as host b reads mail. b's claim is
    left to b."""
    there = Store(url, host="b")
    try:
        deliver(there, reply())
        (held,) = there.claim(1)
    finally:
        there.close()
    store = Store(url)
    try:
        store.conn.execute("UPDATE messages SET lease_until = ? WHERE id = ?", (FAR, held.id))
        deliver(store, bytes(mail(OTHER, USER, "Hi Ann,\n\nsee you.\n\nCarl\n",
                                  message_id="<c1@firm.example>")), mail_from=OTHER)
    finally:
        store.close()
    config = write_config(tmp_path, url, database='host_id = "a"\n').read_text().replace(
        "processes = 1", "processes = 2")
    (tmp_path / "mailhook.toml").write_text(config)
    try:
        result = subprocess.run([MAILHOOK, "process", "--config", str(tmp_path / "mailhook.toml")],
                                capture_output=True, text=True, timeout=GUARD_SECONDS, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail("mailhook process never ended while another host held a live claim")
    assert result.returncode == 0, result.stderr
    store = Store(url)
    try:
        statuses = {r["contact"]: r["status"] for r in store.query(
            "SELECT mail_from AS contact, status FROM messages")}
    finally:
        store.close()
    assert statuses == {CONTACT: "processing", OTHER: "processed"}
