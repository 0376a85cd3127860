"""The one reading of the author: hostile From fields, and every reader of a mail agreeing on it."""

from __future__ import annotations

import email
from email import policy
from email.header import decode_header, make_header
from email.utils import getaddresses

import dkim
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mailhook.mailbox import canonical_or_none
from mailhook.model import Author
from mailhook.pipeline import read_message
from mailhook.rules.routing import Headers
from mailhook.trust.authorship import author_in, author_in_line, author_of, read_header_block
from mailhook.worker.processing import _headers

# Pieces an attacker strings together: addresses, address syntax, encoded words that decode to
# address syntax, comments, groups, folding, bare CR, control and non-ASCII characters.
PIECES = [
    "ann@us.example", "victim@corp.example", "attacker@evil.example", "Bob", " ", "<", ">", "(", ")",
    ",", ";", ":", '"', "\\", "@", ".", "undisclosed:", "=?utf-8?q?=3C?=", "=?utf-8?q?=3E?=",
    "=?utf-8?q?=40?=", "=?utf-8?q?=28?=", "=?utf-8?q?=29?=", "=?utf-8?q?=2C?=", "=?utf-8?q?=22?=",
    "=?utf-8?q?victim=40corp=2Eexample?=", "=?utf-8?b?PHZpY3RpbUBjb3JwLmV4YW1wbGU+?=",
    "=?utf-8?q?=3Cvictim=40corp=2Eexample=3E_=28?=", "\r\n ", "\r", "\n", "\x00", "\x1b", "ü",
    "\u202e", "=?iso-8859-1?q?M=FCller?=",
]
from_values = st.lists(st.sampled_from(PIECES), min_size=1, max_size=14).map("".join)


def message(value: str, *, second: str | None = None) -> bytes:
    fields = [b"From: " + value.encode("utf-8")]
    if second is not None:
        fields.append(b"From: " + second.encode("utf-8"))
    return b"\r\n".join([*fields, b"To: ann@us.example", b"Subject: hi", b"", b"Hello", b""])


def dkimpy_froms(raw: bytes) -> list[bytes] | None:
    """The From fields as dkimpy hashes them, or None when dkimpy refuses the message."""
    try:
        return [value for name, value in dkim.DKIM(raw).headers if name.lower() == b"from"]
    except dkim.MessageFormatError:
        return None


def stdlib_addresses(raw: bytes) -> tuple[set[str | None], set[str | None]]:
    """What Python's parser with each policy makes of the whole message's From."""
    modern = email.message_from_bytes(raw, policy=policy.default)
    legacy = email.message_from_bytes(raw, policy=policy.compat32)
    new = {canonical_or_none(utf8(a.addr_spec)) for a in modern["From"].addresses}
    stored = next(value for name, value in legacy.raw_items() if name.lower() == "from")
    try:
        value = str(make_header(decode_header(utf8(stored))))
    except (ValueError, LookupError, UnicodeError):  # a decode-first reader gives up: reads it raw
        value = utf8(stored)
    old = {canonical_or_none(utf8(a)) for _, a in getaddresses([value]) if a}
    return new, old


