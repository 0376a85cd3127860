"""The sender's first and last name from the sign-off name line, guided by the From display name."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nameparser import HumanName

from mailhook.model import Author
from mailhook.pipeline import lines as kind
from mailhook.pipeline.lexicon import VALEDICTION_PREFIX

# The name sits at the top of a block: after a nickname or initials at most a few lines down.
_HEAD_LINES = 5
_TWO_SURNAMES = frozenset({"es", "ca", "gl"})
# German "im Auftrag" / "in Vertretung" and "per procura" before a name.
_ON_BEHALF = re.compile(r"^(?:i\.\s?A\.|i\.\s?V\.|ppa\.|pp\.|p\.p\.|p\.o\.)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Name:
    """A name found on a block line: the line's index, and the first and last name as written."""

    line: int
    first: str | None
    last: str | None


def find_name(block: list[str], author: Author | None, language: str | None = None) -> Name | None:
    """Return the sender's name from the head of a signature block, if one is written there."""
    heads = [(i, clean_name_line(line)) for i, line in enumerate(block) if line.strip()][:_HEAD_LINES]
    names = [(i, text) for i, text in heads if kind.is_name_like(text)]
    if not names:
        return None
    sender = [(i, t) for i, t in names if kind.names_sender(t, author)]
    index, text = max(sender or names[:1], key=lambda item: len(item[1].split()))
    if not sender and len(text.split()) == 1:
        # A fuller line below a bare first name is the same person ("John" then "John A. Baker").
        fuller = [(i, t) for i, t in names if t.split()[0] == text and len(t.split()) > 1]
        index, text = fuller[0] if fuller else (index, text)
    return split_name(index, text, language)


def clean_name_line(line: str) -> str:
    """The line without a sign-off, "i.A."-style prefixes, dashes, slashes and bold marks."""
    text = VALEDICTION_PREFIX.sub("", line.strip(), count=1).strip(" *_")
    text = _ON_BEHALF.sub("", text.lstrip("-–—~/ "))
    return text.rstrip(",;.").strip(" *_")


# The name rule, the role rule and the tagger each split the same name line: nameparser takes
# ~0.1 ms a name, so recent answers are kept (a Name is immutable).
@lru_cache(maxsize=256)
def split_name(index: int, text: str, language: str | None) -> Name:
    """First and last name of a name written on line `index` (compound surnames kept whole)."""
    tokens = text.split()
    if len(tokens) == 1:
        return Name(index, tokens[0], None)
    if language in _TWO_SURNAMES and len(tokens) in (3, 4) and not any(t.endswith(".") for t in tokens):
        # "Jorge Ruiz Navarro", "María José García López": Spanish names end in two surnames,
        # and both are the last name.
        return Name(index, tokens[0], " ".join(tokens[-2:]))
    # nameparser knows honorifics, suffixes, particles ("van der") and comma order; a fresh
    # HumanName each time keeps its shared constants untouched.
    parsed = HumanName(text)
    first = parsed.first or None
    last = parsed.last or None
    if first and len(first.rstrip(".")) == 1 and parsed.middle:
        first = parsed.middle.split()[0]  # "J. Robert Smith" goes by Robert
    return Name(index, first, last)
