"""Review of issue 17 with the real commands on the test cluster: `mailhook process` beside
another host's live workers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from mails import CONTACT, USER, deliver, mail, reply

from mailhook.store import Store
from pg.cluster import Cluster
from pg.commands import MAILHOOK
from pg.test_commands import write_config

OTHER = "carl@firm.example"
FAR = "2999-01-01T00:00:00.000Z"  # a lease its host keeps renewing, as a live one does
# Only a guard against a hang: the run below takes seconds.
GUARD_SECONDS = 90


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


HOLD = """
import sys
from mailhook.worker import exclusive
with exclusive.processing(sys.argv[1], "mailhook worker"):
    print("held", flush=True)
    sys.stdin.read()
print("released", flush=True)
"""


def unread_bytes(server_port: int, client_port: int) -> int:
    """What the server's end of one loopback connection has received and not read
    (/proc/net/tcp's rx_queue)."""
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local, remote, queues = fields[1], fields[2], fields[4]
        if int(local.split(":")[1], 16) == server_port and int(remote.split(":")[1], 16) == (
                client_port):
            return int(queues.split(":")[1], 16)
    return 0


def test_a_stop_does_not_hang_on_a_lock_connection_whose_server_stopped_answering(
        url: str, postgres_cluster: Cluster) -> None:
    """The workers lock's watch asks its connection every few seconds whether it stands; a
    server that stops answering (a hung backend, a network that drops packets) leaves that
    question unanswered. The holder's stop waited for the watch forever: it now ends."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD, url], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    backend = 0
    try:
        assert proc.stdout is not None and proc.stdout.readline() == "held\n"
        with psycopg.connect(url, autocommit=True) as conn:
            backend, client_port = conn.execute(
                "SELECT pid, client_port FROM pg_stat_activity WHERE application_name LIKE %s",
                (f"mailhook worker (pid {proc.pid} on %",)).fetchone() or (0, 0)
        assert backend
        os.kill(backend, signal.SIGSTOP)
        deadline = time.monotonic() + GUARD_SECONDS
        while unread_bytes(postgres_cluster.port, client_port) == 0:  # the watch has asked
            assert time.monotonic() < deadline, "the watch never asked"
            time.sleep(0.1)  # polling a real state, not waiting for one
        assert proc.stdin is not None
        proc.stdin.close()  # the holder stops
        try:
            assert proc.wait(timeout=GUARD_SECONDS) == 0
        except subprocess.TimeoutExpired:
            pytest.fail("the holder's stop hung on its lock's unanswered connection")
        assert proc.stdout.readline() == "released\n"
    finally:
        if backend:
            os.kill(backend, signal.SIGCONT)
        proc.kill()
        proc.wait()


BUSY_HOLD = """
import sys, time
from mailhook.worker import exclusive
try:
    with exclusive.processing(sys.argv[1], "mailhook process"):
        print("held", flush=True)
        while True:  # a drain's loop, in Python (the lost lock interrupts it)
            time.sleep(0.05)
except exclusive.LockLost as exc:
    print("lost:", exc, flush=True)
    sys.exit(1)
"""


def test_a_lost_lock_stops_a_default_holder_with_lock_lost(url: str) -> None:
    """A holder on the default stop (`mailhook process`: the main thread interrupted) whose
    lock's connection the server ended stops with LockLost, the one line the CLI prints, not a
    KeyboardInterrupt (click's bare 'Aborted!')."""
    proc = subprocess.Popen([sys.executable, "-c", BUSY_HOLD, url], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline() == "held\n"
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                         "WHERE application_name LIKE %s", (f"mailhook process (pid {proc.pid} on %",))
        out, err = proc.communicate(timeout=GUARD_SECONDS)
        assert proc.returncode == 1, err
        assert out.startswith("lost: the connection holding the workers lock of "), out + err
        assert "KeyboardInterrupt" not in err
    finally:
        proc.kill()
        proc.wait()
