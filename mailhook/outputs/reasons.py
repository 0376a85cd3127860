"""Why a mail was not read, and why the AI did not write a value it found, in a user's words:
the one mapping from `messages.skip_reason` and from the fill rules' reasons."""

from __future__ import annotations

import re

import pycountry

from mailhook.rules import fill

# Why a value a signature showed was suggested rather than written (rules.fill).
_NOT_WRITTEN = {
    fill.USER_EDITED: "a person set this property",
    fill.HOLDS_VALUE: "the contact already holds a value",
    fill.NOT_FIRST: "only the first scanned reply fills ([fill] policy hubspot)",
    fill.POLICY_SUGGEST: "[fill] policy is suggest",
    fill.NOT_FILLABLE: "the AI never fills this property",
}


def not_written(reason: str | None) -> str:
    """Why the AI did not write a suggested value, in words ("" when no reason is recorded)."""
    return _NOT_WRITTEN.get(reason, reason) if reason else ""

# Reasons that are always written the same way (mailhook/rules/routing.py and the worker).
_FIXED = {
    "team address": "sent to a team address, which is logged but never read",
    "inbox automation off": "inbox automation is off for the user",
    "sender is never logged": (
        "the sender is never logged (a team or forwarding address, or on [logging] never_log)"),
    "outbound mail is not scanned": "outbound mail: the user's own words are never read",
    "fill contact details off": "fill contact details is off for the user",
    "received before fill contact details was turned on": (
        "received before the user turned fill contact details on"),
    "sender is not a contact": "the sender is not a contact",
    "an earlier reply of this contact was scanned": (
        "an earlier reply of this contact was read ([fill] scan is first-reply)"),
    "forwarded mail has no external original sender": (
        "the forward names no outside original sender"),
}
# Reasons that carry a detail, and how each reads with it.
_PATTERNS = (
    (re.compile(r"author in doubt: (.+)"), "the sender cannot be believed: {}"),
    (re.compile(r"original author in doubt: (.+)"),
     "the forwarded original's sender cannot be believed: {}"),
    (re.compile(r"dkim:(\w+)"), "DKIM did not pass ({}) and [dkim] policy is require"),
    (re.compile(r"sender not shown to be the user \(dkim:(\w+)\)"),
     "the sender was not shown to be the user: DKIM did not pass ({}) and [dkim] policy is require"),
    (re.compile(r"(.+) is no longer a user"), "sent to {}, who is no longer a user"),
)
_LANGUAGE = re.compile(r"language:(\w+)")


def in_words(skip_reason: str) -> str:
    """The reason a mail was not read, as it reads after "not read: "; a reason this module does
    not know (one stored by an older version) is given as stored."""
    if skip_reason in _FIXED:
        return _FIXED[skip_reason]
    if found := _LANGUAGE.fullmatch(skip_reason):
        return f"written in {_language(found[1])}, which mailhook does not read yet"
    for pattern, words in _PATTERNS:
        if found := pattern.fullmatch(skip_reason):
            return words.format(found[1])
    return skip_reason


def _language(code: str) -> str:
    """"Japanese" for "ja": the English name from ISO 639 (pycountry), the code if it has none."""
    found = pycountry.languages.get(alpha_2=code) if len(code) == 2 else None
    return found.name if found is not None else code
