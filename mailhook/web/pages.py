"""The Suggested updates and Filled by AI pages, and the export of what the AI filled."""

from __future__ import annotations

import datetime
import json
import logging
import re
from collections.abc import Iterable, Mapping
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from mailhook.errors import InvalidValue, NotFound
from mailhook.model import PROPERTIES, User
from mailhook.outputs import export
from mailhook.store import Store, Suggestion
from mailhook.web.session import DECISIONS, HEADERS, Refused, checked_form, in_store, signed_in

log = logging.getLogger(__name__)

# The filter compares the fill's time as text, so only this form (fromisoformat also takes
# 20261201 and 2026-W49-2) can match.
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def evidence_line(evidence: Mapping[str, Any] | str | None) -> str:
    """The signature line a value was read from (stored as JSON with the finder and confidence)."""
    if isinstance(evidence, str):
        evidence = json.loads(evidence)
    line = evidence.get("line") if isinstance(evidence, Mapping) else None
    return line if isinstance(line, str) else ""


def chosen_filters(request: Request) -> tuple[str, str]:
    """The day (YYYY-MM-DD) and property asked for; empty for all, a bad one refused."""
    day, prop = request.query_params.get("day", ""), request.query_params.get("property", "")
    if day and not _is_day(day):
        raise Refused(400, "Not a day", f"{day!r} is not a date like 2026-12-01.")
    if prop and prop not in PROPERTIES:
        raise Refused(400, "No such property", f"{prop!r} is not a property the AI fills.")
    return day, prop


def _is_day(text: str) -> bool:
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return _DAY.fullmatch(text) is not None


def pick_filled(rows: Iterable[dict[str, Any]], day: str, prop: str) -> list[dict[str, Any]]:
    """The filled rows of that UTC day and property (each empty: any)."""
    return [r for r in rows if (not day or r["filled_at"].startswith(day))
            and (not prop or r["property"] == prop)]


async def suggestions_page(request: Request) -> Response:
    user = await signed_in(request)
    web = request.app.state.web
    found: list[Suggestion] = await web.db(lambda s: s.suggestions(user_email=user.email))
    return web.page(request, "suggestions.html", user=user, suggestions=found)


async def decide_suggestion(request: Request) -> Response:
    """Accept (a user's edit: the flag is set) or dismiss, as `mailhook suggestions` does; only a
    suggestion from the signed-in user's own mail, and only while it is open."""
    web = request.app.state.web
    user = await signed_in(request)
    await checked_form(request)
    suggestion_id, decision = request.path_params["suggestion_id"], request.path_params["decision"]
    # One call on the page's database thread, as for tasks: no other request decides in between.
    await web.db(lambda s: _decide_suggestion(s, user, suggestion_id, decision))
    log.info("web: %s %s suggestion %d", user.email, DECISIONS[decision], suggestion_id)
    return RedirectResponse("/suggestions", status_code=303)


def _decide_suggestion(store: Store, user: User, suggestion_id: int, decision: str) -> None:
    try:
        found: Suggestion | None = store.suggestion(suggestion_id) if in_store(suggestion_id) else None
    except NotFound:
        found = None
    if decision not in DECISIONS or found is None or found.user_email != user.email:
        log.warning("web: %s refused %s on suggestion %s: not one of their suggestions",
                    user.email, decision, suggestion_id)
        raise Refused(404, "No such suggestion among yours",
                      f"Suggestion {suggestion_id} is not one of your suggested updates; "
                      "nothing was changed.")
    try:
        (store.accept_suggestion if decision == "accept" else store.dismiss_suggestion)(suggestion_id)
    except InvalidValue as exc:  # decided already (another tab, the CLI)
        raise Refused(409, "Already decided", f"{exc}; nothing was changed.") from None


async def filled_page(request: Request) -> Response:
    user = await signed_in(request)
    day, prop = chosen_filters(request)
    web = request.app.state.web
    rows = pick_filled(await web.db(lambda s: s.filled(user.email)), day, prop)
    return web.page(request, "filled.html", user=user, rows=rows, day=day, prop=prop,
                    properties=PROPERTIES)


async def export_filled(request: Request) -> Response:
    """What the page shows, as `mailhook export filled` writes it (ours, or --hubspot's columns)."""
    user = await signed_in(request)
    day, prop = chosen_filters(request)
    hubspot = request.query_params.get("hubspot") == "on"
    rows = pick_filled(await request.app.state.web.db(lambda s: s.filled(user.email)), day, prop)
    text = (export.hubspot_csv if hubspot else export.filled_csv)(rows)
    name = "-".join(["filled", *(p for p in (day, prop) if p), *(["hubspot"] if hubspot else [])])
    log.info("web: %s exported %d filled value(s)", user.email, len(rows))
    return Response(text, media_type="text/csv; charset=utf-8", headers={
        **HEADERS, "Content-Disposition": f'attachment; filename="{name}.csv"'})


ROUTES = [
    Route("/suggestions", suggestions_page, methods=["GET"]),
    Route("/suggestions/{suggestion_id:int}/{decision:str}", decide_suggestion, methods=["POST"]),
    Route("/filled", filled_page, methods=["GET"]),
    Route("/filled/export", export_filled, methods=["GET"]),
]
