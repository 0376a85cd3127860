"""End-to-end benchmark: mail sent over LMTP to a running `mailhook serve` (worker, shipped tagger)
until every message is processed; each message is a different contact's first reply.

Usage (normally through scripts/bench): .venv/bin/python scripts/bench_e2e.py [COUNT]
"""

from __future__ import annotations

import asyncio
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from bench import MAILHOOK, USER, _reply, run, sample_message, start_hook, stop, write_config

CONNECTIONS = 10
POLL_SECONDS = 0.05  # how often the benchmark (not a test) looks at the processed count


async def _send(port: int, mails: list[tuple[str, bytes]]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    await _reply(reader)
    writer.write(b"LHLO bench.localhost\r\n")
    await _reply(reader)
    for sender, raw in mails:
        for command in (f"MAIL FROM:<{sender}>", f"RCPT TO:<{USER}>", "DATA"):
            writer.write(f"{command}\r\n".encode())
            await _reply(reader)
        writer.write(raw + b".\r\n")
        if not (await _reply(reader)).startswith("250"):
            raise RuntimeError("the hook did not accept a message")
    writer.write(b"QUIT\r\n")
    await _reply(reader)
    writer.close()


def _processed(db: Path) -> int:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30) as conn:
        return int(conn.execute("SELECT count(*) FROM messages WHERE status = 'processed'")
                   .fetchone()[0])


def _wait_processed(db: Path, count: int, limit: float = 900.0) -> None:
    deadline = time.monotonic() + limit
    while _processed(db) < count:
        if time.monotonic() > deadline:
            raise RuntimeError(f"not all {count} messages were processed in {limit:.0f} s")
        time.sleep(POLL_SECONDS)


def _peak_rss_mb(pid: int) -> float:
    """VmHWM of the service and its children (the worker process), added up."""
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    total = 0
    for one in pids:
        for line in Path(f"/proc/{one}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                total += int(line.split()[1])
    return total / 1024


def end_to_end(count: int) -> tuple[float, float, float]:
    """(seconds from the first send to the last message processed, msg/s, peak RSS MB)."""
    with tempfile.TemporaryDirectory(prefix="mailhook-bench-") as tmp:
        config = write_config(Path(tmp))  # no [extract]: the shipped tagger, as by default
        senders = [f"e2e{i}@acme.example" for i in range(count + 1)]
        contacts = Path(tmp) / "contacts.csv"
        contacts.write_text("email\n" + "\n".join(senders) + "\n")
        run([MAILHOOK, "contacts", "import", str(contacts), "--config", str(config)])
        db = Path(tmp) / "mailhook.db"
        proc, _, lmtp = start_hook(config, worker=True)
        try:
            mails = [(sender, sample_message(i, sender=sender)) for i, sender in enumerate(senders)]
            asyncio.run(_send(lmtp, mails[:1]))  # warm-up: the worker loads the tagger
            _wait_processed(db, 1)
            share = -(-count // CONNECTIONS)  # built above, so the clock times the hook alone
            started = time.perf_counter()

            async def send_all() -> None:
                await asyncio.gather(*(
                    _send(lmtp, mails[1 + c * share: 1 + (c + 1) * share]) for c in range(CONNECTIONS)))

            asyncio.run(send_all())
            _wait_processed(db, count + 1)
            seconds = time.perf_counter() - started
            peak = _peak_rss_mb(proc.pid)
        finally:
            stop(proc)
    return seconds, count / seconds, peak


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    seconds, rate, peak = end_to_end(n)
    print(f"{n} messages: {seconds:.2f} s, {rate:.1f} msg/s end to end, peak RSS {peak:.0f} MB")
