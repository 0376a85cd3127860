"""Claims beside the writes on PostgreSQL (store.claims.claiming): claimers, finishers, failures
and intake racing on one database never claim a message twice, and never take a contact's later
mail before its earlier mail is finished."""

from __future__ import annotations

import random
import threading

from mails import USER, lmtp_copy

from mailhook.store import Outcome, Store

WORKERS = 4
CONTACTS = tuple(f"c{n}@them.example" for n in range(6))
MESSAGES = 150
FAIL_SHARE = 0.3  # of first attempts: pending again at once, the race docs/scale.md describes
SEED = 20261201


class Race:
    """What the racing threads saw, kept under one lock."""

    def __init__(self) -> None:
        self.guard = threading.Lock()
        self.in_hand: set[int] = set()
        self.claims: list[int] = []
        self.problems: list[str] = []
        self.errors: list[BaseException] = []
        self.stored = threading.Event()

    def took(self, ids: list[int]) -> None:
        with self.guard:
            self.claims.extend(ids)
            twice = self.in_hand.intersection(ids)
            if twice:
                self.problems.append(f"claimed while another held them: {sorted(twice)}")
            self.in_hand.update(ids)

    def letting_go(self, rowid: int) -> None:
        with self.guard:
            self.in_hand.discard(rowid)


def ahead_of(store: Store, rowid: int, contact: str) -> list[dict[str, object]]:
    """The contact's earlier messages not yet finished (read after the claim committed: a
    message finished then was finished before it, so any found here was passed over)."""
    return store.query("SELECT id, status FROM messages WHERE mail_from = ? AND id < ? "
                       "AND status NOT IN ('processed', 'failed')", (contact, rowid))


def claimer(url: str, race: Race, rng: random.Random) -> None:
    store = Store(url, busy_timeout_ms=30_000)
    store.listen_for_mail()
    try:
        while True:
            claimed = store.claim(3)
            race.took([item.id for item in claimed])
            for item in claimed:
                for row in ahead_of(store, item.id, item.mail_from or ""):
                    race.problems.append(f"{item.id} claimed before {row}")
            for item in claimed:
                race.letting_go(item.id)
                if item.attempts == 1 and rng.random() < FAIL_SHARE:
                    store.fail(item.id, "boom", max_attempts=3)
                else:
                    store.finish(item.id, Outcome("inbound", user_email=USER,
                                                  contact_email=item.mail_from))
            if not claimed:
                if race.stored.is_set() and not store.query(
                        "SELECT 1 FROM messages WHERE status IN ('pending', 'processing')"):
                    return
                store.wait_for_mail(0.1)
    except BaseException as exc:  # reported by the test thread
        race.errors.append(exc)
    finally:
        store.close()


def intake(url: str, race: Race, rng: random.Random) -> None:
    store = Store(url, busy_timeout_ms=30_000)
    try:
        number = 0
        while number < MESSAGES:
            size = rng.randint(1, 4)
            store.insert_received([lmtp_copy(number + i, rng.choice(CONTACTS)) for i in range(size)])
            number += size
    except BaseException as exc:
        race.errors.append(exc)
    finally:
        race.stored.set()
        store.close()


def test_racing_claims_take_each_message_once_and_each_contacts_mail_in_order(url: str) -> None:
    """Four claimers (each failing 30% of first attempts back to pending, due at once, the rest
    finished) race an intake storing mail of six contacts: no message is claimed while another
    claimer holds it, none is claimed while an earlier one of its contact is unfinished, and in
    the end every message is processed once, after as many claims as attempts."""
    rng = random.Random(SEED)
    race = Race()
    threads = [threading.Thread(target=claimer, args=(url, race, random.Random(rng.random())))
               for _ in range(WORKERS)]
    threads.append(threading.Thread(target=intake, args=(url, race, random.Random(rng.random()))))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
        assert not thread.is_alive(), "a racing thread never ended"
    assert race.errors == []
    assert race.problems == []
    store = Store(url)
    try:
        rows = store.query("SELECT status, sum(attempts) AS attempts, count(*) AS n "
                           "FROM messages GROUP BY status")
    finally:
        store.close()
    assert rows == [{"status": "processed", "attempts": len(race.claims), "n": rows[0]["n"]}]
    assert rows[0]["n"] >= MESSAGES
    assert len(race.claims) > rows[0]["n"], "no failure was retried: the race was not run"
