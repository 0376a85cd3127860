"""The fill rules, as pure functions: which extracted values may fill which contact properties."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .model import PROPERTIES, Extraction


@dataclass(frozen=True)
class Candidate:
    """A value the pipeline found for one property, ready for storage, with its evidence."""

    property: str
    value: str
    original: str | None
    evidence: dict[str, Any]


@dataclass(frozen=True)
class ContactState:
    """What the rules need to know about a contact at the moment of filling."""

    values: dict[str, str | None]
    user_edited: frozenset[str]
    scanned_message_id: str | None  # set once the contact's first reply was scanned


def candidates_from(extraction: Extraction) -> tuple[Candidate, ...]:
    """Turn an extraction into per-property candidates (company is not a contact property)."""
    found = []
    for prop in PROPERTIES:
        value = extraction.values.get(prop) or extraction.fields.get(prop)
        if not value or not value.strip():
            continue
        evidence = extraction.evidence.get(prop)
        detail: dict[str, Any] = {}
        if evidence is not None:
            detail = {
                "line": evidence.line,
                "extractor": evidence.extractor,
                "confidence": evidence.confidence,
            }
        original = extraction.fields.get(prop)
        found.append(Candidate(prop, value.strip(), original, detail))
    return tuple(found)


def decide_fills(state: ContactState, candidates: tuple[Candidate, ...]) -> list[Candidate]:
    """HubSpot's rule, strictly: only the first scanned reply fills, and only empty, never
    user-edited properties; the AI never overwrites anything."""
    if state.scanned_message_id is not None:
        return []
    fills: list[Candidate] = []
    for candidate in candidates:
        prop = candidate.property
        if prop not in PROPERTIES or prop in state.user_edited:
            continue
        if (state.values.get(prop) or "").strip() or any(f.property == prop for f in fills):
            continue
        fills.append(candidate)
    return fills
