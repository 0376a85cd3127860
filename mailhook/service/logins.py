"""SMTP AUTH checks: scrypt off the event loop, the same work for every login, failure limits."""

from __future__ import annotations

import asyncio
import binascii
import collections
import functools
import logging
import secrets
import time
import weakref
from base64 import b64decode
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from aiosmtpd.smtp import SMTP

from mailhook.config import ListenerConfig
from mailhook.service.passwords import hash_password, verify_password

log = logging.getLogger(__name__)

REPLY_LOGIN_FAILED = "535 5.7.8 Authentication credentials invalid"
REPLY_TOO_MANY_FAILURES = "421 4.7.0 Too many failed logins; closing connection"
REPLY_LOCKED_OUT = "454 4.7.0 Too many failed logins from your address; try again later"
REPLY_CANNOT_DECODE = "501 5.5.2 Can't decode base64"
REPLY_CANNOT_SPLIT = "501 5.5.2 Can't split auth value"

# Checks at once. Each takes a core and 16 MB for tens of milliseconds; two leave the other cores
# to the listeners and the worker. Checks waiting for a thread are bounded too: one a connection.
CHECK_THREADS = 2
_MANY_CLIENTS = 10_000  # client addresses remembered before forgetting those without recent failures

Verify = Callable[[str, str], bool]


@dataclass(frozen=True)
class Outcome:
    """A login's result: the user on success, else the reply and whether to close after it."""

    user: str | None = None
    reply: str = REPLY_LOGIN_FAILED
    close: bool = False


class Logins:
    """Password checks for one listener, with its limits on failures per connection and client.

    `verify` and `clock` are injection seams for tests; `lookup` gives a login's stored hash.
    """

    def __init__(
        self,
        limits: ListenerConfig,
        lookup: Callable[[str], str | None],
        *,
        verify: Verify = verify_password,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limits = limits
        self._lookup = lookup
        self._verify = verify
        self._clock = clock
        self._pool = ThreadPoolExecutor(CHECK_THREADS, thread_name_prefix="mailhook-login")
        self._failures: dict[str, collections.deque[float]] = {}
        self._pending: collections.Counter[str] = collections.Counter()
        self._per_connection: weakref.WeakKeyDictionary[object, int] = weakref.WeakKeyDictionary()

    @functools.cached_property
    def dummy_hash(self) -> str:
        """Checked for logins without a hash of their own (no such user, no password set), so the
        time taken does not tell whether an account exists. No password matches it."""
        return hash_password(secrets.token_urlsafe(32))

    def refusal(self, client: str) -> str | None:
        """454 while `client` is locked out. Checks in flight count as failures to come, so
        parallel connections cannot overshoot the limit."""
        failures = len(self._recent(client)) + self._pending[client]
        return REPLY_LOCKED_OUT if failures >= self.limits.auth_failures_per_client else None

    async def check(self, connection: object, client: str, login: str | None, password: str) -> Outcome:
        """Verify in a pool thread, against the dummy hash when `login` has none; pause after a
        failure (awaited: other sessions go on meanwhile)."""
        if refusal := self.refusal(client):
            log.warning("smtp: login for %r from %s refused unchecked: locked out", login, client)
            return Outcome(reply=refusal)
        stored = self._lookup(login) if login else None  # an indexed read on the loop
        self._pending[client] += 1
        try:
            loop = asyncio.get_running_loop()
            matched = await loop.run_in_executor(self._pool, self._check, password, stored)
        except asyncio.CancelledError:
            self._record(connection, client, login)  # a client gone mid-check gets no free guess
            raise
        finally:
            self._pending[client] -= 1
            if not self._pending[client]:
                del self._pending[client]
        if matched and stored is not None:
            return Outcome(user=login)
        return await self._failed(connection, client, login)

    def _check(self, password: str, stored: str | None) -> bool:
        """In a pool thread: scrypt releases the GIL, so the loop runs on meanwhile."""
        return self._verify(password, stored if stored is not None else self.dummy_hash)

    async def _failed(self, connection: object, client: str, login: str | None) -> Outcome:
        failures = self._record(connection, client, login)
        await asyncio.sleep(self.limits.auth_failure_delay)
        if failures >= self.limits.auth_failures_per_connection:
            return Outcome(reply=REPLY_TOO_MANY_FAILURES, close=True)
        return Outcome()

    def _record(self, connection: object, client: str, login: str | None) -> int:
        """Count a failure (a success never clears them: one known password would reset the
        count for guessing everyone else's); the connection's failures so far."""
        now = self._clock()
        recent = self._recent(client)
        if client not in self._failures and len(self._failures) >= _MANY_CLIENTS:
            self._forget_stale(now)  # bounded memory under many client addresses
        recent.append(now)
        self._failures[client] = recent
        failures = self._per_connection.get(connection, 0) + 1
        self._per_connection[connection] = failures
        log.warning("smtp: failed login for %r from %s (%d on this connection, %d from this address)",
                    login, client, failures, len(recent))
        return failures

    def _recent(self, client: str) -> collections.deque[float]:
        """The client's failures within the window (only the last few are needed to decide)."""
        now = self._clock()
        recent = self._failures.get(client)
        if recent is None:
            return collections.deque(maxlen=self.limits.auth_failures_per_client)
        while recent and now - recent[0] > self.limits.auth_failure_window:
            recent.popleft()
        return recent

    def _forget_stale(self, now: float) -> None:
        window = self.limits.auth_failure_window
        self._failures = {c: d for c, d in self._failures.items() if d and now - d[-1] <= window}


async def read_plain(server: SMTP, args: list[str]) -> tuple[bytes, bytes] | None:
    """AUTH PLAIN's login and password (RFC 4616; the authorisation identity is ignored), or None
    when the client aborted or sent garbage (already answered)."""
    blob = await _response(server, args, "")
    if blob is None:
        return None
    parts = blob.split(b"\x00")
    if len(parts) != 3:
        await server.push(REPLY_CANNOT_SPLIT)
        return None
    return parts[1], parts[2]


async def read_login(server: SMTP, args: list[str]) -> tuple[bytes, bytes] | None:
    """AUTH LOGIN's login and password, asked for in turn, or None (already answered)."""
    login = await _response(server, args, server.AuthLoginUsernameChallenge)
    if login is None:
        return None
    password = await _response(server, [], server.AuthLoginPasswordChallenge)
    return None if password is None else (login, password)


async def _response(server: SMTP, args: list[str], challenge: str) -> bytes | None:
    """The initial response given with AUTH, else the answer to `challenge`."""
    if len(args) < 2:
        answer = await server.challenge_auth(challenge)  # MISSING: it has answered 501 itself
        return answer if isinstance(answer, bytes) else None
    try:
        return b64decode(args[1], validate=True)
    except binascii.Error:
        await server.push(REPLY_CANNOT_DECODE)
        return None
