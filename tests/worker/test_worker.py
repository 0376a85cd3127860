"""The worker over a real database (an SQLite file, then PostgreSQL) and real MIME messages: whose
mail it is and what it fills."""

from __future__ import annotations

import base64
import dataclasses
import json
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import dkim
import psycopg
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from dkimstub import key_name, new_key, serving, signed
from mails import (
    CONTACT,
    CONTACT_SIGNATURE,
    FORWARDING,
    USER,
    USER_SIGNATURE,
    deliver,
    mail,
    props,
    reply,
    run_worker,
    worker_config,
)

from mailhook.config import Config, DatabaseConfig, DkimConfig, ExtractConfig
from mailhook.pipeline.fields import DEFAULT_FINDERS
from mailhook.store import Store
from mailhook.worker.processing import Worker


@pytest.fixture
def config(tmp_path: Path, target: Path | str) -> Config:
    """The worker's config on the test's database (tests/worker/conftest.py: both engines)."""
    base = worker_config(tmp_path)
    if isinstance(target, str):
        return dataclasses.replace(base, database=DatabaseConfig(url=target))
    return dataclasses.replace(base, database=DatabaseConfig(path=target))


@pytest.fixture
def store(config: Config) -> Iterator[Store]:
    store = Store(config.database.target)
    store.add_user(USER, "Ann Lee", inbox_automation=True)
    yield store
    store.close()


def edit_as_a_person(config: Config, sql: str) -> None:
    """SQL run as a person runs it, outside mailhook: the sqlite-utils command line on the file,
    a connection of its own on PostgreSQL (as psql or a BI tool)."""
    if config.database.url:
        with psycopg.connect(config.database.url, autocommit=True) as conn:
            conn.execute(sql)
        return
    subprocess.run([str(Path(sys.executable).parent / "sqlite-utils"), "query",
                    str(config.database.path), sql], check=True, capture_output=True)



def test_inbound_reply_fills_empty_properties(config: Config, store: Store) -> None:
    """An inbound copy from a contact fills empty properties from the signature, phones in E.164."""
    store.add_contact(CONTACT, {}, "import")
    deliver(store, reply())
    run_worker(config, store)
    filled = props(store)
    assert (filled["first_name"], filled["last_name"]) == ("Bob", "Smith")
    assert filled["phone"] == "+49301234567"
    assert filled["mobile_phone"] == "+491717654321"
    assert filled["job_title"] == "Sales Director"
    shown = store.contact(CONTACT)
    assert shown["properties"]["phone"]["source"] == "mailhook AI"
    assert shown["properties"]["phone"]["message_id"] == "<r1@acme.example>"
    assert [e["direction"] for e in shown["emails"]] == ["inbound"]
    assert store.counts() == {"received": 1, "processed": 1, "pending": 0, "failed": 0}


def test_later_replies_fill_nothing(config: Config, store: Store) -> None:
    """Only the first scanned reply fills, even when it had no signature at all."""
    store.add_contact(CONTACT, {}, "import")
    deliver(store, bytes(mail(CONTACT, USER, "Sure, see you then.", message_id="<r0@acme.example>")))
    run_worker(config, store)
    deliver(store, reply("<r2@acme.example>"))
    run_worker(config, store)
    assert props(store)["phone"] is None
    assert len(store.contact(CONTACT)["emails"]) == 2


def test_japanese_reply_is_skipped_and_does_not_count(config: Config, store: Store) -> None:
    """A Japanese reply is not scanned and does not use up the first reply."""
    store.add_contact(CONTACT, {}, "import")
    japanese = (
        "お世話になっております。\n見積もりを確認しました。来週お電話します。\n\n"
        "よろしくお願いいたします。\n"
    )
    deliver(store, bytes(mail(CONTACT, USER, japanese + CONTACT_SIGNATURE, message_id="<ja@acme.example>")))
    run_worker(config, store)
    row = store.query("select skip_reason, scanned from messages")[0]
    assert row == {"skip_reason": "language:ja", "scanned": 0}
    assert props(store)["phone"] is None
    deliver(store, reply("<en@acme.example>"))
    run_worker(config, store)
    assert props(store)["phone"] == "+49301234567"


