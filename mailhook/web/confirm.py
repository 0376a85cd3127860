"""The confirmation page a digest link lands on: the link's task or suggestion, and one button
(a CSRF-checked POST to the page's own decision route) that acts. A GET never changes anything."""

from __future__ import annotations

import logging
from typing import Any, TypeGuard

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from mailhook.automation.links import BadLink, LinkSigner, Target
from mailhook.errors import NotFound
from mailhook.model import User
from mailhook.store import Store
from mailhook.web.session import Refused, client_of, signed_in

log = logging.getLogger(__name__)

NEXT = "next"  # the session key of the link to return to after signing in
OPEN = {"task": "recommended", "suggestion": "open"}


def is_link_path(path: object) -> TypeGuard[str]:
    """Only a digest link's own path is returned to after sign-in (never another site)."""
    return isinstance(path, str) and path.startswith("/go/") and "//" not in path and "\\" not in path


async def confirm_page(request: Request) -> Response:
    web = request.app.state.web
    target = _read(web.links, request)
    try:
        user = await signed_in(request)
    except Refused as exc:
        if exc.status == 401:  # back here once signed in
            request.session[NEXT] = request.url.path
        raise
    if target.user != user.email:
        log.warning("web: %s refused a digest link of %s (%s %s %d) from %s: another user's",
                    user.email, target.user, target.action, target.kind, target.id, client_of(request))
        raise Refused(403, "This link is for another user",
                      f"It was sent to {target.user}, and you are signed in as {user.email}. "
                      "Sign out and sign in as them to use it; nothing was changed.")
    item = await web.db(lambda s: _owned(s, target, user))
    return web.page(request, "confirm.html", user=user, target=target, item=item)


def _read(links: LinkSigner, request: Request) -> Target:
    """The link's target; a forged, damaged or expired link is refused with a page, and logged."""
    try:
        return links.read(request.path_params["token"])
    except BadLink as exc:
        log.warning("web: refused a digest link from %s: %s", client_of(request), exc)
        if exc.expired:
            raise Refused(410, "This link has expired",
                          f"Links in the digest work for a while only ({exc}). Your recommended tasks "
                          "and suggested updates are on their pages; nothing was changed.") from None
        raise Refused(400, "This link does not work",
                      "It is not a link mailhook made, or it was cut short: open the digest again "
                      "and use the whole link. Nothing was changed.") from None


def _owned(store: Store, target: Target, user: User) -> Any:
    """The open task or suggestion the link names, if it is the user's; else refused, logged."""
    try:
        item = store.task(target.id) if target.kind == "task" else store.suggestion(target.id)
    except NotFound:
        item = None
    if item is None or item.user_email != user.email:
        log.warning("web: %s refused a digest link to %s %d: not one of theirs", user.email,
                    target.kind, target.id)
        raise Refused(404, f"No such {target.kind} among yours",
                      f"The link names {target.kind} {target.id}, which is not one of yours; "
                      "nothing was changed.")
    if item.status != OPEN[target.kind]:
        raise Refused(409, "Already decided",
                      f"This {target.kind} was {item.status} before; nothing was changed.")
    return item


ROUTES = [Route("/go/{token:str}", confirm_page, methods=["GET"])]
