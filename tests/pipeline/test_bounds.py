"""Bounded work per message: every step reads at most so much, and a message over its time budget
is parked as failed at once. Structural checks only: what was read, never how long it took."""

from __future__ import annotations

import contextlib
import threading
import time
from pathlib import Path

import pytest
from hostile import HOSTILE, encoded_words, long_signature_lines, nested_rfc822, tiny_parts
from mails import CONTACT, USER, deliver, reply, worker_config

from mailhook.config import parse_config
from mailhook.errors import ConfigError
from mailhook.pipeline import extract, read_message
from mailhook.pipeline.candidate import Block, Candidate
from mailhook.pipeline.extract import MOST_SIGNATURE_CHARS
from mailhook.pipeline.fields import DEFAULT_FINDERS
from mailhook.pipeline.language import SAMPLE_CHARS, detect_language
from mailhook.pipeline.mime import (
    MOST_ENCODED_WORDS,
    MOST_HEADERS,
    MOST_NESTING,
    MOST_PARTS,
    MOST_TEXT,
    parse_mime,
)
from mailhook.pipeline.quotes import MOST_LINES as MOST_QUOTE_LINES
from mailhook.pipeline.quotes import find_cut
from mailhook.pipeline.signature import MOST_LINES as MOST_SIGNATURE_LINES
from mailhook.pipeline.signature import find_signature
from mailhook.store import Store
from mailhook.worker.budget import Budget, MessageTooSlow
from mailhook.worker.processing import Worker

BASE_CONFIG = "[addresses]\nforwarding = ['log@hook.example']\n"
HEAD = b"From: Bob Smith <bob@acme.example>\nTo: ann@us.example\nSubject: Re: quote\n"


def _multipart(parts: list[bytes]) -> bytes:
    body = b"".join(b"--b\n" + part + b"\n" for part in parts)
    return HEAD + b'Content-Type: multipart/mixed; boundary="b"\n\n' + body + b"--b--\n"


def test_parts_beyond_the_most_are_neither_parsed_nor_walked() -> None:
    """700k tiny parts: MOST_PARTS are walked; a text part after that many attachments is unread."""
    assert parse_mime(tiny_parts()).parts == MOST_PARTS
    attachment = b"Content-Type: text/csv\nContent-Disposition: attachment\n\na,b"
    late = _multipart([attachment] * (MOST_PARTS + 100) + [b"Content-Type: text/plain\n\nLate words"])
    early = _multipart([b"Content-Type: text/plain\n\nEarly words"] + [attachment] * 50)
    assert "Late words" not in parse_mime(late).body
    assert parse_mime(early).body.strip() == "Early words"


def _nested(depth: int) -> bytes:
    opening = b"".join(
        b'--b%d\nContent-Type: multipart/mixed; boundary="b%d"\n\n' % (i, i + 1) for i in range(depth)
    )
    text = b"--b%d\nContent-Type: text/plain\n\nDeep words\n" % depth
    return HEAD + b'Content-Type: multipart/mixed; boundary="b0"\n\n' + opening + text


def test_parts_nested_deeper_than_the_most_are_not_parsed() -> None:
    """A text part inside MOST_NESTING multiparts is read; one level deeper it is not, and the
    parser stops there (each open multipart costs it a boundary check on every later line)."""
    assert parse_mime(_nested(MOST_NESTING - 1)).body.strip() == "Deep words"
    assert parse_mime(_nested(MOST_NESTING + 5)).body == ""


