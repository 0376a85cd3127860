"""The user's page refuses what it must, through Starlette's TestClient on a real SQLite file:
wrong passwords (ten of them rate-limited and logged), forms without their CSRF token, another
user's task; and a GET never changes anything."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from mailhook.automation.links import load_secret
from mailhook.config import WebConfig
from mailhook.service.passwords import hash_password, verify_password
from mailhook.store import Store
from mailhook.web.signin import Passwords, Result, SignIns

from .browsing import csrf, sign_in, web_client
from .seed import ANN, BEA, PASSWORDS

LIMITS = WebConfig(enabled=True)


@pytest.fixture
def client(db: Path) -> Iterator[TestClient]:
    with web_client(db, LIMITS, load_secret(db.with_name("web-secret"))) as client:
        yield client


def snapshot(db: Path) -> tuple[object, ...]:
    store = Store(db)
    try:
        return (store.users(), store.tasks())
    finally:
        store.close()


def test_sign_in_with_the_users_password_opens_their_tasks(client: TestClient) -> None:
    """The right password signs in (a 303 to the tasks, which name the user's task); the session
    cookie is HttpOnly and SameSite=Lax."""
    assert client.get("/tasks").headers["location"] == "/login"
    form = {"csrf": csrf(client), "email": ANN.upper(), "password": PASSWORDS[ANN]}
    answer = client.post("/login", data=form)
    assert (answer.status_code, answer.headers["location"]) == (303, "/tasks")
    cookie = answer.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie
    page = client.get("/tasks")
    assert page.status_code == 200 and "Send Bob the quote (0)" in page.text
    assert "Send Bob the quote (1)" not in page.text  # Bea's


def test_secure_cookies_mark_the_session_cookie_secure(db: Path) -> None:
    """With [web] secure_cookies (served behind TLS) the browser sends the cookie over HTTPS only."""
    limits = dataclasses.replace(LIMITS, secure_cookies=True)
    with web_client(db, limits, base_url="https://127.0.0.1") as client:
        form = {"csrf": csrf(client), "email": ANN, "password": PASSWORDS[ANN]}
        answer = client.post("/login", data=form)
        assert answer.status_code == 303 and "; secure" in answer.headers["set-cookie"].lower()
        assert client.get("/tasks").status_code == 200


def test_a_wrong_password_is_refused_and_logged(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    """A wrong password gets 401 and the sign-in page again; the failure is logged; no session."""
    with caplog.at_level(logging.WARNING, logger="mailhook.web"):
        assert sign_in(client, password="guess") == 401
    assert any("failed sign-in for 'ann@us.example'" in r.getMessage() for r in caplog.records)
    assert client.get("/tasks").status_code == 303


def test_ten_wrong_passwords_lock_the_address_out_even_for_the_right_one(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    """After login_failures_per_address (5) failures, the rest of ten wrong passwords and then the
    right one are refused unchecked with 429, each logged; another address still signs in."""
    with caplog.at_level(logging.WARNING, logger="mailhook.web"):
        codes = [sign_in(client, password=f"guess {n}") for n in range(10)]
        assert codes == [401] * 5 + [429] * 5
        assert sign_in(client) == 429
    refused = [r for r in caplog.records if "refused unchecked" in r.getMessage()]
    assert len(refused) == 6
    assert sign_in(client, BEA) == 303


def test_one_attacker_cannot_lock_a_user_out_from_elsewhere() -> None:
    """Failures lock an address for the client that made them (the right password included);
    the user still signs in from another client. Only ten times as many, from clients enough,
    lock the address everywhere."""
    limits = dataclasses.replace(LIMITS, login_failures_per_address=2, login_failures_per_client=100)
    signins = SignIns(limits, Passwords(verify_password, hash_password))
    stored = hash_password("right")

    def attempt(client: str, password: str) -> Result:
        return asyncio.run(signins.check(ANN, client, stored, password))

    try:
        assert [attempt("198.51.100.7", "guess") for _ in range(3)] == [
            Result.WRONG, Result.WRONG, Result.LOCKED_OUT]
        assert attempt("198.51.100.7", "right") is Result.LOCKED_OUT
        assert attempt("203.0.113.9", "right") is Result.SIGNED_IN  # the user, elsewhere
        for n in range(1, 10):  # 2 failures each from 9 more clients: 20 in all, 10 x the limit
            assert [attempt(f"192.0.2.{n}", "guess") for _ in range(2)] == [Result.WRONG] * 2
        assert attempt("203.0.113.9", "right") is Result.LOCKED_OUT  # now locked everywhere
    finally:
        signins.close()


def test_failures_from_one_client_lock_it_out_across_addresses(db: Path) -> None:
    """login_failures_per_client counts one client's failures for every address it tries."""
    limits = dataclasses.replace(LIMITS, login_failures_per_client=3)
    with web_client(db, limits) as client:
        codes = [sign_in(client, f"nobody{n}@us.example", "x") for n in range(3)]
        assert codes == [401] * 3
        assert sign_in(client, BEA) == 429


@pytest.mark.parametrize("token", [None, "forged"])
@pytest.mark.parametrize("path", ["/login", "/logout", "/settings", "/tasks/{ann}/accept"])
def test_a_post_without_the_sessions_csrf_token_is_refused(
    client: TestClient, db: Path, path: str, token: str | None, caplog: pytest.LogCaptureFixture
) -> None:
    """Every form's POST without its token (or with another) gets 403 and a page saying why;
    nothing changes, and it is logged."""
    ids = seed_ids(db)
    assert sign_in(client) == 303
    before = snapshot(db)
    form = {"email": ANN, "password": PASSWORDS[ANN]} | ({"csrf": token} if token else {})
    with caplog.at_level(logging.WARNING, logger="mailhook.web"):
        answer = client.post(path.format(ann=ids[ANN]), data=form)
    assert answer.status_code == 403 and "This form has expired" in answer.text
    assert any("CSRF" in r.getMessage() for r in caplog.records)
    assert snapshot(db) == before


def test_another_users_task_is_refused_with_a_clear_page(
    client: TestClient, db: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Ann accepting Bea's task (a valid token, a real id) gets 404 "No such task among yours",
    logged; Bea's task stays recommended. Ann's own is accepted."""
    ids = seed_ids(db)
    assert sign_in(client) == 303
    token = csrf(client, "/tasks")
    with caplog.at_level(logging.WARNING, logger="mailhook.web"):
        answer = client.post(f"/tasks/{ids[BEA]}/accept", data={"csrf": token})
    assert answer.status_code == 404 and "No such task among yours" in answer.text
    assert any(f"task {ids[BEA]}" in r.getMessage() for r in caplog.records)
    store = Store(db)
    assert store.task(ids[BEA]).status == "recommended"
    assert client.post(f"/tasks/{ids[ANN]}/accept", data={"csrf": token}).status_code == 303
    assert store.task(ids[ANN]).status == "accepted"
    store.close()


def test_settings_saved_on_the_page_are_in_the_store_at_once(client: TestClient, db: Path) -> None:
    """Unticking "Inbox automation" turns it off for the user (and only them) in the store."""
    assert sign_in(client) == 303
    page = client.get("/settings").text
    assert page.count("On since 20") == 2  # when each was turned on
    assert "Mail received before a setting was turned on is not scanned" in page
    answer = client.post("/settings", data={"csrf": csrf(client, "/settings"), "fill_contact_details": "on"})
    assert answer.status_code == 303
    store = Store(db)
    ann, bea = store.get_user(ANN), store.get_user(BEA)
    store.close()
    assert (ann.fill_contact_details, ann.inbox_automation, bea.inbox_automation) == (True, False, True)
    assert "Off." in client.get("/settings").text


@pytest.mark.parametrize("path", ["/", "/login", "/settings", "/tasks", "/tasks/1/accept",
                                  "/logout", "/settings?inbox_automation=off"])
def test_a_get_never_changes_anything(client: TestClient, db: Path, path: str) -> None:
    """Signed in, a GET of any page (or of a POST-only address) leaves users and tasks alone."""
    assert sign_in(client) == 303
    before = snapshot(db)
    assert client.get(path).status_code in (200, 303, 405)
    assert snapshot(db) == before


def test_a_new_password_ends_the_sessions_of_the_old_one(client: TestClient, db: Path) -> None:
    """`users password` changes the hash; a cookie signed in with the old one no longer opens pages."""
    assert sign_in(client) == 303
    store = Store(db)
    store.set_password_hash(ANN, hash_password("a new one"))
    store.close()
    assert client.get("/tasks").headers["location"] == "/login"


def test_the_session_key_is_made_readable_by_its_owner_only(tmp_path: Path) -> None:
    """First start writes a random key with 0600; the next start reads the same key."""
    path = tmp_path / "db.web-secret"
    first = load_secret(path)
    assert path.stat().st_mode & 0o777 == 0o600 and len(first) >= 32
    assert load_secret(path) == first


def seed_ids(db: Path) -> dict[str, int]:
    store = Store(db)
    try:
        return {u: t.id for u in PASSWORDS for t in store.tasks(user_email=u)}
    finally:
        store.close()
