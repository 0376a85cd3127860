"""Abuse limits on both listeners, each answered with the right SMTP code."""

from __future__ import annotations

import dataclasses
import smtplib
import socket
import ssl
from collections.abc import Callable
from email.message import EmailMessage

import pytest
from certs import self_signed

from mailhook.config import Config, IntakeConfig, parse_config
from mailhook.errors import ConfigError
from mailhook.service.listeners import client_key
from mailhook.store import Received, Store
from mailhook.worker.processing import Worker

USER = "ann@us.example"


def limited(config: Config, listener: str, **limits: object) -> Config:
    return dataclasses.replace(config, **{listener: dataclasses.replace(getattr(config, listener), **limits)})


def message(n: int = 1) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = "bob@acme.example"
    msg["To"] = USER
    msg["Subject"] = "hi"
    msg["Message-ID"] = f"<limit-{n}@acme.example>"
    msg.set_content("Hello")
    return msg


@pytest.fixture
def user(users: Callable[..., object]) -> None:
    users(USER, "cy@us.example", "dee@us.example", inbox_automation=True)


def test_too_many_recipients_get_452(config: Config, running_listeners, user: None) -> None:
    """Past max_recipients, RCPT is answered 452 4.5.3 and the others are still delivered."""
    hook = running_listeners(limited(config, "lmtp", max_recipients=2))
    with smtplib.LMTP(*hook.lmtp) as client:
        client.ehlo_or_helo_if_needed()
        client.mail("bob@acme.example")
        assert client.rcpt(USER)[0] == 250
        assert client.rcpt("cy@us.example")[0] == 250
        code, text = client.rcpt("dee@us.example")
        assert (code, text) == (452, b"4.5.3 Too many recipients")


def test_too_many_connections_get_421(config: Config, running_listeners, user: None) -> None:
    """Past max_connections a new client is greeted with 421 4.7.0; a slot frees when one leaves."""
    hook = running_listeners(limited(config, "smtp", max_connections=2))
    first = socket.create_connection(hook.smtp, timeout=10)
    assert first.recv(1024).startswith(b"220")
    with smtplib.SMTP(*hook.smtp) as second:
        with pytest.raises(smtplib.SMTPConnectError) as refused:
            smtplib.SMTP(*hook.smtp)
        assert refused.value.smtp_code == 421
        first.sendall(b"QUIT\r\n")
        while first.recv(1024):  # EOF: the server closed it, after counting it as gone
            pass
        first.close()
        with smtplib.SMTP(*hook.smtp) as third:
            assert third.noop()[0] == 250
        assert second.noop()[0] == 250


def greeting(address: tuple[str, int], source: str = "127.0.0.1") -> tuple[socket.socket, bytes]:
    """A raw connection (it only idles, as NOOP keep-alives would) and the first line it got."""
    sock = socket.create_connection(address, timeout=10, source_address=(source, 0))
    return sock, sock.recv(1024)


@pytest.mark.parametrize("listener", ["smtp", "lmtp"])
def test_connections_per_client_address_are_capped(
    config: Config, running_listeners, listener: str
) -> None:
    """Past max_connections_per_client from one address a new connection is greeted with
    421 4.7.0, while other addresses still get in and a slot frees when one leaves."""
    hook = running_listeners(limited(config, listener, max_connections_per_client=2))
    address = getattr(hook, listener)
    first, hello = greeting(address)
    second, again = greeting(address)
    assert hello.startswith(b"220") and again.startswith(b"220")
    refused, reply = greeting(address)
    assert reply.startswith(b"421 4.7.0 Too many connections from your address")
    other, hello = greeting(address, source="127.0.0.2")
    assert hello.startswith(b"220")
    for sock in (refused, first):
        sock.sendall(b"QUIT\r\n")
        while sock.recv(1024):  # EOF: the server closed it, after counting it as gone
            pass
        sock.close()
    third, hello = greeting(address)
    assert hello.startswith(b"220")
    for sock in (second, other, third):
        sock.close()


def test_starttls_connections_free_their_slot(config: Config, running_listeners, tmp_path) -> None:
    """A connection that used STARTTLS counts once, and frees its slot when it ends (aiosmtpd
    announces it a second time after the handshake)."""
    cert, key = self_signed(tmp_path)
    hook = running_listeners(limited(config, "smtp", tls_cert=cert, tls_key=key, max_connections=2,
                                     max_connections_per_client=2))
    for _ in range(3):
        with smtplib.SMTP(*hook.smtp, timeout=10) as smtp:
            smtp.starttls(context=ssl._create_unverified_context())
            assert smtp.ehlo()[0] == 250
    with smtplib.SMTP(*hook.smtp, timeout=10) as first, smtplib.SMTP(*hook.smtp, timeout=10) as second:
        assert first.noop()[0] == second.noop()[0] == 250


