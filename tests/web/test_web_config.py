"""[web] is validated like every section: bad values stop the start with one line naming the key,
and the page listens beyond loopback only when the config says it is behind TLS."""

from __future__ import annotations

import pytest

from mailhook.config import parse_config
from mailhook.errors import ConfigError


@pytest.mark.parametrize(("text", "names"), [
    ("[web]\nenabeld = true", "web.enabeld"),
    ("[web]\nenabled = 'yes'", "web.enabled"),
    ("[web]\nport = 70000", "web.port"),
    ("[web]\nhost = '0.0.0.0'", "web.host '0.0.0.0' is not loopback"),
    ("[web]\nhost = '0.0.0.0'\npublic = true", "web.secure_cookies = true"),
    ("[web]\nlogin_failures_per_address = 0", "web.login_failures_per_address"),
    ("[web]\nlogin_failure_window = 0", "web.login_failure_window"),
    ("[web]\nbase_url = 'crm.example'", "web.base_url 'crm.example'"),
    ("[web]\nbase_url = 'https://crm.example/a b'", "web.base_url"),
    ("[web]\nbase_url = 'https://crm.example/?next=x'", "web.base_url"),
])
def test_bad_web_values_stop_the_start_naming_the_key(text: str, names: str) -> None:
    """Each mistake is a one-line ConfigError that names the key."""
    with pytest.raises(ConfigError) as caught:
        parse_config(text)
    assert names in str(caught.value) and "\n" not in str(caught.value)


def test_beyond_loopback_with_public_and_secure_cookies_is_allowed() -> None:
    """Behind a TLS reverse proxy the operator says so, and the page may listen on any address."""
    web = parse_config("[web]\nhost = '0.0.0.0'\npublic = true\nsecure_cookies = true").web
    assert (web.host, web.public, web.secure_cookies) == ("0.0.0.0", True, True)


def test_the_page_is_off_and_on_loopback_by_default() -> None:
    """Nothing listens unless [web] enabled says so, and then on loopback with plain cookies."""
    web = parse_config("").web
    assert (web.enabled, web.host, web.secure_cookies, web.secret_file) == (False, "127.0.0.1", False, "")


@pytest.mark.parametrize("url", ["https://crm.example/", "https://crm.example/mailhook", "http://127.0.0.1:8425/"])
def test_a_base_url_is_the_pages_address(url: str) -> None:
    """The address the digest's links start with: http(s), a host, a path (no query or fragment)."""
    assert parse_config(f"[web]\nbase_url = '{url}'").web.base_url == url
