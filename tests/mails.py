"""Real MIME messages and the few steps the worker tests share: build, deliver, process, read."""

from __future__ import annotations

import dataclasses
from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path

from mailhook.config import Config, DatabaseConfig, parse_config
from mailhook.store import Received, Store
from mailhook.worker.processing import Worker

USER = "ann@us.example"
CONTACT = "bob.smith@acme.example"
FORWARDING = "log@hook.example"

CONTACT_SIGNATURE = """Best regards,
Bob Smith
Sales Director
Acme GmbH
Tel: +49 30 1234567
Mobile: +49 171 7654321
"""
# Bob's signature after a job change and a new office number (his mobile stays the same).
NEW_SIGNATURE = CONTACT_SIGNATURE.replace("Sales Director", "Chief Revenue Officer").replace(
    "Tel: +49 30 1234567", "Tel: +49 30 7654321"
)
USER_SIGNATURE = """Kind regards,
Ann Lee
Account Executive
Us Ltd
Phone: +44 20 7946 0958
"""


def mail(sender: str, to: str, body: str, *, message_id: str, subject: str = "Re: quote",
         display: str = "Bob Smith") -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = f"{display} <{sender}>"
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = formatdate(1_780_000_000)
    msg["Message-ID"] = message_id
    msg.set_content(body)
    return msg


def reply(message_id: str = "<r1@acme.example>", signature: str = CONTACT_SIGNATURE) -> bytes:
    body = f"Hi Ann,\n\nthanks, the quote works for us. Let us talk next week.\n\n{signature}"
    return bytes(mail(CONTACT, USER, body, message_id=message_id))


def lmtp_copy(number: int, contact: str, recipient: str = USER) -> Received:
    """A minimal copy an MTA delivered over LMTP to the user, the `number`th from `contact`
    (queue tests: what it says does not matter, only whose it is and its place)."""
    message_id = f"<{number}.{contact}>"
    raw = f"From: {contact}\r\nTo: {recipient}\r\nMessage-ID: {message_id}\r\n\r\nhi\r\n".encode()
    return Received(raw, message_id, recipient, "lmtp", contact, (recipient,), None)


def deliver(store: Store, raw: bytes, *, listener: str = "lmtp", recipient: str = USER,
            mail_from: str | None = CONTACT) -> None:
    msg_id = next((line.split(b":", 1)[1].strip().decode() for line in raw.splitlines()
                   if line.lower().startswith(b"message-id:")), None)
    store.insert_received([Received(raw, msg_id, recipient, listener, mail_from, (recipient,), None)])


def run_worker(config: Config, store: Store, **kwargs: object) -> None:
    Worker(config, **kwargs).drain(store)  # type: ignore[arg-type]


def props(store: Store, email: str = CONTACT) -> dict[str, str | None]:
    return {k: v["value"] for k, v in store.contact(email)["properties"].items()}


def worker_config(tmp_path: Path, extra: str = "") -> Config:
    """Our addresses, DKIM and the tagger off, a database in tmp_path; `extra` adds TOML."""
    base = parse_config(
        f"[addresses]\nforwarding = ['{FORWARDING}']\nteam = ['sales@us.example']\n"
        "[dkim]\npolicy = 'off'\n[extract]\ntagger = 'off'\n" + extra
    )
    return dataclasses.replace(base, database=DatabaseConfig(tmp_path / "mailhook.db"))
