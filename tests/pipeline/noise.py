"""Noise that real mail clients add to a body while a human still reads the same signature.

Each transform is a pure function of a body's text and the line span (first, last) of its
signature block, and returns the noisy text. Metamorphic testing: extraction must give the same
fields on the clean and on the noisy text. `to_html` and `mime_*` render a body as HTML and wrap
it as real MIME, so that the pipeline's own HTML path reads it.
"""

from __future__ import annotations

import html
import re
import textwrap
from collections.abc import Callable
from email.message import EmailMessage

from mailhook.training.client_noise import relabelled

Span = tuple[int, int]
Transform = Callable[[str, Span], str]

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_WWW = re.compile(r"(?<![\w/.@])www\.[\w-]+(?:\.[\w-]+)+(?:/\S*)?")
# A phone-shaped run: an optional "+", then digits and the separators people write.
_PHONE = re.compile(r"\+?\(?\d[\d ()./-]{6,}\d")


def _block(text: str, span: Span, change: Callable[[list[str]], list[str]]) -> str:
    """The text with the block's lines replaced by change(lines)."""
    lines = text.split("\n")
    first, last = span
    return "\n".join([*lines[:first], *change(lines[first : last + 1]), *lines[last + 1 :]])


def _each_block_line(change: Callable[[str], str]) -> Transform:
    return lambda text, span: _block(text, span, lambda lines: [change(line) for line in lines])


# Links as Outlook and Gmail write them when HTML becomes text.
def mailto_links(text: str, span: Span) -> str:
    return _EMAIL.sub(lambda m: f"{m.group()} <mailto:{m.group()}>", text)


def web_links(text: str, span: Span) -> str:
    return _WWW.sub(lambda m: f"{m.group()}<http://{m.group()}/>", text)


def tel_links(text: str, span: Span) -> str:
    def link(match: re.Match[str]) -> str:
        digits = re.sub(r"[^\d+]", "", match.group())
        return f"{match.group()}<tel:{digits}>"

    return _block(text, span, lambda lines: [_PHONE.sub(link, line) for line in lines])


def url_after_words(text: str, span: Span) -> str:
    """A link target after the block's first text line ("Acme GmbH <https://acme.example/>")."""

    def change(lines: list[str]) -> list[str]:
        out = list(lines)
        for k, line in enumerate(out[1:], 1):
            if line.strip() and not re.search(r"[\d@]", line):
                out[k] = f"{line} <https://www.example.com/about>"
                break
        return out

    return _block(text, span, change)


# Emphasis that HTML-to-text converters write for <b> and <i>.
def _emphasise(line: str, mark: str) -> str:
    stripped = line.strip()
    if not stripped or re.search(r"[\d@:]", stripped) or len(stripped.split()) > 5:
        return line
    return line.replace(stripped, f"{mark}{stripped}{mark}")


star_emphasis = _each_block_line(lambda line: _emphasise(line, "*"))
underscore_emphasis = _each_block_line(lambda line: _emphasise(line, "_"))
bold_emphasis = _each_block_line(lambda line: _emphasise(line, "**"))


# Invisible and odd spaces.
def nbsp(text: str, span: Span) -> str:
    return _block(text, span, lambda lines: [line.replace(" ", "\u00a0") for line in lines])


def narrow_nbsp_in_numbers(text: str, span: Span) -> str:
    return _block(text, span, lambda lines: [re.sub(r"(?<=\d) (?=\d)", "\u202f", line) for line in lines])


def zero_width(text: str, span: Span) -> str:
    """Zero-width spaces where HTML editors leave them: line starts, after labels, inside words."""
    return _each_block_line(
        lambda line: "\u200b" + line.replace(": ", ":\u200b ") if line.strip() else line
    )(text, span)


