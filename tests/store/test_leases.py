"""Claims with a host and a lease (migration 0013), on both engines: a start takes back only its
own host's claims, a gone host's claims come back once their lease ran out, charged, and only
the claimer finishes a claim."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from mailhook.store import Outcome, Received, Store
from mailhook.store.claims import DIED

from .conftest import PersonSql

USER = "ann@us.example"
PAST = "2000-01-01T00:00:00.000Z"


@pytest.fixture
def hosts(database: str) -> Iterator[tuple[Store, Store]]:
    """Two hosts' stores on one database, with one reply from each of two contacts stored."""
    here, there = Store(database, host="here"), Store(database, host="there")
    here.add_user(USER, None, inbox_automation=True)
    for number, sender in enumerate(["bob@acme.example", "carl@firm.example"]):
        raw = (f"From: {sender}\r\nTo: {USER}\r\nMessage-ID: <m{number}@x>\r\n"
               "Subject: hi\r\n\r\nhi\r\n").encode()
        here.insert_received([Received(raw, f"<m{number}@x>", USER, "lmtp", sender, (USER,), None)])
    yield here, there
    here.close()
    there.close()


def attempts(store: Store) -> dict[int, tuple[str, int]]:
    return {r["id"]: (r["status"], r["attempts"])
            for r in store.query("SELECT id, status, attempts FROM messages")}


def test_a_start_takes_back_only_its_own_hosts_claims(hosts: tuple[Store, Store]) -> None:
    """A live claim of another host is that host's to finish: a start here takes back this
    host's claim (charged nothing, as before leases), never the other's."""
    here, there = hosts
    (mine,) = here.claim(1)
    (theirs,) = there.claim(1)
    assert here.requeue_interrupted() == 1
    assert attempts(here) == {mine.id: ("pending", 0), theirs.id: ("processing", 1)}


def test_a_gone_hosts_claim_comes_back_when_its_lease_ran_out(
        hosts: tuple[Store, Store], person_sql: PersonSql) -> None:
    """A host that stopped renewing (gone, or cut off) loses its claims once their lease ran
    out: the next claim elsewhere takes them back, charged the attempt they counted, as a
    suspect (its last error names the dead host), so it is claimed alone."""
    here, there = hosts
    claimed = there.claim(2)
    assert here.claim(2) == []  # both held, live
    person_sql("UPDATE messages SET lease_until = ?", PAST)
    (again,) = here.claim(2)  # a suspect goes alone
    assert again.id == claimed[0].id and again.attempts == 2
    (row,) = here.query("SELECT last_error FROM messages WHERE id = ?", [claimed[1].id])
    assert row["last_error"] == f"{DIED} (its host there let its lease run out)"


def test_a_renewed_lease_keeps_its_claim(hosts: tuple[Store, Store], person_sql: PersonSql) -> None:
    """The worker's renewal (on the database's clock) keeps a claim whose lease was about to
    run out from being taken back."""
    here, there = hosts
    there.claim(2)
    person_sql("UPDATE messages SET lease_until = ?", PAST)
    assert there.renew_leases(os.getpid()) == 2
    assert here.claim(2) == [] and here.requeue_interrupted() == 0


def test_only_the_claimer_finishes_a_claim(hosts: tuple[Store, Store], person_sql: PersonSql) -> None:
    """A host that lost its claim (its lease ran out, and another host claimed the message)
    applies nothing when it finishes after all; the new claimer's outcome is the one."""
    here, there = hosts
    (first, _) = there.claim(2)
    person_sql("UPDATE messages SET lease_until = ?", PAST)
    (again,) = here.claim(2)
    assert again.id == first.id
    there.finish(first.id, Outcome("inbound", user_email=USER))
    assert attempts(here)[first.id] == ("processing", 2)
    here.finish(again.id, Outcome("inbound", user_email=USER))
    assert attempts(here)[first.id] == ("processed", 2)
