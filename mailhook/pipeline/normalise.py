"""One line of mail as a human reads it: the invisible, typographic and link noise of clients removed."""

from __future__ import annotations

import re
from itertools import pairwise

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
    return line


# Fewer text lines than this say too little about a client's spacing.
_SPACED_TEXT_LINES = 5
_SHORT_WORDS = 4
_RULE = re.compile(r"^[\s\-_=*~#+.·•|]{3,}$")


def spaced_lines(lines: list[str]) -> list[int] | None:
    """Outlook's paragraph spacing (each <p> a paragraph): where the text's last lines stand a
    blank line apart (no two of them touch), one blank is spacing and two or more a paragraph
    break. The indices of the lines to read, one blank kept per break; None for text whose end
    is not spaced so."""
    text = [i for i, line in enumerate(lines) if line.strip()]
    # The spaced run at the end: below the last pair of touching lines, if any, or from the
    # second of the pair when that is a short line (the name under "Best,"), not a sentence.
    touching = next(
        (k for k in range(len(text) - 1, 0, -1) if text[k] == text[k - 1] + 1 and not _rule(lines, text, k)),
        None,
    )
    first = 0 if touching is None else touching + (not _short(lines[text[touching]]))
    spaced = text[first:]
    gaps = [b - a for a, b in pairwise(spaced)]
    if len(spaced) < _SPACED_TEXT_LINES or all(gap > 2 for gap in gaps):
        return None  # too few lines, or every gap a break: nothing to join
    kept = list(range(spaced[0] + 1))
    for (a, b), gap in zip(pairwise(spaced), gaps, strict=True):
        if gap > 2:
            kept.append(a + 1)
        kept.append(b)
    return kept + list(range(spaced[-1] + 1, len(lines)))


def _rule(lines: list[str], text: list[int], k: int) -> bool:
    """One of two touching lines is a rule ("=====") that frames the block."""
    return bool(_RULE.match(lines[text[k]]) or _RULE.match(lines[text[k - 1]]))


def _short(line: str) -> bool:
    text = line.strip()
    return len(text.split()) <= _SHORT_WORDS and not text.endswith((".", "?", "!", ":"))
