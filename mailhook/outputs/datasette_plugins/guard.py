"""What keeps `mailhook browse` safe: SQLite itself refuses to read raw mail and password hashes
(whatever SQL Datasette runs, ours or a visitor's), and only the Host names it serves are answered
(no DNS rebinding)."""

from __future__ import annotations

import re
import sqlite3
import urllib.parse
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any

from datasette import hookimpl

from mailhook.outputs.browse import LOOPBACK_NAMES, PLUGIN

# Every mail body: reading it fails, so a query for it is an error, not an empty answer.
DENIED_COLUMNS = frozenset({("message_raw", "raw")})
# Read as NULL, so the users table still shows its other columns.
NULLED_COLUMNS = frozenset({("users", "password_hash")})
# sqlite_dbpage (where compiled in) reads the file's pages raw, mail bodies included.
DENIED_TABLES = frozenset({"sqlite_dbpage"})
# Functions that load code or touch memory or files; none is needed to browse.
DENIED_FUNCTIONS = frozenset({"load_extension", "fts3_tokenizer", "readfile", "writefile", "edit"})

# A host name or an IP literal, and an optional port: nothing else (no user, path or spaces).
_HOST = re.compile(r"(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.\-]+)(?::[0-9]{1,5})?")

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]


def authorizer(action: int, arg1: str | None, arg2: str | None, _db: str | None,
               _source: str | None) -> int:
    """sqlite3's authorizer: consulted when any statement is compiled, whichever database
    (main or attached) or view it reads through. Names are compared case-insensitively."""
    if action == sqlite3.SQLITE_READ:
        table, column = (arg1 or "").lower(), (arg2 or "").lower()
        if table in DENIED_TABLES or (table, column) in DENIED_COLUMNS:
            return sqlite3.SQLITE_DENY
        if (table, column) in NULLED_COLUMNS:
            return sqlite3.SQLITE_IGNORE
    if action == sqlite3.SQLITE_FUNCTION and (arg2 or "").lower() in DENIED_FUNCTIONS:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    conn.set_authorizer(authorizer)


def host_allowed(host: str | None, names: Iterable[str], port: int) -> bool:
    """Whether a Host header names this server: one of `names` (lower case, IPv6 without
    brackets) and, when it gives a port, the port served (any, when started on port 0)."""
    if host is None or not _HOST.fullmatch(host):
        return False
    parsed = urllib.parse.urlsplit(f"//{host}")
    try:
        given = parsed.port
    except ValueError:  # over 65535
        return False
    return parsed.hostname in set(names) and (given is None or port == 0 or given == port)


@hookimpl
def asgi_wrapper(datasette: Any) -> Callable[[App], App]:
    config = datasette.plugin_config(PLUGIN) or {}
    names = frozenset(config.get("hosts") or LOOPBACK_NAMES)
    port = int(config.get("port") or 0)

    def wrap(app: App) -> App:
        async def checked(scope: Scope, receive: Receive, send: Send) -> None:
            if scope["type"] == "http":
                hosts = [v for k, v in scope.get("headers") or [] if k.lower() == b"host"]
                host = hosts[0].decode("latin-1") if len(hosts) == 1 else None  # two: refused
                if not host_allowed(host, names, port):
                    await _refuse(send)
                    return
            await app(scope, receive, send)

        return checked

    return wrap


async def _refuse(send: Send) -> None:
    body = b"400 Bad Request: this Host is not served here (mailhook browse --allow-host)\n"
    await send({"type": "http.response.start", "status": 400,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
