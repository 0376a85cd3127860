"""Stores on connections lent by a psycopg_pool.ConnectionPool: for a process serving many
requests at once on PostgreSQL (the page), where one connection would serve them in turn.

Where one connection per process is right, there is no pool: a worker process reads one message
at a time on its own connection (and renews its leases, and listens for the burst signal, on one
each: their waits must not queue behind each other); the listeners' directory reads are indexed
and run on the event loop; the intake has one writer, whose group commits are its whole point;
the metrics' scrapes are seconds apart; doctor, the CLI and a dead child's charge open one for
one short job. A pool there would only hold idle connections on the server.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from mailhook.store import Store, postgres

if TYPE_CHECKING:
    import psycopg
    from psycopg_pool import ConnectionPool

# How long a request waits for a connection (all lent, or the server unreachable) before it
# fails as an unreachable server does (psycopg_pool.PoolTimeout is a psycopg.OperationalError).
WAIT_SECONDS = 3.0


class StorePool:
    """Up to `size` connections to the database of `url`, opened as needed and kept; each
    `store()` lends one for the length of one request's work."""

    def __init__(self, url: str, size: int, *, busy_timeout_ms: int = 10_000,
                 host: str | None = None) -> None:
        from psycopg_pool import ConnectionPool

        # Migrated, and unusable said in one line (Store's own error), before any request comes.
        Store(url, busy_timeout_ms=busy_timeout_ms, host=host).close()
        self._url, self._host = url, host

        def configure(conn: psycopg.Connection[Any]) -> None:
            postgres.configure(conn, busy_timeout_ms)

        # min_size 1: the first request finds one ready; the others are opened when requests
        # overlap, and closed again after max_idle. Each is checked (one empty statement) before
        # it is lent: after a server restart every kept connection is dead, and without the
        # check each would fail one request; with it they are replaced unseen.
        self._pool: ConnectionPool[Any] = ConnectionPool(
            url, min_size=1, max_size=size, kwargs={"autocommit": True}, configure=configure,
            check=ConnectionPool.check_connection, timeout=WAIT_SECONDS, name="mailhook",
            open=True)

    @contextmanager
    def store(self) -> Iterator[Store]:
        """A Store on a lent connection, given back (rolled back if left in a transaction)
        at the end of the block."""
        with self._pool.connection() as conn:
            yield Store.lent(conn, self._url, host=self._host)

    def stats(self) -> dict[str, int]:
        """psycopg_pool's counters (connections opened, requests waiting ...)."""
        return dict(self._pool.get_stats())

    def close(self) -> None:
        self._pool.close()
