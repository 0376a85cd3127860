"""`mailhook serve` with [web] on: a page port already taken stops the start with one line."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

from .seed import seed

MAILHOOK = str(Path(sys.executable).parent / "mailhook")
DEADLINE_SECONDS = 60.0


def test_a_taken_web_port_stops_the_start_with_a_one_line_error(tmp_path: Path) -> None:
    """The error names web.port; serve exits 1 without printing that it listens."""
    db = tmp_path / "mailhook.db"
    seed(db)
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        config = tmp_path / "mailhook.toml"
        config.write_text(f'[database]\npath = "{db}"\n[smtp]\nport = 0\n[lmtp]\nport = 0\n'
                          f'[dkim]\npolicy = "off"\n[web]\nenabled = true\nport = {port}\n')
        done = subprocess.run([MAILHOOK, "serve", "--no-worker", "--config", str(config)],
                              capture_output=True, text=True, timeout=DEADLINE_SECONDS)
    assert done.returncode == 1 and "listening" not in done.stdout
    errors = [line for line in done.stderr.splitlines() if line.startswith("Error:")]
    assert errors and f"web.port {port}" in errors[0], done.stderr
    assert "Traceback" not in done.stderr
