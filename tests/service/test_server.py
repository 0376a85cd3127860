"""The SMTP and LMTP listeners, driven over real loopback sockets into a real SQLite file (and,
for the tests marked both_engines, into a PostgreSQL database too)."""

from __future__ import annotations

import json
import logging
import os
import signal
import smtplib
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from pathlib import Path
from typing import Any

import pytest
from dialog import dialog, lmtp_deliver
from hypothesis import given
from hypothesis import strategies as st

from mailhook.config import AddressesConfig, Config, ListenerConfig
from mailhook.errors import ConfigError
from mailhook.service.listeners import (
    REPLY_DEFER,
    REPLY_FROM_IN_DOUBT,
    REPLY_FROM_NOT_USER,
    REPLY_NOT_OURS,
    REPLY_RECIPIENT_OK,
    REPLY_SENDER_NOT_USER,
    REPLY_STORED,
    REPLY_TOO_BIG,
)
from mailhook.store import Store, User
from mailhook.trust.authorship import author_of, read_header_block
from service.engines import both_engines, database_toml

DATA = Path(__file__).parents[1] / "data" / "server"
ANN, BOB, CAROL = "ann@example.com", "bob@example.com", "carol@client.example"
TEAM = "sales@example.com"
FORWARD = "log@hook.localhost"
TIMEOUT = 10.0

Users = Callable[..., list[User]]
Start = Callable[..., Any]  # conftest's running_listeners / running_service


def message(
    *, sender: str = CAROL, to: str = ANN, msgid: str | None = "<1@client.example>",
    body: str = "Hello Ann,\nsee you Tuesday.\n",
) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = "Tuesday"
    if msgid:
        msg["Message-ID"] = msgid
    msg.set_content(body)
    return msg.as_bytes(policy=SMTP_POLICY)


def stored(db_path: Path | str) -> list[dict[str, Any]]:
    """The committed rows, read through a fresh connection as another process would."""
    store = Store(db_path)
    try:
        rows = store.query(
            """SELECT m.*, r.raw FROM messages m JOIN message_raw r ON r.sha256 = m.raw_sha256
               ORDER BY m.id"""
        )
    finally:
        store.close()
    return [r | {"raw": bytes(r["raw"]), "recipients": json.loads(r["recipients"])} for r in rows]


def smtp_client(address: tuple[str, int]) -> smtplib.SMTP:
    host, port = address
    return smtplib.SMTP(host, port, timeout=TIMEOUT)


def reply_of(error: smtplib.SMTPResponseException) -> str:
    text = error.smtp_error
    return f"{error.smtp_code} {text.decode() if isinstance(text, bytes) else text}"


@pytest.fixture
def team_config(config_factory: Callable[..., Config]) -> Config:
    return config_factory(addresses=AddressesConfig(forwarding=(FORWARD,), team=(TEAM,)))


# --- SMTP: the forwarding address --------------------------------------------------------


@both_engines
def test_smtp_stores_mail_a_user_forwards(running_listeners: Start, users: Users,
                                          db_path: Path | str) -> None:
    """A user's message to the forwarding address is stored once, as sent, then answered 250."""
    users(ANN)
    service = running_listeners()
    raw = message(sender=ANN, to=CAROL)
    with smtp_client(service.smtp) as client:
        client.ehlo()
        client.mail(ANN)
        client.rcpt(FORWARD)
        code, reply = client.data(raw)
    assert (code, reply.decode()) == (250, REPLY_STORED[4:])
    [row] = stored(db_path)
    assert row["raw"] == raw
    assert (row["listener"], row["recipient"], row["mail_from"]) == ("smtp", FORWARD, ANN)
    assert (row["message_id"], row["status"]) == ("<1@client.example>", "pending")
    assert row["peer"].startswith("127.0.0.1:")