def test_raw_sql_edit_blocks_the_fill(config: Config, store: Store) -> None:
    """An edit made with plain SQL (sqlite-utils, psql) is a user edit: the AI never fills it."""
    store.add_contact(CONTACT, {}, "import")
    edit_as_a_person(config, f"update contacts set job_title = 'Chief Buyer' where email = '{CONTACT}'")
    edit_as_a_person(config, f"update contacts set job_title = null, phone = '' where email = '{CONTACT}'")
    deliver(store, reply())
    run_worker(config, store)
    filled = props(store)
    assert (filled["job_title"], filled["phone"]) == (None, "")
    assert filled["mobile_phone"] == "+491717654321"


def test_unknown_sender_creates_and_fills_nothing(config: Config, store: Store) -> None:
    """Mail from someone who is not a contact is never made into one."""
    deliver(store, reply())
    run_worker(config, store)
    assert store.contacts() == []
    assert store.counts()["processed"] == 1


def test_bcc_outbound_creates_recipient_and_never_uses_users_signature(
    config: Config, store: Store
) -> None:
    """BCC'd outbound mail is logged on the recipient (created), and the user's signature, which
    is the only one in the message, never lands on the contact."""
    body = f"Hi Bob,\n\nplease find the quote attached.\n\n{USER_SIGNATURE}"
    raw = bytes(mail(USER, CONTACT, body, message_id="<o1@us.example>", display="Ann Lee"))
    deliver(store, raw, listener="smtp", recipient=FORWARDING, mail_from=USER)
    run_worker(config, store)
    assert [c["email"] for c in store.contacts()] == [CONTACT]
    assert set(props(store).values()) == {None}
    assert store.contact(CONTACT)["emails"][0]["direction"] == "outbound"


def test_forwarded_mail_reads_only_the_original_sender(config: Config, store: Store) -> None:
    """A user forwarding a contact's message to the hook fills from the original sender's
    signature; the user's own note and signature above the forward are ignored."""
    store.add_contact(CONTACT, {}, "import")
    body = (
        f"FYI, see below.\n\n{USER_SIGNATURE}\n"
        "---------- Forwarded message ---------\n"
        f"From: Bob Smith <{CONTACT}>\n"
        "Date: Mon, 2 Nov 2026 10:00:00 +0100\n"
        "Subject: quote\n"
        f"To: Ann Lee <{USER}>\n\n"
        f"Hi Ann,\n\nthe quote works for us.\n\n{CONTACT_SIGNATURE}"
    )
    raw = bytes(mail(USER, FORWARDING, body, message_id="<f1@us.example>", subject="Fwd: quote",
                     display="Ann Lee"))
    deliver(store, raw, listener="smtp", recipient=FORWARDING, mail_from=USER)
    run_worker(config, store)
    filled = props(store)
    assert (filled["first_name"], filled["phone"]) == ("Bob", "+49301234567")
    assert "+442079460958" not in filled.values()
    row = store.query("select direction, contact_email from messages")[0]
    assert row == {"direction": "forwarded", "contact_email": CONTACT}


def test_team_address_copy_is_never_scanned(config: Config, store: Store) -> None:
    """Copies for team inboxes are logged on an existing contact but never fill."""
    store.add_contact(CONTACT, {}, "import")
    deliver(store, reply(), recipient="sales@us.example")
    run_worker(config, store)
    assert props(store)["phone"] is None
    assert store.contact(CONTACT)["emails"][0]["direction"] == "team"


def test_fill_setting_off_logs_without_filling(config: Config, store: Store) -> None:
    """With "fill contact details" off, replies are logged but fill nothing and are not counted."""
    store.add_contact(CONTACT, {}, "import")
    store.set_user(USER, fill_contact_details=False)
    deliver(store, reply())
    run_worker(config, store)
    assert props(store)["phone"] is None
    store.set_user(USER, fill_contact_details=True)
    deliver(store, reply("<later@acme.example>"))
    run_worker(config, store)
    assert props(store)["phone"] == "+49301234567"


def test_unreadable_message_is_parked_for_inspection(config: Config, store: Store) -> None:
    """Mail with no From at all is kept as failed with its error, at once, without retries."""
    deliver(store, b"\x00\x01 garbage without headers \xff\xfe\r\n")
    run_worker(config, store)
    (failed,) = store.failed_messages()
    assert failed["attempts"] == 1 and "From" in failed["last_error"]


