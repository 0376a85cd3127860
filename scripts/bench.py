"""Benchmarks of intake and processing, each as a ratio to a baseline measured in the same run.

Usage: .venv/bin/python scripts/bench.py [--quick] [--out docs/benchmarks.md]

- Intake: the same pre-built load (C connections x M messages) against the no-op aiosmtpd
  servers (the baselines), Postfix's smtp-sink if installed, and mailhook's SMTP and LMTP
  listeners (250 only after a durable commit), also while the workers drain a backlog.
- The load generator's own ceiling (against smtp-sink speaking LMTP), to show it is faster
  than every server it measures.
- Processing: `mailhook process` draining stored backlogs, by backlog size and message size.
- End to end (bench_e2e), with one worker process and with the default, and memory per process.
- Backfill (bench_backfill): `mailhook replay` against rules-only `mailhook extract`.
- Extraction CPU per message (bench_extract) and hostile messages (bench_hostile).
Servers run in their own processes, the load generator in this one.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench_e2e import BUSY_BACKLOG, processed, wait_processed
from bench_load import (
    FORWARDING,
    USER,
    Result,
    ceiling,
    load,
    prepare,
    sample_message,
    start_noop,
    start_sink,
    stop,
    uk_reply,
)
from bench_machine import others
from bench_setup import MAILHOOK, start_hook, write_config

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


SINK_PER_CONNECTION = 50


def intake(connections: int, per_connection: int, rounds: int) -> list[Result]:
    """Every server under the same load, `rounds` times in turn (so a slow moment of the machine
    hits all of them alike); each row is then the median round by rate, latencies pooled."""
    by_name: dict[str, list[Result]] = {}
    for _ in range(rounds):
        for result in _intake_round(connections, per_connection):
            by_name.setdefault(result.name, []).append(result)
    return [_median(results) for results in by_name.values()]


def _median(results: list[Result]) -> Result:
    ordered = sorted(results, key=lambda r: r.rate)
    middle = ordered[len(ordered) // 2]
    pooled = [x for r in results for x in r.latencies]
    return Result(middle.name, middle.messages, middle.seconds, pooled, middle.client_cpu,
                  rates=[r.rate for r in results], processed=middle.processed)


def _intake_round(connections: int, per_connection: int) -> list[Result]:
    results = []
    for lmtp in (False, True):
        proc, port = start_noop(lmtp)
        try:
            results.append(load(f"aiosmtpd no-op {'LMTP' if lmtp else 'SMTP'}", port, lmtp,
                                connections, per_connection, [USER]))
        finally:
            stop(proc)
    sink = start_sink()
    if sink is not None:
        try:
            # smtp-sink stalls on thousands of messages a connection; it only shows the ceiling.
            results.append(load("Postfix smtp-sink", sink[1], False, connections,
                                min(per_connection, SINK_PER_CONNECTION), [USER]))
        finally:
            stop(sink[0])
    with tempfile.TemporaryDirectory(prefix="mailhook-bench-") as tmp:
        config = write_config(Path(tmp))
        proc, smtp_port, lmtp_port = start_hook(config)
        try:
            results.append(load("mailhook SMTP (durable)", smtp_port, False, connections,
                                per_connection, [FORWARDING], sender=USER))
            results.append(load("mailhook LMTP (durable)", lmtp_port, True, connections,
                                per_connection, [USER]))
        finally:
            stop(proc)
    results.append(_busy(connections, per_connection))
    return results


def _busy(connections: int, per_connection: int) -> Result:
    """The LMTP load while every worker (the default count) drains a backlog of first replies
    with the tagger: timed only once each worker has processed one (loaded and busy)."""
    with tempfile.TemporaryDirectory(prefix="mailhook-bench-") as tmp:
        config = write_config(Path(tmp))
        db = Path(tmp) / "mailhook.db"
        store_backlog(db, BUSY_BACKLOG, uk_reply)
        proc, _, lmtp_port = start_hook(config, worker=True)
        try:
            cores = len(os.sched_getaffinity(0))
            done = 1
            while len(wait_processed(db, done)) < cores:
                done += 1
            # Built before the count starts: the workers drain at full speed while it is built.
            sessions = prepare(connections, per_connection)
            before = processed(db)[0]
            result = load("mailhook LMTP, workers busy", lmtp_port, True, connections,
                          per_connection, [USER], prepared=sessions)
            result.processed = processed(db)[0] - before
            if pending(db) == 0:
                raise RuntimeError("the workers drained the backlog before the load ended")
        finally:
            stop(proc)
    return result


def pending(db: Path) -> int:
    import sqlite3

    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30) as conn:
        return int(conn.execute("SELECT count(*) FROM messages WHERE status = 'pending'").fetchone()[0])


def store_backlog(db: Path, count: int, build: Callable[[int, str], bytes] | None = None,
                  size: int = 2048) -> None:
    """`count` stored messages, each a different (existing) contact's first reply."""
    from mailhook.store import Received, Store

    store = Store(db)
    senders = [f"bob{i}@acme.example" for i in range(count)]
    store.import_contacts([{"email": sender} for sender in senders])
    raws = [build(i, s) if build else sample_message(i, size, sender=s) for i, s in enumerate(senders)]
    store.insert_received([
        Received(raw, f"<p{i}@acme.example>", USER, "lmtp", sender, (USER,), None)
        for i, (sender, raw) in enumerate(zip(senders, raws, strict=True))])
    store.close()


