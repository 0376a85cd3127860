"""End-to-end benchmark: first replies of known contacts sent over LMTP to a running `mailhook
serve` until every one is processed, against the no-op LMTP server with the same mail; and the
peak memory of the service and each of its worker processes.

Usage (normally through scripts/bench): .venv/bin/python scripts/bench_e2e.py [COUNT [PROCESSES]]
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench_load import USER, Result, batches, noop_lmtp, send, uk_reply
from bench_setup import import_contacts, start_hook, stop, write_config

CONNECTIONS = 20
POLL_SECONDS = 0.05  # how often the benchmark (not a test) looks at the processed count
WARM_ROUNDS = 10
WARM_BURST = 17  # per worker: more than one claim ([worker] batch_size 16) takes at once
BUSY_BACKLOG = 3000  # first replies stored before the busy-intake round: enough to outlast it


@dataclass
class EndToEnd:
    processes: int
    messages: int
    seconds: float
    memory: list[tuple[str, float]]  # (process, peak RSS MB): the service first, then its workers
    warm_up: int  # messages it took until every worker had processed one (not timed)

    @property
    def rate(self) -> float:
        return self.messages / self.seconds

    @property
    def total_mb(self) -> float:
        return sum(mb for _, mb in self.memory)


def processed(db: Path) -> tuple[int, set[int]]:
    """How many messages are processed, and by which worker processes."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30) as conn:
        rows = conn.execute("SELECT claimed_by, count(*) FROM messages WHERE status = 'processed' "
                            "GROUP BY claimed_by").fetchall()
    return sum(n for _, n in rows), {pid for pid, _ in rows if pid is not None}


def wait_processed(db: Path, count: int, limit: float = 900.0) -> set[int]:
    deadline = time.monotonic() + limit
    while (done := processed(db))[0] < count:
        if time.monotonic() > deadline:
            raise RuntimeError(f"not all {count} messages were processed in {limit:.0f} s")
        time.sleep(POLL_SECONDS)
    return done[1]


def descendants(pid: int) -> list[int]:
    """The process and all its descendants (workers are spawned, with a resource tracker)."""
    out, todo = [], [pid]
    while todo:
        one = todo.pop()
        out.append(one)
        for task in Path(f"/proc/{one}/task").iterdir():
            children = task / "children"
            if children.exists():
                todo += [int(p) for p in children.read_text().split()]
    return out


def peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def memory(service: int, workers: set[int]) -> list[tuple[str, float]]:
    """Peak RSS (VmHWM) of the service, each worker and any other helper process it runs."""
    rows = [("service (listeners, supervisor)", peak_mb(service))]
    others = [pid for pid in descendants(service)[1:]]
    for n, pid in enumerate(sorted(p for p in others if p in workers), 1):
        rows.append((f"worker {n}", peak_mb(pid)))
    for pid in others:
        if pid not in workers:
            name = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
            # The spawned child that is no worker is the intake's writer process.
            label = ("resource tracker" if "resource_tracker" in name
                     else "intake writer" if "spawn_main" in name else name[:40])
            rows.append(("helper: " + label, peak_mb(pid)))
    return rows


def warm(lmtp: int, db: Path, processes: int, senders: list[str]) -> int:
    """Send bursts of first replies (not timed) until every worker process has processed one,
    so each has loaded the tagger; returns how many it took."""
    sent = 0
    burst = WARM_BURST * processes
    for _ in range(WARM_ROUNDS):
        mails = [(s, uk_reply(10_000 + sent + i, s)) for i, s in enumerate(senders[sent:sent + burst])]
        send(lmtp, True, batches(mails, min(len(mails), CONNECTIONS)), [USER])
        sent += len(mails)
        if len(wait_processed(db, sent)) >= processes:
            return sent
    raise RuntimeError(f"not every one of {processes} workers took a message in {sent} warm-ups")


def end_to_end(count: int, processes: int | None) -> EndToEnd:
    """`count` first replies over CONNECTIONS connections to a warmed hook with `processes`
    workers (None: the default, one per core); timed from the first send to the last processed."""
    with tempfile.TemporaryDirectory(prefix="mailhook-bench-") as tmp:
        work = Path(tmp)
        config = write_config(work, processes=processes)  # no [extract]: the shipped tagger
        workers = processes or len(os.sched_getaffinity(0))
        warm_senders = [f"warm{i}@acme.example" for i in range(WARM_BURST * WARM_ROUNDS * workers)]
        senders = [f"e2e{i}@acme.example" for i in range(count)]
        import_contacts(config, work, warm_senders + senders)
        mails = [(sender, uk_reply(i, sender)) for i, sender in enumerate(senders)]
        prepared = batches(mails, CONNECTIONS)  # built before the clock: it times the hook alone
        db = work / "mailhook.db"
        proc, _, lmtp = start_hook(config, worker=True)
        try:
            warmed = warm(lmtp, db, workers, warm_senders)
            started = time.perf_counter()
            send(lmtp, True, prepared, [USER])
            pids = wait_processed(db, warmed + count)
            seconds = time.perf_counter() - started
            rows = memory(proc.pid, pids)
        finally:
            stop(proc)
    return EndToEnd(sum(1 for name, _ in rows if name.startswith("worker")), count, seconds,
                    rows, warmed)


def baseline(count: int) -> Result:
    """The same count of the same kind of mail, same connections, against the no-op server."""
    senders = [f"e2e{i}@acme.example" for i in range(count)]
    return noop_lmtp([(s, uk_reply(i, s)) for i, s in enumerate(senders)], CONNECTIONS)


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    result = end_to_end(n, int(sys.argv[2]) if len(sys.argv) > 2 else None)
    base = baseline(n)
    print(f"{n} messages, {result.processes} workers: {result.seconds:.2f} s, {result.rate:.1f} msg/s "
          f"({result.rate / base.rate:.3f}x no-op {base.rate:,.0f} msg/s); memory {result.memory}")
