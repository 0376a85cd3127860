"""The daily digest: composed from a real database, sent to a real SMTP sink, once per user and day."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import ipaddress
import queue
import ssl
from collections.abc import Callable, Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword
from click.testing import CliRunner
from conftest import LoopThread
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from mailhook.automation.delivery import day_window, deliver_digests, next_run, send_digest, today
from mailhook.automation.digest import Recipient, compose_digest
from mailhook.cli import main
from mailhook.config import Config, DatabaseConfig, DigestConfig, parse_config
from mailhook.store import Received, Store
from mailhook.worker.processing import Worker

USER = "ann@us.example"
OTHER_USER = "carl@us.example"
CONTACT = "bob.smith@acme.example"
SENDER = "digest@hook.example"
BODY = """Hi Ann,

thanks for the call. Can you send the revised quote by Friday? I will call you on Monday.

Best regards,
Bob Smith
Sales Director
Acme GmbH
Tel: +49 30 1234567
"""


class Sink:
    """An SMTP handler that keeps every envelope it is given, for the test thread to take."""

    def __init__(self) -> None:
        self.received: queue.Queue[Envelope] = queue.Queue()

    async def handle_DATA(self, server: SMTP, session: Any, envelope: Envelope) -> str:
        self.received.put(envelope)
        return "250 2.0.0 OK"


@pytest.fixture
def smtp_sink() -> Iterator[Callable[..., tuple[Sink, int]]]:
    """`smtp_sink(**smtp_kwargs)` starts an aiosmtpd server on an ephemeral loopback port."""
    loop = LoopThread()
    servers = []

    def start(**kwargs: Any) -> tuple[Sink, int]:
        sink = Sink()
        server = loop.run(loop.loop.create_server(
            lambda: SMTP(sink, hostname="sink.test", **kwargs), "127.0.0.1", 0))
        servers.append(server)
        return sink, int(server.sockets[0].getsockname()[1])

    yield start
    for server in servers:
        loop.run(_close(server))  # asyncio servers are closed on their own loop's thread
    loop.close()


async def _close(server: asyncio.Server) -> None:
    server.close()
    await server.wait_closed()


def with_relay(config: Config, port: int, **digest: Any) -> Config:
    relay = DigestConfig(relay_host="127.0.0.1", relay_port=port, sender=SENDER, **digest)
    return dataclasses.replace(config, digest=relay)


@pytest.fixture
def config(tmp_path: Path) -> Config:
    base = parse_config("[addresses]\nforwarding = ['log@hook.example']\n[dkim]\npolicy = 'off'\n")
    return dataclasses.replace(base, database=DatabaseConfig(tmp_path / "mailhook.db"))


@pytest.fixture
def store(config: Config) -> Iterator[Store]:
    """Ann (automation on) got Bob's reply: two tasks and his filled signature, today."""
    store = Store(config.database.path)
    store.add_user(USER, "Ann Lee", inbox_automation=True)
    store.add_user(OTHER_USER, None, inbox_automation=True)
    store.add_contact(CONTACT, {}, "import")
    message = EmailMessage()
    message["From"] = f"Bob Smith <{CONTACT}>"
    message["To"] = USER
    message["Subject"] = "Re: quote <draft>"
    message["Date"] = formatdate(1_780_000_000)
    message["Message-ID"] = "<r1@acme.example>"
    message.set_content(BODY)
    store.insert_received([Received(bytes(message), "<r1@acme.example>", USER, "lmtp", CONTACT,
                                    (USER,), None)])
    Worker(config).drain(store)
    yield store
    store.close()


def test_nothing_new_composes_no_mail() -> None:
    """A day without tasks or fills gives no digest at all."""
    assert compose_digest(Recipient(USER, None), dt.date(2026, 5, 28), [], [], sender=SENDER) is None


