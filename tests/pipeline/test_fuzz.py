"""Hostile and random input: the pipeline answers or raises MalformedMessage, each call within a
2 s CPU budget, and the worker keeps every failure inside its per-message boundary."""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mailhook import pipeline
from mailhook.config import Config
from mailhook.model import Author
from mailhook.pipeline import MalformedMessage, Part, Reading
from mailhook.store import Received, Store
from mailhook.worker.budget import Budget
from mailhook.worker.processing import Worker

T = TypeVar("T")
# A bound on one call's CPU time (the worker's own Budget), not a wait and not wall time: hostile
# mail must not cost more, however busy the machine running the tests is.
LIMIT_SECONDS = 2.0
HANG_SECONDS = 120.0  # only a hang takes this long, even on a loaded machine
USER = "ann@us.example"
CONTACT = "bob@acme.example"
HEAD = (
    f"From: Bob Smith <{CONTACT}>\nTo: {USER}\nSubject: Re: quote\n"
    "Message-ID: <fuzz@acme.example>\nMIME-Version: 1.0\n"
).encode()
SIGNATURE = "Best regards,\nBob Smith\nSales Director\nAcme GmbH\nTel: +49 30 1234567\n"
FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def bounded(call: Callable[[], T]) -> T | None:
    """Run one pipeline call: it returns (or raises MalformedMessage) within LIMIT_SECONDS of CPU
    time; beyond that the budget raises MessageTooSlow, which fails the test."""
    try:
        with Budget(LIMIT_SECONDS):
            result: T | None = call()
    except MalformedMessage:
        result = None
    return result


def read_and_extract(raw: bytes) -> Reading | None:
    """What the worker does with a message's text, each step bounded on its own."""
    reading = bounded(lambda: pipeline.read_message(raw))
    if reading is not None:
        for part in (reading.own, reading.forwarded):
            if part is not None:
                bounded(lambda part=part: pipeline.extract(part))
    return reading


def text_message(body: bytes, content_type: bytes = b"text/plain; charset=utf-8") -> bytes:
    return HEAD + b"Content-Type: " + content_type + b"\n\n" + body


# --- random bytes and random structure ----------------------------------------------------

# Pieces that steer random text towards the code paths that matter: quotes, attributions,
# forward and header blocks, sign-offs, delimiters, phones, addresses, names and odd spaces.
FRAGMENTS = (
    "> ", ">>", "\n", "\r\n", "\r", " ", "\t", "\u00a0", "\u200f", ":", "--", "-- \n", "__________",
    "On Mon, 1 Jan 2024, Bob <bob@acme.example> wrote:", "Am 01.01.2024 schrieb Bob:",
    "From: Bob", "Von:", "Sent:", "To:", "Subject:", "-----Original Message-----",
    "---------- Forwarded message ---------", "Begin forwarded message:",
    "Best regards,", "Mit freundlichen Grüßen", "Cheers", "Bob Smith", "Sales Director",
    "Acme GmbH", "Tel: +49 (30) 123-4567", "Mobile: 0171 2345678", "Fax", "x1234", "+", "(", ")",
    "0", "12", "/", ".", "ext. 55", "Hauptstraße 12", "10115 Berlin", "Germany", "www.acme.de",
    "bob@acme.example", "@", "Sent from my iPhone", "CONFIDENTIAL", "こんにちは", "Здравствуйте",
    "<div>", "</div>", "<blockquote>", "&nbsp;", "=?utf-8?B?w6k=?=", "=C3=A9", "\x00", "\udc80",
)
texts = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=20), max_size=120).map("".join)
CHARSETS = ("utf-8", "latin-1", "x-bogus", "utf-7", "cp1252", "utf-16", "", "us-ascii\x00")
ENCODINGS = ("7bit", "base64", "quoted-printable", "x-uuencode", "8bit", "bogus")


