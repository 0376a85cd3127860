"""What a test needs to run on both engines (the fixtures behind it: tests/service/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

BOTH = ("sqlite", "postgresql")
# On a test (or a module's pytestmark): run it on an SQLite file and on a PostgreSQL database.
both_engines = pytest.mark.parametrize("engine", BOTH, indirect=True)


def database_toml(db_path: Path | str) -> str:
    """The `[database]` section naming the test's database, for a config file."""
    key = "path" if isinstance(db_path, Path) else "url"
    return f'[database]\n{key} = "{db_path}"\n'
