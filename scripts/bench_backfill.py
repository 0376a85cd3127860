"""Backfill benchmark: `mailhook replay` of real-shaped mail against `mailhook extract --tagger off`
(rules only, one process) over the same messages, in the same run.

The messages are built at run time from the corpus's .eml files (never stored in the repository):
each copy gets a fresh Message-ID, the user as its recipient and a sender of its own (the
original address with a number added, display name and domain kept), imported as a contact
first, so every message is a known contact's first reply and is read in full. Cc, Reply-To and
Sender are dropped: copies sharing them would be one contact's mail, read one at a time.

Usage (normally through scripts/bench): .venv/bin/python scripts/bench_backfill.py [COUNT]
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from email.utils import parseaddr
from pathlib import Path

from bench_load import USER
from bench_setup import MAILHOOK, import_contacts, write_config

DROPPED = {"message-id", "from", "to", "cc", "sender", "reply-to", "delivered-to", "return-path"}
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


@dataclass(frozen=True)
class Timing:
    name: str
    messages: int
    seconds: float  # the whole command, start-up included
    startup: float  # the same command over one message

    @property
    def rate(self) -> float:
        return self.messages / self.seconds

    @property
    def steady(self) -> float:
        """msg/s beyond start-up: the rate of a command that has already loaded."""
        return (self.messages - 1) / max(1e-9, self.seconds - self.startup)


def rewrite(raw: bytes, index: int) -> tuple[str, bytes]:
    """(sender, message): `raw` with a sender of its own, USER as recipient, a fresh Message-ID."""
    split = re.search(rb"\r?\n\r?\n", raw)
    head, body = (raw[:split.start()], raw[split.start():]) if split else (raw, b"\r\n\r\n")
    newline = b"\r\n" if b"\r\n" in head else b"\n"
    kept, original, name, dropping = [], "", "", False
    for line in re.split(rb"\r?\n", head):
        if line[:1] in (b" ", b"\t"):  # a folded field's continuation
            if dropping and name == "from":
                original += " " + line.decode("latin-1").strip()
            if not dropping:
                kept.append(line)
            continue
        name = line.split(b":", 1)[0].strip().lower().decode("latin-1")
        dropping = name in DROPPED
        if name == "from":
            original = line.split(b":", 1)[1].decode("latin-1").strip()
        if not dropping:
            kept.append(line)
    address = parseaddr(original)[1]
    local, _, domain = address.rpartition("@")
    sender = (f"{local}.b{index}@{domain}" if local and domain else f"sender.b{index}@corpus.example").lower()
    author = original.replace(address, sender, 1) if address else sender
    fresh = [f"From: {author}", f"To: {USER}",
             f"Message-ID: <backfill-{index}-{uuid.uuid4().hex}@bench.example>"]
    return sender, newline.join([line.encode("latin-1") for line in fresh] + kept) + body


def build(folder: Path, count: int, corpus: Path = CORPUS) -> list[str]:
    """Write `count` messages into `folder` (the corpus's .eml mail, round after round); their senders."""
    sources = sorted((corpus / "messages").glob("*.eml"))
    folder.mkdir()
    senders = []
    for index in range(count):
        sender, raw = rewrite(sources[index % len(sources)].read_bytes(), index)
        (folder / f"{index:05d}.eml").write_bytes(raw)
        senders.append(sender)
    return senders


def timed(args: list[str], env: dict[str, str] | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    return time.perf_counter() - started


def replay(work: Path, folder: Path, senders: list[str], processes: int | None
           ) -> tuple[float, dict[str, int]]:
    """Seconds of `mailhook replay` of `folder` into a fresh database, and its messages' statuses."""
    work.mkdir()
    config = write_config(work, processes=processes, contact=None)
    import_contacts(config, work, senders)
    seconds = timed([MAILHOOK, "replay", str(folder), "--user", USER, "--config", str(config)])
    with sqlite3.connect(work / "mailhook.db") as conn:
        statuses = dict(conn.execute("SELECT status, count(*) FROM messages GROUP BY status").fetchall())
    return seconds, statuses


def backfill(count: int, corpus: Path = CORPUS) -> tuple[list[Timing], dict[str, int]]:
    """Rules-only extract in one process first (the baseline), then replay with one worker process
    and with the default (one per core); each also timed over one message for its start-up."""
    with tempfile.TemporaryDirectory(prefix="mailhook-backfill-") as tmp:
        work = Path(tmp)
        senders = build(work / "mail", count, corpus)
        one = work / "one"
        one.mkdir()
        (one / "00000.eml").write_bytes((work / "mail" / "00000.eml").read_bytes())
        files = [str(p) for p in sorted((work / "mail").iterdir())]
        extract = [MAILHOOK, "extract", "--json", "--tagger", "off"]
        rows = [Timing("`mailhook extract --tagger off`, one process", count,
                       timed(extract + files), timed(extract + [str(one / "00000.eml")]))]
        statuses: dict[str, int] = {}
        cores = len(os.sched_getaffinity(0))
        for processes, label in ((1, "1 worker process"), (None, f"{cores} worker processes (default)")):
            tag = processes or 0
            startup, _ = replay(work / f"db1-{tag}", one, senders[:1], processes)
            seconds, statuses = replay(work / f"db-{tag}", work / "mail", senders, processes)
            rows.append(Timing(f"`mailhook replay`, {label}", count, seconds, startup))
    return rows, statuses


def section(rows: list[Timing], statuses: dict[str, int]) -> list[str]:
    base = rows[0]
    lines = [
        f"## Backfill: `mailhook replay` of {base.messages:,} real-shaped messages",
        "",
        "Built at run time from the corpus's .eml files (each copy with a fresh Message-ID, the user as",
        "recipient and a sender of its own, imported as a contact first: every message is a first reply",
        "and read in full; never stored in the repository). The baseline is rules-only extraction",
        "(`mailhook extract --tagger off`) over the same files in one process, in the same run. Replay",
        "uses the shipped tagger and stores, reads, fills and logs every message. `start-up s` is the",
        "same command over one message; `msg/s after start-up` counts only the time beyond it.",
        f"Statuses after the default replay: {', '.join(f'{k} {v:,}' for k, v in sorted(statuses.items()))}.",
        "",
        "| command | seconds | msg/s | x baseline | start-up s | msg/s after start-up | x baseline |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        lines.append(f"| {row.name} | {row.seconds:.2f} | {row.rate:,.1f} | {row.rate / base.rate:.2f} | "
                     f"{row.startup:.2f} | {row.steady:,.1f} | {row.steady / base.steady:.2f} |")
    return lines


if __name__ == "__main__":
    found, states = backfill(int(sys.argv[1]) if len(sys.argv) > 1 else 1200)
    print("\n".join(section(found, states)))
