"""One line of mail as a human reads it: the invisible, typographic and link noise of clients removed."""

from __future__ import annotations

import re

# Characters that change nothing a reader sees: zero-width spaces and joiners, word joiner, BOM,
# soft hyphen (a word processor's hyphenation point), the emoji presentation selector ("☎️").
# Editors leave them inside names and labels.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\ufe0f"))
# Spaces of other widths (no-break, narrow no-break, figure, thin, ideographic...) read as one space.
_SPACES = dict.fromkeys(map(ord, "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
                            "\u2009\u200a\u202f\u205f\u3000"), " ")
# Full-width digits and plus: typed with an East Asian input method on, in phone numbers.
_WIDE_DIGITS = {0xFF10 + d: str(d) for d in range(10)} | {0xFF0B: "+"}
_TABLE = _INVISIBLE | _SPACES | _WIDE_DIGITS
# Dashes and the minus sign between digits are a phone number's hyphen ("713‑853‑0380").
_DIGIT_DASH = re.compile(r"(?<=\d)[\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d](?=\d)")
# A link target that an HTML-to-text converter writes after the linked words
# ("www.x.com<http://www.x.com/>", "+49 89 1234<tel:+49891234>", "Acme <https://acme.example/>").
_LINK_TARGET = re.compile(r"(?<=\S)[ \t]{0,3}<(?:mailto|tel|callto|sip|sms):[^<>\s]{0,500}>", re.IGNORECASE)
# A web link's target: the block finder still sees it (a linked "Constant Contact" below a
# newsletter is no sender's name), the field finders read the block without it.
_WEB_TARGET = re.compile(r"(?<=\S)[ \t]{0,3}<https?://[^<>\s]{0,500}>", re.IGNORECASE)
# A whole line set in emphasis by such a converter: "*Anna Berg*", "_Sales_", "**ACME GmbH**".
_EMPHASIS = re.compile(r"^(\s*)(\*{1,2}|_{1,2})(?=[^\s*_])([^*_]{1,200}?)(?<=[^\s*_])\2(\s*)$")
# Emphasis around parts of a line: "*Richard Lindhout* | *Eigenaar*", "Tel. *+31 6 1234*". Stars
# only (underscores join words in addresses and identifiers), never touching a word ("5*3*2").
_PART_EMPHASIS = re.compile(r"(?<![\w*])\*{1,2}(?=[^\s*])([^*\n]{1,200}?)(?<=[^\s*])\*{1,2}(?![\w*])")
# '=20' and '=09' left at the line end of a quoted-printable body whose Content-Transfer-Encoding
# header was lost (mailing-list digests, re-sent mail).
_QP_END = re.compile(r"(?:=20|=09)+$")


def without_web_targets(line: str) -> str:
    """The line without the web link targets written after its words."""
    return _WEB_TARGET.sub("", line) if "<" in line else line


def normalise_line(line: str) -> str:
    """The line as read: no invisible characters, plain spaces, ASCII digits and hyphens in
    numbers, no mail and phone link targets, no emphasis marks around the whole line, no '=20' at its end.
    Pure and one line to one line, so that line indices still point into the message."""
    if line.isascii():
        if "<" not in line and "=" not in line and "*" not in line and "_" not in line:
            return line  # the common case, at the cost of one scan
    else:
        line = _DIGIT_DASH.sub("-", line.translate(_TABLE))
    if "<" in line:
        line = _LINK_TARGET.sub("", line)
    if "=" in line:
        line = _QP_END.sub("", line)
    if "*" in line or "_" in line:
        line = _EMPHASIS.sub(r"\1\3\4", line)
    if "*" in line:
        line = _PART_EMPHASIS.sub(r"\1", line)
    return line


# Marks after a name that are no part of it: a hotel's stars, trademark and registered signs,
# pictographs ("Hotel Villa Aurora ★★★★", "Acme®").
_TRAILING_MARK = re.compile(r"[\s\u2600-\u27bf\u2b50\u00ae\u2122\U0001f300-\U0001faff]")


def without_trailing_marks(value: str) -> str:
    """The value without the marks after it; the value as it is when it is nothing but marks."""
    # Walked back from the end one character at a time: a pattern anchored at the end is tried
    # from every space inside the value, quadratic in a long run of them.
    end = len(value)
    while end and _TRAILING_MARK.match(value, end - 1):
        end -= 1
    return value[:end] or value
