"""Formats for what the AI filled and for all contacts, and the column names HubSpot's import and
export use."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from mailhook.model import CONTACT_FIELDS, PROPERTIES
from mailhook.safe_text import csv_cell, json_dumps

# HubSpot's internal property names, for its contact import (and found in its exports).
HUBSPOT_COLUMNS: dict[str, str] = {
    "first_name": "firstname",
    "last_name": "lastname",
    "phone": "phone",
    "mobile_phone": "mobilephone",
    "fax": "fax",
    "job_title": "jobtitle",
    "street_address": "address",
    "city": "city",
    "state": "state",
    "postal_code": "zip",
    "country": "country",
    "company": "company",
}
FILLED_COLUMNS = ("email", "property", "value", "filled_at", "message_id")


def write_csv(columns: Sequence[str], records: Iterable[Mapping[str, Any]]) -> str:
    """Every CSV export goes through here: a header, then each record's cells neutralised
    (csv_cell: no formula a spreadsheet would run, no raw control characters)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, columns, restval="", extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: csv_cell(v) for k, v in record.items()} for record in records)
    return out.getvalue()


def filled_csv(rows: Iterable[Mapping[str, Any]]) -> str:
    """One row per property the AI filled."""
    return write_csv(FILLED_COLUMNS, rows)


def filled_json(rows: Iterable[Mapping[str, Any]]) -> str:
    return json_dumps([{k: r[k] for k in FILLED_COLUMNS} for r in rows], indent=2) + "\n"


def hubspot_contacts(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, str]]:
    """Pivot filled rows to one row per contact with HubSpot's column names."""
    contacts: dict[str, dict[str, str]] = {}
    for row in rows:
        record = contacts.setdefault(row["email"], {"email": row["email"]})
        record[HUBSPOT_COLUMNS[row["property"]]] = row["value"] or ""
    return list(contacts.values())


def hubspot_csv(rows: Iterable[Mapping[str, Any]]) -> str:
    columns = ["email", *(HUBSPOT_COLUMNS[p] for p in PROPERTIES)]  # what the AI may fill
    return write_csv(columns, hubspot_contacts(rows))


def hubspot_json(rows: Iterable[Mapping[str, Any]]) -> str:
    return json_dumps(hubspot_contacts(rows), indent=2) + "\n"


def contact_columns(hubspot: bool) -> dict[str, str]:
    """Our column name -> the one written: ours, or HubSpot's import names."""
    return {"email": "email", **{p: HUBSPOT_COLUMNS[p] if hubspot else p for p in CONTACT_FIELDS}}


def contacts_records(rows: Iterable[Mapping[str, Any]], hubspot: bool = False) -> list[dict[str, Any]]:
    """All contacts with every property, empty ones as None."""
    columns = contact_columns(hubspot)
    return [{name: row.get(ours) for ours, name in columns.items()} for row in rows]


def contacts_csv(rows: Iterable[Mapping[str, Any]], hubspot: bool = False) -> str:
    return write_csv(list(contact_columns(hubspot).values()), contacts_records(rows, hubspot))


def contacts_json(rows: Iterable[Mapping[str, Any]], hubspot: bool = False) -> str:
    return json_dumps(contacts_records(rows, hubspot), indent=2) + "\n"


# Labels HubSpot's contact export uses for the same properties.
HUBSPOT_LABELS: dict[str, str] = {
    "first name": "first_name",
    "last name": "last_name",
    "phone number": "phone",
    "mobile phone number": "mobile_phone",
    "fax number": "fax",
    "job title": "job_title",
    "street address": "street_address",
    "postal code": "postal_code",
    "state/region": "state",
    "country/region": "country",
    "company name": "company",
}


def import_column(name: str) -> str | None:
    """Map a CSV header (ours, HubSpot's names or its export's labels) to a property, or None."""
    key = name.strip().lower()
    if key in ("email", "e-mail", "email address"):
        return "email"
    if key.replace(" ", "_") in CONTACT_FIELDS:
        return key.replace(" ", "_")
    by_hubspot = {v: k for k, v in HUBSPOT_COLUMNS.items()}
    return by_hubspot.get(key) or HUBSPOT_LABELS.get(key)


def read_import(text: str) -> list[dict[str, str | None]]:
    """Parse a contacts CSV; raises ValueError naming the bad column or row."""
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames:
        raise ValueError("the CSV file is empty")
    mapping: dict[str, str] = {}
    for header in reader.fieldnames:
        prop = import_column(header)
        if prop is None:
            raise ValueError(
                f"unknown column {header!r} (use email and {', '.join(CONTACT_FIELDS)}, "
                "or HubSpot's names)"
            )
        mapping[header] = prop
    if "email" not in mapping.values():
        raise ValueError("the CSV file needs an email column")
    rows = []
    for number, record in enumerate(reader, start=2):
        row = {mapping[h]: (v.strip() if v else None) or None for h, v in record.items() if h}
        if not row.get("email"):
            raise ValueError(f"row {number} has no email")
        rows.append(row)
    return rows
