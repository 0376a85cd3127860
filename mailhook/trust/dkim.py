"""DKIM verdicts: may this message's sender be believed about who they are?"""

from __future__ import annotations

import asyncio
import binascii
import functools
import re
from collections.abc import Awaitable, Callable, Collection, Iterable, Sequence
from concurrent.futures import Executor
from types import TracebackType
from typing import Any

import aiodns
import authres
import dkim
import dkim.asyncsupport
import dkim.dnsplug
import pycares  # aiodns's own dependency: its 5.x result types
from dkim.canonicalization import CanonicalizationPolicy, InvalidCanonicalizationPolicyError
from dkim.util import InvalidTagValueList, parse_tag_value
from publicsuffixlist import PublicSuffixList

from mailhook.trust.authorship import read_header_block
from mailhook.trust.unsigned import reads_as_signed

# The seams: a synchronous TXT lookup as dkimpy calls it, `(name, timeout=...)`, and its async twin.
DnsFunc = Callable[..., bytes | None]
Resolver = Callable[[bytes, float], Awaitable[bytes | None]]

# The fields every passing signature must sign; mail claiming to be a user's must sign more.
FROM_ONLY = ("from",)

PASS = "pass"
FAIL = "fail"
NONE = "none"
TEMPERROR = "temperror"


class DnsUnavailable(Exception):
    """A key lookup timed out or the resolver failed. Deliberately not a DKIMException: dkimpy turns
    those (DnsTimeoutError included) into a quiet `False`, which would make a DNS outage a `fail`."""


def dkim_verdict(
    raw: bytes, from_domain: str | None, *, timeout: float, dnsfunc: DnsFunc | None = None,
    must_sign: Collection[str] = FROM_ONLY,
) -> str:
    """`pass` only for a verifying signature whose d= aligns with the From domain (relaxed, as
    DMARC does) and that signs the fields in `must_sign`; `none` without signatures; `temperror`
    when DNS failed; else `fail`."""
    try:
        checker = dkim.DKIM(raw, timeout=timeout)
    except (dkim.DKIMException, IndexError):  # IndexError: a first header line that continues
        return FAIL
    records: dict[bytes, bytes | None] = {}
    lookup = _recording(unavailable_on_timeout(dnsfunc or dkim.dnsplug.get_txt), records)
    outcomes: list[str] = []
    for index in range(_signature_count(checker)):
        try:
            verified = checker.verify(idx=index, dnsfunc=lookup)
        except DnsUnavailable:
            outcomes.append(TEMPERROR)
            continue
        except (dkim.DKIMException, binascii.Error):  # a malformed signature or key record
            verified = False
        if verified and _in_testing(checker, records):
            continue  # RFC 6376 3.6.1: no different from unsigned mail
        if verified and aligned(_signer(checker), from_domain) and signs_what_we_read(checker, must_sign):
            return PASS
        outcomes.append(FAIL)
    return _worst(outcomes)


async def dkim_verdict_async(
    raw: bytes, from_domain: str | None, *, timeout: float, resolver: Resolver | None = None,
    must_sign: Collection[str] = FROM_ONLY,
) -> str:
    """`dkim_verdict` on an event loop (dkimpy's asyncsupport), each key lookup bounded by
    `timeout`. Without `resolver`, real DNS through aiodns."""
    if resolver is None:
        async with AiodnsResolver() as dns:
            return await dkim_verdict_async(
                raw, from_domain, timeout=timeout, resolver=dns, must_sign=must_sign)
    try:
        checker = dkim.asyncsupport.DKIM(raw, timeout=timeout)
    except (dkim.DKIMException, IndexError):  # IndexError: a first header line that continues
        return FAIL
    records: dict[bytes, bytes | None] = {}
    lookup = _recording_async(bounded(resolver, timeout), records)
    outcomes: list[str] = []
    for index in range(_signature_count(checker)):
        try:
            verified = await checker.verify(idx=index, dnsfunc=lookup)
        except DnsUnavailable:
            outcomes.append(TEMPERROR)
            continue
        except (dkim.DKIMException, binascii.Error):  # asyncsupport lets more of these through
            verified = False
        if verified and _in_testing(checker, records):
            continue  # RFC 6376 3.6.1: no different from unsigned mail
        if verified and aligned(_signer(checker), from_domain) and signs_what_we_read(checker, must_sign):
            return PASS
        outcomes.append(FAIL)
    return _worst(outcomes)


def signs_what_we_read(checker: dkim.DKIM, must_sign: Collection[str] = FROM_ONLY) -> bool:
    """The verified signature covers the fields in `must_sign` (From at least) and the whole body.
    dkimpy checks neither: a signature without From in h= says nothing about the author, and text
    beyond an l= body length is anybody's, yet the pipeline would read it as the author's own."""
    fields = checker.signature_fields
    if fields.get(b"a", b"").lower() == b"rsa-sha1":
        return False  # RFC 8301 3.1: rsa-sha1 must not be used for verifying (SHA-1 collides)
    if not all(name.encode() in checker.include_headers for name in ("from", *must_sign)):
        return False
    if not reads_as_signed(checker.headers, checker.include_headers, checker.body):
        return False
    length = fields.get(b"l")
    if length is None:
        return True
    try:
        policy = CanonicalizationPolicy.from_c_value(fields.get(b"c", b"simple/simple"))
    except InvalidCanonicalizationPolicyError:
        return False
    return int(length) >= len(policy.canonicalize_body(checker.body))


