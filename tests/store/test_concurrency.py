"""Several connections claiming and finishing at once, as several worker processes do: on either
engine each message is claimed once, and one contact's mail is never in two hands at a time."""

from __future__ import annotations

import threading

from mailhook.store import Outcome, Received, Store

USER = "ann@us.example"
WORKERS = 4
CONTACTS = 12
PER_CONTACT = 4


def mail(contact: str, number: int) -> Received:
    message_id = f"<{number}.{contact}>"
    raw = f"From: {contact}\r\nTo: {USER}\r\nMessage-ID: {message_id}\r\n\r\nhi\r\n".encode()
    return Received(raw, message_id, USER, "lmtp", contact, (USER,), None)


def test_concurrent_claims_take_each_message_once_and_keep_each_contacts_order(database: str) -> None:
    """Four connections race to claim and finish 48 messages of 12 contacts: every message is
    processed with one attempt, no contact's messages are held by two workers at once, and
    each contact's messages finish in the order they came."""
    setup = Store(database)
    setup.add_user(USER, None, inbox_automation=False)
    contacts = [f"c{n}@them.example" for n in range(CONTACTS)]
    setup.insert_received([mail(c, n) for n in range(PER_CONTACT) for c in contacts])
    guard = threading.Lock()
    holding: dict[str, set[int]] = {c: set() for c in contacts}  # the messages held per contact
    finished: dict[str, list[int]] = {c: [] for c in contacts}
    clashes: list[str] = []
    errors: list[BaseException] = []
    start = threading.Barrier(WORKERS)

    def work() -> None:
        store = Store(database, busy_timeout_ms=30_000)
        try:
            start.wait()
            while store.counts()["pending"]:
                claimed = store.claim(3)
                # Held from here until just before finish: inside the claim's real hold (its
                # commit to the finish's), so two holds that overlap here overlap there too.
                with guard:
                    for item in claimed:
                        contact = item.mail_from or ""
                        if holding[contact]:
                            clashes.append(f"{contact}: {sorted(holding[contact])} and {item.id}")
                        holding[contact].add(item.id)
                for item in claimed:
                    contact = item.mail_from or ""
                    store.backlog()  # a read while holding, as the worker reads the message
                    with guard:
                        holding[contact].discard(item.id)
                        finished[contact].append(item.id)
                    store.finish(item.id, Outcome("inbound", user_email=USER, contact_email=contact))
        except BaseException as exc:  # reported by the test thread
            errors.append(exc)
        finally:
            store.close()

    threads = [threading.Thread(target=work) for _ in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert clashes == []
    rows = setup.conn.execute("SELECT status, attempts, count(*) FROM messages GROUP BY 1, 2").fetchall()
    assert [tuple(r) for r in rows] == [("processed", 1, CONTACTS * PER_CONTACT)]
    assert all(ids == sorted(ids) and len(ids) == PER_CONTACT for ids in finished.values())
    setup.close()
