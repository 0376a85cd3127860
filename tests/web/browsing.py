"""What the page's TestClient tests share: the app over a seeded database, the CSRF token a page
carries, and signing in through the form as a browser does."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from starlette.testclient import TestClient

from mailhook.config import WebConfig
from mailhook.service.passwords import hash_password, verify_password
from mailhook.web.app import create_app
from mailhook.web.signin import Passwords

from .seed import ANN, PASSWORDS

SECRET = "k" * 40


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
