"""End to end in a real headless browser (Debian's chromium, driven by Playwright) against a real
`mailhook serve` on ephemeral loopback ports: sign in, turn settings off and see the next mail
not scanned, decide tasks and suggestions on the pages and from a digest's link, find the
accepted value flagged user-edited on the Contact page, download the export and parse it.

With MAILHOOK_SCREENSHOTS=DIR the run also saves a screenshot of each page in DIR (docs/web.md
shows them); without it nothing is written outside the test's own temporary folder.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import os
import re
import time
from collections.abc import Iterator
from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from mailhook.automation.delivery import compose_for, today
from mailhook.automation.digest import text_part
from mailhook.config import Config, load_config
from mailhook.model import User
from mailhook.outputs.export import RECORD_ID
from mailhook.store import Received, Store
from mailhook.worker.processing import Worker

from .browsing import serving
from .seed import ANN, CONTACT, PASSWORDS, REPLIERS, seed, seed_replies

if TYPE_CHECKING:
    from playwright.sync_api import Page

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = os.environ.get("MAILHOOK_SCREENSHOTS")
CAROL = REPLIERS[ANN]

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (dev extra)")
if not CHROMIUM.is_file():
    pytest.skip("no /usr/bin/chromium (scripts/setup-system installs Debian's as root)",
                allow_module_level=True)


@dataclasses.dataclass(frozen=True)
class Served:
    url: str
    db: Path
    config: Config


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    """`mailhook serve --no-worker` with [web] on: its page's address, database and config."""
    db = tmp_path / "mailhook.db"
    seed(db)
    seed_replies(db)
    with serving(db) as (url, path):
        yield Served(url, db, load_config(path))


@pytest.fixture
def page(served: Served) -> Iterator[Page]:
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        try:
            yield browser.new_page(accept_downloads=True)
        finally:
            browser.close()


def shoot(page: Page, name: str) -> None:
    """The page as the user sees it, into MAILHOOK_SCREENSHOTS when set."""
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SCREENSHOTS) / f"{name}.png"), full_page=True)


def sign_in(page: Page, screenshot: str | None = None) -> None:
    page.get_by_label("Your mailhook address").fill(ANN)
    page.get_by_label("Password").fill(PASSWORDS[ANN])
    if screenshot:
        shoot(page, screenshot)
    page.get_by_role("button", name="Sign in").click()


def test_a_user_decides_on_the_pages_and_finds_the_accepted_value_user_edited(
    served: Served, page: Page
) -> None:
    """Keyboard-and-click use of the plain-HTML pages changes the store at once; the job title
    accepted from a suggestion shows as user-edited on the contact's page."""
    page.goto(served.url)
    sign_in(page, "login")
    sync_api.expect(page.get_by_role("heading", name="Recommended tasks")).to_be_visible()
    shoot(page, "tasks")

    page.get_by_role("link", name="Settings").click()
    automation = page.get_by_label("Inbox automation")
    sync_api.expect(automation).to_be_checked()
    automation.uncheck()
    page.get_by_role("button", name="Save settings").click()
    sync_api.expect(page.locator("#inbox_automation_since")).to_contain_text("Off.")
    shoot(page, "settings")
    assert user(served.db).inbox_automation is False

    page.get_by_role("link", name="Recommended tasks").click()
    page.get_by_role("button", name="Accept: Send Bob the quote (0)").click()
    sync_api.expect(page.get_by_text("No recommended tasks are waiting for you.")).to_be_visible()
    assert task_statuses(served.db) == ["accepted"]

    page.get_by_role("link", name="Suggested updates").click()
    shoot(page, "suggestions")
    page.get_by_role("button", name=f"Accept: job_title Head of Sales for {CAROL}").click()
    sync_api.expect(page.get_by_text("No suggested updates are waiting for you.")).to_be_visible()
    assert job_title(served.db) == ("Head of Sales", 1)

    page.get_by_role("link", name="Contacts").click()
    shoot(page, "contacts")
    page.get_by_role("link", name=CAROL).click()
    job = page.locator("#property-job_title")
    sync_api.expect(job).to_contain_text("Head of Sales")
    sync_api.expect(job).to_contain_text("yes: the AI never changes it")
    sync_api.expect(job).to_contain_text("a person")
    shoot(page, "contact")


