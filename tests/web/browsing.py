"""What the page's TestClient tests share: the app over a seeded database, the CSRF token a page
carries, and signing in through the form as a browser does."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from linereader import LineReader
from starlette.testclient import TestClient

from mailhook.config import WebConfig
from mailhook.service.passwords import hash_password, verify_password
from mailhook.web.app import create_app
from mailhook.web.signin import Passwords

from .seed import ANN, PASSWORDS

SECRET = "k" * 40
MAILHOOK = str(Path(sys.executable).parent / "mailhook")
WEB = r"mailhook listening .* web=(http://127\.0\.0\.1:\d+/)"
DEADLINE_SECONDS = 60.0


@contextlib.contextmanager
def serving(db: Path, web: str = "", port: int = 0) -> Iterator[tuple[str, Path]]:
    """A real `mailhook serve --no-worker` on `db` with [web] on at `port` (0: any free one;
    plus the `web` lines): the page's address and the config file; stopped by SIGTERM at the
    end, which must exit 0."""
    path = db.with_name("mailhook.toml")
    path.write_text(f'[database]\npath = "{db}"\n[smtp]\nport = 0\n[lmtp]\nport = 0\n'
                    '[dkim]\npolicy = "off"\n[extract]\ntagger = "off"\n'
                    f'[web]\nenabled = true\nport = {port}\n{web}')
    proc = subprocess.Popen([MAILHOOK, "serve", "--no-worker", "--config", str(path)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    assert proc.stdout is not None
    out = LineReader(proc.stdout)
    try:
        found = out.wait_for(WEB, seconds=DEADLINE_SECONDS)
        assert found, f"serve printed no web address:\n{out.text()}"
        match = re.search(WEB, found[0])
        assert match is not None
        yield match[1], path
        os.killpg(proc.pid, signal.SIGTERM)
        assert proc.wait(DEADLINE_SECONDS) == 0, out.text()
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(DEADLINE_SECONDS)


@contextlib.contextmanager
def web_client(db: Path, limits: WebConfig | None = None, secret: str = SECRET,
               **options: Any) -> Iterator[TestClient]:
    """The real app on `db` (the service's scrypt hashing), redirects not followed; `options`
    go to TestClient (base_url, client, raise_server_exceptions)."""
    app = create_app(db, limits or WebConfig(enabled=True), Passwords(verify_password, hash_password),
                     secret)
    defaults: dict[str, Any] = {"base_url": "http://127.0.0.1", "follow_redirects": False}
    with TestClient(app, **(defaults | options)) as client:
        yield client


def csrf(client: TestClient, path: str = "/login") -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', client.get(path).text)
    assert found, f"no CSRF token on {path}"
    return found[1]


def sign_in(client: TestClient, user: str = ANN, password: str | None = None) -> int:
    """The sign-in form sent; its status (303 signed in)."""
    form = {"csrf": csrf(client), "email": user, "password": password or PASSWORDS[user]}
    return client.post("/login", data=form).status_code