def test_smtp_refuses_recipients_other_than_forwarding_with_550_5_1_1(
    running_listeners: Start, users: Users
) -> None:
    """The SMTP listener is not a relay: any other recipient, even a user, is refused."""
    users(ANN)
    service = running_listeners()
    with smtp_client(service.smtp) as client:
        client.ehlo()
        client.mail(ANN)
        for other in (CAROL, ANN, "postmaster"):
            code, reply = client.rcpt(other)
            assert f"{code} {reply.decode()}" == REPLY_NOT_OURS


@pytest.mark.parametrize("sender", [CAROL, "<>"])
def test_smtp_refuses_envelope_sender_that_is_no_user_with_550_5_7_1(
    running_listeners: Start, users: Users, sender: str
) -> None:
    """Only users may log mail: an unknown or null envelope sender is refused at MAIL FROM."""
    users(ANN)
    service = running_listeners()
    with dialog(service.smtp) as d:
        assert d.command("EHLO client.example").startswith("250")
        assert d.command(f"MAIL FROM:<{sender.strip('<>')}>") == REPLY_SENDER_NOT_USER
        assert d.command(f"RCPT TO:<{FORWARD}>").startswith("503")  # no transaction open


def test_smtp_refuses_from_header_of_a_non_user_with_550_5_7_1(
    running_listeners: Start, users: Users, db_path: Path | str
) -> None:
    """A user's envelope is not enough: a readable From naming no user is refused, not stored."""
    users(ANN)
    service = running_listeners()
    with (
        smtp_client(service.smtp) as client,
        pytest.raises(smtplib.SMTPDataError) as refused,
    ):
        client.sendmail(ANN, [FORWARD], message(sender=CAROL))
    assert reply_of(refused.value) == REPLY_FROM_NOT_USER
    assert stored(db_path) == []


def test_smtp_accepts_the_from_of_a_user_case_insensitively(
    running_listeners: Start, users: Users, db_path: Path | str
) -> None:
    """The one From address is a user's, however it is cased or needlessly quoted."""
    users(ANN)
    service = running_listeners()
    with smtp_client(service.smtp) as client:
        client.sendmail(ANN, [FORWARD], message(sender='Ann <"ANN"@Example.com>'))
    assert len(stored(db_path)) == 1


@pytest.mark.parametrize(
    "from_line",
    [
        None,
        b"From: undisclosed-recipients:;",
        b"From: <<@@>>",
        b"From: \xff\xfe",
        b"From: carol@client.example, Ann <ann@example.com>",
        b"From: Ann <ann@example.com>\r\nFrom: carol@client.example",
        b"From: =?utf-8?q?=3Cann=40example=2Ecom=3E_=28?= <carol@client.example>)",
        b"From: <carol@client.example>, =?utf-8?q?=28?= <ann@example.com> =?utf-8?q?=29?=",
        b"From: Ann <ann@example.com>\r\nX-Note: a\rSubject: bare CR",
    ],
    ids=["none", "group", "garbage", "not-utf8", "two-addresses", "two-fields",
         "encoded-address-in-name", "encoded-comment", "bare-cr"],
)
def test_smtp_refuses_a_from_that_does_not_name_exactly_one_user(
    running_listeners: Start, users: Users, db_path: Path | str, from_line: bytes | None
) -> None:
    """The From must name one address, read alike by every reader (authorship), and that
    address must be a user's: anything else is refused with 550 5.7.1 and nothing is stored."""
    users(ANN)
    service = running_listeners()
    raw = (from_line + b"\r\n" if from_line else b"") + b"Subject: hi\r\n\r\nbody\r\n"
    with dialog(service.smtp) as d:
        d.envelope(ANN, [FORWARD], hello="EHLO")
        assert d.data(raw, 1) == [REPLY_FROM_IN_DOUBT]
    assert stored(db_path) == []