def test_message_interrupted_mid_processing_is_processed_once(config: Config, store: Store) -> None:
    """A worker killed after claiming a message leaves it for the next worker; it is logged once."""
    store.add_contact(CONTACT, {}, "import")
    deliver(store, reply())
    assert len(store.claim(1)) == 1  # claimed by a worker that then died
    run_worker(config, store)
    assert props(store)["phone"] == "+49301234567"
    assert len(store.contact(CONTACT)["emails"]) == 1
    history = list(store.query("select count(*) as n from property_history where property = 'phone'"))
    assert history == [{"n": 1}]


def dkim_key() -> tuple[bytes, bytes]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    public = key.public_key().public_bytes(serialization.Encoding.DER,
                                           serialization.PublicFormat.SubjectPublicKeyInfo)
    return private, b"v=DKIM1; k=rsa; p=" + base64.b64encode(public)


def test_dkim_require_fills_only_authenticated_mail(config: Config, store: Store) -> None:
    """Under policy "require", an unsigned reply is logged but fills nothing and does not count;
    a reply signed by the From domain (key answered from a local DNS table) fills."""
    config = dataclasses.replace(config, dkim=DkimConfig(policy="require", dns_timeout=1.0))
    private, record = dkim_key()
    dns = {b"sel._domainkey.acme.example.": record}

    def lookup(name: bytes, timeout: float = 5) -> bytes | None:
        return dns.get(name if name.endswith(b".") else name + b".")

    store.add_contact(CONTACT, {}, "import")
    deliver(store, reply("<unsigned@acme.example>"))
    run_worker(config, store, dnsfunc=lookup)
    row = store.query("select skip_reason, dkim_verdict from messages")[0]
    assert row == {"skip_reason": "dkim:none", "dkim_verdict": "none"}
    headers = [b"from", b"to", b"subject", b"date", b"message-id"]
    raw = reply("<tampered@acme.example>")
    signature = dkim.sign(raw, b"sel", b"acme.example", private, include_headers=headers)
    deliver(store, signature + raw.replace(b"next week", b"next year"))
    raw = reply("<signed@acme.example>")
    deliver(store, dkim.sign(raw, b"sel", b"acme.example", private, include_headers=headers) + raw)
    run_worker(config, store, dnsfunc=lookup)
    assert props(store)["phone"] == "+49301234567"
    verdicts = [r["dkim_verdict"] for r in store.query("select dkim_verdict from messages order by id")]
    assert verdicts == ["none", "fail", "pass"]
    assert store.contact(CONTACT)["properties"]["phone"]["message_id"] == "<signed@acme.example>"
    shown = store.contact(CONTACT)["emails"]
    assert [e["dkim_verdict"] for e in shown] == ["none", "fail", "pass"]
    assert shown[0]["skip_reason"] == "dkim:none"
    assert store.verdicts() == {"fail": 1, "none": 1, "pass": 1}


def test_dkim_key_lookups_of_pending_messages_overlap(config: Config, store: Store) -> None:
    """The worker starts the DKIM checks of the next pending messages before it reads them: a
    DNS answer that comes only once three lookups wait together still lets all nine pass (one
    lookup at a time would break the barrier, and every message would be retried). Each message
    names a key of its own: lookups of one key name are shared, so they could never wait
    together."""
    config = dataclasses.replace(config, dkim=DkimConfig(policy="require", dns_timeout=30.0))
    private, record = dkim_key()
    together = threading.Barrier(3, timeout=20)

    def lookup(name: bytes, timeout: float = 5) -> bytes | None:
        together.wait()
        return record

    store.add_contact(CONTACT, {}, "import")
    headers = [b"from", b"to", b"subject", b"date", b"message-id"]
    for number in range(9):
        raw = reply(f"<s{number}@acme.example>")
        selector = f"sel{number}".encode()
        deliver(store, dkim.sign(raw, selector, b"acme.example", private, include_headers=headers) + raw)
    run_worker(config, store, dnsfunc=lookup)
    assert store.verdicts() == {"pass": 9}
    assert store.counts()["processed"] == 9


