"""aiosmtpd glue: who may send and receive on each listener, DATA into the intake, the replies."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from email.headerregistry import AddressHeader
from email.message import Message
from email.parser import BytesHeaderParser
from email.policy import default as default_policy
from typing import Any, ClassVar

from aiosmtpd.lmtp import LMTP
from aiosmtpd.smtp import SMTP, Envelope, Session

from .config import Config, ListenerConfig
from .errors import InvalidValue, NotFound
from .intake import Intake
from .store import Received, Store, normalise_address

log = logging.getLogger(__name__)

REPLY_SENDER_OK = "250 2.1.0 Sender OK"
REPLY_RECIPIENT_OK = "250 2.1.5 Recipient OK"
REPLY_STORED = "250 2.0.0 Message stored"
REPLY_NOT_OURS = "550 5.1.1 No such mailbox here; this is not a relay"
REPLY_SENDER_NOT_USER = "550 5.7.1 Sender is not a mailhook user"
REPLY_FROM_NOT_USER = "550 5.7.1 No From address of this message is a mailhook user"
REPLY_DEFER = "451 4.3.0 Message not stored; try again later"
REPLY_TOO_BIG = "552 5.3.4 Message too big for this system"

# aiosmtpd's own replies (as of 1.4.6) that we give enhanced status codes.
AIOSMTPD_TOO_MUCH_DATA = "552 Error: Too much mail data"
AIOSMTPD_SIZE_EXCEEDED = "552 Error: message size exceeds fixed maximum message size"
AIOSMTPD_LINE_TOO_LONG = "500 Line too long (see RFC5321 4.5.3.1.6)"
_ENHANCED = {AIOSMTPD_TOO_MUCH_DATA: REPLY_TOO_BIG, AIOSMTPD_SIZE_EXCEEDED: REPLY_TOO_BIG}
# Replies aiosmtpd sends at the end of DATA itself; LMTP owes one per recipient (RFC 2033).
_END_OF_DATA = frozenset({AIOSMTPD_TOO_MUCH_DATA, AIOSMTPD_LINE_TOO_LONG})

_header_parser = BytesHeaderParser(policy=default_policy)


class SMTPProtocol(SMTP):
    """aiosmtpd's SMTP with enhanced status codes on its own size replies."""

    async def push(self, status: str | bytes) -> None:
        if isinstance(status, str):
            await super().push(_ENHANCED.get(status, status))
        else:
            await super().push(status)


class LMTPProtocol(LMTP):
    """aiosmtpd's LMTP, also answering its own end-of-DATA errors once per recipient.

    aiosmtpd sends them once (its issue #517); a client with two recipients then waits for a
    second reply that never comes, times out and delivers again.
    """

    async def push(self, status: str | bytes) -> None:
        if not isinstance(status, str):
            await super().push(status)
        elif status in _END_OF_DATA and self.envelope is not None:
            reply = _ENHANCED.get(status, status)
            await super().push("\r\n".join([reply] * max(1, len(self.envelope.rcpt_tos))))
        else:
            await super().push(_ENHANCED.get(status, status))


class _Handler:
    """What both listeners share: user look-ups, storing through the intake, the 4xx boundary."""

    listener: ClassVar[str]

    def __init__(self, config: Config, directory: Store, intake: Intake) -> None:
        self.config = config
        self.directory = directory  # a read connection used on the loop: primary-key reads only
        self.intake = intake
        self._in_flight = 0
        self._idle = asyncio.Event()
        self._idle.set()

    def is_user(self, address: str) -> bool:
        """Asked on every command, never cached, so settings changes apply at once."""
        try:
            self.directory.get_user(_text(address))
        except (NotFound, InvalidValue):
            return False
        return True

    async def wait_idle(self) -> None:
        """Until no DATA is waiting for the intake (for a graceful stop)."""
        await self._idle.wait()

    async def handle_exception(self, error: Exception) -> str:
        # aiosmtpd's default would answer 500, a bounce for what is our own (perhaps passing) fault.
        log.error("%s session error: %r", self.listener, error, exc_info=error)
        return REPLY_DEFER

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        with self._tracked():
            try:
                replies = await self.accept(session, envelope)
            except Exception:  # noqa: BLE001 - the SMTP reply boundary: defer, never bounce
                log.exception("%s: message from %s not stored", self.listener, session.peer)
                replies = [REPLY_DEFER] * self.reply_count(envelope)
        return "\r\n".join(replies)

    async def accept(self, session: Session, envelope: Envelope) -> list[str]:
        raise NotImplementedError

    def reply_count(self, envelope: Envelope) -> int:
        return 1

    async def store(self, items: Sequence[Received]) -> list[str]:
        """Store durably, then answer 250 for each item (a retry already stored is a success)."""
        results = await self.intake.store(items)
        for item, new in zip(items, results, strict=True):
            log.info(
                "%s: %s for %s %s", self.listener, item.dedupe_key, item.recipient,
                "stored" if new else "already stored",
            )
        return [REPLY_STORED] * len(items)

    @contextmanager
    def _tracked(self) -> Iterator[None]:
        self._in_flight += 1
        self._idle.clear()
        try:
            yield
        finally:
            self._in_flight -= 1
            if not self._in_flight:
                self._idle.set()


