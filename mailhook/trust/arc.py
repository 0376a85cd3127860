"""ARC (RFC 8617): believe a trusted forwarder that the author's DKIM passed before it changed the mail."""

from __future__ import annotations

import asyncio
import binascii
import re
from collections.abc import Collection, Mapping

import dkim
import dkim.dnsplug
from dkim.util import InvalidTagValueList, parse_tag_value

from mailhook.trust.authorship import read_header_block
from mailhook.trust.dkim import (
    PASS,
    TEMPERROR,
    DnsFunc,
    DnsUnavailable,
    Resolver,
    bounded,
    dkim_results,
    is_key_name,
    parse_results,
    unavailable_on_timeout,
)
from mailhook.trust.unsigned import reads_as_signed

_SEAL = b"arc-seal"
_SIGNATURE = b"arc-message-signature"
# Each distinct key is a DNS lookup; a chain through more signers than this is not worth the wait.
_MAX_KEYS = 16
_INSTANCE_TAG = re.compile(r"^\s*i\s*=\s*\d+\s*;")


def arc_verdict(
    raw: bytes,
    from_domain: str | None,
    sealers: Collection[str],
    *,
    timeout: float,
    dnsfunc: DnsFunc | None = None,
) -> str | None:
    """`pass` when a valid ARC chain, last sealed by one of `sealers`, has an ARC-Authentication-Results
    written by one of them (see `vouched`) that records a DKIM pass aligned with the From domain;
    `temperror` when a key lookup failed; else None."""
    names = key_names(raw, sealers)
    if not names:
        return None
    lookup = unavailable_on_timeout(dnsfunc or dkim.dnsplug.get_txt)
    try:
        keys = {name: lookup(name, timeout=timeout) for name in names}
    except DnsUnavailable:
        return TEMPERROR
    return PASS if vouched(raw, from_domain, sealers, keys) else None


async def arc_verdict_async(
    raw: bytes,
    from_domain: str | None,
    sealers: Collection[str],
    *,
    timeout: float,
    resolver: Resolver,
) -> str | None:
    """`arc_verdict` on an event loop. dkimpy verifies ARC only synchronously, so the keys are
    fetched first, concurrently and each within `timeout`, and the chain is then checked offline."""
    names = key_names(raw, sealers)
    if not names:
        return None
    lookup = bounded(resolver, timeout)
    answers = await asyncio.gather(*(lookup(name) for name in names), return_exceptions=True)
    keys: dict[bytes, bytes | None] = {}
    for name, answer in zip(names, answers, strict=True):
        if isinstance(answer, DnsUnavailable):
            return TEMPERROR
        if isinstance(answer, BaseException):
            raise answer
        keys[name] = answer
    return PASS if vouched(raw, from_domain, sealers, keys) else None


def key_names(raw: bytes, sealers: Collection[str]) -> list[bytes]:
    """The key records an ARC chain needs, or [] without a chain or when its latest seal is not by
    one of `sealers`: a stranger's chain is never worth a DNS lookup."""
    try:
        top, headers = dkim.ARC(raw).sorted_arc_headers()
    except (dkim.DKIMException, IndexError):  # IndexError: a first header line that continues
        return []
    tags: list[tuple[int, bytes, dict[bytes, bytes]]] = []
    for instance, (name, value) in headers:
        if name.lower() in (_SEAL, _SIGNATURE):
            try:
                tags.append((instance, name.lower(), parse_tag_value(value)))
            except InvalidTagValueList:
                return []
    latest = [fields for instance, name, fields in tags if instance == top and name == _SEAL]
    if len(latest) != 1 or _domain(latest[0]) not in sealers:
        return []
    # Named as dkimpy names them, so the offline check finds each answer.
    names = {f[b"s"] + b"._domainkey." + f[b"d"] + b"." for _, _, f in tags if b"s" in f and b"d" in f}
    if len(names) > _MAX_KEYS or not all(is_key_name(name) for name in names):
        return []  # a seal naming no plain DNS name vouches for nothing (see trust.is_key_name)
    return sorted(names)


def vouched(
    raw: bytes, from_domain: str | None, sealers: Collection[str], keys: Mapping[bytes, bytes | None]
) -> bool:
    """The chain validates with these key records (cv=pass), and an ARC-Authentication-Results
    written by a trusted sealer records a DKIM pass aligned with the From domain.

    Only the unbroken run of trusted seals that ends at the latest instance counts. Each ARC-Seal
    signs its own instance's AAR, so an AAR in that run is the word of a sealer we trust, and no
    one untrusted handled the mail after it. An AAR below the run was written by someone we do not
    trust: with a key of its own, an attacker can seal i=1 claiming any DKIM pass it likes, and
    the chain still validates."""
    try:
        cv, results, _ = dkim.arc_verify(raw, dnsfunc=lambda name, timeout=5: keys.get(name))
    # dkimpy lets these through from malformed headers: an undecodable b=, or an AMS whose raw
    # form it cannot find again by " i=N;".
    except (binascii.Error, IndexError):
        return False
    if cv != dkim.CV_Pass or not _latest_signature_signs_what_we_read(raw):
        return False
    for result in results:  # dkimpy lists the latest instance first
        if _name(result["as-domain"]) not in sealers:
            return False
        if _records_aligned_pass(result["aar-value"], from_domain):
            return True
    return False


def _latest_signature_signs_what_we_read(raw: bytes) -> bool:
    """The latest ARC-Message-Signature covers the From and every field that may not be left
    unsigned (trust.unsigned.reads_as_signed): anyone holding a sealed message (a subscriber of the
    list) may replace a field it leaves out and send the message on, and the chain still
    validates."""
    try:
        top, headers = dkim.ARC(raw).sorted_arc_headers()
        [fields] = [parse_tag_value(value) for instance, (name, value) in headers
                    if instance == top and name.lower() == _SIGNATURE]
        _, body = dkim.rfc822_parse(raw)
    except (dkim.DKIMException, IndexError, ValueError, InvalidTagValueList):
        return False
    signed = [name.strip().lower() for name in fields.get(b"h", b"").split(b":")]
    block = read_header_block(raw)
    present = [(name.encode(), value) for name, value in block.fields]
    return b"from" in signed and reads_as_signed(present, signed, body)


def _records_aligned_pass(aar: bytes, from_domain: str | None) -> bool:
    # "i=1; lists.example; dkim=pass header.d=acme.example; spf=pass ...": an RFC 8601 value after
    # the instance tag; one that does not parse (a bare "i=1" included) records nothing.
    parsed = parse_results(_INSTANCE_TAG.sub("", aar.decode("utf-8", "replace"), count=1))
    return parsed is not None and PASS in dkim_results(parsed[1], from_domain)


def _domain(fields: Mapping[bytes, bytes]) -> str:
    return _name(fields.get(b"d", b""))


def _name(domain: bytes) -> str:
    return domain.decode("ascii", "replace").lower().rstrip(".")