def test_a_crashing_step_is_retried_then_parked_with_its_error(config: Config, store: Store) -> None:
    """An unexpected exception while processing leaves the message pending for a retry, then
    parks it as failed with the error after max_attempts; `retry` brings it back."""
    config = dataclasses.replace(
        config,
        dkim=DkimConfig(policy="record", dns_timeout=1.0),
        worker=dataclasses.replace(config.worker, max_attempts=3, retry_delay=0.0),
    )
    private, _ = dkim_key()

    def broken_dns(name: bytes, timeout: float = 5) -> bytes | None:
        raise RuntimeError("resolver crashed")

    raw = reply()
    deliver(store, dkim.sign(raw, b"sel", b"acme.example", private) + raw)
    run_worker(config, store, dnsfunc=broken_dns)
    (failed,) = store.failed_messages()
    assert failed["attempts"] == 3
    assert failed["last_error"] == "RuntimeError: resolver crashed"
    assert store.retry_failed() == 1
    run_worker(config, store, dnsfunc=lambda name, timeout=5: None)
    assert store.counts()["processed"] == 1


def test_the_shipped_tagger_runs_in_the_worker(config: Config, store: Store) -> None:
    """With the packaged tagger on, the worker loads it once and fills from a multi-line
    signature; every filled value keeps the extractor that found it."""
    config = dataclasses.replace(config, extract=ExtractConfig(tagger="packaged"))
    store.add_contact(CONTACT, {}, "import")
    signature = (
        "Mit freundlichen Grüßen\n\nBob Smith\nLeiter Einkauf\nAcme GmbH\nHauptstraße 5\n"
        "80331 München\nTel. +49 89 1234567\n"
    )
    deliver(store, reply(signature=signature))
    worker = Worker(config)
    worker.drain(store)
    filled = props(store)
    assert (filled["first_name"], filled["last_name"], filled["city"]) == ("Bob", "Smith", "München")
    assert filled["postal_code"] == "80331" and filled["phone"] == "+49891234567"
    evidence = [json.loads(r["evidence"]) for r in store.query(
        "select evidence from contact_properties where source = 'mailhook AI'")]
    assert all(e["extractor"] for e in evidence)
    assert len(worker.finders()) == len(DEFAULT_FINDERS) + 1  # the rule finders and the tagger


def test_dkim_require_makes_no_task_from_unauthenticated_mail(config: Config, store: Store) -> None:
    """Under policy "require", an unsigned reply that promises a follow-up makes no task; with
    the check off, the same reply does."""
    store.add_contact(CONTACT, {}, "import")
    body = "Hi Ann,\n\nI will call you next Tuesday about the quote.\n\n" + CONTACT_SIGNATURE
    deliver(store, bytes(mail(CONTACT, USER, body, message_id="<intent-1@acme.example>")))
    strict = dataclasses.replace(config, dkim=DkimConfig(policy="require", dns_timeout=1.0))
    run_worker(strict, store, dnsfunc=lambda name, timeout=5: None)
    assert list(store.query("select * from tasks")) == []
    deliver(store, bytes(mail(CONTACT, USER, body, message_id="<intent-2@acme.example>")))
    run_worker(config, store)
    (task,) = store.query("select message_id, sentence from tasks")
    assert task["message_id"] == "<intent-2@acme.example>" and "call you" in task["sentence"]


def test_authentication_results_of_a_trusted_mta_decide_the_verdict(config: Config, store: Store) -> None:
    """With trusted_authserv_ids, our MTA's Authentication-Results (dkim=pass for the From
    domain) authenticate the sender without DNS; the same header from another id is ignored,
    and a pass for an unrelated domain is no pass."""
    config = dataclasses.replace(config, dkim=DkimConfig(
        policy="require", dns_timeout=1.0, trusted_authserv_ids=("mx.us.example",)))
    store.add_contact(CONTACT, {}, "import")
    forged = b"Authentication-Results: evil.example; dkim=pass header.d=acme.example\r\n"
    deliver(store, forged + reply("<forged@acme.example>"))
    other = b"Authentication-Results: mx.us.example; dkim=pass header.d=elsewhere.example\r\n"
    deliver(store, other + reply("<other@acme.example>"))
    ours = (b"Authentication-Results: mx.us.example 1;\r\n\tdkim=pass (2048-bit key)"
            b" header.d=acme.example header.i=@acme.example; spf=pass\r\n")
    deliver(store, ours + reply("<trusted@acme.example>"))
    run_worker(config, store, dnsfunc=lambda name, timeout=5: None)
    verdicts = [r["dkim_verdict"] for r in store.query("select dkim_verdict from messages order by id")]
    assert verdicts == ["none", "fail", "pass"]
    assert store.contact(CONTACT)["properties"]["phone"]["message_id"] == "<trusted@acme.example>"