class ForwardingHandler(_Handler):
    """The forwarding/BCC address: only users may send, only to it, one stored copy a message."""

    listener = "smtp"

    async def handle_MAIL(
        self, server: SMTP, session: Session, envelope: Envelope, address: str,
        mail_options: list[str],
    ) -> str:
        if not self.is_user(address):
            log.info("smtp: refused sender %r from %s", address, session.peer)
            return REPLY_SENDER_NOT_USER
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return REPLY_SENDER_OK

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str,
        rcpt_options: list[str],
    ) -> str:
        if address_key(address) not in self.config.addresses.forwarding:
            return REPLY_NOT_OURS
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return REPLY_RECIPIENT_OK

    async def accept(self, session: Session, envelope: Envelope) -> list[str]:
        raw = _content(envelope)
        headers = read_headers(raw)
        authors = from_addresses(headers)
        # No readable From: stored anyway, and the worker parks it for a person to look at.
        if authors and not any(self.is_user(a) for a in authors):
            log.info("smtp: refused From %s (sender %s)", authors, envelope.mail_from)
            return [REPLY_FROM_NOT_USER]
        recipients = sorted({address_key(a) or _text(a) for a in envelope.rcpt_tos})
        item = Received(
            raw=raw,
            message_id=message_id(headers),
            recipient=recipients[0],
            listener=self.listener,
            mail_from=_mail_from(envelope),
            recipients=tuple(recipients),
            peer=_peer(session),
        )
        return await self.store([item])


class InboxHandler(_Handler):
    """Copies of users' (and team) inboxes from the MTA: one stored copy and reply a recipient."""

    listener = "lmtp"

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str,
        rcpt_options: list[str],
    ) -> str:
        key = address_key(address)
        if key is None or not (key in self.config.addresses.team or self.is_user(key)):
            return REPLY_NOT_OURS
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return REPLY_RECIPIENT_OK

    def reply_count(self, envelope: Envelope) -> int:
        return max(1, len(envelope.rcpt_tos))

    async def accept(self, session: Session, envelope: Envelope) -> list[str]:
        raw = _content(envelope)
        headers = read_headers(raw)
        recipients = tuple(address_key(a) or _text(a) for a in envelope.rcpt_tos)
        common: dict[str, Any] = {
            "raw": raw,
            "message_id": message_id(headers),
            "listener": self.listener,
            "mail_from": _mail_from(envelope),
            "recipients": recipients,
            "peer": _peer(session),
        }
        return await self.store([Received(recipient=r, **common) for r in recipients])


def protocol_factory(
    handler: _Handler, listener: ListenerConfig, hostname: str
) -> Callable[[], SMTP]:
    """What `loop.create_server` needs: a fresh aiosmtpd protocol per connection."""
    cls: type[SMTP] = LMTPProtocol if isinstance(handler, InboxHandler) else SMTPProtocol

    def make() -> SMTP:
        # SMTPUTF8 on: an MTA holding a message that needs it would bounce it, not downgrade it.
        return cls(
            handler,
            data_size_limit=listener.max_message_size,
            enable_SMTPUTF8=True,
            decode_data=False,
            hostname=hostname,
            loop=asyncio.get_running_loop(),
        )

    return make


def read_headers(raw: bytes) -> Message:
    """Only the header block: DATA is no place to parse bodies."""
    return _header_parser.parsebytes(raw)


def message_id(headers: Message) -> str | None:
    """The Message-ID as written (unfolded), read raw so no header parser can trip over it."""
    for name, value in headers.raw_items():
        if name.lower() == "message-id":
            return " ".join(_text(value).split()) or None
    return None


def from_addresses(headers: Message) -> list[str]:
    """Addresses in the From header(s); [] when there is none or it cannot be read."""
    try:
        values = headers.get_all("From", [])
    except Exception:  # noqa: BLE001
        # On malformed input the stdlib's header parser raises IndexError, AttributeError,
        # TypeError, UnboundLocalError...: all mean "this From cannot be read".
        log.debug("unreadable From header", exc_info=True)
        return []
    found = []
    for value in values:
        if isinstance(value, AddressHeader):
            found += [_text(a.addr_spec) for a in value.addresses if a.username and a.domain]
    return found


def address_key(address: str) -> str | None:
    """An envelope address as users and config addresses are stored, or None if it is none."""
    try:
        return normalise_address(_text(address))
    except InvalidValue:
        return None


def _content(envelope: Envelope) -> bytes:
    return envelope.original_content or b""  # aiosmtpd sets it before calling handle_DATA


def _mail_from(envelope: Envelope) -> str | None:
    sender = envelope.mail_from
    return None if sender in (None, "", "<>") else _text(sender)


def _peer(session: Session) -> str | None:
    peer = session.peer
    if isinstance(peer, tuple) and len(peer) >= 2:
        return f"{peer[0]}:{peer[1]}"
    return None if peer is None else str(peer)


def _text(value: str) -> str:
    """A string SQLite can store: bytes the parsers escaped as surrogates, decoded as UTF-8."""
    try:
        data = value.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        data = value.encode("utf-8", "surrogatepass")
    return data.decode("utf-8", "replace")
