"""`mailhook doctor`'s checks: config, database, ports, model file and DNS, each ok/warn/fail with a fix."""

from __future__ import annotations

import errno
import os
import socket
import sqlite3
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mailhook.config import DEFAULT_CONFIG_PATH, Config, load_config
from mailhook.errors import ConfigError
from mailhook.store.health import inspect_database

OK, WARN, FAIL = "ok", "warn", "fail"
MODELS_DIR = Path(__file__).parents[1] / "models"
# A name with a stable TXT record (Gmail's DMARC policy), to see whether DKIM key lookups can work.
DNS_PROBE = "_dmarc.gmail.com"
DNS_PROBE_TIMEOUT = 3.0
PORT_PROBE_TIMEOUT = 2.0
TxtLookup = Callable[..., bytes | None]


@dataclass(frozen=True)
class Check:
    """One finding: what was checked, ok/warn/fail, what was seen, and what to do about it."""

    name: str
    status: str
    detail: str
    fix: str | None = None


def check_config(path: Path | None) -> tuple[Check, Config | None]:
    """Load the config as every command does, and say which file that was."""
    if path is None and DEFAULT_CONFIG_PATH.exists():
        path = DEFAULT_CONFIG_PATH
    used = str(path) if path is not None else "the embedded default (no conf/mailhook.toml here)"
    try:
        config = load_config(path)
    except ConfigError as exc:
        fix = "fix or remove the key named above (conf/mailhook.toml documents every key)"
        return Check("config", FAIL, str(exc), fix), None
    return Check("config", OK, f"loaded {used}"), config


def check_database(path: Path) -> Check:
    """The database file opens, passes PRAGMA integrity_check, is migrated and in WAL mode."""
    where = str(path.resolve())
    if not path.exists():
        return _missing_database(path, where)
    if path.is_dir():
        return Check("database", FAIL, f"{where} is a directory", "point [database] path at a file")
    if not _writable(path) or not _writable(path.parent):
        return Check("database", FAIL, f"{where} or its directory is not writable",
                     "let the user mailhook runs as write the file and its directory (WAL needs both)")
    try:
        health = inspect_database(path)
    except sqlite3.Error as exc:
        return Check("database", FAIL, f"{where}: {exc}",
                     "restore the file from a backup, or move it away to start a new database")
    if health.integrity != ("ok",):
        return Check("database", FAIL, f"{where}: integrity check: {'; '.join(health.integrity)}",
                     "stop mailhook and restore the file from a backup (or try `sqlite3 FILE .recover`)")
    detail = f"{where}: integrity ok, {health.applied} migration(s) applied, journal {health.journal_mode}"
    if health.unknown:
        return Check("database", WARN, f"{detail}; unknown migrations {', '.join(health.unknown)}",
                     "this file was used by a newer mailhook: upgrade mailhook before using it")
    if health.pending or health.journal_mode != "wal":
        return Check("database", WARN, f"{detail}; {len(health.pending)} migration(s) pending",
                     "nothing to do: mailhook migrates the file and switches it to WAL when it starts")
    return Check("database", OK, detail)


def _missing_database(path: Path, where: str) -> Check:
    folder = next(p for p in path.parents if p.exists())
    if not folder.is_dir() or not _writable(folder):
        return Check("database", FAIL, f"{where} cannot be created: {folder} is not a writable folder",
                     "set [database] path to a file in a folder mailhook may write")
    return Check("database", WARN, f"{where} does not exist yet; mailhook creates it when it starts",
                 "if you expected existing data there, check [database] path")


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK)


def check_port(name: str, host: str, port: int, *, greets: bool = True) -> Check:
    """Can `serve` bind host:port? If something holds it, connect and read what it says."""
    where = f"{host}:{port}"
    if port == 0:
        return Check(name, OK, f"{host}, port 0: the system picks a free port at each start")
    try:
        # create_server sets SO_REUSEADDR as asyncio does, so TIME_WAIT is no false alarm.
        socket.create_server((host, port)).close()
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            return _port_in_use(name, host, port, greets)
        if exc.errno == errno.EACCES:
            return Check(name, FAIL, f"{where}: permission denied",
                         "use a port above 1023, or give mailhook CAP_NET_BIND_SERVICE")
        return Check(name, FAIL, f"{where}: cannot listen: {exc.strerror or exc}",
                     f"set [{_section(name)}] host to an address of this machine (e.g. 127.0.0.1)")
    return Check(name, OK, f"{where} is free")


