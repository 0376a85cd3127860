"""Suggested updates and Filled by AI, through Starlette's TestClient on a real SQLite file seeded
through the store's intake, claim and finish: each user sees their own rows only; accept and
dismiss do what `mailhook suggestions` does; the export parses as the CLI's CSV."""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from mailhook.outputs.export import FILLED_COLUMNS, RECORD_ID
from mailhook.store import Store

from .browsing import csrf, sign_in, web_client
from .seed import ANN, BEA, EVIDENCE, REPLIERS, seed_replies


@pytest.fixture
def ids(db: Path) -> dict[str, int]:
    return seed_replies(db)


@pytest.fixture
def client(db: Path, ids: dict[str, int]) -> Iterator[TestClient]:
    with web_client(db) as client:
        assert sign_in(client) == 303
        yield client



def flags(db: Path, contact: str) -> tuple[str | None, str, bool]:
    """The contact's job title, its source and user-edited flag, as the store holds them."""
    store = Store(db)
    try:
        row = store.conn.execute(
            """SELECT c.job_title, p.source, p.user_edited FROM contacts c JOIN contact_properties p
               ON p.contact_email = c.email AND p.property = 'job_title' WHERE c.email = ?""",
            (contact,)).fetchone()
        return row[0], row[1], bool(row[2])
    finally:
        store.close()


def statuses(db: Path) -> dict[str, str]:
    store = Store(db)
    try:
        return {s.user_email or "": s.status for s in store.suggestions(status=None)}
    finally:
        store.close()


def test_suggested_updates_show_the_users_own_with_evidence_and_why(client: TestClient) -> None:
    """Held value, suggested value, the evidence line, how often seen and why the AI did not
    write it, for Ann's contact; Bea's contact is not on Ann's page."""
    page = client.get("/suggestions")
    assert page.status_code == 200
    text = page.text
    assert REPLIERS[ANN] in text and REPLIERS[BEA] not in text
    for shown in ("Engineer", "Head of Sales", EVIDENCE["line"], "Seen in 1 reply",
                  "Not written by the AI: the contact already holds a value"):
        assert shown in text


def test_accepting_a_suggestion_writes_a_user_edit(client: TestClient, db: Path,
                                                   ids: dict[str, int]) -> None:
    """Accept writes the value with source user and the user-edited flag set, as
    `mailhook suggestions accept` does; the page no longer lists it."""
    assert flags(db, REPLIERS[ANN]) == ("Engineer", "import", False)
    answer = client.post(f"/suggestions/{ids[ANN]}/accept", data={"csrf": csrf(client, "/suggestions")})
    assert (answer.status_code, answer.headers["location"]) == (303, "/suggestions")
    assert flags(db, REPLIERS[ANN]) == ("Head of Sales", "user", True)
    assert statuses(db) == {ANN: "accepted", BEA: "open"}
    assert "No suggested updates are waiting for you." in client.get("/suggestions").text


def test_dismissing_a_suggestion_leaves_the_contact_alone(client: TestClient, db: Path,
                                                          ids: dict[str, int]) -> None:
    """Dismiss marks it dismissed and writes nothing; a second decision is refused (409)."""
    token = csrf(client, "/suggestions")
    assert client.post(f"/suggestions/{ids[ANN]}/dismiss", data={"csrf": token}).status_code == 303
    assert flags(db, REPLIERS[ANN]) == ("Engineer", "import", False)
    assert statuses(db) == {ANN: "dismissed", BEA: "open"}
    again = client.post(f"/suggestions/{ids[ANN]}/accept", data={"csrf": token})
    assert again.status_code == 409 and "Already decided" in again.text
    assert flags(db, REPLIERS[ANN]) == ("Engineer", "import", False)