def test_dkim_checks_against_a_silent_dns_server_ask_each_key_name_once(
    config: Config, store: Store
) -> None:
    """40 messages with three signatures each (two naming the message's own key, one a key all
    of them share) and a DNS server that never answers: each of the 41 key names is asked once
    (not once per signature, not again by a check cancelled and started over), and every
    message is recorded as temperror at its first attempt (policy "record")."""
    key, asked = new_key(), list[bytes]()
    with serving({}, asked=asked, silent=lambda name: True) as dns:
        config = dataclasses.replace(
            config,
            dkim=DkimConfig(policy="record", dns_timeout=0.5, nameservers=(dns,)),
            worker=dataclasses.replace(config.worker, retry_delay=3600.0),
        )
        for number in range(40):
            raw = reply(f"<silent{number}@acme.example>")
            for selector in (f"own{number}", f"own{number}", "shared"):
                raw = signed(raw, key, "acme.example", selector)
            deliver(store, raw)
        run_worker(config, store)
    names = [key_name("acme.example", f"own{number}") for number in range(40)]
    assert Counter(asked) == Counter([*names, key_name("acme.example", "shared")])
    rows = list(store.query("select status, attempts, dkim_verdict from messages"))
    assert rows == [{"status": "processed", "attempts": 1, "dkim_verdict": "temperror"}] * 40


def test_a_temperror_is_checked_again_later_and_then_fills(config: Config, store: Store) -> None:
    """Under policy "require", a reply whose key lookup got no answer is not processed with that
    verdict: it goes back to pending for [worker] retry_delay, and the re-check, once the DNS
    server answers, passes and fills."""
    key, asked = new_key(), list[bytes]()
    records = {key_name("acme.example"): key.record}
    statuses: list[str] = []
    # The server is down for the first query and answers from the second on.
    with serving(records, asked=asked, silent=lambda name: len(asked) == 1) as dns:
        config = dataclasses.replace(
            config,
            dkim=DkimConfig(policy="require", dns_timeout=0.5, nameservers=(dns,)),
            worker=dataclasses.replace(config.worker, retry_delay=0.05, max_attempts=5),
        )
        store.add_contact(CONTACT, {}, "import")
        deliver(store, signed(reply(), key, "acme.example"))
        worker = Worker(config, on_processed=lambda rowid, status, seconds: statuses.append(status))
        for _ in range(200):  # bounded: the re-check is due 0.05 s after the first attempt
            worker.drain(store)
            if store.counts()["processed"]:
                break
            threading.Event().wait(0.05)
    assert statuses == ["pending", "processed"]
    (row,) = store.query("select attempts, dkim_verdict, skip_reason from messages")
    assert row == {"attempts": 2, "dkim_verdict": "pass", "skip_reason": None}
    assert props(store)["phone"] == "+49301234567"
    assert asked == [key_name("acme.example")] * 2


def test_a_temperror_that_outlasts_every_attempt_is_processed_filling_nothing(
    config: Config, store: Store
) -> None:
    """A key lookup that never gets an answer is asked again at each attempt (a remembered
    failure does not outlive the retry delay); once [worker] max_attempts are used up the
    message is processed with temperror, fills nothing, and its skip reason says why."""
    key, asked = new_key(), list[bytes]()
    statuses: list[str] = []
    with serving({}, asked=asked, silent=lambda name: True) as dns:
        config = dataclasses.replace(
            config,
            dkim=DkimConfig(policy="require", dns_timeout=0.3, nameservers=(dns,)),
            worker=dataclasses.replace(config.worker, retry_delay=0.0, max_attempts=3),
        )
        store.add_contact(CONTACT, {}, "import")
        deliver(store, signed(reply(), key, "acme.example"))
        worker = Worker(config, on_processed=lambda rowid, status, seconds: statuses.append(status))
        worker.drain(store)
    assert statuses == ["pending", "pending", "processed"]
    (row,) = store.query("select attempts, dkim_verdict, skip_reason, scanned from messages")
    assert row == {"attempts": 3, "dkim_verdict": "temperror", "scanned": 0,
                   "skip_reason": "dkim:temperror after 3 attempts"}
    assert set(props(store).values()) == {None}
    assert asked == [key_name("acme.example")] * 3
