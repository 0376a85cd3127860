"""Load and validate the TOML configuration into one frozen object passed down explicitly."""

from __future__ import annotations

import dataclasses
import ipaddress
import math
import os
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, get_type_hints
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from mailhook.database_url import DatabaseConfig, check_database, check_web_secret
from mailhook.errors import ConfigError
from mailhook.mailbox import canonical_or_none

DEFAULT_CONFIG_PATH = Path("conf/mailhook.toml")
DKIM_POLICIES = ("require", "record", "off")
# A host name as DKIM's d= names it: dot-separated labels of letters, digits and inner hyphens.
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_DOMAIN = re.compile(rf"(?=.{{1,253}}$)(?:{_LABEL}\.)+{_LABEL}")
FILL_POLICIES = ("hubspot", "own", "suggest")
FILL_SCANS = ("first-reply", "every-reply")


@dataclass(frozen=True)
class ListenerConfig:
    host: str = "127.0.0.1"
    port: int = 0
    max_message_size: int = 26_214_400
    max_recipients: int = 100  # per message (452 beyond)
    max_connections: int = 100  # at once (421 beyond)
    max_connections_per_client: int = 20  # at once from one client address (IPv6: its /64; 421 beyond)
    max_messages_per_minute: int = 0  # per client address (451 beyond); 0: no limit
    timeout: float = 300.0  # seconds a client may stay silent during a command or DATA
    allowed_networks: tuple[str, ...] = ()  # client networks allowed to connect; empty: any
    # SMTP only: clients must log in (AUTH over STARTTLS) as the user they send as.
    require_auth: bool = False
    tls_cert: str = ""  # PEM certificate chain for STARTTLS
    tls_key: str = ""  # PEM private key for STARTTLS
    # SMTP AUTH only. Failed logins before 421 and closing the connection; failed logins from one
    # client address within auth_failure_window seconds, after which AUTH gets 454 unchecked;
    # seconds before each failure is answered.
    auth_failures_per_connection: int = 3
    auth_failures_per_client: int = 10
    auth_failure_window: float = 600.0
    auth_failure_delay: float = 2.0


@dataclass(frozen=True)
class IntakeConfig:
    max_backlog: int = 10_000  # received but unprocessed messages before answering 451 4.3.2
    busy_timeout: float = 10.0  # seconds a write waits for a locked database before 451


@dataclass(frozen=True)
class MetricsConfig:
    enabled: bool = False
    host: str = "127.0.0.1"
    port: int = 9187


@dataclass(frozen=True)
class AddressesConfig:
    forwarding: tuple[str, ...] = ("log@hook.localhost",)
    team: tuple[str, ...] = ()


@dataclass(frozen=True)
class LoggingConfig:
    create_contacts: bool = True
    never_log: tuple[str, ...] = ()
    # One message may create at most this many contacts: a forged or runaway Cc list of
    # thousands must not flood the contact database.
    max_new_contacts: int = 50


@dataclass(frozen=True)
class DkimConfig:
    policy: str = "require"
    dns_timeout: float = 5.0
    # Authentication-Results headers from these authserv-ids (your own MTA's, which must strip
    # incoming ones with the same id) are trusted instead of verifying signatures ourselves.
    trusted_authserv_ids: tuple[str, ...] = ()
    # ARC sealers (RFC 8617: mailing lists, forwarders) whose record of the author's DKIM pass is
    # believed when their changes broke the signature; empty: ARC is ignored.
    trusted_arc_sealers: tuple[str, ...] = ()
    # DNS servers for key lookups ("127.0.0.1" or "127.0.0.1:5353"); empty: the system's.
    nameservers: tuple[str, ...] = ()


@dataclass(frozen=True)
class WorkerConfig:
    max_attempts: int = 5
    batch_size: int = 16
    retry_delay: float = 5.0  # seconds before the first retry; doubled for each later one
    # CPU seconds one message's processing may spend before it is parked as failed (MessageTooSlow):
    # normal mail takes milliseconds, the most hostile after the pipeline's bounds under 2 s.
    message_seconds: float = 5.0
    processes: int = 0  # worker processes; 0: one per core this process may run on

    @property
    def process_count(self) -> int:
        """How many worker processes run: `processes`, or the usable cores where it is 0."""
        if self.processes:
            return self.processes
        try:
            return len(os.sched_getaffinity(0))
        except AttributeError:  # not Linux
            return os.cpu_count() or 1


