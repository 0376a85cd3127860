"""The fill rules, as pure functions: which extracted values may fill which contact properties."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cleanco import basename

from mailhook.model import CONTACT_FIELDS, PHONE_FIELDS, PROPERTIES, SOURCE_AI, Extraction


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
    sources: dict[str, str] = field(default_factory=dict)  # who wrote each current value


# Why a candidate was not written (stored with it, so a user can see why nothing changed).
SAME = "same value"
USER_EDITED = "user-edited"
HOLDS_VALUE = "holds a value"
NOT_FIRST = "not the first scanned reply"
POLICY_SUGGEST = "policy suggest"
NOT_FILLABLE = "never filled by the AI"


@dataclass(frozen=True)
class Decision:
    """What one scanned reply does to one contact: each candidate is filled, suggested or kept."""

    fills: tuple[Candidate, ...] = ()
    suggestions: tuple[Candidate, ...] = ()
    reasons: dict[str, str] = field(default_factory=dict)  # property -> why it was not filled


def candidates_from(extraction: Extraction) -> tuple[Candidate, ...]:
    """Every value the extraction found, as per-property candidates with their evidence (company
    too: it is kept and may be suggested, but the AI never fills it)."""
    found = []
    for prop in CONTACT_FIELDS:
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


def decide(state: ContactState, candidates: tuple[Candidate, ...], policy: str) -> Decision:
    """Apply a fill policy (config [fill] policy) to one reply's candidates.

    hubspot: only the first scanned reply fills, and only empty, never user-edited properties.
    own: any scanned reply fills those, and may also replace a value the AI itself wrote.
    suggest: nothing is written.
    Every other value that differs from what the contact holds becomes a suggested update.
    """
    fills: list[Candidate] = []
    suggestions: list[Candidate] = []
    reasons: dict[str, str] = {}
    for candidate in _first_per_property(candidates):
        prop = candidate.property
        current = state.values.get(prop)
        if same_value(prop, current, candidate.value):
            reasons[prop] = SAME
            continue
        reason = _why_not_written(state, prop, policy)
        if reason is None:
            fills.append(candidate)
            continue
        reasons[prop] = reason
        suggestions.append(candidate)
    return Decision(tuple(fills), tuple(suggestions), reasons)


def _why_not_written(state: ContactState, prop: str, policy: str) -> str | None:
    """None when the policy lets the AI write this property now, else the reason it may not."""
    if prop not in PROPERTIES:
        return NOT_FILLABLE
    if policy == "suggest":
        return POLICY_SUGGEST
    if prop in state.user_edited:
        return USER_EDITED
    if (state.values.get(prop) or "").strip():
        ai_owned = state.sources.get(prop) == SOURCE_AI
        return None if policy == "own" and ai_owned else HOLDS_VALUE
    if policy == "hubspot" and state.scanned_message_id is not None:
        return NOT_FIRST
    return None


def _first_per_property(candidates: tuple[Candidate, ...]) -> list[Candidate]:
    seen: set[str] = set()
    unique = []
    for candidate in candidates:
        if candidate.property not in seen:
            seen.add(candidate.property)
            unique.append(candidate)
    return unique


def same_value(prop: str, current: str | None, new: str) -> bool:
    """Equal for a person: case, spacing and punctuation aside; phones by their digits; companies
    without their legal form ("Société Lefèvre" is "Société Lefèvre SARL")."""
    if current is None:
        return False
    if prop in PHONE_FIELDS:
        return _digits(current)[-9:] == _digits(new)[-9:] and bool(_digits(new))
    if prop == "company":
        return _folded(_without_legal_form(current)) == _folded(_without_legal_form(new))
    return _folded(current) == _folded(new)


def _without_legal_form(name: str) -> str:
    """The name without the legal forms written before or after it (cleanco's terms of many
    countries: GmbH, SARL, S.p.A., Oy, PT, OOO...); a name that is only a legal form stays."""
    return basename(name, prefix=True) or name


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _folded(text: str) -> str:
    kept = "".join(ch if ch.isalnum() else " " for ch in text.casefold())
    return " ".join(kept.split())
