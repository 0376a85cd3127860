"""Formats for what the AI filled and for all contacts, and the column names HubSpot's import and
export use."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from mailhook.model import CONTACT_FIELDS, PROPERTIES
from mailhook.pipeline.phones import normalise
from mailhook.pipeline.postal import country_code
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
# HubSpot's own id of a contact: its export's label (the property hs_object_id), which its import
# matches to update that record. Kept with the contact as `hubspot_record_id`.
RECORD_ID = "Record ID"
RECORD_ID_COLUMN = "hubspot_record_id"
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
        record = contacts.setdefault(
            row["email"], {RECORD_ID: row.get(RECORD_ID_COLUMN) or "", "email": row["email"]})
        record[HUBSPOT_COLUMNS[row["property"]]] = row["value"] or ""
    return list(contacts.values())


def hubspot_csv(rows: Iterable[Mapping[str, Any]]) -> str:
    columns = [RECORD_ID, "email", *(HUBSPOT_COLUMNS[p] for p in PROPERTIES)]  # what the AI may fill
    return write_csv(columns, hubspot_contacts(rows))


def hubspot_json(rows: Iterable[Mapping[str, Any]]) -> str:
    return json_dumps(hubspot_contacts(rows), indent=2) + "\n"


def contact_columns(hubspot: bool) -> dict[str, str]:
    """Our column name -> the one written: ours, or HubSpot's import names (its Record ID first,
    as its own export has it)."""
    if hubspot:
        return {RECORD_ID_COLUMN: RECORD_ID, "email": "email",
                **{p: HUBSPOT_COLUMNS[p] for p in CONTACT_FIELDS}}
    return {"email": "email", **{p: p for p in CONTACT_FIELDS}}


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


@dataclass(frozen=True)
class ImportFile:
    """The rows of a contacts CSV by our column names, and the columns it has that we do not hold."""

    rows: list[dict[str, str | None]]
    skipped: tuple[str, ...] = ()


def import_column(name: str) -> str | None:
    """Map a CSV header (ours, HubSpot's names or its export's labels) to a property, `email`,
    `hubspot_record_id`, or None."""
    key = name.strip().lower()
    if key in ("email", "e-mail", "email address"):
        return "email"
    if key in (RECORD_ID.lower(), RECORD_ID_COLUMN, "hs_object_id"):
        return RECORD_ID_COLUMN
    if key.replace(" ", "_") in CONTACT_FIELDS:
        return key.replace(" ", "_")
    by_hubspot = {v: k for k, v in HUBSPOT_COLUMNS.items()}
    return by_hubspot.get(key) or HUBSPOT_LABELS.get(key)


def read_import(text: str, *, strict: bool = False) -> ImportFile:
    """Parse a contacts CSV; columns we do not hold (a HubSpot export's Contact owner, Lifecycle
    Stage...) are skipped and named, or refused with `strict`. Raises ValueError naming the bad
    column or row."""
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames:
        raise ValueError("the CSV file is empty")
    mapping, skipped = _columns(reader.fieldnames)
    if strict and skipped:
        names = ", ".join(repr(name) for name in skipped)
        raise ValueError(
            f"unknown column{'s' if len(skipped) > 1 else ''} {names} (use email, "
            f"{', '.join(CONTACT_FIELDS)} and Record ID, or HubSpot's names; without --strict "
            "they are skipped)"
        )
    if "email" not in mapping.values():
        raise ValueError("the CSV file needs an email column")
    rows = []
    for number, record in enumerate(reader, start=2):
        row = {mapping[h]: (v.strip() if v else None) or None for h, v in record.items() if h in mapping}
        if not row.get("email"):
            raise ValueError(f"row {number} has no email")
        rows.append(row)
    return ImportFile(rows, skipped)


def _columns(headers: Sequence[str]) -> tuple[dict[str, str], tuple[str, ...]]:
    """Header -> what it holds, and the headers of columns we do not hold; two columns for one
    property are refused (which one would win is a guess)."""
    mapping: dict[str, str] = {}
    skipped: list[str] = []
    for position, header in enumerate(headers, start=1):
        prop = import_column(header)
        if prop is None:
            skipped.append(header.strip() or f"column {position} (no name)")
            continue
        if header in mapping or prop in mapping.values():
            other = next(h for h, p in mapping.items() if p == prop)
            raise ValueError(f"columns {other!r} and {header!r} both hold {prop}")
        mapping[header] = prop
    return mapping, tuple(skipped)


def typed_phone(text: str, country: str | None, region: str | None = None) -> str | None:
    """E.164 for a phone a person typed or imported, as the AI's phones are stored (the same
    normalise); None keeps it as typed. A number with "+" reads alone; one without needs the
    contact's country (a name or code) or the `region` hint to say where it is dialled, and stays
    as typed without one (a guess would store a wrong number)."""
    hint = (country_code(country) if country else None) or region
    if hint is None and not text.lstrip().startswith("+"):
        return None
    return normalise(text, hint)
