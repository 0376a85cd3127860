"""Configuration: defaults, validation and one-line errors naming the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from mailhook.config import load_config, parse_config
from mailhook.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent


def test_shipped_config_matches_embedded_default() -> None:
    """conf/mailhook.toml and the embedded default load to the same configuration."""
    assert load_config(ROOT / "conf" / "mailhook.toml") == parse_config(
        (ROOT / "mailhook" / "default.toml").read_text()
    )


def test_defaults_follow_the_documented_values() -> None:
    """Ports, forwarding address and DKIM policy are the documented defaults."""
    config = parse_config("")
    assert (config.smtp.port, config.lmtp.port) == (2525, 2424)
    assert config.addresses.forwarding == ("log@hook.localhost",)
    assert config.dkim.policy == "require"
    assert config.logging.create_contacts is True


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("[smtp]\nprot = 1", "smtp.prot"),
        ("[nosuch]\na = 1", "[nosuch]"),
        ("[smtp]\nport = 'x'", "smtp.port"),
        ("[smtp]\nport = 70000", "smtp.port"),
        ("[dkim]\npolicy = 'maybe'", "dkim.policy"),
        ("[dkim]\ntrusted_arc_sealers = ['lists example']", "dkim.trusted_arc_sealers has 'lists example'"),
        ("[dkim]\ntrusted_arc_sealers = ['localhost']", "dkim.trusted_arc_sealers has 'localhost'"),
        ("[dkim]\ntrusted_arc_sealers = 'lists.example'", "dkim.trusted_arc_sealers"),
        ("[fill]\npolicy = 'overwrite'", "fill.policy must be one of hubspot, own, suggest"),
        ("[fill]\nscan = 'all'", "fill.scan must be one of first-reply, every-reply"),
        ("[addresses]\nteam = ['nobody']", "addresses.team"),
        ("[addresses]\nforwarding = []", "addresses.forwarding"),
        ("[logging]\ncreate_contacts = 'yes'", "logging.create_contacts"),
        ("[worker]\nmax_attempts = 0", "worker.max_attempts"),
        ("[smtp\n", "not valid TOML"),
    ],
)
def test_bad_config_fails_with_one_line_naming_the_key(text: str, names: str) -> None:
    """Unknown keys and bad values fail at start, with a one-line message naming the key."""
    with pytest.raises(ConfigError) as caught:
        parse_config(text)
    assert names in str(caught.value)


@pytest.mark.parametrize(("section", "key", "value"), [
    ("worker", "retry_delay", "nan"), ("worker", "retry_delay", "inf"),
    ("intake", "busy_timeout", "nan"), ("intake", "busy_timeout", "inf"),
    ("dkim", "dns_timeout", "-inf"), ("smtp", "timeout", "nan"), ("lmtp", "timeout", "+inf"),
])
def test_nan_and_infinity_are_refused_naming_the_key(section: str, key: str, value: str) -> None:
    """TOML's nan and inf are never a usable delay, timeout or limit: refused at start in one
    line naming the key (a nan retry_delay used to crash processing and strand the message)."""
    with pytest.raises(ConfigError) as caught:
        parse_config(f"[{section}]\n{key} = {value}")
    assert f"{section}.{key} must be a finite number" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_addresses_are_lower_cased() -> None:
    """Configured addresses compare case-insensitively."""
    config = parse_config("[addresses]\nforwarding = ['Log@Hook.Example']\nteam = ['Sales@X.io']")
    assert config.addresses.forwarding == ("log@hook.example",)
    assert config.addresses.team == ("sales@x.io",)


def test_trusted_arc_sealers_default_to_none_and_are_lower_cased() -> None:
    """ARC is ignored unless sealers are listed; listed domains compare case-insensitively."""
    assert parse_config("").dkim.trusted_arc_sealers == ()
    config = parse_config("[dkim]\ntrusted_arc_sealers = ['Lists.Example.org', 'fwd.example']")
    assert config.dkim.trusted_arc_sealers == ("lists.example.org", "fwd.example")


def test_missing_config_file_is_a_clear_error(tmp_path: Path) -> None:
    """A --config path that does not exist names the file."""
    with pytest.raises(ConfigError, match="cannot read config"):
        load_config(tmp_path / "missing.toml")
