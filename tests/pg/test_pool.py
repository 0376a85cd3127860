"""The page's database work on PostgreSQL runs on connections lent by a pool (store.pool):
overlapping requests run at once, each on its own connection, and a server that ended them
costs no request."""

from __future__ import annotations

import asyncio
import threading

import psycopg
import pytest
from mails import USER

from mailhook.config import WebConfig
from mailhook.errors import DatabaseUnusable
from mailhook.store import Store
from mailhook.store.pool import StorePool
from mailhook.web.app import POOL_SIZE, Web


def backend_pid(store: Store) -> int:
    return int(store.conn.execute("SELECT pg_backend_pid()").fetchone()[0])


def test_overlapping_requests_run_at_once_on_connections_of_their_own(url: str) -> None:
    """POOL_SIZE requests of the page that each wait for all the others (a barrier) all get
    through, each on a connection of its own: one connection would serve them in turn, and the
    first would wait for the others for ever (the barrier breaks)."""
    web = Web(url, WebConfig(), None, "s" * 32)  # type: ignore[arg-type]  # no sign-in here
    together = threading.Barrier(POOL_SIZE, timeout=30)

    def work(store: Store) -> int:
        together.wait()
        assert store.is_user(USER)
        return backend_pid(store)

    async def requests() -> list[int]:
        return list(await asyncio.gather(*(web.db(work) for _ in range(POOL_SIZE))))

    try:
        pids = asyncio.run(requests())
    finally:
        web.close()
    assert len(set(pids)) == POOL_SIZE


def test_a_connection_the_server_ended_is_replaced_before_it_is_lent(url: str) -> None:
    """After the server ended every connection the pool keeps (a restart, a failover), the next
    request gets a new one and succeeds; a store's own writes work on a lent connection."""
    pool = StorePool(url, 2)
    try:
        with pool.store() as store:
            ended = backend_pid(store)
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (ended,))
        with pool.store() as store:
            assert backend_pid(store) != ended
            store.add_contact("bob@acme.example", {"phone": "+49301234567"}, "import")
        with pool.store() as store:
            assert store.contact("bob@acme.example")["properties"]["phone"]["value"] == "+49301234567"
    finally:
        pool.close()


def test_an_unreachable_server_fails_the_pools_start_in_one_line() -> None:
    """A url nobody answers fails the pool's start with the Store's one-line error, the
    password hidden."""
    with pytest.raises(DatabaseUnusable, match=r"cannot connect to postgresql://nobody:\*\*\*@"):
        StorePool("postgresql://nobody:secret@127.0.0.1:1/none", 2)
