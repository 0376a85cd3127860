"""Processing rate of a stored backlog with 1, 2 and 4 worker processes, on SQLite and on
PostgreSQL, in one run (issue 17); prints a markdown section.

Usage: .venv/bin/python scripts/bench_scale.py [--backlog N] [--workers 1,2,4] [--rounds R]

Each case stores the same backlog (scripts/bench.py's store_backlog of bench_load's uk_reply: each
message a different known contact's first reply with a UK signature) into a fresh database, an
SQLite file or a PostgreSQL database, and times `mailhook process` with `[worker] processes = N`
draining it. Its rate is read from the messages' own processed_at: the messages finished after
the first tenth over the time they took, so each process's start-up (loading the tagger) is left
out; the wall time of the whole command is shown beside it. PostgreSQL is a throw-away cluster
of our own (tests/pg/cluster.py's initdb and pg_ctl) with the server's durable defaults (fsync
and synchronous_commit on), as SQLite's synchronous=FULL is durable: the comparison is of two
stores that both keep every 250'd message. With several rounds the cases are interleaved and
each row is its median round.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "scripts"), str(ROOT / "tests")]

from bench import store_backlog  # noqa: E402
from bench_load import USER, uk_reply  # noqa: E402
from bench_machine import others  # noqa: E402
from bench_setup import MAILHOOK  # noqa: E402
from pg.cluster import Cluster, start_cluster  # noqa: E402

ENGINES = ("sqlite", "postgresql")
WARM_UP = 0.1  # the share of the backlog whose finishes are left out: start-up, tagger loading


class DurableCluster(Cluster):
    """The tests' throw-away cluster, but with PostgreSQL's durable defaults (the tests turn fsync
    off; a benchmark against SQLite's synchronous=FULL must not)."""

    SETTINGS = ""


@dataclass(frozen=True)
class Case:
    engine: str
    workers: int


@dataclass(frozen=True)
class Timing:
    rate: float  # msg/s after the warm-up share
    wall: float  # seconds of the whole `mailhook process`


def write_config(work: Path, target: Path | str, workers: int) -> Path:
    """A config on `target` (a file or a url): DKIM off, the default tagger, `workers` processes."""
    key = "path" if isinstance(target, Path) else "url"
    config = work / "mailhook.toml"
    config.write_text(f'[database]\n{key} = "{target}"\n[dkim]\npolicy = "off"\n'
                      f"[worker]\nprocesses = {workers}\n")
    return config


def steady_rate(target: Path | str) -> float:
    """Messages per second between the end of the warm-up share and the last finish."""
    from mailhook.store import Store

    store = Store(target)
    try:
        rows = store.query("SELECT processed_at FROM messages WHERE status = 'processed' "
                           "ORDER BY processed_at")
    finally:
        store.close()
    moments = [datetime.fromisoformat(row["processed_at"].replace("Z", "+00:00")) for row in rows]
    first = int(len(moments) * WARM_UP)
    seconds = (moments[-1] - moments[first]).total_seconds()
    return (len(moments) - 1 - first) / seconds if seconds > 0 else float("nan")


def measure(case: Case, backlog: int, cluster: Cluster, serial: int) -> Timing:
    """Store the backlog in a fresh database of the case's engine and time draining it."""
    from mailhook.store import Store

    with tempfile.TemporaryDirectory(prefix="mailhook-scale-") as tmp:
        work = Path(tmp)
        name = f"scale_{os.getpid()}_{serial}"
        target: Path | str = work / "mailhook.db"
        if case.engine == "postgresql":
            target = cluster.create_database(name)
        try:
            store = Store(target)
            store.add_user(USER, None, True)
            store.close()
            store_backlog(target, backlog, uk_reply)  # type: ignore[arg-type]  # Store takes a url too
            config = write_config(work, target, case.workers)
            started = time.perf_counter()
            subprocess.run([MAILHOOK, "process", "--config", str(config)], check=True,
                           stdout=subprocess.DEVNULL)
            wall = time.perf_counter() - started
            return Timing(steady_rate(target), wall)
        finally:
            if case.engine == "postgresql":
                cluster.drop_database(name)


def render(results: dict[Case, list[Timing]], backlog: int, rounds: int, version: str,
           busy: list[str]) -> str:
    workers = ",".join(str(n) for n in sorted({case.workers for case in results}))
    base = statistics.median(t.rate for t in results[Case("sqlite", 1)])
    lines = ["## Worker processes on SQLite and PostgreSQL (issue 17)", "",
             "| engine | worker processes | msg/s | ratio to SQLite, 1 worker | wall s |",
             "|---|---:|---:|---:|---:|"]
    for case, timings in results.items():
        rate = statistics.median(t.rate for t in timings)
        wall = statistics.median(t.wall for t in timings)
        lines.append(f"| {case.engine} | {case.workers} | {rate:.1f} | {rate / base:.2f} | {wall:.1f} |")
    lines += ["", f"A backlog of {backlog} first replies (scripts/bench.py's store_backlog of "
              "uk_reply: each a different known contact, a six-line UK signature) drained by "
              "`mailhook process` with the packaged tagger, DKIM off, into a fresh database per "
              f"case; {rounds} round(s), interleaved, the median shown. msg/s counts the messages "
              f"finished after the first {WARM_UP:.0%} over the time they took (start-up and "
              "tagger loading left out); wall s is the whole command. PostgreSQL "
              f"{version} is a local throw-away cluster on 127.0.0.1 with fsync and "
              "synchronous_commit on, as SQLite runs with synchronous=FULL.",
              f"Machine: {os.cpu_count()} cores; other processes busy at the end: "
              f"{', '.join(busy) or 'none'}.",
              "Command: `.venv/bin/python scripts/bench_scale.py"
              f" --backlog {backlog} --workers {workers} --rounds {rounds}`."]
    return "\n".join(lines) + "\n"


def server_version(cluster: Cluster) -> str:
    import psycopg

    with psycopg.connect(cluster.url()) as conn:
        row = conn.execute("SHOW server_version").fetchone()
    return str(row[0]).split()[0] if row else "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backlog", type=int, default=500)
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    counts = [int(n) for n in args.workers.split(",")]
    cases = [Case(engine, n) for engine in ENGINES for n in counts]
    if Case("sqlite", 1) not in cases:
        parser.error("--workers must include 1: SQLite with one worker is the baseline")
    cluster = start_cluster(DurableCluster)
    try:
        version = server_version(cluster)
        results: dict[Case, list[Timing]] = {case: [] for case in cases}
        serial = itertools.count()
        for _ in range(args.rounds):
            for case in cases:
                results[case].append(measure(case, args.backlog, cluster, next(serial)))
                print(f"{case}: {results[case][-1]}", file=sys.stderr)
    finally:
        cluster.stop()
    print(render(results, args.backlog, args.rounds, version, others()))


if __name__ == "__main__":
    main()
