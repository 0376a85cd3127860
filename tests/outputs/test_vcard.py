"""vCard 4.0 export (RFC 6350) and `mailhook export contacts` as vCard, CSV and JSON."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import vobject
from click.testing import Result

from mailhook.model import CONTACT_FIELDS
from mailhook.outputs.export import HUBSPOT_COLUMNS
from mailhook.outputs.vcard import contact_card, contacts_vcf

FULL = {
    "email": "bob@them.example",
    "first_name": "Bjørn",
    "last_name": "Lee, Jr.",
    "phone": "+4722334455",
    "mobile_phone": "+4799887766",
    "fax": "+4722334456",
    "job_title": "Head of Sales; EMEA, APAC \\ Nordics, and every long title that needs folding",
    "street_address": "Storgata 1, 3rd floor; rear",
    "city": "Tromsø",
    "state": "Troms",
    "postal_code": "9008",
    "country": "Norway",
    "company": "Nordlys AS; Sales, EMEA",
}


def physical_lines(text: str) -> list[str]:
    """Split strictly on CRLF: a bare LF or CR anywhere is an error in vCard."""
    assert text.endswith("\r\n")
    lines = text[:-2].split("\r\n")
    assert not any("\n" in line or "\r" in line for line in lines)
    return lines


def test_card_round_trips_through_vobject() -> None:
    """Every property comes back unchanged when the card is parsed, commas and semicolons too."""
    card = vobject.readOne(contact_card(FULL))
    assert card.version.value == "4.0"
    assert card.fn.value == "Bjørn Lee, Jr."
    assert (card.n.value.given, card.n.value.family) == ("Bjørn", "Lee, Jr.")
    assert card.email.value == FULL["email"]
    assert card.title.value == FULL["job_title"]
    assert card.org.value == [FULL["company"]]  # one ORG component: its ";" is escaped
    phones = {tuple(t.params["TYPE"]): t.value for t in card.contents["tel"]}
    assert phones == {("work", "voice"): FULL["phone"], ("cell",): FULL["mobile_phone"],
                      ("fax",): FULL["fax"]}
    adr = card.adr
    assert adr.params["TYPE"] == ["work"]
    assert (adr.value.street, adr.value.city, adr.value.region, adr.value.code,
            adr.value.country) == ("Storgata 1, 3rd floor; rear", "Tromsø", "Troms", "9008", "Norway")


def test_card_lines_are_crlf_folded_at_75_octets_and_escaped() -> None:
    """RFC 6350 3.2 and 3.4: CRLF, at most 75 octets a line without splitting a character,
    BEGIN/VERSION first and END last, and `,` `;` `\\` escaped in text values."""
    text = contact_card(FULL)
    lines = physical_lines(text)
    assert lines[:2] == ["BEGIN:VCARD", "VERSION:4.0"] and lines[-1] == "END:VCARD"
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert any(line.startswith(" ") for line in lines)  # the long title was folded
    unfolded = text.replace("\r\n ", "")
    assert "TITLE:Head of Sales\\; EMEA\\, APAC \\\\ Nordics\\, and every" in unfolded
    assert "ADR;TYPE=work:;;Storgata 1\\, 3rd floor\\; rear;Tromsø;Troms;9008;Norway" in unfolded
    assert "TEL;TYPE=work,voice:+4722334455" in unfolded


def test_card_writes_control_characters_out_visibly() -> None:
    """ESC (an OSC 8 link), NUL, C1 and bidi overrides never reach the card raw (RFC 6350 text
    may not hold controls): they are written as `\\x1b`-style escapes, the rest unchanged."""
    text = contact_card({**FULL, "first_name": "Bj\x1b]8;;http://ev.il/\x07ørn",
                         "job_title": "\u202eselaS", "city": "Troms\x00ø\x9b2J"})
    raw = "".join(physical_lines(text))
    assert not re.search("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", raw)
    card = vobject.readOne(text)
    assert card.n.value.given == "Bj\\x1b]8;;http://ev.il/\\x07ørn"
    assert card.title.value == "\\u202eselaS"
    assert card.adr.value.city == "Troms\\x00ø\\x9b2J"


def test_contact_without_name_is_named_by_address() -> None:
    """FN is required: a contact with no name gets its address; no N, TEL, TITLE or ADR."""
    text = contact_card({"email": "cy@them.example", "city": None, "first_name": ""})
    card = vobject.readOne(text)
    assert card.fn.value == "cy@them.example"
    assert set(card.contents) == {"version", "fn", "email"}


def test_vcf_holds_one_card_per_contact() -> None:
    """A .vcf file is the cards one after another, all parseable."""
    cards = list(vobject.readComponents(contacts_vcf([FULL, {"email": "cy@them.example"}])))
    assert [c.email.value for c in cards] == ["bob@them.example", "cy@them.example"]


@pytest.fixture
def two_contacts(run: Callable[..., Result], tmp_path: Path) -> None:
    source = tmp_path / "contacts.csv"
    with source.open("w", newline="") as f:
        writer = csv.DictWriter(f, list(FULL))
        writer.writeheader()
        writer.writerow(FULL)
    run("contacts", "import", str(source))
    run("contacts", "add", "cy@them.example")


@pytest.mark.usefixtures("two_contacts")
def test_export_contacts_vcard_to_a_file(run: Callable[..., Result], tmp_path: Path) -> None:
    """`export contacts -o FILE` writes every contact as vCard 4.0 with CRLF kept as bytes."""
    out = tmp_path / "contacts.vcf"
    result = run("export", "contacts", "--format", "vcard", "-o", str(out))
    assert "wrote 2 contact(s)" in result.output
    raw = out.read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n")
    cards = list(vobject.readComponents(raw.decode("utf-8")))
    assert [c.email.value for c in cards] == ["bob@them.example", "cy@them.example"]
    assert cards[0].adr.value.city == "Tromsø"


@pytest.mark.usefixtures("two_contacts")
def test_export_contacts_csv_and_json_have_every_property(run: Callable[..., Result]) -> None:
    """CSV and JSON list all contacts with all properties; --hubspot uses HubSpot's names."""
    rows = list(csv.DictReader(io.StringIO(run("export", "contacts", "--format", "csv").output)))
    assert list(rows[0]) == ["email", *CONTACT_FIELDS]
    assert rows[0] == FULL
    assert rows[1]["email"] == "cy@them.example" and rows[1]["city"] == ""
    records = json.loads(run("export", "contacts", "--format", "json", "--hubspot").output)
    assert list(records[0]) == ["Record ID", "email", *HUBSPOT_COLUMNS.values()]
    assert (records[0]["jobtitle"], records[0]["zip"]) == (FULL["job_title"], "9008")
    assert records[1]["city"] is None


def test_hubspot_names_do_not_apply_to_vcard(run: Callable[..., Result]) -> None:
    """--hubspot with vCard is refused as a usage error (exit 2)."""
    result = run("export", "contacts", "--hubspot", ok=False)
    assert result.exit_code == 2 and "--format csv|json" in result.output
