"""Benchmarks of intake and processing, as ratios to baselines measured in the same run.

Usage: .venv/bin/python scripts/bench.py [--quick] [--out docs/benchmarks.md]

Intake: the same async client load (C connections x M messages) against
  - a no-op aiosmtpd server whose handler answers 250 at once (the baseline),
  - Postfix's smtp-sink, if installed (a second, C baseline),
  - mailhook's SMTP and LMTP listeners, which answer 250 only after a durable commit.
Processing: a backlog of stored messages drained by `mailhook process` (the real worker and
pipeline), by backlog size and message size, with the child's peak RSS.
Servers run in their own processes, so client and server each get a core.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAILHOOK = str(Path(sys.executable).parent / "mailhook")
USER = "ann@us.example"
FORWARDING = "log@hook.localhost"

NOOP_SERVER = """
import asyncio, sys
from aiosmtpd.smtp import SMTP
from aiosmtpd.lmtp import LMTP

class Handler:
    async def handle_DATA(self, server, session, envelope):
        return "\\r\\n".join(["250 2.0.0 OK"] * len(envelope.rcpt_tos)) if LMTP_MODE else "250 2.0.0 OK"

LMTP_MODE = sys.argv[2] == "lmtp"
async def main():
    loop = asyncio.get_running_loop()
    cls = LMTP if LMTP_MODE else SMTP
    server = await loop.create_server(lambda: cls(Handler(), hostname="noop", loop=loop),
                                      "127.0.0.1", int(sys.argv[1]))
    print("ready", flush=True)
    await asyncio.Event().wait()