def test_text_beyond_the_first_mebibyte_is_not_read() -> None:
    """A 3 MiB text part is read up to MOST_TEXT characters, plain or HTML, and the rest ignored."""
    plain = HEAD + b"Content-Type: text/plain\n\n" + b"word " * ((3 << 20) // 5) + b"\nTAIL\n"
    html = HEAD + b"Content-Type: text/html\n\n<html><body>" + b"<p>word</p>" * ((3 << 20) // 11)
    for raw in (plain, html):
        mime = parse_mime(raw)
        assert 0 < len(mime.body) <= MOST_TEXT
        assert len(mime.own_source) <= MOST_TEXT
        assert "TAIL" not in mime.body


def test_header_fields_and_encoded_words_beyond_the_most_are_not_decoded() -> None:
    """2,000 header fields: MOST_HEADERS are read. 400k encoded words in the Subject: only
    MOST_ENCODED_WORDS of them are decoded ("=?utf-8?q?a?=" each decodes to one "a")."""
    many = HEAD + b"".join(b"X-N: %d\n" % n for n in range(2 * MOST_HEADERS)) + b"\nHello\n"
    assert sum(len(values) for values in parse_mime(many).headers.values()) == MOST_HEADERS
    subject = read_message(encoded_words()).subject
    assert subject == "a" * MOST_ENCODED_WORDS


def test_quote_marks_beyond_the_searched_lines_are_not_looked_for() -> None:
    """find_cut reads MOST_LINES lines: a quote on the last of them is found, one after them is not."""
    quote = ["On Mon, Bob <bob@acme.example> wrote:", "> Hi", "> there"]
    within = ["text"] * (MOST_QUOTE_LINES - 1) + quote
    beyond = ["text"] * MOST_QUOTE_LINES + quote
    found = find_cut(within)
    assert found is not None and found.line == MOST_QUOTE_LINES - 1
    assert find_cut(beyond) is None


def test_signature_search_reads_only_the_last_lines() -> None:
    """Thousands of "--" delimiters with unsigned mottos are climbed over a few times, never one
    call per delimiter (which exhausted the recursion limit); a signature is still found at the
    end of a long text, its line numbers counted from the top."""
    assert find_signature(["--", "x"] * 50_000, None) is None
    lines = ["Some pasted line of a log."] * (3 * MOST_SIGNATURE_LINES) + ["Best regards,", "Bob Smith"]
    block = find_signature(lines, None)
    assert block is not None and (block.first, block.last) == (len(lines) - 1, len(lines) - 1)


def test_language_is_told_from_a_sample_of_the_text() -> None:
    """detect_language reads the first SAMPLE_CHARS characters: kana after them are not seen."""
    assert detect_language(" " * SAMPLE_CHARS + "こんにちは、みなさん") is None
    assert detect_language("こんにちは、みなさん" + " " * SAMPLE_CHARS) == "ja"


def test_finders_see_a_bounded_number_of_lines_above_the_signature() -> None:
    """Finders get at most as many lines above the block as the signature search reads."""
    seen: list[int] = []

    def count_above(block: Block) -> list[Candidate]:
        seen.append(len(block.above))
        return []

    text = "\n".join(["Pasted line."] * (5 * MOST_SIGNATURE_LINES) + ["Best regards,", "Bob Smith"])
    part = read_message(HEAD + b"Content-Type: text/plain\n\n" + text.encode()).own
    extract(part, (*DEFAULT_FINDERS, count_above))
    assert seen == [MOST_SIGNATURE_LINES]


def test_finders_read_a_bounded_number_of_characters_of_the_block() -> None:
    """A block of twenty 1,000-character lines reaches the finders (the tagger among them) as at
    most MOST_SIGNATURE_CHARS characters, every line still at its index."""
    seen: list[tuple[int, int]] = []

    def measure(block: Block) -> list[Candidate]:
        seen.append((len(block.lines), sum(len(line) for line in block.lines)))
        return []

    extraction = extract(read_message(long_signature_lines()).own, (*DEFAULT_FINDERS, measure))
    assert extraction.signature is not None
    assert seen == [(len(extraction.signature.split("\n")), MOST_SIGNATURE_CHARS)]


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_messages_are_read_within_the_bounds(name: str) -> None:
    """Every hostile input of issue 10 is read and extracted without an error, its text within
    MOST_TEXT and its parts within MOST_PARTS."""
    raw = HOSTILE[name]()
    mime = parse_mime(raw)
    assert mime.parts <= MOST_PARTS
    assert len(mime.body) <= MOST_TEXT
    extract(read_message(raw).own)


def _spin_when_marked(block: Block) -> list[Candidate]:
    """A finder that burns CPU on a signature naming "Slowpoke", for up to 10 s of CPU time."""
    if any("Slowpoke" in line for line in block.lines):
        limit = time.process_time() + 10
        while time.process_time() < limit:
            pass
    return []


def test_a_message_over_its_time_budget_is_parked_and_the_next_is_processed(tmp_path: Path) -> None:
    """With [worker] message_seconds = 0.05, a message whose reading spins is parked as failed at
    once (one attempt, max_attempts not waited for) with a clear error; the next one is processed."""
    config = worker_config(tmp_path, "[worker]\nmessage_seconds = 0.05\n")
    store = Store(config.database.path)
    store.add_user(USER, "Ann Lee", inbox_automation=True)
    store.add_contact(CONTACT, {}, "import")
    deliver(store, reply("<slow@acme.example>", signature="Best regards,\nBob Slowpoke\n"))
    deliver(store, reply("<fast@acme.example>"))
    worker = Worker(config, finders=(*DEFAULT_FINDERS, _spin_when_marked))
    seen: list[tuple[int, str]] = []
    worker.on_processed = lambda rowid, status, _seconds: seen.append((rowid, status))
    worker.drain(store)
    rows = store.conn.execute("SELECT status, attempts, last_error FROM messages ORDER BY id").fetchall()
    assert [status for _, status in seen] == ["failed", "processed"]
    assert tuple(rows[0]) == ("failed", 1, "MessageTooSlow: processing exceeded 0.05 s budget")
    assert rows[1][0] == "processed"
    store.close()


def test_the_time_budget_holds_off_the_main_thread(tmp_path: Path) -> None:
    """The worker run on another thread (as in tests and embeddings) is held to its budget too."""
    config = worker_config(tmp_path, "[worker]\nmessage_seconds = 0.05\n")
    store = Store(config.database.path)
    store.add_user(USER, "Ann Lee", inbox_automation=True)
    store.add_contact(CONTACT, {}, "import")
    deliver(store, reply("<slow@acme.example>", signature="Best regards,\nBob Slowpoke\n"))
    statuses: list[str] = []
    worker = Worker(config, finders=(*DEFAULT_FINDERS, _spin_when_marked))
    worker.on_processed = lambda _rowid, status, _seconds: statuses.append(status)
    thread = threading.Thread(target=worker.drain, args=(store,))
    thread.start()
    thread.join(timeout=60)
    assert statuses == ["failed"]
    store.close()


def test_the_budget_counts_work_not_waiting() -> None:
    """Time spent waiting (for DNS, a lock, a core) costs no budget; CPU work beyond it raises
    MessageTooSlow, even through an `except Exception` in the work."""
    with Budget(0.05):
        threading.Event().wait(0.3)
    slow = Block(("Slowpoke",), (), None, None)
    with (
        pytest.raises(MessageTooSlow, match="processing exceeded 0.05 s budget"),
        Budget(0.05),
        contextlib.suppress(Exception),  # the swallowing this test is about
    ):
        _spin_when_marked(slow)


def test_four_hundred_nested_attached_messages_are_processed(tmp_path: Path) -> None:
    """400 message/rfc822 parts nested in each other are processed, not retried on RecursionError."""
    config = worker_config(tmp_path)
    store = Store(config.database.path)
    store.add_user(USER, "Ann Lee", inbox_automation=True)
    deliver(store, nested_rfc822())
    statuses: list[str] = []
    Worker(config, on_processed=lambda _rowid, status, _seconds: statuses.append(status)).drain(store)
    assert statuses == ["processed"]
    store.close()


def test_message_seconds_is_configured_and_must_be_positive() -> None:
    """[worker] message_seconds is read from the config; zero or less is refused."""
    configured = parse_config(BASE_CONFIG + "[worker]\nmessage_seconds = 2.5\n")
    assert configured.worker.message_seconds == 2.5
    assert parse_config(BASE_CONFIG).worker.message_seconds == 5.0
    with pytest.raises(ConfigError, match="message_seconds must be positive"):
        parse_config(BASE_CONFIG + "[worker]\nmessage_seconds = 0\n")
