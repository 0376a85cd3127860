"""SMTP AUTH over STARTTLS on the forwarding address: users log in, and send only as themselves."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import dataclasses
import logging
import smtplib
import ssl
import threading
import time
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from certs import self_signed
from click.testing import CliRunner

from mailhook.cli import main
from mailhook.config import Config, DkimConfig, ListenerConfig, parse_config
from mailhook.errors import ConfigError
from mailhook.service.listeners import REPLY_NOT_LOGGED_IN_USER
from mailhook.service.logins import CHECK_THREADS, REPLY_LOCKED_OUT, Logins
from mailhook.service.passwords import hash_password, verify_password
from mailhook.store import Store

ANN, CY = "ann@us.example", "cy@us.example"
FORWARDING = "log@hook.localhost"


@pytest.fixture
def auth_config(config: Config, tmp_path: Path, users) -> Config:
    users(ANN, CY)
    cert, key = self_signed(tmp_path)
    # No pause after a failed login: tests of the pause set it themselves.
    smtp = dataclasses.replace(config.smtp, require_auth=True, tls_cert=cert, tls_key=key,
                               auth_failure_delay=0.0)
    store = Store(config.database.path)
    store.set_password_hash(ANN, hash_password("correct horse battery"))
    store.close()
    return dataclasses.replace(config, smtp=smtp)


def outbound(sender: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "bob@acme.example"
    msg["Subject"] = "quote"
    msg["Message-ID"] = "<auth-1@us.example>"
    msg.set_content("Hello Bob")
    return msg


def client(address: tuple[str, int]) -> smtplib.SMTP:
    smtp = smtplib.SMTP(*address, timeout=10)
    smtp.starttls(context=ssl._create_unverified_context())  # our throw-away certificate
    smtp.ehlo()
    return smtp


def test_logged_in_user_can_log_mail(auth_config: Config, running_listeners) -> None:
    """After STARTTLS and AUTH, the user's BCC is accepted and stored."""
    hook = running_listeners(auth_config)
    with client(hook.smtp) as smtp:
        assert smtp.login(ANN, "correct horse battery")[0] == 235
        assert smtp.send_message(outbound(ANN), ANN, [FORWARDING]) == {}
    assert Store(auth_config.database.path).counts()["received"] == 1


def test_mail_without_login_or_tls_is_refused(auth_config: Config, running_listeners) -> None:
    """Without AUTH, MAIL FROM gets 530; before STARTTLS even AUTH is not offered."""
    hook = running_listeners(auth_config)
    with smtplib.SMTP(*hook.smtp, timeout=10) as plain:
        plain.ehlo()
        assert plain.mail(ANN)[0] == 530
    with client(hook.smtp) as smtp:
        assert smtp.mail(ANN)[0] == 530


def test_wrong_password_and_sending_as_someone_else_are_refused(
    auth_config: Config, running_listeners
) -> None:
    """A wrong password gets 535; a logged-in user cannot log mail as another user (550 5.7.1)."""
    hook = running_listeners(auth_config)
    with client(hook.smtp) as smtp, pytest.raises(smtplib.SMTPAuthenticationError) as failed:
        smtp.login(ANN, "wrong password!")
    assert failed.value.smtp_code == 535
    with client(hook.smtp) as smtp:
        smtp.login(ANN, "correct horse battery")
        with pytest.raises(smtplib.SMTPSenderRefused) as refused:
            smtp.send_message(outbound(CY), CY, [FORWARDING])
        assert (refused.value.smtp_code, refused.value.smtp_error[:5]) == (550, b"5.7.1")


def test_the_from_field_must_be_the_logged_in_user_too(auth_config: Config, running_listeners) -> None:
    """MAIL FROM is not all: ann, logged in, cannot log a message whose From is cy (550 5.7.1 at
    DATA), and nothing is stored."""
    hook = running_listeners(auth_config)
    with client(hook.smtp) as smtp:
        smtp.login(ANN, "correct horse battery")
        with pytest.raises(smtplib.SMTPDataError) as refused:
            smtp.send_message(outbound(CY), ANN, [FORWARDING])
        assert refused.value.smtp_error.decode() == REPLY_NOT_LOGGED_IN_USER[4:]
    assert Store(auth_config.database.path).counts()["received"] == 0