def _recording(lookup: DnsFunc, records: dict[bytes, bytes | None]) -> DnsFunc:
    """`lookup`, keeping each answer by lower-cased name: dkimpy reads a key record's p= and k=
    but never its flags, so `_in_testing` reads them here."""

    def recorded(name: bytes, timeout: float = 5) -> bytes | None:
        records[name.lower()] = answer = lookup(name, timeout=timeout)
        return answer

    return recorded


def _recording_async(
    lookup: Callable[..., Awaitable[bytes | None]], records: dict[bytes, bytes | None]
) -> Callable[..., Awaitable[bytes | None]]:
    """`_recording` for dkimpy's asyncsupport."""

    async def recorded(name: bytes, timeout: float | None = None) -> bytes | None:
        answer = await (lookup(name) if timeout is None else lookup(name, timeout=timeout))
        records[name.lower()] = answer
        return answer

    return recorded


def _in_testing(checker: dkim.DKIM, records: dict[bytes, bytes | None]) -> bool:
    """The key of the signature just verified says `t=y`: the domain is testing DKIM, and RFC
    6376 3.6.1 says its mail must be treated as unsigned, even when the signature verifies."""
    fields = checker.signature_fields
    name = fields.get(b"s", b"") + b"._domainkey." + fields.get(b"d", b"") + b"."
    try:
        tags = parse_tag_value(records.get(name.lower()) or b"")
    except InvalidTagValueList:
        return False  # dkimpy refused such a record already
    return b"y" in {flag.strip().lower() for flag in tags.get(b"t", b"").split(b":")}


def _signature_count(checker: dkim.DKIM) -> int:
    return sum(1 for name, _ in checker.headers if name.lower() == b"dkim-signature")


def _signer(checker: dkim.DKIM) -> str:
    return (checker.domain or b"").decode("ascii", "replace").lower()


def _worst(outcomes: Sequence[str]) -> str:
    """No signature at all is `none`; a lookup that failed may pass on retry, so it beats `fail`."""
    if not outcomes:
        return NONE
    return TEMPERROR if TEMPERROR in outcomes else FAIL


def aligned(signer: str, from_domain: str | None) -> bool:
    """Relaxed alignment: the signing domain is the From domain or a parent of it, but never a
    public suffix (RFC 7489 3.2): d=co.uk, d=com or d=example speaks for no one's mail."""
    if not signer or not from_domain:
        return False
    from_domain = from_domain.lower().rstrip(".")
    signer = signer.lower().rstrip(".")
    if _public_suffixes().privatesuffix(signer) is None:
        return False
    return from_domain == signer or from_domain.endswith("." + signer)


@functools.cache
def _public_suffixes() -> PublicSuffixList:
    # The list ships with the package (read offline, ~30 ms, once per process).
    return PublicSuffixList()


# A key record's name, "selector._domainkey.domain.": DNS labels of letters, digits, "-" and "_",
# 1-63 bytes each, 253 in all (RFC 1035; RFC 6376 3.1 for selectors).
_KEY_LABEL = re.compile(rb"[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?")


def is_key_name(name: bytes) -> bool:
    """Whether `name` (built by dkimpy from a signature's s= and d=) is a plain DNS name. Anything
    else never reaches a resolver: c-ares reads names as C strings, so "sel._domainkey.evil.example
    \\x00._domainkey.target.example." would fetch the attacker's key for target.example's d=."""
    text = name.removesuffix(b".")
    return 0 < len(text) <= 253 and all(_KEY_LABEL.fullmatch(label) for label in text.split(b"."))


def unavailable_on_timeout(dnsfunc: DnsFunc) -> DnsFunc:
    """`dnsfunc` raising DnsUnavailable where it raised dkimpy's DnsTimeoutError; a name that is not a
    key name is never looked up (no key: the signature fails)."""

    def lookup(name: bytes, timeout: float = 5) -> bytes | None:
        if not is_key_name(name):
            return None
        try:
            return dnsfunc(name, timeout=timeout)
        except dkim.DnsTimeoutError as exc:
            raise DnsUnavailable(str(exc)) from exc

    return lookup


def bounded(resolver: Resolver, timeout: float) -> Callable[..., Awaitable[bytes | None]]:
    """`resolver` as dkimpy's asyncsupport calls it, `(name, timeout=...)`, giving up after `timeout`;
    a name that is not a key name is never looked up."""

    async def lookup(name: bytes, timeout: float = timeout) -> bytes | None:
        if not is_key_name(name):
            return None
        try:
            return await asyncio.wait_for(resolver(name, timeout), timeout)
        except (TimeoutError, dkim.DnsTimeoutError) as exc:
            raise DnsUnavailable(f"no answer for {name!r} within {timeout:g} s") from exc

    return lookup


