"""The author's own words in interleaved and bottom-posted replies: answers between ">"-quoted
passages and the sign-off and block below the last quote are read; quotes, attributions, forwards
and list footers are not."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from mailhook.pipeline import Finder, extract, read_message

# Per language: an attribution line as that language's clients write it, a valediction.
_LANGUAGES = {
    "en": ("On Mon, 3 Mar 2025 at 16:02, Bob Miller <bob@example.org> wrote:", "Happy hacking,"),
    "de": ("Am Mo., 3. März 2025 um 16:02 Uhr schrieb Bob Miller <bob@example.org>:", "Viele Grüße"),
    "fr": ("Le lun. 3 mars 2025 à 16:02, Bob Miller <bob@example.org> a écrit :", "Cordialement,"),
    "es": ("El lun, 3 mar 2025 a las 16:02, Bob Miller (<bob@example.org>) escribió:", "Saludos,"),
    "it": ("Il giorno lun 3 mar 2025 alle ore 16:02 Bob Miller <bob@example.org> ha scritto:", "Saluti,"),
    "nl": ("Op ma 3 mrt 2025 om 16:02 schreef Bob Miller <bob@example.org>:", "Groeten,"),
    "pt": ("Em seg., 3 de mar. de 2025 às 16:02, Bob Miller <bob@example.org> escreveu:", "Abraços,"),
    "pl": ("W dniu 3.03.2025 o 16:02, Bob Miller <bob@example.org> napisał(a):", "Pozdrawiam,"),
    "sv": ("Den 3 mars 2025 kl. 16:02 skrev Bob Miller <bob@example.org>:", "Hälsningar,"),
    "da": ("Den 3. mar. 2025 kl. 16.02 skrev Bob Miller <bob@example.org>:", "Venlig hilsen,"),
}
_QUOTE = (
    "> Could you send the new price list?\n> And the delivery dates?\n>\n> Bob Miller\n"
    "> Tel +1 212 555 0199\n"
)


def _mail(body: str, *, sender: str = "Carl Jensen <carl.jensen@jensen-tools.example>") -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "Bob Miller <bob@example.org>"
    message["Subject"] = "Re: prices"
    message.set_content(body)
    return message.as_bytes()


def _signature(
    raw: bytes, finders: tuple[Finder, ...] | None = None
) -> tuple[list[str], dict[str, str | None]]:
    """The block's lines as found in the body (through signature_lines) and the fields."""
    reading = read_message(raw)
    extraction = extract(reading.own, finders) if finders is not None else extract(reading.own)
    if extraction.signature_lines is None:
        return [], extraction.fields
    first, last = extraction.signature_lines
    return reading.body.split("\n")[first : last + 1], extraction.fields


@pytest.mark.parametrize("lang", sorted(_LANGUAGES))
def test_the_block_below_the_last_quote_of_an_interleaved_reply_is_read(
    lang: str, finders: tuple[Finder, ...]
) -> None:
    """Answers between quoted passages, signed at the very end: the block there is found and its
    line numbers point into the body."""
    attribution, valediction = _LANGUAGES[lang]
    body = (
        f"Hi Bob,\n\n{attribution}\n> Could you send the new price list?\n> We need it today.\n\n"
        "Attached, see the second page.\n\n> And the delivery dates?\n> For all items?\n\n"
        f"Week 14 for all items.\n\n{valediction}\nCarl Jensen\n"
        "Jensen Tools ApS\nTel. +45 33 12 34 56\n"
    )
    lines, fields = _signature(_mail(body), finders)
    assert lines[0] == "Carl Jensen"
    assert "+45 33 12 34 56" in "\n".join(lines)
    assert fields["first_name"] == "Carl"
    assert fields["phone"] == "+45 33 12 34 56"


@pytest.mark.parametrize("lang", sorted(_LANGUAGES))
def test_a_signature_written_under_the_quote_is_the_authors(lang: str) -> None:
    """Bottom-posting and Gmail's signature under the quote: a short text above, the quote, then
    the author's words and block below it."""
    attribution, valediction = _LANGUAGES[lang]
    body = (
        f"See below.\n\n{attribution}\n{_QUOTE}\nAll prices are in the attached sheet.\n\n"
        f"{valediction}\n-- \nCarl Jensen\nJensen Tools ApS\nMobil +45 20 12 34 56\n"
    )
    lines, fields = _signature(_mail(body))
    assert lines[0] == "Carl Jensen"
    assert fields["last_name"] == "Jensen"
    assert "Bob" not in "\n".join(lines)


def test_quoted_lines_are_blanked_not_removed() -> None:
    """The own words keep their lines where the body has them: quotes and attributions blank."""
    attribution = _LANGUAGES["en"][0]
    body = f"Hi Bob,\n\n{attribution}\n{_QUOTE}\nYes, tomorrow.\n\nCarl\n"
    reading = read_message(_mail(body))
    own = reading.own.text.split("\n")
    below = reading.body.split("\n")
    assert reading.own.first_line == 0
    assert own[below.index("Yes, tomorrow.")] == "Yes, tomorrow."
    assert "Bob Miller" not in reading.own.text
    assert not own[below.index(attribution)].strip()


def test_a_quote_wrapped_by_the_client_is_not_the_authors() -> None:
    """An unmarked line between two quoted ones is the quote's own line, wrapped."""
    body = (
        "Yes.\n\n> Hi,\n> I get a FileNotFound error when the job runs on\n"
        "the cluster, not locally.\n> Any idea?\n"
    )
    assert "cluster" not in read_message(_mail(body)).own.text


