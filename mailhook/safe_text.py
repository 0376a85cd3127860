"""Text made safe at the edges: controls stripped on the way in, escaped on the way out, and
spreadsheet formulas kept from being read as fields or run from a CSV export.

Written here rather than taken from defusedcsv: its rule differs from OWASP's (no tab or CR, a
backslash put before every `|`, which changes the data) and it has no place for the phones that a
leading `+` cannot turn into anything but a number.
"""

from __future__ import annotations

import json
import re
from typing import Any

# Bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): they reorder what a
# terminal or a spreadsheet shows. The marks (LRM, RLM, ALM) are left: right-to-left names use them.
_BIDI = "\u202a-\u202e\u2066-\u2069"
# C0, DEL and C1 controls (ESC starts terminal sequences, OSC among them), and the bidi characters.
_UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}]")
# Line breaks and tabs separate words: in a one-line field they become a space, not nothing.
_SPACING = re.compile("[\t\n\v\f\r\x1c-\x1f\x85\u2028\u2029]")
# What a JSON encoder leaves raw although a terminal or a browser would act on it.
_JSON_RAW = re.compile(f"[\x7f-\x9f{_BIDI}\u2028\u2029]")

# A spreadsheet reads a cell as a formula when it starts with one of these (OWASP, CSV Injection).
_FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# ... but `+` followed by nothing but digits and spaces is a number at worst: E.164 phones stay
# as they are, so that HubSpot and address books import them unchanged.
_PLAIN_PHONE = re.compile(r"\+[0-9][0-9 ]*")
# Formula-shaped text in a signature: `=...`, `@...`, `+`/`-` right before a letter or a bracket
# that holds more than a number (`+(49) 30 ...` is a phone; `- Acme GmbH` is a bullet, and a
# spreadsheet reads it as text), a function that fetches or runs something, or a DDE call
# (`cmd|' /C calc'!A0`).
_FORMULA_START = re.compile(r"[=@]|[+\-](?:[^\W\d_]|\(\s*[^\d\s)])")
_FORMULA_INSIDE = re.compile(
    r"(?i)\b(?:hyperlink|import(?:xml|data|html|feed|range)|webservice|filterxml|image|dde|rtd"
    r"|call|exec|register\.id)\(|[^\W\d_]\w*\|\s*'"
)


def clean(text: str) -> str:
    """A value as the store keeps it: one line, without control or bidi override characters
    (tabs and line breaks become a space)."""
    return _UNSAFE.sub("", _SPACING.sub(" ", text)).strip()


def escape(text: str) -> str:
    """Text for a terminal, a CSV cell or a vCard: each control or bidi character written out
    visibly (`\\x1b`, `\\u202e`), so that it shows instead of acting."""
    return _UNSAFE.sub(_visible, text)


def json_dumps(value: Any, **options: Any) -> str:
    """JSON as `json.dumps(..., ensure_ascii=False)` writes it, with the characters it leaves raw
    (DEL, C1, bidi, U+2028/U+2029) as \\u escapes too: the same data, inert when printed."""
    text = json.dumps(value, ensure_ascii=False, **options)
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet would run this text, or it carries a call that fetches or runs
    something: such text is never a name, title, address or phone."""
    stripped = text.strip()
    return bool(_FORMULA_START.match(stripped) or _FORMULA_INSIDE.search(stripped))


def holds_formula(line: str) -> bool:
    """Whether a whole line is a formula or carries a fetching call: values cut out of it are
    pieces of the formula. Unlike looks_like_formula, a sign-off such as "-Tom" passes."""
    stripped = line.strip()
    return stripped.startswith("=") or bool(_FORMULA_INSIDE.search(stripped))


def csv_cell(value: Any) -> Any:
    """One CSV cell, neutralised as OWASP says (a `'` before a leading `= + - @`, tab or CR, also
    after leading spaces), plain `+` phone numbers aside, with its controls escaped; None and
    numbers pass through."""
    if not isinstance(value, str):
        return value
    if _needs_quote(value):
        value = "'" + value
    return escape(value)


def _needs_quote(value: str) -> bool:
    if _PLAIN_PHONE.fullmatch(value):
        return False
    return value.startswith(_FORMULA_TRIGGERS) or value.lstrip().startswith(_FORMULA_TRIGGERS)


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
