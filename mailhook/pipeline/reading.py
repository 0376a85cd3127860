"""One message read cheaply: headers, body text, the sender's own words and any forwarded original."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mailhook.errors import MalformedMessage
from mailhook.model import Author
from mailhook.pipeline.lines import DELIMITER
from mailhook.pipeline.mime import Mime, is_delivery_report, iso_date, parse_mime
from mailhook.pipeline.quotes import (
    MOST_LINES,
    attribution_width,
    find_cut,
    header_block_end,
    is_from_line,
    is_header_line,
    is_quoted,
    starts_others,
)
from mailhook.trust.authorship import (
    Authorship,
    addresses_in,
    author_in_block,
    author_in_line,
    forward_in_doubt,
    read_header_block,
)

# Subject prefixes that mark a forward in common clients and languages.
_FORWARD_SUBJECT = re.compile(
    r"^\s*(?:\[[^]]*\]\s*)?(?:fwd?|wg|tr|rv|enc|doorst|vs|vb|fw|pd|i|fs|weitergeleitet)\s*:",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"^\s*>")
# A mark of the quote cut short ("...", "[...]", "<snip>"): no one's words.
_ELISION = re.compile(r"^\s*(?:\.{3,}|…|\[(?:\.{3}|…)\]|[\[<]?snip(?:ped)?[\]>]?)\s*$", re.IGNORECASE)
_MAILTO = re.compile(r"\[mailto:([^\]\s]+)\]", re.IGNORECASE)
# A forward header's sender line in any client's language: a one-word label, a colon (or a
# full-width one), then a name and an address in angle brackets ("Email: a@b <mailto:a@b>" is not).
_SENDER_LINE = re.compile(
    r"^[\s>*]*[^\W\d_][^\s:：<>@]{0,19}\s*[:：]\s*[^<>@]*<(?!mailto:)[^<>@\s]+@[^<>\s]+>\s*$"
)
# A quoted line wrapped by a client runs on over this many unmarked lines at most.
_MOST_WRAPPED = 3
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
    report = is_delivery_report(mime.headers)
    own_text, own_first = ("", 0) if report else own_words(mime.own_source.split("\n"))
    body = mime.body.split("\n")
    forward_hint = bool(subject and _FORWARD_SUBJECT.match(subject))
    inline = _inline_original(body, forward_hint=forward_hint, charset=mime.charset, forwarder=sender)
    # The forward block the user's client wrote names the original's author, even one we cannot
    # read; a message attached to that original is its attachment (whoever wrote it), not the
    # original: only mail with no forward block at all forwards an attached message.
    forwarded = None if report else inline or (
        _UNKNOWN_FORWARD if _foreign_sender_line(body, len(body)) else _attached_original(mime, depth))
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
    """The author's text and its first line: above the first quote, and, where they answer
    between ">"-quoted passages or below them, their words there too, with the quoted lines
    blanked so that line numbers still index the body."""
    cut = find_cut(lines)
    if cut is None:
        return "\n".join(lines), 0
    if cut.forward:
        return "\n".join(lines[: cut.line]), 0
    if not (is_quoted(lines[cut.line]) or attribution_width(lines, cut.line)):
        return _above_or_below(lines, cut.line)
    kept = _between_quotes(lines, cut.line)
    first = next((i for i, line in enumerate(kept) if line.strip()), len(kept))
    if first >= cut.line:  # nothing above the quote: bottom-posted, the text starts below it
        return "\n".join(kept[first:]), first
    return "\n".join(kept), 0


def _above_or_below(lines: list[str], cut: int) -> tuple[str, int]:
    """Around an "Original Message" mark or an Outlook header block: the text above it, or,
    with none, the text below the quote under it."""
    if any(line.strip() for line in lines[:cut]):
        return "\n".join(lines[:cut] + _signature_below_quote(lines, cut)), 0
    start = cut + 1
    while start < len(lines) and (_QUOTED.match(lines[start]) or not lines[start].strip()):
        start += 1
    rest = lines[start:]
    below = find_cut(rest)
    return "\n".join(rest[: below.line] if below else rest), start


_HEADER_OR_QUOTE = re.compile(r"^\s*(?:>|[\w.-]{2,12}\s*:)")
_SIGNED_WORDS = 4  # a name signed above the quote, not a sentence


def _signature_below_quote(lines: list[str], cut: int) -> list[str]:
    """A client that appends the signature below the quote (KMail): the "-- " block at the end
    whose first line is the name the author signed above the quote, with the original between
    blanked (so that line numbers still index the body); else nothing."""
    signed = next((line.strip() for line in reversed(lines[:cut]) if line.strip()), "")
    delimiter = next((i for i in range(len(lines) - 1, cut, -1) if DELIMITER.match(lines[i].rstrip())), None)
    if delimiter is None or not signed or len(signed.split()) > _SIGNED_WORDS:
        return []
    block = [line for line in lines[delimiter + 1 :] if line.strip()]
    between = [line for line in lines[cut + 1 : delimiter] if line.strip()]
    if not block or block[0].strip() != signed or not all(map(_HEADER_OR_QUOTE.match, between)):
        return []
    return [""] * (delimiter - cut) + lines[delimiter:]


def _between_quotes(lines: list[str], start: int) -> list[str]:
    """The lines up to the author's last own line, quotes and their attributions blanked; it
    stops where someone else's message starts (a forward, an Outlook header block, or an
    attribution whose quote carries no ">" marks)."""
    kept = list(lines[:start])
    last = len(kept)
    index = start
    stop = min(len(lines), MOST_LINES)
    while index < stop:
        line = lines[index]
        width = 0 if is_quoted(line) else attribution_width(lines, index)
        if width:
            below = _next_text(lines, index + width)
            while below < len(lines) and _ELISION.match(lines[below]):
                below = _next_text(lines, below + 1)
            if below < len(lines) and not is_quoted(lines[below]):
                break  # an original quoted without marks: not the author's words
            kept.extend([""] * width)
            index += width
            continue
        if not is_quoted(line) and starts_others(lines, index):
            break
        if is_quoted(line) or _is_wrapped_quote(lines, index):
            kept.append("")
        else:
            kept.append(line)
            last = len(kept) if line.strip() else last
        index += 1
    return kept[:last]


def _is_wrapped_quote(lines: list[str], index: int) -> bool:
    """An unmarked line in a run of at most _MOST_WRAPPED lines right between two quoted ones,
    with no blank line apart: a quoted line the client wrapped."""
    top = bottom = index
    # Each way no further than a wrapped run can reach: a long paragraph costs no more.
    while top > 0 and index - top <= _MOST_WRAPPED and _unmarked(lines[top - 1]):
        top -= 1
    while bottom + 1 < len(lines) and bottom - index <= _MOST_WRAPPED and _unmarked(lines[bottom + 1]):
        bottom += 1
    if not lines[index].strip() or bottom - top >= _MOST_WRAPPED or bottom + 1 >= len(lines):
        return False
    return top > 0 and is_quoted(lines[top - 1]) and is_quoted(lines[bottom + 1])


def _unmarked(line: str) -> bool:
    return bool(line.strip()) and not is_quoted(line)


def _next_text(lines: list[str], index: int) -> int:
    while index < len(lines) and not lines[index].strip():
        index += 1
    return index


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


def _inline_original(lines: list[str], *, forward_hint: bool, charset: str | None,
                     forwarder: Author | None = None) -> Part | None:
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
    if problem is None:
        # The one-author rule for the forwarder's lines above the original's From line: another
        # outside address there means the block read may be one written inside the original.
        problem = forward_in_doubt(lines[: cut.line + 1], author, forwarder)
    return Part(author, text, start, problem, charset)


def _foreign_sender_line(lines: list[str], before: int) -> bool:
    """A line above `before` shaped like a forward header's sender line ("差出人: Eve <e@x>",
    "Kimden: Eve <e@x>") in a language the quote rules do not know."""
    return any(_SENDER_LINE.match(line) and not is_header_line(line) for line in lines[:before])


def _author(line: str) -> Authorship:
    value = line.lstrip("> \t*").split(":", 1)[1].strip().strip("*").strip()
    return author_in_line(_MAILTO.sub(r"<\1>", value))
