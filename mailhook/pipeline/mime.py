"""Raw mail bytes to headers, the best body text and attached messages, never hanging on garbage."""

from __future__ import annotations

import email
import itertools
import re
from dataclasses import dataclass
from datetime import UTC
from email import policy
from email.feedparser import BytesFeedParser
from email.header import decode_header, make_header
from email.message import Message
from email.parser import BytesParser
from email.utils import parsedate_to_datetime

from mailhook.errors import MalformedMessage
from mailhook.pipeline.charsets import decoded
from mailhook.pipeline.htmltext import html_to_text
from mailhook.trust.authorship import HeaderBlock, read_header_block

# A message starts with header fields; a bare text or HTML body (as pasted into fixtures or
# exported by some tools) does not, and must not have its first lines eaten as headers.
# How mail systems mark the reports they write, in the languages of common servers (Postfix,
# Exim, Sendmail, Exchange, Gmail, Domino).
_REPORT_TYPE = re.compile(r"^\s*multipart/report\b", re.IGNORECASE)
_SYSTEM_SENDER = re.compile(
    r"(?:^|[\s<\"(])mailer-daemon@|\bMail Delivery (?:System|Subsystem)\b", re.IGNORECASE
)
# Exact subjects of Postfix, Gmail, Exim, qmail and Sendmail; Exchange's "Undeliverable:" and
# its translations only with their colon ("Undeliverable parcel" is a customer's complaint).
_REPORT_SUBJECT = re.compile(
    r"^\s*(?:Undelivered Mail Returned to Sender\s*$|Delivery Status Notification \(|"
    r"Mail delivery failed:|failure notice\s*$|Returned mail:|"
    r"(?:Undeliverable|Unzustellbar|Nicht zustellbar|Non remis|Non distribuable|No se puede entregar|"
    r"Onbestelbaar|Non recapitabile|Não é possível entregar|Niedostarczalne|Kan inte levereras|"
    r"Kan ikke leveres|Ikke leveret)\s*:)",
    re.IGNORECASE,
)
_HEADER_FIELD = re.compile(rb"^[!-9;-~]+:[ \t]")
_KNOWN_HEADERS = re.compile(
    rb"^(?:from|to|subject|date|received|return-path|message-id|mime-version|content-type|"
    rb"delivered-to|x-[\w-]+|reply-to|cc|sender):",
    re.IGNORECASE | re.MULTILINE,
)
# Real header values are short; decoding a longer one is quadratic in the stdlib (100k encoded
# words take seconds), so the rest is dropped.
_LONGEST_HEADER = 65_536
# Bounds on the work one message may cost, whatever its bytes (issue 10: 25 MiB of hostile MIME
# took up to a minute). Each is far beyond real mail; what lies beyond it is ignored.
# Header fields read: real mail has 20-80 (long Received chains ~150); hostile mail 100,000s.
MOST_HEADERS = 1_000
# Header lines parsed, folded lines included (a DKIM or ARC set is ~10): beyond, the parser would
# spend ~2 us a line and every header look-up would scan them all (1M fields took 1 s).
MOST_HEADER_LINES = 5_000
# Line ends as the stdlib parser sees them; atomic, so that CRLF never counts as two.
_LINE_END = re.compile(rb"(?>\r\n|\r|\n)")
_BLANK_LINE = re.compile(rb"(?>\r\n|\r|\n)(?>\r\n|\r|\n)")
# Encoded words decoded per message: a long To list with encoded names has a few hundred; the
# stdlib's decoding grows faster than linearly (16k words in one header take 0.16 s).
MOST_ENCODED_WORDS = 2_000
# Lines the MIME parser is fed (it spends ~0.25 us a line): 25 MiB of base64, the largest
# message the listeners accept, is 340k lines, so only floods of short lines are cut.
MOST_LINES = 500_000
# MIME parts parsed and walked (each costs the parser ~13 us): real mail has a handful, a mailing
# list digest a few hundred.
MOST_PARTS = 1_000
# Levels of nesting walked into, and kept in an attached message: real mail nests 3-6 deep
# (mixed > alternative > related, a forward inside); the stdlib's generator recurses ~5 frames a
# level, so 20 levels stay far from the recursion limit when an attached message is serialised.
MOST_NESTING = 20
# Attached messages kept: a forward attaches one, or a few.
MOST_ATTACHED = 20
# Characters of text read from a part (plain or HTML): the author's own words and signature come
# first; 1 MiB is a few hundred pages, and what follows is quoted history or pasted data.
MOST_TEXT = 1 << 20
_Text = tuple[str, str | None]  # a part's text and the charset it was read in
_CHUNK = 8192  # bytes fed to the parser at a time, as the stdlib's own Parser.parse does
_HTML = re.compile(r"^\s*(?:<!doctype html|<html|<head|<body|<div|<p[ >]|<table)", re.IGNORECASE)


