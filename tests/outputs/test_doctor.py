"""`mailhook doctor`: each check says ok/warn/fail with a fix in plain words; any fail exits 1."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from mailhook.cli import main
from mailhook.config import Config, DkimConfig
from mailhook.outputs.doctor import FAIL, OK, WARN, check_dns, check_model
from mailhook.store import Store
from mailhook.store.schema import MIGRATIONS
from mailhook.trust.dkim import DnsUnavailable


def free_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as s:
        return int(s.getsockname()[1])


def write_config(path: Path, db: Path, smtp: int, lmtp: int, extra: str = "") -> Path:
    path.write_text(f'[database]\npath = "{db}"\n[smtp]\nport = {smtp}\n[lmtp]\nport = {lmtp}\n'
                    f'[dkim]\npolicy = "off"\n{extra}')
    return path


def doctor(config: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["doctor", "--config", str(config), *args])


def statuses(result: Result) -> dict[str, str]:
    return {c["name"]: c["status"] for c in json.loads(result.output)["checks"]}


@pytest.fixture
def good_config(tmp_path: Path) -> Path:
    """A migrated database, two free ports and DKIM off."""
    db = tmp_path / "mailhook.db"
    Store(db).close()
    return write_config(tmp_path / "mailhook.toml", db, free_port(), free_port())


def test_good_config_is_all_ok(good_config: Path) -> None:
    """A working set-up: every check ok, the config path named, exit 0."""
    result = doctor(good_config)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[-1] == "all good"
    assert all(line.startswith("ok ") for line in lines[:-1])
    assert f"loaded {good_config}" in lines[0]
    assert f"integrity ok, {len(MIGRATIONS)} migration(s) applied, journal wal" in result.output


def test_json_lists_every_check(good_config: Path) -> None:
    """--json gives ok plus each check's name, status, detail and fix."""
    report = json.loads(doctor(good_config, "--json").output)
    assert report["ok"] is True
    names = [c["name"] for c in report["checks"]]
    assert names[:5] == ["config", "database", "workers", "smtp port", "lmtp port"] and names[-1] == "dns"
    assert all(set(c) == {"name", "status", "detail", "fix"} for c in report["checks"])


def test_unknown_key_fails_naming_it(tmp_path: Path) -> None:
    """A config that does not load is a fail naming the key, and nothing else is checked."""
    bad = tmp_path / "bad.toml"
    bad.write_text("[smtp]\nprot = 2525\n")
    result = doctor(bad, "--json")
    assert result.exit_code == 1
    (check,) = json.loads(result.output)["checks"]
    assert check["status"] == FAIL and "smtp.prot" in check["detail"] and check["fix"]


def test_corrupt_database_fails(tmp_path: Path) -> None:
    """A file that is not SQLite fails with a fix; so does a path under a file."""
    corrupt = tmp_path / "corrupt.db"
    corrupt.write_bytes(b"this is not a database, just text " * 200)
    result = doctor(write_config(tmp_path / "a.toml", corrupt, 0, 0))
    assert result.exit_code == 1
    assert "fail  database" in result.output and "not a database" in result.output
    assert "fix: restore the file from a backup" in result.output

    under_file = tmp_path / "corrupt.db" / "mailhook.db"
    result = doctor(write_config(tmp_path / "b.toml", under_file, 0, 0), "--json")
    assert result.exit_code == 1 and statuses(result)["database"] == FAIL
    assert "not a writable folder" in result.output


def test_missing_database_is_a_warning(tmp_path: Path) -> None:
    """A database not created yet is only a warning: mailhook creates it at start (exit 0)."""
    result = doctor(write_config(tmp_path / "c.toml", tmp_path / "var" / "new.db", 0, 0), "--json")
    assert result.exit_code == 0 and statuses(result)["database"] == WARN
    assert not (tmp_path / "var").exists()  # doctor created nothing


@pytest.fixture
def other_server() -> Iterator[int]:
    """A listener that greets like an SSH server: something that is not mailhook."""
    server = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            with conn:
                conn.sendall(b"SSH-2.0-OpenSSH_9.2\r\n")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield int(server.getsockname()[1])
    server.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept(); close() alone does not
    server.close()
    thread.join(5)