def test_a_login_proves_the_users_outbound_mail_under_require(
    auth_config: Config, running_service
) -> None:
    """Under [dkim] policy = "require", unsigned mail that the logged-in user sent as herself is
    shown to be hers by the login: it is logged and creates its recipient as a contact."""
    config = dataclasses.replace(auth_config, dkim=DkimConfig(policy="require", dns_timeout=1.0))
    hook = running_service(config)
    with client(hook.smtp) as smtp:
        smtp.login(ANN, "correct horse battery")
        smtp.send_message(outbound(ANN), ANN, [FORWARDING])
    store = Store(config.database.path)
    try:
        deadline = time.monotonic() + 30
        while store.counts().get("processed", 0) < 1 and time.monotonic() < deadline:
            time.sleep(0.05)
        [row] = store.db.execute("SELECT login, skip_reason FROM messages").fetchall()
        assert row == (ANN, "outbound mail is not scanned")
        assert [c["email"] for c in store.contacts()] == ["bob@acme.example"]
    finally:
        store.close()


def test_passwords_are_stored_as_salted_hashes(config: Config, users, tmp_path: Path) -> None:
    """`users password` stores a salted scrypt hash, never the password itself."""
    users(ANN)
    path = tmp_path / "mailhook.toml"
    path.write_text(f'[database]\npath = "{config.database.path}"\n')
    result = CliRunner().invoke(main, ["users", "password", ANN, "--password-stdin", "--config",
                                       str(path)], input="correct horse battery\n")
    assert result.exit_code == 0, result.output
    stored = Store(config.database.path).password_hash(ANN)
    assert stored and "correct horse" not in stored and stored.startswith("scrypt$")
    assert verify_password("correct horse battery", stored)
    assert not verify_password("correct horse batterY", stored)
    assert hash_password("same") != hash_password("same")  # salted


def test_require_auth_needs_tls_files_and_allows_public_binding(tmp_path: Path) -> None:
    """require_auth needs a certificate and key; with it, SMTP may listen beyond loopback."""
    with pytest.raises(ConfigError, match="smtp.tls_cert"):
        parse_config("[smtp]\nrequire_auth = true")
    cert, key = self_signed(tmp_path)
    config = parse_config(f'[smtp]\nhost = "0.0.0.0"\nrequire_auth = true\ntls_cert = "{cert}"\n'
                          f'tls_key = "{key}"')
    assert config.smtp.require_auth


PASSWORD = "correct horse battery"


class Checks:
    """verify_password behind the seam Logins offers: records each hash it is asked to check,
    and with `hold` waits (in its pool thread) until released."""

    def __init__(self, hold: bool = False) -> None:
        self.hashes: list[str] = []
        self.entered = threading.Semaphore(0)
        self.released = threading.Event()
        if not hold:
            self.released.set()

    def __call__(self, password: str, stored: str) -> bool:
        self.hashes.append(stored)
        self.entered.release()
        self.released.wait(30)
        return verify_password(password, stored)


def with_smtp(config: Config, **limits: Any) -> Config:
    return dataclasses.replace(config, smtp=dataclasses.replace(config.smtp, **limits))


def auth_plain(smtp: smtplib.SMTP, login: str, password: str) -> tuple[int, bytes]:
    """One AUTH PLAIN attempt (smtplib's login() would try every mechanism in turn)."""
    return smtp.docmd("AUTH", "PLAIN " + _plain(login, password))


def _plain(login: str, password: str) -> str:
    return base64.b64encode(f"\0{login}\0{password}".encode()).decode()


def from_other_address(address: tuple[str, int]) -> smtplib.SMTP:
    """A client from 127.0.0.2: another client address as far as the limits know."""
    smtp = smtplib.SMTP(*address, timeout=10, source_address=("127.0.0.2", 0))
    smtp.starttls(context=ssl._create_unverified_context())
    smtp.ehlo()
    return smtp


def test_plain_and_login_by_challenge_and_one_reply_to_an_aborted_login(
    auth_config: Config, running_listeners
) -> None:
    """AUTH PLAIN and LOGIN (decoded by mailhook now, as aiosmtpd's own mechanisms did) work with
    credentials asked for by 334 challenges; an aborted or undecodable exchange gets one 501
    reply, and the connection can still log in."""
    hook = running_listeners(auth_config)

    def b64(text: str) -> str:
        return base64.b64encode(text.encode()).decode()

    with client(hook.smtp) as smtp:
        assert smtp.docmd("AUTH", "LOGIN")[0] == 334
        assert smtp.docmd("*")[0] == 501
        assert smtp.docmd("AUTH", "PLAIN !!!")[0] == 501
        assert smtp.docmd("AUTH", "PLAIN " + b64("no separators"))[0] == 501
        assert smtp.noop()[0] == 250  # no second reply was left behind
        assert smtp.docmd("AUTH", "LOGIN") == (334, b64("User Name\0").encode())
        assert smtp.docmd(b64(ANN)) == (334, b64("Password\0").encode())
        assert smtp.docmd(b64(PASSWORD))[0] == 235
    with client(hook.smtp) as smtp:
        assert smtp.docmd("AUTH", "PLAIN")[0] == 334
        assert smtp.docmd(_plain(ANN, PASSWORD))[0] == 235
        assert smtp.send_message(outbound(ANN), ANN, [FORWARDING]) == {}


