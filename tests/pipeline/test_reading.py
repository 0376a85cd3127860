"""read_message: headers, body choice, the author's own words and forwarded originals."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mailhook.model import Author
from mailhook.pipeline import MalformedMessage, read_message


def _mail(body: str, headers: str = "From: Ann Example <Ann@Example.COM>\nSubject: Hi\n") -> bytes:
    return f"{headers}Content-Type: text/plain; charset=utf-8\n\n{body}".encode()


def test_headers_are_decoded_and_addresses_lower_cased() -> None:
    """Message-ID keeps its brackets, Date becomes ISO 8601 UTC, the sender address is lower-cased."""
    raw = _mail(
        "Hello",
        "From: =?utf-8?q?J=C3=BCrgen_K=C3=B6hler?= <J.Koehler@Example.DE>\n"
        "To: a@example.org, B <b@example.org>\nCc: c@example.org\n"
        "Date: Wed, 05 Mar 2025 11:20:00 +0100\nMessage-ID:  <abc@example.de> \n",
    )
    reading = read_message(raw)
    assert reading.sender == Author("Jürgen Köhler", "j.koehler@example.de")
    assert reading.message_id == "<abc@example.de>"
    assert reading.date == "2025-03-05T10:20:00Z"
    assert reading.to == (Author(None, "a@example.org"), Author("B", "b@example.org"))
    assert reading.cc == (Author(None, "c@example.org"),)
    assert reading.author_problem is None
    assert reading.own.believed_author == reading.sender


@pytest.mark.parametrize(("headers", "problem"), [
    ("From: a@example.org\nFrom: c@example.org\n", "more than one From field"),
    ("From: a@example.org, b@example.org\n", "more than one From address"),
])
def test_several_from_addresses_put_the_author_in_doubt(headers: str, problem: str) -> None:
    """Two From fields, or two addresses in one: the author is not believed, so callers distrust it."""
    reading = read_message(_mail("x", headers))
    assert reading.author_problem == problem
    assert reading.own.believed_author is None


def test_empty_input_is_malformed() -> None:
    """Bytes with nothing in them raise MalformedMessage."""
    with pytest.raises(MalformedMessage):
        read_message(b"  \r\n ")


def test_bare_text_is_read_as_body_without_headers() -> None:
    """A body without headers is not eaten as headers: its first line stays in the body."""
    reading = read_message(b"Thanks: that works.\n\nBest,\nAnn\n")
    assert reading.body.startswith("Thanks: that works.")
    assert reading.sender is None


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000))
def test_garbage_never_raises_anything_but_malformed(raw: bytes) -> None:
    """Any bytes give a Reading or MalformedMessage, never another exception."""
    with contextlib.suppress(MalformedMessage):
        read_message(raw)


def test_deeply_nested_multiparts_are_read_without_recursion() -> None:
    """A hostile nesting of thousands of multiparts is walked without hitting the recursion limit."""
    depth = 2000
    parts = "".join(f'--b{i}\nContent-Type: multipart/mixed; boundary="b{i + 1}"\n\n' for i in range(depth))
    raw = f'From: a@example.org\nContent-Type: multipart/mixed; boundary="b0"\n\n{parts}'.encode()
    read_message(raw)


def test_deeply_nested_attached_messages_are_read_without_recursion() -> None:
    """400 message/rfc822 parts nested in each other (which raised RecursionError when the
    attached message was serialised) are read; the forwarded original is the first of them."""
    raw = "From: Carol <carol@example.org>\nContent-Type: text/plain\n\nHello\n\nCarol\n"
    for n in range(400):
        raw = f"From: n{n}@example.org\nContent-Type: message/rfc822\n\n{raw}"
    reading = read_message(raw.encode())
    assert reading.forwarded is not None
    assert reading.forwarded.author == Author(None, "n398@example.org")


@pytest.mark.parametrize(
    "attribution",
    [
        "On Mon, Mar 3, 2025 at 4:02 PM Bob <bob@example.com> wrote:",
        "Le lun. 3 mars 2025 à 16:02, Bob <bob@example.com> a écrit :",
        "Am 03.03.2025 um 16:02 schrieb Bob <bob@example.com>:",
        "Op 3 mrt. 2025 om 16:02 schreef Bob <bob@example.com>:",
        "El lun, 3 mar 2025 a las 16:02, Bob (<bob@example.com>) escribió:",
        "Den 3. mar. 2025 kl. 16.02 skrev Bob <bob@example.com>:",
        "W dniu 3.03.2025 o 16:02, Bob <bob@example.com> napisał(a):",
        "Il giorno lun 3 mar 2025 alle ore 16:02 Bob <bob@example.com> ha scritto:",
        "Em seg., 3 de mar. de 2025 às 16:02, Bob <bob@example.com> escreveu:",
        "On Mon, Mar 3, 2025 at 4:02 PM Bob Example <\nbob@example.com> wrote:",
    ],
)
def test_reply_attributions_end_the_own_words(attribution: str) -> None:
    """Reply attribution lines in our languages (also wrapped by Gmail) start the quoted part."""
    reading = read_message(_mail(f"Fine by me.\n\nAnn\n\n{attribution}\n> Bob Smith\n> Tel 1234567\n"))
    assert reading.own.text.rstrip() == "Fine by me.\n\nAnn"


@pytest.mark.parametrize(
    "header",
    [
        "From: Bob\nSent: Monday\nTo: Ann\nSubject: x",
        "Von: Bob\nGesendet: Montag\nAn: Ann\nBetreff: x",
        "De : Bob\nEnvoyé : lundi\nÀ : Ann\nObjet : x",
        "De: Bob\nEnviado: lunes\nPara: Ann\nAsunto: x",
        "Van: Bob\nVerzonden: maandag\nAan: Ann\nOnderwerp: x",
        "Fra: Bob\nSendt: mandag\nTil: Ann\nEmne: x",
        "Från: Bob\nSkickat: måndag\nTill: Ann\nÄmne: x",
        "Od: Bob\nWysłano: poniedziałek\nDo: Ann\nTemat: x",
        "Da: Bob\nInviato: lunedì\nA: Ann\nOggetto: x",
        "-----Original Message-----\nFrom: Bob",
        "-----Ursprüngliche Nachricht-----\nVon: Bob",
    ],
)
def test_outlook_header_blocks_end_the_own_words(header: str) -> None:
    """Outlook header blocks and "Original Message" lines in our languages start the quote."""
    reading = read_message(_mail(f"Fine by me.\n\nAnn\n\n{header}\n\nBob Smith\nTel 1234567\n"))
    assert reading.own.text.rstrip() == "Fine by me.\n\nAnn"


@pytest.mark.parametrize(
    "marker",
    [
        "---------- Forwarded message ---------",
        "---------- Weitergeleitete Nachricht ----------",
        "-------- Message transféré --------",
        "---------- Mensaje reenviado ---------",
        "---------- Doorgestuurd bericht ---------",
        "---------- Videresendt meddelelse ----------",
        "---------- Vidarebefordrat meddelande ---------",
        "---------- Wiadomość przekazana dalej ---------",
        "---------- Messaggio inoltrato ---------",
        "---------- Mensagem encaminhada ---------",
        "Begin forwarded message:",
    ],
)
def test_inline_forward_markers_give_the_original_sender(marker: str) -> None:
    """Forward markers in our languages end the own words; the original's From line is its author."""
    body = (
        f"See below.\n\n{marker}\nFrom: Bob Smith <Bob@Example.org>\nDate: Mon, 3 Mar 2025\n"
        "Subject: Offer\n\nHere is the offer.\n\nBob Smith\n"
    )
    reading = read_message(_mail(body))
    assert reading.own.text.rstrip() == "See below."
    assert reading.forwarded is not None
    assert reading.forwarded.author == Author("Bob Smith", "bob@example.org")
    assert reading.forwarded.text.strip() == "Here is the offer.\n\nBob Smith"
    lines = reading.body.split("\n")
    assert lines[reading.forwarded.first_line] == "Here is the offer."