def test_port_held_by_another_program_fails(tmp_path: Path, other_server: int) -> None:
    """A port some other server holds is a fail that quotes its greeting."""
    Store(tmp_path / "x.db").close()
    config = write_config(tmp_path / "d.toml", tmp_path / "x.db", other_server, free_port())
    result = doctor(config)
    assert result.exit_code == 1
    assert f"fail  smtp port        127.0.0.1:{other_server} is already in use" in result.output
    assert "SSH-2.0-OpenSSH_9.2" in result.output and "change [smtp] port" in result.output


def test_port_held_by_a_running_mailhook_is_a_warning(
    tmp_path: Path, config: Config, running_listeners: Callable[..., object]
) -> None:
    """Ports held by listeners that greet like mailhook, but are no serve of this database (no
    run file), are a warning, not a fail."""
    running = running_listeners()
    smtp, lmtp = running.smtp[1], running.lmtp[1]  # type: ignore[attr-defined]
    result = doctor(write_config(tmp_path / "e.toml", config.database.path, smtp, lmtp), "--json")
    assert result.exit_code == 0, result.output
    assert statuses(result)["smtp port"] == WARN == statuses(result)["lmtp port"]
    assert "looks like another mailhook" in result.output


def test_model_checks_size_without_loading(tmp_path: Path) -> None:
    """A checkpoint (a zip) is ok with its size; a Git LFS pointer or an empty file fails."""
    with zipfile.ZipFile(tmp_path / "good.pt", "w") as z:
        z.writestr("data.pkl", b"x" * 2048)
    (tmp_path / "lfs.pt").write_text("version https://git-lfs.github.com/spec/v1\noid sha256:ab\n")
    (tmp_path / "empty.pt").write_bytes(b"")
    found = {Path(c.detail.split()[0]).name: c for c in check_model(tmp_path)}
    assert found["good.pt"].status == OK and "MiB" in found["good.pt"].detail
    assert found["lfs.pt"].status == FAIL and "git lfs pull" in (found["lfs.pt"].fix or "")
    assert found["empty.pt"].status == FAIL
    assert [c.status for c in check_model()] == [OK]  # the shipped model
    assert check_model(tmp_path / "none") == []


def test_dns_that_cannot_look_up_keys_fails_under_require_and_warns_otherwise() -> None:
    """DKIM's DNS: a timeout or no answer fails under require (mail would fill nothing) and says
    what to do, warns under record or where the MTA's verdicts are trusted; an answer is ok;
    policy off skips the lookup."""

    async def offline(name: bytes, timeout: float) -> bytes | None:
        raise DnsUnavailable("no answer")

    async def nothing(name: bytes, timeout: float) -> bytes | None:
        return None

    async def online(name: bytes, timeout: float) -> bytes | None:
        return b"v=DMARC1; p=none"

    async def never(name: bytes, timeout: float) -> bytes | None:
        raise AssertionError("looked up DNS with DKIM off")

    failed = check_dns(DkimConfig(policy="require"), offline, timeout=0.5)
    assert failed.status == FAIL and "no answer within 0.5 s" in failed.detail
    assert "no mail will fill anything" in (failed.fix or "") and "resolv.conf" in (failed.fix or "")
    assert "conf/try-out.toml" in (failed.fix or "")
    assert check_dns(DkimConfig(policy="require"), nothing).status == FAIL
    assert check_dns(DkimConfig(policy="record"), nothing).status == WARN
    trusting = DkimConfig(policy="require", trusted_authserv_ids=("mx.us.example",))
    assert check_dns(trusting, offline).status == WARN
    assert check_dns(DkimConfig(policy="require"), online).status == OK
    assert check_dns(DkimConfig(policy="off"), never).status == OK


def test_doctor_does_not_import_torch(good_config: Path) -> None:
    """doctor stays fast: neither torch nor flair is imported."""
    code = ("import sys\nfrom mailhook.cli import main\n"
            f"try:\n    main(['doctor', '--config', {str(good_config)!r}])\n"
            "except SystemExit as exit:\n    assert not exit.code, exit.code\n"
            "assert 'torch' not in sys.modules and 'flair' not in sys.modules\n")
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, timeout=60)