@both_engines
def test_smtp_stores_one_copy_for_several_forwarding_recipients(
    running_listeners: Start, config_factory: Callable[..., Config], users: Users, db_path: Path | str
) -> None:
    """BCC to two forwarding addresses is one logged message, recorded with both recipients."""
    users(ANN)
    config = config_factory(addresses=AddressesConfig(forwarding=("z@hook.localhost", FORWARD)))
    service = running_listeners(config)
    with smtp_client(service.smtp) as client:
        client.sendmail(ANN, ["Z@hook.localhost", FORWARD], message(sender=ANN))
    [row] = stored(db_path)
    assert row["recipient"] == FORWARD
    assert row["recipients"] == [FORWARD, "z@hook.localhost"]


@both_engines
def test_smtp_sees_a_new_user_at_once(running_listeners: Start, users: Users) -> None:
    """Users are looked up on every command: no restart and no stale cache after `user add`."""
    service = running_listeners()
    with dialog(service.smtp) as d:
        assert d.command("EHLO client.example").startswith("250")
        assert d.command(f"MAIL FROM:<{ANN}>") == REPLY_SENDER_NOT_USER
        users(ANN)
        assert d.command(f"MAIL FROM:<{ANN}>").startswith("250")


def test_smtp_refuses_oversize_declared_at_mail_from_with_552_5_3_4(
    running_listeners: Start, config_factory: Callable[..., Config], users: Users
) -> None:
    """A client announcing SIZE over the limit is refused before it sends the message."""
    users(ANN)
    config = config_factory(smtp=ListenerConfig(port=0, max_message_size=2048))
    service = running_listeners(config)
    with (
        smtp_client(service.smtp) as client,
        pytest.raises(smtplib.SMTPSenderRefused) as refused,
    ):
        client.sendmail(ANN, [FORWARD], message(sender=ANN, body="x" * 3000))
    assert reply_of(refused.value) == REPLY_TOO_BIG


def test_smtp_refuses_oversize_data_with_552_5_3_4(
    running_listeners: Start, config_factory: Callable[..., Config], users: Users, db_path: Path | str
) -> None:
    """A message over max_message_size without a SIZE announcement is refused after DATA."""
    users(ANN)
    config = config_factory(smtp=ListenerConfig(port=0, max_message_size=2048))
    service = running_listeners(config)
    with dialog(service.smtp) as d:
        d.envelope(ANN, [FORWARD], hello="EHLO")
        assert d.data(message(sender=ANN, body="x\n" * 2000), 1) == [REPLY_TOO_BIG]
        assert d.next_reply_is_for_the_next_command()
    assert stored(db_path) == []


# --- LMTP: copies of inboxes --------------------------------------------------------------


@both_engines
def test_lmtp_answers_once_per_recipient_including_a_team_address(
    running_listeners: Start, team_config: Config, users: Users, db_path: Path | str
) -> None:
    """Each accepted recipient gets its own DATA reply and its own stored copy (RFC 2033)."""
    users(ANN, BOB)
    service = running_listeners(team_config)
    raw = message(to=f"{ANN}, {BOB}, {TEAM}")
    replies = lmtp_deliver(service.lmtp, raw, [ANN, BOB, TEAM.upper()])
    assert replies == [REPLY_STORED] * 3
    rows = stored(db_path)
    assert [row["recipient"] for row in rows] == [ANN, BOB, TEAM]
    assert {row["listener"] for row in rows} == {"lmtp"}
    assert rows[0]["recipients"] == [ANN, BOB, TEAM]
    assert {row["raw_sha256"] for row in rows} == {rows[0]["raw_sha256"]}


def test_lmtp_refuses_unknown_recipient_with_550_5_1_1_and_answers_only_the_others(
    running_listeners: Start, users: Users, db_path: Path | str
) -> None:
    """A refused RCPT gets no DATA reply; the accepted one gets exactly one."""
    users(ANN)
    service = running_listeners()
    with dialog(service.lmtp) as d:
        assert d.envelope(CAROL, [CAROL, ANN, FORWARD]) == [
            REPLY_NOT_OURS, REPLY_RECIPIENT_OK, REPLY_NOT_OURS,
        ]
        assert d.data(message(), 1) == [REPLY_STORED]
        assert d.next_reply_is_for_the_next_command()
    assert [row["recipient"] for row in stored(db_path)] == [ANN]


