"""What a From display name says of a person: their name, and an organisation written beside it.

"Jane Roe - Acme Corp", "Jane Roe | Acme", "Jane Roe (Acme)" and "Jane Roe via dev-list" name
Jane Roe; "Acme Support" <support@...> and "Soleil Voyages" <contact@...> name no person at all.
The name finder reads only the person's part, so that an organisation's words in the header never
make the company line the sender's name; the block finder still anchors on every word.
"""

from __future__ import annotations

import re
from functools import lru_cache

from mailhook.model import Author
from mailhook.pipeline import lines as kind

# What separates a person's name from the organisation or list a client writes after it.
_APART = re.compile(r"\s+[-–—|/•·@]\s+|\s*[(\[]|\s+(?:via|from|at)\s+", re.IGNORECASE)
# Mailboxes of a role or an office, never of one person, in the languages we read.
_ROLE_MAILBOXES = frozenset(
    {"info", "contact", "contacto", "contatto", "kontakt", "support", "help", "helpdesk", "hello",
     "hallo", "hola", "sales", "office", "team", "admin", "service", "services", "mail", "post",
     "noreply", "reply", "enquiries", "inquiries", "bureau", "biuro", "buero", "equipo", "vertrieb",
     "verkauf", "ventas", "vendite", "ufficio", "oficina", "kantoor", "secretariat", "sekretariat",
     "secretaria", "segreteria", "reception", "empfang", "accounts", "billing", "booking",
     "reservations", "orders", "shop", "news", "newsletter", "marketing", "jobs", "hr", "kundenservice",
     "klantenservice", "kundtjanst", "kundeservice", "atendimento", "commercial", "commerciale",
     "comercial", "direction", "administration", "verwaltung", "redaktion", "redaction", "press"}
)


@lru_cache(maxsize=1024)
def as_person(author: Author | None) -> Author | None:
    """The author as the name finder should read them: the display name cut to the person's
    part, None where it names an organisation; a role mailbox ("info@") names no one either."""
    if author is None:
        return None
    email = None if role_mailbox(author.email) else author.email
    return Author(person_part(author), email)


def person_part(author: Author) -> str | None:
    """The person's name in the display name, or None when it names no person."""
    if not author.name:
        return None
    head = _APART.split(author.name, maxsplit=1)[0].strip(" ,;'\"")
    if not head or _names_an_organisation(head, author):
        return None
    return head


def organisation_part(author: Author | None) -> str | None:
    """The organisation the display name writes: after the person's name, or all of it."""
    if author is None or not author.name:
        return None
    person = person_part(author)
    if person is None:
        return author.name.strip(" '\"") or None
    rest = author.name[len(person) :].strip(" -–—|/•·@()[]'\"")
    rest = re.sub(r"^(?:via|from|at)\s+", "", rest, flags=re.IGNORECASE)
    return rest or None


def _names_an_organisation(head: str, author: Author) -> bool:
    """A display name that is not a person's: organisation or department words ("Acme Support",
    "Service Client Soleil"), or any name sent from a role mailbox that shares none of its words."""
    if kind.is_org(head) or kind.DEPARTMENT.search(head) or kind.ORG.search(head):
        return True
    if not role_mailbox(author.email):
        return False
    own = set(re.split(r"[._\-+]", (author.email or "").split("@")[0].casefold())) - _ROLE_MAILBOXES
    return not any(w.casefold() in own for w in head.split())


def role_mailbox(email: str | None) -> bool:
    """A mailbox a team or a function reads ("info@", "sales.de@"), not one person's."""
    if not email or "@" not in email:
        return False
    local = re.split(r"[._\-+]", email.split("@")[0].casefold())
    return bool(local) and local[0] in _ROLE_MAILBOXES