def test_failed_logins_close_the_connection_at_the_limit(
    auth_config: Config, running_listeners, caplog: pytest.LogCaptureFixture
) -> None:
    """After auth_failures_per_connection failed logins the third is answered 421 4.7.0 and the
    connection closed; each failure is logged with the client address."""
    hook = running_listeners(with_smtp(auth_config, auth_failures_per_connection=3))
    with client(hook.smtp) as smtp:
        assert auth_plain(smtp, ANN, "guess 1")[0] == 535
        assert auth_plain(smtp, ANN, "guess 2")[0] == 535
        code, text = auth_plain(smtp, ANN, "guess 3")
        assert (code, text[:5]) == (421, b"4.7.0")
        with pytest.raises(smtplib.SMTPServerDisconnected):
            smtp.noop()
    failures = [r.getMessage() for r in caplog.records if "failed login" in r.getMessage()]
    assert len(failures) == 3 and all("from 127.0.0.1" in f for f in failures)
    with client(hook.smtp) as smtp:  # the client as a whole is not locked out yet
        assert auth_plain(smtp, ANN, PASSWORD)[0] == 235


def test_a_client_address_with_too_many_failures_is_refused_even_the_right_password(
    auth_config: Config, running_listeners
) -> None:
    """Past auth_failures_per_client failures from one address, AUTH gets 454 4.7.0 without any
    password check, the right one included; other client addresses still log in."""
    checks = Checks()
    config = with_smtp(auth_config, auth_failures_per_connection=3, auth_failures_per_client=4)
    hook = running_listeners(config, verify=checks)
    for _ in range(2):  # spread over connections, so only the per-client limit can catch it
        with client(hook.smtp) as smtp:
            assert [auth_plain(smtp, ANN, "guess")[0] for _ in range(2)] == [535, 535]
    assert len(checks.hashes) == 4
    with client(hook.smtp) as smtp:
        code, text = auth_plain(smtp, ANN, PASSWORD)
        assert (code, text[:5]) == (454, b"4.7.0")
        assert smtp.mail(ANN)[0] == 530  # not logged in
    assert len(checks.hashes) == 4  # refused unchecked
    with from_other_address(hook.smtp) as smtp:
        assert auth_plain(smtp, ANN, PASSWORD)[0] == 235
        assert smtp.send_message(outbound(ANN), ANN, [FORWARDING]) == {}


def test_logins_without_a_hash_run_the_same_scrypt_check(
    auth_config: Config, running_listeners
) -> None:
    """An unknown user, a user without a password and a login that is no address are each
    checked by scrypt against one dummy hash with the real hashes' parameters, so the time
    taken does not tell whether an account exists."""
    checks = Checks()
    hook = running_listeners(with_smtp(auth_config, auth_failures_per_connection=5), verify=checks)
    with client(hook.smtp) as smtp:
        for login in ("nobody@us.example", CY, "not an address", ANN):
            assert auth_plain(smtp, login, "guess")[0] == 535
    ann_hash = Store(auth_config.database.path).password_hash(ANN)
    dummy, *others = checks.hashes
    assert others == [dummy, dummy, ann_hash]
    assert dummy != ann_hash
    assert dummy.split("$")[:4] == hash_password("x").split("$")[:4]  # scrypt, same N, r, p