@dataclass(frozen=True)
class Mime:
    """What the MIME layer found: decoded headers, both body variants and attached messages."""

    headers: dict[str, list[str]]
    body: str
    own_source: str  # body with HTML quote elements dropped (equals body for plain text)
    attached: tuple[bytes, ...]
    parts: int = 1  # MIME parts walked (at most MOST_PARTS)
    charset: str | None = None  # what the body's text was decoded from (a sign of its language)


def parse_mime(raw: bytes, block: HeaderBlock | None = None) -> Mime:
    """Split raw bytes into headers and text; raise MalformedMessage only when nothing is usable."""
    if not raw or not raw.strip():
        raise MalformedMessage("empty message")
    if not _looks_like_message(raw, block or read_header_block(raw)):
        text, charset = _decode(raw, None)
        return _bare(text, charset)
    message = _parse(raw)
    headers = _headers(message)
    plain, markup, attached, parts = _walk(message)
    if plain is not None:
        text = _broken_at_tags(plain[0])
        return Mime(headers, text, text, attached, parts, plain[1])
    if markup is not None:
        body = html_to_text(markup[0])[:MOST_TEXT]
        own = html_to_text(markup[0], drop_quotes=True)[:MOST_TEXT]
        return Mime(headers, body, own, attached, parts, markup[1])
    if not headers and not attached:
        raise MalformedMessage("no headers and no text")
    return Mime(headers, "", "", attached, parts)


# A plain part that a system filled with its HTML's line breaks ("Bonjour,<br/ ><br/ >En notre
# qualité ..."): each tag is the line break it stands for. Two at least, so that prose that names
# the tag ("use <br> in the template") stays as written.
_BREAK_TAG = re.compile(r"<br\s*/?\s*>", re.IGNORECASE)
_LEAST_BREAK_TAGS = 2


def _broken_at_tags(text: str) -> str:
    if "<" not in text:
        return text
    if len(list(itertools.islice(_BREAK_TAG.finditer(text), _LEAST_BREAK_TAGS))) < _LEAST_BREAK_TAGS:
        return text
    return _BREAK_TAG.sub("\n", text)


def is_delivery_report(headers: dict[str, list[str]]) -> bool:
    """A bounce, delay or receipt that a mail system wrote (multipart/report, MAILER-DAEMON,
    "Undelivered Mail Returned to Sender"): no person's words, and the message it returns is
    the recipient's own, so its signature is nobody's to fill."""
    field = " ".join(headers.get("content-type", []))
    sender = " ".join(headers.get("from", []))
    subject = " ".join(headers.get("subject", []))
    return bool(_REPORT_TYPE.search(field) or _SYSTEM_SENDER.search(sender) or _REPORT_SUBJECT.match(subject))


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


