"""Sign-in checks: scrypt off the event loop, the same work for unknown addresses, failure limits."""

from __future__ import annotations

import asyncio
import collections
import enum
import functools
import logging
import secrets
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from mailhook.clients import client_of
from mailhook.config import WebConfig
from mailhook.mailbox import canonical_or_none

log = logging.getLogger(__name__)

# Checks at once: each takes a core and 16 MB for tens of milliseconds (as for SMTP AUTH).
CHECK_THREADS = 2
_MANY_KEYS = 10_000  # addresses and clients remembered before forgetting those without recent failures
LONGEST_ADDRESS = 254  # RFC 5321's path limit, less its angle brackets
# What is counted and checked in place of typed text that is no address (no user has it).
NOT_AN_ADDRESS = "(not an address)"
# What the log names in place of an address no user (with a password) has: people type their
# password into the first field, and the log must never hold it (OWASP's logging cheat sheet).
NO_USERS = "an address of no user"


@dataclass(frozen=True)
class Passwords:
    """The service's scrypt hashing, handed down: the web stage sits below the service and may not
    import it, and one implementation checks both SMTP AUTH and the page."""

    verify: Callable[[str, str | None], bool]
    hash: Callable[[str], str]


def typed_address(typed: str) -> str:
    """The address as the store keeps it, or NOT_AN_ADDRESS (which no user has)."""
    address = canonical_or_none(typed)
    return address if address is not None and len(address) <= LONGEST_ADDRESS else NOT_AN_ADDRESS


def network_of(host: str) -> str:
    """Whose failures count together: an IPv6 host's /64, an IPv4 address alone (mailhook.clients,
    as the listeners count SMTP AUTH failures)."""
    return client_of(host)


class Result(enum.Enum):
    SIGNED_IN = "signed in"
    WRONG = "wrong address or password"
    LOCKED_OUT = "too many failed sign-ins"


ADDRESS_EVERYWHERE = 10  # an address's failures from all clients, in login_failures_per_address


class SignIns:
    """Password checks with limits on failures per address and per client within a window.

    `clock` is an injection seam for tests; failures are never cleared by a success (one known
    password would otherwise reset the count for guessing everyone else's)."""

    def __init__(self, limits: WebConfig, passwords: Passwords,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._limits = limits
        self._passwords = passwords
        self._clock = clock
        self._pool = ThreadPoolExecutor(CHECK_THREADS, thread_name_prefix="mailhook-web-login")
        self._failures: dict[str, collections.deque[float]] = {}
        self._pending: collections.Counter[str] = collections.Counter()

    @functools.cached_property
    def dummy_hash(self) -> str:
        """Checked for addresses without a hash (no such user, no password), so the time taken
        does not tell whether an account exists. No password matches it."""
        return self._passwords.hash(secrets.token_urlsafe(32))

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

    async def check(self, address: str, client: str, stored: str | None, password: str) -> Result:
        """`stored` is the hash of `address`'s user; None where there is none (then the address
        is logged as NO_USERS)."""
        named = repr(address) if stored is not None else NO_USERS
        network, most = network_of(client), self._limits.login_failures_per_address
        # An address is locked for the client that failed on it; for every client only after
        # ADDRESS_EVERYWHERE times as many, so one attacker cannot lock a user out of the page.
        keys = {f"address {address} from {network}": most,
                f"address {address}": most * ADDRESS_EVERYWHERE,
                f"client {network}": self._limits.login_failures_per_client}
        # Checks in flight count as failures to come, so parallel requests cannot overshoot.
        if any(len(self._recent(k)) + self._pending[k] >= most for k, most in keys.items()):
            log.warning("web: sign-in for %s from %s refused unchecked: too many failed sign-ins",
                        named, client)
            return Result.LOCKED_OUT
        self._pending.update(keys)
        try:
            loop = asyncio.get_running_loop()
            matched = await loop.run_in_executor(self._pool, self._verify, password, stored)
        finally:
            self._pending.subtract(keys)
            self._pending = +self._pending  # drops the keys at zero
        if matched and stored is not None:
            return Result.SIGNED_IN
        for key in keys:
            self._record(key)
        pair, everywhere, from_client = (len(self._failures[k]) for k in keys)
        log.warning("web: failed sign-in for %s from %s (%d for this address from this client, %d "
                    "from all, %d from this client)", named, client, pair, everywhere, from_client)
        return Result.WRONG

    def _verify(self, password: str, stored: str | None) -> bool:
        """In a pool thread: scrypt releases the GIL, so the loop runs on meanwhile."""
        return self._passwords.verify(password, stored if stored is not None else self.dummy_hash)

    def _record(self, key: str) -> None:
        now = self._clock()
        recent = self._recent(key)
        if key not in self._failures and len(self._failures) >= _MANY_KEYS:
            window = self._limits.login_failure_window
            self._failures = {k: d for k, d in self._failures.items() if d and now - d[-1] <= window}
        recent.append(now)
        self._failures[key] = recent

    def _recent(self, key: str) -> collections.deque[float]:
        """The key's failures within the window (only the last few are needed to decide)."""
        now = self._clock()
        recent = self._failures.get(key)
        if recent is None:
            most = max(self._limits.login_failures_per_address, self._limits.login_failures_per_client)
            return collections.deque(maxlen=most)
        while recent and now - recent[0] > self._limits.login_failure_window:
            recent.popleft()
        return recent
