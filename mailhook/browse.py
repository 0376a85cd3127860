"""Datasette metadata for the mailhook database: descriptions, facets and canned queries."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .model import CONTACT_FIELDS

TABLES: dict[str, str] = {
    "contacts": "One row per contact, one column per property.",
    "contact_properties": "Where each property value came from: source, user-edited flag, time, message.",
    "property_history": "Every change of every property, with its source.",
    "messages": "Every stored copy of a received message and what processing decided.",
    "users": "CRM users and their settings.",
    "tasks": "Recommended follow-up tasks (inbox automation).",
    "candidates": "Every value a scanned signature showed, with its evidence and what became of it.",
    "suggestions": "Values that differ from what a contact holds: open, accepted, dismissed, superseded.",
}
FACETS: dict[str, list[str]] = {
    "contact_properties": ["source", "property", "user_edited"],
    "messages": ["status", "direction", "listener", "dkim_verdict", "skip_reason"],
    "tasks": ["status", "user_email"],
    "candidates": ["outcome", "property", "reason"],
    "suggestions": ["status", "property", "user_email"],
    "property_history": ["source", "property"],
}
QUERIES: dict[str, dict[str, str]] = {
    "filled_today": {
        "title": "Filled today",
        "description": "Properties the AI filled today (UTC), with the message they came from.",
        "sql": "select * from filled_today",
    },
    "filled_by_ai": {
        "title": "Everything the AI filled",
        "sql": "select * from filled_by_ai order by filled_at desc",
    },
    "suggested_updates": {
        "title": "Suggested updates",
        "description": "Open suggestions: what a contact holds now and what a signature says; "
                       "`mailhook suggestions accept|dismiss ID` decides.",
        "sql": "select * from suggested_updates order by created_at desc",
    },
    "contacts_missing_phone": {
        "title": "Contacts missing a phone",
        "sql": "select * from contacts_missing_phone",
    },
    "failed_messages": {
        "title": "Failed messages",
        "description": "Parked after their last attempt; `mailhook retry` re-queues them.",
        "sql": "select * from failed_messages",
    },
}


def metadata(db_path: Path) -> dict[str, Any]:
    """Datasette's metadata document for this database file."""
    tables: dict[str, Any] = {}
    for table, description in TABLES.items():
        tables[table] = {"description": description}
        if table in FACETS:
            tables[table]["facets"] = FACETS[table]
    tables["contacts"]["columns"] = {p: f"The contact's {p.replace('_', ' ')}" for p in CONTACT_FIELDS}
    tables["message_raw"] = {"hidden": True}
    tables["write_context"] = {"hidden": True}
    return {
        "title": "mailhook",
        "description": "Contacts filled from mail, and where every value came from.",
        "databases": {db_path.stem: {"tables": tables, "queries": QUERIES}},
    }
