"""aiosmtpd glue: who may send and receive on each listener, DATA into the intake, the replies."""

from __future__ import annotations

import asyncio
import collections
import ipaddress
import logging
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, ClassVar

from aiosmtpd.smtp import MISSING, SMTP, AuthResult, Envelope, Session

from mailhook.clients import client_of
from mailhook.config import Config, ListenerConfig
from mailhook.errors import IntakeClosed, IntakeUnavailable, InvalidValue
from mailhook.mailbox import canonical_address
from mailhook.service.intake import Intake
from mailhook.service.logins import Logins, Verify, read_login, read_plain
from mailhook.service.passwords import verify_password
from mailhook.store import Received, Store
from mailhook.store.locks import is_locked
from mailhook.trust.authorship import Authorship, author_in_block, read_header_block
from mailhook.worker.metrics import Metrics

log = logging.getLogger(__name__)

REPLY_SENDER_OK = "250 2.1.0 Sender OK"
REPLY_RECIPIENT_OK = "250 2.1.5 Recipient OK"
REPLY_STORED = "250 2.0.0 Message stored"
REPLY_NOT_OURS = "550 5.1.1 No such mailbox here; this is not a relay"
REPLY_SENDER_NOT_USER = "550 5.7.1 Sender is not a mailhook user"
REPLY_NOT_LOGGED_IN_USER = "550 5.7.1 You may send only as the user you logged in as"
REPLY_FROM_NOT_USER = "550 5.7.1 The From address of this message is not a mailhook user"
REPLY_FROM_IN_DOUBT = "550 5.7.1 The From field must name exactly one address, unambiguously"
REPLY_DEFER = "451 4.3.0 Message not stored; try again later"
REPLY_TOO_BIG = "552 5.3.4 Message too big for this system"
REPLY_TOO_MANY_RECIPIENTS = "452 4.5.3 Too many recipients"
REPLY_TOO_MANY_CONNECTIONS = "421 4.7.0 Too many connections; try again later"
REPLY_TOO_MANY_FROM_CLIENT = "421 4.7.0 Too many connections from your address; try again later"
REPLY_RATE_LIMITED = "451 4.7.1 Too many messages from your address; try again later"
REPLY_BACKLOG_FULL = "451 4.3.2 Too much mail waiting to be processed; try again later"
REPLY_NETWORK_REFUSED = "554 5.7.1 Your network may not use this service"

# How long a backlog count stays fresh: counting on every MAIL FROM would cost a query each time.
BACKLOG_CHECK_SECONDS = 1.0
RATE_WINDOW_SECONDS = 60.0




