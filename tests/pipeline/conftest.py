"""What several pipeline test modules share."""

from __future__ import annotations

import pytest

from mailhook.pipeline import Finder, load_finders


@pytest.fixture(scope="module", params=["off", "packaged"])
def finders(request: pytest.FixtureRequest) -> tuple[Finder, ...]:
    """The rules alone, and with the shipped tagger (a module's own `finders` takes precedence)."""
    return load_finders(request.param)
