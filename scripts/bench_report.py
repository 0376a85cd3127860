"""docs/benchmarks.md from one run of scripts/bench: the issue-13 goals first, each as a ratio to
its baseline with the absolute figure beside it, then every section's table."""

from __future__ import annotations

import os
import platform
import time
from dataclasses import dataclass, field

from bench_backfill import CORPUS, Timing, section
from bench_e2e import BUSY_BACKLOG, CONNECTIONS, EndToEnd
from bench_load import Result

Extracted = tuple[int, dict[str, float], dict[str, float], dict[str, float], dict[str, float]]


@dataclass
class Run:
    quick: bool
    note: str
    connections: int
    per_connection: int
    rounds: int
    intake: list[Result] = field(default_factory=list)
    ceiling: Result | None = None
    processing: list[tuple[str, int, float, float]] = field(default_factory=list)
    e2e_baseline: Result | None = None
    e2e: list[EndToEnd] = field(default_factory=list)
    backfill: tuple[list[Timing], dict[str, int]] | None = None
    extract: Extracted | None = None
    hostile: str = ""
    seconds: float = 0.0
    busy_before: list[str] = field(default_factory=list)  # other processes using CPU at the start
    busy_after: list[str] = field(default_factory=list)
    load_before: float = 0.0

    def row(self, name: str) -> Result:
        return next(r for r in self.intake if r.name == name)


def verdict(ok: bool) -> str:
    return "met" if ok else "**not met**"


def goals(run: Run) -> list[str]:
    noop = run.row("aiosmtpd no-op LMTP")
    busy = run.row("mailhook LMTP, workers busy")
    lines = [
        "## Issue 13 goals in this run",
        "",
        "| measure | ratio to its baseline | absolute | baseline (same run) | goal | |",
        "|---|---|---|---|---|---|",
    ]
    base = run.e2e_baseline
    assert base is not None
    for e2e in run.e2e:
        lines.append(
            f"| end to end, {e2e.processes} worker process{'es' if e2e.processes > 1 else ''} | "
            f"{e2e.rate / base.rate:.3f}x | {e2e.rate:,.1f} msg/s | no-op LMTP {base.rate:,.0f} msg/s | "
            f">= 150 msg/s | {verdict(e2e.rate >= 150)} |")
    if run.backfill is not None:
        rows = run.backfill[0]
        rules, default = rows[0], rows[-1]
        lines.append(
            f"| backfill: {default.name} | {default.rate / rules.rate:.2f}x "
            f"({default.steady / rules.steady:.2f}x after start-up) | {default.rate:,.1f} msg/s "
            f"({default.steady:,.1f} after start-up) | {rules.name}: {rules.rate:,.1f} msg/s "
            f"({rules.steady:,.1f}) | >= 1.0x | {verdict(default.rate >= rules.rate)} |")
    if run.extract is not None:
        _, rules_only, tagged, _intent, grouped = run.extract
        cpu = 1000 * grouped["cpu"] / grouped["messages"]
        alone = 1000 * tagged["cpu"] / tagged["messages"]
        base_cpu = 1000 * rules_only["cpu"] / rules_only["messages"]
        lines.append(f"| extraction CPU per message, tagger on, after load, in the worker's groups of "
                     f"8 ({alone:.2f} ms one at a time) | {cpu / base_cpu:.2f}x | {cpu:.2f} ms | rules "
                     f"only {base_cpu:.2f} ms | <= 5 ms | {verdict(cpu <= 5)} |")
    p99 = busy.percentile(0.99)
    lines.append(f"| intake while the workers drain a backlog | {busy.rate / noop.rate:.2f}x | "
                 f"{busy.rate:,.0f} msg/s, p99 {p99:.1f} ms | no-op LMTP {noop.rate:,.0f} msg/s, "
                 f"p99 {noop.percentile(0.99):.1f} ms | >= 0.8x, p99 <= 50 ms | "
                 f"{verdict(busy.rate >= 0.8 * noop.rate and p99 <= 50)} |")
    full = run.e2e[-1]
    workers = ", ".join(f"{mb:,.0f}" for name, mb in full.memory if name.startswith("worker"))
    lines.append(f"| peak memory, service and all {full.processes} workers (sum of each process's "
                 f"peak) | - | {full.total_mb:,.0f} MB (workers {workers} MB) | - | <= 1,536 MB | "
                 f"{verdict(full.total_mb <= 1536)} |")
    if run.ceiling is not None:
        lines.append(f"| load generator ceiling (vs smtp-sink -L) | {run.ceiling.rate / noop.rate:.2f}x "
                     f"no-op LMTP | {run.ceiling.rate:,.0f} msg/s | no-op LMTP {noop.rate:,.0f} msg/s | "
                     f"well above every server | {verdict(run.ceiling.rate > 1.5 * noop.rate)} |")
    return lines


