"""Digest links on the page, through Starlette's TestClient on a real SQLite file: a link shows
its task or suggestion with one button, after sign-in when needed, and changes nothing itself;
forged, expired and other users' links are refused with a clear page, logged, nothing changed."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from mailhook.automation.links import LINK_SECONDS, LinkSigner, Target
from mailhook.store import Store
from mailhook.web.confirm import is_link_path

from .browsing import SECRET, csrf, web_client
from .seed import ANN, BEA, PASSWORDS, REPLIERS, seed_replies


@pytest.fixture
def ids(db: Path) -> dict[str, dict[str, int]]:
    """By kind, by user: the id of their open task and suggestion."""
    suggestions = seed_replies(db)
    store = Store(db)
    try:
        return {"task": {u: store.tasks(user_email=u)[0].id for u in PASSWORDS},
                "suggestion": suggestions}
    finally:
        store.close()


@pytest.fixture
def client(db: Path, ids: dict[str, dict[str, int]]) -> Iterator[TestClient]:
    with web_client(db) as client:
        yield client


def link(kind: str, number: int, action: str = "accept", user: str = ANN, *,
         secret: str = SECRET, made: float | None = None) -> str:
    """The page's path of a digest link, signed `made` (epoch seconds; default now)."""
    clock = (lambda: made) if made is not None else time.time
    return "/go/" + LinkSigner(secret, clock).token(Target(kind, number, action, user))



def sign_in(client: TestClient, user: str = ANN) -> str:
    """Signs in; where the sign-in sent the browser."""
    form = {"csrf": csrf(client, "/login"), "email": user, "password": PASSWORDS[user]}
    answer = client.post("/login", data=form)
    assert answer.status_code == 303
    return answer.headers["location"]


def snapshot(db: Path) -> tuple[object, ...]:
    """Every task and suggestion with its status, and the contacts' values and flags."""
    store = Store(db)
    try:
        return (store.tasks(), store.suggestions(status=None),
                [store.contact(c)["properties"] for c in REPLIERS.values()])
    finally:
        store.close()


def test_a_link_asks_to_sign_in_and_returns_to_its_confirmation(
    client: TestClient, db: Path, ids: dict[str, dict[str, int]]
) -> None:
    """Signed out, a task's link goes to the sign-in page, which says why; signing in returns to
    the link, which shows the task and one button; the GETs changed nothing, the button acts."""
    before = snapshot(db)
    path = link("task", ids["task"][ANN])
    assert client.get(path).headers["location"] == "/login"
    assert "confirm the decision from your digest" in client.get("/login").text
    assert sign_in(client) == path
    page = client.get(path)
    assert page.status_code == 200 and "Accept this task?" in page.text
    assert "Send Bob the quote (0)" in page.text and "I will send you the quote by Friday." in page.text
    action = f'action="/tasks/{ids["task"][ANN]}/accept"'
    assert page.text.count('<form method="post"') == 2 and action in page.text  # and sign out
    assert snapshot(db) == before
    answer = client.post(f"/tasks/{ids['task'][ANN]}/accept", data={"csrf": csrf(client, path)})
    assert answer.status_code == 303
    assert Store(db).task(ids["task"][ANN]).status == "accepted"


def test_a_suggestions_dismiss_link_confirms_then_dismisses(
    client: TestClient, db: Path, ids: dict[str, dict[str, int]]
) -> None:
    """The link of the dismiss decision shows the held and suggested values and a Dismiss button."""
    sign_in(client)
    path = link("suggestion", ids["suggestion"][ANN], "dismiss")
    page = client.get(path).text
    assert "Dismiss this suggested update?" in page and "Engineer" in page and "Head of Sales" in page
    assert f'action="/suggestions/{ids["suggestion"][ANN]}/dismiss"' in page
    client.post(f"/suggestions/{ids['suggestion'][ANN]}/dismiss", data={"csrf": csrf(client, path)})
    assert Store(db).suggestion(ids["suggestion"][ANN]).status == "dismissed"


def refused(client: TestClient, db: Path, caplog: pytest.LogCaptureFixture, path: str) -> str:
    """Opens `path` and checks it changed nothing and logged a warning; the page's text."""
    before = snapshot(db)
    with caplog.at_level(logging.WARNING, logger="mailhook.web"):
        answer = client.get(path)
    assert answer.status_code in (400, 403, 404, 410), answer.status_code
    assert any("digest link" in r.getMessage() for r in caplog.records)
    assert snapshot(db) == before
    return answer.text


@pytest.mark.parametrize("signed_in", [True, False])
def test_a_forged_link_is_refused(client: TestClient, db: Path, ids: dict[str, dict[str, int]],
                                  caplog: pytest.LogCaptureFixture, signed_in: bool) -> None:
    """One signed with another key, one with a changed payload, one cut short: 400 "This link
    does not work", before any sign-in."""
    if signed_in:
        sign_in(client)
    genuine = link("task", ids["task"][ANN])
    payload, _, signature = genuine.rpartition(".")
    other = link("task", ids["task"][BEA], user=BEA)
    for path in (link("task", ids["task"][ANN], secret="x" * 40), genuine[:-3],
                 other.rpartition(".")[0] + "." + signature, payload + ".AAAA"):
        assert "This link does not work" in refused(client, db, caplog, path)


def test_an_expired_link_is_refused(client: TestClient, db: Path, ids: dict[str, dict[str, int]],
                                    caplog: pytest.LogCaptureFixture) -> None:
    """A link signed longer ago than a link lives gets 410 "This link has expired"; one signed a
    day less long ago still opens."""
    sign_in(client)
    old = time.time() - LINK_SECONDS - 60
    assert "This link has expired" in refused(client, db, caplog, link("task", ids["task"][ANN], made=old))
    recent = link("task", ids["task"][ANN], made=time.time() - LINK_SECONDS + 86_400)
    assert client.get(recent).status_code == 200


def test_another_users_link_is_refused(client: TestClient, db: Path, ids: dict[str, dict[str, int]],
                                       caplog: pytest.LogCaptureFixture) -> None:
    """Bea's genuine link opened by Ann: 403 naming both; a link for Ann naming Bea's task or
    suggestion (no digest makes one): 404."""
    sign_in(client)
    text = refused(client, db, caplog, link("task", ids["task"][BEA], user=BEA))
    assert "This link is for another user" in text and BEA in text
    assert "No such task among yours" in refused(client, db, caplog, link("task", ids["task"][BEA]))
    assert "No such suggestion among yours" in refused(
        client, db, caplog, link("suggestion", ids["suggestion"][BEA]))


def test_a_decided_tasks_link_says_so(client: TestClient, db: Path,
                                      ids: dict[str, dict[str, int]]) -> None:
    """After the task was accepted (on the page or the CLI), its link shows "Already decided"."""
    store = Store(db)
    store.set_task_status(ids["task"][ANN], "accepted")
    store.close()
    sign_in(client)
    answer = client.get(link("task", ids["task"][ANN], "dismiss"))
    assert answer.status_code == 409 and "Already decided" in answer.text
    assert Store(db).task(ids["task"][ANN]).status == "accepted"


@pytest.mark.parametrize(("path", "returned"), [
    ("/go/abc.def", True), ("//evil.example/go/", False), ("https://evil.example/go/x", False),
    ("/go//evil.example", False), ("/go/\\evil", False), ("/tasks", False), (None, False),
])
def test_sign_in_returns_only_to_a_digest_links_path(path: object, returned: bool) -> None:
    """What the session holds to return to is a link's own path, never another site."""
    assert is_link_path(path) is returned
