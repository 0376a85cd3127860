"""The intake records a forward's original sender among its parties (store.claims.recorded_parties,
read in the intake's writer process by worker.forwards), so that mail to the forwarding address
is claimed by whom it concerns, on both engines; and the worker reads such mail side by side."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from mails import worker_config

from mailhook.service.intake import Intake
from mailhook.store import Received, Store
from mailhook.worker.processing import Worker
from pg.cluster import Cluster, fresh_database
from pg.forwards import FORWARDING, FORWARDS, outbound, reply

ANN, CY = "ann@us.example", "cy@us.example"
CARL, DEE = "carl@firm.example", "dee@shop.example"


@pytest.fixture(params=("sqlite", "postgresql"))
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An SQLite file or a database of the test cluster, with two users."""
    if request.param == "sqlite":
        made = str(tmp_path / "mailhook.db")
        _with_users(made)
        yield made
        return
    cluster: Cluster = request.getfixturevalue("postgres_cluster")
    with fresh_database(cluster) as url:
        _with_users(url)
        yield url


def _with_users(target: str) -> None:
    store = Store(target)
    try:
        for user in (ANN, CY):
            store.add_user(user, None, inbox_automation=True)
    finally:
        store.close()


def through_the_intake(target: str, items: list[Received]) -> None:
    """Each copy stored as a listener stores it: one DATA at a time, through the writer process."""
    intake = Intake(target)

    async def deliver() -> None:
        for item in items:
            assert await intake.store([item]) == [True]

    try:
        asyncio.run(deliver())
    finally:
        intake.close()


def forwarding(raw: bytes, user: str) -> Received:
    return Received(raw, None, FORWARDING, "smtp", user, (FORWARDING,), "127.0.0.1:9")


def inbox(raw: bytes) -> Received:
    return Received(raw, None, ANN, "lmtp", CARL, (ANN,), "127.0.0.1:9")


@pytest.mark.parametrize("style", sorted(FORWARDS))
def test_the_intake_orders_a_forward_with_its_contacts_mail_only(database: str, style: str) -> None:
    """Carl's reply, Ann's forward of Carl's message, Cy's outbound mail to Dee, Carl's later
    reply, each through the intake: Carl's reply and Cy's mail are claimed together; the forward
    after Carl's reply, Carl's later reply after the forward."""
    through_the_intake(database, [inbox(reply(CARL, ANN, 1)),
                                  forwarding(FORWARDS[style](ANN, CARL, 2), ANN),
                                  forwarding(outbound(CY, DEE, 3), CY), inbox(reply(CARL, ANN, 4))])
    store = Store(database)
    try:
        earlier, fwd, other, later = (r[0] for r in store.conn.execute(
            "SELECT id FROM messages ORDER BY id").fetchall())
        assert [q.id for q in store.claim(8)] == [earlier, other]
        assert store.claim(8) == []
        store.requeue_interrupted()  # back to pending, charged nothing: the order again
        assert [q.id for q in store.claim(8)] == [earlier, other]
        assert {r[0] for r in store.conn.execute(
            "SELECT address FROM message_parties WHERE message_rowid = ?", (fwd,))} == {ANN, CARL}
    finally:
        store.close()


def test_the_worker_reads_two_users_logged_outbound_mail_in_one_group(
        database: str, tmp_path: Path) -> None:
    """Ann's mail to Carl and Cy's to Dee, BCC'd to the forwarding address through the intake,
    are claimed as one group and each logged on its own recipient, created."""
    through_the_intake(database, [forwarding(outbound(ANN, CARL, 1), ANN),
                                  forwarding(outbound(CY, DEE, 2), CY)])
    config = worker_config(tmp_path)
    worker = Worker(config)
    store = Store(database)
    try:
        group = store.claim(8)
        assert len(group) == 2
        assert worker.process_many(store, group) == ["processed", "processed"]
        logged = {(r[0], r[1]) for r in store.conn.execute(
            "SELECT user_email, contact FROM message_log")}
        assert logged == {(ANN, CARL), (CY, DEE)}
        assert sorted(c["email"] for c in store.contacts()) == [CARL, DEE]
    finally:
        worker.close()
        store.close()
