"""`mailhook doctor` checks the page's port when [web] is enabled: free is ok, held by something
else is a fail (serve would not start), held by a running serve of this database is its own."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

from mailhook.outputs.doctor import FAIL, OK, Check, run_checks

from .browsing import serving
from .seed import seed

MAILHOOK = str(Path(sys.executable).parent / "mailhook")
DEADLINE_SECONDS = 60.0


def configured(tmp_path: Path, web: str) -> Path:
    db = tmp_path / "mailhook.db"
    seed(db)
    path = tmp_path / "mailhook.toml"
    path.write_text(f'[database]\npath = "{db}"\n[smtp]\nport = 0\n[lmtp]\nport = 0\n'
                    f'[dkim]\npolicy = "off"\n[extract]\ntagger = "off"\n[web]\n{web}\n')
    return path


def web_check(path: Path) -> Check | None:
    found = [c for c in run_checks(path) if c.name == "web port"]
    return found[0] if found else None


def test_no_web_port_check_while_the_page_is_off(tmp_path: Path) -> None:
    """[web] off: nothing listens there, so nothing to check."""
    assert web_check(configured(tmp_path, "enabled = false\nport = 1")) is None


def test_a_web_port_held_by_another_process_fails(tmp_path: Path) -> None:
    """Something else listens on web.port: fail, naming the port and the key to change; once it
    lets go, the port is free."""
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        path = configured(tmp_path, f"enabled = true\nport = {port}")
        check = web_check(path)
        assert check is not None and check.status == FAIL
        assert f"127.0.0.1:{port} is already in use" in check.detail
        assert check.fix is not None and "[web] port" in check.fix
    check = web_check(path)
    assert check is not None and (check.status, check.detail) == (OK, f"127.0.0.1:{port} is free")


def test_the_running_serves_own_web_port_is_ok(tmp_path: Path) -> None:
    """While serve of this database holds web.port, doctor says it is this mailhook's own."""
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    db = tmp_path / "mailhook.db"
    seed(db)
    with serving(db, port=port) as (url, path):
        assert url == f"http://127.0.0.1:{port}/"
        check = web_check(path)
        assert check is not None and check.status == OK, check
        assert "this mailhook's own" in check.detail
