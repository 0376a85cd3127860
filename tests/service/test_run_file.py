"""One `serve` per run file on an SQLite file too: a second `serve` on the file of a running one
is refused in one line (it would overwrite the first's ports in DATABASE.serve.json, and the first
to stop would remove the other's)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from mailhook.outputs.doctor import run_file

MAILHOOK = str(Path(sys.executable).parent / "mailhook")
DEADLINE_SECONDS = 60.0


def test_a_second_serve_on_one_sqlite_file_is_refused_in_one_line(tmp_path: Path) -> None:
    """`serve --no-worker` runs; a second on the same file exits 1 with one Error line naming
    the first's pid and the run file, which stays the first's until its stop removes it."""
    database = tmp_path / "mailhook.db"
    config = tmp_path / "mailhook.toml"
    config.write_text(f'[database]\npath = "{database}"\n[smtp]\nport = 0\n[lmtp]\nport = 0\n'
                      '[dkim]\npolicy = "off"\n[extract]\ntagger = "off"\n')
    first = subprocess.Popen([MAILHOOK, "serve", "--no-worker", "--config", str(config)],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert first.stdout is not None
        assert first.stdout.readline().startswith("mailhook listening"), first.poll()
        refused = subprocess.run([MAILHOOK, "serve", "--no-worker", "--config", str(config)],
                                 capture_output=True, text=True, timeout=DEADLINE_SECONDS)
        assert refused.returncode == 1 and "listening" not in refused.stdout
        assert refused.stderr.strip().splitlines() == [
            f"Error: mailhook serve (pid {first.pid}) already runs on {database} with the run "
            f"file {run_file(database)}: stop it first, or start this one"]
        assert json.loads(run_file(database).read_text())["pid"] == first.pid
    finally:
        first.terminate()
        first.wait(DEADLINE_SECONDS)
    assert first.returncode == 0 and not run_file(database).exists()