def test_another_users_suggestion_is_refused_and_logged(
    client: TestClient, db: Path, ids: dict[str, int], caplog: pytest.LogCaptureFixture
) -> None:
    """Ann accepting Bea's suggestion (a valid token, a real id) gets 404 with a clear page,
    logged; Bea's contact and suggestion are unchanged."""
    with caplog.at_level(logging.WARNING, logger="mailhook.web"):
        answer = client.post(f"/suggestions/{ids[BEA]}/accept",
                             data={"csrf": csrf(client, "/suggestions")})
    assert answer.status_code == 404 and "No such suggestion among yours" in answer.text
    assert any(f"suggestion {ids[BEA]}" in r.getMessage() for r in caplog.records)
    assert flags(db, REPLIERS[BEA]) == ("Engineer", "import", False)
    assert statuses(db) == {ANN: "open", BEA: "open"}


@pytest.mark.parametrize("token", [None, "forged"])
def test_a_decision_without_the_csrf_token_is_refused(
    client: TestClient, db: Path, ids: dict[str, int], token: str | None
) -> None:
    """403 and nothing written, for a missing or a wrong token."""
    answer = client.post(f"/suggestions/{ids[ANN]}/accept", data={"csrf": token} if token else {})
    assert answer.status_code == 403 and "This form has expired" in answer.text
    assert flags(db, REPLIERS[ANN]) == ("Engineer", "import", False)
    assert statuses(db) == {ANN: "open", BEA: "open"}


def test_filled_by_ai_shows_the_users_fills_with_their_mail(client: TestClient) -> None:
    """Ann's contact's phone with the mail's subject, date and evidence line; not Bea's."""
    text = client.get("/filled").text
    assert "+49301234560" in text and "+49301234561" not in text
    assert "Re: Quote for ann@us.example" in text and "Wed, 02 Dec 2026" in text
    assert EVIDENCE["line"] in text


def test_filled_by_ai_filters_by_day_and_property(client: TestClient, db: Path) -> None:
    """Another day or property shows nothing; the fill's own shows it; a bad day is refused."""
    day = Store(db).filled(ANN)[0]["filled_at"][:10]
    assert "+49301234560" in client.get(f"/filled?day={day}&property=phone").text
    assert "+49301234560" not in client.get("/filled?day=1999-01-01").text
    assert "+49301234560" not in client.get("/filled?property=city").text
    assert client.get("/filled?day=yesterday").status_code == 400


def parsed(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_the_export_downloads_the_users_fills_as_csv(client: TestClient) -> None:
    """Our columns, one row per fill, only Ann's; an attachment."""
    answer = client.get("/filled/export")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/csv")
    assert answer.headers["content-disposition"].startswith("attachment")
    rows = parsed(answer.text)
    assert tuple(rows[0]) == FILLED_COLUMNS
    assert [(r["email"], r["property"], r["value"]) for r in rows] == [
        (REPLIERS[ANN], "phone", "+49301234560")]


def test_the_export_with_hubspots_columns(client: TestClient) -> None:
    """With the HubSpot option: Record ID, email and HubSpot's property names, one row per contact."""
    rows = parsed(client.get("/filled/export?hubspot=on&property=phone").text)
    assert list(rows[0])[:3] == [RECORD_ID, "email", "firstname"] and "mobilephone" in rows[0]
    assert [(r["email"], r["phone"]) for r in rows] == [(REPLIERS[ANN], "+49301234560")]
    assert parsed(client.get("/filled/export?property=city").text) == []


@pytest.mark.parametrize("path", ["/suggestions", "/filled", "/filled/export?hubspot=on",
                                  "/suggestions/{ann}/accept", "/suggestions/{ann}/dismiss"])
def test_a_get_of_these_pages_changes_nothing(client: TestClient, db: Path, ids: dict[str, int],
                                              path: str) -> None:
    """The pages, the download and a GET of a decision's address leave suggestions and the
    contact as they were."""
    assert client.get(path.format(ann=ids[ANN])).status_code in (200, 405)
    assert statuses(db) == {ANN: "open", BEA: "open"}
    assert flags(db, REPLIERS[ANN]) == ("Engineer", "import", False)
