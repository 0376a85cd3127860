"""The JSON line that reports one message's extraction."""

from __future__ import annotations

from typing import Any

from mailhook.model import FIELDS, Extraction
from mailhook.pipeline.reading import Reading


def extraction_record(path: str, reading: Reading, extraction: Extraction) -> dict[str, Any]:
    """Return the JSON-ready record: fields as written, evidence per field, lines in the body."""
    return {
        "path": path,
        "message_id": reading.message_id,
        "language": extraction.language,
        "skipped": extraction.skipped,
        "has_signature": extraction.has_signature,
        "signature": extraction.signature,
        "signature_lines": list(extraction.signature_lines) if extraction.signature_lines else None,
        "fields": {name: extraction.fields.get(name) for name in FIELDS},
        "evidence": {
            name: {
                "line": ev.line,
                "extractor": ev.extractor,
                "confidence": ev.confidence,
                "original": ev.original,
            }
            for name, ev in extraction.evidence.items()
        },
    }
