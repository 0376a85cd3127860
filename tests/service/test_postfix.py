"""A real Postfix in the loop: it delivers a test domain over LMTP to the hook, defers on 451."""

from __future__ import annotations

import dataclasses
import re
import sqlite3
from collections.abc import Callable, Iterator
from email.message import EmailMessage

import pytest
from conftest import Running
from postfix import DOMAIN, NEEDS_POSTFIX, SHIPPED, Postfix

from mailhook.config import AddressesConfig, Config
from mailhook.store import Store
from mailhook.worker.processing import Worker

pytestmark = NEEDS_POSTFIX


@pytest.fixture
def hook_config(config: Config) -> Config:
    return dataclasses.replace(config, addresses=AddressesConfig(
        forwarding=("log@hook.localhost",), team=(f"sales@{DOMAIN}",)))


@pytest.fixture
def postfix() -> Iterator[Callable[[Running], Postfix]]:
    started: list[Postfix] = []

    def start(hook: Running) -> Postfix:
        started.append(Postfix(f"hook.internal=lmtp:inet:127.0.0.1:{hook.lmtp[1]}, "
                               f"hook.localhost=smtp:[127.0.0.1]:{hook.smtp[1]}"))
        return started[-1]

    yield start
    for instance in started:
        instance.stop()


def reply(message_id: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = "Bob Smith <bob@acme.example>"
    msg["To"] = f"ann@{DOMAIN}, sales@{DOMAIN}"
    msg["Subject"] = "Re: quote"
    msg["Message-ID"] = message_id
    msg.set_content("Hi Ann,\n\nthe quote works.\n\nBest regards,\nBob Smith\nTel: +1 217 555 0123\n")
    return msg


def hook_recipients(lines: list[str]) -> set[str]:
    """The envelope recipients Postfix logged: the hook aliases that the bcc maps added."""
    return {re.search(r" to=<([^>]+)>", line).group(1) for line in lines}  # type: ignore[union-attr]


def test_shipped_transport_map_names_mailhooks_default_ports() -> None:
    """The shipped transport map sends the hook aliases to the LMTP port and the BCC domain to
    the SMTP port that mailhook listens on by default (the throw-away instance overrides both)."""
    text = (SHIPPED / "mailhook_transport").read_text()
    routes = dict(line.split() for line in text.splitlines() if line and not line.startswith("#"))
    defaults = Config()
    assert routes["hook.internal"] == f"lmtp:inet:127.0.0.1:{defaults.lmtp.port}"
    assert routes["hook.localhost"] == f"smtp:[127.0.0.1]:{defaults.smtp.port}"
    assert defaults.addresses.forwarding == ("log@hook.localhost",)


def test_postfix_delivers_each_recipient_once_over_lmtp(
    hook_config: Config, running_listeners, users, postfix
) -> None:
    """With the shipped main.cf and maps, Postfix adds a hook copy for a user and for a team inbox
    (recipient_bcc_maps) and delivers them over LMTP under the users' own addresses: one reply per
    recipient, both stored once, the queue ends empty, and the user's copy fills the contact."""
    users(f"ann@{DOMAIN}", inbox_automation=True)
    store = Store(hook_config.database.path)
    store.add_contact("bob@acme.example", {}, "import")
    hook = running_listeners(hook_config)
    mta = postfix(hook)
    mta.send(reply("<pf1@acme.example>"), "bob@acme.example", [f"ann@{DOMAIN}", f"sales@{DOMAIN}"])
    sent = mta.wait_for_log(r"status=sent \(250 2\.0\.0", count=2)
    assert hook_recipients(sent) == {"ann@hook.internal", "sales@hook.internal"}
    mta.wait_for_log(r": removed")
    assert mta.queue_is_empty()
    rows = list(store.db.query("select recipient from messages order by recipient"))
    assert rows == [{"recipient": f"ann@{DOMAIN}"}, {"recipient": f"sales@{DOMAIN}"}]
    Worker(hook_config).drain(store)
    shown = store.contact("bob@acme.example")
    assert sorted(e["direction"] for e in shown["emails"]) == ["inbound", "team"]
    assert shown["properties"]["phone"]["value"] == "+12175550123"


def test_postfix_keeps_mail_deferred_while_the_hook_answers_451(
    hook_config: Config, running_listeners, users, postfix
) -> None:
    """While the database is locked the hook answers 451 4.3.0; Postfix keeps the mail deferred,
    delivers it once the lock is gone, and every recipient's copy is stored exactly once."""
    users(f"ann@{DOMAIN}", inbox_automation=True)
    hook = running_listeners(hook_config, busy_timeout_ms=200)
    mta = postfix(hook)
    lock = sqlite3.connect(hook_config.database.path, isolation_level=None)
    lock.execute("BEGIN IMMEDIATE")
    try:
        mta.send(reply("<pf2@acme.example>"), "bob@acme.example", [f"ann@{DOMAIN}", f"sales@{DOMAIN}"])
        deferred = mta.wait_for_log(r"status=deferred .*451 4\.3\.0", count=2)
        assert hook_recipients(deferred) == {"ann@hook.internal", "sales@hook.internal"}
        assert not mta.queue_is_empty()
    finally:
        lock.execute("ROLLBACK")
        lock.close()
    mta.flush_until(r"status=sent \(250 2\.0\.0", count=2)
    mta.wait_for_log(r": removed")
    assert mta.queue_is_empty()
    store = Store(hook_config.database.path)
    rows = list(store.db.query("select recipient from messages order by recipient"))
    assert rows == [{"recipient": f"ann@{DOMAIN}"}, {"recipient": f"sales@{DOMAIN}"}]


def test_outbound_mail_copied_by_sender_bcc_and_bcc_to_the_hook_is_logged_once(
    hook_config: Config, running_listeners, users, postfix
) -> None:
    """A user does both things the README describes: Postfix's sender_bcc_maps copies her mail
    to the LMTP port, and she BCCs log@hook.localhost, which the shipped transport map sends to
    the SMTP port. Both copies arrive and are stored; the contact's log shows the mail once
    (the LMTP copy is logged only with her inbox automation on)."""
    users(f"ann@{DOMAIN}", inbox_automation=True)
    hook = running_listeners(hook_config)
    mta = postfix(hook)
    msg = EmailMessage()
    msg["From"] = f"Ann <ann@{DOMAIN}>"
    msg["To"] = "Bob Smith <bob@acme.example>"
    msg["Subject"] = "Your quote"
    msg["Date"] = "Fri, 01 May 2026 09:00:00 +0000"
    msg["Message-ID"] = "<out1@example.com>"
    msg.set_content("Hi Bob,\n\nthe quote is attached.\n\nAnn\n")
    mta.send(msg, f"ann@{DOMAIN}", ["bob@acme.example", "log@hook.localhost"])
    sent = mta.wait_for_log(r"status=sent \(250 2\.0\.0", count=2)
    assert hook_recipients(sent) == {"ann@hook.internal", "log@hook.localhost"}
    mta.wait_for_log(r": removed")
    store = Store(hook_config.database.path)
    rows = list(store.db.query("select listener, recipient from messages order by listener"))
    assert rows == [{"listener": "lmtp", "recipient": f"ann@{DOMAIN}"},
                    {"listener": "smtp", "recipient": "log@hook.localhost"}]
    Worker(hook_config).drain(store)
    assert {r["direction"] for r in store.db.query("select direction from messages")} == {"outbound"}
    shown = store.contact("bob@acme.example")
    assert [(e["message_id"], e["direction"]) for e in shown["emails"]] == [
        ("<out1@example.com>", "outbound")]