def soft_hyphens(text: str, span: Span) -> str:
    def cut(word: re.Match[str]) -> str:
        w = word.group()
        return w[: len(w) // 2] + "\u00ad" + w[len(w) // 2 :]

    return _block(text, span, lambda lines: [re.sub(r"[^\W\d_]{8,}", cut, line) for line in lines])


def tab_after_label(text: str, span: Span) -> str:
    return _each_block_line(lambda line: re.sub(r"(?<=[A-Za-z.]):\s+", ":\t", line, count=1))(text, span)


def trailing_spaces(text: str, span: Span) -> str:
    return "\n".join(line + "  " for line in text.split("\n"))


def crlf(text: str, span: Span) -> str:
    return text.replace("\n", "\r\n")


def hard_wrap(text: str, span: Span, width: int = 72) -> str:
    """Lines longer than `width` cut at a space, as plain-text clients wrap them."""
    out: list[str] = []
    for line in text.split("\n"):
        out.extend(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False) or [line])
    return "\n".join(out)


def block_hard_wrap(text: str, span: Span, width: int = 40) -> str:
    """The block's long lines (a footer, an address) cut as a narrow client cuts them."""
    return _block(
        text,
        span,
        lambda lines: [
            part
            for line in lines
            for part in (
                textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False) or [line]
            )
        ],
    )


# Layout.
def doubled_blanks(text: str, span: Span) -> str:
    """Outlook's paragraph spacing: a blank line after every line of the block."""
    return _block(text, span, lambda lines: [x for line in lines for x in (line, "")][:-1])


def outlook_spacing(text: str, span: Span) -> str:
    """The whole message as Outlook spaces its paragraphs when HTML becomes text: each line a
    blank line apart, a paragraph break two blank lines more, the block framed by rules."""
    lines = text.split("\n")
    first, last = span
    framed = [*lines[:first], "=" * 40, *lines[first : last + 1], "=" * 40, *lines[last + 1 :]]
    return "\n".join(x for line in framed for x in ((line, "") if line.strip() else ("", "")))


def cid_placeholder(text: str, span: Span) -> str:
    return _block(text, span, lambda lines: ["[cid:image001.png@01D9A1B2.C3D4E5F0]", *lines])


def logo_placeholder(text: str, span: Span) -> str:
    return _block(text, span, lambda lines: [*lines[:1], "[Logo]", *lines[1:]])


def banner_placeholder(text: str, span: Span) -> str:
    return _block(text, span, lambda lines: [*lines, "[https://www.example.com/img/banner.png]"])


def pipe_layout(text: str, span: Span) -> str:
    """The block's lines after the name on one line between bars, as a one-line HTML signature."""
    return _block(
        text, span, lambda lines: [*lines[:1], " | ".join(x.strip() for x in lines[1:] if x.strip())]
    )


def one_per_line(text: str, span: Span) -> str:
    """Bars and bullets the other way round: each part on a line of its own."""
    return _block(
        text, span, lambda lines: [part for line in lines for part in re.split(r"\s+[|•·]\s+", line)]
    )


# Labels and characters: the label styles the training generator writes too.
def _relabel(style: str) -> Transform:
    return _each_block_line(lambda line: relabelled(line, style))


label_dot_colon = _relabel("dot_colon")
label_space_colon = _relabel("space_colon")
label_letter = _relabel("letter")
label_letter_dot = _relabel("letter_dot")
label_dash = _relabel("dash")
label_emoji = _relabel("emoji")
label_telephone_sign = _relabel("telephone_sign")


def unicode_dashes(text: str, span: Span) -> str:
    """Word processors' dashes and quotes: en dash and non-breaking hyphen in numbers, ’ for '."""

    def change(line: str) -> str:
        line = re.sub(r"(?<=\d)-(?=\d)", "\u2011", line)
        line = re.sub(r"\s-\s", " \u2013 ", line)
        return line.replace("'", "\u2019")

    return _each_block_line(change)(text, span)


def fullwidth_digits(text: str, span: Span) -> str:
    """Phone numbers typed with an East Asian input method on: full-width digits and plus."""
    wide = str.maketrans({**{str(d): chr(0xFF10 + d) for d in range(10)}, "+": "\uff0b"})
    return _block(
        text, span, lambda lines: [_PHONE.sub(lambda m: m.group().translate(wide), x) for x in lines]
    )