@dataclass(frozen=True)
class FillConfig:
    # hubspot: fill empty, never user-edited properties from the first scanned reply only;
    # own: also update values the AI itself filled; suggest: never write, only suggest.
    policy: str = "hubspot"
    scan: str = "first-reply"  # or "every-reply": later replies are read for suggestions too


@dataclass(frozen=True)
class ExtractConfig:
    # "packaged" (the model shipped in mailhook/models), "off", or the path of a flair model file
    tagger: str = "packaged"


@dataclass(frozen=True)
class DigestConfig:
    enabled: bool = False  # `serve` sends each user's daily digest by itself
    hour: int = 8  # local hour (0-23) in `timezone` when the digests go out
    timezone: str = "UTC"
    relay_host: str = "localhost"
    relay_port: int = 25
    starttls: bool = False
    username: str = ""  # empty: no SMTP login
    password: str = ""
    sender: str = "mailhook@localhost"


@dataclass(frozen=True)
class WebConfig:
    enabled: bool = False  # `serve` runs the user's page (sign-in, settings, recommended tasks)
    host: str = "127.0.0.1"
    port: int = 8425
    public: bool = False  # beyond loopback only behind TLS (a reverse proxy), with secure_cookies
    secure_cookies: bool = False  # the session cookie is sent over HTTPS only
    secret_file: str = ""  # the key signing session cookies; empty: DATABASE.web-secret (made 0600)
    login_failures_per_address: int = 5  # per client within the window (all clients: x10); beyond: refused
    login_failures_per_client: int = 20
    login_failure_window: float = 600.0
    base_url: str = ""  # the page's public address, for the digest's links; empty: no links
    trusted_proxies: tuple[str, ...] = ("127.0.0.1", "::1")  # whose X-Forwarded-For names the client


@dataclass(frozen=True)
class Config:
    database: DatabaseConfig = field(default_factory=DatabaseConfig)
    smtp: ListenerConfig = field(default_factory=lambda: ListenerConfig(port=2525))
    lmtp: ListenerConfig = field(default_factory=lambda: ListenerConfig(port=2424))
    addresses: AddressesConfig = field(default_factory=AddressesConfig)
    intake: IntakeConfig = field(default_factory=IntakeConfig)
    metrics: MetricsConfig = field(default_factory=MetricsConfig)
    logging: LoggingConfig = field(default_factory=LoggingConfig)
    dkim: DkimConfig = field(default_factory=DkimConfig)
    worker: WorkerConfig = field(default_factory=WorkerConfig)
    digest: DigestConfig = field(default_factory=DigestConfig)
    extract: ExtractConfig = field(default_factory=ExtractConfig)
    fill: FillConfig = field(default_factory=FillConfig)
    web: WebConfig = field(default_factory=WebConfig)


def load_config(path: Path | None = None) -> Config:
    """Read `path`, or conf/mailhook.toml if present, else the embedded default."""
    if path is None:
        path = DEFAULT_CONFIG_PATH if DEFAULT_CONFIG_PATH.exists() else None
    if path is None:
        text = resources.files("mailhook").joinpath("default.toml").read_text("utf-8")
        return parse_config(text, source="embedded default")
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read config {path}: {exc.strerror}") from exc
    return parse_config(text, source=str(path))


def parse_config(text: str, source: str = "config") -> Config:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{source}: not valid TOML: {exc}") from exc
    check_database(data.get("database"), source)
    sections: dict[str, Any] = {}
    hints = get_type_hints(Config)
    for name, table in data.items():
        if name not in hints:
            raise ConfigError(f"{source}: unknown section [{name}]")
        if not isinstance(table, dict):
            raise ConfigError(f"{source}: [{name}] must be a table")
        default = getattr(Config(), name)
        sections[name] = _section(name, table, default, source)
    return _check(_canonical_addresses(Config(**sections), source), source)


def _canonical_addresses(config: Config, source: str) -> Config:
    """Our own addresses in the one form routing compares (`"LOG"@hook.localhost.` is log@...)."""
    found: dict[str, tuple[str, ...]] = {}
    for key in ("forwarding", "team"):
        addresses = []
        for address in getattr(config.addresses, key):
            canonical = canonical_or_none(address)
            if canonical is None:
                raise ConfigError(f"{source}: addresses.{key} has {address!r}, not an address")
            addresses.append(canonical)
        found[key] = tuple(addresses)
    never_log = tuple(canonical_or_none(v) or v.rstrip(".") for v in config.logging.never_log)
    return dataclasses.replace(config, addresses=dataclasses.replace(config.addresses, **found),
                               logging=dataclasses.replace(config.logging, never_log=never_log))


