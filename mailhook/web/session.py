"""What every route checks: the signed-in user, the session's CSRF token, and the refusal page;
and the sessions signed out before their cookie expires."""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import time
from collections.abc import Callable, Mapping
from typing import Any

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mailhook.model import User

log = logging.getLogger(__name__)

SESSION_SECONDS = 12 * 3600  # a signed-in browser signs in again after a working day
DECISIONS = {"accept": "accepted", "dismiss": "dismissed"}
MOST_ID = 2**63 - 1  # SQL's integers are 64-bit: a larger id in a path names no row
# Above the largest form the page sends: a contact's twelve fields, held and typed, 500
# characters each, at worst 4 UTF-8 bytes a character percent-encoded to 12: 144 kB.
MOST_BODY = 256 * 1024
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


class Sessions:
    """Starts sessions and says which cookies may still be one. The signed cookie is the whole
    session (Starlette keeps nothing on the server), so deleting the browser's cookie would leave
    a copy of it (a shared computer, a stolen cookie) working until it expires: each session
    carries a random id, and sign-out records it in the store (store.sessions) until its cookie
    could no longer be valid anyway, so a restart forgets nothing. `clock` is a seam for tests."""

    def __init__(self, lifetime: int = SESSION_SECONDS, clock: Callable[[], float] = time.time) -> None:
        self._lifetime = lifetime
        self._clock = clock

    def start(self, request: Request, email: str, stored: str) -> None:
        """A fresh session (and so a fresh CSRF token) for the user who just signed in."""
        request.session.clear()
        request.session.update(user=email, key=session_key(stored), sid=secrets.token_urlsafe(16),
                               at=int(self._clock()))

    def end(self, request: Request) -> tuple[str, float] | None:
        """Clear the browser's session; the id to record as ended and until when, if it had one."""
        sid, started = request.session.get("sid"), request.session.get("at")
        request.session.clear()
        if isinstance(sid, str) and isinstance(started, int):
            return sid, float(started + self._lifetime)
        return None

    def live_id(self, session: Mapping[str, Any]) -> str | None:
        """The session's id if it was started here and is younger than a session lives (the
        middleware signs a changed cookie afresh, so its own age says nothing of when the user
        signed in); whether it was signed out is the store's to say."""
        sid, started = session.get("sid"), session.get("at")
        if isinstance(sid, str) and isinstance(started, int) and (
                0 <= self._clock() - started <= self._lifetime):
            return sid
        return None


class BodyLimit:
    """ASGI middleware: a request body larger than `most` bytes is refused (413, the page that
    says why) when the route reads it, whether its size is announced or it streams. Starlette
    itself would read up to a thousand fields of 1 MB each, for anyone, before any sign-in."""

    def __init__(self, app: ASGIApp, most: int = MOST_BODY) -> None:
        self._app = app
        self._most = most

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length", b"0")
        announced, seen = (int(length) if length.isdigit() else 0), 0

        async def limited() -> Message:
            nonlocal seen
            if announced > self._most:
                raise _too_large(self._most)
            message = await receive()
            seen += len(message.get("body", b"")) if message["type"] == "http.request" else 0
            if seen > self._most:
                raise _too_large(self._most)
            return message

        await self._app(scope, limited, send)


def _too_large(most: int) -> Refused:
    return Refused(413, "This form is too large",
                   f"The page's forms are far smaller than {most // 1024} kB; nothing was changed.")


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
    # As bytes: compare_digest refuses text beyond ASCII (a typed token would be a 500).
    if not (isinstance(sent, str) and isinstance(held, str)
            and hmac.compare_digest(sent.encode(), held.encode())):
        log.warning("web: %s %s from %s refused: missing or wrong CSRF token",
                    request.method, request.url.path, client_of(request))
        raise Refused(403, "This form has expired",
                      "It was not sent from a page of this session. Go back, reload the page and "
                      "send it again.")
    return form


async def signed_in(request: Request) -> User:
    """The signed-in user; a session signed out, too old, or whose user is gone or whose password
    changed is ended."""
    web = request.app.state.web
    email = request.session.get("user")
    sid = web.sessions.live_id(request.session)
    if isinstance(email, str) and sid is not None and not await web.db(
            lambda s: s.web_session_ended(sid)):
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


def in_store(number: int) -> bool:
    """Whether an id from a path can name a stored row at all."""
    return 0 < number <= MOST_ID


def client_of(request: Request) -> str:
    return request.client.host if request.client is not None else "unknown"
