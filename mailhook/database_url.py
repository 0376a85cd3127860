"""The [database] section: an SQLite file (`path`) or a PostgreSQL server (`url`), never both.

A url's password may come in the url itself, from a PGPASSFILE or from PGPASSWORD: libpq reads
all three, so mailhook never handles the secret beyond passing the url on. It never shows it:
the url is left out of the config's repr, and every message names it through `redact`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mailhook.errors import ConfigError

SCHEMES = ("postgresql", "postgres")  # the two libpq accepts
HIDDEN = "***"


@dataclass(frozen=True)
class DatabaseConfig:
    path: Path = Path("var/mailhook.db")
    url: str = field(default="", repr=False)  # may hold a password: never in a repr
    # This machine's name among the hosts sharing a url (its claims and its workers lock are its
    # own); empty: the host name. An SQLite file has one host: there it is not used.
    host_id: str = ""

    @property
    def host(self) -> str | None:
        """What `Store(..., host=)` and the workers lock take: host_id on a url, or None for the
        default (the host name; an SQLite file's one host)."""
        return (self.host_id or None) if self.url else None

    @property
    def target(self) -> str | Path:
        """What `mailhook.store.Store` opens: the url when one is set, else the file."""
        return self.url or self.path

    @property
    def local(self) -> Path:
        """What this host's own files of the database are named after (the run file of a serve,
        DATABASE.serve.json): the SQLite file, or for a url var/postgresql-HOST-PORT-DBNAME
        (relative, as the default path is), so two databases never share one."""
        if not self.url:
            return self.path
        parts = urlsplit(self.url)
        where = f"{parts.hostname or 'socket'}-{parts.port or 5432}-{parts.path.strip('/')}"
        return Path("var") / ("postgresql-" + re.sub(r"[^A-Za-z0-9._-]", "_", where))

    @property
    def shown(self) -> str:
        """Where the database is, for messages: the file, or the url without its password."""
        return redact(self.url) if self.url else str(self.path)


def redact(url: str) -> str:
    """`url` with the password (in the user part or a password= parameter) replaced by ***;
    the rest exactly as written (urlunsplit would drop the empty host of a socket url)."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return "(not a url)"
    end = min((i for i in (rest.find(c) for c in "/?#") if i >= 0), default=len(rest))
    netloc, tail = rest[:end], rest[end:]
    user, at, host = netloc.rpartition("@")
    if at and ":" in user:
        netloc = f"{user.split(':', 1)[0]}:{HIDDEN}@{host}"
    path, question, query = tail.partition("?")
    if question:
        query = "&".join(f"password={HIDDEN}" if part.split("=", 1)[0] == "password" else part
                         for part in query.split("&"))
    return f"{scheme}://{netloc}{path}{question}{query}"


def check_database(table: Any, source: str) -> None:
    """The [database] table as written, before the generic checks (whose message would quote a
    bad value): one of path and url, and a url libpq can use. Every message is one line and
    never holds the password."""
    if not isinstance(table, dict) or "url" not in table:
        return  # no table: the generic checks say so
    if not isinstance(table["url"], str):
        raise ConfigError(f"{source}: database.url must be a string (postgresql://user@host/dbname)")
    if "path" in table:
        raise ConfigError(f"{source}: [database] takes either path (SQLite) or url (PostgreSQL), "
                          "not both")
    problem = url_problem(table["url"])
    if problem:
        raise ConfigError(f"{source}: database.url {problem}")


def check_web_secret(database: DatabaseConfig, web_enabled: bool, secret_file: str,
                     source: str) -> None:
    """With a url, the page's secret cannot sit beside a database file, and every web instance
    on the database must sign with the same one: [web] secret_file must name it. A host_id is
    a name (it is shown and compared, never parsed)."""
    if database.host_id and not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,47}", database.host_id):
        raise ConfigError(f"{source}: database.host_id must be a name of letters, digits, '.', "
                          "'_' and '-' (at most 48)")
    if database.url and web_enabled and not secret_file:
        raise ConfigError(f"{source}: with database.url, web.secret_file must name the file of the "
                          "page's secret (every web instance on the database shares it)")


def url_problem(url: str) -> str | None:
    """What makes `url` unusable as a PostgreSQL url, or None; never quotes the url."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port  # ValueError for a port that is no number or out of range
    except ValueError:
        return "is not a valid url (postgresql://user@host:port/dbname)"
    if parts.scheme not in SCHEMES:
        shown = f"{parts.scheme}://" if parts.scheme else "no scheme"
        return f"must start with postgresql://, not {shown}"
    if not parts.path.strip("/"):
        return "must name the database (postgresql://user@host:port/dbname)"
    if port == 0:
        return "has port 0; leave the port out for 5432"
    return _libpq_problem(url)


def _libpq_problem(url: str) -> str | None:
    """What libpq's own parser refuses in `url`, said without its message: that quotes the part
    it cannot read, which may be the password ('invalid percent-encoded token: "s3cr%zz"')."""
    import psycopg
    from psycopg.conninfo import conninfo_to_dict

    try:
        conninfo_to_dict(url)
    except psycopg.Error:
        return ("cannot be read by libpq: write a space as %20, a % as %25, and any other "
                "character outside letters and digits percent-encoded")
    return None
