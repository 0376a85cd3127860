"""DKIM verdicts: may this message's sender be believed about who they are?"""

from __future__ import annotations

from collections.abc import Callable

import dkim
import dkim.dnsplug

DnsFunc = Callable[..., bytes | None]

PASS = "pass"
FAIL = "fail"
NONE = "none"
TEMPERROR = "temperror"


def dkim_verdict(
    raw: bytes, from_domain: str | None, *, timeout: float, dnsfunc: DnsFunc | None = None
) -> str:
    """`pass` only for a verifying signature whose d= aligns with the From domain (relaxed, as
    DMARC does); `none` without signatures; `temperror` when DNS failed; else `fail`."""
    try:
        checker = dkim.DKIM(raw, timeout=timeout)
    except dkim.DKIMException:
        return FAIL
    count = sum(1 for name, _ in checker.headers if name.lower() == b"dkim-signature")
    if count == 0:
        return NONE
    lookup = dnsfunc or dkim.dnsplug.get_txt
    dns_failed = False
    for index in range(count):
        try:
            verified = checker.verify(idx=index, dnsfunc=lookup)
        except dkim.DnsTimeoutError:
            dns_failed = True
            continue
        except dkim.DKIMException:
            continue
        signer = (checker.domain or b"").decode("ascii", "replace").lower()
        if verified and aligned(signer, from_domain):
            return PASS
    return TEMPERROR if dns_failed else FAIL


def aligned(signer: str, from_domain: str | None) -> bool:
    """Relaxed alignment: the signing domain is the From domain or a parent of it."""
    if not signer or not from_domain:
        return False
    from_domain = from_domain.lower().rstrip(".")
    signer = signer.rstrip(".")
    return from_domain == signer or from_domain.endswith("." + signer)
