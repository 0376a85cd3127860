"""Speed and memory of extraction over the corpus, with and without the tagger, in one run.

Usage: .venv/bin/python scripts/bench_extract.py [CORPUS_DIR] [--rounds N] [--out FILE]
(`scripts/bench` includes this section in docs/benchmarks.md.)

Each setting runs `--rounds` times, each time in a fresh process (so peak RSS is its own, and no
cache holds a message's lines from an earlier pass): it loads the finders, warms up on the
worker's own sample message, then reads and extracts every corpus message once, on one thread;
the run of median CPU time is reported. CPU per message is the process's CPU time (user and
system) over that pass, after the load.
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
GROUP = 8  # mailhook.worker.processing.CLAIM_GROUP: messages a worker claims and reads together
Measured = tuple[int, dict[str, float], dict[str, float], dict[str, float], dict[str, float]]

CHILD = """
import json, resource, sys, time
started = time.perf_counter()
from mailhook import pipeline
from mailhook.model import Author
from mailhook.worker.processing import WARM_TEXT
tagger, _, group = sys.argv[1].partition(":")
finders = pipeline.load_finders(tagger)
# Warmed up as a worker is (its sample message loads the data packages), not on these messages:
# a second pass over the same messages would find their lines' answers and tokens cached.
pipeline.extract(pipeline.Part(Author("Jane Doe", "jane@example.co.uk"), WARM_TEXT, 0), finders)
loaded = time.perf_counter()
paths = sys.argv[3:]
raws = [open(p, "rb").read() for p in paths]
size = int(group or 1)
count = 0
run_started, cpu_started = time.perf_counter(), time.process_time()
for at in range(0, len(raws), size):
    pipeline.extract_many([pipeline.read_message(raw).own for raw in raws[at:at + size]], finders)
    count += len(raws[at:at + size])
seconds = time.perf_counter() - run_started
cpu = time.process_time() - cpu_started
print(json.dumps({"load": loaded - started, "messages": count, "seconds": seconds, "cpu": cpu,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

# Follow-up intent as a worker runs it after the extraction (inbox automation on): the own words
# and the language the pipeline read, timed alone with the signature search that cuts the words
# above the block; setting "intent" of measure().
INTENT_CHILD = """
import json, resource, sys, time
from mailhook import pipeline
from mailhook.automation import intent
from mailhook.pipeline.language import detect_language
paths = sys.argv[3:]
raws = [open(p, "rb").read() for p in paths]
parts = [pipeline.read_message(raw).own for raw in raws]
languages = [detect_language(part.text) for part in parts]
intent.detect_tasks("Can you send the quote by Friday?", language="en")
intent.due_date("I will call you on Monday.", "en", None)
count, started = 0, time.process_time()
for _ in range(int(sys.argv[2])):
    for raw, part, language in zip(raws, parts, languages):
        if intent.excluded_reason(raw) is None:
            text, below = pipeline.around_signature(part)  # as the worker reads it: above the block
            intent.detect_tasks(text, below=below, sent=intent.sent_at(raw), language=language,
                                mail=intent.audience(raw))
        count += 1
print(json.dumps({"load": 0.0, "messages": count, "seconds": 1.0, "cpu": time.process_time() - started,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def measure(tagger: str, rounds: int, paths: list[str]) -> dict[str, float]:
    """`rounds` fresh processes, each reading every message once; the one of median CPU time."""
    env = dict(os.environ, OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    child = INTENT_CHILD if tagger == "intent" else CHILD
    results = []
    for _ in range(rounds):
        done = subprocess.run([sys.executable, "-c", child, tagger, "1", *paths], check=True,
                              capture_output=True, text=True, env=env, cwd=ROOT)
        results.append(dict(json.loads(done.stdout.strip().splitlines()[-1])))
    return sorted(results, key=lambda r: r["cpu"])[len(results) // 2]


def cpu_ms(result: dict[str, float]) -> float:
    """Milliseconds of CPU per message after the load."""
    return 1000 * result["cpu"] / result["messages"]


def measure_both(corpus: Path, rounds: int) -> Measured:
    """(messages in the corpus, rules only, rules + tagger, intent, rules + tagger in the
    worker's groups), measured now one after the other."""
    paths = sorted(str(p) for p in (corpus / "messages").iterdir())
    return (len(paths), measure("off", rounds, paths), measure("packaged", rounds, paths),
            measure("intent", rounds, paths), measure(f"packaged:{GROUP}", rounds, paths))


def report(corpus: Path, rounds: int, measured: Measured | None = None) -> str:
    """The Markdown section: the settings measured now, one after the other, and intent."""
    count, rules, tagged, intent, grouped = measured or measure_both(corpus, rounds)
    lines = [
        "## Extraction speed (`scripts/bench-extract`)",
        "",
        f"Measured on {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, one thread, {count} corpus messages read once per "
        f"process after the load and the worker's warm-up; each setting in {rounds} fresh "
        "processes, the one of median CPU time shown (a second pass in one process would find "
        "the messages' lines and tokens cached).",
        "",
        "| setting | load s | msg/s | x rules only | CPU ms per message | peak RSS MB |",
        "|---|---|---|---|---|---|",
    ]
    base = rules["messages"] / rules["seconds"]
    settings = (("rules only (`--tagger off`)", rules), ("rules + tagger, one message at a time", tagged),
                (f"rules + tagger, {GROUP} at a time (`extract_many`, as a worker reads a claimed "
                 "group)", grouped))
    for name, result in settings:
        rate = result["messages"] / result["seconds"]
        lines.append(f"| {name} | {result['load']:.1f} | {rate:,.0f} | {rate / base:.2f} | "
                     f"{cpu_ms(result):.2f} | {result['rss_mb']:,.0f} |")
    lines += ["", f"Follow-up intent after it (inbox automation on; the own words and language the "
              f"pipeline read, as the worker runs it): {cpu_ms(intent):.2f} ms of CPU per message, "
              f"{cpu_ms(intent) / cpu_ms(tagged):.2f}x the extraction with the tagger."]
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
