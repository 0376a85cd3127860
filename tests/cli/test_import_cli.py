"""`mailhook contacts import` of a real HubSpot contact export (its full column set, a UTF-8 BOM,
quoted commas, empty cells), the round trip through `export contacts --hubspot`, and phones
people type (import, add, set) stored as E.164 with the text as typed kept."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

Run = Callable[..., Result]

# The columns of a HubSpot contact export ("Export" of the contacts view with all properties
# shown), in its order: the ones we hold and the ones we do not.
HUBSPOT_HEADER = [
    "Record ID", "First Name", "Last Name", "Email", "Phone Number", "Mobile Phone Number",
    "Fax Number", "Job Title", "Company Name", "Street Address", "City", "State/Region",
    "Postal Code", "Country/Region", "Contact owner", "Lifecycle Stage", "Lead Status",
    "Create Date", "Last Activity Date", "Marketing contact status", "Associated Company",
    "Primary Associated Company ID", "Email Domain", "Original Source", "Last Modified Date",
]
NOT_HELD = HUBSPOT_HEADER[14:]
ROWS = [
    ["51", "Claire", "Lefèvre", "claire@lefevre.example", "01 42 68 53 00", "+33 6 12 34 56 78",
     "", "Directrice commerciale", "Société Lefèvre, SARL", "12, rue de la Paix", "Paris", "",
     "75002", "France", "Ann Lee", "Customer", "Open", "2024-03-01 09:12", "2025-01-20 16:40",
     "Marketing contact", "Société Lefèvre", "8812", "lefevre.example", "Offline Sources",
     "2025-01-21 08:00"],
    ["52", "Dan", "O'Neil", "Dan@Northwind.example", "(617) 555-0123", "", "", "VP, Sales", "",
     "1 Main St, Suite 5", "Boston", "MA", "02110", "United States", "", "Lead", "", "2024-05-02",
     "", "Non-marketing contact", "", "", "northwind.example", "Direct Traffic", ""],
    ["53", "", "", "eve@nowhere.example", "030 1234567", "", "", "", "", "", "", "", "", "",
     "", "Subscriber", "", "2024-06-03", "", "", "", "", "nowhere.example", "", ""],
]


def hubspot_export(path: Path, rows: list[list[str]] = ROWS) -> Path:
    """The file as HubSpot writes it: UTF-8 with a byte order mark, CRLF, quotes where needed."""
    out = io.StringIO()
    csv.writer(out).writerows([HUBSPOT_HEADER, *rows])
    path.write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))
    return path


def properties(run: Run, email: str) -> dict[str, str | None]:
    shown = json.loads(run("contacts", "show", email, "--json").output)["properties"]
    return {prop: meta["value"] for prop, meta in shown.items()}


def originals(tmp_path: Path, email: str) -> dict[str, str | None]:
    with sqlite3.connect(tmp_path / "db.sqlite") as db:
        return dict(db.execute("SELECT property, original FROM contact_properties "
                               "WHERE contact_email = ? ORDER BY property", (email,)).fetchall())


def test_a_hubspot_export_imports_with_one_line_naming_the_skipped_columns(
    run: Run, tmp_path: Path
) -> None:
    """Every column we hold is read by HubSpot's export labels, Record ID is kept with the
    contact, and the columns we do not hold are named once on standard error."""
    result = run("contacts", "import", str(hubspot_export(tmp_path / "hubspot.csv")))
    assert result.stdout == "imported 3 new and 0 existing contact(s) with source import\n"
    assert result.stderr == (f"skipped {len(NOT_HELD)} column(s) mailhook does not hold: "
                             f"{', '.join(NOT_HELD)}\n")
    claire = properties(run, "claire@lefevre.example")
    assert (claire["first_name"], claire["company"], claire["street_address"], claire["country"]) == (
        "Claire", "Société Lefèvre, SARL", "12, rue de la Paix", "France")
    assert claire["fax"] is None and claire["state"] is None  # empty cells set nothing
    dan = properties(run, "dan@northwind.example")
    assert (dan["last_name"], dan["job_title"], dan["state"]) == ("O'Neil", "VP, Sales", "MA")
    listed = {c["email"]: c for c in json.loads(run("contacts", "list", "--json").output)}
    assert [listed[e]["hubspot_record_id"] for e in sorted(listed)] == ["51", "52", "53"]


def test_imported_phones_are_stored_as_e164_with_the_text_as_typed(run: Run, tmp_path: Path) -> None:
    """A number without + is read with the row's country; without a country it stays as typed."""
    run("contacts", "import", str(hubspot_export(tmp_path / "hubspot.csv")))
    claire = properties(run, "claire@lefevre.example")
    assert (claire["phone"], claire["mobile_phone"]) == ("+33142685300", "+33612345678")
    assert originals(tmp_path, "claire@lefevre.example")["phone"] == "01 42 68 53 00"
    assert properties(run, "dan@northwind.example")["phone"] == "+16175550123"
    assert properties(run, "eve@nowhere.example")["phone"] == "030 1234567"
    assert originals(tmp_path, "eve@nowhere.example")["phone"] is None


