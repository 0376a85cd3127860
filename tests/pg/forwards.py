"""Real MIME for the forwarding address's order tests: a user's logged outbound mail, and forwards
of a contact's message as Gmail, Outlook and an attached message/rfc822 write them."""

from __future__ import annotations

from collections.abc import Callable
from email.message import EmailMessage
from email.utils import parseaddr

from mails import mail

FORWARDING = "log@hook.example"  # tests/mails.py's forwarding address
SIGNATURE = "Best regards,\nCarl Weber\nEinkauf\nWeber Handel GmbH\nTel: +49 30 1234567\n"


def message(sender: str, to: str, subject: str, body: str, message_id: str) -> EmailMessage:
    """tests/mails.py's message, its From written as given ("Name <address>" or an address)."""
    name, address = parseaddr(sender)
    return mail(address, to, body, message_id=message_id, subject=subject, display=name or "Ann Lee")


def outbound(user: str, contact: str, number: int) -> bytes:
    """Mail a user sent a contact, BCC'd to the forwarding address."""
    return bytes(message(user, contact, "quote", "Hi,\n\nthe quote, as promised.\n\nAnn\n",
                         f"<out{number}@us.example>"))


def reply(contact: str, user: str, number: int) -> bytes:
    """A contact's reply, delivered over LMTP to the user's inbox."""
    return bytes(message(f"Carl Weber <{contact}>", user, "Re: quote",
                         f"Hi,\n\nthe quote works for us.\n\n{SIGNATURE}", f"<r{number}@firm.example>"))


def gmail(user: str, original: str, number: int) -> bytes:
    body = ("FYI\n\n---------- Forwarded message ---------\n"
            f"From: Carl Weber <{original}>\nDate: Mon, 2 Nov 2026 at 10:00\nSubject: quote\n"
            f"To: <{user}>\n\nHi,\n\nthe quote works for us.\n\n{SIGNATURE}")
    return bytes(message(user, FORWARDING, "Fwd: quote", body, f"<g{number}@us.example>"))


def outlook(user: str, original: str, number: int) -> bytes:
    body = ("Please log this.\n\n-----Original Message-----\n"
            f"From: Carl Weber <{original}>\nSent: Monday, November 2, 2026 10:00 AM\n"
            f"To: Ann Lee <{user}>\nSubject: quote\n\nHi,\n\nthe quote works for us.\n\n{SIGNATURE}")
    return bytes(message(user, FORWARDING, "FW: quote", body, f"<o{number}@us.example>"))


def attached(user: str, original: str, number: int) -> bytes:
    """A forward as an attachment: the original whole, as message/rfc822."""
    outer = message(user, FORWARDING, "Fwd: quote", "FYI, attached.\n", f"<a{number}@us.example>")
    inner = message(f"Carl Weber <{original}>", user, "quote",
                    f"Hi,\n\nthe quote works for us.\n\n{SIGNATURE}", f"<orig{number}@firm.example>")
    outer.add_attachment(inner)
    return bytes(outer)


FORWARDS: dict[str, Callable[[str, str, int], bytes]] = {
    "gmail": gmail, "outlook": outlook, "attached": attached}
