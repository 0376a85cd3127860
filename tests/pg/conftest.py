"""The throw-away PostgreSQL cluster's fixtures for the tests in this folder."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from mails import USER

from mailhook.store import Store
from pg.cluster import Cluster, fresh_database, postgres_cluster, postgres_url
from pg.commands import Command

__all__ = ["postgres_cluster", "postgres_url"]


@pytest.fixture
def url(postgres_cluster: Cluster) -> Iterator[str]:
    """A database of its own with the user, inbox automation on; the url carries the test
    cluster's password. Modules that need another set-up define their own `url`."""
    with fresh_database(postgres_cluster) as made:
        store = Store(made)
        try:
            store.add_user(USER, None, inbox_automation=True)
        finally:
            store.close()
        yield made


@pytest.fixture
def commands() -> Iterator[list[Command]]:
    """The commands a test starts, each stopped (SIGTERM) at its end."""
    started: list[Command] = []
    yield started
    for command in started:
        command.stop()