class Handler:
    """What both listeners share: user look-ups, storing through the intake, the 4xx boundary."""

    listener: ClassVar[str]

    def __init__(
        self, config: Config, directory: Store, intake: Intake, metrics: Metrics | None = None
    ) -> None:
        self.config = config
        self.metrics = metrics
        self.limits: ListenerConfig = getattr(config, self.listener)
        self.networks = tuple(ipaddress.ip_network(n, strict=False) for n in self.limits.allowed_networks)
        self.directory = directory  # a read connection used on the loop: indexed reads only
        self.intake = intake
        self.connections = 0
        self.clients: collections.Counter[str] = collections.Counter()  # connections a client key
        self._recent: dict[str, collections.deque[float]] = {}
        self._backlog = (0, -BACKLOG_CHECK_SECONDS)  # (count, when counted)
        self._in_flight = 0
        self._idle = asyncio.Event()
        self._idle.set()

    def opened(self, client: str) -> None:
        self.connections += 1
        self.clients[client] += 1

    def closed(self, client: str) -> None:
        self.connections -= 1
        self.clients[client] -= 1
        if not self.clients[client]:
            del self.clients[client]

    def refuse_connection(self, peer: Any) -> str | None:
        """The reply that refuses a new connection (counted already), or None to greet it."""
        if self.networks and not _in_networks(peer, self.networks):
            return REPLY_NETWORK_REFUSED
        if self.connections > self.limits.max_connections:
            return REPLY_TOO_MANY_CONNECTIONS
        # Else a few clients idling with NOOPs could hold every slot.
        if self.clients[client_key(peer)] > self.limits.max_connections_per_client:
            return REPLY_TOO_MANY_FROM_CLIENT
        return None

    def refuse_transaction(self, peer: Any) -> str | None:
        """At MAIL FROM: defer when the backlog is full or this client sends too fast."""
        now = time.monotonic()
        count, counted_at = self._backlog
        # Recount when stale, and always while refusing, so relief is seen at once.
        if now - counted_at >= BACKLOG_CHECK_SECONDS or count >= self.config.intake.max_backlog:
            count = self.directory.backlog()
            self._backlog = (count, now)
        if count >= self.config.intake.max_backlog:
            return REPLY_BACKLOG_FULL
        limit = self.limits.max_messages_per_minute
        if limit and not self._within_rate(_host(peer), now, limit):
            return REPLY_RATE_LIMITED
        return None

    def _within_rate(self, host: str, now: float, limit: int) -> bool:
        recent = self._recent.setdefault(host, collections.deque())
        while recent and now - recent[0] > RATE_WINDOW_SECONDS:
            recent.popleft()
        if len(recent) >= limit:
            return False
        recent.append(now)
        if len(self._recent) > 10_000:  # bounded memory under many client addresses
            self._recent = {h: d for h, d in self._recent.items() if d and now - d[-1] <= RATE_WINDOW_SECONDS}
        return True

    def refuse_recipient(self, envelope: Envelope) -> str | None:
        if len(envelope.rcpt_tos) >= self.limits.max_recipients:
            return REPLY_TOO_MANY_RECIPIENTS
        return None

    async def handle_MAIL(
        self, server: SMTP, session: Session, envelope: Envelope, address: str,
        mail_options: list[str],
    ) -> str:
        refusal = self.refuse_transaction(session.peer) or self.refuse_sender(address, session)
        if refusal is not None:
            log.info("%s: refused sender %r from %s: %s", self.listener, address, session.peer, refusal)
            return refusal
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return REPLY_SENDER_OK

    def refuse_sender(self, address: str, session: Session) -> str | None:
        return None

    def is_user(self, address: str) -> bool:
        """Asked on every command, never cached, so settings changes apply at once."""
        return self.directory.is_user(_text(address))

    async def wait_idle(self) -> None:
        """Until no DATA is waiting for the intake (for a graceful stop)."""
        await self._idle.wait()

    async def handle_exception(self, error: Exception) -> str:
        # aiosmtpd's default would answer 500, a bounce for what is our own (perhaps passing) fault.
        log.error("%s session error: %r", self.listener, error, exc_info=error)
        return REPLY_DEFER

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        started = time.perf_counter()
        with self._tracked():
            try:
                replies = await self.accept(session, envelope)
            except (IntakeUnavailable, IntakeClosed) as exc:  # expected: the client retries
                log.warning("%s: message from %s deferred: %s", self.listener, session.peer, exc)
                replies = [REPLY_DEFER] * self.reply_count(envelope)
            except Exception as exc:  # noqa: BLE001 - the SMTP reply boundary: defer, never bounce
                if is_locked(exc):  # the database busy past busy_timeout: expected, no traceback
                    log.warning("%s: message from %s deferred: %s", self.listener, session.peer, exc)
                else:
                    log.exception("%s: message from %s not stored", self.listener, session.peer)
                replies = [REPLY_DEFER] * self.reply_count(envelope)
        if self.metrics is not None:
            self.metrics.reply_seconds.labels(self.listener).observe(time.perf_counter() - started)
            for reply in replies:
                self.metrics.replies.labels(self.listener, reply[:3]).inc()
        return "\r\n".join(replies)

    async def accept(self, session: Session, envelope: Envelope) -> list[str]:
        raise NotImplementedError

    def reply_count(self, envelope: Envelope) -> int:
        return 1

    async def store(self, items: Sequence[Received]) -> list[str]:
        """Store durably, then answer 250 for each item (a retry already stored is a success)."""
        results = await self.intake.store(items)
        if self.metrics is not None:
            self.metrics.received.labels(self.listener).inc(sum(results))
            self.metrics.duplicates.labels(self.listener).inc(len(results) - sum(results))
        # The Message-ID and size, not dedupe_key: its SHA-256 of the whole copy was the writer
        # process's work, and would be done again here, on the event loop, for every recipient.
        for item, new in zip(items, results, strict=True):
            log.info("%s: %s (%d bytes) for %s %s", self.listener, item.message_id or "no Message-ID",
                     len(item.raw), item.recipient, "stored" if new else "already stored")
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


