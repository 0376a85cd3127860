"""One hook on PostgreSQL killed with SIGKILL again and again under load loses and repeats
nothing: two `serve --no-worker` listeners and a `mailhook worker` on one database, each killed
at random moments and started again, while clients deliver to both listeners over LMTP and
SMTP (the load and its checks are tests/service/test_crash.py's, on SQLite)."""

from __future__ import annotations

import collections
import random
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from service.test_crash import CONTACTS, FORWARDING, PROCESSED, USERS, Load

from mailhook.store import Store
from pg.cluster import Cluster, fresh_database
from pg.commands import Command

SEED = 20261201
KILLS = 12
CLIENTS = (("lmtp", 2), ("smtp", 1))  # per listener instance
MAX_LIFETIME_SECONDS = 1.5
DEADLINE_SECONDS = 90.0
READY = r"mailhook listening smtp=([\d.]+):(\d+) lmtp=([\d.]+):(\d+)"


@pytest.fixture
def url(postgres_cluster: Cluster) -> Iterator[str]:
    with fresh_database(postgres_cluster) as made:
        store = Store(made)
        try:
            for user in USERS:
                store.add_user(user, None, inbox_automation=True)
            for contact in CONTACTS:
                store.add_contact(contact, {}, "import")
        finally:
            store.close()
        yield made


@pytest.fixture
def config(tmp_path: Path, url: str) -> Path:
    path = tmp_path / "mailhook.toml"
    path.write_text(f'[database]\nurl = "{url}"\n[smtp]\nport = 0\n[lmtp]\nport = 0\n'
                    f"[addresses]\nforwarding = ['{FORWARDING}']\n"
                    '[dkim]\npolicy = "off"\n[extract]\ntagger = "off"\n[worker]\nprocesses = 2\n')
    return path


class Listener:
    """One `serve --no-worker` and the load delivering to it, restarted after each kill."""

    def __init__(self, config: Path, load: Load) -> None:
        self.config, self.load = config, load
        self.runs: list[Command] = []
        self.start()

    def start(self) -> None:
        run = Command("serve", "--no-worker", "--config", str(self.config))
        self.runs.append(run)
        found = run.wait_for(READY)
        self.load.serve_at({"smtp": (found[1], int(found[2])), "lmtp": (found[3], int(found[4]))})

    def kill(self) -> None:
        self.load.up.clear()
        self.runs[-1].proc.kill()
        self.runs[-1].proc.wait()


def start_worker(config: Path) -> Command:
    """A `mailhook worker`; a killed one's lock is released when the server sees its connection
    close, which may be a moment after the kill: a refused start is tried again."""
    deadline = time.monotonic() + DEADLINE_SECONDS
    while True:
        worker = Command("worker", "--config", str(config))
        line = worker.wait_for(r"mailhook worker running|already runs the workers")
        if line.group(0).startswith("mailhook worker running"):
            return worker
        worker.proc.wait()
        assert time.monotonic() < deadline, "the killed worker's lock was never released"


def test_sigkill_of_listeners_and_worker_loses_and_repeats_nothing(config: Path, url: str) -> None:
    """Each of the three processes is killed -9 at random moments, twelve times in all. After
    that every copy answered 250 by either listener is stored exactly once per recipient and
    processed exactly once (one "processed" line over all worker runs, one log row per inbound
    copy, no repeated property history), and nothing is pending or failed."""
    rng = random.Random(SEED)
    loads = [Load(random.Random(rng.random())) for _ in range(2)]
    listeners = [Listener(config, load) for load in loads]
    workers = [start_worker(config)]
    clients = [threading.Thread(target=load.client(name, 10 * side + n), daemon=True)
               for side, load in enumerate(loads) for name, count in CLIENTS for n in range(count)]
    for client in clients:
        client.start()
    try:
        for _ in range(KILLS):
            time.sleep(rng.uniform(0.2, MAX_LIFETIME_SECONDS))  # the random moment of the kill
            victim = rng.randrange(3)
            if victim == 2:
                workers[-1].proc.kill()
                workers[-1].proc.wait()
                workers.append(start_worker(config))
            else:
                listeners[victim].kill()
                listeners[victim].start()
        for load in loads:
            load.stopping.set()
        for client in clients:
            client.join(DEADLINE_SECONDS)
            assert not client.is_alive(), "a client never got its 250s"
        assert not any(load.errors for load in loads), [load.errors for load in loads]
        drain(workers[-1], url)
    finally:
        for run in [*workers, *(run for listener in listeners for run in listener.runs)]:
            run.stop()
    check(url, loads, workers)


def drain(worker: Command, url: str) -> None:
    """Until nothing is pending: each line the worker prints is a cue to look."""
    store = Store(url)
    try:
        deadline = time.monotonic() + DEADLINE_SECONDS
        while store.counts()["pending"]:
            assert time.monotonic() < deadline, worker.output()
            worker.wait_for(r"processed message")
    finally:
        store.close()


def check(url: str, loads: list[Load], workers: list[Command]) -> None:
    acked = set().union(*(load.acked for load in loads))
    expected = {(mid, r) for load in loads for mid, recipients in load.sent.items()
                for r in recipients}
    assert acked == expected, "every client got its 250s in the end"
    assert len(acked) > 100, "the load generator delivered too little to prove anything"
    store = Store(url)
    try:
        rows = store.query("SELECT message_id, recipient, status, id FROM messages ORDER BY id")
        stored = collections.Counter((r["message_id"], r["recipient"]) for r in rows)
        assert set(stored) == acked and set(stored.values()) == {1}
        assert {r["status"] for r in rows} == {"processed"}
        processed = collections.Counter(
            int(m[1]) for run in workers for line in run.lines if (m := PROCESSED.search(line)))
        assert max(processed.values()) == 1, [i for i, n in processed.items() if n > 1]
        inbound = [r["id"] for r in rows if r["message_id"].startswith("<lmtp")]
        logged = collections.Counter(
            r["message_rowid"] for r in store.query("SELECT message_rowid FROM contact_emails"))
        assert all(logged[rowid] == 1 for rowid in inbound)
        repeated = store.query("""SELECT contact_email, property, count(*) AS n FROM property_history
                                  GROUP BY contact_email, property, source HAVING count(*) > 1""")
        assert repeated == []
    finally:
        store.close()

