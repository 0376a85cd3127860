"""Hostile messages built to cost as much work as a message of at most max_message_size can.

Shared by tests/test_bounds.py (structural bounds, no timing) and scripts/bench-hostile (seconds
per input). Each builder returns raw bytes no larger than the listeners' default 25 MiB limit.
"""

from __future__ import annotations

from collections.abc import Callable

MAX_MESSAGE_SIZE = 26_214_400  # [smtp]/[lmtp] max_message_size by default: nothing larger arrives
HEAD = (
    b"From: Bob Smith <bob@acme.example>\nTo: ann@us.example\nSubject: Re: quote\n"
    b"Message-ID: <hostile@acme.example>\nDate: Wed, 05 Mar 2025 11:20:00 +0100\n"
)
SIGNATURE = b"\nBest regards,\nBob Smith\nSales Director\nAcme GmbH\nTel: +49 30 1234567\n"


def _fit(raw: bytes) -> bytes:
    assert len(raw) <= MAX_MESSAGE_SIZE, len(raw)
    return raw


def short_lines(size: int = MAX_MESSAGE_SIZE - 4096) -> bytes:
    """A plain-text body of one-character lines filling the message size limit."""
    body = b"x\n" * ((size - len(HEAD) - len(SIGNATURE)) // 2)
    return _fit(HEAD + b"Content-Type: text/plain\n\n" + body + SIGNATURE)


def tiny_parts(count: int = 700_000) -> bytes:
    """A multipart/mixed of `count` one-line text parts."""
    part = b"--b\nContent-Type: text/plain\n\nx\n"
    return _fit(HEAD + b'Content-Type: multipart/mixed; boundary="b"\n\n' + part * count + b"--b--\n")


def p_tags(count: int = 3_300_000) -> bytes:
    """An HTML-only body of `count` empty paragraphs."""
    return _fit(HEAD + b"Content-Type: text/html\n\n<html><body>" + b"<p>" * count + b"</body></html>\n")


def nested_multiparts(depth: int = 200_000) -> bytes:
    """Multiparts nested `depth` deep, each holding only the next."""
    parts = b"".join(
        b'--b%d\nContent-Type: multipart/mixed; boundary="b%d"\n\n' % (i, i + 1) for i in range(depth)
    )
    return _fit(HEAD + b'Content-Type: multipart/mixed; boundary="b0"\n\n' + parts)


def encoded_words(count: int = 400_000, header: bytes = b"Subject") -> bytes:
    """A Subject (or From) of `count` RFC 2047 encoded words."""
    words = b" ".join([b"=?utf-8?q?a?="] * count)
    head = HEAD.replace(b"Subject: Re: quote\n", b"").replace(b"From: Bob Smith <bob@acme.example>\n", b"")
    if header.lower() == b"from":
        value = b"From: " + words + b" <bob@acme.example>\nSubject: Re: quote\n"
    else:
        value = b"From: Bob Smith <bob@acme.example>\n" + header + b": " + words + b"\n"
    return _fit(value + head + b"Content-Type: text/plain\n\nHello" + SIGNATURE)


def nested_rfc822(depth: int = 400) -> bytes:
    """Messages attached inside messages, `depth` deep, the innermost one signed."""
    inner = HEAD + b"Content-Type: text/plain\n\nHello" + SIGNATURE
    for _ in range(depth):
        inner = HEAD + b"Content-Type: message/rfc822\n\n" + inner
    return _fit(inner)


def header_fields(count: int = 1_000_000) -> bytes:
    """`count` short header fields above a short body."""
    return _fit(HEAD + b"X-A: b\n" * count + b"Content-Type: text/plain\n\nHello" + SIGNATURE)


def delimiters(count: int = 2_000_000) -> bytes:
    """Signature delimiters, each with an unsigned motto below it: "--", "x", "--", "x", ..."""
    return _fit(HEAD + b"Content-Type: text/plain\n\n" + b"--\nx\n" * count)


def long_signature_lines(count: int = 20) -> bytes:
    """A sign-off followed by `count` lines of 1,000 characters that are a token each ("a-a-...")."""
    lines = b"\n".join([b"a-" * 500] * count)
    return _fit(HEAD + b"Content-Type: text/plain\n\nHi Ann,\n\nBest regards,\nBob Smith\n" + lines)


# The inputs of issue 10 (item 9 and the Low point) at their measured sizes, and three more.
HOSTILE: dict[str, Callable[[], bytes]] = {
    "25 MiB of short lines": short_lines,
    "700k tiny MIME parts": tiny_parts,
    "3.3M <p> tags": p_tags,
    "200k nested multiparts": nested_multiparts,
    "400k encoded words in Subject": encoded_words,
    "400k encoded words in From": lambda: encoded_words(header=b"From"),
    "400 nested message/rfc822": nested_rfc822,
    "1M header fields": header_fields,
    "2M signature delimiters": delimiters,
    "20 signature lines of 1,000 tokens": long_signature_lines,
}