def _looks_like_message(raw: bytes, block: HeaderBlock) -> bool:
    """Headers and a body, or a bare body (fixtures, pasted text)? Where the one header reader
    (trust.authorship, as dkimpy splits fields) finds a From field, a message: the guess below must
    never turn fields that a signature's verifier skipped over into the author's own words."""
    if block.values("from"):
        return True
    head = raw.lstrip(b"\r\n")[:4096]
    first = head.split(b"\n", 1)[0]
    return bool(_HEADER_FIELD.match(first) or first.startswith(b"From ")) and bool(
        _KNOWN_HEADERS.search(head.split(b"\n\n", 1)[0].replace(b"\r", b""))
    )


class _CountingFactory:
    """The parser's message factory, counting the parts it makes and how deep they nest (the
    parser has no such counts; it attaches each part to its parent as it makes it)."""

    def __init__(self) -> None:
        self.made = 0
        self.deepest = 0

    def __call__(self) -> Message:
        # Without a policy argument the parser makes compat32 messages, as it would by default.
        self.made += 1
        return _Part(self)


class _Part(Message):
    """A parsed part that knows its nesting depth, reported to the factory that made it."""

    def __init__(self, factory: _CountingFactory) -> None:
        super().__init__()
        self.depth = 0
        self._made_by = factory

    def attach(self, payload: Message | str) -> None:
        if isinstance(payload, _Part):
            payload.depth = self.depth + 1
            self._made_by.deepest = max(self._made_by.deepest, payload.depth)
        super().attach(payload)


def _parse(raw: bytes) -> Message:
    """The stdlib parser, fed as its own Parser feeds it (a chunk at a time), until it has been
    given MOST_LINES lines or has made more than MOST_PARTS parts or nested them deeper than
    MOST_NESTING (it checks every line against the boundary of every open multipart, so deep
    nesting costs a multiple of the lines): the rest is never parsed."""
    made = _CountingFactory()
    parser = BytesFeedParser(_factory=made, policy=policy.compat32)
    raw = _bounded_head(raw)
    fed = lines = 0
    try:
        while (fed < len(raw) and lines < MOST_LINES and made.made <= MOST_PARTS
               and made.deepest <= MOST_NESTING):
            chunk = raw[fed : fed + _CHUNK]
            parser.feed(chunk)
            fed += len(chunk)
            lines += max(chunk.count(b"\n"), chunk.count(b"\r"))  # the parser ends lines at both
        return parser.close()
    except RecursionError:
        # The stdlib parser recurses once per nested multipart; hostile nesting exhausts the
        # stack. Headers alone still parse, and what was fed is kept as plain text.
        message = BytesParser(policy=policy.compat32).parsebytes(raw[:fed], headersonly=True)
        message.set_type("text/plain")
        return message


def _bounded_head(raw: bytes) -> bytes:
    """The raw bytes with the header lines after the first MOST_HEADER_LINES left out (the
    blank line and the body kept)."""
    last, count = None, 0
    for end in itertools.islice(_LINE_END.finditer(raw), MOST_HEADER_LINES):
        if last is not None and end.start() == last.end():
            return raw  # a blank line: the whole header block is within the bound
        last, count = end, count + 1
    if last is None or count < MOST_HEADER_LINES:
        return raw
    body = _BLANK_LINE.search(raw, last.start())
    return raw[: last.start()] + (raw[body.start() :] if body else b"\n")


def _headers(message: Message) -> dict[str, list[str]]:
    """The first MOST_HEADERS fields, decoded, at most MOST_ENCODED_WORDS encoded words in all."""
    headers: dict[str, list[str]] = {}
    words = MOST_ENCODED_WORDS
    for key, value in itertools.islice(message.raw_items(), MOST_HEADERS):
        text, words = _header_text(message.policy.header_fetch_parse(key, value), words)
        headers.setdefault(key.lower(), []).append(text)
    return headers


def _bare(text: str, charset: str) -> Mime:
    if _HTML.match(text):
        return Mime({}, html_to_text(text), html_to_text(text, drop_quotes=True), (), charset=charset)
    return Mime({}, text, text, (), charset=charset)


