"""`mailhook doctor`'s checks: config, database, ports, model file and DNS, each ok/warn/fail with a fix."""

from __future__ import annotations

import asyncio
import contextlib
import errno
import json
import os
import socket
import sqlite3
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mailhook.config import DEFAULT_CONFIG_PATH, Config, DatabaseConfig, DkimConfig, load_config
from mailhook.database_url import redact
from mailhook.errors import ConfigError, MailhookError
from mailhook.store.health import inspect_database, inspect_server, waiting_messages
from mailhook.trust.dkim import AiodnsResolver, DnsUnavailable, Resolver

OK, WARN, FAIL = "ok", "warn", "fail"
MODELS_DIR = Path(__file__).parents[1] / "models"
# A name with a stable TXT record (Gmail's DMARC policy), to see whether DKIM key lookups can work.
DNS_PROBE = "_dmarc.gmail.com"
DNS_PROBE_TIMEOUT = 3.0
PORT_PROBE_TIMEOUT = 2.0
# Beside the database, while `serve` runs: its pid and where it listens, so that doctor knows the
# ports it finds taken are this hook's own.
RUN_FILE_SUFFIX = ".serve.json"
AIOSMTPD_GREETING = "Python SMTP"  # in the greeting of every aiosmtpd server, ours included


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


def check_server(url: str) -> tuple[Check, int]:
    """A PostgreSQL url: the connection, the migrations and the server's version, read without
    migrating anything; with how many messages wait (for the workers check). The password is
    never shown."""
    import psycopg

    where = redact(url)
    try:
        health = inspect_server(url)
    except psycopg.Error as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return Check("database", FAIL, f"{where}: cannot connect: {first}",
                     "check the server runs and [database] url (the password comes from the url, "
                     "a PGPASSFILE or PGPASSWORD)"), 0
    detail = (f"{where}: PostgreSQL {health.version}, {health.applied} migration(s) applied")
    if health.unknown:
        return Check("database", WARN, f"{detail}; unknown migrations {', '.join(health.unknown)}",
                     "this database was used by a newer mailhook: upgrade mailhook before using it"
                     ), health.waiting
    if health.pending:
        return Check("database", WARN, f"{detail}; {len(health.pending)} migration(s) pending",
                     "nothing to do: mailhook migrates the database when it starts"), health.waiting
    return Check("database", OK, detail), health.waiting


def _missing_database(path: Path, where: str) -> Check:
    folder = next(p for p in path.parents if p.exists())
    if not folder.is_dir() or not _writable(folder):
        return Check("database", FAIL, f"{where} cannot be created: {folder} is not a writable folder",
                     "set [database] path to a file in a folder mailhook may write")
    return Check("database", WARN, f"{where} does not exist yet; mailhook creates it when it starts",
                 "if you expected existing data there, check [database] path")


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK)


def check_port(name: str, host: str, port: int, *, greets: bool = True,
               running: dict[str, Any] | None = None, in_use: str | None = None) -> Check:
    """Can `serve` bind host:port? If something holds it, connect and read what it says;
    `running` is this hook's run file, if a serve of this database is up (see `running_hook`)."""
    where = f"{host}:{port}"
    if port == 0:
        return Check(name, OK, f"{host}, port 0: the system picks a free port at each start")
    try:
        # create_server sets SO_REUSEADDR as asyncio does, so TIME_WAIT is no false alarm.
        socket.create_server((host, port)).close()
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            return _port_in_use(name, host, port, greets, running, in_use)
        if exc.errno == errno.EACCES:
            return Check(name, FAIL, f"{where}: permission denied",
                         "use a port above 1023, or give mailhook CAP_NET_BIND_SERVICE")
        return Check(name, FAIL, f"{where}: cannot listen: {exc.strerror or exc}",
                     f"set [{_section(name)}] host to an address of this machine (e.g. 127.0.0.1)")
    return Check(name, OK, f"{where} is free")


