"""aiosmtpd's protocols as the listeners use them: refusals before the greeting, enhanced status
codes on aiosmtpd's own replies, one end-of-DATA reply per LMTP recipient, and the factory."""

from __future__ import annotations

import asyncio
import logging
import re
import ssl
from collections.abc import Callable
from typing import Any

from aiosmtpd.lmtp import LMTP
from aiosmtpd.smtp import SMTP, Session

from mailhook.config import ListenerConfig
from mailhook.service.listeners import (
    REPLY_TOO_BIG,
    ForwardingHandler,
    Handler,
    InboxHandler,
    client_key,
)

log = logging.getLogger(__name__)

# aiosmtpd's own replies (as of 1.4.6) that we give enhanced status codes.
AIOSMTPD_TOO_MUCH_DATA = "552 Error: Too much mail data"
AIOSMTPD_SIZE_EXCEEDED = "552 Error: message size exceeds fixed maximum message size"
AIOSMTPD_LINE_TOO_LONG = "500 Line too long (see RFC5321 4.5.3.1.6)"
_ENHANCED = {AIOSMTPD_TOO_MUCH_DATA: REPLY_TOO_BIG, AIOSMTPD_SIZE_EXCEEDED: REPLY_TOO_BIG}
# Replies aiosmtpd sends at the end of DATA itself; LMTP owes one per recipient (RFC 2033).
_END_OF_DATA = frozenset({AIOSMTPD_TOO_MUCH_DATA, AIOSMTPD_LINE_TOO_LONG})
# The envelope address nearly every MTA sends: <dot-atom@dot-atom>, then parameters or nothing.
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_PLAIN_ADDRESS = re.compile(rf"<({_ATOM}(?:\.{_ATOM})*@{_ATOM}(?:\.{_ATOM})*)>(?:[ \t]+|$)")
_PLAIN_REST = re.compile(r"[^()\"\\\r\n]*")


class _Gate:
    """Refuses a connection before the greeting: the wrong network, or too many at once."""

    event_handler: Handler
    session: Session | None
    transport: asyncio.BaseTransport | None
    _client: str | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)  # type: ignore[misc]
        # aiosmtpd calls this again after STARTTLS, for the same connection: count it once.
        if self._client is None:
            self._client = client_key(transport.get_extra_info("peername"))
            self.event_handler.opened(self._client)

    def connection_lost(self, error: Exception | None) -> None:
        if self._client is not None:
            self.event_handler.closed(self._client)
        super().connection_lost(error)  # type: ignore[misc]

    def _getaddr(self, arg: str) -> tuple[str | None, str | None]:
        """MAIL FROM / RCPT TO address and the rest, as aiosmtpd reads them. aiosmtpd 1.4 builds
        email's header parse tree (and a typing Protocol class) for every address: about 40 us,
        twice per message, a seventh of what a message costs the listener. A plain address is
        read here, to the same result (tests/service/test_addresses.py compares them); anything
        else (quotes, comments, source routes, literals, encoded words, odd spacing) is left to
        aiosmtpd."""
        # "=?" may start an encoded word, which email's parser decodes even in a local part.
        plain = None if "=?" in arg else _PLAIN_ADDRESS.match(arg)
        rest = arg[plain.end():] if plain else ""
        if plain is None or not _PLAIN_REST.fullmatch(rest):
            return super()._getaddr(arg)  # type: ignore[misc]
        address = plain.group(1)
        limit = self.local_part_limit  # type: ignore[attr-defined]
        if limit and len(address.rpartition("@")[0]) > limit:
            return None, None
        return address, rest

    async def _handle_client(self) -> None:
        peer = self.session.peer if self.session else None
        refusal = self.event_handler.refuse_connection(peer)
        if refusal is None:
            await super()._handle_client()  # type: ignore[misc]
            return
        log.info("%s: refused connection from %s: %s", self.event_handler.listener, peer, refusal)
        await self.push(refusal)  # type: ignore[attr-defined]
        if self.transport is not None:
            self.transport.close()


class SMTPProtocol(_Gate, SMTP):
    """aiosmtpd's SMTP with enhanced status codes on its own size replies."""

    async def push(self, status: str | bytes) -> None:
        if isinstance(status, str):
            await super().push(_ENHANCED.get(status, status))
        else:
            await super().push(status)


class LMTPProtocol(_Gate, LMTP):
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


def protocol_factory(
    handler: Handler, listener: ListenerConfig, hostname: str
) -> Callable[[], SMTP]:
    """What `loop.create_server` needs: a fresh aiosmtpd protocol per connection."""
    cls: type[SMTP] = LMTPProtocol if isinstance(handler, InboxHandler) else SMTPProtocol

    security: dict[str, Any] = {}
    if listener.tls_cert:
        tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls.load_cert_chain(listener.tls_cert, listener.tls_key)
        security["tls_context"] = tls
    if listener.require_auth and isinstance(handler, ForwardingHandler):
        # The handler's auth_PLAIN/auth_LOGIN check the passwords.
        security |= {"require_starttls": True, "auth_required": True, "auth_require_tls": True}

    def make() -> SMTP:
        # SMTPUTF8 on: an MTA holding a message that needs it would bounce it, not downgrade it.
        return cls(
            handler,
            data_size_limit=listener.max_message_size,
            enable_SMTPUTF8=True,
            decode_data=False,
            timeout=listener.timeout,
            hostname=hostname,
            loop=asyncio.get_running_loop(),
            **security,
        )

    return make
