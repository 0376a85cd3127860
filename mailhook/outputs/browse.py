"""`mailhook browse`: Datasette's command line, and its metadata for the mailhook database
(descriptions, facets, canned queries, and what it may not show or answer)."""

from __future__ import annotations

import ipaddress
import json
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import FrameType
from typing import Any

from mailhook.model import CONTACT_FIELDS

# The plugin (mailhook/datasette_plugins/guard.py) reads its settings under this name.
PLUGIN = "mailhook-guard"
PLUGINS_DIR = Path(__file__).parent / "datasette_plugins"
# Host names a browser on this machine uses for a loopback server (IPv6 without brackets).
LOOPBACK_NAMES: tuple[str, ...] = ("localhost", "127.0.0.1", "::1")
# A service manager's stop, Ctrl-C and a closed terminal: each stops Datasette with us.
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)
# How long Datasette may take to close its port on SIGTERM before it is killed.
CHILD_GRACE_SECONDS = 10.0

TABLES: dict[str, str] = {
    "contacts": "One row per contact, one column per property.",
    "contact_properties": "Where each property value came from: source, user-edited flag, time, message.",
    "property_history": "Every change of every property, with its source.",
    "messages": "Every stored copy of a received message and what processing decided.",
    "users": "CRM users and their settings.",
    "tasks": "Recommended follow-up tasks (inbox automation).",
    "candidates": "Every value a scanned signature showed, with its evidence and what became of it.",
    "suggestions": "Values that differ from what a contact holds: open, accepted, dismissed, superseded.",
}
FACETS: dict[str, list[str]] = {
    "contact_properties": ["source", "property", "user_edited"],
    "messages": ["status", "direction", "listener", "dkim_verdict", "skip_reason"],
    "tasks": ["status", "user_email"],
    "candidates": ["outcome", "property", "reason"],
    "suggestions": ["status", "property", "user_email"],
    "property_history": ["source", "property"],
}
QUERIES: dict[str, dict[str, str]] = {
    "filled_today": {
        "title": "Filled today",
        "description": "Properties the AI filled today (UTC), with the message they came from.",
        "sql": "select * from filled_today",
    },
    "filled_by_ai": {
        "title": "Everything the AI filled",
        "sql": "select * from filled_by_ai order by filled_at desc",
    },
    "suggested_updates": {
        "title": "Suggested updates",
        "description": "Open suggestions: what a contact holds now and what a signature says; "
                       "`mailhook suggestions accept|dismiss ID` decides.",
        "sql": "select * from suggested_updates order by created_at desc",
    },
    "contacts_missing_phone": {
        "title": "Contacts missing a phone",
        "sql": "select * from contacts_missing_phone",
    },
    "failed_messages": {
        "title": "Failed messages",
        "description": "Parked after their last attempt; `mailhook retry` re-queues them.",
        "sql": "select * from failed_messages",
    },
}


def is_loopback(host: str) -> bool:
    """Whether listening on `host` keeps Datasette to this machine."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to anything


def served_names(host: str, allowed: Iterable[str] = ()) -> list[str]:
    """The Host names answered: the loopback forms, the address listened on (unless it is a
    wildcard) and any given with --allow-host; anything else is refused (DNS rebinding)."""
    wildcard = {"0.0.0.0", "::", ""}
    names = [*LOOPBACK_NAMES, *(n.strip("[]").lower() for n in (host, *allowed))]
    return [n for n in dict.fromkeys(names) if n not in wildcard]


def datasette_command(db_path: Path, metadata_path: Path, host: str, port: int) -> list[str]:
    """`datasette serve` with our plugin and no database download."""
    return [sys.executable, "-m", "datasette", "serve", str(db_path), "--metadata", str(metadata_path),
            "--plugins-dir", str(PLUGINS_DIR), "--setting", "allow_download", "off",
            "--host", host, "--port", str(port)]


def metadata(db_path: Path, hosts: Sequence[str] = LOOPBACK_NAMES, port: int = 0) -> dict[str, Any]:
    """Datasette's metadata document for this database file, served on `port` to `hosts`.

    Raw mail is hidden and its table refused (403); reading its bodies by SQL is refused by
    SQLite itself (the plugin's authorizer), which Datasette's permissions alone cannot do.
    """
    tables: dict[str, Any] = {}
    for table, description in TABLES.items():
        tables[table] = {"description": description}
        if table in FACETS:
            tables[table]["facets"] = FACETS[table]
    tables["contacts"]["columns"] = {p: f"The contact's {p.replace('_', ' ')}" for p in CONTACT_FIELDS}
    tables["message_raw"] = {"hidden": True, "allow": False}
    tables["write_context"] = {"hidden": True}
    return {
        "title": "mailhook",
        "description": "Contacts filled from mail, and where every value came from.",
        "databases": {db_path.stem: {"tables": tables, "queries": QUERIES}},
        "plugins": {PLUGIN: {"hosts": list(hosts), "port": port}},
    }


class _Stop(Exception):
    """One of STOP_SIGNALS arrived while Datasette ran."""


def run_datasette(db_path: Path, hosts: Sequence[str], host: str, port: int) -> int:
    """Serve `db_path` with Datasette until it exits, or until this process gets SIGTERM, SIGINT
    or SIGHUP: then Datasette is stopped as well (never left listening on its own), and its
    metadata file is removed either way. Returns Datasette's exit status, 0 after a stop."""
    stopping: list[int] = []
    children: list[subprocess.Popen[bytes]] = []

    def stop(signum: int, _frame: FrameType | None) -> None:
        first = not stopping
        stopping.append(signum)
        # Interrupts the wait for the child; not before the child is known (it is checked for
        # then), and only once, so that a second signal cannot cut the clean-up short.
        if first and children:
            raise _Stop

    # Handlers first, so that no signal between starting the child and waiting for it is lost.
    previous = {sig: signal.signal(sig, stop) for sig in STOP_SIGNALS}
    meta_path: Path | None = None
    try:
        with tempfile.NamedTemporaryFile("w", prefix="mailhook-browse-", suffix=".json",
                                         delete=False) as meta:
            meta_path = Path(meta.name)
            json.dump(metadata(db_path, hosts, port), meta)
        children.append(subprocess.Popen(datasette_command(db_path, meta_path, host, port)))
        return 0 if stopping else children[0].wait()
    except _Stop:
        return 0
    finally:
        for child in children:
            _stop_child(child)
        if meta_path is not None:
            meta_path.unlink(missing_ok=True)
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _stop_child(child: subprocess.Popen[bytes]) -> None:
    """SIGTERM (Datasette's server closes its port and exits), SIGKILL if it takes too long."""
    if child.poll() is not None:
        return
    child.terminate()
    try:
        child.wait(CHILD_GRACE_SECONDS)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()
