"""One trust verdict per message (recorded results, DKIM, then ARC), inline or on a background loop."""

from __future__ import annotations

import asyncio
import functools
import math
import threading
from collections.abc import Collection
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType

import dkim

from mailhook.config import DkimConfig
from mailhook.trust.arc import arc_verdict, arc_verdict_async
from mailhook.trust.dkim import (
    FROM_ONLY,
    PASS,
    TEMPERROR,
    AiodnsResolver,
    DnsFunc,
    DnsUnavailable,
    Resolver,
    authentication_results_verdict,
    dkim_verdict,
    dkim_verdict_async,
    threaded,
)

# How long a key lookup's answer (a record, or none) is reused. DKIM keys rarely change and a sender
# rotating one publishes the new key under a new selector, so five minutes costs nothing in
# accuracy and saves a query per message from a busy sender.
ANSWER_TTL_SECONDS = 300.0
MAX_CACHED_NAMES = 10_000  # a flood of distinct key names must not grow the cache without bound


def verdict(
    raw: bytes, from_domain: str | None, dkim: DkimConfig, *, dnsfunc: DnsFunc | None = None,
    must_sign: Collection[str] = FROM_ONLY,
) -> str | None:
    """None when the policy is off; else our MTA's recorded verdict or our own DKIM check, lifted
    to `pass` by an ARC chain that a trusted sealer vouches for."""
    if dkim.policy == "off":
        return None
    own = _recorded(raw, from_domain, dkim, must_sign)
    if own is None:
        own = dkim_verdict(raw, from_domain, timeout=dkim.dns_timeout, dnsfunc=dnsfunc,
                           must_sign=must_sign)
    if own == PASS or not _arc_counts(dkim, must_sign):
        return own
    sealers = dkim.trusted_arc_sealers
    return _with_arc(own, arc_verdict(raw, from_domain, sealers, timeout=dkim.dns_timeout, dnsfunc=dnsfunc))


async def verdict_async(
    raw: bytes, from_domain: str | None, dkim: DkimConfig, *, resolver: Resolver | None = None,
    must_sign: Collection[str] = FROM_ONLY,
) -> str | None:
    """`verdict` on an event loop; without `resolver`, real DNS through aiodns."""
    if dkim.policy == "off":
        return None
    if resolver is None:
        async with AiodnsResolver(dkim.nameservers) as dns:
            return await verdict_async(raw, from_domain, dkim, resolver=dns, must_sign=must_sign)
    own = _recorded(raw, from_domain, dkim, must_sign)
    if own is None:
        own = await dkim_verdict_async(
            raw, from_domain, timeout=dkim.dns_timeout, resolver=resolver, must_sign=must_sign)
    if own == PASS or not _arc_counts(dkim, must_sign):
        return own
    forwarded = await arc_verdict_async(
        raw, from_domain, dkim.trusted_arc_sealers, timeout=dkim.dns_timeout, resolver=resolver
    )
    return _with_arc(own, forwarded)


def _recorded(
    raw: bytes, from_domain: str | None, dkim: DkimConfig, must_sign: Collection[str]
) -> str | None:
    trusted = dkim.trusted_authserv_ids
    if not trusted or tuple(must_sign) != FROM_ONLY:
        return None  # a recorded pass says nothing of which fields the signature covered
    return authentication_results_verdict(raw, from_domain, trusted)


def _arc_counts(dkim: DkimConfig, must_sign: Collection[str]) -> bool:
    """ARC may lift the verdict: with trusted sealers, and only where the From alone must be signed
    (a sealer's record of a pass says nothing of the To and Cc a user's mail is logged on)."""
    return bool(dkim.trusted_arc_sealers) and tuple(must_sign) == FROM_ONLY


def _with_arc(own: str, forwarded: str | None) -> str:
    """ARC only lifts a verdict: to `pass`, or to `temperror` when a trusted chain went unchecked."""
    return own if forwarded is None else forwarded


class KeyCache:
    """Key lookups shared by every check on one event loop: one query per key name at a time, its
    answer reused for `answer_ttl` seconds and a DNS failure (no answer within `timeout`, a server
    error) for `failure_ttl`. Anything else a resolver raises is not remembered: the next lookup
    asks again. Written here because the caches on PyPI neither share a lookup in flight nor tell
    an answer from a failure."""

    def __init__(self, resolver: Resolver, timeout: float, answer_ttl: float, failure_ttl: float) -> None:
        self._resolver, self._timeout = resolver, timeout
        self._answer_ttl, self._failure_ttl = answer_ttl, failure_ttl
        self._entries: dict[bytes, tuple[asyncio.Task[bytes | None], float]] = {}  # name -> (lookup, expiry)

    def lookup(self, name: bytes) -> asyncio.Task[bytes | None]:
        """The lookup of `name` in flight or remembered, or a new one (call on the loop)."""
        key, now = name.lower(), asyncio.get_running_loop().time()
        entry = self._entries.get(key)
        if entry is not None and entry[1] > now:
            return entry[0]
        task = asyncio.ensure_future(self._ask(name))
        self._entries[key] = (task, math.inf)  # in flight: shared until it settles
        task.add_done_callback(functools.partial(self._settled, key))
        self._prune(now)
        return task

    async def _ask(self, name: bytes) -> bytes | None:
        try:
            return await asyncio.wait_for(self._resolver(name, self._timeout), self._timeout)
        except (TimeoutError, dkim.DnsTimeoutError) as exc:
            raise DnsUnavailable(f"no answer for {name!r} within {self._timeout:g} s") from exc

    def _settled(self, key: bytes, task: asyncio.Task[bytes | None]) -> None:
        if self._entries.get(key, (None,))[0] is not task:
            return
        error = None if task.cancelled() else task.exception()  # retrieved: never "unretrieved"
        if task.cancelled() or not isinstance(error, DnsUnavailable | None):
            del self._entries[key]
            return
        ttl = self._failure_ttl if error is not None else self._answer_ttl
        self._entries[key] = (task, asyncio.get_running_loop().time() + ttl)

    def _prune(self, now: float) -> None:
        """Past MAX_CACHED_NAMES, forget expired names, then the oldest settled ones."""
        if len(self._entries) <= MAX_CACHED_NAMES:
            return
        for key, (task, expiry) in list(self._entries.items()):
            if task.done() and (expiry <= now or len(self._entries) > MAX_CACHED_NAMES):
                del self._entries[key]