def test_a_region_hint_reads_numbers_of_rows_without_a_country(run: Run, tmp_path: Path) -> None:
    """--region says where a number without + is dialled when the row names no country."""
    run("contacts", "import", "--region", "de", str(hubspot_export(tmp_path / "hubspot.csv")))
    assert properties(run, "eve@nowhere.example")["phone"] == "+49301234567"
    assert properties(run, "claire@lefevre.example")["phone"] == "+33142685300"  # its own country
    bad = run("contacts", "import", "--region", "XX", str(tmp_path / "hubspot.csv"), ok=False)
    assert bad.exit_code == 2 and "'XX' is not a country code" in bad.output


def test_strict_refuses_columns_mailhook_does_not_hold_and_imports_nothing(
    run: Run, tmp_path: Path
) -> None:
    """--strict names every unknown column in one clear error and imports no row."""
    result = run("contacts", "import", "--strict", str(hubspot_export(tmp_path / "h.csv")), ok=False)
    assert result.exit_code == 1
    assert "unknown columns 'Contact owner', 'Lifecycle Stage'" in result.output
    assert json.loads(run("contacts", "list", "--json").output) == []


def test_one_bad_row_imports_no_row(run: Run, tmp_path: Path) -> None:
    """All rows or none: a row without an email, after two good ones, leaves the database empty."""
    rows = [*ROWS[:2], ["54", "Nobody", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
                        "", "", "", "", "", "", "", "", ""]]
    result = run("contacts", "import", str(hubspot_export(tmp_path / "h.csv", rows)), ok=False)
    assert result.exit_code == 1 and "row 4 has no email" in result.output
    assert json.loads(run("contacts", "list", "--json").output) == []


def test_two_columns_for_one_property_are_refused(run: Run, tmp_path: Path) -> None:
    """Which of "Phone Number" and "phone" would win is a guess: the file is refused."""
    path = tmp_path / "twice.csv"
    path.write_text("Email,Phone Number,phone\nbob@them.example,+47 1,+47 2\n")
    result = run("contacts", "import", str(path), ok=False)
    assert result.exit_code == 1 and "columns 'Phone Number' and 'phone' both hold phone" in result.output


def test_the_hubspot_export_round_trips_with_its_record_id(run: Run, tmp_path: Path) -> None:
    """export contacts --hubspot writes Record ID back first; importing that file again reads
    every column, skips none and changes nothing."""
    run("contacts", "import", str(hubspot_export(tmp_path / "hubspot.csv")))
    before = json.loads(run("contacts", "list", "--json").output)
    out = tmp_path / "back.csv"
    run("export", "contacts", "--format", "csv", "--hubspot", "-o", str(out))
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert list(rows[0])[:3] == ["Record ID", "email", "firstname"]
    assert {r["email"]: r["Record ID"] for r in rows}["claire@lefevre.example"] == "51"
    again = run("contacts", "import", str(out))
    assert again.stdout.startswith("imported 0 new and 3 existing") and again.stderr == ""
    assert json.loads(run("contacts", "list", "--json").output) == before


def test_export_filled_hubspot_carries_the_record_id(run: Run, tmp_path: Path) -> None:
    """The filled values' HubSpot file names the record to update."""
    run("contacts", "import", str(hubspot_export(tmp_path / "hubspot.csv")))
    with sqlite3.connect(tmp_path / "db.sqlite") as db:  # the AI's write, as the worker makes it
        db.execute("INSERT INTO write_context (source, user_edited) VALUES ('mailhook AI', 0)")
        db.execute("UPDATE contacts SET city = 'Berlin' WHERE email = 'eve@nowhere.example'")
        db.execute("DELETE FROM write_context")
    (row,) = csv.DictReader(io.StringIO(run("export", "filled", "--hubspot").output))
    assert (row["Record ID"], row["email"], row["city"]) == ("53", "eve@nowhere.example", "Berlin")


def test_phones_people_add_and_set_are_stored_as_e164(run: Run, tmp_path: Path) -> None:
    """contacts add and set read a phone with the contact's country (or --region), keep the text
    as typed beside it, and store what cannot be read as typed."""
    run("contacts", "add", "bob@them.example", "--country", "Deutschland", "--phone", "030 1234567")
    result = run("contacts", "set", "bob@them.example", "mobile_phone", "0171 7654321")
    assert "mobile_phone = '+491717654321' (typed '0171 7654321')" in result.output
    run("contacts", "add", "cy@them.example", "--phone", "020 7946 0958")
    run("contacts", "set", "cy@them.example", "fax", "020 7946 0959", "--region", "GB")
    run("contacts", "set", "cy@them.example", "mobile_phone", "ask at reception")
    bob, cy = properties(run, "bob@them.example"), properties(run, "cy@them.example")
    assert (bob["phone"], bob["mobile_phone"]) == ("+49301234567", "+491717654321")
    assert originals(tmp_path, "bob@them.example")["phone"] == "030 1234567"
    assert (cy["phone"], cy["fax"], cy["mobile_phone"]) == (
        "020 7946 0958", "+442079460959", "ask at reception")
    assert originals(tmp_path, "cy@them.example")["fax"] == "020 7946 0959"
