"""A worker loads the pipeline before its first claim: a message claimed first would be held,
with its contact's later mail (on every host), while the pipeline's data loads."""

from __future__ import annotations

import threading
from pathlib import Path

from mails import USER, deliver, reply, worker_config

from mailhook.pipeline.candidate import Block, Candidate
from mailhook.store import Store
from mailhook.worker.processing import Worker


def status_at_first_read(path: Path, done: threading.Event | None = None) -> tuple[list[str], object]:
    """A finder that notes the stored message's status when the pipeline first reads a
    signature (the warm-up's), and sets `done` then."""
    seen: list[str] = []

    def find(block: Block) -> list[Candidate]:
        if not seen:
            store = Store(path)
            try:
                seen.append(str(store.query("SELECT status FROM messages")[0]["status"]))
            finally:
                store.close()
            if done is not None:
                done.set()
        return []

    return seen, find


def test_the_service_worker_loads_the_pipeline_before_it_claims(tmp_path: Path) -> None:
    """Worker.run (each worker process of serve and `mailhook worker`): the first signature
    it reads is its warm-up's, while the waiting message is still pending, unclaimed."""
    config = worker_config(tmp_path)
    store = Store(config.database.path)
    store.add_user(USER, None, inbox_automation=True)
    deliver(store, reply())
    store.close()
    stop = threading.Event()
    seen, find = status_at_first_read(config.database.path, stop)  # then stop: enough seen
    Worker(config, finders=(find,)).run(stop, threading.Event())  # type: ignore[arg-type]
    assert seen == ["pending"]


def test_process_loads_the_pipeline_before_it_claims(tmp_path: Path) -> None:
    """Worker.drain (`mailhook process`) as well, and then processes the message."""
    config = worker_config(tmp_path)
    store = Store(config.database.path)
    store.add_user(USER, None, inbox_automation=True)
    deliver(store, reply())
    seen, find = status_at_first_read(config.database.path)
    try:
        assert Worker(config, finders=(find,)).drain(store) == 1  # type: ignore[arg-type]
    finally:
        store.close()
    assert seen == ["pending"]