def _section(name: str, table: dict[str, Any], default: Any, source: str) -> Any:
    hints = get_type_hints(type(default))
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in hints:
            raise ConfigError(f"{source}: unknown key {name}.{key}")
        values[key] = _coerce(f"{name}.{key}", value, hints[key], source)
    return dataclasses.replace(default, **values)


def _coerce(key: str, value: Any, hint: Any, source: str) -> Any:
    bad = ConfigError(f"{source}: {key} has a bad value {value!r} (expected {_describe(hint)})")
    if hint is bool:
        if not isinstance(value, bool):
            raise bad
        return value
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise bad
        return value
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise bad
        if not math.isfinite(value):  # TOML allows nan and inf; no delay, port or limit is one
            raise ConfigError(f"{source}: {key} must be a finite number, got {value!r}")
        return float(value)
    if hint is str:
        if not isinstance(value, str):
            raise bad
        return value
    if hint is Path:
        if not isinstance(value, str) or not value:
            raise bad
        return Path(value)
    # tuple[str, ...]: lists of addresses, domains or networks, compared case-insensitively.
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise bad
    return tuple(v.strip().lower() for v in value)


def _describe(hint: Any) -> str:
    names = {bool: "true or false", int: "an integer", float: "a number", str: "a string"}
    return names.get(hint, "a path" if hint is Path else "a list of strings")


def _check(config: Config, source: str) -> Config:
    """Range and enum checks that types alone cannot express."""
    for name in ("smtp", "lmtp"):
        _check_listener(name, getattr(config, name), source)
    if not 0 <= config.metrics.port <= 65535:
        raise ConfigError(f"{source}: metrics.port must be 0-65535, got {config.metrics.port}")
    if not _is_loopback(config.metrics.host):
        raise ConfigError(f"{source}: metrics.host must be a loopback address, got {config.metrics.host!r}")
    if config.intake.max_backlog < 1:
        raise ConfigError(f"{source}: intake.max_backlog must be at least 1")
    if config.intake.busy_timeout <= 0:
        raise ConfigError(f"{source}: intake.busy_timeout must be positive")
    for key in ("forwarding", "team"):
        for address in getattr(config.addresses, key):
            if "@" not in address:
                raise ConfigError(f"{source}: addresses.{key} has {address!r}, not an address")
    if not config.addresses.forwarding:
        raise ConfigError(f"{source}: addresses.forwarding needs at least one address")
    if config.logging.max_new_contacts < 0:
        raise ConfigError(f"{source}: logging.max_new_contacts must be 0 or more")
    tagger = config.extract.tagger
    if tagger not in ("packaged", "off") and not Path(tagger).is_file():
        raise ConfigError(
            f'{source}: extract.tagger must be "packaged", "off" or a model file, got {tagger!r}'
        )
    if config.dkim.policy not in DKIM_POLICIES:
        raise ConfigError(f"{source}: dkim.policy must be one of {', '.join(DKIM_POLICIES)}, "
                          f"got {config.dkim.policy!r}")
    for key, allowed in (("policy", FILL_POLICIES), ("scan", FILL_SCANS)):
        if getattr(config.fill, key) not in allowed:
            raise ConfigError(f"{source}: fill.{key} must be one of {', '.join(allowed)}, "
                              f"got {getattr(config.fill, key)!r}")
    if config.dkim.dns_timeout <= 0:
        raise ConfigError(f"{source}: dkim.dns_timeout must be positive")
    for sealer in config.dkim.trusted_arc_sealers:
        if not _DOMAIN.fullmatch(sealer):
            raise ConfigError(f"{source}: dkim.trusted_arc_sealers has {sealer!r}, not a domain")
    if config.worker.max_attempts < 1:
        raise ConfigError(f"{source}: worker.max_attempts must be at least 1")
    if config.worker.retry_delay < 0:
        raise ConfigError(f"{source}: worker.retry_delay must not be negative")
    if config.worker.batch_size < 1:
        raise ConfigError(f"{source}: worker.batch_size must be at least 1")
    if not config.worker.message_seconds > 0:
        raise ConfigError(f"{source}: worker.message_seconds must be positive")
    if config.worker.processes < 0:
        raise ConfigError(f"{source}: worker.processes must be 0 (one per core) or more")
    _check_digest(config.digest, source)
    _check_web(config.web, source)
    check_web_secret(config.database, config.web.enabled, config.web.secret_file, source)
    return config