def test_lmtp_replies_reach_smtplib_per_recipient(
    running_listeners: Start, users: Users, db_path: Path | str
) -> None:
    """With one recipient refused, smtplib's sendmail reports only it and delivers the rest."""
    users(ANN)
    service = running_listeners()
    with smtplib.LMTP(*service.lmtp) as client:
        refused = client.sendmail(CAROL, [ANN, "nobody@example.com"], message())
    assert refused == {"nobody@example.com": (550, REPLY_NOT_OURS[4:].encode())}
    assert [row["recipient"] for row in stored(db_path)] == [ANN]


def test_lmtp_accepts_bounces_with_a_null_sender(
    running_listeners: Start, users: Users, db_path: Path | str
) -> None:
    """Delivery reports to a user's inbox (MAIL FROM:<>) are stored with no envelope sender."""
    users(ANN)
    service = running_listeners()
    with dialog(service.lmtp) as d:
        assert d.command("LHLO mta.example").startswith("250")
        assert d.command("MAIL FROM:<>").startswith("250")
        assert d.command(f"RCPT TO:<{ANN}>").startswith("250")
        assert d.data(message(sender="MAILER-DAEMON@mta.example"), 1) == [REPLY_STORED]
    assert stored(db_path)[0]["mail_from"] is None


@both_engines
def test_lmtp_sees_a_new_user_at_once(running_listeners: Start, users: Users) -> None:
    """A user added while the MTA is connected is accepted on the next RCPT."""
    service = running_listeners()
    with dialog(service.lmtp) as d:
        assert d.envelope(CAROL, [ANN]) == [REPLY_NOT_OURS]
        users(ANN)
        assert d.command(f"RCPT TO:<{ANN}>").startswith("250")


@both_engines
def test_lmtp_stores_a_retried_message_once_and_still_answers_250(
    running_listeners: Start, users: Users, db_path: Path | str
) -> None:
    """The same message (same bytes) to the same recipient is a retry: stored once, answered 250
    each time."""
    users(ANN, BOB)
    service = running_listeners()
    assert lmtp_deliver(service.lmtp, message(), [ANN]) == [REPLY_STORED]
    assert lmtp_deliver(service.lmtp, message(), [ANN, BOB]) == [REPLY_STORED] * 2
    rows = stored(db_path)
    assert [(row["recipient"], row["message_id"]) for row in rows] == [
        (ANN, "<1@client.example>"), (BOB, "<1@client.example>"),
    ]


@both_engines
def test_lmtp_dedupes_messages_without_message_id_by_their_bytes(
    running_listeners: Start, users: Users, db_path: Path | str
) -> None:
    """No Message-ID: the same bytes are the same message; other bytes are another message."""
    users(ANN)
    service = running_listeners()
    for body in ("one\n", "one\n", "two\n"):
        assert lmtp_deliver(service.lmtp, message(msgid=None, body=body), [ANN]) == [REPLY_STORED]
    rows = stored(db_path)
    assert [row["message_id"] for row in rows] == [None, None]
    assert [row["dedupe_key"][:7] for row in rows] == ["sha256:"] * 2


@both_engines
def test_lmtp_250_means_the_message_is_already_in_the_database_file(
    running_listeners: Start, users: Users, db_path: Path | str
) -> None:
    """The reply waits for the commit: in the moment after 250, another connection sees the row."""
    users(ANN)
    service = running_listeners()
    with dialog(service.lmtp) as d:
        d.envelope(CAROL, [ANN])
        assert d.data(message(), 1) == [REPLY_STORED]
        assert [row["recipient"] for row in stored(db_path)] == [ANN]