def _port_in_use(name: str, host: str, port: int, greets: bool,
                 running: dict[str, Any] | None, in_use: str | None = None) -> Check:
    where, section = f"{host}:{port}", _section(name)
    greeting = _greeting(host, port) if greets else None
    ours = greeting is not None and AIOSMTPD_GREETING in greeting
    if running is not None and _listed(running, section, port) and (ours or not greets):
        return Check(name, OK, f"{where} is this mailhook's own (serve is running as pid "
                               f"{running['pid']})")
    if ours:
        return Check(name, WARN, f"{where} is in use by what looks like another mailhook "
                                 f"(it greets {greeting!r}), not a serve of this database",
                     f"stop the other process, or change [{section}] port")
    said = f"it greets {greeting!r}" if greeting else "it sends no greeting"
    if not greets:
        said = f"mailhook's [{section}] listener, if it is running"
    return Check(name, in_use or (FAIL if greets else WARN), f"{where} is already in use ({said})",
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


def _listed(running: dict[str, Any], section: str, port: int) -> bool:
    address = running.get("addresses", {}).get(section)
    return isinstance(address, list) and len(address) == 2 and address[1] == port


def run_file(database: Path) -> Path:
    return database.with_name(database.name + RUN_FILE_SUFFIX)


class ServeRunning(MailhookError):
    """Another live `serve` keeps the run file of this database here (one per database and folder)."""


def claim_run_file(database: Path, shown: str, *, relative: bool) -> None:
    """At serve's start: the run file becomes this process's (its pid, addresses to follow), or
    ServeRunning in one line while a live serve's is there. Two serves on one run file would
    overwrite each other's ports, and the first to stop would remove the other's, so doctor
    and migrate-db would no longer see a serve that runs. `relative`: the run file of a url is
    named relative to the folder mailhook starts in, so another folder has its own."""
    path = run_file(database)
    mine = path.with_name(f"{path.name}.{os.getpid()}.part")
    try:
        if relative:
            path.parent.mkdir(parents=True, exist_ok=True)  # var/, as for the default file
        mine.write_text(json.dumps({"pid": os.getpid(), "addresses": {}, "worker": False}))
        try:
            os.link(mine, path)  # whole and only if there is none: of two starts, one wins
        except FileExistsError:
            other = running_hook(database)
            if other is not None and other.get("pid") != os.getpid():
                where = " from another folder" if relative else ""
                raise ServeRunning(
                    f"mailhook serve (pid {other['pid']}) already runs on {shown} with the run "
                    f"file {path}: stop it first, or start this one{where}") from None
            os.replace(mine, path)  # a killed serve's, or this process's own
    except OSError:
        pass  # an unwritable folder: record_running says nothing either; doctor only guesses
    finally:
        with contextlib.suppress(OSError):
            mine.unlink()


def record_running(database: Path, addresses: dict[str, tuple[str, int]], *, worker: bool) -> None:
    """Written by `serve` once it listens (replaced whole, so a reader never sees half of it);
    `worker`: whether its worker processes mail (not with --no-worker)."""
    path = run_file(database)
    part = path.with_name(path.name + ".part")
    with contextlib.suppress(OSError):  # doctor then only guesses from the greeting
        part.write_text(json.dumps({"pid": os.getpid(), "addresses": addresses, "worker": worker}))
        os.replace(part, path)


def forget_running(database: Path) -> None:
    """Removed by `serve` when it stops, if it is still its own (a kill leaves it: see below)."""
    with contextlib.suppress(OSError, ValueError):
        path = run_file(database)
        if json.loads(path.read_text()).get("pid") == os.getpid():
            path.unlink()


def running_hook(database: Path) -> dict[str, Any] | None:
    """The run file of a serve of `database` whose process is alive; None if there is none (a
    file that a killed serve left names a process that is gone)."""
    try:
        found = json.loads(run_file(database).read_text())
        pid = int(found["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        pass  # alive, as another user
    return found if isinstance(found, dict) else None


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


def check_dns(dkim: DkimConfig, resolver: Resolver | None = None,
              timeout: float = DNS_PROBE_TIMEOUT) -> Check:
    """`probe_dns` for a command without an event loop."""
    return asyncio.run(probe_dns(dkim, resolver, timeout))


async def probe_dns(dkim: DkimConfig, resolver: Resolver | None = None,
                    timeout: float = DNS_PROBE_TIMEOUT) -> Check:
    """With DKIM on, the worker must resolve TXT records: ask for one through the resolver it
    uses ([dkim] nameservers, else the system's), bounded by `timeout`. Under require, DNS that
    does not answer is a fail: mail fills nothing (a warning only where your MTA's recorded
    verdicts are trusted, [dkim] trusted_authserv_ids, as those need no lookup)."""
    if dkim.policy == "off":
        return Check("dns", OK, "not needed: [dkim] policy is off")
    via = ", ".join(dkim.nameservers) if dkim.nameservers else "the system's resolver"
    try:
        async with asyncio.timeout(timeout + 1.0):  # c-ares bounds it too; this is the backstop
            answer = await _ask(dkim, resolver, timeout)
    except (DnsUnavailable, TimeoutError, OSError) as exc:
        seen = f"TXT {DNS_PROBE} through {via}: no answer within {timeout:g} s ({exc or 'timeout'})"
        return Check("dns", _dns_status(dkim), seen, _dns_fix(dkim))
    if not answer:
        return Check("dns", _dns_status(dkim), f"TXT {DNS_PROBE} through {via}: no such record "
                     "(the resolver failed, or this machine is offline)", _dns_fix(dkim))
    return Check("dns", OK, f"TXT {DNS_PROBE} resolves through {via}")


async def _ask(dkim: DkimConfig, resolver: Resolver | None, timeout: float) -> bytes | None:
    if resolver is not None:
        return await resolver(DNS_PROBE.encode(), timeout)
    async with AiodnsResolver(dkim.nameservers) as own:
        return await own(DNS_PROBE.encode(), timeout)


def _dns_status(dkim: DkimConfig) -> str:
    return FAIL if dkim.policy == "require" and not dkim.trusted_authserv_ids else WARN


def _dns_fix(dkim: DkimConfig) -> str:
    resolver = "give this machine a working DNS resolver (/etc/resolv.conf) or set [dkim] nameservers"
    if dkim.policy != "require":
        return f"DKIM checks cannot look up signing keys, so signed mail gets temperror: {resolver}"
    effect = ("only mail your MTA's Authentication-Results vouch for will fill anything"
              if dkim.trusted_authserv_ids else "no mail will fill anything")
    return (f"DKIM checks cannot look up signing keys, so {effect}: {resolver}; to try mailhook "
            "offline with hand-made mail, use conf/try-out.toml")


def check_workers(database: Path, holder: str | None, waiting: int | None = None) -> Check:
    """Whether a process runs the workers (`holder`, from the workers lock), and what waits
    (`waiting`, when the database check has read it: a PostgreSQL server's)."""
    if holder is not None:
        verb = "run" if "), " in holder else "runs"  # several hosts' holders, on PostgreSQL
        return Check("workers", OK, f"{holder} {verb} the workers")
    try:
        if waiting is None:
            waiting = waiting_messages(database) if database.is_file() else 0
    except sqlite3.Error:
        waiting = 0  # the database check says what is wrong with the file
    if not waiting:
        return Check("workers", OK, "no process runs the workers now, and no mail waits")
    return Check("workers", WARN, f"no process runs the workers, and {waiting} message(s) wait",
                 "start `mailhook serve` (with its worker) or `mailhook worker`, or run `mailhook process`")


def run_checks(config_path: Path | None, *, dns_resolver: Resolver | None = None,
               models_dir: Path = MODELS_DIR,
               workers: Callable[[Path | str], str | None] = lambda database: None) -> list[Check]:
    """Every check in order; without a usable config only the config check can run. `workers`
    names the process holding the database's workers lock (mailhook.worker.exclusive.holder,
    which this stage may not import)."""
    first, config = check_config(config_path)
    if config is None:
        return [first]
    checks = [first, *_database_checks(config.database, workers)]
    running = running_hook(config.database.local)
    checks += [check_port(f"{n} port", getattr(config, n).host, getattr(config, n).port,
                          running=running)
               for n in ("smtp", "lmtp")]
    if config.metrics.enabled:
        checks.append(check_port("metrics port", config.metrics.host, config.metrics.port,
                                 greets=False, running=running))
    if config.web.enabled:  # nothing greets on connect, as for metrics; but serve stops if taken
        checks.append(check_port("web port", config.web.host, config.web.port, greets=False,
                                 running=running, in_use=FAIL))
    checks += check_model(models_dir)
    checks.append(check_dns(config.dkim, dns_resolver,
                            min(config.dkim.dns_timeout, DNS_PROBE_TIMEOUT)))
    return checks


def _database_checks(database: DatabaseConfig,
                     workers: Callable[[Path | str], str | None]) -> list[Check]:
    """The database and who runs its workers: an SQLite file, or a PostgreSQL server (whose
    workers lock can only be asked once it answers)."""
    if not database.url:
        return [check_database(database.path), check_workers(database.path, workers(database.path))]
    found, waiting = check_server(database.url)
    if found.status == FAIL:
        return [found]
    return [found, check_workers(database.path, workers(database.url), waiting)]