def test_bottom_posted_reply_reads_the_text_below_the_quote() -> None:
    """When the mail opens with the quote, the author's words are the lines after it."""
    reading = read_message(_mail("> What do you think?\n> Bob\n\nLooks good to me.\n\nAnn Example\n"))
    assert reading.own.text.strip() == "Looks good to me.\n\nAnn Example"
    assert reading.body.split("\n")[reading.own.first_line] == "Looks good to me."


def test_html_quotes_are_dropped_from_own_words_but_kept_in_body() -> None:
    """HTML-only mail: body is the whole converted text, own words leave blockquotes out."""
    html = (
        "<div>Yes, Thursday.</div><div>Ann Example</div>"
        "<blockquote>Bob Smith<br>Tel 555 123 4567</blockquote>"
    )
    raw = ("From: ann@example.com\nContent-Type: text/html; charset=utf-8\n\n" + html).encode()
    reading = read_message(raw)
    assert "Bob Smith" in reading.body
    assert "Bob Smith" not in reading.own.text
    assert "Ann Example" in reading.own.text


def test_attached_message_is_the_forwarded_original() -> None:
    """An attached message/rfc822 gives the forwarded Part: its sender and own words, line 0."""
    raw = (
        b'From: ann@example.com\nContent-Type: multipart/mixed; boundary="X"\n\n'
        b"--X\nContent-Type: text/plain\n\nFYI\n"
        b"--X\nContent-Type: message/rfc822\n\n"
        b"From: Bob Smith <bob@example.org>\nSubject: Offer\n\nHere it is.\n\nBob\n"
        b"--X--\n"
    )
    reading = read_message(raw)
    assert reading.body.strip() == "FYI"
    assert reading.forwarded is not None
    assert reading.forwarded.author == Author("Bob Smith", "bob@example.org")
    assert reading.forwarded.text.strip() == "Here it is.\n\nBob"
    assert reading.forwarded.first_line == 0


