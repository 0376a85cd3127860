"""The throw-away PostgreSQL cluster's fixtures for the tests in this folder."""

from pg.cluster import postgres_cluster, postgres_url

__all__ = ["postgres_cluster", "postgres_url"]