@st.composite
def mime_messages(draw: st.DrawFn, depth: int = 0) -> bytes:
    """Structured but hostile MIME: nested multiparts, bad charsets and transfer encodings,
    attached messages, HTML, odd headers."""
    headers = [HEAD] if depth == 0 else []
    headers += [
        f"{draw(st.sampled_from(['X-Junk', 'Subject', 'From', 'Cc', 'Date', 'Reply-To']))}: "
        f"{draw(texts).replace(chr(10), ' ').replace(chr(13), ' ')}\n".encode("utf-8", "replace")
        for _ in range(draw(st.integers(0, 3)))
    ]
    kind = draw(st.sampled_from(["text/plain", "text/html", "multipart/mixed",
                                 "multipart/alternative", "message/rfc822", "application/x"]))
    if kind.startswith("multipart") and depth < 4:
        boundary = draw(st.sampled_from(["b", "==", "x" * 70, "--"]))
        parts = draw(st.lists(mime_messages(depth + 1), max_size=4))  # type: ignore[call-arg]
        body = b"".join(b"--" + boundary.encode() + b"\n" + p + b"\n" for p in parts)
        if draw(st.booleans()):
            body += b"--" + boundary.encode() + b"--\n"
        ctype = f'{kind}; boundary="{boundary}"'
    elif kind == "message/rfc822" and depth < 4:
        body, ctype = HEAD + b"\n" + draw(mime_messages(depth + 1)), kind  # type: ignore[call-arg]
    else:
        charset = draw(st.sampled_from(CHARSETS))
        body = draw(texts).encode(draw(st.sampled_from(["utf-8", "latin-1", "utf-16"])), "replace")
        ctype = f"{kind}; charset={charset}"
    encoding = draw(st.sampled_from(ENCODINGS))
    fields = f"Content-Type: {ctype}\nContent-Transfer-Encoding: {encoding}\n\n".encode()
    return b"".join(headers) + fields + body


@FUZZ
@given(st.binary(max_size=4000))
def test_read_message_on_arbitrary_bytes_returns_or_raises_malformed_fast(raw: bytes) -> None:
    """Any bytes at all are read (or refused as MalformedMessage) within the bound."""
    read_and_extract(raw)


@FUZZ
@given(st.binary(max_size=2000))
def test_read_message_on_arbitrary_bytes_after_headers_returns_fast(body: bytes) -> None:
    """Any body under real headers is read and extracted within the bound."""
    read_and_extract(text_message(body))


@FUZZ
@given(mime_messages())
def test_read_message_on_hostile_mime_returns_or_raises_malformed_fast(raw: bytes) -> None:
    """Nested, mislabelled and badly encoded MIME is read within the bound."""
    read_and_extract(raw)


@FUZZ
@given(texts, st.sampled_from([None, Author("Bob Smith", CONTACT), Author(None, "x@y.z")]))
def test_extract_on_arbitrary_text_returns_fast(text: str, author: Author | None) -> None:
    """Quote stripping, signature finding and extraction on any text return within the bound."""
    bounded(lambda: pipeline.extract(Part(author, text, 0)))
    read_and_extract(text_message(text.encode("utf-8", "surrogateescape")))


@FUZZ
@given(texts)
def test_extract_after_a_signature_returns_fast(tail: str) -> None:
    """Random lines right where the signature finder and field finders look."""
    part = Part(Author("Bob Smith", CONTACT), f"Hi Ann,\n\nfine.\n\n{SIGNATURE}{tail}", 0)
    bounded(lambda: pipeline.extract(part))


# --- worst cases, written out ---------------------------------------------------------------

