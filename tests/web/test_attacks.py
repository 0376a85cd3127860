"""An attacker's requests to the user's page, through Starlette's TestClient on a real SQLite file:
ids beyond what the store holds, stale and replayed decisions, tokens that are not ASCII, a copied
cookie after sign-out, passwords typed into the address field, hostile text in what the page shows
and exports, and guessing from many addresses of one network. Each is refused with a clear page
(never a 500), logged where it is a refusal, and leaves the store as it was."""

from __future__ import annotations

import asyncio
import csv
import dataclasses
import io
import logging
import re
import sqlite3
import urllib.parse
from pathlib import Path

import httpx
import pytest
from starlette.testclient import TestClient

from mailhook.automation.links import LinkSigner, Target
from mailhook.config import WebConfig
from mailhook.model import CONTACT_FIELDS
from mailhook.rules.fill import Candidate
from mailhook.service.passwords import hash_password, verify_password
from mailhook.store import Outcome, Received, Store
from mailhook.store.tasks import NewTask
from mailhook.web.app import create_app
from mailhook.web.contacts import contact_url
from mailhook.web.signin import Passwords

from .browsing import SECRET, csrf, sign_in, web_client
from .seed import ANN, BEA, CONTACT, EVIDENCE, PASSWORDS, REPLIERS, finish_reply, seed_replies

HOSTILE = '"><img src=x onerror=alert(1)><script>alert(2)</script>'
HOSTILE_ADDRESS = '"><img/src=x/onerror=alert(1)><script>@evil.example'  # no space: an address


def task_status(db: Path, task_id: int) -> str:
    store = Store(db)
    try:
        return store.task(task_id).status
    finally:
        store.close()


def own_task(db: Path, user: str = ANN) -> int:
    store = Store(db)
    try:
        return store.tasks(user_email=user)[0].id
    finally:
        store.close()


@pytest.mark.parametrize("kind", ["tasks", "suggestions"])
@pytest.mark.parametrize("number", [2**63, 10**30])
def test_an_id_beyond_what_the_store_holds_is_a_404_not_a_500(db: Path, kind: str, number: int) -> None:
    """A number too large for an SQL integer names nothing of the user's: the same 404 page as
    any other id that is not theirs, not an OverflowError's 500."""
    seed_replies(db)
    with web_client(db, raise_server_exceptions=False) as client:
        assert sign_in(client) == 303
        answer = client.post(f"/{kind}/{number}/accept", data={"csrf": csrf(client, "/tasks")})
    assert answer.status_code == 404 and "among yours" in answer.text


def test_a_decided_task_is_not_decided_again_from_a_stale_page(db: Path) -> None:
    """A task dismissed in one tab, then accepted from a confirmation page still open in
    another: 409 "Already decided", and it stays dismissed (as for suggestions, and as
    docs/web.md says)."""
    task_id = own_task(db)
    with web_client(db) as client:
        assert sign_in(client) == 303
        token = csrf(client, "/tasks")
        assert client.post(f"/tasks/{task_id}/dismiss", data={"csrf": token}).status_code == 303
        again = client.post(f"/tasks/{task_id}/accept", data={"csrf": token})
    assert again.status_code == 409 and "Already decided" in again.text
    assert task_status(db, task_id) == "dismissed"


def test_a_csrf_token_beyond_ascii_is_refused_not_a_crash(db: Path) -> None:
    """hmac.compare_digest raises on non-ASCII text; such a token is simply a wrong one: 403."""
    with web_client(db, raise_server_exceptions=False) as client:
        csrf(client)
        answer = client.post("/login", data={"csrf": "jeton-é", "email": ANN, "password": "x"})
    assert answer.status_code == 403 and "This form has expired" in answer.text


