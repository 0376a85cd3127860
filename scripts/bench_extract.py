"""Speed and memory of extraction over the corpus, with and without the tagger, in one run.

Usage: .venv/bin/python scripts/bench_extract.py [CORPUS_DIR] [--rounds N] [--out FILE]
(`scripts/bench` includes this section in docs/benchmarks.md.)

Each setting runs in a fresh process (so peak RSS is its own): it loads the finders once, then
reads and extracts every corpus message `--rounds` times in a batch, on one thread. CPU per
message is the process's CPU time (user and system) over that loop, after the load.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import json, resource, sys, time
started = time.perf_counter()
import torch
torch.set_num_threads(1)
from mailhook import pipeline
finders = pipeline.load_finders(sys.argv[1])
loaded = time.perf_counter()
paths = sys.argv[3:]
raws = [open(p, "rb").read() for p in paths]
count = 0
run_started, cpu_started = time.perf_counter(), time.process_time()
for _ in range(int(sys.argv[2])):
    for raw in raws:
        pipeline.extract(pipeline.read_message(raw).own, finders)
        count += 1
seconds = time.perf_counter() - run_started
cpu = time.process_time() - cpu_started
print(json.dumps({"load": loaded - started, "messages": count, "seconds": seconds, "cpu": cpu,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def measure(tagger: str, rounds: int, paths: list[str]) -> dict[str, float]:
    env = dict(os.environ, OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    done = subprocess.run([sys.executable, "-c", CHILD, tagger, str(rounds), *paths], check=True,
                          capture_output=True, text=True, env=env, cwd=ROOT)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def cpu_ms(result: dict[str, float]) -> float:
    """Milliseconds of CPU per message after the load."""
    return 1000 * result["cpu"] / result["messages"]


def measure_both(corpus: Path, rounds: int) -> tuple[int, dict[str, float], dict[str, float]]:
    """(messages in the corpus, rules only, rules + tagger), measured now one after the other."""
    paths = sorted(str(p) for p in (corpus / "messages").iterdir())
    return len(paths), measure("off", rounds, paths), measure("packaged", rounds, paths)


def report(corpus: Path, rounds: int,
           measured: tuple[int, dict[str, float], dict[str, float]] | None = None) -> str:
    """The Markdown section: both settings measured now, one after the other."""
    count, rules, tagged = measured or measure_both(corpus, rounds)
    lines = [
        "## Extraction speed (`scripts/bench-extract`)",
        "",
        f"Measured on {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, one thread, {count} corpus messages x {rounds} rounds, "
        "each setting in its own process.",
        "",
        "| setting | load s | msg/s | x rules only | CPU ms per message | peak RSS MB |",
        "|---|---|---|---|---|---|",
    ]
    base = rules["messages"] / rules["seconds"]
    for name, result in (("rules only (`--tagger off`)", rules), ("rules + tagger", tagged)):
        rate = result["messages"] / result["seconds"]
        lines.append(f"| {name} | {result['load']:.1f} | {rate:,.0f} | {rate / base:.2f} | "
                     f"{cpu_ms(result):.2f} | {result['rss_mb']:,.0f} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    text = report(args.corpus, args.rounds)
    print(text)
    if args.out:
        args.out.write_text(text)


if __name__ == "__main__":
    main()
