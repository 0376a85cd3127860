"""One message read cheaply: headers, body text, the sender's own words and any forwarded original."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mailhook.errors import MalformedMessage
from mailhook.model import Author
from mailhook.pipeline.mime import Mime, iso_date, parse_mime
from mailhook.pipeline.quotes import find_cut, header_block_end, is_from_line, is_header_line
from mailhook.trust.authorship import (
    Authorship,
    addresses_in,
    author_in_block,
    author_in_line,
    read_header_block,
)

# Subject prefixes that mark a forward in common clients and languages.
_FORWARD_SUBJECT = re.compile(
    r"^\s*(?:\[[^]]*\]\s*)?(?:fwd?|wg|tr|rv|enc|doorst|vs|vb|fw|pd|i|fs|weitergeleitet)\s*:",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"^\s*>")
_MAILTO = re.compile(r"\[mailto:([^\]\s]+)\]", re.IGNORECASE)
# A forward header's sender line in any client's language: a one-word label, a colon (or a
# full-width one), then a name and an address in angle brackets ("Email: a@b <mailto:a@b>" is not).
_SENDER_LINE = re.compile(
    r"^[\s>*]*[^\W\d_][^\s:：<>@]{0,19}\s*[:：]\s*[^<>@]*<(?!mailto:)[^<>@\s]+@[^<>\s]+>\s*$"
)
# Attached messages inside attached messages: deep enough for real mail, finite for hostile mail.
_MAX_DEPTH = 3


@dataclass(frozen=True)
class Part:
    """One author's own words: quotes, reply headers and forward blocks removed."""

    author: Author | None  # as read: a name to look for in the signature, not proof of anything
    text: str
    first_line: int  # index in Reading.body of text's first line (0 for an attached message)
    author_problem: str | None = None  # why the author may not be believed (see authorship)
    charset: str | None = None  # the charset the text was read in: a sign of its language

    @property
    def believed_author(self) -> Author | None:
        return self.author if self.author_problem is None else None


@dataclass(frozen=True)
class Reading:
    """A message as the pipeline sees it, before any language or signature work."""

    message_id: str | None
    subject: str | None
    date: str | None
    sender: Author | None  # as read; routing and trust use `own.believed_author`
    author_problem: str | None
    to: tuple[Author, ...]
    cc: tuple[Author, ...]
    body: str
    own: Part
    forwarded: Part | None


# A forward whose block this reader does not know: no original author, and none to fill.
_UNKNOWN_FORWARD = Part(None, "", 0, "a forward block that the reader does not know")


def read_message(raw: bytes) -> Reading:
    """Read raw mail bytes; best effort on garbage, MalformedMessage only if nothing is usable."""
    return _read(raw, 0)


def _read(raw: bytes, depth: int) -> Reading:
    # The author, To and Cc come from the raw header block, read as DKIM reads it: one parser,
    # which also tells the MIME layer whether these bytes have headers at all.
    block = read_header_block(raw)
    mime = parse_mime(raw, block)
    authorship = author_in_block(block)
    sender = authorship.author
    subject = _first(mime.headers, "subject")
    own_text, own_first = own_words(mime.own_source.split("\n"))
    body = mime.body.split("\n")
    forward_hint = bool(subject and _FORWARD_SUBJECT.match(subject))
    inline = _inline_original(body, forward_hint=forward_hint, charset=mime.charset)
    # The forward block the user's client wrote names the original's author, even one we cannot
    # read; a message attached to that original is its attachment (whoever wrote it), not the
    # original: only mail with no forward block at all forwards an attached message.
    forwarded = inline or (_UNKNOWN_FORWARD if _foreign_sender_line(body, len(body)) else
                           _attached_original(mime, depth))
    return Reading(
        message_id=_first(mime.headers, "message-id"),
        subject=subject,
        date=iso_date(_first(mime.headers, "date")),
        sender=sender,
        author_problem=authorship.problem,
        to=addresses_in(block.text("to")),
        cc=addresses_in(block.text("cc")),
        body=mime.body,
        own=Part(sender, own_text, own_first, authorship.problem, mime.charset),
        forwarded=forwarded,
    )


def own_words(lines: list[str]) -> tuple[str, int]:
    """The author's text and its first line: above the first quote, or below it when bottom-posted."""
    cut = find_cut(lines)
    if cut is None:
        return "\n".join(lines), 0
    if any(line.strip() for line in lines[: cut.line]) or cut.forward:
        return "\n".join(lines[: cut.line]), 0
    start = cut.line + 1
    while start < len(lines) and (_QUOTED.match(lines[start]) or not lines[start].strip()):
        start += 1
    rest = lines[start:]
    below = find_cut(rest)
    return "\n".join(rest[: below.line] if below else rest), start


def _first(headers: dict[str, list[str]], name: str) -> str | None:
    values = [v.strip() for v in headers.get(name, []) if v.strip()]
    return values[0] if values else None


def _attached_original(mime: Mime, depth: int) -> Part | None:
    if depth >= _MAX_DEPTH:
        return None
    for raw in mime.attached:
        try:
            inner = _read(raw, depth + 1)
        except MalformedMessage:
            continue  # an empty attachment must not make the outer message unreadable
        if inner.sender or inner.own.text.strip():
            return Part(inner.sender, inner.own.text, 0, inner.author_problem, inner.own.charset)
    return None


def _inline_original(lines: list[str], *, forward_hint: bool, charset: str | None) -> Part | None:
    """The forwarded original in the body: its From line's author and the words below its headers."""
    cut = find_cut(lines)
    if cut is None or not (cut.forward or forward_hint):
        return None
    start = header_block_end(lines, cut.line + 1 if cut.forward else cut.line)
    block = lines[cut.line : start]
    from_lines = [line for line in block if is_from_line(line.lstrip("> \t"))]
    # The same one-author rules as a From field: one From line naming one address, read alike.
    authorship = _author(from_lines[0]) if len(from_lines) == 1 else None
    rest = lines[start:]
    inner_cut = find_cut(rest)
    text = "\n".join(rest[: inner_cut.line] if inner_cut else rest)
    author = authorship.author if authorship else None
    if author is None and not text.strip():
        return None
    problem: str | None = authorship.problem if authorship else (
        "more than one From line in the forward" if from_lines else "no From line in the forward")
    if _foreign_sender_line(lines, cut.line):
        # The user's own forward block is one we cannot read: the block we can read is inside the
        # original, written by whoever wrote the original.
        problem = "a forward block above this one that the reader does not know"
    return Part(author, text, start, problem, charset)


def _foreign_sender_line(lines: list[str], before: int) -> bool:
    """A line above `before` shaped like a forward header's sender line ("差出人: Eve <e@x>",
    "Kimden: Eve <e@x>") in a language the quote rules do not know."""
    return any(_SENDER_LINE.match(line) and not is_header_line(line) for line in lines[:before])


def _author(line: str) -> Authorship:
    value = line.lstrip("> \t*").split(":", 1)[1].strip().strip("*").strip()
    return author_in_line(_MAILTO.sub(r"<\1>", value))
