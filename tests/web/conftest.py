"""What the web tests share: a database seeded as the hook would have it (tests/web/seed.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .seed import seed


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "mailhook.db"
    seed(path)
    return path
