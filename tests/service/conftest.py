"""The end-to-end tests that keep a promise of the database run on both engines.

A test marked `@both_engines` (or a module with `pytestmark = both_engines`) runs on an SQLite
file and on a PostgreSQL database of the throw-away test cluster (tests/pg): its `db_path`, and
through it `config_factory`, `config`, `users` and the running listeners and service, is the
file or the database's url. Every other test keeps its SQLite file.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pg.cluster import Cluster, fresh_database, postgres_cluster

from mailhook.config import Config, DatabaseConfig

__all__ = ["postgres_cluster"]  # the cluster's fixture, for this folder too

@pytest.fixture
def engine(request: pytest.FixtureRequest) -> str:
    """The engine a test runs on: SQLite unless it is marked `both_engines`."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
def db_path(engine: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Path | str]:
    """Where the test's database lives: the SQLite file, or a fresh PostgreSQL database's url."""
    if engine == "sqlite":
        yield tmp_path / "mailhook.db"
        return
    cluster: Cluster = request.getfixturevalue("postgres_cluster")
    with fresh_database(cluster) as url:
        yield url


@pytest.fixture
def config_factory(config_factory: Callable[..., Config], db_path: Path | str) -> Callable[..., Config]:
    """tests/conftest.py's factory, its database the url where the test runs on PostgreSQL."""
    if isinstance(db_path, Path):
        return config_factory

    def make(**sections: Any) -> Config:
        config = config_factory(**sections)
        if "database" in sections:
            return config
        return dataclasses.replace(config, database=DatabaseConfig(url=db_path))

    return make
