"""`mailhook browse`: Datasette on a loopback port with our metadata and canned queries."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from linereader import LineReader

from mailhook.rules.fill import Candidate
from mailhook.store import Outcome, Received, Store

MAILHOOK = str(Path(sys.executable).parent / "mailhook")
pytest.importorskip("datasette")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_browse_serves_canned_queries_as_json(tmp_path: Path) -> None:
    """The canned queries "filled_today" and "suggested_updates" answer as JSON from a loopback
    port."""
    db = tmp_path / "mailhook.db"
    config = tmp_path / "mailhook.toml"
    config.write_text(f'[database]\npath = "{db}"\n')
    store = Store(db)
    store.add_contact("bob@acme.example", {"job_title": "Buyer"}, "import")
    store.insert_received([Received(b"x", "<b1@x>", "ann@us.example", "lmtp", None, (), None)])
    (item,) = store.claim(1)
    store.finish(item.id, Outcome("inbound", contact_email="bob@acme.example", scanned=True,
                                  candidates=(Candidate("city", "Oslo", "Oslo", {}),
                                              Candidate("job_title", "CTO", "CTO", {}))))
    store.close()
    port = free_port()
    proc = subprocess.Popen([MAILHOOK, "browse", "--port", str(port), "--config", str(config)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        assert proc.stdout is not None
        ready = LineReader(proc.stdout).wait_for(r"Uvicorn running on", seconds=60)
        assert ready, "datasette did not start"
        url = f"http://127.0.0.1:{port}/mailhook/filled_today.json?_shape=array"
        with urllib.request.urlopen(url, timeout=10) as response:
            rows = json.loads(response.read())
        assert [(r["contact"], r["property"], r["value"]) for r in rows] == [
            ("bob@acme.example", "city", "Oslo")]
        url = f"http://127.0.0.1:{port}/mailhook/suggested_updates.json?_shape=array"
        with urllib.request.urlopen(url, timeout=10) as response:
            rows = json.loads(response.read())
        assert [(r["contact"], r["current_value"], r["suggested_value"]) for r in rows] == [
            ("bob@acme.example", "Buyer", "CTO")]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/-/metadata.json", timeout=10) as response:
            meta = json.loads(response.read())
        assert "contacts_missing_phone" in meta["databases"]["mailhook"]["queries"]
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


SECRET_BODY = b"The wire code is 4711-SECRET"


@contextmanager
def browsing(config: Path, *args: str) -> Iterator[int]:
    """`mailhook browse` on a free loopback port until the block ends; yields the port."""
    port = free_port()
    proc = subprocess.Popen([MAILHOOK, "browse", "--port", str(port), "--config", str(config), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        assert proc.stdout is not None
        ready = LineReader(proc.stdout).wait_for(r"Uvicorn running on", seconds=60)
        assert ready, "datasette did not start"
        yield port
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def get(port: int, path: str, host: str | None = None) -> tuple[int, bytes]:
    """GET from the loopback port with this Host header (default: 127.0.0.1:PORT)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers={"Host": f"127.0.0.1:{port}" if host is None else host})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def sql(query: str) -> str:
    return "/mailhook.json?" + urllib.parse.urlencode({"sql": query})


@pytest.fixture
def stored(tmp_path: Path) -> Path:
    """A config whose database holds one message (body SECRET_BODY) and a user's password hash."""
    db = tmp_path / "mailhook.db"
    config = tmp_path / "mailhook.toml"
    config.write_text(f'[database]\npath = "{db}"\n')
    store = Store(db)
    store.add_user("ann@us.example", None, False)
    store.set_password_hash("ann@us.example", "scrypt$16384$8$1$salt$hash-4711")
    raw = b"From: bob@acme.example\r\nSubject: hi\r\n\r\n" + SECRET_BODY + b"\r\n"
    store.insert_received([Received(raw, "<b1@x>", "ann@us.example", "lmtp", None, (), None)])
    store.close()
    return config


def test_browse_refuses_every_request_for_raw_mail(stored: Path) -> None:
    """No request reads a mail body: the message_raw table and its rows answer 403, and any SQL
    that reads message_raw.raw (directly, through a CTE, as hex) is refused by SQLite itself;
    password hashes read as null. The rest still answers (messages, counts)."""
    with browsing(stored) as port:
        for path in ("/mailhook/message_raw.json", "/mailhook/message_raw",
                     "/mailhook/message_raw.json?_shape=array&_col=raw"):
            status, body = get(port, path)
            assert status == 403 and SECRET_BODY not in body, path
        for query in ("select raw from message_raw", "select * from message_raw",
                      "select hex(raw) from message_raw",
                      "with m as (select raw as r from message_raw) select cast(r as text) from m",
                      "select sha256 from message_raw where raw like '%SECRET%'"):
            status, body = get(port, sql(query))
            answer = json.loads(body)
            assert (status, answer["ok"], answer["rows"]) == (400, False, []), query
            assert "prohibited" in answer["error"]
            assert b"SECRET" not in body.replace(b"%SECRET%", b"")
        status, body = get(port, sql("select count(*) from message_raw"))
        assert status == 200 and json.loads(body)["rows"] == [[1]]
        status, body = get(port, "/mailhook/users.json?_shape=array")
        assert status == 200 and [u["password_hash"] for u in json.loads(body)] == [None]
        status, body = get(port, sql("select password_hash from users"))
        assert json.loads(body)["rows"] == [[None]] and b"4711" not in body
        status, body = get(port, "/mailhook/messages.json?_shape=array&_labels=on")
        assert status == 200 and SECRET_BODY not in body
        assert [m["message_id"] for m in json.loads(body)] == ["<b1@x>"]


def test_browse_answers_only_its_own_host_names(stored: Path) -> None:
    """A request whose Host is another name (DNS rebinding), another port or malformed gets 400;
    the loopback forms with the port served, and --allow-host names, get 200."""
    with browsing(stored, "--allow-host", "crm.example") as port:
        for host in (f"evil.example:{port}", "evil.example", f"localhost:{port + 1}",
                     f"127.0.0.1.nip.io:{port}", f"user@localhost:{port}", ""):
            status, body = get(port, "/mailhook.json", host=host)
            assert status == 400 and b"Host" in body, host
        for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}", "localhost",
                     f"crm.example:{port}"):
            assert get(port, "/mailhook.json", host=host)[0] == 200, host


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.10", "crm.example"])
def test_browse_refuses_a_host_beyond_loopback_without_public(stored: Path, host: str) -> None:
    """`browse --host` with an address or name that is not loopback exits 1 with one clear line
    naming --public, and serves nothing."""
    proc = subprocess.Popen([MAILHOOK, "browse", "--host", host, "--port", str(free_port()),
                             "--config", str(stored)], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, start_new_session=True)
    try:
        output, _ = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:  # old behaviour: it served; end the whole session it started
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 1
    assert b"not a loopback address" in output and b"--public" in output
    assert b"Uvicorn running" not in output
