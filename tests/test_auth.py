"""SMTP AUTH over STARTTLS on the forwarding address: users log in, and send only as themselves."""

from __future__ import annotations

import dataclasses
import datetime
import smtplib
import ssl
from email.message import EmailMessage
from pathlib import Path

import pytest
from click.testing import CliRunner
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from mailhook.cli import main
from mailhook.config import Config, parse_config
from mailhook.errors import ConfigError
from mailhook.passwords import hash_password, verify_password
from mailhook.store import Store

ANN, CY = "ann@us.example", "cy@us.example"
FORWARDING = "log@hook.localhost"


def self_signed(tmp_path: Path) -> tuple[str, str]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "mailhook.test")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=1)).sign(key, hashes.SHA256()))
    cert_path, key_path = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.TraditionalOpenSSL,
                                           serialization.NoEncryption()))
    return str(cert_path), str(key_path)


@pytest.fixture
def auth_config(config: Config, tmp_path: Path, users) -> Config:
    users(ANN, CY)
    cert, key = self_signed(tmp_path)
    smtp = dataclasses.replace(config.smtp, require_auth=True, tls_cert=cert, tls_key=key)
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
