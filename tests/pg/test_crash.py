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
# The drain's test: no message finished for this long while mail waits. Longer than a worker's
# start (spawn, imports, the pipeline's data: 7-11 s measured on a loaded 2-core machine), far
# shorter than a lease (120 s), so a claim left by a killed worker that nobody takes back fails it.
STALL_SECONDS = 30.0
TAKEN = "already runs the workers"
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


def write_config(folder: Path, url: str, host: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "mailhook.toml"
    named = f'host_id = "{host}"\n' if host else ""
    path.write_text(f'[database]\nurl = "{url}"\n{named}[smtp]\nport = 0\n[lmtp]\nport = 0\n'
                    f"[addresses]\nforwarding = ['{FORWARDING}']\n"
                    '[dkim]\npolicy = "off"\n[extract]\ntagger = "off"\n[worker]\nprocesses = 2\n')
    return path


class Listener:
    """One `serve` (with its workers or not) and the load delivering to it, restarted after
    each kill."""

    def __init__(self, config: Path, load: Load, *args: str) -> None:
        self.config, self.load, self.args = config, load, args
        self.runs: list[Command] = []
        self.start()

    def start(self) -> None:
        deadline = time.monotonic() + DEADLINE_SECONDS
        while True:  # a serve with workers may find its killed self's lock not yet released
            # Each in its own folder, as on its own machine: one serve per run file (var/...).
            run = Command("serve", *self.args, "--config", str(self.config), cwd=self.config.parent)
            self.runs.append(run)
            found = run.wait_for(f"{READY}|{TAKEN}")
            if found[1] is not None:
                self.load.serve_at({"smtp": (found[1], int(found[2])),
                                    "lmtp": (found[3], int(found[4]))})
                return
            run.proc.wait()
            assert time.monotonic() < deadline, "the killed serve's lock was never released"

    def kill(self) -> None:
        self.load.up.clear()
        self.runs[-1].proc.kill()
        self.runs[-1].proc.wait()


class Worker:
    """One `mailhook worker`, restarted after each kill. A killed one's lock is released when
    the server sees its connection close, which may be a moment after the kill: a refused start
    is tried again (as a service manager would)."""

    def __init__(self, config: Path) -> None:
        self.config = config
        self.runs: list[Command] = []
        self.start()

    def start(self) -> None:
        deadline = time.monotonic() + DEADLINE_SECONDS
        while True:
            run = Command("worker", "--config", str(self.config))
            self.runs.append(run)
            if run.wait_for(f"mailhook worker running|{TAKEN}")[0] != TAKEN:
                return
            run.proc.wait()
            assert time.monotonic() < deadline, "the killed worker's lock was never released"

    def kill(self) -> None:
        self.runs[-1].proc.kill()
        self.runs[-1].proc.wait()


@pytest.mark.parametrize("topology", ["listeners and a worker", "two hosts"])
def test_sigkill_under_load_loses_and_repeats_nothing(
        topology: str, tmp_path: Path, url: str) -> None:
    """Two listeners and a worker (`serve --no-worker` twice, `mailhook worker`), or two hosts
    each running `serve` with its workers side by side (host_id a and b): each process is
    killed -9 at random moments, twelve times in all, and started again. After that every copy
    answered 250 by either listener is stored exactly once per recipient and processed exactly
    once (one "processed" line over all runs, one log row per inbound copy, no repeated property
    history), and nothing is pending or failed; on two hosts, both hosts' workers read mail."""
    rng = random.Random(SEED)
    loads = [Load(random.Random(rng.random())) for _ in range(2)]
    if topology == "two hosts":
        parts: list[Listener | Worker] = [
            Listener(write_config(tmp_path / host, url, host), load)
            for host, load in zip("ab", loads, strict=True)]
    else:
        parts = [*(Listener(write_config(tmp_path / side, url), load, "--no-worker")
                   for side, load in zip("ab", loads, strict=True)), Worker(write_config(tmp_path, url))]
    clients = [threading.Thread(target=load.client(name, 10 * side + n), daemon=True)
               for side, load in enumerate(loads) for name, count in CLIENTS for n in range(count)]
    for client in clients:
        client.start()
    try:
        for _ in range(KILLS):
            time.sleep(rng.uniform(0.2, MAX_LIFETIME_SECONDS))  # the random moment of the kill
            victim = rng.choice(parts)
            victim.kill()
            victim.start()
        for load in loads:
            load.stopping.set()
        for client in clients:
            client.join(DEADLINE_SECONDS)
            assert not client.is_alive(), "a client never got its 250s"
        assert not any(load.errors for load in loads), [load.errors for load in loads]
        drain(url)
    finally:
        for run in (run for part in parts for run in part.runs):
            run.stop()
    check(url, loads, [run for part in parts for run in part.runs])
    if topology == "two hosts":
        store = Store(url)
        hosts = {r["claimed_host"] for r in store.query("SELECT DISTINCT claimed_host FROM messages")}
        store.close()
        assert hosts == {"a", "b"}


def drain(url: str) -> None:
    """Until nothing is pending or being processed (looked at ten times a second). How fast it
    goes is the machine's (a third of the load is users' outbound mail to the forwarding
    address, each to a contact of its own, claimed beside the 8 contacts' replies). What must
    never happen is a drain that stops: no message finished for STALL_SECONDS while mail waits
    (a claim nobody takes back, a worker that is never woken). The failure shows what is left
    and who holds it; the drain's time and size are printed (pytest -s shows them)."""
    store, looked = Store(url), threading.Event()
    try:
        started = moved = time.monotonic()
        finished = first = -1
        while (counts := store.counts())["pending"] or store.processing_ids():
            first = counts["processed"] if first < 0 else first
            if counts["processed"] != finished:
                moved, finished = time.monotonic(), counts["processed"]
            assert time.monotonic() - moved < STALL_SECONDS, (counts, store.query(LEFT))
            looked.wait(0.1)
        seconds = time.monotonic() - started
        done = store.counts()["processed"] - max(first, 0)
        print(f"drain: {done} messages in {seconds:.1f} s ({done / max(seconds, 0.001):.0f} msg/s)")
    finally:
        store.close()


LEFT = """SELECT status, claimed_host, claimed_by, min(lease_until) AS lease_until, max(attempts)
          AS attempts, count(*) AS n, min(id) AS first FROM messages WHERE status != 'processed'
          GROUP BY 1, 2, 3 ORDER BY first"""


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

