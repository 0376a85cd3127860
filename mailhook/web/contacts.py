"""The Contacts pages: the contacts the user's mail touched, and one contact's properties with
their source, user-edited flag and history, with an edit form whose save is the user's edit."""

from __future__ import annotations

import functools
import logging
import urllib.parse
from collections.abc import Mapping
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from mailhook.errors import InvalidValue, NotFound
from mailhook.model import CONTACT_FIELDS, SOURCE_AI, SOURCE_IMPORT, SOURCE_USER, User
from mailhook.outputs import export
from mailhook.safe_text import clean
from mailhook.store import Store, normalise_address
from mailhook.store import pages as queries
from mailhook.web.session import Refused, checked_form, signed_in
from mailhook.web.signin import LONGEST_ADDRESS

log = logging.getLogger(__name__)

MOST_CHARACTERS = 500  # a typed value longer than any address line is a mistake or an attack
SOURCES = {SOURCE_USER: "a person", SOURCE_IMPORT: "an import", SOURCE_AI: "mailhook AI",
           "undo": "undo of an AI fill"}
# Phones typed here are stored as the CLI's `contacts set` stores them: E.164 where the number or
# the contact's country says where it is dialled, the text as typed kept beside it.
_PHONES = functools.partial(export.typed_phone, region=None)


def contact_url(email: str) -> str:
    """The contact's page; an address may hold characters a path may not."""
    return "/contacts/" + urllib.parse.quote(email, safe="@+")


def source_label(source: str | None) -> str:
    return SOURCES.get(source or "", source or "")


def edits(form: Mapping[str, Any]) -> dict[str, str | None]:
    """The properties the user changed on the form (typed value differs from the one it showed),
    as they are to be stored: trimmed, empty as None. Bad text is refused."""
    changed: dict[str, str | None] = {}
    for prop in CONTACT_FIELDS:
        typed, shown = form.get(f"value:{prop}"), form.get(f"held:{prop}")
        if not isinstance(typed, str) or not isinstance(shown, str) or typed.strip() == shown.strip():
            continue
        value = typed.strip()
        # clean() is what the store's values are: one line without controls (C0, C1, Unicode's
        # line breaks) or bidi overrides; a typed value holding any is refused, not altered.
        if len(value) > MOST_CHARACTERS or clean(value) != value:
            raise Refused(400, "Not a value mailhook keeps",
                          f"{prop.replace('_', ' ')}: at most {MOST_CHARACTERS} characters on one "
                          "line; nothing was changed.")
        changed[prop] = value or None
    return changed


CONTACTS_PER_PAGE = 100


async def contacts_page(request: Request) -> Response:
    """A page of the user's contacts (?page=N, from 1), and whether there is another."""
    user = await signed_in(request)
    web = request.app.state.web
    typed = request.query_params.get("page", "1")
    if not typed.isascii() or not typed.isdigit() or not 1 <= int(typed) <= 1_000_000:
        raise Refused(400, "Not a page", f"{typed[:20]!r} is not a page number (1, 2, ...).")
    page, size = int(typed), CONTACTS_PER_PAGE
    found = await web.db(lambda s: queries.touched_contacts(s, user.email, offset=(page - 1) * size,
                                                           limit=size + 1))
    return web.page(request, "contacts.html", user=user, contacts=found[:size], page=page,
                    more=len(found) > size)


async def contact_page(request: Request) -> Response:
    user = await signed_in(request)
    web = request.app.state.web
    shown = await web.db(lambda s: _contact_view(s, user, request.path_params["email"]))
    return web.page(request, "contact.html", user=user, **shown)


async def edit_contact(request: Request) -> Response:
    """The changed properties through the store's user-edit path (set_properties, as `mailhook
    contacts set` in one transaction: all or none): each value is the person's and the AI never
    writes that property again."""
    user = await signed_in(request)
    form = await checked_form(request)
    web = request.app.state.web
    email = await web.db(lambda s: _own_contact(s, user, request.path_params["email"]))
    changed = edits(form)

    await web.db(lambda s: s.set_properties(email, changed, _PHONES))
    log.info("web: %s edited %s of contact %s", user.email, ", ".join(changed) or "nothing", email)
    return RedirectResponse(contact_url(email), status_code=303)


def _own_contact(store: Store, user: User, typed: str) -> str:
    """The contact's stored address, if the user's mail touched it; else refused and logged."""
    try:
        email = normalise_address(typed)
        if queries.is_touched(store, user.email, email):
            store.contact(email)
            return email
    except (InvalidValue, NotFound):
        pass
    log.warning("web: %s refused contact %r: not a contact their mail touched", user.email,
                typed[:LONGEST_ADDRESS])
    raise Refused(404, "No such contact among yours",
                  f"{typed[:LONGEST_ADDRESS]} is not a contact your mail was logged on; nothing was "
                  "changed.")


def _contact_view(store: Store, user: User, typed: str) -> dict[str, Any]:
    email = _own_contact(store, user, typed)
    held = store.contact(email)["properties"]
    meta = queries.property_sources(store, user.email, email)
    properties = [{"property": p, **held[p], **{k: meta.get(p, {}).get(k) for k in
                                                ("original", "evidence", "own_mail", "subject",
                                                          "date")}}
                  for p in CONTACT_FIELDS]
    return {"email": email, "properties": properties,
            "history": queries.property_history(store, user.email, email),
            "mails": queries.mail_with(store, user.email, email)}


ROUTES = [
    Route("/contacts", contacts_page, methods=["GET"]),
    Route("/contacts/{email:path}", contact_page, methods=["GET"]),
    Route("/contacts/{email:path}", edit_contact, methods=["POST"]),
]
