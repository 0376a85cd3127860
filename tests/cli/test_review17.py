"""Review of issue 17 on the CLI: a url libpq cannot read never shows its password.

libpq quotes the offending part of a url it cannot parse ('invalid percent-encoded token:
"s3cr%zzet"'); where that part is the password, every command printed it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mailhook.store import Store

MAILHOOK = str(Path(sys.executable).parent / "mailhook")
SECRET = "s3cr%zzet"
# Passwords libpq refuses to parse, each quoted back by libpq's own message.
UNREADABLE = [
    f"postgresql://mailhook:{SECRET}@127.0.0.1:1/mailhook",
    "postgresql://mailhook:s3cr%00et@127.0.0.1:1/mailhook",
    "postgresql://mailhook:s3cr et@127.0.0.1:1/mailhook",
    "postgresql://mailhook@127.0.0.1:1/mailhook?password=s3cr%zzet",
]


def secret_of(url: str) -> str:
    return "s3cr%00et" if "%00" in url else "s3cr et" if " " in url else SECRET


def write(tmp_path: Path, url: str) -> Path:
    path = tmp_path / "mailhook.toml"
    path.write_text(f'[database]\nurl = "{url}"\n[smtp]\nport = 0\n[lmtp]\nport = 0\n')
    return path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([MAILHOOK, *args], capture_output=True, text=True, timeout=120,
                          check=False)


@pytest.mark.parametrize("url", UNREADABLE)
def test_a_url_libpq_cannot_read_is_one_line_without_its_password(tmp_path: Path, url: str) -> None:
    """`status` on a config whose url's password libpq cannot parse fails in one line at load,
    and neither stream holds the password."""
    result = run("status", "--config", str(write(tmp_path, url)))
    assert result.returncode == 1
    assert secret_of(url) not in result.stdout + result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "database.url" in result.stderr


def test_doctor_never_shows_a_password_libpq_cannot_read(tmp_path: Path) -> None:
    """doctor on such a config says what is wrong with the url and never quotes the password."""
    result = run("doctor", "--config", str(write(tmp_path, UNREADABLE[0])))
    assert SECRET not in result.stdout + result.stderr
    assert "database.url" in result.stdout + result.stderr


def test_migrate_db_refuses_such_a_url_without_its_password(tmp_path: Path) -> None:
    """`migrate-db --to` a url libpq cannot read: refused in one line, its password unshown."""
    config = tmp_path / "mailhook.toml"
    config.write_text(f'[database]\npath = "{tmp_path / "m.db"}"\n')
    Store(tmp_path / "m.db").close()  # a database to copy
    result = run("migrate-db", "--config", str(config), "--to", UNREADABLE[0])
    assert result.returncode == 1 and SECRET not in result.stdout + result.stderr
    assert result.stderr.startswith("Error: --to ") and len(result.stderr.strip().splitlines()) == 1