class _OncePerMessage:
    """The Resolver one message's check uses: each key name it names is looked up once, however
    many of its signatures (or ARC seals) name it, and however soon the cache forgets it."""

    def __init__(self, keys: KeyCache) -> None:
        self._keys = keys
        self._asked: dict[bytes, asyncio.Task[bytes | None]] = {}

    async def __call__(self, name: bytes, timeout: float) -> bytes | None:
        key = name.lower()
        if key not in self._asked:
            self._asked[key] = self._keys.lookup(name)
        # Shielded: a check cut off by its own deadline leaves the shared lookup to the others.
        return await asyncio.shield(self._asked[key])


class Verifier:
    """Verdicts on an event loop in a daemon thread, so a synchronous worker can wait on key lookups
    while it parses. At most `max_in_flight` run at once, each within `deadline` seconds (default
    3 x dns_timeout, counted once it runs) or `temperror`. Key lookups go through a KeyCache:
    answers are reused for `answer_ttl` seconds, DNS failures for `failure_ttl` (the worker passes
    its retry delay, so a re-check asks again). Pass `dnsfunc` (a synchronous lookup, run in
    threads) or `resolver` (async) to answer key lookups yourself; with neither, real DNS through
    aiodns."""

    def __init__(
        self,
        dkim: DkimConfig,
        *,
        dnsfunc: DnsFunc | None = None,
        resolver: Resolver | None = None,
        max_in_flight: int = 16,
        deadline: float | None = None,
        answer_ttl: float = ANSWER_TTL_SECONDS,
        failure_ttl: float = 5.0,
    ) -> None:
        if dnsfunc is not None and resolver is not None:
            raise ValueError("pass dnsfunc or resolver, not both")
        self.dkim = dkim
        self.deadline = 3 * dkim.dns_timeout if deadline is None else deadline
        self.max_in_flight = max_in_flight
        self._unfinished = 0  # submitted, not yet done (running or waiting for a slot)
        self._count_lock = threading.Lock()
        # Our own pool rather than the loop's default, so close() need not wait for a hung lookup.
        self._executor = ThreadPoolExecutor(max_in_flight, "mailhook-dns") if dnsfunc else None
        self._own_dns: AiodnsResolver | None = None
        if resolver is None and dnsfunc is not None:
            resolver = threaded(dnsfunc, self._executor)
        elif resolver is None:
            resolver = self._own_dns = AiodnsResolver(self.dkim.nameservers)
        self._keys = KeyCache(resolver, dkim.dns_timeout, answer_ttl, failure_ttl)
        self._slots = asyncio.Semaphore(max_in_flight)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="mailhook-verifier", daemon=True)
        self._thread.start()
        self._closed = False

    @property
    def free_slots(self) -> int:
        """How many more submissions would start at once instead of waiting for a slot."""
        with self._count_lock:
            return max(0, self.max_in_flight - self._unfinished)

    def submit(
        self, raw: bytes, from_domain: str | None, must_sign: Collection[str] = FROM_ONLY
    ) -> Future[str | None]:
        """Start verifying now; the future holds the verdict, or the exception a lookup raised."""
        if self._closed:
            raise RuntimeError("the verifier is closed")
        with self._count_lock:
            self._unfinished += 1
        future = asyncio.run_coroutine_threadsafe(self._verdict(raw, from_domain, must_sign), self._loop)
        future.add_done_callback(self._finished)
        return future

    def _finished(self, future: Future[str | None]) -> None:
        with self._count_lock:
            self._unfinished -= 1

    async def _verdict(self, raw: bytes, from_domain: str | None, must_sign: Collection[str]) -> str | None:
        async with self._slots:  # the deadline starts once a slot is free, not while queued
            try:
                return await asyncio.wait_for(
                    verdict_async(raw, from_domain, self.dkim, resolver=_OncePerMessage(self._keys),
                                  must_sign=must_sign),
                    self.deadline,
                )
            except TimeoutError:
                return TEMPERROR

    def close(self) -> None:
        """Cancel verifications still in flight, close DNS, and stop the loop and its thread."""
        if self._closed:
            return
        self._closed = True
        asyncio.run_coroutine_threadsafe(self._cancel_all(), self._loop).result()
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._loop.close()
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)

    async def _cancel_all(self) -> None:
        pending = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        if self._own_dns is not None:
            await self._own_dns.close()

    def __enter__(self) -> Verifier:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
