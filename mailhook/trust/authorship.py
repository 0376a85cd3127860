"""Who wrote a message: the one reading of the author that every consumer uses (the intake, DKIM and
ARC alignment, routing, forward attribution), so that two readings of one header never disagree.

Anything that different readers of mail could read differently is a `problem`, and an author with
a problem is never believed: several addresses, a group, an address inside the display name, a
From that email's old (compat32) and new parsers or a decode-first reader read differently, bytes
that are not UTF-8, a bare CR in the header block (Python breaks the line there, dkimpy does not),
a line in the header block that is not a field (Python starts the body there, dkimpy refuses the
message), more than one From field or copy of any other field a message has once, and a From
longer than any real one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from email.errors import HeaderParseError
from email.header import decode_header, make_header
from email.policy import default as default_policy
from email.utils import getaddresses

from mailhook.mailbox import canonical_or_none
from mailhook.model import Author

# Beyond this the header block is not read at all: no real message has 256 KiB of headers, and a
# header block we did not read to its end cannot vouch for anything.
MAX_HEADER_BYTES = 256 * 1024
# Real From fields are a name and an address, far under the 998-byte line limit; readers with a
# cut-off (ours had one at 64 KiB) would see a different list beyond it.
MAX_FROM_CHARS = 2_000
# RFC 5322 field names, as dkimpy reads them: printable ASCII up to the first colon.
_FIELD_NAME = re.compile(rb"[\x21-\x39\x3b-\x7e]+:")
_ADDRESS_IN_TEXT = re.compile(r"[^\s<>\"'(),;:@\[\]]+@[^\s<>\"'(),;:@\[\]]+")
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
# "Smith, Carol <carol@x.example>" as clients write a forwarded original's From line in the body.
_NAME_THEN_ADDRESS = re.compile(r"^(?P<name>[^<>@\"]*?)\s*<(?P<address>[^<>\s]+)>$")
# Fields a message has at most once (RFC 5322 3.6, RFC 2045) that decide what we read: whom outbound
# mail is logged on, which message it is, and how the body is decoded. A second copy is where
# readers part: dkimpy verifies the bottom copy of a field h= lists once, Python's parser reads the
# top one, so a copy added on top of a signed message is read by us and signed by nobody.
SINGLE_FIELDS = (
    "to", "cc", "subject", "message-id", "mime-version", "content-type", "content-transfer-encoding",
)
# The problems that mean there is no author at all, rather than one in doubt.
NO_FROM_FIELD = "no From field"
NO_FROM_ADDRESS = "no From address"


@dataclass(frozen=True)
class HeaderBlock:
    """The header fields as every reader agrees they are, or a problem saying why they might not."""

    fields: tuple[tuple[str, bytes], ...]  # (lower-case name, unfolded value as sent)
    problem: str | None

    def values(self, name: str) -> list[bytes]:
        return [value for field, value in self.fields if field == name]

    def text(self, name: str) -> list[str]:
        """Values as text; bytes that are not UTF-8 are replaced, never decoded as encoded words."""
        return [value.decode("utf-8", "replace").strip() for value in self.values(name)]

    def message_id(self) -> str | None:
        """The first Message-ID as written (unfolded)."""
        found = [" ".join(value.split()) for value in self.text("message-id")]
        return next((value for value in found if value), None)


@dataclass(frozen=True)
class Authorship:
    """The author as read, and why it may not be believed (None: it may)."""

    author: Author | None
    problem: str | None

    @property
    def believed(self) -> Author | None:
        """The author, when nothing about the From is in doubt."""
        return self.author if self.problem is None else None

    @property
    def domain(self) -> str | None:
        """The domain DKIM must align with; None when the author is in doubt."""
        author = self.believed
        return author.email.rpartition("@")[2] if author and author.email else None


def read_header_block(raw: bytes) -> HeaderBlock:
    """The header block up to the first empty line, split into fields as dkimpy splits them."""
    head = raw[:MAX_HEADER_BYTES]
    fields: list[list[bytes]] = []
    problem: str | None = None
    ended = False
    for number, line in enumerate(head.split(b"\n")):
        line = line.removesuffix(b"\r")
        if not line:
            ended = True
            break
        if b"\r" in line:
            problem = problem or "a bare CR in the header block"
        if line[:1] in (b" ", b"\t"):
            if not fields:
                problem = problem or "the header block starts with a continuation line"
                continue
            fields[-1][1] += line
        elif match := _FIELD_NAME.match(line):
            fields.append([match.group()[:-1].lower(), line[match.end() :]])
        elif number == 0 and line.startswith(b"From "):
            continue  # an mbox separator: every reader skips it
        else:
            problem = problem or "a line in the header block that is not a field"
            break
    if not ended and len(raw) > MAX_HEADER_BYTES:
        problem = problem or "a header block too long to read"
    found = tuple((name.decode("ascii"), value.strip()) for name, value in fields)
    names = [name for name, _ in found]
    repeated = next((name for name in SINGLE_FIELDS if names.count(name) > 1), None)
    if repeated is not None:
        problem = problem or f"more than one {repeated} field"
    return HeaderBlock(found, problem)


def author_of(raw: bytes) -> Authorship:
    """The author of raw mail bytes (the From field, read from the raw header block)."""
    return author_in_block(read_header_block(raw))


def author_in_block(block: HeaderBlock) -> Authorship:
    values = block.values("from")
    if not values:
        return Authorship(None, NO_FROM_FIELD)
    if len(values) > 1:
        return Authorship(None, "more than one From field")
    try:
        value = values[0].decode("utf-8")
    except UnicodeDecodeError:
        return Authorship(None, "a From field that is not UTF-8")
    reading = author_in(value)
    return Authorship(reading.author, block.problem or reading.problem)


def author_in(value: str) -> Authorship:
    """The one author a From value names: the same on every reader, or a problem."""
    value = value.strip()
    if len(value) > MAX_FROM_CHARS:
        return Authorship(None, "a From field too long to read")
    if _CONTROL.search(value):
        return Authorship(None, "control characters in the From field")
    try:
        header = default_policy.header_factory("from", value)
        legacy = getaddresses([value])
        decoded = getaddresses([_decoded(value)])
    # The stdlib's parsers raise assorted errors on hostile input (IndexError, RecursionError on
    # nested comments...): all mean that this From cannot be read alike by everyone.
    except Exception:  # noqa: BLE001
        return Authorship(None, "an unreadable From field")
    mailboxes = header.addresses
    author = _author(mailboxes[0].display_name, legacy, mailboxes[0].addr_spec) if mailboxes else None
    return Authorship(author, _problem(header, legacy, decoded, author))


def author_in_line(value: str) -> Authorship:
    """The author a forwarded original's From line names (body text: never decoded further)."""
    shaped = _NAME_THEN_ADDRESS.match(value.strip())
    if shaped and shaped.group("name").strip(" '"):
        name = shaped.group("name").strip(" '").replace("\\", "").replace('"', "")
        value = f'"{name}" <{shaped.group("address")}>'
    return author_in(value)