def test_digest_reaches_a_real_smtp_sink_with_both_parts(
    config: Config, store: Store, smtp_sink: Callable[..., tuple[Sink, int]]
) -> None:
    """The sink receives one mail to Ann: text and HTML listing tasks, contact, due, message and fills."""
    sink, port = smtp_sink()
    config = with_relay(config, port)
    assert deliver_digests(store, config, today("UTC")) == [USER]
    envelope = sink.received.get(timeout=10)
    assert (envelope.mail_from, envelope.rcpt_tos) == (SENDER, [USER])
    assert isinstance(envelope.content, bytes)
    received = message_from_bytes(envelope.content, policy=policy.default)
    assert received["To"] == f"Ann Lee <{USER}>"
    assert received["From"] == f"mailhook <{SENDER}>"
    assert received["Auto-Submitted"] == "auto-generated"
    assert received["Subject"].endswith(
        ": 2 follow-ups, 4 contact details filled and 1 suggested update")
    plain = received.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    html = received.get_body(("html",)).get_content()  # type: ignore[union-attr]
    for part in (plain, html):
        assert "Send the revised quote by Friday" in part
        assert "Follow up: I will call you on Monday" in part
        assert "Can you send the revised quote by Friday?" in part
        assert CONTACT in part and "Bob Smith" in part
        assert "2026-05-29" in part and "2026-06-01" in part  # Friday and Monday after 28 May
        assert "r1@acme.example" in part
        assert "+49301234567" in part and "Sales Director" in part
        assert "Acme GmbH" in part and "mailhook suggestions accept 1" in part  # held: no company
    assert "Re: quote &lt;draft&gt;" in html  # message text is escaped in the HTML part
    assert sink.received.empty()  # Carl had nothing new: no mail for him


def test_once_per_user_per_day_even_across_restarts(
    config: Config, store: Store, smtp_sink: Callable[..., tuple[Sink, int]]
) -> None:
    """A second run on a fresh connection (as after a restart) sends nothing for the same day."""
    sink, port = smtp_sink()
    config = with_relay(config, port)
    day = today("UTC")
    assert deliver_digests(store, config, day) == [USER]
    restarted = Store(config.database.path)
    try:
        assert deliver_digests(restarted, config, day) == []
    finally:
        restarted.close()
    sink.received.get(timeout=10)
    assert sink.received.empty()
    assert [(r["user_email"], r["day"]) for r in store.digests_sent()] == [(USER, day.isoformat())]


def test_a_failed_send_is_tried_again(config: Config, store: Store) -> None:
    """When the relay fails, the day is not marked sent, so the next run sends it."""

    def refuse(message: EmailMessage) -> None:
        raise ConnectionRefusedError("relay down")

    day = today("UTC")
    with pytest.raises(ConnectionRefusedError):
        deliver_digests(store, config, day, send=refuse)
    assert store.digests_sent() == []
    sent: list[EmailMessage] = []
    assert deliver_digests(store, config, day, send=sent.append) == [USER]
    assert len(sent) == 1


