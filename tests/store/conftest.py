"""The store's tests run on both engines: `store` is an SQLite file, then a PostgreSQL database.

`sqlite_store` is for what only SQLite has (its pragmas, the file sqlite-utils opens). A
PostgreSQL database is copied from a template the migrations already ran on, once a session.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from pg.cluster import Cluster, fresh_database, postgres_cluster, postgres_url

from mailhook.store import Store

__all__ = ["postgres_cluster", "postgres_url"]  # the cluster's fixtures, for this folder too

ENGINES = ("sqlite", "postgresql")
TEMPLATE = "mailhook_migrated"


@pytest.fixture(scope="session")
def postgres_template(postgres_cluster: Cluster) -> str:
    """A database with every migration applied, closed again so it can be copied."""
    Store(postgres_cluster.create_database(TEMPLATE)).close()
    return TEMPLATE


@pytest.fixture
def postgres_store_url(postgres_cluster: Cluster, postgres_template: str) -> Iterator[str]:
    with fresh_database(postgres_cluster, postgres_template) as url:
        yield url


@pytest.fixture(params=ENGINES)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a test's store lives: the SQLite file's path or the PostgreSQL url."""
    if request.param == "sqlite":
        return str(tmp_path / "mailhook.db")
    return str(request.getfixturevalue("postgres_store_url"))


@pytest.fixture
def store(database: str) -> Iterator[Store]:
    opened = Store(database)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    opened = Store(tmp_path / "mailhook.db")
    try:
        yield opened
    finally:
        opened.close()


PersonSql = Callable[..., None]


@pytest.fixture
def person_sql(database: str) -> PersonSql:
    """Run SQL as a person does, on a connection of their own (as `sqlite-utils query` or
    psql would): committed, and outside any mailhook transaction."""

    def run(sql: str, *params: Any) -> None:
        if database.startswith("postgresql://"):
            with psycopg.connect(database, autocommit=True) as conn:
                conn.execute(sql.replace("?", "%s"), params)
            return
        import sqlite3

        lite = sqlite3.connect(database)
        try:
            lite.execute(sql, params)
            lite.commit()
        finally:
            lite.close()

    return run
