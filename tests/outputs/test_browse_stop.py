"""`mailhook browse` stopped by a signal stops its Datasette child and removes its metadata file."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
from pathlib import Path

import pytest
from linereader import LineReader

from mailhook.store import Store

from .test_browse import MAILHOOK, free_port

pytest.importorskip("datasette")


def children_of(pid: int) -> list[int]:
    """The direct children of a running process (Linux's /proc)."""
    text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    return [int(child) for child in text.split()]


def listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP],
                         ids=lambda s: signal.Signals(s).name)
def test_a_stop_signal_stops_datasette_and_removes_the_metadata_file(
    tmp_path: Path, signum: int
) -> None:
    """SIGTERM, SIGINT or SIGHUP sent to `mailhook browse` alone (not its process group): it
    exits, the port closes (no Datasette child is left listening) and the temp file is gone."""
    db = tmp_path / "mailhook.db"
    Store(db).close()
    config = tmp_path / "mailhook.toml"
    config.write_text(f'[database]\npath = "{db}"\n')
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    port = free_port()
    proc = subprocess.Popen([MAILHOOK, "browse", "--port", str(port), "--config", str(config)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            env={**os.environ, "TMPDIR": str(scratch)})
    children: list[int] = []
    try:
        assert proc.stdout is not None
        assert LineReader(proc.stdout).wait_for(r"Uvicorn running on", seconds=60), "no Datasette"
        children = children_of(proc.pid)
        assert children and listening(port)
        assert [p.suffix for p in scratch.iterdir()] == [".json"]  # Datasette's metadata
        proc.send_signal(signum)
        assert proc.wait(timeout=30) == 0
        assert not listening(port)
        assert list(scratch.iterdir()) == []
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for pid in children:  # only if the test failed: a Datasette left behind
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
