"""The durable intake: group commits in a writer process, answers only after COMMIT."""

from __future__ import annotations

import asyncio
import dataclasses
import os
import signal
import smtplib
import sqlite3
import threading
from collections.abc import Callable, Iterator
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

import pytest
from conftest import Running

from mailhook.errors import DatabaseUnusable, IntakeClosed, IntakeUnavailable
from mailhook.service.intake import Intake
from mailhook.store import Received, Store, User
from service.engines import both_engines


def received(n: int, *, recipient: str = "ann@example.com", message_id: bool = True) -> Received:
    msg = EmailMessage()
    msg["From"] = "carol@client.example"
    msg["To"] = recipient
    msg["Subject"] = f"Message {n}"
    if message_id:
        msg["Message-ID"] = f"<{n}@client.example>"
    msg.set_content(f"Body {n}\n")
    return Received(
        raw=msg.as_bytes(policy=SMTP),
        message_id=f"<{n}@client.example>" if message_id else None,
        recipient=recipient,
        listener="lmtp",
        mail_from="carol@client.example",
        recipients=(recipient,),
        peer="127.0.0.1:9",
    )


def stored_keys(db_path: Path) -> list[tuple[str, str]]:
    """What a fresh connection (another process, say) finds committed in the file."""
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT dedupe_key, recipient FROM messages ORDER BY id").fetchall()


@pytest.fixture
def intake(db_path: Path) -> Iterator[Intake]:
    intake = Intake(db_path)
    yield intake
    intake.close()


@pytest.fixture
def lock_holder(db_path: Path) -> Iterator[sqlite3.Connection]:
    """A second connection that takes the write lock when told to, and gives it up at the end."""
    conn = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    yield conn
    if conn.in_transaction:
        conn.execute("ROLLBACK")
    conn.close()


def test_store_answers_true_for_new_and_false_for_already_stored(intake: Intake) -> None:
    """Each item gets True when it is new and False when the same key and recipient exist."""

    async def scenario() -> tuple[list[bool], list[bool]]:
        first = await intake.store([received(1), received(2)])
        again = await intake.store([received(1), received(1, recipient="bob@example.com")])
        return first, again

    assert asyncio.run(scenario()) == ([True, True], [False, True])


def test_store_resolves_only_after_the_commit_is_in_the_file(intake: Intake, db_path: Path) -> None:
    """When store() returns, a fresh connection already sees the rows."""

    async def scenario() -> list[tuple[str, str]]:
        await intake.store([received(1), received(2, message_id=False)])
        return stored_keys(db_path)

    keys = asyncio.run(scenario())
    assert keys[0] == (received(1).dedupe_key, "ann@example.com")
    assert keys[1][0].startswith("sha256:")


def test_store_of_nothing_answers_at_once(intake: Intake) -> None:
    """An empty list needs no transaction."""
    assert asyncio.run(intake.store([])) == []


def test_group_commit_takes_everything_queued_into_one_transaction(
    db_path: Path, lock_holder: sqlite3.Connection
) -> None:
    """Jobs queued while the writer waits are committed together: far fewer commits than jobs."""
    commits: list[str] = []
    intake = Intake(db_path, on_stored=lambda _new: commits.append(threading.current_thread().name))

    async def scenario() -> list[list[bool]]:
        lock_holder.execute("BEGIN IMMEDIATE")
        tasks = [asyncio.create_task(intake.store([received(n)])) for n in range(40)]
        await asyncio.sleep(0)  # every task runs up to its await: all 40 jobs are queued
        lock_holder.execute("ROLLBACK")
        return await asyncio.gather(*tasks)

    try:
        results = asyncio.run(scenario())
    finally:
        intake.close()
    assert results == [[True]] * 40
    assert len(stored_keys(db_path)) == 40
    assert 1 <= len(commits) <= 2
    assert set(commits) == {"mailhook-intake"}  # on_stored and the writes run off the loop thread


def test_on_stored_is_told_how_many_copies_were_new(db_path: Path) -> None:
    """The workers' priority counts stored mail (worker.priority): a retry is not new mail."""
    counts: list[int] = []
    intake = Intake(db_path, on_stored=counts.append)

    async def scenario() -> list[list[bool]]:
        first = await intake.store([received(1), received(2)])
        return [first, await intake.store([received(2), received(3)])]

    try:
        assert asyncio.run(scenario()) == [[True, True], [False, True]]
    finally:
        intake.close()
    assert counts == [2, 1]


