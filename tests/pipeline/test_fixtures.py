"""Data-driven checks: each tests/data/pipeline/<name>.eml against the expectations in <name>.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from mailhook.model import Author
from mailhook.pipeline import extract, extraction_record, read_message

DATA = Path(__file__).resolve().parents[1] / "data" / "pipeline"
FIXTURES = sorted(path.stem for path in DATA.glob("*.eml"))
# Keys of a fixture's JSON that are compared with the extraction record as they are.
RECORD_KEYS = ("message_id", "language", "skipped", "has_signature", "signature", "signature_lines")


def _expected(name: str) -> dict[str, Any]:
    result: dict[str, Any] = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
    return result


def _record(name: str) -> tuple[dict[str, Any], Any, Any]:
    path = DATA / f"{name}.eml"
    reading = read_message(path.read_bytes())
    extraction = extract(reading.own)
    return extraction_record(str(path), reading, extraction), reading, extraction


def test_every_fixture_has_its_expectations() -> None:
    """Each .eml fixture comes with a .json of expectations that says what it shows."""
    assert len(FIXTURES) >= 11
    for name in FIXTURES:
        assert _expected(name)["about"], name


@pytest.mark.parametrize("name", FIXTURES)
def test_extraction_record_matches_fixture(name: str) -> None:
    """The record's language, skip, signature range and all 12 fields are as the fixture says."""
    expected = _expected(name)
    record, _, _ = _record(name)
    for key in RECORD_KEYS:
        if key in expected:
            assert record[key] == expected[key], f"{name}: {key} ({expected['about']})"
    assert record["fields"] == expected["fields"], expected["about"]


@pytest.mark.parametrize("name", FIXTURES)
def test_record_is_json_with_evidence_for_every_field(name: str) -> None:
    """The record survives a JSON round trip and every filled field has its evidence line."""
    record, _, _ = _record(name)
    assert json.loads(json.dumps(record)) == record
    filled = {field for field, value in record["fields"].items() if value is not None}
    assert set(record["evidence"]) == filled
    for evidence in record["evidence"].values():
        assert evidence["line"] and evidence["extractor"] and 0 < evidence["confidence"] <= 1


@pytest.mark.parametrize("name", [n for n in FIXTURES if "values" in _expected(n)])
def test_phone_values_are_normalised_to_e164(name: str) -> None:
    """Extraction.values holds phones in E.164 while the record keeps them as written."""
    _, _, extraction = _record(name)
    for field, value in _expected(name)["values"].items():
        assert extraction.values[field] == value


@pytest.mark.parametrize("name", [n for n in FIXTURES if "forwarded" in _expected(n)])
def test_forwarded_original_sender_and_block_are_found(name: str) -> None:
    """A forward (inline block or attached message/rfc822) yields the original sender's Part."""
    expected = _expected(name)["forwarded"]
    _, reading, _ = _record(name)
    assert reading.forwarded is not None
    assert reading.forwarded.author == Author(**expected["author"])
    assert extract(reading.forwarded).fields == expected["fields"]


@pytest.mark.parametrize("name", FIXTURES)
def test_signature_lines_point_at_the_signature_in_the_body(name: str) -> None:
    """signature_lines index Reading.body, and the lines there are the signature text."""
    record, reading, _ = _record(name)
    if record["signature_lines"] is None:
        assert record["signature"] is None
        return
    first, last = record["signature_lines"]
    assert "\n".join(reading.body.split("\n")[first : last + 1]) == record["signature"]
    starts = _expected(name).get("signature_starts_with")
    if starts:
        assert record["signature"].strip().startswith(starts)
