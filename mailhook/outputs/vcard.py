"""Contacts as vCard 4.0 (RFC 6350) text: one card per contact, built and serialised by vobject."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import vobject

from mailhook.safe_text import escape

# (property, TYPE parameter values) for the TEL lines. Values stay E.164 text, which RFC 6350
# allows by default for TEL and every address book reads; a tel: URI would break older importers.
PHONE_TYPES: tuple[tuple[str, list[str]], ...] = (
    ("phone", ["work", "voice"]),
    ("mobile_phone", ["cell"]),
    ("fax", ["fax"]),
)
ADDRESS_PROPERTIES = ("street_address", "city", "state", "postal_code", "country")


def contact_card(contact: Mapping[str, str | None]) -> str:
    """One contact (email plus properties) as a vCard 4.0 with CRLF lines folded at 75 octets.

    vobject does the escaping of `,;\\` and newlines and the octet-aware folding; FN is required
    by RFC 6350, so a contact without a name is named by its address. Control characters (RFC 6350
    text may not hold them) and bidi overrides are written out visibly (safe_text.escape).
    """
    card = vobject.vCard()
    card.add("version").value = "4.0"
    first, last = _text(contact, "first_name"), _text(contact, "last_name")
    email = escape(contact["email"] or "")
    card.add("fn").value = " ".join(v for v in (first, last) if v) or email
    if first or last:
        card.add("n").value = vobject.vcard.Name(family=last, given=first)
    card.add("email").value = email
    for prop, types in PHONE_TYPES:
        if value := _text(contact, prop):
            line = card.add("tel")
            line.value = value
            line.type_param = types
    if title := _text(contact, "job_title"):
        card.add("title").value = title
    if company := _text(contact, "company"):
        card.add("org").value = [company]
    if any(_text(contact, p) for p in ADDRESS_PROPERTIES):
        adr = card.add("adr")
        adr.value = vobject.vcard.Address(
            street=_text(contact, "street_address"),
            city=_text(contact, "city"),
            region=_text(contact, "state"),
            code=_text(contact, "postal_code"),
            country=_text(contact, "country"),
        )
        adr.type_param = ["work"]
    return str(card.serialize())


def contacts_vcf(contacts: Iterable[Mapping[str, str | None]]) -> str:
    """A .vcf file: the cards one after another."""
    return "".join(contact_card(c) for c in contacts)


def _text(contact: Mapping[str, str | None], prop: str) -> str:
    return escape((contact.get(prop) or "").strip())