class ForwardingHandler(Handler):
    """The forwarding/BCC address: only users may send, only to it, one stored copy a message."""

    listener = "smtp"

    def __init__(
        self, config: Config, directory: Store, intake: Intake, metrics: Metrics | None = None,
        *, verify: Verify = verify_password,
    ) -> None:
        super().__init__(config, directory, intake, metrics)
        self.logins = Logins(self.limits, directory.password_hash, verify=verify)

    def refuse_sender(self, address: str, session: Session) -> str | None:
        if not self.is_user(address):
            return REPLY_SENDER_NOT_USER
        if self.limits.require_auth and session.auth_data != address_key(address):
            return REPLY_NOT_LOGGED_IN_USER  # a user may log mail only as themselves
        return None

    # AUTH. aiosmtpd (1.4) calls its `authenticator` synchronously, on the loop both listeners
    # share, where each scrypt check would stall every session. A handler's `auth_<MECHANISM>`
    # coroutine replaces aiosmtpd's own mechanism and may await, so the check runs in a thread;
    # the price is decoding PLAIN and LOGIN ourselves (in logins). smtp_AUTH still does the rest:
    # the 235/535 replies and the session's authenticated state.
    async def handle_AUTH(self, server: SMTP, session: Session, envelope: Envelope, args: list[str]) -> Any:
        """Before any credentials are read: a locked-out client address gets 454, unchecked."""
        return self.logins.refusal(client_key(session.peer)) or MISSING

    async def auth_PLAIN(self, server: SMTP, args: list[str]) -> AuthResult:
        return await self._log_in(server, await read_plain(server, args))

    async def auth_LOGIN(self, server: SMTP, args: list[str]) -> AuthResult:
        return await self._log_in(server, await read_login(server, args))

    async def _log_in(self, server: SMTP, credentials: tuple[bytes, bytes] | None) -> AuthResult:
        if credentials is None or server.session is None:
            return AuthResult(success=False, handled=True)  # answered already
        login, password = (c.decode("utf-8", "replace") for c in credentials)
        outcome = await self.logins.check(server, client_key(server.session.peer), address_key(login),
                                          password)
        if outcome.user is not None:
            return AuthResult(success=True, auth_data=outcome.user)
        if not outcome.close:
            return AuthResult(success=False, handled=False, message=outcome.reply)
        await server.push(outcome.reply)
        if server.transport is not None:
            server.transport.close()
        return AuthResult(success=False, handled=True)

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str,
        rcpt_options: list[str],
    ) -> str:
        if address_key(address) not in self.config.addresses.forwarding:
            return REPLY_NOT_OURS
        if refusal := self.refuse_recipient(envelope):
            return refusal
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return REPLY_RECIPIENT_OK

    async def accept(self, session: Session, envelope: Envelope) -> list[str]:
        raw = _content(envelope)
        block = read_header_block(raw)
        if refusal := self.refuse_author(author_in_block(block), session):
            log.info("smtp: refused From of a message from %s (sender %s): %s",
                     session.peer, envelope.mail_from, refusal)
            return [refusal]
        recipients = sorted({address_key(a) or _text(a) for a in envelope.rcpt_tos})
        item = Received(
            raw=raw,
            message_id=block.message_id(),
            recipient=recipients[0],
            listener=self.listener,
            mail_from=_mail_from(envelope),
            recipients=tuple(recipients),
            peer=_peer(session),
            login=session.auth_data if session.authenticated else None,
        )
        return await self.store([item])

    def refuse_author(self, authorship: Authorship, session: Session) -> str | None:
        """The From field must name exactly one user, read as every later reader reads it (the
        worker's routing and DKIM alignment use the same authorship), and with require_auth
        the user who logged in."""
        author = authorship.believed
        if author is None or author.email is None:
            return REPLY_FROM_IN_DOUBT
        if not self.is_user(author.email):
            return REPLY_FROM_NOT_USER
        if self.limits.require_auth and session.auth_data != author.email:
            return REPLY_NOT_LOGGED_IN_USER
        return None


class InboxHandler(Handler):
    """Copies of users' (and team) inboxes from the MTA: one stored copy and reply a recipient."""

    listener = "lmtp"

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str,
        rcpt_options: list[str],
    ) -> str:
        key = address_key(address)
        if key is None or not (key in self.config.addresses.team or self.is_user(key)):
            return REPLY_NOT_OURS
        if refusal := self.refuse_recipient(envelope):
            return refusal
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return REPLY_RECIPIENT_OK

    def reply_count(self, envelope: Envelope) -> int:
        return max(1, len(envelope.rcpt_tos))

    async def accept(self, session: Session, envelope: Envelope) -> list[str]:
        raw = _content(envelope)
        recipients = tuple(address_key(a) or _text(a) for a in envelope.rcpt_tos)
        common: dict[str, Any] = {
            "raw": raw,
            "message_id": read_header_block(raw).message_id(),
            "listener": self.listener,
            "mail_from": _mail_from(envelope),
            "recipients": recipients,
            "peer": _peer(session),
        }
        return await self.store([Received(recipient=r, **common) for r in recipients])


def address_key(address: str) -> str | None:
    """An envelope address as users and config addresses are stored, or None if it is none."""
    try:
        return canonical_address(_text(address))
    except InvalidValue:
        return None


def _content(envelope: Envelope) -> bytes:
    return envelope.original_content or b""  # aiosmtpd sets it before calling handle_DATA


def _mail_from(envelope: Envelope) -> str | None:
    sender = envelope.mail_from
    return None if sender in (None, "", "<>") else _text(sender)


def _host(peer: Any) -> str:
    return str(peer[0]) if isinstance(peer, tuple) and peer else str(peer)


def client_key(peer: Any) -> str:
    """Whom per-client limits count: the address, or an IPv6 address's /64 (one host's, as a rule,
    so an attacker cannot count afresh from each of its addresses)."""
    return client_of(_host(peer))


def _in_networks(peer: Any, networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]) -> bool:
    try:
        address = ipaddress.ip_address(_host(peer).split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return any(address in network for network in networks)


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
