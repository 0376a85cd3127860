"""The digest links each task and suggestion to the user's page when [web] runs with a public
address: signed links in both parts (the text part keeps the CLI's commands for admins); without
the page or its address the digest names the commands only, as before."""

from __future__ import annotations

import re
import time
from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path

import pytest

from mailhook.automation.delivery import compose_for, today
from mailhook.automation.digest import html_page, text_part
from mailhook.automation.links import LinkSigner, Target, load_secret, secret_path
from mailhook.config import Config, load_config
from mailhook.store import Received, Store
from mailhook.worker.processing import Worker

USER = "ann@us.example"
CONTACT = "bob.smith@acme.example"
BASE = "https://mailhook.example.com/"
BODY = """Hi Ann,

can you send the revised quote by Friday?

Best regards,
Bob Smith
Sales Director
Acme GmbH
Tel: +49 30 1234567
"""


def reply() -> bytes:
    message = EmailMessage()
    message["From"] = f"Bob Smith <{CONTACT}>"
    message["To"] = USER
    message["Subject"] = "Re: quote & terms"
    message["Date"] = formatdate(time.time())
    message["Message-ID"] = "<r1@acme.example>"
    message.set_content(BODY)
    return bytes(message)


def configured(tmp_path: Path, web: str) -> Config:
    """Ann got Bob's reply today, read by the real worker: a task, and a suggested job title (his
    import holds another)."""
    path = tmp_path / "mailhook.toml"
    path.write_text(f"[database]\npath = '{tmp_path / 'mailhook.db'}'\n[dkim]\npolicy = 'off'\n"
                    f"[extract]\ntagger = 'off'\n[web]\n{web}\n", encoding="utf-8")
    config = load_config(path)
    store = Store(config.database.path)
    store.add_user(USER, "Ann Lee", inbox_automation=True)
    store.add_contact(CONTACT, {"job_title": "Buyer"}, "import")
    store.insert_received([Received(reply(), "<r1@acme.example>", USER, "lmtp", CONTACT, (USER,), None)])
    Worker(config).drain(store)
    store.close()
    return config


def composed(config: Config) -> tuple[str, str, list[int], list[int]]:
    """The digest's text and HTML parts, and the ids of its tasks and suggestions."""
    store = Store(config.database.path)
    try:
        message = compose_for(store, config, today("UTC"), USER)
        tasks = [t.id for t in store.tasks(user_email=USER)]
        suggestions = [s.id for s in store.suggestions(user_email=USER)]
    finally:
        store.close()
    assert message is not None and tasks and suggestions
    return text_part(message), html_page(message) or "", tasks, suggestions


def test_each_task_and_suggestion_links_to_the_page_in_both_parts(tmp_path: Path) -> None:
    """Accept and Dismiss links under the page's address, each signed with the web secret for its
    own item, decision and user; the text part keeps the commands, the HTML part links only."""
    config = configured(tmp_path, f"enabled = true\nbase_url = '{BASE}'")
    text, page, tasks, suggestions = composed(config)
    task, suggestion = tasks[0], suggestions[0]
    signer = LinkSigner(load_secret(secret_path(config)))
    expected = {Target(kind, number, action, USER)
                for kind, numbers in (("task", tasks), ("suggestion", suggestions))
                for number in numbers for action in ("accept", "dismiss")}
    for part, pattern in ((text, r"(\S+/go/[\w.-]+)"), (page, r'href="([^"]+/go/[^"]+)"')):
        urls = re.findall(pattern, part)
        assert len(urls) == len(expected) and all(u.startswith(BASE + "go/") for u in urls)
        assert {signer.read(u.rpartition("/")[2]) for u in urls} == expected
    assert f"Admin:    mailhook tasks accept {task}  |  mailhook tasks dismiss {task}" in text
    assert f"Admin:    mailhook suggestions accept {suggestion}" in text
    assert "mailhook tasks accept" not in page and "mailhook suggestions" not in page
    assert "work for 7 days" in text and "work for 7 days" in page
    assert secret_path(config).stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("web", ["enabled = false\nbase_url = 'https://crm.example/'", "enabled = true"])
def test_without_the_page_or_its_address_the_digest_names_the_commands(tmp_path: Path, web: str) -> None:
    """No link at all, and no key made; the commands as the digest always gave them."""
    config = configured(tmp_path, web)
    text, page, tasks, suggestions = composed(config)
    task, suggestion = tasks[0], suggestions[0]
    assert "/go/" not in text + page and "Accept:" not in text
    assert f"Decide:   mailhook tasks accept {task}  |  mailhook tasks dismiss {task}" in text
    assert f"Decide:   mailhook suggestions accept {suggestion}" in text
    assert f"mailhook tasks accept {task} &middot; mailhook tasks dismiss {task}" in page
    assert not secret_path(config).exists()
