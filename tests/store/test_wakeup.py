"""Workers on other hosts hear of new mail through the database (PostgreSQL's LISTEN/NOTIFY),
told at the commit that made it due; SQLite has no such signal and says so at once."""

from __future__ import annotations

from mailhook.store import Received, Store

ANN = "ann@us.example"
# Long enough for a notification already sent to arrive; a missing one only makes a test slower.
PATIENCE = 30.0
# How long a test waits for a notification that must not come: a bound, not a measured time.
NONE_EXPECTED = 0.3


def mail(message_id: str) -> Received:
    return Received(f"Message-ID: {message_id}\r\n\r\nhi\r\n".encode(), message_id, ANN, "lmtp",
                    None, (ANN,), None)


def test_new_mail_wakes_a_listening_worker_on_another_connection(postgres_store_url: str) -> None:
    """A listener is told of mail another connection (another hook) stored; a retry of a stored
    copy, and a stored batch rolled back, tell nobody."""
    worker, hook = Store(postgres_store_url), Store(postgres_store_url)
    worker.listen_for_mail()
    assert hook.insert_received([mail("<w1@x>")]) == [True]
    assert worker.wait_for_mail(PATIENCE) is True
    assert hook.insert_received([mail("<w1@x>")]) == [False]  # an MTA's retry: nothing new
    assert worker.wait_for_mail(NONE_EXPECTED) is False
    try:
        with hook._tx() as c:
            c.execute("NOTIFY mailhook_queue")
            raise RuntimeError("the commit never comes")
    except RuntimeError:
        pass
    assert worker.wait_for_mail(NONE_EXPECTED) is False
    worker.close()
    hook.close()


def test_a_notification_that_came_during_other_work_is_kept(postgres_store_url: str) -> None:
    """Mail stored while the worker was busy with queries still wakes its next wait."""
    worker, hook = Store(postgres_store_url), Store(postgres_store_url)
    worker.listen_for_mail()
    hook.insert_received([mail("<w2@x>")])
    assert worker.counts()["pending"] == 1  # other work on the listening connection
    (item,) = worker.claim(1)
    assert worker.wait_for_mail(PATIENCE) is True
    worker.fail(item.id, "boom", max_attempts=1)
    assert worker.wait_for_mail(NONE_EXPECTED) is False  # parked: nothing is due
    assert hook.retry_failed() == 1
    assert worker.wait_for_mail(PATIENCE) is True  # retried: due again
    worker.close()
    hook.close()


def test_sqlite_has_no_signal_and_says_so_at_once(sqlite_store: Store) -> None:
    """On SQLite the wait returns False at once: the intake's wake flag tells its own worker."""
    sqlite_store.listen_for_mail()
    sqlite_store.insert_received([mail("<w3@x>")])
    assert sqlite_store.wait_for_mail(PATIENCE) is False