def intake_section(run: Run) -> list[str]:
    lines = [
        f"## Intake: {run.connections} connections x {run.per_connection} messages of ~2 KB",
        "",
        "(Postfix's smtp-sink rows send 50 a connection: it stalls on thousands.)",
        "Reply latency is from the end of DATA to the (last) 250. mailhook answers only after its",
        "group commit (SQLite WAL, synchronous=FULL) has returned. Each server is compared with the",
        "no-op aiosmtpd server of its own protocol. The last row runs the same load while every",
        f"worker process (the default count, niceness 10) drains {BUSY_BACKLOG:,} stored first replies with",
        "the tagger; it starts once each worker has processed one, and the backlog outlasts it.",
        "While the listeners store a burst (200 msg/s or more), each worker waits up to 0.25 s",
        "before its next claim, then claims one message (mailhook/worker/priority.py): the line",
        "below the table says how much the workers still processed meanwhile.",
        f"Every server ran {run.rounds} round(s) in turn; msg/s is the median round (the range of all",
        "rounds beside it), latencies are pooled over the rounds. `client CPU` is the load",
        "generator's own CPU time over wall time in that round: under 1.0 it waited for the server.",
        "",
        "| server | msg/s | rounds' range | x no-op, same protocol | p50 ms | p99 ms | client CPU |",
        "|---|---|---|---|---|---|---|",
    ]
    noop = {"SMTP": run.row("aiosmtpd no-op SMTP"), "LMTP": run.row("aiosmtpd no-op LMTP")}
    rows = [*run.intake, *([run.ceiling] if run.ceiling else [])]
    for r in rows:
        base = noop["LMTP" if "LMTP" in r.name or "-L" in r.name else "SMTP"]
        spread = f"{min(r.rates):,.0f}-{max(r.rates):,.0f}" if len(r.rates) > 1 else "-"
        lines.append(f"| {r.name} | {r.rate:,.0f} | {spread} | {r.rate / base.rate:.2f} | "
                     f"{r.percentile(0.5):.1f} | {r.percentile(0.99):.1f} | "
                     f"{r.client_cpu / r.seconds:.2f} |")
    busy = run.row("mailhook LMTP, workers busy")
    if busy.processed is not None:
        lines += ["", f"During the median round of the last row ({busy.seconds:.2f} s) the workers "
                  f"processed {busy.processed:,} messages ({busy.processed / busy.seconds:,.0f} msg/s)."]
    return lines


def processing_section(run: Run) -> list[str]:
    first = run.processing[0]
    lines = [
        "## Processing: `mailhook process` draining a stored backlog",
        "",
        "Whole command with the default worker processes: start-up (each worker imports the pipeline",
        "and loads the tagger's weights), reading, routing, extraction, follow-up detection and the fill",
        "transaction. Every message is a different contact's first reply, read in full.",
        "`msg/s after start-up` counts the time beyond the one-message baseline run. Peak RSS is",
        "the largest single process of the run (RUSAGE_CHILDREN).",
        "",
        "| backlog | seconds | msg/s overall | msg/s after start-up | largest process peak RSS MB |",
        "|---|---|---|---|---|",
    ]
    for label, count, seconds, peak in run.processing:
        extra = seconds - first[2]
        if count == 1:
            steady = "(baseline)"
        else:
            steady = f"{(count - 1) / extra:,.1f}" if extra > 0.5 else "within start-up noise"
        lines.append(f"| {label} | {seconds:.2f} | {count / seconds:,.1f} | {steady} | {peak:,.0f} |")
    return lines


def e2e_section(run: Run) -> list[str]:
    base = run.e2e_baseline
    assert base is not None
    count = base.messages
    lines = [
        "## End to end: received over LMTP to processed, by a running `mailhook serve`",
        "",
        f"{count} first replies of known contacts (each a follow-up sentence such as \"Could you send",
        "me the updated quote by Friday?\" and a six-line UK signature), pre-built, sent over",
        f"{CONNECTIONS} LMTP connections; DKIM off. Before the clock, bursts of other first replies",
        "go in until every worker process has processed one (so each has loaded the tagger). Timed",
        "from the first send until the last message is processed. The baseline is the no-op LMTP",
        "server receiving the same messages over the same connections (it processes nothing).",
        "",
        "| server | worker processes | seconds | msg/s | x no-op | warm-up messages |",
        "|---|---|---|---|---|---|",
        f"| aiosmtpd no-op LMTP | - | {base.seconds:.2f} | {base.rate:,.0f} | 1.00 | - |",
    ]
    for e2e in run.e2e:
        lines.append(f"| mailhook serve | {e2e.processes} | {e2e.seconds:.2f} | {e2e.rate:,.1f} | "
                     f"{e2e.rate / base.rate:.3f} | {e2e.warm_up} |")
    lines += [
        "",
        "### Memory: peak RSS (VmHWM) of each process of the service, at the end of the run",
        "",
        "The total adds up each process's own peak (an upper bound of the peak of the whole).",
        "",
        "| worker processes | process | peak RSS MB |",
        "|---|---|---|",
    ]
    for e2e in run.e2e:
        lines += [f"| {e2e.processes} | {name} | {mb:,.0f} |" for name, mb in e2e.memory]
        lines.append(f"| {e2e.processes} | **all together** | **{e2e.total_mb:,.0f}** |")
    return lines


def render(run: Run) -> str:
    load = os.getloadavg()
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    lines = [
        "# Benchmarks",
        "",
        f"Measured by `scripts/bench{' --quick' if run.quick else ''}` on {stamp}, "
        f"{len(os.sched_getaffinity(0))} cores, Python {platform.python_version()}, one run of the "
        f"script ({run.seconds / 60:.1f} minutes; load average {run.load_before:.2f} at its start, "
        f"{load[0]:.2f} at its end). Every ratio "
        "is against a baseline measured in the same run on the same machine; absolute numbers vary "
        "between machines and runs.",
    ]
    if run.note:
        lines += ["", f"Also running on the machine: {run.note}"]
    for when, busy in (("start", run.busy_before), ("end", run.busy_after)):
        lines += ["", f"Other processes using CPU at the run's {when} (over 2 s): "
                  + ("; ".join(busy) if busy else "none over 10% of a core") + "."]
    lines += ["", *goals(run), "", *intake_section(run), "", *e2e_section(run)]
    if run.backfill is not None:
        lines += ["", *section(*run.backfill)]
    lines += ["", *processing_section(run), ""]
    text = "\n".join(lines)
    if run.extract is not None:
        from bench_extract import report

        text += "\n" + report(CORPUS, 1 if run.quick else 3, run.extract)
    return text + ("\n" + run.hostile if run.hostile else "")