def test_lmtp_defers_with_451_when_store_is_locked(
    running_listeners: Start, team_config: Config, users: Users, db_path: Path | str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A database locked past the intake's busy timeout gives every recipient 451 4.3.0 and
    stores nothing, logged as a warning without a traceback (it is expected and passes); the
    MTA's retry after the lock is gone is stored once."""
    users(ANN)
    service = running_listeners(team_config, busy_timeout_ms=100)
    raw = message(to=f"{ANN}, {TEAM}")
    holder = sqlite3.connect(db_path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        with caplog.at_level(logging.WARNING, logger="mailhook.service.listeners"):
            assert lmtp_deliver(service.lmtp, raw, [ANN, TEAM]) == [REPLY_DEFER] * 2
        holder.execute("ROLLBACK")
    finally:
        holder.close()
    deferred = [r for r in caplog.records if r.name == "mailhook.service.listeners"]
    assert deferred and all(r.levelno == logging.WARNING and r.exc_info is None for r in deferred)
    assert "deferred: database is locked" in deferred[0].getMessage()
    assert stored(db_path) == []
    assert lmtp_deliver(service.lmtp, raw, [ANN, TEAM]) == [REPLY_STORED] * 2
    assert lmtp_deliver(service.lmtp, raw, [ANN, TEAM]) == [REPLY_STORED] * 2
    assert [row["recipient"] for row in stored(db_path)] == [ANN, TEAM]


def test_rcpt_defers_with_451_when_users_cannot_be_read(
    running_listeners: Start, users: Users, db_path: Path | str
) -> None:
    """An internal error during the dialog is a temporary 451 4.3.0, never aiosmtpd's 500."""
    users(ANN)
    service = running_listeners()
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute("ALTER TABLE users RENAME TO users_away")
    with dialog(service.lmtp) as d:
        assert d.envelope(CAROL, [ANN]) == [REPLY_DEFER]
    with dialog(service.smtp) as d:
        assert d.command("EHLO client.example").startswith("250")
        assert d.command(f"MAIL FROM:<{ANN}>") == REPLY_DEFER


def test_lmtp_answers_oversize_once_per_recipient_with_552_5_3_4(
    running_listeners: Start, config_factory: Callable[..., Config], users: Users, db_path: Path | str
) -> None:
    """aiosmtpd's single too-much-data reply is repeated per recipient and given 5.3.4."""
    users(ANN, BOB)
    config = config_factory(lmtp=ListenerConfig(port=0, max_message_size=2048))
    service = running_listeners(config)
    replies = lmtp_deliver(service.lmtp, message(body="x\n" * 2000), [ANN, BOB])
    assert replies == [REPLY_TOO_BIG] * 2
    assert stored(db_path) == []


@both_engines
@pytest.mark.parametrize(
    "name", ["binary.bin", "no-headers.txt", "eight-bit-headers.eml", "bare-lf.eml"]
)
def test_lmtp_keeps_garbage_as_sent(
    running_listeners: Start, users: Users, db_path: Path | str, name: str
) -> None:
    """Bytes that are hardly mail still get an answer and are stored byte for byte.

    Pins aiosmtpd >= 1.4.6: only CRLF ends a line, so a bare LF stays inside the data as sent.
    """
    users(ANN)
    service = running_listeners()
    raw = (DATA / name).read_bytes()
    sent = raw if raw.endswith(b"\r\n") else raw + b"\r\n"  # DATA ends with a CRLF, as smtplib's
    assert lmtp_deliver(service.lmtp, raw, [ANN]) == [REPLY_STORED]
    assert stored(db_path)[0]["raw"] == sent


def test_lmtp_refuses_a_line_over_1000_bytes_once_per_recipient(
    running_listeners: Start, users: Users, db_path: Path | str
) -> None:
    """Pins aiosmtpd >= 1.4.6: a line longer than RFC 5321 allows is a permanent 500, which
    LMTP answers for every recipient; an MTA wraps long lines, so only broken clients see it."""
    users(ANN, BOB)
    service = running_listeners()
    raw = b"Subject: long\r\n\r\n" + b"x" * 1200 + b"\r\n"
    replies = lmtp_deliver(service.lmtp, raw, [ANN, BOB])
    assert [reply[:3] for reply in replies] == ["500", "500"]
    assert stored(db_path) == []


@pytest.mark.parametrize("hidden", [b"\n.\n", b"\n.\r\n", b"\r\n.\n"])
def test_lmtp_ends_data_only_at_crlf_dot_crlf(
    running_listeners: Start, users: Users, db_path: Path | str, hidden: bytes
) -> None:
    """Pins aiosmtpd >= 1.4.6 against SMTP smuggling: a dot between bare line ends is data,
    so a second message hidden after it is stored as part of the first, never run as commands."""
    users(ANN)
    service = running_listeners()
    raw = (
        b"Subject: one\r\n\r\nbefore" + hidden
        + b"MAIL FROM:<mallory@evil.example>\r\nRCPT TO:<bob@example.com>\r\nafter\r\n"
    )
    assert lmtp_deliver(service.lmtp, raw, [ANN]) == [REPLY_STORED]
    assert [row["raw"] for row in stored(db_path)] == [raw]


@pytest.mark.parametrize(
    "line", [b"\xff\xfe\x00junk", b"MAIL FROM:<\xe9@example.com>", b"RCPT", b"", b"X" * 600]
)
def test_garbage_commands_get_an_answer_and_the_session_goes_on(
    running_listeners: Start, users: Users, line: bytes
) -> None:
    """Nonsense on the command line is answered with an error and the server keeps serving."""
    users(ANN)
    service = running_listeners()
    for address in (service.smtp, service.lmtp):
        with dialog(address) as d:
            assert d.command(line)[:1] in ("5", "2")
            assert d.next_reply_is_for_the_next_command()


@both_engines
def test_client_hanging_up_in_data_stores_nothing_and_others_are_served(
    running_listeners: Start, users: Users, db_path: Path | str
) -> None:
    """A connection lost halfway through DATA stores nothing; the next delivery works."""
    users(ANN)
    service = running_listeners()
    with dialog(service.lmtp) as d:
        d.envelope(CAROL, [ANN])
        assert d.command("DATA").startswith("354")
        d.sock.sendall(message()[:40])
    assert lmtp_deliver(service.lmtp, message(msgid="<2@client.example>"), [ANN]) == [REPLY_STORED]
    assert [row["message_id"] for row in stored(db_path)] == ["<2@client.example>"]


@both_engines
def test_group_commit_answers_every_concurrent_client(
    running_listeners: Start, config_factory: Callable[..., Config], users: Users, db_path: Path | str
) -> None:
    """Many MTAs delivering at once all get 250, and every message is stored."""
    users(ANN)
    count = 24  # all from 127.0.0.1 here: as many connections from one address allowed
    service = running_listeners(config_factory(lmtp=ListenerConfig(port=0, max_connections_per_client=count)))

    def deliver(n: int) -> list[str]:
        return lmtp_deliver(service.lmtp, message(msgid=f"<{n}@client.example>"), [ANN])

    with ThreadPoolExecutor(max_workers=count) as pool:
        replies = list(pool.map(deliver, range(count)))
    assert replies == [[REPLY_STORED]] * count
    assert len(stored(db_path)) == count


# --- header reading -------------------------------------------------------------------------


@given(st.binary(max_size=400))
def test_reading_headers_of_any_bytes_never_raises(raw: bytes) -> None:
    """DATA's header look-ups take any input: at worst no Message-ID and an author in doubt."""
    block = read_header_block(raw)
    found = block.message_id()
    assert found is None or isinstance(found, str)
    if found:
        found.encode("utf-8")  # storable in SQLite: no lone surrogates
    authorship = author_of(raw)
    if authorship.author and authorship.author.email:
        authorship.author.email.encode("utf-8")


@given(st.text(max_size=60).map(lambda s: s.replace("\r", "").replace("\n", "")))
def test_reading_any_from_header_never_raises(value: str) -> None:
    """Whatever follows From:, authorship answers an author with an address, or a problem."""
    raw = b"From: " + value.encode("utf-8", "surrogatepass") + b"\r\n\r\nbody\r\n"
    authorship = author_of(raw)
    believed = authorship.believed
    assert believed is None or (believed.email is not None and "@" in believed.email)
    assert (believed is None) == (authorship.problem is not None)


# --- the service ----------------------------------------------------------------------------


def wait_until(predicate: Callable[[], bool], timeout: float = TIMEOUT) -> bool:
    """Poll `predicate` until it holds or `timeout` passes (for work done by another thread)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


@both_engines
def test_serve_stores_mail_and_wakes_the_worker(
    running_service: Start, users: Users, db_path: Path | str
) -> None:
    """serve() reports both bound ports, stores what it accepts, and the worker picks it up."""
    users(ANN)
    service = running_service()
    assert set(service.addresses) == {"smtp", "lmtp"}
    assert lmtp_deliver(service.lmtp, message(), [ANN]) == [REPLY_STORED]
    assert wait_until(lambda: stored(db_path)[0]["attempts"] >= 1)


@both_engines
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_serve_prints_where_it_listens_and_stops_on_a_signal(
    tmp_path: Path, users: Users, db_path: Path | str, signum: signal.Signals
) -> None:
    """serve() as a process: one stdout line with the ports, a clean exit on SIGTERM or SIGINT."""
    users(ANN)
    conf = tmp_path / "mailhook.toml"
    conf.write_text(
        database_toml(db_path) + '[smtp]\nport = 0\n[lmtp]\nport = 0\n'
        '[dkim]\npolicy = "off"\n'
    )
    script = (
        "import sys; from pathlib import Path; from mailhook.config import load_config; "
        "from mailhook.service.serve import serve; serve(load_config(Path(sys.argv[1])))"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}
    with subprocess.Popen(
        [sys.executable, "-c", script, str(conf)], stdout=subprocess.PIPE, env=env, text=True
    ) as proc:
        try:
            assert proc.stdout is not None
            line = proc.stdout.readline()
            assert line.startswith("mailhook listening smtp=127.0.0.1:")
            lmtp = line.split("lmtp=")[1].strip().rsplit(":", 1)
            assert lmtp_deliver((lmtp[0], int(lmtp[1])), message(), [ANN]) == [REPLY_STORED]
            proc.send_signal(signum)
            assert proc.wait(timeout=30) == 0
        finally:
            if proc.poll() is None:
                proc.kill()
    assert len(stored(db_path)) == 1


def test_serve_fails_at_once_when_a_port_is_taken(
    running_service: Start, config_factory: Callable[..., Config]
) -> None:
    """A listener that cannot bind is an error from serve(), not a service half running."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        config = config_factory(lmtp=ListenerConfig(port=port))
        with pytest.raises(ConfigError, match=f"lmtp.port {port}: Address already in use"):
            running_service(config)


def test_serve_names_why_a_listener_host_cannot_be_resolved(
    running_service: Start, config_factory: Callable[..., Config]
) -> None:
    """A host name that does not resolve: the resolver's own words in the one line, not
    "Unknown error -2" (os.strerror of a getaddrinfo code, which is no errno)."""
    config = config_factory(smtp=ListenerConfig(host="no-such-host.invalid", port=0))
    with pytest.raises(ConfigError, match="smtp.host 'no-such-host.invalid'") as raised:
        running_service(config)
    reason = str(raised.value).rsplit(": ", 1)[-1]  # "Name or service not known", on glibc
    assert reason and "Unknown error" not in reason, reason