def utf8(text: str) -> str:
    """Python's parser keeps raw 8-bit header bytes as surrogates: the same bytes, as UTF-8 text."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(from_values, st.one_of(st.none(), from_values))
def test_every_consumer_sees_the_same_author_or_none_believes_one(value: str, second: str | None) -> None:
    """Hostile From fields: the intake and the DKIM look-ahead (author_of), routing and the DKIM
    verdict (the pipeline's Reading) see one author; and when it is believed, dkimpy and Python's
    parser under both policies read exactly that one address too."""
    raw = message(value, second=second)
    intake = author_of(raw)
    reading = read_message(raw)
    headers: Headers = _headers(reading)
    assert reading.own.believed_author == intake.believed
    assert (headers.sender, headers.author_problem) == (intake.author, intake.problem)
    believed = intake.believed
    if believed is None:
        assert intake.domain is None  # nothing to align a signature with
        return
    assert believed.email is not None
    assert intake.domain == believed.email.rpartition("@")[2]
    froms = dkimpy_froms(raw)
    assert froms is not None and len(froms) == 1
    unfolded = froms[0].decode("utf-8").replace("\r\n", "")  # RFC 5322 2.2.3: unfolding
    assert author_in(unfolded).believed == believed
    assert stdlib_addresses(raw) == ({believed.email}, {believed.email})


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("=?utf-8?q?=3Cvictim=40corp=2Eexample=3E_=28?= <attacker@evil.example>)", "a malformed From field"),
        ("<attacker@evil.example>, =?utf-8?q?=28?= <ann@us.example> =?utf-8?q?=29?=",
         "more than one From address"),
        ("=?utf-8?q?victim=40corp=2Eexample?= <m@x.example>", "a From field that readers read differently"),
        ('"victim@corp.example" <attacker@evil.example>', "an address inside the display name"),
        ("undisclosed: a@b.example;", "a group in the From field"),
        ("a@b.example, c@d.example", "more than one From address"),
        ("Bob \x1b]8;;http://ev.il\x07 <bob@acme.example>", "control characters in the From field"),
        ("((((((((((((((((((((((((((((((((((((((((((((((((((((((((( <a@b.example>", "no From address"),
    ],
)
def test_a_from_that_readers_could_read_differently_is_in_doubt(value: str, problem: str) -> None:
    """Each way one reader could disagree with another is named, and nothing is believed."""
    authorship = author_in(value)
    assert (authorship.problem, authorship.believed) == (problem, None)


@pytest.mark.parametrize(
    ("value", "author"),
    [
        ("Bob Smith <Bob@Acme.Example>", Author("Bob Smith", "bob@acme.example")),
        ('"bob@acme.example" <bob@acme.example>', Author("bob@acme.example", "bob@acme.example")),
        ("=?utf-8?q?M=C3=BCller?= <m@x.example>", Author("Müller", "m@x.example")),
        ("bob@acme.example (Bob Smith)", Author("Bob Smith", "bob@acme.example")),
        ('"Smith, Bob" <bob@acme.example>', Author("Smith, Bob", "bob@acme.example")),
        ('Ann <"ann"@us.example>', Author("Ann", "ann@us.example")),
    ],
)
def test_ordinary_from_fields_are_believed(value: str, author: Author) -> None:
    """What real clients write reads as one author, in canonical form."""
    assert author_in(value).believed == author


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"From: a@b.example\r\nFrom: c@d.example\r\n\r\nx", "more than one From field"),
        (b"From: a@b.example\r\nX: y\rAuthentication-Results: z\r\n\r\nx", "a bare CR in the header block"),
        (b"From: a@b.example\r\nnot a field\r\n\r\nx", "a line in the header block that is not a field"),
        (b" folded: first\r\nFrom: a@b.example\r\n\r\nx", "the header block starts with a continuation line"),
        (b"From: \xc3(a@b.example\r\n\r\nx", "a From field that is not UTF-8"),
        (b"From: a@b.example\r\nTo: x@y.example\r\nto: z@w.example\r\n\r\nx", "more than one to field"),
        (b"From: a@b.example\r\nContent-Type: text/plain\r\nContent-Type: multipart/mixed\r\n\r\nx",
         "more than one content-type field"),
        (b"From: a@b.example\r\nX-Pad: " + b"p" * 300_000 + b"\r\n\r\nx", "a header block too long to read"),
    ],
)
def test_a_header_block_that_readers_could_split_differently_puts_the_author_in_doubt(
    raw: bytes, problem: str
) -> None:
    """dkimpy splits lines only at LF, Python also at a bare CR; Python starts the body at a line
    that is not a field, dkimpy refuses the message: either way the author is not believed."""
    assert author_of(raw).problem == problem


def test_header_block_values_are_unfolded_and_never_decoded() -> None:
    """Folding is undone; encoded words stay as sent, so they can never become address syntax."""
    block = read_header_block(b"From: =?utf-8?q?=3C?=\r\n <a@b.example>\r\nMessage-ID:\r\n <x@y>\r\n\r\n")
    assert block.text("from") == ["=?utf-8?q?=3C?= <a@b.example>"]
    assert block.message_id() == "<x@y>"


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Smith, Carol <carol@target.example>", Author("Smith, Carol", "carol@target.example")),
        ("Carol Smith <carol@target.example>", Author("Carol Smith", "carol@target.example")),
        ("carol@target.example", Author(None, "carol@target.example")),
    ],
)
def test_a_forwarded_from_line_as_clients_write_it_is_one_author(line: str, author: Author) -> None:
    """Outlook's unquoted "Last, First <address>" in a forward's body is one person, not two."""
    assert author_in_line(line).believed == author


def test_a_forwarded_from_line_with_two_addresses_is_in_doubt() -> None:
    assert author_in_line("carol@target.example, eve@evil.example").believed is None