def _check_networks(networks: tuple[str, ...], key: str, source: str) -> None:
    for network in networks:
        try:
            ipaddress.ip_network(network, strict=False)
        except ValueError as exc:
            raise ConfigError(f"{source}: {key} has {network!r}: {exc}") from exc


def _check_web(web: WebConfig, source: str) -> None:
    _check_networks(web.trusted_proxies, "web.trusted_proxies", source)
    if not 0 <= web.port <= 65535 or not web.host:
        raise ConfigError(f"{source}: web.port must be 0-65535 and web.host not empty")
    if not _is_loopback(web.host) and not (web.public and web.secure_cookies):  # passwords, cookies
        raise ConfigError(f"{source}: web.host {web.host!r} is not loopback; serve it only behind TLS "
                          "(a reverse proxy) and set web.public = true and web.secure_cookies = true")
    for key in ("login_failures_per_address", "login_failures_per_client", "login_failure_window"):
        if getattr(web, key) < 1:
            raise ConfigError(f"{source}: web.{key} must be at least 1")
    if web.base_url and not re.fullmatch(r"https?://[^\s/?#]+(/[^\s?#]*)?", web.base_url):
        raise ConfigError(f"{source}: web.base_url {web.base_url!r} is not an address like https://crm.example/")


def _check_digest(digest: DigestConfig, source: str) -> None:
    if not 0 <= digest.hour <= 23:
        raise ConfigError(f"{source}: digest.hour must be 0-23, got {digest.hour}")
    try:
        ZoneInfo(digest.timezone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(f"{source}: digest.timezone {digest.timezone!r} is not a known time zone") from exc
    if not 0 < digest.relay_port <= 65535:
        raise ConfigError(f"{source}: digest.relay_port must be 1-65535, got {digest.relay_port}")
    if not digest.relay_host:
        raise ConfigError(f"{source}: digest.relay_host must not be empty")
    if "@" not in digest.sender:
        raise ConfigError(f"{source}: digest.sender must be an address, got {digest.sender!r}")


def _check_listener(name: str, listener: ListenerConfig, source: str) -> None:
    if not 0 <= listener.port <= 65535:
        raise ConfigError(f"{source}: {name}.port must be 0-65535, got {listener.port}")
    if listener.max_message_size < 1024:
        raise ConfigError(f"{source}: {name}.max_message_size must be at least 1024")
    if not listener.host:
        raise ConfigError(f"{source}: {name}.host must not be empty")
    for key in ("max_recipients", "max_connections", "max_connections_per_client",
                "auth_failures_per_connection", "auth_failures_per_client"):
        if getattr(listener, key) < 1:
            raise ConfigError(f"{source}: {name}.{key} must be at least 1")
    if not listener.auth_failure_window > 0:
        raise ConfigError(f"{source}: {name}.auth_failure_window must be positive")
    if not listener.auth_failure_delay >= 0:
        raise ConfigError(f"{source}: {name}.auth_failure_delay must not be negative")
    if listener.max_messages_per_minute < 0:
        raise ConfigError(f"{source}: {name}.max_messages_per_minute must not be negative")
    if listener.timeout <= 0:
        raise ConfigError(f"{source}: {name}.timeout must be positive")
    _check_networks(listener.allowed_networks, f"{name}.allowed_networks", source)
    if listener.require_auth and name != "smtp":
        raise ConfigError(f"{source}: {name}.require_auth is for the smtp listener only")
    if listener.require_auth or listener.tls_cert or listener.tls_key:
        for key in ("tls_cert", "tls_key"):
            if not Path(getattr(listener, key)).is_file():
                raise ConfigError(f"{source}: {name}.{key} must name a PEM file for STARTTLS")
    # Never an open door: beyond loopback, only logged-in users or listed networks may connect.
    if not _is_loopback(listener.host) and not listener.allowed_networks and not listener.require_auth:
        raise ConfigError(
            f"{source}: {name}.host {listener.host!r} is not loopback; set {name}.allowed_networks "
            "to the client networks (e.g. your MTA's address), or require_auth, before listening "
            "beyond loopback"
        )


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