def test_signing_out_ends_the_session_even_for_a_copy_of_its_cookie(
    db: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The cookie is the whole session (signed, not stored): sign-out must make a copy of it (a
    shared computer, a stolen cookie) useless, not only delete the browser's. The copy then
    opens no page and decides nothing, after a restart too (the store keeps the ended session);
    the sign-out is logged."""
    task_id = own_task(db)
    with web_client(db) as client:
        assert sign_in(client) == 303
        token = csrf(client, "/tasks")
        copied = client.cookies["mailhook_session"]
        with caplog.at_level(logging.INFO, logger="mailhook.web"):
            assert client.post("/logout", data={"csrf": token}).status_code == 303
        assert any("signed out" in r.getMessage() for r in caplog.records)
        client.cookies.set("mailhook_session", copied)
        assert client.get("/tasks").headers.get("location") == "/login"
        client.cookies.set("mailhook_session", copied)
        answer = client.post(f"/tasks/{task_id}/accept", data={"csrf": token})
        assert answer.headers.get("location") == "/login"
    assert task_status(db, task_id) == "recommended"
    with web_client(db) as restarted:  # a new app on the same database: a restart of serve
        restarted.cookies.set("mailhook_session", copied)
        assert restarted.get("/tasks").headers.get("location") == "/login"


def test_signing_in_again_after_signing_out_works(db: Path) -> None:
    """Ending one session leaves the next sign-in of the same user alone."""
    with web_client(db) as client:
        assert sign_in(client) == 303
        assert client.post("/logout", data={"csrf": csrf(client, "/tasks")}).status_code == 303
        assert sign_in(client) == 303
        assert client.get("/tasks").status_code == 200


def test_a_password_typed_as_the_address_is_not_logged(db: Path, caplog: pytest.LogCaptureFixture) -> None:
    """People type their password into the first field; what is no user's address is logged as
    such, never as typed (also one with an @, also a 200 kB one), failed or refused unchecked.
    A user's address is named."""
    limits = dataclasses.replace(WebConfig(enabled=True), login_failures_per_address=1)
    with web_client(db, limits) as client, caplog.at_level(logging.INFO, logger="mailhook.web"):
        for typed in ("Tr0ub4dor&3-secret", "Tr0ub4dor&3@secret", "Tr0ub4dor&3@secret", "x" * 200_000):
            assert sign_in(client, typed, "x") in (401, 429)
        assert sign_in(client, BEA, "wrong") == 401
    logged = [r.getMessage() for r in caplog.records]
    assert not any("tr0ub4dor" in m.lower() or "xxxxxxxx" in m for m in logged)
    assert sum("an address of no user" in m for m in logged) == 4
    assert any("refused unchecked" in m for m in logged) and any(f"'{BEA}'" in m for m in logged)


def test_guessing_from_many_addresses_of_one_ipv6_network_counts_as_one_client(db: Path) -> None:
    """An IPv6 host holds a whole /64: counting each address apart would give it 2^64 tries.
    Failures from three addresses of one /64 lock that network out (login_failures_per_client
    3); another network still signs in."""
    limits = dataclasses.replace(WebConfig(enabled=True), login_failures_per_client=3)
    with web_client(db, limits) as running:  # one app; browsers from several addresses
        def browser(host: str) -> TestClient:
            return TestClient(running.app, base_url="http://127.0.0.1", follow_redirects=False,
                              client=(host, 50000))

        codes = [sign_in(browser(f"2001:db8:1:2::{n + 1}"), f"nobody{n}@us.example", "x")
                 for n in range(4)]
        assert codes == [401, 401, 401, 429]
        assert sign_in(browser("2001:db8:1:3::1"), BEA) == 303


@pytest.mark.parametrize("typed", ["Berlin\x85Mitte", "Berlin\u2028Mitte", "Berlin \u202eettiM",
                                   "Berlin\x9b31m", "Berlin\tMitte", "B" * 501])
def test_controls_line_separators_and_bidi_overrides_are_refused_in_an_edit(db: Path, typed: str) -> None:
    """Beyond ASCII's controls: C1 (NEL, CSI), Unicode's line separator, a tab and a bidi
    override (which makes a value read backwards) are refused as a line break is, and so is a
    value over 500 characters: 400, nothing stored."""
    seed_replies(db)
    with web_client(db) as client:
        assert sign_in(client) == 303
        form = {"csrf": csrf(client, "/contacts"), "held:city": "", "value:city": typed}
        answer = client.post(contact_url(CONTACT), data=form)
    assert answer.status_code == 400 and "Not a value mailhook keeps" in answer.text
    store = Store(db)
    assert store.contact(CONTACT)["properties"]["city"]["value"] is None
    store.close()


def test_a_colleagues_mail_is_not_quoted_on_a_shared_contact(db: Path) -> None:
    """Bea's mail filled Bob's city: Ann's page says it came from a colleague's mail and quotes
    no line of it, neither beside the property nor in the history."""
    store = Store(db)
    line = {**EVIDENCE, "line": "Berlin office, ask for Bea's private number"}
    finish_reply(store, BEA, CONTACT, "<bob-0@acme.example>", (Candidate("city", "Berlin", None, line),))
    store.close()
    with web_client(db) as client:
        assert sign_in(client) == 303
        page = client.get(contact_url(CONTACT)).text
    assert "a colleague's mail" in page and "Berlin" in page
    assert "private number" not in page


def test_a_day_not_written_as_yyyy_mm_dd_is_refused(db: Path) -> None:
    """Python also reads 20261202 as a date; the filter compares text, so it would silently
    match nothing. The page says what it wants instead."""
    with web_client(db) as client:
        assert sign_in(client) == 303
        for path in ("/filled?day=20261202", "/filled/export?day=2026-W49-3"):
            answer = client.get(path)
            assert answer.status_code == 400 and "is not a date like 2026-12-01" in answer.text


def hostile_task(db: Path) -> int:
    """A task whose title, sentence and subject are markup, stored as the worker stores one."""
    store = Store(db)
    try:
        store.insert_received([Received(b"<x@acme.example>", "<x@acme.example>", ANN, "lmtp", None,
                                        (), None)])
        (item,) = store.claim(1)
        store.finish(item.id, Outcome(
            "outbound", user_email=ANN, contact_email=CONTACT, logged_on=(CONTACT,),
            subject=HOSTILE, date="Tue, 01 Dec 2026 09:00:00 +0000",
            tasks=(NewTask(CONTACT, "Call " + HOSTILE, HOSTILE, "2026-12-04"),)))
        return max(t.id for t in store.tasks(user_email=ANN))
    finally:
        store.close()


def test_markup_in_what_the_pages_show_renders_inert(db: Path) -> None:
    """A task's title, sentence and subject, a signature's value and evidence line, a contact's
    property and a contact's very address holding markup show as text on every page (no tag,
    no attribute breaks out); the pages forbid scripts besides (Content-Security-Policy)."""
    task_id = hostile_task(db)
    seed_replies(db)  # Carol holds a job title: the hostile one is suggested, her city filled
    store = Store(db)
    line = {**EVIDENCE, "line": HOSTILE}
    finish_reply(store, ANN, REPLIERS[ANN], "<hostile@acme.example>", (
        Candidate("job_title", HOSTILE, None, line), Candidate("city", HOSTILE, None, line)),
        fill_policy="own")
    store.set_property(CONTACT, "company", HOSTILE)
    store.add_contact(HOSTILE_ADDRESS, {"first_name": HOSTILE}, "import")
    finish_reply(store, ANN, HOSTILE_ADDRESS, "<h@evil.example>", (
        Candidate("phone", "+4930123456", None, line),), fill_policy="own")
    store.close()
    with web_client(db) as client:
        assert sign_in(client) == 303
        token = LinkSigner(SECRET).token(Target("task", task_id, "accept", ANN))
        for path in ("/tasks", "/suggestions", "/filled", "/contacts", contact_url(CONTACT),
                     contact_url(REPLIERS[ANN]), contact_url(HOSTILE_ADDRESS), f"/go/{token}"):
            answer = client.get(path)
            assert answer.status_code == 200, path
            assert "<script>" not in answer.text and "<img" not in answer.text, path
            assert "&lt;script&gt;" in answer.text, path
            assert "script-src" not in answer.headers["content-security-policy"]


def test_the_export_keeps_a_formula_from_running_in_a_spreadsheet(db: Path) -> None:
    """A value the AI stored that starts like a formula leaves the page's export as text (a
    leading quote, OWASP's rule); an E.164 phone stays a phone for HubSpot's import."""
    seed_replies(db)
    store = Store(db)
    formula = '=HYPERLINK("http://evil.example","Click")'
    finish_reply(store, ANN, CONTACT, "<formula@acme.example>", (
        Candidate("city", formula, None, EVIDENCE), Candidate("phone", "+4930555000", None, EVIDENCE)))
    store.close()
    with web_client(db) as client:
        assert sign_in(client) == 303
        for query in ("", "?hubspot=on"):
            answer = client.get("/filled/export" + query)
            cells = [c for row in csv.reader(io.StringIO(answer.text)) for c in row]
            assert "'" + formula in cells and formula not in cells and "+4930555000" in cells


def test_a_session_cookie_is_no_link_and_a_link_no_session(db: Path) -> None:
    """One secret, two salts: the signed-in cookie opened as a digest link is "This link does
    not work"; a genuine link set as the session cookie signs nobody in."""
    task_id = own_task(db)
    with web_client(db) as client:
        assert sign_in(client) == 303
        answer = client.get("/go/" + client.cookies["mailhook_session"])
        assert answer.status_code == 400 and "This link does not work" in answer.text
    with web_client(db) as client:
        client.cookies.set("mailhook_session", LinkSigner(SECRET).token(
            Target("task", task_id, "accept", ANN)))
        assert client.get("/tasks").headers.get("location") == "/login"


async def _decide_at_once(db: Path, kind: str, number: int) -> list[int]:
    """Ann's Accept and Dismiss of one item sent at the same moment (two tabs, a double click),
    through httpx on the app itself; their statuses."""
    app = create_app(db, WebConfig(enabled=True), Passwords(verify_password, hash_password), SECRET)
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            token = await _async_csrf(client, "/login")
            await client.post("/login", data={"csrf": token, "email": ANN, "password": PASSWORDS[ANN]})
            token = await _async_csrf(client, "/tasks")
            answers = await asyncio.gather(*(client.post(f"/{kind}s/{number}/{action}", data={"csrf": token})
                                             for action in ("accept", "dismiss")))
            return sorted(a.status_code for a in answers)
    finally:
        app.state.web.close()


async def _async_csrf(client: httpx.AsyncClient, path: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', (await client.get(path)).text)
    assert found, f"no CSRF token on {path}"
    return found[1]


@pytest.mark.parametrize("kind", ["task", "suggestion"])
def test_two_decisions_at_once_take_one_effect(db: Path, kind: str) -> None:
    """The page looks an item up and then decides it; between the two, another request's look-up
    must not pass: one decision is taken (303), the other is told it came too late (409), and the
    item ends as the one taken left it (a suggestion accepted is never also dismissed)."""
    number = {"task": own_task(db), "suggestion": seed_replies(db)[ANN]}[kind]
    assert asyncio.run(_decide_at_once(db, kind, number)) == [303, 409]
    store = Store(db)
    try:
        if kind == "task":
            assert store.task(number).status == "accepted"
        else:
            assert store.suggestion(number).status == "accepted"
            assert store.contact(REPLIERS[ANN])["properties"]["job_title"]["value"] == "Head of Sales"
    finally:
        store.close()


def test_fields_that_are_not_properties_change_nothing(db: Path) -> None:
    """A crafted form naming the contact's address, HubSpot's record id, the flag or a column
    that does not exist writes nothing; the one real property beside them is saved as the
    user's edit."""
    with web_client(db) as client:
        assert sign_in(client) == 303
        form = {"csrf": csrf(client, "/contacts"), "held:city": "", "value:city": "Berlin"}
        for name in ("email", "hubspot_record_id", "user_edited", "city; DROP TABLE contacts"):
            form |= {f"held:{name}": "", f"value:{name}": "forged"}
        assert client.post(contact_url(CONTACT), data=form).status_code == 303
    store = Store(db)
    try:
        contact = store.contact(CONTACT)
        assert contact["email"] == CONTACT and contact["properties"]["city"]["value"] == "Berlin"
        assert contact["properties"]["city"]["user_edited"]
        assert "forged" not in str(store.contacts())
    finally:
        store.close()


def test_signing_in_renews_the_session(db: Path) -> None:
    """The session (and its CSRF token) from before sign-in is not the one after it, so one
    planted in the browser beforehand (session fixation) is worth nothing afterwards."""
    with web_client(db) as client:
        before = csrf(client)
        assert sign_in(client) == 303
        after = csrf(client, "/settings")
        assert after != before
        answer = client.post("/settings", data={"csrf": before})
        assert answer.status_code == 403


def test_a_form_far_larger_than_any_of_the_pages_is_refused_before_it_is_read(db: Path) -> None:
    """The page's largest form (a contact's twelve fields, held and typed) is 144 kB at worst;
    Starlette alone would read a thousand fields of 1 MB each into memory, from anyone, before
    sign-in. Over 256 kB: 413 with a page, whether the size is announced or streamed."""
    with web_client(db, raise_server_exceptions=False) as client:
        token = csrf(client)
        fields = {"csrf": token, "email": ANN, "password": "x"} | {f"f{n}": "x" * 100_000 for n in range(3)}
        answer = client.post("/login", data=fields)
        assert answer.status_code == 413 and "too large" in answer.text
        body = (b"csrf=" + token.encode() + b"&pad=" + b"x" * 50_000 for _ in range(6))
        streamed = client.post("/login", content=body,
                               headers={"content-type": "application/x-www-form-urlencoded"})
        assert streamed.status_code == 413 and "too large" in streamed.text
        assert sign_in(client) == 303  # a form of the page's own size still goes through


def test_the_largest_contact_form_the_page_can_send_is_saved(db: Path) -> None:
    """Every field held and retyped at 500 characters of 4 UTF-8 bytes each (144 kB sent): below
    the limit, saved as the user's edits."""
    store = Store(db)
    for prop in CONTACT_FIELDS:
        store.set_property(CONTACT, prop, "\U0001d11e" * 500)
    store.close()
    with web_client(db) as client:
        assert sign_in(client) == 303
        form = {"csrf": csrf(client, "/contacts")}
        for prop in CONTACT_FIELDS:
            form |= {f"held:{prop}": "\U0001d11e" * 500, f"value:{prop}": "\U0001d120" * 500}
        assert len(urllib.parse.urlencode(form)) > 140_000
        assert client.post(contact_url(CONTACT), data=form).status_code == 303
    store = Store(db)
    try:
        assert {m["value"] for m in store.contact(CONTACT)["properties"].values()} == {"\U0001d120" * 500}
    finally:
        store.close()


def test_a_save_that_fails_midway_writes_none_of_its_fields(db: Path) -> None:
    """The job title and the city changed in one save; the database refuses the city (a trigger
    of the administrator's, real SQL): the save fails, and the job title is not left written on
    its own (store.set_properties: one transaction)."""
    conn = sqlite3.connect(db)
    conn.execute("CREATE TRIGGER refuse_city BEFORE UPDATE OF city ON contacts "
                 "BEGIN SELECT RAISE(ABORT, 'city refused'); END")
    conn.commit()
    conn.close()
    with web_client(db, raise_server_exceptions=False) as client:
        assert sign_in(client) == 303
        form = {"csrf": csrf(client, "/contacts"), "held:job_title": "", "value:job_title": "Buyer",
                "held:city": "", "value:city": "Berlin"}
        assert client.post(contact_url(CONTACT), data=form).status_code == 500
    store = Store(db)
    try:
        assert store.contact(CONTACT)["properties"]["job_title"]["value"] is None
    finally:
        store.close()


def test_a_long_made_up_contact_address_is_refused_in_a_line(db: Path,
                                                              caplog: pytest.LogCaptureFixture) -> None:
    """A signed-in user asking for a 20 kB "address": 404 as for any other that is not theirs,
    logged and shown cut to an address's longest."""
    with web_client(db) as client, caplog.at_level(logging.WARNING, logger="mailhook.web"):
        assert sign_in(client) == 303
        answer = client.get(contact_url("a" * 20_000 + "@acme.example"))
    assert answer.status_code == 404 and "No such contact among yours" in answer.text
    assert len(answer.text) < 5_000
    assert all(len(r.getMessage()) < 400 for r in caplog.records)
