"""A real `mailhook serve` behind a reverse proxy: X-Forwarded-For names the client only when the
connection comes from one of [web] trusted_proxies, so the per-client sign-in limit counts the
real client there, and nobody else can pick the client that is counted."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest

from mailhook.config import parse_config
from mailhook.errors import ConfigError

from .browsing import serving
from .seed import seed

LIMITS = "login_failures_per_client = 2\nlogin_failures_per_address = 100\n"


def wrong_sign_in(url: str, client: str, n: int) -> int:
    """One failed sign-in, sent from 127.0.0.1 with X-Forwarded-For: `client`; its status."""
    with httpx.Client(base_url=url, follow_redirects=False, headers={"X-Forwarded-For": client}) as http:
        found = re.search(r'name="csrf" value="([^"]+)"', http.get("/login").text)
        assert found is not None
        form = {"csrf": found[1], "email": f"nobody{n}@us.example", "password": "wrong"}
        return http.post("/login", data=form).status_code


def test_a_trusted_proxys_clients_are_counted_each_on_its_own(tmp_path: Path) -> None:
    """From loopback (trusted by default) each forwarded client has its own limit: one locked out
    after two failures, another still checked."""
    db = tmp_path / "mailhook.db"
    seed(db)
    with serving(db, LIMITS) as (url, _):
        assert [wrong_sign_in(url, "198.51.100.7", n) for n in range(3)] == [401, 401, 429]
        assert wrong_sign_in(url, "198.51.100.8", 9) == 401


def test_a_header_from_an_untrusted_peer_names_nobody(tmp_path: Path) -> None:
    """With loopback not trusted, X-Forwarded-For is the client's own claim and ignored: every
    request counts for 127.0.0.1, whatever client it names."""
    db = tmp_path / "mailhook.db"
    seed(db)
    with serving(db, LIMITS + 'trusted_proxies = ["192.0.2.1"]\n') as (url, _):
        assert [wrong_sign_in(url, f"198.51.100.{n}", n) for n in range(3)] == [401, 401, 429]


def test_a_trusted_proxy_that_is_not_an_address_is_refused_in_one_line() -> None:
    with pytest.raises(ConfigError, match="web.trusted_proxies has 'proxy.example'"):
        parse_config('[web]\ntrusted_proxies = ["proxy.example"]\n', "x.toml")


def test_a_forged_chain_in_the_header_names_the_client_the_proxy_saw(tmp_path: Path) -> None:
    """A client sends its own X-Forwarded-For and the proxy appends the address it saw: only
    that last address counts, so varying the forged part earns no fresh sign-in limit."""
    db = tmp_path / "mailhook.db"
    seed(db)
    with serving(db, LIMITS) as (url, _):
        chains = [f"10.{n}.0.1, 198.51.100.9" for n in range(3)]
        assert [wrong_sign_in(url, chain, n) for n, chain in enumerate(chains)] == [401, 401, 429]