def test_group_commit_is_bounded_in_size(db_path: Path, lock_holder: sqlite3.Connection) -> None:
    """A backlog is committed in batches of at most max_batch_items, so no reply waits on a
    transaction of unbounded size."""
    commits: list[int] = []
    intake = Intake(db_path, max_batch_items=5, on_stored=lambda _new: commits.append(1))

    async def scenario() -> list[list[bool]]:
        lock_holder.execute("BEGIN IMMEDIATE")
        tasks = [asyncio.create_task(intake.store([received(n)])) for n in range(12)]
        await asyncio.sleep(0)
        lock_holder.execute("ROLLBACK")
        return await asyncio.gather(*tasks)

    try:
        assert asyncio.run(scenario()) == [[True]] * 12
    finally:
        intake.close()
    assert len(commits) >= 3


def test_store_raises_when_the_database_stays_locked(
    db_path: Path, lock_holder: sqlite3.Connection
) -> None:
    """A lock held past the busy timeout fails the callers (the server answers 451) and stores
    nothing; once the lock is gone the same items store normally."""
    intake = Intake(db_path, busy_timeout_ms=50)

    async def scenario() -> list[bool]:
        lock_holder.execute("BEGIN IMMEDIATE")
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            await intake.store([received(1), received(2)])
        lock_holder.execute("ROLLBACK")
        assert stored_keys(db_path) == []
        return await intake.store([received(1), received(2)])

    try:
        assert asyncio.run(scenario()) == [True, True]
    finally:
        intake.close()


def test_one_bad_item_fails_only_its_own_caller(
    db_path: Path, lock_holder: sqlite3.Connection
) -> None:
    """An item the database refuses, batched with others, does not take their messages down."""
    intake = Intake(db_path)
    bad = dataclasses.replace(received(2), recipient="\ud800@example.com")  # SQLite cannot encode

    async def scenario() -> list[list[bool] | BaseException]:
        lock_holder.execute("BEGIN IMMEDIATE")  # hold the writer so all three share a batch
        items = (received(1), bad, received(3))
        tasks = [asyncio.create_task(intake.store([item])) for item in items]
        await asyncio.sleep(0)
        lock_holder.execute("ROLLBACK")
        return await asyncio.gather(*tasks, return_exceptions=True)

    try:
        first, failed, third = asyncio.run(scenario())
    finally:
        intake.close()
    assert (first, third) == ([True], [True])
    assert isinstance(failed, UnicodeEncodeError)
    assert [key for key, _ in stored_keys(db_path)] == [received(1).dedupe_key, received(3).dedupe_key]


def test_a_caller_that_gives_up_does_not_stop_the_writer(
    db_path: Path, lock_holder: sqlite3.Connection
) -> None:
    """A cancelled store() (client hung up) is still stored, and later callers are answered."""
    intake = Intake(db_path)

    async def scenario() -> list[bool]:
        lock_holder.execute("BEGIN IMMEDIATE")
        task = asyncio.create_task(intake.store([received(1)]))
        await asyncio.sleep(0)
        task.cancel()
        lock_holder.execute("ROLLBACK")
        return await intake.store([received(2)])

    try:
        assert asyncio.run(scenario()) == [True]
    finally:
        intake.close()
    assert len(stored_keys(db_path)) == 2


def test_close_stores_what_is_queued_then_refuses_more(
    db_path: Path, lock_holder: sqlite3.Connection
) -> None:
    """close() drains the queue before the thread stops; later store() raises IntakeClosed."""
    intake = Intake(db_path)

    async def scenario() -> list[list[bool]]:
        lock_holder.execute("BEGIN IMMEDIATE")
        tasks = [asyncio.create_task(intake.store([received(n)])) for n in range(5)]
        await asyncio.sleep(0)
        closing = asyncio.create_task(asyncio.to_thread(intake.close))
        lock_holder.execute("ROLLBACK")
        results = await asyncio.gather(*tasks)
        await closing
        with pytest.raises(IntakeClosed):
            await intake.store([received(9)])
        return results

    assert asyncio.run(scenario()) == [[True]] * 5
    assert len(stored_keys(db_path)) == 5
    intake.close()  # a second close is harmless


