"""The message time budget with a worker's long-lived watchdog thread."""

from __future__ import annotations

import time

import pytest

from mailhook.worker.budget import Budget, MessageTooSlow, Watchdog


def _spin(cpu_seconds: float) -> None:
    limit = time.thread_time() + cpu_seconds
    while time.thread_time() < limit:
        pass


def test_one_watchdog_guards_block_after_block() -> None:
    """A block over its budget raises; the next block on the same watchdog is not hit by it,
    and a later overrun is caught again: the thread is reused, not spent."""
    watchdog = Watchdog()
    try:
        with pytest.raises(MessageTooSlow, match="exceeded 0.05 s budget"), Budget(0.05, watchdog):
            _spin(5)
        with Budget(5, watchdog) as quick:
            _spin(0.01)
        assert not quick.expired and 0.01 <= quick.used < 5
        with pytest.raises(MessageTooSlow), Budget(0.05, watchdog):
            _spin(5)
    finally:
        watchdog.close()


def test_the_rest_of_a_budget_is_reported_as_the_whole() -> None:
    """A block given what is left of a message's budget names the message's budget."""
    with pytest.raises(MessageTooSlow, match="exceeded 5 s budget"), Budget(0.02, of=5):
        _spin(5)


def test_a_watchdog_guards_one_block_at_a_time() -> None:
    watchdog = Watchdog()
    try:
        with Budget(5, watchdog), pytest.raises(RuntimeError, match="one block at a time"), \
                Budget(5, watchdog):
            pass
    finally:
        watchdog.close()


def test_a_closed_watchdog_starts_again_on_its_next_block() -> None:
    watchdog = Watchdog()
    watchdog.close()
    with pytest.raises(MessageTooSlow), Budget(0.05, watchdog):
        _spin(5)
    watchdog.close()