MB = 1_000_000
WORST_CASES = {
    "1 MB single line": text_message(b"a" * MB),
    "1 MB single line of words": text_message(b"word " * (MB // 5)),
    "1 MB line of phone-like digits": text_message(b"Tel: " + b"+49 (30) 12-34 / " * (MB // 17)),
    "100k lines": text_message(b"a line of text\n" * 100_000),
    "100k name lines": text_message(b"Bob Smith\n" * 100_000),
    "10k nested quote markers": text_message(b">" * 10_000 + b" text\n"),
    "quote depth ladder": text_message(b"".join(b">" * i + b" x\n" for i in range(3000))),
    "3 MB of > on one line": text_message(b">" * 3 * MB),
    "1M lines of >": text_message(b">\n" * MB),
    "5 MB of digits and separators, lines": text_message(
        b"+49 30 1234-567 / 0171 2345678 ext 12\n" * (5 * MB // 38)
    ),
    "5 MB of digits and separators, one line": text_message(b"1 2-3 (4) 5.6/" * (5 * MB // 14)),
    "50k Best regards": text_message(b"Best regards\n" * 50_000),
    "25k sign-offs with names": text_message(b"Best regards,\nBob Smith\n" * 25_000),
    "attribution-like lines": text_message(b"On Mon, 1 Jan 2024, Bob wrote text:\n" * 50_000),
    "header-like lines": text_message(b"From: x\nTo: y\n" * 50_000),
    "whitespace": text_message(b" \t\r\n" * 500_000),
    "carriage returns": text_message(b"\r" * MB),
    "unicode spaces and marks": text_message("\u00a0 \u2028\u200f".encode() * 200_000),
    "1 MB header": HEAD + b"X-Big: " + b"a " * (MB // 2) + b"\n\nbody\n",
    "100k headers": HEAD + b"X-H: v\n" * 100_000 + b"\nbody\n",
    "100k encoded words": HEAD.replace(b"Subject: Re: quote", b"Subject: " + b"=?utf-8?B?w6k=?= "
                                       * 100_000) + b"\nbody\n",
    "100k From addresses": HEAD.replace(f"From: Bob Smith <{CONTACT}>".encode(), b"From: "
                                        + b"a@b.example, " * 100_000) + b"\nbody\n",
    "unbalanced From": HEAD.replace(f"From: Bob Smith <{CONTACT}>".encode(), b'From: "(<' * 30_000)
    + b"\nbody\n",
    "bad charset": text_message(b"caf\xe9 " * 100, b"text/plain; charset=x-bogus-42"),
    "bad encoded words": HEAD.replace(b"Subject: Re: quote", b"Subject: =?x-bogus?Q?a?= "
                                      b"=?utf-8?B?@@@?=") + b"\nbody\n",
    "1000 nested multiparts": HEAD + b"".join(
        b"Content-Type: multipart/mixed; boundary=b%d\n\n--b%d\n" % (i, i) for i in range(1000)
    ) + b"Content-Type: text/plain\n\nhello\n",
    "200 nested attached messages": HEAD + b"Content-Type: message/rfc822\n\n" * 200 + HEAD
    + b"\nhi\n",
    "10k parts": HEAD + b"Content-Type: multipart/mixed; boundary=XX\n\n"
    + b"--XX\nContent-Type: text/plain\n\npart\n" * 10_000 + b"--XX--\n",
    "100k nested divs": text_message(b"<div>" * 100_000 + b"hi", b"text/html"),
    "50k nested blockquotes": text_message(b"<blockquote>" * 50_000 + b"hi", b"text/html"),
    "1 MB of HTML paragraphs": text_message(b"<p>hello world</p>" * 60_000, b"text/html"),
    "HTML table of 200k cells": text_message(
        b"<table>" + (b"<tr>" + b"<td>x</td>" * 100 + b"</tr>") * 2000 + b"</table>", b"text/html"
    ),
    "broken base64": HEAD + b"Content-Transfer-Encoding: base64\n\n" + b"!!!!" * 100_000,
    "broken quoted-printable": HEAD + b"Content-Transfer-Encoding: quoted-printable\n\n"
    + b"=ZZ=" * 100_000,
    "1 MB local part": text_message(b"a" * MB + b"@b"),
    "1 MB of dotted words before @": text_message(b"a." * (MB // 2) + b"@"),
    "long lines below a signature": text_message(
        b"hi\n\nBest regards,\nBob Smith\n" + (b"Tel: " + b"1 " * 200_000 + b"\n") * 3
    ),
    "100k address lines": text_message(b"Hauptstrasse 12, 10115 Berlin, Germany\n" * 100_000),
}


@pytest.mark.parametrize("raw", WORST_CASES.values(), ids=WORST_CASES.keys())
def test_worst_case_message_returns_within_bound(raw: bytes) -> None:
    """Each worst case is read and extracted (or refused as MalformedMessage) within the bound."""
    read_and_extract(raw)


WORST_TEXTS = {
    "1 MB line": "a" * MB,
    "100k lines": "Bob Smith\n" * 100_000,
    "50k Best regards": "Best regards\n" * 50_000,
    "5 MB of phone lines": "+49 30 1234-567 / 0171 2345678\n" * (5 * MB // 31),
    "5 MB of digits on one line": "1-2 " * (5 * MB // 4),
    "10k quote markers": ">" * 10_000,
    "whitespace": " \t\n" * MB,
    "long phone lines in the block": "hi\n\nBest regards,\nBob Smith\n"
    + ("Tel +49 " + "12 " * 300_000 + "\n") * 3,
    "long title lines in the block": "hi\n\nBest regards,\nBob Smith\n"
    + ("Sales Director " * 100_000 + "\n") * 3,
}


@pytest.mark.parametrize("text", WORST_TEXTS.values(), ids=WORST_TEXTS.keys())
def test_worst_case_text_extracts_within_bound(text: str) -> None:
    """Each worst-case text Part is extracted within the bound."""
    bounded(lambda: pipeline.extract(Part(Author("Bob Smith", CONTACT), text, 0)))


# --- the worker's per-message boundary ------------------------------------------------------


@pytest.fixture
def seeded_store(db_path: Path) -> Iterator[Store]:
    store = Store(db_path)
    store.add_user(USER, "Ann", inbox_automation=True)
    store.add_contact(CONTACT, {}, "import")
    yield store
    store.close()


def store_and_drain(store: Store, config: Config, raws: list[bytes]) -> None:
    """Store `raws` as LMTP copies from the contact and drain them, each message bounded by the
    worker's own CPU budget (a message over it is parked as MessageTooSlow, which fails here)."""
    store.insert_received([
        Received(raw=raw, message_id=f"<fuzz-{i}-{time.perf_counter_ns()}@test>", recipient=USER,
                 listener="lmtp", mail_from=CONTACT, recipients=(USER,), peer=None)
        for i, raw in enumerate(raws)
    ])
    budget = dataclasses.replace(config.worker, message_seconds=LIMIT_SECONDS)
    worker = Worker(dataclasses.replace(config, worker=budget))
    escaped: list[BaseException] = []

    def drain() -> None:
        try:
            worker.drain(store)
        except BaseException as exc:  # an exception escaped the per-message boundary
            escaped.append(exc)

    # In a thread, so that a hang fails the test instead of the suite (a guard, not a measure).
    thread = threading.Thread(target=drain, daemon=True)
    thread.start()
    thread.join(HANG_SECONDS + LIMIT_SECONDS * len(raws))
    assert not thread.is_alive(), "the worker is still busy"
    assert escaped == []
    rows = store.db.execute("SELECT status, last_error FROM messages").fetchall()
    assert all(status != "processing" for status, _ in rows)
    unexpected = [error for status, error in rows if status != "processed"
                  and not error.startswith(("MalformedMessage", "Unroutable"))]
    assert unexpected == [], "a pipeline bug or an over-budget message surfaced as a failure"


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.binary(max_size=2000) | mime_messages() | texts.map(
    lambda t: text_message(t.encode("utf-8", "surrogateescape"))), min_size=1, max_size=4))
def test_worker_drains_fuzzed_messages_without_escaping_failures(
    seeded_store: Store, config: Config, raws: list[bytes]
) -> None:
    """Messages built from fuzzed bytes are processed or parked by `Worker.drain`: no exception
    escapes the per-message boundary and none is a pipeline crash."""
    store_and_drain(seeded_store, config, raws)


def test_worker_drains_worst_cases_without_escaping_failures(
    seeded_store: Store, config: Config
) -> None:
    """The written-out worst cases, stored and drained, are each processed or parked in time."""
    store_and_drain(seeded_store, config, list(WORST_CASES.values()))
