"""A throw-away PostgreSQL cluster for the tests: its own data folder, a loopback port, gone after.

Never a system cluster: initdb writes into a fresh temporary folder, the server listens on
127.0.0.1 at a free port and puts its socket in that folder, and `stop` removes all of it.
initdb refuses to run as root, so a root test run (CI may be one) runs the server as the
`postgres` user (or `nobody`) through runuser.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import pytest

SUPERUSER = "mailhook"
# Loopback connections need this password (scram); the socket in the data folder needs none.
PASSWORD = "pg-test-secret-7f3a"
START_TRIES = 3  # another process may take the free port between the probe and the server


class ClusterUnavailable(RuntimeError):
    """PostgreSQL is not installed here, or its server would not start."""


def find_bindir() -> Path | None:
    """The folder of initdb and pg_ctl: on PATH, else Debian's newest /usr/lib/postgresql/N/bin."""
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).parent
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    return Path(found[-1]).parent if found else None


def server_user() -> str | None:
    """Whom the server runs as: None for the current user, a dedicated one where we are root."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return name
    raise ClusterUnavailable("running as root and neither a postgres nor a nobody user exists")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Cluster:
    """One initdb'd data folder and its running server."""

    bindir: Path
    root: Path
    user: str | None
    port: int = 0

    @property
    def data(self) -> Path:
        return self.root / "data"

    def url(self, dbname: str = "postgres", *, password: bool = True) -> str:
        secret = f":{PASSWORD}" if password else ""
        return f"postgresql://{SUPERUSER}{secret}@127.0.0.1:{self.port}/{dbname}"

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self.user is not None:
            command = ["runuser", "-u", self.user, "--", *command]
        return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)

    def init(self) -> None:
        if self.user is not None:
            entry = pwd.getpwnam(self.user)
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
        secret = self.root / "pwfile"
        secret.write_text(PASSWORD + "\n")
        if self.user is not None:
            os.chown(secret, pwd.getpwnam(self.user).pw_uid, -1)
        # C collation: text sorts bytewise, as SQLite's BINARY collation sorts it.
        done = self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, f"--pwfile={secret}",
                         "--auth-local=trust", "--auth-host=scram-sha-256", "--encoding=UTF8",
                         "--locale=C", "--no-sync")
        if done.returncode != 0:
            raise ClusterUnavailable(f"initdb failed: {done.stderr.strip() or done.stdout.strip()}")

    # fsync off: a throw-away cluster needs no durability, and the tests run faster.
    SETTINGS = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"

    def start(self) -> None:
        log = self.root / "server.log"
        for _ in range(START_TRIES):
            self.port = free_port()
            options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 {self.SETTINGS}"
            done = self._run("pg_ctl", "-D", str(self.data), "-l", str(log), "-w", "-t", "60",
                             "-o", options, "start")
            if done.returncode == 0:
                return
        tail = log.read_text(errors="replace")[-2000:] if log.exists() else done.stderr
        raise ClusterUnavailable(f"the PostgreSQL server did not start: {tail.strip()}")

    def stop(self) -> None:
        if self.data.exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)

    def create_database(self, name: str, template: str = "template0") -> str:
        """A new database copied from `template` (which must have no open connection)."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return self.url(name)

    def drop_database(self, name: str) -> None:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def start_cluster(kind: type[Cluster] = Cluster) -> Cluster:
    """initdb and start a cluster in a fresh temporary folder (removed again if it fails)."""
    bindir = find_bindir()
    if bindir is None:
        raise ClusterUnavailable("PostgreSQL is not installed (scripts/setup-postgres installs it)")
    # Our own folder under /tmp: pytest's tmp folders are private to the user running the tests,
    # which the server's user (postgres, where we are root) could not enter.
    cluster = kind(bindir, Path(tempfile.mkdtemp(prefix="mailhook-pg-")), server_user())
    try:
        cluster.init()
        cluster.start()
    except BaseException:
        cluster.stop()
        raise
    return cluster


def unavailable(reason: str) -> NoReturn:
    """Fail in CI, where setup-postgres must have installed it; skip, saying why, elsewhere."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"PostgreSQL tests cannot run: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL tests cannot run: {reason}")


# One cluster however many conftest files register the fixture (each registration is its own
# session fixture to pytest): the first starts it, the last to finish stops it.
_shared: list[Cluster] = []
_users: list[int] = [0]


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[Cluster]:
    """The session's throw-away cluster, started on first use and removed at the end (pytest
    keeps a failure to start for the session: it is tried once per registration)."""
    if not _shared:
        try:
            _shared.append(start_cluster())
        except ClusterUnavailable as exc:
            unavailable(str(exc))
    _users[0] += 1
    try:
        yield _shared[0]
    finally:
        _users[0] -= 1
        if _users[0] == 0:
            _shared.pop().stop()


_names = itertools.count(1)


@contextmanager
def fresh_database(cluster: Cluster, template: str = "template0") -> Iterator[str]:
    """A database of its own copied from `template`, dropped after; yields its url."""
    name = f"test_{os.getpid()}_{next(_names)}"
    url = cluster.create_database(name, template)
    try:
        yield url
    finally:
        cluster.drop_database(name)


@pytest.fixture
def postgres_url(postgres_cluster: Cluster) -> Iterator[str]:
    """An empty database for one test (password in the url)."""
    with fresh_database(postgres_cluster) as url:
        yield url
