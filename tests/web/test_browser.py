"""End to end in a real headless browser (Debian's chromium, driven by Playwright) against a real
`mailhook serve` on ephemeral loopback ports: sign in, turn inbox automation off on the Settings
page and find it off in the store, accept a recommended task and find it accepted, accept a
suggested update and find the property flagged user-edited."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from linereader import LineReader

from mailhook.store import Store

from .seed import ANN, PASSWORDS, REPLIERS, seed, seed_replies

CHROMIUM = Path("/usr/bin/chromium")
MAILHOOK = str(Path(sys.executable).parent / "mailhook")
WEB = r"mailhook listening .* web=(http://127\.0\.0\.1:\d+/)"
DEADLINE_SECONDS = 60.0

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (dev extra)")
if not CHROMIUM.is_file():
    pytest.skip("no /usr/bin/chromium (scripts/setup-system installs Debian's as root)",
                allow_module_level=True)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """`mailhook serve --no-worker` with [web] on; its page's address and database."""
    db = tmp_path / "mailhook.db"
    seed(db)
    seed_replies(db)
    config = tmp_path / "mailhook.toml"
    config.write_text(f'[database]\npath = "{db}"\n[smtp]\nport = 0\n[lmtp]\nport = 0\n'
                      '[dkim]\npolicy = "off"\n[extract]\ntagger = "off"\n'
                      '[web]\nenabled = true\nport = 0\n')
    proc = subprocess.Popen([MAILHOOK, "serve", "--no-worker", "--config", str(config)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    assert proc.stdout is not None
    out = LineReader(proc.stdout)
    try:
        found = out.wait_for(WEB, seconds=DEADLINE_SECONDS)
        assert found, f"serve printed no web address:\n{out.text()}"
        match = re.search(WEB, found[0])
        assert match is not None
        yield match[1], db
        os.killpg(proc.pid, signal.SIGTERM)
        assert proc.wait(DEADLINE_SECONDS) == 0, out.text()
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(DEADLINE_SECONDS)


def test_a_user_signs_in_turns_automation_off_and_accepts_a_task_and_a_suggestion(
    served: tuple[str, Path],
) -> None:
    """Keyboard-and-click use of the plain-HTML pages changes the store at once."""
    url, db = served
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        try:
            page = browser.new_page()
            page.goto(url)
            page.get_by_label("Your mailhook address").fill(ANN)
            page.get_by_label("Password").fill(PASSWORDS[ANN])
            page.get_by_role("button", name="Sign in").click()
            sync_api.expect(page.get_by_role("heading", name="Recommended tasks")).to_be_visible()

            page.get_by_role("link", name="Settings").click()
            automation = page.get_by_label("Inbox automation")
            sync_api.expect(automation).to_be_checked()
            automation.uncheck()
            page.get_by_role("button", name="Save settings").click()
            sync_api.expect(page.locator("#inbox_automation_since")).to_contain_text("Off.")
            assert user_setting(db) is False

            page.get_by_role("link", name="Recommended tasks").click()
            page.get_by_role("button", name="Accept: Send Bob the quote (0)").click()
            sync_api.expect(page.get_by_text("No recommended tasks are waiting for you.")).to_be_visible()
            assert task_statuses(db) == ["accepted"]

            page.get_by_role("link", name="Suggested updates").click()
            page.get_by_role("button", name=f"Accept: job_title Head of Sales for {REPLIERS[ANN]}").click()
            sync_api.expect(page.get_by_text("No suggested updates are waiting for you.")).to_be_visible()
            assert job_title(db) == ("Head of Sales", 1)
        finally:
            browser.close()


def user_setting(db: Path) -> bool:
    store = Store(db)
    try:
        return store.get_user(ANN).inbox_automation
    finally:
        store.close()


def task_statuses(db: Path) -> list[str]:
    store = Store(db)
    try:
        return [t.status for t in store.tasks(user_email=ANN)]
    finally:
        store.close()


def job_title(db: Path) -> tuple[str, int]:
    """Ann's contact's job title and its user-edited flag."""
    store = Store(db)
    try:
        row = store.conn.execute(
            """SELECT c.job_title, p.user_edited FROM contacts c JOIN contact_properties p
               ON p.contact_email = c.email AND p.property = 'job_title' WHERE c.email = ?""",
            (REPLIERS[ANN],)).fetchone()
        return row[0], row[1]
    finally:
        store.close()
