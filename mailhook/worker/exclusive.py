"""One supervisor of worker processes per database (on PostgreSQL: per host sharing it).

Whoever starts workers first takes back every claim a killed process of its host left
(store.claims), so two of them on one database (one host) would take each other's messages in
hand and read them twice. `serve`
(with its worker), `mailhook worker` and `mailhook process` hold this lock while their workers run;
`serve --no-worker` and `replay` (which claims only replayed mail, under its own lock) do not. On
an SQLite file a lock of the kernel's (flock): a process killed with -9 releases it with its last
descriptor. On a PostgreSQL url a session advisory lock per host (store.sessionlock), released
when its connection ends: hosts run their workers side by side, each taking back only its own
claims, and those of a host gone once their lease ran out.
"""

from __future__ import annotations

import _thread
import contextlib
import fcntl
import os
import socket
from collections.abc import Callable, Iterator
from pathlib import Path

from mailhook.database_url import redact
from mailhook.errors import MailhookError
from mailhook.store import sessionlock
from mailhook.store.postgres import is_url


class ProcessingTaken(MailhookError):
    """Another process already runs the workers of this database."""


class LockLost(MailhookError):
    """The connection holding a PostgreSQL workers lock ended while the workers ran."""


class LockUnusable(MailhookError):
    """The workers lock file cannot be opened (another user's file, a read-only folder)."""


# What a refused serve can do instead; `worker`, `process` and `migrate-db` can only wait.
_WHAT_TO_DO = {"mailhook serve": "stop it, or run this serve's listeners alone with "
                                 "`mailhook serve --no-worker`"}


def lock_path(database: Path | str) -> Path:
    """Beside the file itself: a symlink or a relative path to one database is one lock."""
    real = Path(os.path.realpath(database))
    return real.with_name(real.name + ".workers-lock")


def holder(database: Path | str, host: str | None = None) -> str | None:
    """Who runs the workers of `database` now ("mailhook serve (pid 123)"), or None. Read from
    the kernel's table of locks (/proc/locks), or PostgreSQL's (pg_locks: every host's, or
    `host`'s), so asking takes no lock a starting serve could find taken."""
    if is_url(database):
        objid = sessionlock.workers_key(host)[1] if host else None
        return ", ".join(sessionlock.holders(str(database), sessionlock.WORKERS_NAMESPACE, objid)
                         ) or None
    path = lock_path(database)
    try:
        found = os.stat(path)
        table = Path("/proc/locks").read_text()
    except OSError:
        return None
    key = f"{os.major(found.st_dev):02x}:{os.minor(found.st_dev):02x}:{found.st_ino}"
    if not any("FLOCK" in line.split() and key in line.split() for line in table.splitlines()):
        return None
    try:
        return path.read_text(encoding="utf-8", errors="replace").strip() or "a process"
    except OSError:
        return "a process"


@contextlib.contextmanager
def processing(database: Path | str, role: str,
               on_lost: Callable[[], object] = _thread.interrupt_main, *,
               host: str | None = None) -> Iterator[None]:
    """Hold the database's processing lock for the block; `role` ("mailhook serve", ...) is
    written into the file (on PostgreSQL: the lock's application_name), so a refused second one
    can say who holds it. On PostgreSQL the lock is `host`'s (default: the host name), and
    `on_lost` is called if its connection ends meanwhile (a server restart took the lock with
    it): the holder must stop its workers (by default: KeyboardInterrupt in the main thread)."""
    if is_url(database):
        with _session(str(database), role, on_lost, host or socket.gethostname()):
            yield
        return
    # Not inherited by the worker processes (Python's descriptors are close-on-exec): the lock
    # is released when this process ends, whatever its children do.
    fd = _open(lock_path(database))
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another process"
            raise _refused(holder, str(database), role) from exc
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{role} (pid {os.getpid()})\n".encode(), 0)
        yield
    finally:
        os.close(fd)


def _refused(holder: str, database: str, role: str) -> ProcessingTaken:
    return ProcessingTaken(f"{holder} already runs the workers of {database}; one process may: "
                           f"{_WHAT_TO_DO.get(role, 'stop it first')}")


@contextlib.contextmanager
def _session(url: str, role: str, on_lost: Callable[[], object], host: str) -> Iterator[None]:
    key = sessionlock.workers_key(host)
    lock = sessionlock.SessionLock(url, key, sessionlock.label(role, host))
    try:
        if not lock.take():
            found = ", ".join(sessionlock.holders(url, *key)) or "another process"
            raise _refused(found, f"{redact(url)} on host {host}", role)
        lock.watch(on_lost)
        try:
            yield
        except KeyboardInterrupt:  # the default on_lost's interrupt: the lost lock, said so
            if not lock.lost:
                raise
        if lock.lost:  # a failure, so that a service manager starts it again
            raise LockLost(f"the connection holding the workers lock of {redact(url)} ended (a "
                           "server restart?); stopped, so that no two processes run its workers")
    finally:
        lock.close()


def _open(path: Path) -> int:
    try:
        # A first start on a fresh data folder: the store would make it, so it may not exist yet.
        path.parent.mkdir(parents=True, exist_ok=True)
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise LockUnusable(f"cannot open the workers lock {path}: {exc.strerror or exc}") from exc
