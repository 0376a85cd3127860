"""`mailhook browse`: Datasette on a loopback port with our metadata and canned queries."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from linereader import LineReader

from mailhook.merge import Candidate
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