def _port_in_use(name: str, host: str, port: int, greets: bool) -> Check:
    where, section = f"{host}:{port}", _section(name)
    greeting = _greeting(host, port) if greets else None
    if greeting and "Python SMTP" in greeting:
        return Check(name, WARN, f"{where} is in use by what looks like a running mailhook "
                                 f"(it greets {greeting!r})",
                     "fine if mailhook is running; otherwise stop the other process, or change "
                     f"[{section}] port")
    said = f"it greets {greeting!r}" if greeting else "it sends no greeting"
    if not greets:
        said = "mailhook's metrics, if it is running"
    return Check(name, FAIL if greets else WARN, f"{where} is already in use ({said})",
                 f"stop the process listening there, or change [{section}] port")


def _greeting(host: str, port: int) -> str | None:
    try:
        with socket.create_connection((host, port), timeout=PORT_PROBE_TIMEOUT) as conn:
            data = conn.recv(512)
    except OSError:
        return None
    return data.decode("ascii", "replace").strip() or None


def _section(name: str) -> str:
    return name.split()[0]


def check_model(models_dir: Path = MODELS_DIR) -> list[Check]:
    """The shipped tagger files exist as real checkpoints (not loaded: torch is slow to import)."""
    checks = []
    for path in sorted(models_dir.glob("*.pt")):
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(64)
        name = "model"
        if head.startswith(b"version https://git-lfs"):
            checks.append(Check(name, FAIL, f"{path} is a Git LFS pointer, not the model",
                                "run `git lfs pull`, or reinstall mailhook"))
        elif size == 0 or not zipfile.is_zipfile(path):
            checks.append(Check(name, FAIL, f"{path} ({size} bytes) is not a PyTorch checkpoint",
                                "reinstall mailhook to restore the shipped model"))
        else:
            checks.append(Check(name, OK, f"{path} ({size / 1_048_576:.1f} MiB)"))
    return checks


def check_dns(policy: str, lookup: TxtLookup | None = None,
              timeout: float = DNS_PROBE_TIMEOUT) -> Check:
    """With DKIM on, the worker must resolve TXT records; try one through the same resolver."""
    if policy == "off":
        return Check("dns", OK, "not needed: [dkim] policy is off")
    import dkim
    import dkim.dnsplug

    lookup = lookup or dkim.dnsplug.get_txt
    try:
        answer = lookup(DNS_PROBE.encode(), timeout=timeout)
    except (dkim.DnsTimeoutError, OSError) as exc:
        return Check("dns", WARN, f"TXT {DNS_PROBE}: no answer within {timeout:g} s ({exc})",
                     _dns_fix(policy))
    if not answer:
        return Check("dns", WARN, f"TXT {DNS_PROBE}: no answer (the resolver failed, or this "
                                  "machine is offline)", _dns_fix(policy))
    return Check("dns", OK, f"TXT {DNS_PROBE} resolves")


def _dns_fix(policy: str) -> str:
    effect = ("no mail will fill anything" if policy == "require"
              else "every DKIM verdict will be temperror")
    return (f"DKIM checks cannot look up signing keys, so {effect}: give this machine a working "
            "DNS resolver (/etc/resolv.conf), or set [dkim] policy = \"off\" while it is offline")


def run_checks(config_path: Path | None, *, dns_lookup: TxtLookup | None = None,
               models_dir: Path = MODELS_DIR) -> list[Check]:
    """Every check in order; without a usable config only the config check can run."""
    first, config = check_config(config_path)
    if config is None:
        return [first]
    checks = [first, check_database(config.database.path)]
    checks += [check_port(f"{n} port", getattr(config, n).host, getattr(config, n).port)
               for n in ("smtp", "lmtp")]
    if config.metrics.enabled:
        checks.append(check_port("metrics port", config.metrics.host, config.metrics.port,
                                 greets=False))
    checks += check_model(models_dir)
    checks.append(check_dns(config.dkim.policy, dns_lookup,
                            min(config.dkim.dns_timeout, DNS_PROBE_TIMEOUT)))
    return checks
