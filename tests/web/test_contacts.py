"""The Contacts pages through Starlette's TestClient on a real SQLite file seeded through the
store's intake, claim and finish: each user sees the contacts their mail touched, every property
with its source, flag and history; a save is a user edit that the AI's later fills respect; another
user's contact is refused, logged, and left alone."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from mailhook.rules.fill import Candidate
from mailhook.store import Store
from mailhook.web import contacts
from mailhook.web.contacts import contact_url

from .browsing import csrf, sign_in, web_client
from .seed import ANN, BEA, CONTACT, EVIDENCE, REPLIERS, finish_reply, seed_replies

CAROL, DAN = REPLIERS[ANN], REPLIERS[BEA]


@pytest.fixture
def client(db: Path) -> Iterator[TestClient]:
    seed_replies(db)
    with web_client(db) as client:
        assert sign_in(client) == 303
        yield client



def held(db: Path, contact: str) -> dict[str, tuple[str | None, str | None, bool]]:
    """By property: value, source and user-edited flag, as the store holds them."""
    store = Store(db)
    try:
        return {p: (m["value"], m["source"], m["user_edited"])
                for p, m in store.contact(contact)["properties"].items() if m["source"]}
    finally:
        store.close()


def edit_form(client: TestClient, contact: str, **typed: str) -> dict[str, str]:
    """The page's edit form as the browser would send it, with `typed` changed."""
    page = client.get(contact_url(contact)).text
    form = dict(re.findall(r'name="((?:held|value):[a-z_]+)"[^>]*?value="([^"]*)"', page, re.S))
    form["csrf"] = csrf(client, contact_url(contact))
    return form | {f"value:{prop}": value for prop, value in typed.items()}


def test_the_contacts_page_lists_those_the_users_mail_touched(client: TestClient) -> None:
    """Ann's task contact and her replier, linked to their pages; not Bea's replier."""
    text = client.get("/contacts").text
    assert f'href="{contact_url(CONTACT)}"' in text and f'href="{contact_url(CAROL)}"' in text
    assert DAN not in text


def test_the_other_pages_link_their_contacts(client: TestClient) -> None:
    """Tasks, Suggested updates and Filled by AI link each contact to its page."""
    assert f'href="{contact_url(CONTACT)}"' in client.get("/tasks").text
    for path in ("/suggestions", "/filled"):
        assert f'href="{contact_url(CAROL)}"' in client.get(path).text


def test_a_contact_shows_each_property_with_its_source_flag_and_history(client: TestClient) -> None:
    """The phone the AI filled names mailhook AI, Ann's mail and the evidence line; the job title
    names the import; neither is user-edited; the history lists both writes."""
    page = client.get(contact_url(CAROL))
    assert page.status_code == 200
    phone = row(page.text, "property-phone")
    assert "+49301234560" in phone and "mailhook AI" in phone and "Re: Quote for ann@us.example" in phone
    assert str(EVIDENCE["line"]) in phone and "no" in phone
    job = row(page.text, "property-job_title")
    assert "Engineer" in job and "an import" in job
    history = page.text[page.text.index('id="history"'):]
    assert "(empty) → +49301234560" in history and "(empty) → Engineer" in history


def row(text: str, row_id: str) -> str:
    found = re.search(rf'<tr id="{row_id}">(.*?)</tr>', text, re.S)
    assert found, f"no row {row_id}"
    return found[1]


def test_saving_the_form_is_a_user_edit_of_the_changed_properties_only(client: TestClient,
                                                                       db: Path) -> None:
    """The changed job title is written with source user and the flag set; the phone the form
    sent back unchanged keeps the AI as its source; the page then says user-edited."""
    answer = client.post(contact_url(CAROL), data=edit_form(client, CAROL, job_title="Sales Director"))
    assert (answer.status_code, answer.headers["location"]) == (303, contact_url(CAROL))
    values = held(db, CAROL)
    assert values["job_title"] == ("Sales Director", "user", True)
    assert values["phone"] == ("+49301234560", "mailhook AI", False)
    assert "<strong>yes</strong>" in row(client.get(contact_url(CAROL)).text, "property-job_title")


