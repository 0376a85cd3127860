"""Review of issue 17 on the worker, on the test cluster: a busy worker and PostgreSQL's NOTIFY."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from mails import USER, deliver, reply, worker_config
from pg.cluster import Cluster, fresh_database

from mailhook.config import Config, DatabaseConfig
from mailhook.store import Store
from mailhook.worker.processing import TAKEN_BACK, Worker

COMMITS = 40


@pytest.fixture
def config(tmp_path: Path, postgres_cluster: Cluster) -> Iterator[Config]:
    with fresh_database(postgres_cluster) as url:
        yield dataclasses.replace(worker_config(tmp_path), database=DatabaseConfig(url=url))


def test_a_busy_worker_keeps_no_notification_of_mail_it_already_claimed(config: Config) -> None:
    """Each commit of new mail sends every listening worker a NOTIFY; one that arrives while the
    worker claims and reads is kept by psycopg until the worker next waits. A worker that never
    runs out of mail (a backlog of hours) never waits, so it kept one per commit without end.
    Those that came before a claim are settled by it: after reading everything stored, the
    worker holds none, so a wait is not woken by mail it already took."""
    store = Store(config.database.target)
    intake = Store(config.database.target)
    try:
        store.add_user(USER, None, inbox_automation=True)
        store.listen_for_mail()
        for number in range(COMMITS):  # one commit, one NOTIFY each
            deliver(intake, reply(f"<r{number}@acme.example>"))
        worker = Worker(config)
        while worker.run_once(store):  # group after group, never idle
            pass
        assert store.counts()["processed"] == COMMITS
        assert store.wait_for_mail(0) is False
    finally:
        intake.close()
        store.close()


def test_a_finish_that_applied_nothing_is_not_reported_processed(config: Config) -> None:
    """A host whose lease ran out while it read (another host claimed the message again)
    applies nothing when it finishes; its worker must not log or count the message processed,
    or one message reads as processed twice in the logs and the metrics."""
    there = Store(config.database.target, host="there")
    here = Store(config.database.target, host="here")
    try:
        there.add_user(USER, None, inbox_automation=True)
        deliver(there, reply())
        (item,) = there.claim(1)
        here.conn.execute("UPDATE messages SET lease_until = '2000-01-01T00:00:00.000Z'")
        assert [again.id for again in here.claim(1)] == [item.id]
        assert Worker(config).process(there, item) == TAKEN_BACK
    finally:
        here.close()
        there.close()
