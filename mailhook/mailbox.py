"""Mail addresses in one canonical form, so `"ann"@us.example`, `ANN@us.example.` and
`ann@us.example` are one person everywhere: users, config, routing, contacts."""

from __future__ import annotations

import re

from mailhook.errors import InvalidValue

# A quoted local part whose content needs no quoting ("ann", "ann.lee") is the same mailbox as
# the bare one (RFC 5321 4.1.2); anything else keeps its quotes.
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_NEEDLESSLY_QUOTED = re.compile(rf'^"({_ATOM}(?:\.{_ATOM})*)"@')


def canonical_address(address: str) -> str:
    """The address as mailhook stores and compares it: lower-case, needless quotes and a
    domain's trailing dot removed. InvalidValue when it is not an address at all."""
    text = address.strip().strip("<>").strip()
    text = _NEEDLESSLY_QUOTED.sub(r"\1@", text)
    local, at, domain = text.rpartition("@")
    domain = domain.rstrip(".")
    if not at or not local or not domain or any(c.isspace() or ord(c) < 32 for c in text):
        raise InvalidValue(f"not an e-mail address: {address!r}")
    return f"{local}@{domain}".lower()


def canonical_or_none(address: str) -> str | None:
    try:
        return canonical_address(address)
    except InvalidValue:
        return None