def test_lmtp_delivery_goes_on_while_logins_are_being_checked(
    auth_config: Config, running_listeners
) -> None:
    """Password checks run in a bounded thread pool, not on the loop the listeners share: while
    every pool thread is busy and more logins wait, an LMTP delivery is answered and stored."""
    checks = Checks(hold=True)
    config = with_smtp(auth_config, auth_failures_per_client=100)
    hook = running_listeners(config, verify=checks)
    attempts = [client(hook.smtp) for _ in range(CHECK_THREADS + 4)]
    try:
        for smtp in attempts:
            smtp.send(f"AUTH PLAIN {_plain(ANN, 'guess')}\r\n")
        for _ in range(CHECK_THREADS):
            assert checks.entered.acquire(timeout=10)
        with smtplib.LMTP(*hook.lmtp, timeout=10) as lmtp:
            assert lmtp.send_message(outbound("bob@acme.example"), "bob@acme.example", [ANN]) == {}
        assert Store(config.database.path).counts()["received"] == 1
        assert len(checks.hashes) == CHECK_THREADS  # the rest wait for a thread
    finally:
        checks.released.set()
    assert [smtp.getreply()[0] for smtp in attempts] == [535] * len(attempts)
    for smtp in attempts:
        smtp.close()


@contextlib.contextmanager
def failure_logged() -> Iterator[threading.Event]:
    """An event set when a failed login is logged (from the listeners' loop thread)."""
    failed = threading.Event()

    class Signal(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if "failed login" in record.getMessage():
                failed.set()

    signal = Signal()
    logging.getLogger("mailhook.service.logins").addHandler(signal)
    try:
        yield failed
    finally:
        logging.getLogger("mailhook.service.logins").removeHandler(signal)


def test_the_pause_after_a_failed_login_does_not_hold_other_sessions(
    auth_config: Config, running_listeners
) -> None:
    """The pause before a failure is answered is awaited: during it, LMTP is answered."""
    hook = running_listeners(with_smtp(auth_config, auth_failure_delay=3600.0))
    with client(hook.smtp) as smtp, failure_logged() as failed:
        smtp.send(f"AUTH PLAIN {_plain(ANN, 'guess')}\r\n")
        assert failed.wait(10)  # logged just before the pause begins
        with smtplib.LMTP(*hook.lmtp, timeout=10) as lmtp:
            assert lmtp.send_message(outbound("bob@acme.example"), "bob@acme.example", [ANN]) == {}
        smtp.close()  # the failure is still waiting to be answered


def test_a_login_abandoned_mid_check_counts_as_a_failure(auth_config: Config, running_listeners) -> None:
    """A client that hangs up while its password is being checked is charged a failure, so
    hanging up cannot buy unlimited checks (even with the right password, whose check it left)."""
    checks = Checks(hold=True)
    hook = running_listeners(with_smtp(auth_config, auth_failures_per_client=1), verify=checks)
    try:
        with client(hook.smtp) as smtp, failure_logged() as failed:
            smtp.send(f"AUTH PLAIN {_plain(ANN, PASSWORD)}\r\n")
            assert checks.entered.acquire(timeout=10)
            smtp.close()
            assert failed.wait(10)
    finally:
        checks.released.set()
    with client(hook.smtp) as smtp:
        assert auth_plain(smtp, ANN, PASSWORD)[0] == 454


def test_failures_older_than_the_window_stop_counting() -> None:
    """A locked-out address may log in again once its failures are auth_failure_window old."""
    now = [0.0]
    limits = dataclasses.replace(ListenerConfig(), auth_failures_per_client=2, auth_failure_window=600.0,
                                 auth_failure_delay=0.0)
    logins = Logins(limits, {ANN: hash_password(PASSWORD)}.get, clock=lambda: now[0])

    class Connection:
        """Stands for an SMTP session: the per-connection count is keyed by it."""

    async def attempts() -> None:
        connection = Connection()
        for _ in range(2):
            assert (await logins.check(connection, "192.0.2.1", ANN, "guess")).user is None
        assert (await logins.check(connection, "192.0.2.1", ANN, PASSWORD)).reply == REPLY_LOCKED_OUT
        now[0] = 599.0
        assert logins.refusal("192.0.2.1") == REPLY_LOCKED_OUT
        now[0] = 601.0
        assert (await logins.check(Connection(), "192.0.2.1", ANN, PASSWORD)).user == ANN

    asyncio.run(attempts())


def test_auth_limits_are_validated() -> None:
    """Limits of failed logins must be at least 1, the window positive, the pause not negative."""
    for text, key in (("auth_failures_per_connection = 0", "smtp.auth_failures_per_connection"),
                      ("auth_failures_per_client = 0", "smtp.auth_failures_per_client"),
                      ("auth_failure_window = 0", "smtp.auth_failure_window"),
                      ("auth_failure_delay = -1", "smtp.auth_failure_delay")):
        with pytest.raises(ConfigError, match=key):
            parse_config(f"[smtp]\n{text}")
