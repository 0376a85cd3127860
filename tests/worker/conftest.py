"""The worker's behaviour tests run on both engines: `target` is an SQLite file, then a
PostgreSQL database on the throw-away test cluster (tests/pg)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pg.cluster import Cluster, fresh_database, postgres_cluster

__all__ = ["postgres_cluster"]  # the cluster's fixture, for this folder too

ENGINES = ("sqlite", "postgresql")


@pytest.fixture(params=ENGINES)
def target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Path | str]:
    """Where a test's database lives: the SQLite file's path, or the PostgreSQL url."""
    if request.param == "sqlite":
        yield tmp_path / "mailhook.db"
        return
    cluster: Cluster = request.getfixturevalue("postgres_cluster")
    with fresh_database(cluster) as url:
        yield url