asyncio.run(main())
"""


@dataclass
class Result:
    name: str
    messages: int
    seconds: float
    latencies: list[float]
    rates: list[float] = field(default_factory=list)  # each round's, when there were several

    @property
    def rate(self) -> float:
        return self.messages / self.seconds

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def sample_message(index: int, size: int = 2048, sender: str = "bob@acme.example") -> bytes:
    msg = EmailMessage()
    msg["From"] = f"Bob Smith <{sender}>"
    msg["To"] = "bob@acme.example" if sender == USER else USER
    msg["Subject"] = f"Re: quote {index}"
    msg["Message-ID"] = f"<bench-{index}-{time.monotonic_ns()}@acme.example>"
    signature = "\n\nBest regards,\nBob Smith\nSales Director\nAcme GmbH\nTel: +49 30 1234567\n"
    filler = ("We looked at the proposal and have a few questions about delivery. " * 200)
    body = "Hi Ann,\n\n" + filler[: max(0, size - 400)] + signature
    msg.set_content(body)
    return bytes(msg).replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


async def _reply(reader: asyncio.StreamReader) -> str:
    while True:
        line = (await reader.readline()).decode()
        if not line:
            raise ConnectionError("server closed the connection")
        if line[3:4] != "-":
            return line


async def _session(port: int, lmtp: bool, messages: list[bytes], latencies: list[float],
                   recipients: list[str], sender: str) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    await _reply(reader)
    writer.write(f"{'LHLO' if lmtp else 'EHLO'} bench.localhost\r\n".encode())
    await _reply(reader)
    for raw in messages:
        writer.write(f"MAIL FROM:<{sender}>\r\n".encode())
        assert (await _reply(reader)).startswith("250")
        for rcpt in recipients:
            writer.write(f"RCPT TO:<{rcpt}>\r\n".encode())
            assert (await _reply(reader)).startswith("250")
        writer.write(b"DATA\r\n")
        assert (await _reply(reader)).startswith("354")
        writer.write(raw + b".\r\n")
        started = time.perf_counter()
        for _ in range(len(recipients) if lmtp else 1):
            reply = await _reply(reader)
            if not reply.startswith("250"):
                raise RuntimeError(f"unexpected reply {reply!r}")
        latencies.append(time.perf_counter() - started)
    writer.write(b"QUIT\r\n")
    await _reply(reader)
    writer.close()


def load(name: str, port: int, lmtp: bool, connections: int, per_connection: int,
         recipients: list[str], sender: str = "bob@acme.example") -> Result:
    latencies: list[float] = []
    # Built before the clock starts: building an EmailMessage costs more than a no-op server's
    # reply, and a load generator that slow would hold both servers to its own pace.
    batches = [[sample_message(c * per_connection + i, sender=sender) for i in range(per_connection)]
               for c in range(connections)]

    async def run() -> float:
        started = time.perf_counter()
        await asyncio.gather(*(
            _session(port, lmtp, batch, latencies, recipients, sender) for batch in batches))
        return time.perf_counter() - started

    seconds = asyncio.run(run())
    return Result(name, connections * per_connection, seconds, latencies)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_line(proc: subprocess.Popen[str], needle: str) -> None:
    assert proc.stdout is not None
    for line in proc.stdout:
        if needle in line:
            return
    raise RuntimeError(f"server exited before saying {needle!r}")


def start_noop(lmtp: bool) -> tuple[subprocess.Popen[str], int]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-c", NOOP_SERVER, str(port), "lmtp" if lmtp else "smtp"],
                            stdout=subprocess.PIPE, text=True)
    wait_line(proc, "ready")
    return proc, port


def start_sink() -> tuple[subprocess.Popen[str], int] | None:
    if shutil.which("smtp-sink") is None:
        return None
    port = free_port()
    # As root smtp-sink must be told whom to run as; "nobody" is enough for a sink.
    user = ["-u", "nobody"] if os.geteuid() == 0 else []
    proc = subprocess.Popen(["smtp-sink", *user, "-c", f"127.0.0.1:{port}", "256"], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # smtp-sink prints nothing when ready: probe the port
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return proc, port
        time.sleep(0.05)
    proc.kill()
    return None


def write_config(work: Path) -> Path:
    config = work / "mailhook.toml"
    config.write_text(
        f'[database]\npath = "{work / "mailhook.db"}"\n[smtp]\nport = 0\n[lmtp]\nport = 0\n'
        f'[addresses]\nforwarding = ["{FORWARDING}"]\n[dkim]\npolicy = "off"\n'
    )
    run([MAILHOOK, "users", "add", USER, "--inbox-automation", "on", "--config", str(config)])
    run([MAILHOOK, "contacts", "add", "bob@acme.example", "--config", str(config)])
    return config


def run(args: list[str]) -> None:
    subprocess.run(args, check=True, capture_output=True)


def start_hook(config: Path, worker: bool = False) -> tuple[subprocess.Popen[str], int, int]:
    flags = [] if worker else ["--no-worker"]
    proc = subprocess.Popen([MAILHOOK, "serve", *flags, "--log-level", "warning", "--config",
                             str(config)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("mailhook listening"):
            smtp = int(line.split("smtp=")[1].split()[0].rsplit(":", 1)[1])
            lmtp = int(line.split("lmtp=")[1].split()[0].rsplit(":", 1)[1])
            return proc, smtp, lmtp
    raise RuntimeError("mailhook serve did not start")


def stop(proc: subprocess.Popen[str]) -> None:
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


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
    return Result(middle.name, middle.messages, middle.seconds, pooled,
                  rates=[r.rate for r in results])


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
            results.append(load("Postfix smtp-sink", sink[1], False, connections, per_connection, [USER]))
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
    with tempfile.TemporaryDirectory(prefix="mailhook-bench-") as tmp:
        # The same LMTP load while the worker process drains a backlog of first replies.
        config = write_config(Path(tmp))
        store_backlog(Path(tmp) / "mailhook.db", 2000, 2048)
        proc, smtp_port, lmtp_port = start_hook(config, worker=True)
        try:
            results.append(load("mailhook LMTP, worker busy", lmtp_port, True, connections,
                                per_connection, [USER]))
        finally:
            stop(proc)
    return results


def store_backlog(db: Path, count: int, size: int) -> None:
    """`count` stored messages, each a different (existing) contact's first reply."""
    from mailhook.store import Received, Store

    store = Store(db)
    senders = [f"bob{i}@acme.example" for i in range(count)]
    store.import_contacts([{"email": sender} for sender in senders])
    store.insert_received([
        Received(sample_message(i, size, sender=sender), f"<p{i}@acme.example>", USER, "lmtp",
                 sender, (USER,), None) for i, sender in enumerate(senders)])
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
            store_backlog(Path(tmp) / "mailhook.db", count, size)
            started = time.perf_counter()
            peak = run_peak([MAILHOOK, "process", "--config", str(config)])
            seconds = time.perf_counter() - started
            rows.append((f"{count} x {_size(size)}", count, seconds, peak))
    baseline = min(rows[:2], key=lambda row: row[2])
    return [baseline, *rows[2:]]


def run_peak(args: list[str]) -> float:
    """Run a command to its end and return its own peak RSS in MB. wait4 reports the usage of
    that one child; RUSAGE_CHILDREN would be the largest of all children waited for so far."""
    with tempfile.TemporaryFile() as errors:  # a file, not a pipe: nobody reads while we wait
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode:
            errors.seek(0)
            raise subprocess.CalledProcessError(proc.returncode, args, stderr=errors.read())
    return usage.ru_maxrss / 1024


def _size(size: int) -> str:
    return f"{size // 1_000_000} MB" if size >= 1_000_000 else f"{size // 1000} KB"