def test_with_fill_contact_details_off_the_next_mail_is_not_scanned(
    served: Served, page: Page
) -> None:
    """Unticked on the Settings page, Bob's next reply (his first: a real message through the
    worker the service runs) is logged on him but not read: his page shows no phone."""
    page.goto(served.url)
    sign_in(page)
    page.get_by_role("link", name="Settings").click()
    page.get_by_label("Fill contact details from emails").uncheck()
    page.get_by_role("button", name="Save settings").click()
    sync_api.expect(page.locator("#fill_contact_details_since")).to_contain_text("Off.")

    store = Store(served.db)
    try:
        store.insert_received([Received(reply(), "<bob-1@acme.example>", ANN, "lmtp", CONTACT, (ANN,),
                                        None)])
        assert Worker(served.config).drain(store) == 1
        skipped = store.conn.execute("SELECT scanned, skip_reason FROM messages WHERE message_id = ?",
                                     ("<bob-1@acme.example>",)).fetchone()
        assert tuple(skipped) == (0, "fill contact details off")
        assert store.contact(CONTACT)["properties"]["phone"]["value"] is None
    finally:
        store.close()

    page.get_by_role("link", name="Contacts").click()
    page.get_by_role("link", name=CONTACT).click()
    sync_api.expect(page.get_by_text("“Re: Your quote”")).to_be_visible()
    phone = page.locator("#property-phone td").first
    sync_api.expect(phone).to_have_text("")


def test_a_task_is_accepted_from_the_digests_link(served: Served, page: Page) -> None:
    """The digest's Accept link (signed with the page's own key) opens the sign-in page, then the
    confirmation; one click accepts. A link cut short gets a page saying it does not work."""
    config = dataclasses.replace(served.config, web=dataclasses.replace(
        served.config.web, base_url=served.url))
    store = Store(served.db)
    try:
        message = compose_for(store, config, today(config.digest.timezone), ANN)
    finally:
        store.close()
    assert message is not None
    found = re.search(r"Accept:\s+(\S+/go/\S+)", text_part(message))
    assert found, text_part(message)

    page.goto(found[1])
    sync_api.expect(page.get_by_text("Sign in to confirm the decision from your digest.")).to_be_visible()
    sign_in(page)
    sync_api.expect(page.get_by_role("heading", name="Accept this task?")).to_be_visible()
    shoot(page, "confirm")
    assert task_statuses(served.db) == ["recommended"]  # the GET changed nothing
    page.get_by_role("button", name="Accept task").click()
    sync_api.expect(page.get_by_text("No recommended tasks are waiting for you.")).to_be_visible()
    assert task_statuses(served.db) == ["accepted"]

    page.goto(found[1][:-4])
    sync_api.expect(page.get_by_role("heading", name="This link does not work")).to_be_visible()
    shoot(page, "refused")


def test_the_export_downloads_as_csv_in_either_format(served: Served, page: Page) -> None:
    """Export filled properties on the Filled by AI page saves a CSV file: our columns, or with the
    HubSpot option HubSpot's, each with Ann's contact's phone the AI filled."""
    page.goto(served.url)
    sign_in(page)
    page.get_by_role("link", name="Filled by AI").click()
    sync_api.expect(page.get_by_role("link", name=CAROL)).to_be_visible()
    shoot(page, "filled")
    rows = download(page)
    assert [(r["email"], r["property"], r["value"]) for r in rows] == [(CAROL, "phone", "+49301234560")]
    page.get_by_label("HubSpot's columns (one row per contact)").check()
    rows = download(page)
    assert [(r["email"], r["phone"]) for r in rows] == [(CAROL, "+49301234560")]
    assert list(rows[0])[0] == RECORD_ID


def download(page: Page) -> list[dict[str, str]]:
    with page.expect_download() as started:
        page.get_by_role("button", name="Export filled properties").click()
    saved = started.value.path()
    assert started.value.suggested_filename.endswith(".csv")
    return list(csv.DictReader(io.StringIO(Path(saved).read_text("utf-8"))))


def reply() -> bytes:
    """Bob's first reply to Ann, signed with a phone number the AI would fill (his is empty)."""
    message = EmailMessage()
    message["From"] = f"Bob Example <{CONTACT}>"
    message["To"] = ANN
    message["Subject"] = "Re: Your quote"
    message["Date"] = formatdate(time.time())
    message["Message-ID"] = "<bob-1@acme.example>"
    message.set_content("Hi Ann,\n\nthanks, looks good.\n\nBest regards,\nBob Example\nBuyer\n"
                        "Acme GmbH\nTel: +49 30 7654321\n")
    return bytes(message)


def user(db: Path) -> User:
    store = Store(db)
    try:
        return store.get_user(ANN)
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
            (CAROL,)).fetchone()
        return row[0], row[1]
    finally:
        store.close()