def test_on_stored_failure_does_not_stop_the_writer(db_path: Path) -> None:
    """A failing wake-up hook is logged; the messages are stored and the intake keeps working."""

    def broken(_new: int) -> None:
        raise RuntimeError("wake-up failed")

    intake = Intake(db_path, on_stored=broken)

    async def scenario() -> list[list[bool]]:
        return [await intake.store([received(1)]), await intake.store([received(2)])]

    try:
        assert asyncio.run(scenario()) == [[True], [True]]
    finally:
        intake.close()


# --- the same message or another one: real LMTP --------------------------------------------

ANN = "ann@example.com"


def lmtp_copy(body: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = "carol@client.example"
    msg["To"] = ANN
    msg["Subject"] = "Quote"
    msg["Message-ID"] = "<reused@client.example>"
    msg.set_content(body)
    return msg.as_bytes(policy=SMTP)


def deliver(running: Running, raw: bytes) -> None:
    """One LMTP delivery to ann; smtplib raises unless every recipient got a 250."""
    with smtplib.LMTP(*running.lmtp) as client:
        assert client.sendmail("carol@client.example", [ANN], raw) == {}


def stored_copies(db_path: Path | str) -> list[tuple[str, str]]:
    store = Store(db_path)
    try:
        rows = store.query("SELECT message_id, raw_sha256 FROM messages ORDER BY id")
    finally:
        store.close()
    return [(row["message_id"], row["raw_sha256"]) for row in rows]


@both_engines
def test_lmtp_stores_a_different_message_that_reuses_a_message_id(
    running_listeners: Callable[..., Running], users: Callable[..., list[User]], db_path: Path | str
) -> None:
    """Two messages with one Message-ID for one recipient but different bytes are two messages:
    each answered 250 and each stored in its own row, neither dropped as a retry."""
    users(ANN)
    running = running_listeners()
    first, second = lmtp_copy("Price is 100.\n"), lmtp_copy("Price is 999, call +1 555 0100.\n")
    deliver(running, first)
    deliver(running, second)
    copies = stored_copies(db_path)
    assert [message_id for message_id, _ in copies] == ["<reused@client.example>"] * 2
    assert len({sha for _, sha in copies}) == 2


@both_engines
def test_lmtp_stores_the_same_bytes_delivered_twice_once(
    running_listeners: Callable[..., Running], users: Callable[..., list[User]], db_path: Path | str
) -> None:
    """An MTA's retry re-sends the same bytes: answered 250 again and stored once."""
    users(ANN)
    running = running_listeners()
    raw = lmtp_copy("Price is 100.\n")
    deliver(running, raw)
    deliver(running, raw)
    assert len(stored_copies(db_path)) == 1


def test_a_killed_writer_defers_its_batch_and_a_new_one_takes_over(intake: Intake, db_path: Path) -> None:
    """The writer process killed between two batches: the next batch is refused as unavailable
    (its clients answer 451 and retry), and the retry goes to a new writer and is stored once."""
    writer = intake._writer
    assert writer is not None

    async def before() -> list[bool]:
        return await intake.store([received(1)])

    assert asyncio.run(before()) == [True]
    pid = writer.process.pid
    os.kill(pid or 0, signal.SIGKILL)
    writer.process.join()

    async def after() -> tuple[BaseException | list[bool], list[bool]]:
        try:
            first: BaseException | list[bool] = await intake.store([received(2)])
        except IntakeUnavailable as exc:
            first = exc
        return first, await intake.store([received(2)])

    refused, retried = asyncio.run(after())
    assert isinstance(refused, IntakeUnavailable)
    assert retried == [True]
    assert intake._writer is not None and intake._writer.process.pid != pid
    assert [key for key, _ in stored_keys(db_path)] == [received(1).dedupe_key, received(2).dedupe_key]


def test_a_database_that_cannot_be_opened_stops_the_intake_at_its_start(tmp_path: Path) -> None:
    """What opening the database raised in the writer process is raised by Intake() itself."""
    with pytest.raises(DatabaseUnusable):
        Intake(tmp_path)  # a directory