def test_the_ai_never_writes_a_property_the_user_edited_or_cleared(client: TestClient, db: Path) -> None:
    """With policy "own" a later reply replaces the AI's own phone (Bea's contact, not edited);
    Ann's contact, whose phone she cleared on the page, stays empty."""
    assert client.post(contact_url(CAROL), data=edit_form(client, CAROL, phone="")).status_code == 303
    assert held(db, CAROL)["phone"] == (None, "user", True)
    store = Store(db)
    later = (Candidate("phone", "+4940999999", None, EVIDENCE),)
    for n, (user, contact) in enumerate(REPLIERS.items()):
        finish_reply(store, user, contact, f"<later-{n}@acme.example>", later, fill_policy="own")
    store.close()
    assert held(db, DAN)["phone"] == ("+4940999999", "mailhook AI", False)
    assert held(db, CAROL)["phone"] == (None, "user", True)


def test_a_typed_phone_is_stored_as_the_cli_stores_it(client: TestClient, db: Path) -> None:
    """E.164 with the text as typed kept (the CLI's `contacts set` reading)."""
    form = edit_form(client, CAROL, phone="+49 (30) 555-0100")
    assert client.post(contact_url(CAROL), data=form).status_code == 303
    assert held(db, CAROL)["phone"] == ("+49305550100", "user", True)
    assert "typed as +49 (30) 555-0100" in row(client.get(contact_url(CAROL)).text, "property-phone")


def test_a_value_with_a_line_break_is_refused(client: TestClient, db: Path) -> None:
    """400 and nothing written, for a forged form with a control character."""
    before = held(db, CAROL)
    answer = client.post(contact_url(CAROL), data=edit_form(client, CAROL, city="Berlin\nEvil: 1"))
    assert answer.status_code == 400 and "nothing was changed" in answer.text
    assert held(db, CAROL) == before


def test_another_users_contact_is_refused_logged_and_left_alone(
    client: TestClient, db: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Ann opening or saving Bea's contact (a real address, a valid token) gets 404 with a clear
    page, logged; Dan's values are unchanged. An address that is no contact gets the same page."""
    before = held(db, DAN)
    form = edit_form(client, CAROL, job_title="Owned") | {"csrf": csrf(client, "/contacts")}
    with caplog.at_level(logging.WARNING, logger="mailhook.web"):
        page = client.get(contact_url(DAN))
        saved = client.post(contact_url(DAN), data=form)
        missing = client.get(contact_url("nobody@nowhere.example"))
    for answer in (page, saved, missing):
        assert answer.status_code == 404 and "No such contact among yours" in answer.text
    assert "+49301234561" not in page.text
    assert sum(DAN in r.getMessage() for r in caplog.records) == 2
    assert held(db, DAN) == before


def test_a_save_without_the_csrf_token_changes_nothing(client: TestClient, db: Path) -> None:
    """403, and the contact as it was."""
    before = held(db, CAROL)
    form = edit_form(client, CAROL, job_title="Forged")
    del form["csrf"]
    assert client.post(contact_url(CAROL), data=form).status_code == 403
    assert held(db, CAROL) == before


def test_a_colleagues_mail_is_not_named_on_a_shared_contact(client: TestClient, db: Path) -> None:
    """Bob is Ann's and Bea's contact; what Bea's mail filled shows as a colleague's mail on Ann's
    page, without her subject."""
    store = Store(db)
    finish_reply(store, BEA, CONTACT, "<bob-0@acme.example>", (Candidate("city", "Berlin", None, EVIDENCE),))
    store.close()
    city = row(client.get(contact_url(CONTACT)).text, "property-city")
    assert "Berlin" in city and "a colleague's mail" in city and "Quote for bea" not in city


def test_the_contacts_list_comes_in_pages(client: TestClient, db: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages of CONTACTS_PER_PAGE (2 here) by address, with next and previous links; a page
    number that is none is refused with a clear page."""
    monkeypatch.setattr(contacts, "CONTACTS_PER_PAGE", 2)
    store = Store(db)
    try:
        store.add_contact("zed@acme.example", {}, "import")
        finish_reply(store, ANN, "zed@acme.example", "<zed-1@acme.example>", ())
    finally:
        store.close()
    first, second = client.get("/contacts").text, client.get("/contacts?page=2").text
    emails = sorted([CONTACT, CAROL, "zed@acme.example"])
    assert all(e in first for e in emails[:2]) and emails[2] not in first
    assert 'href="/contacts?page=2" rel="next"' in first and 'rel="prev"' not in first
    assert emails[2] in second and not any(e in second for e in emails[:2])
    assert 'href="/contacts?page=1" rel="prev"' in second and 'rel="next"' not in second
    for bad in ("0", "x", "-1", "９"):
        answer = client.get(f"/contacts?page={bad}")
        assert answer.status_code == 400 and "Not a page" in answer.text