@pytest.mark.parametrize(
    "body",
    [
        "1 2 3 4 5 6 7 8 9 0 " * 3000,
        "\n".join("Best regards, best, thanks, cheers and" for _ in range(3000)),
        "On " + "x " * 20000 + "wrote",
        "> " * 30000,
    ],
    ids=["digit-line", "valediction-lines", "open-attribution", "quote-marks"],
)
def test_pathological_text_is_read_quickly(body: str) -> None:
    """Long runs that tempt regular expressions into backtracking are handled in well under a second."""
    import time

    from mailhook.pipeline import extract

    started = time.perf_counter()
    extract(read_message(_mail(body)).own)
    assert time.perf_counter() - started < 3


@pytest.mark.parametrize(
    "quote",
    [
        '<div id="divRplyFwdMsg"><b>From:</b> Bob</div><div>Bob Smith<br>Tel 555 123 4567</div>',
        '<div class="moz-cite-prefix">Bob wrote:</div><div>Bob Smith<br>Tel 555 123 4567</div>',
        '<div class="gmail_quote">Bob Smith<br>Tel 555 123 4567</div>',
    ],
    ids=["outlook", "thunderbird", "gmail"],
)
def test_html_reply_containers_of_common_clients_are_dropped(quote: str) -> None:
    """Outlook's divRplyFwdMsg (and what follows it), Thunderbird's and Gmail's quotes are not own words."""
    html = f"<html><body><div>Yes.</div><div>Ann Example</div>{quote}</body></html>"
    raw = ("From: ann@example.com\nContent-Type: text/html; charset=utf-8\n\n" + html).encode()
    reading = read_message(raw)
    assert "Bob Smith" in reading.body
    assert "Bob Smith" not in reading.own.text