def processing(backlogs: list[int], sizes: list[int]) -> list[tuple[str, int, float, float]]:
    """(label, messages, seconds, peak RSS MB) of `mailhook process` draining a backlog."""
    rows = []
    # The first case, one message, is the baseline: start-up plus loading the tagger.
    # It runs twice and the faster run counts: the first start of a run reads cold files.
    cases = [(1, 2048), (1, 2048)] + [(n, 2048) for n in backlogs]
    cases += [(max(2, 20 // max(1, s // 1_000_000)), s) for s in sizes]
    for count, size in cases:
        with tempfile.TemporaryDirectory(prefix="mailhook-bench-") as tmp:
            config = write_config(Path(tmp))
            store_backlog(Path(tmp) / "mailhook.db", count, size=size)
            started = time.perf_counter()
            peak = run_peak([MAILHOOK, "process", "--config", str(config)])
            seconds = time.perf_counter() - started
            rows.append((f"{count} x {_size(size)}", count, seconds, peak))
    baseline = min(rows[:2], key=lambda row: row[2])
    return [baseline, *rows[2:]]


def run_peak(args: list[str]) -> float:
    """Run a command to its end; the largest peak RSS in MB of it and its worker children
    (RUSAGE_CHILDREN of a fresh process: the largest of all it waited for)."""
    probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
             "stdout=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    done = subprocess.run([sys.executable, "-c", probe, *args], check=True, capture_output=True, text=True)
    return int(done.stdout.split()[-1]) / 1024


def _size(size: int) -> str:
    return f"{size // 1_000_000} MB" if size >= 1_000_000 else f"{size // 1000} KB"


def scale(quick: bool) -> str:
    """scripts/bench_scale.py's section (SQLite against PostgreSQL, issue 17), run after the rest
    so its PostgreSQL server does not share the machine with them; a machine without PostgreSQL
    says so instead."""
    args = ["--backlog", "100", "--rounds", "1"] if quick else ["--backlog", "500", "--rounds", "2"]
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench_scale.py"), *args],
                          capture_output=True, text=True)
    if done.returncode:
        reason = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return f"## Worker processes on SQLite and PostgreSQL (issue 17)\n\nNot measured: {reason}\n"
    return done.stdout


def main() -> None:
    from bench_backfill import backfill
    from bench_e2e import baseline, end_to_end
    from bench_report import Run, render

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small loads, for a smoke run")
    parser.add_argument("--out", type=Path, default=None, help="write the Markdown report here")
    parser.add_argument("--note", default="", help="what else ran on the machine, for the report")
    args = parser.parse_args()
    quick = args.quick
    # 5,000 messages a round: long enough that the workers' answer to a burst (worker.priority)
    # has settled, not only its first quarter second.
    connections, per_connection = (5, 20) if quick else (20, 250)
    rounds = 1 if quick else 3
    e2e_count = 60 if quick else 600
    started = time.perf_counter()
    run = Run(quick=quick, note=args.note, connections=connections, per_connection=per_connection,
              rounds=rounds, busy_before=others(), load_before=os.getloadavg()[0])
    run.intake = intake(connections, per_connection, rounds)
    run.ceiling = ceiling(connections, min(per_connection, SINK_PER_CONNECTION))
    run.processing = processing([50, 200] if quick else [100, 1000],
                                [100_000, 1_000_000] if quick else [1_000, 100_000, 1_000_000, 10_000_000])
    run.e2e_baseline = baseline(e2e_count)
    run.e2e = [end_to_end(e2e_count, 1), end_to_end(e2e_count, None)]
    if (CORPUS / "messages").is_dir():
        from bench_extract import measure_both

        run.backfill = backfill(150 if quick else 1200, CORPUS)
        run.extract = measure_both(CORPUS, 1 if quick else 3)
    from bench_hostile import report as hostile_report

    run.hostile = hostile_report("packaged", None)
    run.seconds = time.perf_counter() - started
    run.busy_after = others()
    text = render(run) + "\n" + scale(quick)
    print(text)
    if args.out:
        args.out.write_text(text)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "scripts"))
    main()
