"""Raw mail bytes to headers, the best body text and attached messages, never hanging on garbage."""

from __future__ import annotations

import email
import re
from dataclasses import dataclass
from datetime import UTC
from email import policy
from email.header import decode_header, make_header
from email.message import Message
from email.parser import BytesParser
from email.utils import getaddresses, parsedate_to_datetime

from mailhook.errors import MalformedMessage
from mailhook.model import Author
from mailhook.pipeline.htmltext import html_to_text

# A message starts with header fields; a bare text or HTML body (as pasted into fixtures or
# exported by some tools) does not, and must not have its first lines eaten as headers.
_HEADER_FIELD = re.compile(rb"^[!-9;-~]+:[ \t]")
_KNOWN_HEADERS = re.compile(
    rb"^(?:from|to|subject|date|received|return-path|message-id|mime-version|content-type|"
    rb"delivered-to|x-[\w-]+|reply-to|cc|sender):",
    re.IGNORECASE | re.MULTILINE,
)
# Real header values are short; decoding a longer one is quadratic in the stdlib (100k encoded
# words take seconds), so the rest is dropped.
_LONGEST_HEADER = 65_536
_HTML = re.compile(r"^\s*(?:<!doctype html|<html|<head|<body|<div|<p[ >]|<table)", re.IGNORECASE)


@dataclass(frozen=True)
class Mime:
    """What the MIME layer found: decoded headers, both body variants and attached messages."""

    headers: dict[str, list[str]]
    body: str
    own_source: str  # body with HTML quote elements dropped (equals body for plain text)
    attached: tuple[bytes, ...]


def parse_mime(raw: bytes) -> Mime:
    """Split raw bytes into headers and text; raise MalformedMessage only when nothing is usable."""
    if not raw or not raw.strip():
        raise MalformedMessage("empty message")
    if not _looks_like_message(raw):
        text = _decode(raw, None)
        return _bare(text)
    try:
        message = email.message_from_bytes(raw, policy=policy.compat32)
    except RecursionError:
        # The stdlib parser recurses once per nested multipart; hostile nesting exhausts the
        # stack. Headers alone still parse, and the rest is kept as plain text.
        message = BytesParser(policy=policy.compat32).parsebytes(raw, headersonly=True)
        message.set_type("text/plain")
    headers: dict[str, list[str]] = {}
    for key, value in message.items():
        headers.setdefault(key.lower(), []).append(_header_text(value))
    plain, markup, attached = _walk(message)
    if plain is not None:
        return Mime(headers, plain, plain, attached)
    if markup is not None:
        body = html_to_text(markup)
        return Mime(headers, body, html_to_text(markup, drop_quotes=True), attached)
    if not headers and not attached:
        raise MalformedMessage("no headers and no text")
    return Mime(headers, "", "", attached)


def authors(values: list[str]) -> tuple[Author, ...]:
    """Parse address header values into Authors (addresses lower-cased, empty parts kept out)."""
    try:
        pairs = getaddresses(values)
    except RecursionError:  # the stdlib recurses once per nested comment: "(((((..."
        return ()
    found = []
    for raw_name, raw_address in pairs:
        name = " ".join(raw_name.split()).strip("'\" ") or None
        address = raw_address.strip().lower() or None
        if name or (address and "@" in address):
            found.append(Author(name, address))
    return tuple(found)


def iso_date(value: str | None) -> str | None:
    """Return an ISO 8601 UTC timestamp for a Date header, or None when it cannot be read."""
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed.tzinfo is None:
        return parsed.isoformat()
    return parsed.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _looks_like_message(raw: bytes) -> bool:
    head = raw.lstrip(b"\r\n")[:4096]
    first = head.split(b"\n", 1)[0]
    return bool(_HEADER_FIELD.match(first) or first.startswith(b"From ")) and bool(
        _KNOWN_HEADERS.search(head.split(b"\n\n", 1)[0].replace(b"\r", b""))
    )


def _bare(text: str) -> Mime:
    if _HTML.match(text):
        return Mime({}, html_to_text(text), html_to_text(text, drop_quotes=True), ())
    return Mime({}, text, text, ())


def _header_text(value: object) -> str:
    text = _clip(str(value))
    try:
        return " ".join(str(make_header(decode_header(text))).split())
    except (ValueError, LookupError, UnicodeError, email.errors.HeaderParseError):
        return " ".join(text.split())


def _clip(text: str) -> str:
    if len(text) <= _LONGEST_HEADER:
        return text
    clipped = text[:_LONGEST_HEADER]
    return clipped.rpartition(",")[0] or clipped  # no address list ends in half an address


def _walk(message: Message) -> tuple[str | None, str | None, tuple[bytes, ...]]:
    plain: str | None = None
    markup: str | None = None
    attached: list[bytes] = []
    stack = [message]
    while stack:  # iterative, so deeply nested garbage cannot exhaust the recursion limit
        part = stack.pop(0)
        ctype = part.get_content_type()
        if ctype == "message/rfc822":
            attached.extend(_attached_bytes(part))
            continue
        if part.is_multipart():
            payload = part.get_payload()
            stack[0:0] = [p for p in payload if isinstance(p, Message)]
            continue
        if part.get_content_disposition() == "attachment":
            continue
        if ctype == "text/plain" and plain is None:
            plain = _part_text(part)
        elif ctype == "text/html" and markup is None:
            markup = _part_text(part)
        elif ctype.startswith("text/") and part is message and plain is None:
            plain = _part_text(part)
    return _blank_to_none(plain), _blank_to_none(markup), tuple(attached)


def _attached_bytes(part: Message) -> list[bytes]:
    inner = part.get_payload()
    if isinstance(inner, list):
        return [m.as_bytes() for m in inner if isinstance(m, Message)]
    if isinstance(inner, str):
        return [inner.encode("utf-8", "replace")]
    return []


def _part_text(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return str(part.get_payload())
    return _decode(payload, part.get_content_charset())


def _decode(data: bytes, charset: str | None) -> str:
    for candidate in (charset, "utf-8"):
        if not candidate:
            continue
        try:
            return _lines(data.decode(candidate))
        except (LookupError, ValueError):  # ValueError: a NUL in the charset name
            continue
    return _lines(data.decode("cp1252", "replace"))


def _lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _blank_to_none(text: str | None) -> str | None:
    return text if text and text.strip() else None