def report(intake_results: list[Result], processing_rows: list[tuple[str, int, float, float]],
           connections: int, per_connection: int, rounds: int,
           e2e: tuple[int, float, float, float] | None = None) -> str:
    baseline = intake_results[0]
    lines = [
        "# Benchmarks",
        "",
        f"Measured by `scripts/bench` on {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, one run of the script. Ratios are against baselines measured "
        "in the same run on the same machine; absolute numbers vary between machines and runs.",
        "",
        f"## Intake: {connections} connections x {per_connection} messages of ~2 KB",
        "",
        "Reply latency is from the end of DATA to the (last) 250. mailhook answers only after its",
        "group commit (SQLite WAL, synchronous=FULL) has returned.",
        "",
        "Each server is compared with the no-op aiosmtpd server of its own protocol (goal for",
        "mailhook: at least 0.8x, by group commit, with durability intact). The last row runs the",
        "same load while the worker process (niceness 10) drains 2,000 stored first replies with",
        "the tagger (its latency is what users of the MTA would feel while the hook is busy).",
        f"Every server ran {rounds} round(s) in turn; msg/s is the median round (the range of all",
        "rounds beside it), latencies are pooled over the rounds.",
        "",
        "| server | msg/s | rounds' range | x no-op, same protocol | p50 ms | p99 ms |",
        "|---|---|---|---|---|---|",
    ]
    noop = {"SMTP": baseline, "LMTP": intake_results[1]}
    for r in intake_results:
        base = noop["LMTP" if "LMTP" in r.name else "SMTP"]
        spread = f"{min(r.rates):,.0f}-{max(r.rates):,.0f}" if len(r.rates) > 1 else "-"
        lines.append(f"| {r.name} | {r.rate:,.0f} | {spread} | {r.rate / base.rate:.2f} | "
                     f"{r.percentile(0.5):.1f} | {r.percentile(0.99):.1f} |")
    first = processing_rows[0]
    lines += [
        "",
        "## Processing: `mailhook process` draining a stored backlog",
        "",
        "Whole process: start-up (importing flair and loading the tagger take most of the first",
        "seconds), reading, routing, extraction with the shipped tagger, follow-up detection and the",
        "fill transaction. Every message is a different contact's first reply, so each is read in full.",
        "",
        "`msg/s after start-up` counts the time beyond the one-message baseline run (start-up and",
        "loading the tagger), i.e. the rate of a worker that is already running. Peak RSS is each",
        "`mailhook process` run's own (from wait4).",
        "",
        "| backlog | seconds | msg/s overall | msg/s after start-up | peak RSS MB |",
        "|---|---|---|---|---|",
    ]
    for label, count, seconds, peak in processing_rows:
        extra = seconds - first[2]
        if count == 1:
            steady = "(baseline)"
        else:
            steady = f"{(count - 1) / extra:,.1f}" if extra > 0.5 else "within start-up noise"
        lines.append(f"| {label} | {seconds:.2f} | {count / seconds:,.1f} | {steady} | {peak:,.0f} |")
    if e2e is not None:
        count, seconds, rate, peak = e2e
        lines += [
            "",
            "## End to end: received over LMTP to processed, by a running `mailhook serve`",
            "",
            f"{count} first replies of different contacts, sent over 10 LMTP connections to a hook",
            "whose worker has already loaded the tagger (one warm-up message); timed from the first",
            "send until the last message is processed (goal: at least 50 msg/s). Peak RSS adds up the",
            "service and its worker process (VmHWM).",
            "",
            "| messages | seconds | msg/s end to end | peak RSS MB |",
            "|---|---|---|---|",
            f"| {count} | {seconds:.2f} | {rate:,.1f} | {peak:,.0f} |",
        ]
    lines.append("")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small loads, for a smoke run")
    parser.add_argument("--out", type=Path, default=None, help="write the Markdown report here")
    args = parser.parse_args()
    connections, per_connection = (5, 20) if args.quick else (20, 50)
    backlogs = [50, 200] if args.quick else [100, 1000]
    sizes = [100_000, 1_000_000] if args.quick else [1_000, 100_000, 1_000_000, 10_000_000]
    rounds = 1 if args.quick else 3
    intake_results = intake(connections, per_connection, rounds)
    processing_rows = processing(backlogs, sizes)
    from bench_e2e import end_to_end

    e2e_count = 200 if args.quick else 1000
    e2e = (e2e_count, *end_to_end(e2e_count))
    text = report(intake_results, processing_rows, connections, per_connection, rounds, e2e)
    corpus = ROOT.parent / "shared" / "corpus"
    if (corpus / "messages").is_dir():
        from bench_extract import report as extract_report

        text += "\n" + extract_report(corpus, 1 if args.quick else 3)
    from bench_hostile import report as hostile_report

    text += "\n" + hostile_report("packaged", None)
    print(text)
    if args.out:
        args.out.write_text(text)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "scripts"))
    main()