def test_send_uses_starttls_and_login(
    config: Config, store: Store, smtp_sink: Callable[..., tuple[Sink, int]], tmp_path: Path
) -> None:
    """With starttls and a username, the relay sees TLS first and then the configured credentials."""
    server_tls, client_tls = _tls_pair(tmp_path)
    logins: list[tuple[bytes, bytes]] = []

    def authenticate(server: SMTP, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        assert isinstance(data, LoginPassword)
        logins.append((data.login, data.password))
        return AuthResult(success=data.password == b"s3cret")

    sink, port = smtp_sink(tls_context=server_tls, require_starttls=True, authenticator=authenticate,
                           auth_required=True)
    config = with_relay(config, port, starttls=True, username="hook", password="s3cret")
    message = compose_digest(Recipient(USER, None), dt.date(2026, 5, 28), store.tasks(), [],
                             sender=SENDER)
    assert message is not None
    send_digest(message, config.digest, context=client_tls)
    assert sink.received.get(timeout=10).rcpt_tos == [USER]
    assert logins == [(b"hook", b"s3cret")]


def _tls_pair(tmp_path: Path) -> tuple[ssl.SSLContext, ssl.SSLContext]:
    """A self-signed certificate for 127.0.0.1: the server's context and a client trusting it."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                       critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server.load_cert_chain(cert_path, key_path)
    return server, ssl.create_default_context(cafile=str(cert_path))


def test_digest_command_prints_and_sends(
    config: Config, store: Store, smtp_sink: Callable[..., tuple[Sink, int]], tmp_path: Path
) -> None:
    """`digest --print` shows the mail without sending; `digest --send --user` delivers it once."""
    sink, port = smtp_sink()
    config_file = tmp_path / "mailhook.toml"
    config_file.write_text(
        f"[database]\npath = '{config.database.path}'\n[addresses]\nforwarding = ['log@hook.example']\n"
        f"[digest]\nrelay_host = '127.0.0.1'\nrelay_port = {port}\nsender = '{SENDER}'\n"
    )
    runner = CliRunner()
    day = today("UTC").isoformat()
    printed = runner.invoke(main, ["digest", "--print", "--date", day, "--config", str(config_file)])
    assert printed.exit_code == 0, printed.output
    assert "Send the revised quote by Friday" in printed.output and "text/html" in printed.output
    assert sink.received.empty()
    args = ["digest", "--send", "--user", USER, "--date", day, "--config", str(config_file)]
    assert runner.invoke(main, args).output.startswith("sent 1 digest(s)")
    assert runner.invoke(main, args).output.startswith("sent 0 digest(s)")
    assert sink.received.get(timeout=10).rcpt_tos == [USER]
    assert runner.invoke(main, ["digest", "--config", str(config_file)]).exit_code == 2


def test_serve_sends_the_digest_by_itself_once_the_hour_has_passed(
    config: Config, store: Store, smtp_sink: Callable[..., tuple[Sink, int]],
    running_service: Callable[..., Any],
) -> None:
    """With [digest] enabled and hour 0, a started service sends today's digest without a command."""
    sink, port = smtp_sink()
    config = with_relay(config, port, enabled=True, hour=0)
    config = dataclasses.replace(config, smtp=dataclasses.replace(config.smtp, port=0),
                                 lmtp=dataclasses.replace(config.lmtp, port=0))
    running_service(config)
    assert sink.received.get(timeout=20).rcpt_tos == [USER]


def test_day_window_and_next_run_follow_the_digest_time_zone() -> None:
    """A Berlin day is 23:00-23:00 UTC in winter; the next run is today at the hour, else tomorrow."""
    assert day_window(dt.date(2026, 1, 5), "Europe/Berlin") == (
        "2026-01-04T23:00:00.000Z", "2026-01-05T23:00:00.000Z")
    early = dt.datetime(2026, 1, 5, 6, 0, tzinfo=dt.UTC)  # 07:00 in Berlin
    assert next_run(early, 8, "Europe/Berlin").isoformat() == "2026-01-05T08:00:00+01:00"
    late = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC)
    assert next_run(late, 8, "Europe/Berlin").isoformat() == "2026-01-06T08:00:00+01:00"


def test_bad_digest_config_stops_with_a_clear_error() -> None:
    """An unknown time zone or an hour outside 0-23 names the key."""
    from mailhook.errors import ConfigError

    with pytest.raises(ConfigError, match="digest.timezone"):
        parse_config("[digest]\ntimezone = 'Mars/Olympus'\n")
    with pytest.raises(ConfigError, match="digest.hour"):
        parse_config("[digest]\nhour = 24\n")


def test_digest_send_to_a_dead_relay_is_a_one_line_error(store: Store, tmp_path: Path) -> None:
    """`digest --send` with no relay listening exits 1 with one line and marks nothing as sent."""
    config_file = tmp_path / "mailhook.toml"
    config_file.write_text(
        f"[database]\npath = '{store.path}'\n[addresses]\nforwarding = ['log@hook.example']\n"
        "[digest]\nrelay_host = '127.0.0.1'\nrelay_port = 1\n"
    )
    result = CliRunner().invoke(main, ["digest", "--send", "--config", str(config_file)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot send the digest through 127.0.0.1:1")
    assert store.digests_sent() == []