def qp_residue(text: str, span: Span) -> str:
    """'=20' where a quoted-printable body lost its Content-Transfer-Encoding header (seen in
    mailing-list digests and re-sent mail): a line's trailing space stays encoded."""
    return _each_block_line(lambda line: line + "=20" if line.strip() else line)(text, span)


TRANSFORMS: dict[str, Transform] = {
    "mailto_links": mailto_links,
    "web_links": web_links,
    "tel_links": tel_links,
    "url_after_words": url_after_words,
    "star_emphasis": star_emphasis,
    "underscore_emphasis": underscore_emphasis,
    "bold_emphasis": bold_emphasis,
    "nbsp": nbsp,
    "narrow_nbsp_in_numbers": narrow_nbsp_in_numbers,
    "zero_width": zero_width,
    "soft_hyphens": soft_hyphens,
    "tab_after_label": tab_after_label,
    "trailing_spaces": trailing_spaces,
    "crlf": crlf,
    "hard_wrap": hard_wrap,
    "block_hard_wrap": block_hard_wrap,
    "doubled_blanks": doubled_blanks,
    "outlook_spacing": outlook_spacing,
    "cid_placeholder": cid_placeholder,
    "logo_placeholder": logo_placeholder,
    "banner_placeholder": banner_placeholder,
    "pipe_layout": pipe_layout,
    "one_per_line": one_per_line,
    "label_dot_colon": label_dot_colon,
    "label_space_colon": label_space_colon,
    "label_letter": label_letter,
    "label_letter_dot": label_letter_dot,
    "label_dash": label_dash,
    "label_emoji": label_emoji,
    "label_telephone_sign": label_telephone_sign,
    "unicode_dashes": unicode_dashes,
    "fullwidth_digits": fullwidth_digits,
    "qp_residue": qp_residue,
}


# Real HTML and MIME.
def to_html(text: str, span: Span) -> str:
    """The body as an HTML client writes it: paragraphs with margins for the text, the block as
    <span style> lines joined by <br> inside one <p>."""
    lines = text.split("\n")
    first, last = span
    above = "".join(
        f'<p style="margin:0 0 12px 0">{html.escape(x) or "&nbsp;"}</p>\n' for x in lines[:first]
    )
    block = "<br>\n".join(
        f'<span style="font-family:Arial;font-size:10pt">{html.escape(x)}</span>'
        for x in lines[first : last + 1]
    )
    below = "".join(f"<p>{html.escape(x)}</p>\n" for x in lines[last + 1 :] if x.strip())
    return f'<html><body>\n{above}<p style="margin:0">{block}</p>\n{below}</body></html>'


def two_column_html(left: list[str], right: list[str], above: str = "") -> str:
    """A signature as a two-column layout table: name and title left, contact lines right."""

    def cell(lines: list[str]) -> str:
        return (
            '<td style="padding:0 12px;vertical-align:top">'
            + "<br>".join(html.escape(x) for x in lines)
            + "</td>"
        )

    return (
        f'<html><body><p>{html.escape(above)}</p>\n<table cellpadding="0"><tr>'
        f'{cell(left)}<td style="border-left:1px solid #ccc">&nbsp;</td>{cell(right)}</tr></table>'
        "</body></html>"
    )


def message(sender: str, subject: str, *, plain: str | None = None, markup: str | None = None) -> bytes:
    """Real MIME bytes: plain only, HTML only, or multipart/alternative when both are given."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "Inbox Owner <owner@example.org>"
    msg["Subject"] = subject
    if plain is not None:
        msg.set_content(plain, charset="utf-8")
        if markup is not None:
            msg.add_alternative(markup, subtype="html", charset="utf-8")
    else:
        msg.set_content(markup or "", subtype="html", charset="utf-8")
    return msg.as_bytes()
