"""DKIM verdicts: may this message's sender be believed about who they are?"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from email.parser import BytesHeaderParser
from email.policy import compat32

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


# "dkim=pass (good signature) header.d=example.com header.i=@example.com" inside one resinfo.
_DKIM_RESULT = re.compile(r"\bdkim\s*=\s*([a-z]+)", re.IGNORECASE)
_SIGNER = re.compile(
    r"\bheader\.d\s*=\s*\"?([^\s;\"]+)|\bheader\.i\s*=\s*\"?[^@\s;\"]*@([^\s;\"]+)", re.IGNORECASE
)
# Only the header block is read, and at most this much of it.
_MAX_HEADER_BYTES = 256 * 1024


def authentication_results_verdict(
    raw: bytes, from_domain: str | None, trusted_ids: Sequence[str]
) -> str | None:
    """The DKIM verdict our own MTA recorded (RFC 8601), or None when no Authentication-Results
    header comes from a trusted authserv-id. `pass` needs a passing result for a signing domain
    aligned with the From domain."""
    head = raw[:_MAX_HEADER_BYTES].split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    headers = BytesHeaderParser(policy=compat32).parsebytes(head, headersonly=True)
    results: list[str] = []
    for value in headers.get_all("Authentication-Results", []):
        text = " ".join(str(value).split())
        authserv, _, rest = text.partition(";")
        words = authserv.split()  # the authserv-id, maybe followed by a version number
        if not words or words[0].lower() not in trusted_ids:
            continue
        for resinfo in rest.split(";"):
            result = _DKIM_RESULT.search(resinfo)
            if result is None:
                continue
            signer = _SIGNER.search(resinfo)
            verdict = result.group(1).lower()
            domain = (signer.group(1) or signer.group(2)).lower() if signer else ""
            if verdict == PASS and aligned(domain, from_domain):
                return PASS
            results.append(FAIL if verdict == PASS else verdict)  # a pass for another domain
    if not results:
        return None
    return TEMPERROR if TEMPERROR in results else (NONE if set(results) == {NONE} else FAIL)
