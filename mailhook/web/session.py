"""What every route checks: the signed-in user, the session's CSRF token, and the refusal page."""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets

from starlette.datastructures import FormData
from starlette.requests import Request

from mailhook.model import User

log = logging.getLogger(__name__)

DECISIONS = {"accept": "accepted", "dismiss": "dismissed"}
# No scripts, frames or foreign resources: the pages need none, so an injected one cannot run.
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self' 'unsafe-inline'; "
                               "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


class Refused(Exception):
    """A request answered with a page that says why; nothing was changed."""

    def __init__(self, status: int, title: str, detail: str) -> None:
        super().__init__(title)
        self.status, self.title, self.detail = status, title, detail


def csrf_token(request: Request) -> str:
    """The session's token, put in every form and checked on every POST (made on first use)."""
    token = request.session.get("csrf")
    if not isinstance(token, str):
        token = request.session["csrf"] = secrets.token_urlsafe(32)
    return token


async def checked_form(request: Request) -> FormData:
    """The POSTed form, once its CSRF token matches the session's."""
    form = await request.form()
    sent, held = form.get("csrf"), request.session.get("csrf")
    if not (isinstance(sent, str) and isinstance(held, str) and hmac.compare_digest(sent, held)):
        log.warning("web: %s %s from %s refused: missing or wrong CSRF token",
                    request.method, request.url.path, client_of(request))
        raise Refused(403, "This form has expired",
                      "It was not sent from a page of this session. Go back, reload the page and "
                      "send it again.")
    return form


async def signed_in(request: Request) -> User:
    """The signed-in user; a session whose user is gone or whose password changed is ended."""
    web = request.app.state.web
    email = request.session.get("user")
    if isinstance(email, str):
        stored = await web.db(lambda s: s.password_hash(email))
        if stored is not None and hmac.compare_digest(request.session.get("key", ""),
                                                      session_key(stored)):
            user: User = await web.db(lambda s: s.get_user(email))
            return user
    request.session.clear()
    raise Refused(401, "Please sign in", "Your session has ended.")


def session_key(stored: str) -> str:
    """Bound into the session: a new password (`users password`) ends every session of the old."""
    return hashlib.sha256(stored.encode()).hexdigest()[:32]


def client_of(request: Request) -> str:
    return request.client.host if request.client is not None else "unknown"
