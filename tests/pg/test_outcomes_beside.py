"""Outcomes beside each other on PostgreSQL (store.outcomes): two finishes commit without
waiting for one another, every other write still waits for an open finish, a person's edit
made with plain SQL during a finish is never overwritten, and two copies of one mail finishing
at once add its tasks once."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import psycopg
import pytest

from mailhook.rules.fill import Candidate
from mailhook.store import NewTask, Outcome, Received, Store, postgres
from pg.cluster import Cluster, fresh_database

USER = "ann@us.example"
ONE, TWO = "one@them.example", "two@them.example"
DEADLINE_SECONDS = 30.0


def mail(number: int, contact: str, *, message_id: str | None = None) -> Received:
    message_id = message_id or f"<{number}.{contact}>"
    raw = (f"From: {contact}\r\nTo: {USER}\r\nMessage-ID: {message_id}\r\n"
           f"X-Copy: {number}\r\n\r\nhi\r\n").encode()
    return Received(raw, message_id, USER, "lmtp", contact, (USER,), None)


def filling(contact: str, city: str, *, create: bool = True) -> Outcome:
    """A scanned reply's outcome filling the city; `create`: the contact is created if missing
    (an insert that would itself wait for a row another transaction changed)."""
    return Outcome("inbound", user_email=USER, contact_email=contact, logged_on=(contact,),
                   create=(contact,) if create else (), scanned=True,
                   candidates=(Candidate("city", city, city, {"line": city}),))


@pytest.fixture
def url(postgres_cluster: Cluster) -> Iterator[str]:
    with fresh_database(postgres_cluster) as made:
        setup = Store(made)
        setup.add_user(USER, None, inbox_automation=True)
        setup.close()
        yield made


@pytest.fixture
def stores(url: str) -> Iterator[Callable[..., Store]]:
    opened: list[Store] = []

    def open_store(**options: Any) -> Store:
        opened.append(Store(url, **options))
        return opened[-1]

    yield open_store
    for store in opened:
        store.close()


def waiting_on_a_lock(watcher: Store, pid: int) -> None:
    """Returns once backend `pid` waits for a lock (bounded: fails after the deadline)."""
    deadline = time.monotonic() + DEADLINE_SECONDS
    while time.monotonic() < deadline:
        rows = watcher.query("SELECT wait_event_type FROM pg_stat_activity WHERE pid = ?", [pid])
        if rows and rows[0]["wait_event_type"] == "Lock":
            return
        threading.Event().wait(0.01)
    raise AssertionError(f"backend {pid} never waited for a lock")


def test_two_outcomes_commit_beside_each_other_and_other_writes_wait(
        stores: Callable[..., Store]) -> None:
    """An outcome of contact one held open does not hold back the outcome of contact two (it
    used to wait for the one write lock, here past its 200 ms), while a failure, a person's
    edit and the intake still wait for it."""
    first, second = stores(), stores(busy_timeout_ms=200)
    first.insert_received([mail(1, ONE), mail(2, TWO)])
    assert [item.id for item in first.claim(2)] == [1, 2]
    with first._tx(postgres.FINISH_BEGIN) as c:
        assert first._apply(c, 1, filling(ONE, "Oslo")) is not None
        filled = second.finish(2, filling(TWO, "Bergen"))
        assert [candidate.value for candidate in filled or []] == ["Bergen"]
        for write in (lambda: second.set_property(TWO, "city", "Trondheim"),
                      lambda: second.fail(2, "late", 5),
                      lambda: second.insert_received([mail(3, TWO)])):
            with pytest.raises(psycopg.Error) as raised:
                write()
            assert postgres.is_locked(raised.value)
    assert [(row["email"], row["city"]) for row in first.query(
        "SELECT email, city FROM contacts ORDER BY email")] == [(ONE, "Oslo"), (TWO, "Bergen")]
    assert first.query("SELECT status, count(*) AS n FROM messages GROUP BY status") == [
        {"status": "processed", "n": 2}]


def test_a_plain_sql_edit_during_a_finish_is_kept(url: str, stores: Callable[..., Store]) -> None:
    """A person sets the contact's city with plain SQL (psql, a BI tool: no mailhook lock) and
    has not committed when the worker's finish would fill it: the finish waits for that row and
    then decides on the person's value and flag, so it fills nothing. It used to read the
    contact before the edit committed and overwrite the person's city with the AI's."""
    worker, watcher = stores(), stores()
    worker.insert_received([mail(1, ONE)])
    assert worker.finish(worker.claim(1)[0].id, Outcome(
        "inbound", user_email=USER, contact_email=ONE, logged_on=(ONE,), create=(ONE,))) == []
    worker.insert_received([mail(2, ONE)])
    (item,) = worker.claim(1)
    result: list[Any] = []
    with psycopg.connect(url) as person:
        person.execute("UPDATE contacts SET city = 'Bergen' WHERE email = %s", (ONE,))
        finishing = threading.Thread(
            target=lambda: result.append(worker.finish(item.id, filling(ONE, "Oslo", create=False))),
            daemon=True)
        finishing.start()
        waiting_on_a_lock(watcher, worker.conn.raw.info.backend_pid)  # type: ignore[attr-defined]
        person.commit()
    finishing.join(DEADLINE_SECONDS)
    assert result == [[]]
    assert watcher.query("SELECT city FROM contacts WHERE email = ?", [ONE]) == [{"city": "Bergen"}]
    assert watcher.query("SELECT source, user_edited FROM contact_properties "
                         "WHERE contact_email = ? AND property = 'city'", [ONE]) == [
        {"source": "user", "user_edited": 1}]


def test_two_copies_of_one_mail_finishing_at_once_add_its_tasks_once(
        stores: Callable[..., Store]) -> None:
    """Two copies of one mail (one Message-ID, bytes that differ: an LMTP copy and a BCC, say)
    whose recorded parties do not meet finish beside each other: the second waits for the
    first's tasks of that mail and adds none of its own."""
    first, second, watcher = stores(), stores(), stores()
    first.insert_received([mail(1, ONE, message_id="<same@x>"),
                           mail(2, TWO, message_id="<same@x>")])
    assert [item.id for item in first.claim(2)] == [1, 2]
    task = NewTask(None, "Send the quote", "Please send the quote.", None)
    done = Outcome("inbound", user_email=USER, tasks=(task,))
    result: list[Any] = []
    with first._tx(postgres.FINISH_BEGIN) as c:
        assert first._apply(c, 1, done) == []
        finishing = threading.Thread(target=lambda: result.append(second.finish(2, done)),
                                     daemon=True)
        finishing.start()
        waiting_on_a_lock(watcher, second.conn.raw.info.backend_pid)  # type: ignore[attr-defined]
    finishing.join(DEADLINE_SECONDS)
    assert result == [[]]
    assert watcher.query("SELECT message_rowid, sentence FROM tasks") == [
        {"message_rowid": 1, "sentence": "Please send the quote."}]