def threaded(dnsfunc: DnsFunc, executor: Executor | None = None) -> Resolver:
    """A synchronous `dnsfunc` as a Resolver, run in `executor` (the loop's default if None)."""

    async def resolve(name: bytes, timeout: float) -> bytes | None:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(executor, lambda: dnsfunc(name, timeout=timeout))

    return resolve


class AiodnsResolver:
    """Real TXT lookups through aiodns (c-ares), one channel for this object's lifetime, opened on
    the event loop that first uses it. We wrap aiodns rather than use dkimpy's get_txt_async, which
    opens a channel per lookup, never closes it, and calls the `query` that aiodns 4 deprecates."""

    def __init__(self, nameservers: Sequence[str] = ()) -> None:
        self._nameservers = list(nameservers)  # empty: the system's (/etc/resolv.conf)
        self._resolver: aiodns.DNSResolver | None = None

    async def __call__(self, name: bytes, timeout: float) -> bytes | None:
        if not is_key_name(name):  # also guarded by `bounded`: c-ares must never see a NUL
            return None
        if self._resolver is None:
            self._resolver = aiodns.DNSResolver(self._nameservers or None, timeout=timeout, tries=1)
        try:
            result = await self._resolver.query_dns(name.decode("utf-8", "replace"), "TXT")
        except aiodns.error.DNSError as exc:
            if exc.args and exc.args[0] in (aiodns.error.ARES_ENOTFOUND, aiodns.error.ARES_ENODATA):
                return None  # no such key: the signature fails
            raise DnsUnavailable(f"TXT {name!r}: {exc}") from exc
        texts = [r.data.data for r in result.answer if isinstance(r.data, pycares.TXTRecordData)]
        return texts[0] if texts else None

    async def close(self) -> None:
        if self._resolver is not None:
            await self._resolver.close()
            self._resolver = None

    async def __aenter__(self) -> AiodnsResolver:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()


# Parsed RFC 8601 results (authres's result objects: method, result, properties).
Results = tuple[Any, ...]
# Only the header block is read, and at most this much of it.
_MAX_HEADER_BYTES = 256 * 1024


def authentication_results_verdict(
    raw: bytes, from_domain: str | None, trusted_ids: Sequence[str]
) -> str | None:
    """The DKIM verdict our own MTA recorded (RFC 8601), or None when no Authentication-Results
    header comes from a trusted authserv-id. `pass` needs a passing result for a signing domain
    aligned with the From domain."""
    results: list[str] = []
    for recorded in _trusted_results(raw, trusted_ids):
        results += dkim_results(recorded, from_domain)
    if not results:
        return None
    if PASS in results:
        return PASS
    return TEMPERROR if TEMPERROR in results else (NONE if set(results) == {NONE} else FAIL)


def authenticated_submitter(raw: bytes, trusted_ids: Sequence[str]) -> str | None:
    """The login our own MTA recorded for the client that submitted this message
    (`auth=pass smtp.auth=ann@us.example`, RFC 8601 2.7.4), or None."""
    for recorded in _trusted_results(raw, trusted_ids):
        for result in recorded:
            login = _property(result, "smtp", "auth")
            if result.method.lower() == "auth" and result.result.lower() == PASS and login:
                return login
    return None


def _trusted_results(raw: bytes, trusted_ids: Sequence[str]) -> list[Results]:
    """The results of each Authentication-Results field from a trusted authserv-id, read from the
    header block as authorship reads it; none at all when that block is in doubt (a field hidden
    behind a bare CR in another one must not count)."""
    if not trusted_ids:
        return []
    block = read_header_block(raw[:_MAX_HEADER_BYTES])
    if block.problem is not None:
        return []
    found: list[Results] = []
    for value in block.text("authentication-results"):
        parsed = parse_results(value)
        if parsed is not None and parsed[0] in trusted_ids:
            found.append(parsed[1])
    return found


def parse_results(value: str) -> tuple[str, Results] | None:
    """The authserv-id and results of one RFC 8601 value, parsed by authres: comments and quoted
    strings are structure there, so a ";" or "smtp.auth=" inside them (text an MTA copied from
    the envelope) never reads as a result of its own. None when the value does not parse."""
    try:
        header = authres.AuthenticationResultsHeader.parse_value(" ".join(value.split()))
    except authres.AuthResError:
        return None
    return str(header.authserv_id).lower(), tuple(header.results)


def dkim_results(results: Iterable[Any], from_domain: str | None) -> list[str]:
    """The dkim results among parsed RFC 8601 results; a pass for a domain not aligned with the
    From domain counts as `fail`."""
    found: list[str] = []
    for result in results:
        if str(result.method).lower() != "dkim":
            continue
        verdict = str(result.result).lower()
        domain = _property(result, "header", "d") or _property(result, "header", "i").rpartition("@")[2]
        found.append(FAIL if verdict == PASS and not aligned(domain.lower(), from_domain) else verdict)
    return found


def _property(result: Any, ptype: str, name: str) -> str:
    """A result's `ptype.name=value` property ("" without one)."""
    for prop in result.properties:
        if str(prop.type).lower() == ptype and str(prop.name).lower() == name:
            return str(prop.value)
    return ""