@pytest.mark.parametrize(
    "others",
    [
        "From: Bob Miller <bob@example.org>\nSent: Monday, 3 March 2025 16:02\nTo: Carl\nSubject: prices",
        "Von: Bob Miller <bob@example.org>\nGesendet: Montag, 3. März 2025 16:02\nAn: Carl\nBetreff: Preise",
        "---------- Forwarded message ---------\nFrom: Bob Miller <bob@example.org>\nDate: Mon, 3 Mar 2025",
    ],
)
def test_text_after_an_outlook_header_block_or_a_forward_is_never_the_authors(others: str) -> None:
    """After the quotes, an Outlook header block or a forward mark starts someone else's mail."""
    body = (
        f"Thanks.\n\n> Is it in stock?\n> Bob\n\nYes.\n\nCarl\n\n{others}\n\nHello,\n\n"
        "Bob Miller\nTel +1 212 555 0199\n"
    )
    lines, _ = _signature(_mail(body))
    assert "Bob Miller" not in read_message(_mail(body)).own.text
    assert "Bob Miller" not in "\n".join(lines)


def test_an_attribution_whose_quote_has_no_marks_ends_the_own_words() -> None:
    """"On ... wrote:" followed by unmarked text: the original, quoted without ">"."""
    attribution = _LANGUAGES["nl"][0]
    body = f"> Klopt dat?\n\nJa.\n\nCarl\n\n{attribution}\nHallo,\n\nBob Miller\nTel +1 212 555 0199\n"
    assert "Bob Miller" not in read_message(_mail(body)).own.text


@pytest.mark.parametrize(
    "footer",
    [
        "devel mailing list\ndevel@lists.example.org\nhttps://lists.example.org/mailman/listinfo/devel",
        "La liste de diffusion devel\ndevel@listes.example.fr\nhttps://listes.example.fr/sympa/info/devel",
        "devel Mailingliste\ndevel@lists.example.de\nhttps://lists.example.de/postorius/lists/devel",
    ],
)
def test_a_list_footer_below_the_message_is_not_the_block(footer: str) -> None:
    """A list manager's footer after an interleaved reply is the list's, not the author's."""
    body = (
        "> Does 2.3 still build on arm64?\n\nIt does, with the patch from last week.\n\n"
        f"Cheers,\nCarl Jensen\n\n_______________________________________________\n{footer}\n"
    )
    lines, fields = _signature(_mail(body))
    assert not set(lines) & set(footer.split("\n"))
    assert fields["first_name"] == "Carl"


@pytest.mark.parametrize(
    "attribution",
    [
        "Op 10 jan. 2020 om 10:00 schreef Jan de Vries <\njan@example.nl>:",
        "On Fri, Jan 10, 2020 at 10:00 AM Jan de\nVries <jan@example.nl>\nwrote:",
        "Le ven. 10 janv. 2020 à 10:00, Jan de Vries\n<jan@example.nl> a écrit :",
        "Quoting Jan de Vries <jan@example.nl>:\n",
        "Zitat von Jan de Vries <jan@example.nl>:\n",
        "Jan de Vries <jan@example.nl> hat am 10. Januar 2020 um 10:00 geschrieben:",
    ],
)
def test_a_body_of_only_a_wrapped_attribution_and_a_quote_has_no_block(attribution: str) -> None:
    """Nothing of the author's own: the attribution's name is not their signature (also the
    attributions of Horde and Open-Xchange, which have no "wrote" verb)."""
    body = f"{attribution}\n> Kunt u mij bellen?\n> Jan de Vries\n> 06 12345678\n"
    reading = read_message(_mail(body, sender="Carl Jensen <carl@example.dk>"))
    assert not reading.own.text.strip()
    assert extract(reading.own).signature_lines is None


def test_an_own_sentence_ending_in_geschrieben_is_not_an_attribution() -> None:
    """Without a date or address beside it, "geschrieben:" ends one of the author's sentences."""
    body = "Hallo Bob,\n\nich habe dir gestern geschrieben:\nbitte ruf mich an.\n\nViele Grüße\nCarl Jensen\n"
    assert "bitte ruf mich an." in read_message(_mail(body)).own.text


@pytest.mark.parametrize(
    "below",
    [
        "__________________________________________________\nDo You Yahoo!?\n"
        "Send FREE video emails in Yahoo! Mail!\nhttp://promo.yahoo.com/videomail/",
        "Sent from my iPhone",
        "Bob Miller\nMiller Corp\nTel +1 212 555 0199",
    ],
)
def test_a_top_posted_block_stays_when_lines_follow_the_quote(below: str) -> None:
    """Lines under the quote of a top-posted reply (a webmail ad, a device line, the quoted
    sender's block left unmarked) do not displace the sender's block above the quote."""
    body = (
        "Yes, week 14.\n\nBest regards,\nCarl Jensen\nJensen Tools ApS\nTel. +45 33 12 34 56\n\n"
        f"{_LANGUAGES['en'][0]}\n{_QUOTE}\n{below}\n"
    )
    lines, fields = _signature(_mail(body))
    assert lines == ["Carl Jensen", "Jensen Tools ApS", "Tel. +45 33 12 34 56"]
    assert fields["phone"] == "+45 33 12 34 56"
