"""Measure the shipped tagger on the real-mail development corpus: span match, speed, load time.

    .venv/bin/python -m mailhook.training.measure ../shared/corpus [model.pt]

Run it in a fresh process: it times the first load (NumPy for the shipped weights; torch
and flair too for a flair model file) and a second one. The corpus is for measuring only;
nothing here trains on it.
"""

from __future__ import annotations

import json
import os
import re
import resource
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

# tagger label -> gold field(s) of the corpus; NAME is compared with first_name + last_name.
FIELDS: dict[str, tuple[str, ...]] = {
    "NAME": ("first_name", "last_name"),
    "TITLE": ("job_title",),
    "ORG": ("company",),
    "STREET": ("street_address",),
    "CITY": ("city",),
    "STATE": ("state",),
    "POSTCODE": ("postal_code",),
    "COUNTRY": ("country",),
}


@dataclass(frozen=True)
class Block:
    """The gold signature lines of one corpus message and its gold fields."""

    id: str
    lines: list[str]
    fields: dict[str, str | None]


def load_blocks(corpus: Path) -> list[Block]:
    """Messages with a sender signature, Japanese ones skipped as the corpus asks."""
    blocks = []
    for raw in (corpus / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(raw)
        if not record["has_signature"] or record["lang"] == "ja" or not record["signature_lines"]:
            continue
        first, last = record["signature_lines"]
        body = (corpus / record["body_file"]).read_text(encoding="utf-8").splitlines()
        blocks.append(Block(record["id"], body[first : last + 1], record["fields"]))
    return blocks


def normalise(text: str) -> str:
    """The corpus scorer's normalisation: casefold, collapsed whitespace, no trailing punctuation."""
    return re.sub(r"\s+", " ", text.casefold()).strip().rstrip(".,;:").strip()


def compare(label: str, fields: dict[str, str | None], found: list[str]) -> str:
    """'exact' or 'overlap' when one of the spans matches the gold value (STREET spans are joined
    first), 'wrong' when none does, 'missed' (no span), 'spurious' (no gold value) or 'none'."""
    gold_parts = [fields[f] for f in FIELDS[label]]
    gold = normalise(" ".join(p for p in gold_parts if p)) if any(gold_parts) else ""
    if not found:
        return "missed" if gold else "none"
    if not gold:
        return "spurious"
    guesses = [normalise(g) for g in ([", ".join(found)] if label == "STREET" else found)]
    if any(g == gold or (label == "NAME" and _has_words(g, gold_parts)) for g in guesses):
        return "exact"
    return "overlap" if any(gold in g or g in gold for g in guesses) else "wrong"


def _has_words(guess: str, parts: list[str | None]) -> bool:
    """A name span holding the first and last name as whole words, plus at most a middle name or
    initial and an honorific ("Brian T. Hoskins"), which name splitting drops anyway."""
    names = [normalise(p) for p in parts if p]
    extra = len(guess.split()) - sum(len(n.split()) for n in names)
    return bool(names) and extra <= 2 and all(
        re.search(rf"(?<!\w){re.escape(n)}(?!\w)", guess) for n in names)


def _rates(count: int, wall: float, cpu: float) -> str:
    """Throughput by wall clock and by CPU time (the second is steadier on a shared machine)."""
    return f"{count / (time.perf_counter() - wall):.0f} ({count / (time.process_time() - cpu):.0f})"


def _max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str]) -> int:
    corpus = Path(argv[0]) if argv else Path("../shared/corpus")
    model = Path(argv[1]) if len(argv) > 1 else None
    os.environ["OMP_NUM_THREADS"] = "1"  # read by torch when it is imported: time one thread
    from mailhook.pipeline.tagger import SignatureTagger

    started = time.perf_counter()
    SignatureTagger.load(model)  # the first load imports NumPy (torch and flair for a flair file)
    first = time.perf_counter()
    tagger = SignatureTagger.load(model)
    again = time.perf_counter()
    print(f"first load (with its imports) {first - started:.2f} s, "
          f"model load alone {again - first:.2f} s, max RSS {_max_rss_mb():.0f} MB")

    blocks = load_blocks(corpus)
    predictions = tagger.tag_many([b.lines for b in blocks])
    print(f"\n{len(blocks)} signature blocks from {corpus}")
    print(f"{'label':9} {'gold':>5} {'exact':>6} {'overlap':>8} {'wrong':>6} {'missed':>7} "
          f"{'spurious':>9} {'several':>8}")
    for label in FIELDS:
        found = [[s.text for s in spans if s.label == label] for spans in predictions]
        counts = Counter(compare(label, b.fields, f) for b, f in zip(blocks, found, strict=True))
        several = sum(len(f) > 1 for f in found) if label != "STREET" else 0
        gold = counts["exact"] + counts["overlap"] + counts["wrong"] + counts["missed"]
        print(f"{label:9} {gold:5d} {counts['exact']:6d} {counts['overlap']:8d} {counts['wrong']:6d} "
              f"{counts['missed']:7d} {counts['spurious']:9d} {several:8d}")

    sample = [b.lines for b in blocks] * max(1, 600 // len(blocks))
    wall, cpu = time.perf_counter(), time.process_time()
    for lines in sample:
        tagger.tag(lines)
    single = _rates(len(sample), wall, cpu)
    wall, cpu = time.perf_counter(), time.process_time()
    tagger.tag_many(sample)
    batched = _rates(len(sample), wall, cpu)
    print(f"\nsignatures/s on one thread, wall clock (CPU time): one by one {single}, "
          f"in batches of 32 {batched} ({len(sample)} blocks, "
          f"{sum(map(len, sample)) / len(sample):.1f} lines each)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
