"""One trust verdict per message (recorded results, DKIM, then ARC), inline or on a background loop."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType

from .arc import arc_verdict, arc_verdict_async
from .config import DkimConfig
from .trust import (
    PASS,
    TEMPERROR,
    AiodnsResolver,
    DnsFunc,
    Resolver,
    authentication_results_verdict,
    dkim_verdict,
    dkim_verdict_async,
    threaded,
)


def verdict(
    raw: bytes, from_domain: str | None, dkim: DkimConfig, *, dnsfunc: DnsFunc | None = None
) -> str | None:
    """None when the policy is off; else our MTA's recorded verdict or our own DKIM check, lifted
    to `pass` by an ARC chain that a trusted sealer vouches for."""
    if dkim.policy == "off":
        return None
    own = _recorded(raw, from_domain, dkim)
    if own is None:
        own = dkim_verdict(raw, from_domain, timeout=dkim.dns_timeout, dnsfunc=dnsfunc)
    if own == PASS or not dkim.trusted_arc_sealers:
        return own
    sealers = dkim.trusted_arc_sealers
    return _with_arc(own, arc_verdict(raw, from_domain, sealers, timeout=dkim.dns_timeout, dnsfunc=dnsfunc))


async def verdict_async(
    raw: bytes, from_domain: str | None, dkim: DkimConfig, *, resolver: Resolver | None = None
) -> str | None:
    """`verdict` on an event loop; without `resolver`, real DNS through aiodns."""
    if dkim.policy == "off":
        return None
    if resolver is None:
        async with AiodnsResolver(dkim.nameservers) as dns:
            return await verdict_async(raw, from_domain, dkim, resolver=dns)
    own = _recorded(raw, from_domain, dkim)
    if own is None:
        own = await dkim_verdict_async(raw, from_domain, timeout=dkim.dns_timeout, resolver=resolver)
    if own == PASS or not dkim.trusted_arc_sealers:
        return own
    forwarded = await arc_verdict_async(
        raw, from_domain, dkim.trusted_arc_sealers, timeout=dkim.dns_timeout, resolver=resolver
    )
    return _with_arc(own, forwarded)


def _recorded(raw: bytes, from_domain: str | None, dkim: DkimConfig) -> str | None:
    trusted = dkim.trusted_authserv_ids
    return authentication_results_verdict(raw, from_domain, trusted) if trusted else None


def _with_arc(own: str, forwarded: str | None) -> str:
    """ARC only lifts a verdict: to `pass`, or to `temperror` when a trusted chain went unchecked."""
    return own if forwarded is None else forwarded


class Verifier:
    """Verdicts on an event loop in a daemon thread, so a synchronous worker can wait on key lookups
    while it parses. At most `max_in_flight` run at once, each within `deadline` seconds (default
    3 x dns_timeout) or `temperror`. Pass `dnsfunc` (a synchronous lookup, run in threads) or
    `resolver` (async) to answer key lookups yourself; with neither, real DNS through aiodns."""

    def __init__(
        self,
        dkim: DkimConfig,
        *,
        dnsfunc: DnsFunc | None = None,
        resolver: Resolver | None = None,
        max_in_flight: int = 16,
        deadline: float | None = None,
    ) -> None:
        if dnsfunc is not None and resolver is not None:
            raise ValueError("pass dnsfunc or resolver, not both")
        self.dkim = dkim
        self.deadline = 3 * dkim.dns_timeout if deadline is None else deadline
        # Our own pool rather than the loop's default, so close() need not wait for a hung lookup.
        self._executor = ThreadPoolExecutor(max_in_flight, "mailhook-dns") if dnsfunc else None
        self._own_dns: AiodnsResolver | None = None
        if resolver is None and dnsfunc is not None:
            resolver = threaded(dnsfunc, self._executor)
        elif resolver is None:
            resolver = self._own_dns = AiodnsResolver(self.dkim.nameservers)
        self._resolver: Resolver = resolver
        self._slots = asyncio.Semaphore(max_in_flight)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="mailhook-verifier", daemon=True)
        self._thread.start()
        self._closed = False

    def submit(self, raw: bytes, from_domain: str | None) -> Future[str | None]:
        """Start verifying now; the future holds the verdict, or the exception a lookup raised."""
        if self._closed:
            raise RuntimeError("the verifier is closed")
        return asyncio.run_coroutine_threadsafe(self._verdict(raw, from_domain), self._loop)

    async def _verdict(self, raw: bytes, from_domain: str | None) -> str | None:
        async with self._slots:  # the deadline starts once a slot is free, not while queued
            try:
                return await asyncio.wait_for(
                    verdict_async(raw, from_domain, self.dkim, resolver=self._resolver), self.deadline
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