def test_an_ipv6_client_is_counted_by_its_64_prefix() -> None:
    """Per-client limits count an IPv6 client by its /64 (one host's as a rule), and an
    IPv4-mapped address as the IPv4 address."""
    assert client_key(("2001:db8:1:2::1", 25, 0, 0)) == client_key(("2001:db8:1:2:ffff::9", 25, 0, 0))
    assert client_key(("2001:db8:1:2::1", 25, 0, 0)) != client_key(("2001:db8:1:3::1", 25, 0, 0))
    assert client_key(("::ffff:192.0.2.7", 25, 0, 0)) == client_key(("192.0.2.7", 25)) == "192.0.2.7"


def test_a_client_sending_too_fast_gets_451(config: Config, running_listeners, user: None) -> None:
    """Past max_messages_per_minute from one client address, MAIL FROM is deferred with 451 4.7.1."""
    hook = running_listeners(limited(config, "lmtp", max_messages_per_minute=2))
    with smtplib.LMTP(*hook.lmtp) as client:
        for n in (1, 2):
            assert client.send_message(message(n), "bob@acme.example", [USER]) == {}
        with pytest.raises(smtplib.SMTPSenderRefused) as refused:
            client.send_message(message(3), "bob@acme.example", [USER])
    assert (refused.value.smtp_code, refused.value.smtp_error[:5]) == (451, b"4.7.1")


def test_full_backlog_defers_with_451_and_recovers(config: Config, running_listeners, user: None) -> None:
    """With max_backlog unprocessed messages waiting, new mail gets 451 4.3.2; once the worker
    has caught up, mail is accepted again."""
    config = dataclasses.replace(config, intake=IntakeConfig(max_backlog=2))
    store = Store(config.database.path)
    store.insert_received([Received(bytes(message(n)), f"<old-{n}@x>", USER, "lmtp", None, (USER,), None)
                           for n in (1, 2)])
    hook = running_listeners(config)
    with smtplib.LMTP(*hook.lmtp) as client:
        with pytest.raises(smtplib.SMTPSenderRefused) as refused:
            client.send_message(message(3), "bob@acme.example", [USER])
        assert (refused.value.smtp_code, refused.value.smtp_error[:5]) == (451, b"4.3.2")
        Worker(config).drain(store)
        client.rset()
        assert client.send_message(message(3), "bob@acme.example", [USER]) == {}


def test_client_outside_allowed_networks_is_refused(config: Config, running_listeners) -> None:
    """Only clients from allowed_networks are greeted; others get 554 5.7.1."""
    hook = running_listeners(limited(config, "lmtp", allowed_networks=("10.0.0.0/8",)))
    with pytest.raises(smtplib.SMTPConnectError) as refused:
        smtplib.LMTP(*hook.lmtp)
    assert refused.value.smtp_code == 554
    hook = running_listeners(limited(config, "lmtp", allowed_networks=("127.0.0.0/8",)))
    with smtplib.LMTP(*hook.lmtp) as client:
        assert client.noop()[0] == 250


def test_silent_client_is_disconnected_after_the_timeout(config: Config, running_listeners) -> None:
    """A client that stops talking is disconnected after the listener's timeout."""
    hook = running_listeners(limited(config, "smtp", timeout=0.3))
    with socket.create_connection(hook.smtp, timeout=10) as sock:
        assert sock.recv(1024).startswith(b"220")
        sock.sendall(b"EHLO client.example\r\n")
        received = b""
        while chunk := sock.recv(4096):  # ends when the server closes the connection
            received += chunk
    assert b"250" in received


def test_listening_beyond_loopback_needs_allowed_networks() -> None:
    """Binding a public address without a network restriction fails at start, naming the key."""
    with pytest.raises(ConfigError, match="smtp.allowed_networks"):
        parse_config('[smtp]\nhost = "0.0.0.0"')
    config = parse_config('[smtp]\nhost = "0.0.0.0"\nallowed_networks = ["192.0.2.0/24"]')
    assert config.smtp.allowed_networks == ("192.0.2.0/24",)
    with pytest.raises(ConfigError, match="metrics.host"):
        parse_config('[metrics]\nhost = "0.0.0.0"')