def forward_in_doubt(above: Iterable[str], original: Author | None, forwarder: Author | None) -> str | None:
    """Why a forwarded original's author may not be believed, from the forwarder's text above
    the original's From line (`above`: the note and the line where the forward starts). Another
    outside address there ("----- Forwarded message from Eve <e@x> -----", "On ..., Eve <e@x>
    wrote:", a header block in a language the quote rules do not know) means the block read may
    be one written inside the original by whoever sent it. The original's own address and
    addresses of the forwarder's domain (their signature, colleagues) do not count."""
    own = forwarder.email.rpartition("@")[2] if forwarder and forwarder.email else None
    allowed = {original.email} if original and original.email else set()
    for line in above:
        for found in _ADDRESS_IN_TEXT.findall(line):
            address = canonical_or_none(found.strip(".*"))
            if address and address not in allowed and address.rpartition("@")[2] != own:
                return "another address above the forwarded original"
    return None


def addresses_in(values: Iterable[str]) -> tuple[Author, ...]:
    """Recipients in To/Cc values as sent: structure read before any encoded word is decoded."""
    try:
        pairs = getaddresses(list(values))
    except RecursionError:  # the stdlib recurses once per nested comment: "(((((..."
        return ()
    found: list[Author] = []
    for raw_name, raw_address in pairs:
        email = canonical_or_none(raw_address)
        name = _decoded(raw_name).strip("'\" ") or None
        if email or name:
            found.append(Author(name, email))
    return tuple(found)


def _problem(header: object, legacy: list[tuple[str, str]], decoded: list[tuple[str, str]],
             author: Author | None) -> str | None:
    groups = getattr(header, "groups", ())
    if any(group.display_name is not None for group in groups):
        return "a group in the From field"
    if len(getattr(header, "addresses", ())) != 1:
        return NO_FROM_ADDRESS if author is None else "more than one From address"
    if getattr(header, "defects", ()):
        return "a malformed From field"
    if author is None or author.email is None:
        return NO_FROM_ADDRESS
    readings = ({canonical_or_none(a) for _, a in pairs if a.strip()} for pairs in (legacy, decoded))
    if any(reading != {author.email} for reading in readings):
        return "a From field that readers read differently"
    shown = {canonical_or_none(m) for m in _ADDRESS_IN_TEXT.findall(author.name or "")}
    if shown - {author.email}:
        return "an address inside the display name"
    return None


def _author(display_name: str, legacy: list[tuple[str, str]], addr_spec: str) -> Author:
    name = " ".join(display_name.split()) or (_decoded(legacy[0][0]) if legacy else "")
    return Author(name.strip("'\" ") or None, canonical_or_none(addr_spec))


def _decoded(text: str) -> str:
    """Encoded words decoded, as a reader that decodes before it parses would see the text."""
    try:
        return " ".join(str(make_header(decode_header(text))).split())
    except (ValueError, LookupError, UnicodeError, HeaderParseError):
        return " ".join(text.split())
