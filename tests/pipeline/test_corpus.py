"""The shared development corpus, when present: Japanese skipped, nothing else skipped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mailhook.errors import MalformedMessage
from mailhook.pipeline import extract, read_message

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"

pytestmark = pytest.mark.skipif(not (CORPUS / "gold.jsonl").exists(), reason="no shared corpus")


def _gold() -> list[dict[str, object]]:
    return [json.loads(line) for line in (CORPUS / "gold.jsonl").read_text().splitlines()]


def test_all_japanese_and_no_other_message_is_skipped() -> None:
    """Every ja message is skipped with language:ja; no message in another language is skipped."""
    wrong: list[tuple[object, str | None]] = []
    for record in _gold():
        try:
            reading = read_message((CORPUS / str(record["file"])).read_bytes())
        except MalformedMessage:
            wrong.append((record["id"], "malformed"))
            continue
        skipped = extract(reading.own).skipped
        expected = "language:ja" if record["lang"] == "ja" else None
        if skipped != expected:
            wrong.append((record["id"], skipped))
    assert wrong == []
