"""Whether mail still reads as what its signer signed when a signature leaves fields out.

Anyone holding a signed message may replace, add or remove a field its signature does not cover
and send it on: the signature still verifies. So a field that decides how the signed body reads
(Content-Type, Content-Transfer-Encoding) may be left unsigned only where the signed body itself
shows that it reads the one way the signer wrote it. Gmail and Google Workspace sign neither on
their multipart mail (h=to:subject:message-id:date:from:mime-version), so refusing every
unsigned Content-Type would refuse most of the world's mail; reading the body's own framing
refuses only the swaps: a multipart boundary placed in quoted text, a multipart body read as
plain text, plain text read as HTML (line breaks gone, quote marks with them), a charset or
encoding that turns quoted "> ...+AAo-" or "=0A" into unquoted lines.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import re
from collections import Counter
from collections.abc import Collection, Sequence
from email.policy import default as default_policy

_DEFAULT_TYPE = b"text/plain; charset=us-ascii"  # RFC 2045 5.2, and 7bit (6.1)
_IDENTITY = ("7bit", "8bit", "binary")
_PRINTABLE = bytes(range(0x20, 0x7F)) + b"\r\n\t"
# Codecs that read plain ASCII bytes as something else once a shift sequence appears.
_STATEFUL = ("utf_7", "utf_16", "utf_32", "iso2022", "hz")
# What clients put before a multipart body's first delimiter ("This is a multi-part message in
# MIME format."): RFC 2046 says readers ignore it, so a signed preamble must hold nothing else.
_NOTICE = re.compile(rb"^.{0,80}\bMIME\b.{0,80}$", re.IGNORECASE)
_HTML = re.compile(rb"<\s*(?:html|head|body|div|p|br|span|table|td|blockquote|font)\b", re.IGNORECASE)
_NEWLINE_ESCAPE = re.compile(rb"=0[AD]", re.IGNORECASE)


def reads_as_signed(fields: Sequence[tuple[bytes, bytes]], signed: Collection[bytes], body: bytes) -> bool:
    """Whether the message (its header `fields` as sent, its `body`) reads as its signer signed it,
    the signature covering the field names `signed` (h=, lower case). A Subject it leaves out is
    never safe: the digest names a task by it."""
    covered = Counter(name.strip().lower() for name in signed)
    present = Counter(name.strip().lower() for name, _ in fields)
    if present[b"subject"] > covered[b"subject"]:
        return False
    types = [value for name, value in fields if name.strip().lower() == b"content-type"]
    encodings = [value for name, value in fields if name.strip().lower() == b"content-transfer-encoding"]
    if len(types) > 1 or len(encodings) > 1:
        return False  # no client writes two; readers disagree on which counts
    # A field present is signed when h= names it; one absent when h= names it all the same (adding
    # one then breaks the signature): otherwise anyone may add or remove it.
    type_signed, encoding_signed = covered[b"content-type"] > 0, covered[b"content-transfer-encoding"] > 0
    if type_signed and encoding_signed:
        return True
    content_type = _parsed(types[0] if types else _DEFAULT_TYPE)
    if content_type is None:
        return False
    kind, params = content_type
    encoding = (encodings[0] if encodings else b"7bit").decode("ascii", "replace").strip().lower()
    if kind.startswith("multipart/"):
        boundary = params.get("boundary", "")
        framed = bool(boundary) and _frames(body, boundary)
        return (type_signed or framed) and (encoding_signed or encoding in _IDENTITY)
    if not type_signed and not (kind == "text/plain" and _keeps_ascii(params.get("charset", "us-ascii"))
                                and not _HTML.search(body) and not _looks_multipart(body)):
        return False
    return encoding_signed or _encoded_as(body, encoding)


def _parsed(value: bytes) -> tuple[str, dict[str, str]] | None:
    text = " ".join(value.decode("utf-8", "replace").split())
    try:
        header = default_policy.header_factory("content-type", text)
    except Exception:  # noqa: BLE001 - the stdlib's parser on hostile input: nothing to rely on
        return None
    if header.defects:
        return None
    return header.content_type, {str(k).lower(): str(v) for k, v in header.params.items()}


def _keeps_ascii(charset: str) -> bool:
    """Whether text in `charset` reads ASCII bytes (quote marks, line ends) as ASCII."""
    try:
        name = codecs.lookup(charset).name.replace("-", "_")
    except LookupError:
        return False
    if name.startswith(_STATEFUL):
        return False
    try:
        return _PRINTABLE.decode(name) == _PRINTABLE.decode("ascii")
    except (UnicodeDecodeError, LookupError):
        return False


def _frames(body: bytes, boundary: str) -> bool:
    """Whether the body is wholly a multipart body with this boundary: before its first delimiter
    nothing but blank lines and a MIME notice, after its closing delimiter nothing."""
    delimiter = b"--" + boundary.encode("utf-8", "replace")
    lines = [line.rstrip(b" \t\r") for line in body.split(b"\n")]
    first = next((at for at, line in enumerate(lines) if line == delimiter), None)
    if first is None or any(line.strip() and not _NOTICE.match(line.strip()) for line in lines[:first]):
        return False
    last = max((at for at, line in enumerate(lines) if line.strip()), default=-1)
    return last > first and lines[last] == delimiter + b"--"


def _looks_multipart(body: bytes) -> bool:
    """Whether the body is framed as a multipart body of some boundary."""
    first = next((line.rstrip(b" \t\r") for line in body.split(b"\n") if line.strip()), b"")
    return first.startswith(b"--") and len(first) > 2 and _frames(body, first[2:].decode("utf-8", "replace"))


def _encoded_as(body: bytes, encoding: str) -> bool:
    """Whether reading the body in this transfer encoding cannot make lines the signer did not:
    no quoted-printable soft break read as a line end (7bit), no escaped line end decoded
    (quoted-printable), nothing but base64 (base64)."""
    if encoding in _IDENTITY:
        return not any(line.rstrip(b" \t\r").endswith(b"=") for line in body.split(b"\n"))
    if encoding == "quoted-printable":
        return not _NEWLINE_ESCAPE.search(body)
    if encoding == "base64":
        data = b"".join(body.split())
        try:
            base64.b64decode(data, validate=True)
        except (binascii.Error, ValueError):
            return False
        return True
    return False
