"""Text folded for comparison: one spelling of a name whatever its case and accents."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Case and accents away: "López" and "lopez" are one surname in a mailbox."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ß", "ss")
