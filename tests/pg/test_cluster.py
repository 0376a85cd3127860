"""The throw-away cluster the PostgreSQL tests run on: private, loopback only, gone after."""

from __future__ import annotations

import socket
import tempfile
from pathlib import Path

import psycopg
import pytest

from pg.cluster import Cluster, fresh_database, start_cluster


def test_cluster_lives_in_its_own_temporary_folder(postgres_cluster: Cluster) -> None:
    """The data folder and the socket are in a fresh folder under the temporary directory,
    never a system cluster's /var/lib/postgresql or /var/run/postgresql."""
    root = postgres_cluster.root
    assert root.parent == Path(tempfile.gettempdir()) and root.name.startswith("mailhook-pg-")
    with psycopg.connect(postgres_cluster.url()) as conn:
        data = conn.execute("SHOW data_directory").fetchone()
        sockets = conn.execute("SHOW unix_socket_directories").fetchone()
        listen = conn.execute("SHOW listen_addresses").fetchone()
    assert data and Path(data[0]) == postgres_cluster.data
    assert sockets and Path(sockets[0]) == root
    assert listen == ("127.0.0.1",)


def test_loopback_connections_need_the_password(postgres_cluster: Cluster) -> None:
    """The server asks for a password over TCP (scram), so the tests of where a password comes
    from can fail."""
    with pytest.raises(psycopg.OperationalError, match="password"):
        psycopg.connect(postgres_cluster.url(password=False), connect_timeout=10,
                        passfile="/nonexistent")


def test_each_database_starts_empty_and_is_dropped_after(postgres_cluster: Cluster) -> None:
    """A table made in one fresh database is not in the next, and the first is gone after."""
    with fresh_database(postgres_cluster) as first:
        with psycopg.connect(first) as conn:
            conn.execute("CREATE TABLE left_behind (x int)")
        name = first.rsplit("/", 1)[1]
    with fresh_database(postgres_cluster) as second, psycopg.connect(second) as conn:
        row = conn.execute("SELECT count(*) FROM pg_tables WHERE tablename = 'left_behind'").fetchone()
        assert row == (0,)
        gone = conn.execute("SELECT count(*) FROM pg_database WHERE datname = %s", (name,)).fetchone()
        assert gone == (0,)


def test_stopping_a_cluster_removes_it_and_closes_its_port() -> None:
    """stop() leaves nothing: the folder is removed and nothing listens on the port."""
    cluster = start_cluster()
    root, port = cluster.root, cluster.port
    assert (root / "data" / "PG_VERSION").exists()
    cluster.stop()
    assert not root.exists()
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=5):
        pass