def _header_text(value: object, words: int) -> tuple[str, int]:
    """The header's text with its encoded words decoded, up to `words` of them (the text after
    the last one allowed is dropped), and how many may still be decoded after it."""
    text = _clip(str(value))
    found = text.count("=?")  # every encoded word starts so; a stray "=?" only counts one more
    if found > words:
        text = text[: _start_of(text, "=?", words)]
        found = words
    try:
        return " ".join(str(make_header(decode_header(text))).split()), words - found
    except (ValueError, LookupError, UnicodeError, email.errors.HeaderParseError):
        return " ".join(text.split()), words - found


def _start_of(text: str, mark: str, skipped: int) -> int:
    """Where the occurrence of mark after the first `skipped` ones starts."""
    at = -1
    for _ in range(skipped + 1):
        at = text.find(mark, at + 1)
    return at


def _clip(text: str) -> str:
    if len(text) <= _LONGEST_HEADER:
        return text
    clipped = text[:_LONGEST_HEADER]
    return clipped.rpartition(",")[0] or clipped  # no address list ends in half an address


def _walk(message: Message) -> tuple[_Text | None, _Text | None, tuple[bytes, ...], int]:
    """The first plain and HTML text parts (text and charset) and the attached messages, depth
    first in document order, over at most MOST_PARTS parts nested at most MOST_NESTING deep; and
    the parts walked."""
    plain: _Text | None = None
    markup: _Text | None = None
    attached: list[bytes] = []
    # Iterative, so deep nesting cannot exhaust the recursion limit; a stack popped from its
    # end (children pushed in reverse) keeps document order at constant cost per part.
    stack = [(message, 0)]
    walked = 0
    while stack and walked < MOST_PARTS:
        part, depth = stack.pop()
        walked += 1
        ctype = part.get_content_type()
        if ctype == "message/rfc822":
            if len(attached) < MOST_ATTACHED:
                attached.extend(_attached_bytes(part))
            continue
        if part.is_multipart():
            if depth < MOST_NESTING:
                children = [p for p in part.get_payload() if isinstance(p, Message)]
                stack.extend((child, depth + 1) for child in reversed(children))
            continue
        if part.get_content_disposition() == "attachment":
            continue
        if ctype == "text/plain" and plain is None:
            plain = _part_text(part)
        elif ctype == "text/html" and markup is None:
            markup = _part_text(part)
        elif ctype.startswith("text/") and part is message and plain is None:
            plain = _part_text(part)
    return _blank_to_none(plain), _blank_to_none(markup), tuple(attached), walked


def _attached_bytes(part: Message) -> list[bytes]:
    inner = part.get_payload()
    if isinstance(inner, list):
        return [_pruned(m).as_bytes() for m in inner if isinstance(m, Message)]
    if isinstance(inner, str):
        return [inner.encode("utf-8", "replace")]
    return []


def _pruned(message: Message) -> Message:
    """The message with whatever is nested deeper than MOST_NESTING inside it emptied, so that
    serialising it (the stdlib's generator recurses per level) cannot exhaust the stack."""
    stack = [(message, 0)]
    while stack:
        part, depth = stack.pop()
        payload = part.get_payload()
        if not isinstance(payload, list):
            continue
        if depth >= MOST_NESTING:
            part.set_payload("")
            continue
        stack.extend((p, depth + 1) for p in payload if isinstance(p, Message))
    return message


def _part_text(part: Message) -> _Text:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return str(part.get_payload())[:MOST_TEXT], part.get_content_charset()
    html = part.get_content_type() == "text/html"
    return _decode(payload, part.get_content_charset(), html=html)


def _decode(data: bytes, charset: str | None, *, html: bool = False) -> tuple[str, str]:
    """The first MOST_TEXT characters of the text (decoded whole: cutting bytes could split a
    character and fail a strict decoding; decoding is fast C code), and its charset."""
    text, used = decoded(data, charset, html=html)
    return _lines(text[:MOST_TEXT]), used


def _lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _blank_to_none(text: _Text | None) -> _Text | None:
    return text if text and text[0].strip() else None
