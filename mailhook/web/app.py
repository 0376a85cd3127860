"""The user's page as a Starlette app: sign-in, settings and recommended tasks (suggested updates
and what the AI filled in pages.py, contacts in contacts.py, digest links in confirm.py), plain
HTML forms.

Starlette, not aiohttp or a WSGI framework: it is ASGI, so uvicorn runs it as one more task on
the service's own asyncio loop (beside the aiosmtpd listeners, no thread or process of its own);
it is small, well kept, and brings signed cookie sessions (itsdangerous) and Jinja2 templates.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import jinja2
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route
from starlette.templating import Jinja2Templates

from mailhook.automation.links import LinkSigner
from mailhook.config import WebConfig
from mailhook.errors import NotFound
from mailhook.model import User
from mailhook.outputs.reasons import not_written
from mailhook.store import Store
from mailhook.store.pool import StorePool
from mailhook.store.postgres import is_url
from mailhook.web import confirm, contacts, pages
from mailhook.web.session import (
    DECISIONS,
    HEADERS,
    SESSION_SECONDS,
    BodyLimit,
    Refused,
    Sessions,
    checked_form,
    client_of,
    csrf_token,
    in_store,
    signed_in,
)
from mailhook.web.signin import Passwords, Result, SignIns, typed_address

log = logging.getLogger(__name__)

T = TypeVar("T")


# On PostgreSQL, how many requests' database work runs at once, each on a connection lent by a
# pool (store.pool). On an SQLite file one connection serves them in turn, as before.
POOL_SIZE = 4


class Web:
    """What the routes share: the database (off the loop: one connection used by one thread on
    SQLite, a pool's on PostgreSQL), the sign-in checks and the templates."""

    def __init__(self, database: Path | str, limits: WebConfig, passwords: Passwords, secret: str) -> None:
        self._database = database
        self.links = LinkSigner(secret)
        self._store: Store | None = None
        self._pool: StorePool | None = None
        self._opening = threading.Lock()
        threads = POOL_SIZE if is_url(database) else 1
        self._db = ThreadPoolExecutor(threads, thread_name_prefix="mailhook-web-db")
        self.signins = SignIns(limits, passwords)
        self.sessions = Sessions(SESSION_SECONDS)
        env = jinja2.Environment(loader=jinja2.PackageLoader("mailhook.web", "templates"),
                                 autoescape=True, undefined=jinja2.StrictUndefined)
        env.filters["when"] = _when
        env.filters["evidence_line"] = pages.evidence_line
        env.filters["not_written"] = not_written
        env.filters["contact_url"] = contacts.contact_url
        env.filters["source_label"] = contacts.source_label
        env.filters["label"] = lambda prop: prop.replace("_", " ").capitalize()
        self.templates = Jinja2Templates(env=env)

    async def db(self, work: Callable[[Store], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._db, self._run, work)

    def _run(self, work: Callable[[Store], T]) -> T:
        if is_url(self._database):
            with self._pooled().store() as store:
                return work(store)
        if self._store is None:
            self._store = Store(self._database)
        return work(self._store)

    def _pooled(self) -> StorePool:
        with self._opening:  # the first requests may come together, on several threads
            if self._pool is None:
                self._pool = StorePool(str(self._database), POOL_SIZE)
            return self._pool

    def close(self) -> None:
        self.signins.close()
        self._db.submit(lambda: self._store.close() if self._store is not None else None)
        self._db.shutdown(wait=True)
        if self._pool is not None:
            self._pool.close()

    def page(self, request: Request, name: str, status: int = 200, **context: Any) -> Response:
        context.setdefault("user", None)
        context["csrf"] = csrf_token(request)
        return self.templates.TemplateResponse(request, name, context, status_code=status,
                                               headers=HEADERS)


def create_app(database: Path | str, limits: WebConfig, passwords: Passwords, secret: str) -> Starlette:
    """The app; `secret` signs the session cookies (HttpOnly, SameSite=Lax, Secure when
    [web] secure_cookies says the page is served over TLS)."""
    web = Web(database, limits, passwords, secret)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        web.close()

    app = Starlette(
        routes=[
            Route("/", home, methods=["GET"]),
            Route("/login", login_page, methods=["GET"]),
            Route("/login", login, methods=["POST"]),
            Route("/logout", logout, methods=["POST"]),
            Route("/settings", settings_page, methods=["GET"]),
            Route("/settings", save_settings, methods=["POST"]),
            Route("/tasks", tasks_page, methods=["GET"]),
            Route("/tasks/{task_id:int}/{decision:str}", decide_task, methods=["POST"]),
            *pages.ROUTES,
            *contacts.ROUTES,
            *confirm.ROUTES,
        ],
        middleware=[Middleware(SessionMiddleware, secret_key=secret, session_cookie="mailhook_session",
                               max_age=SESSION_SECONDS, same_site="lax",
                               https_only=limits.secure_cookies),
                    Middleware(BodyLimit)],
        exception_handlers={Refused: refused, HTTPException: http_error},
        lifespan=lifespan,
    )
    app.state.web = web
    return app


async def home(request: Request) -> Response:
    target = "/tasks" if isinstance(request.session.get("user"), str) else "/login"
    return RedirectResponse(target, status_code=303)


async def login_page(request: Request) -> Response:
    return _login_page(request)


def _login_page(request: Request, status: int = 200, error: str | None = None) -> Response:
    """The sign-in form; it says so when a digest link waits behind it."""
    return request.app.state.web.page(request, "login.html", status, error=error,
                                      from_link=confirm.is_link_path(request.session.get(confirm.NEXT)))


async def login(request: Request) -> Response:
    web: Web = request.app.state.web
    form = await checked_form(request)
    address, password = typed_address(str(form.get("email", ""))), str(form.get("password", ""))
    stored = await web.db(lambda s: s.password_hash(address))
    client = client_of(request)
    result = await web.signins.check(address, client, stored, password)
    if result is not Result.SIGNED_IN or stored is None:
        status = 429 if result is Result.LOCKED_OUT else 401
        return _login_page(request, status, result.value)
    back = request.session.get(confirm.NEXT)
    web.sessions.start(request, address, stored)
    log.info("web: %s signed in from %s", address, client)
    return RedirectResponse(back if confirm.is_link_path(back) else "/tasks", status_code=303)


async def logout(request: Request) -> Response:
    await checked_form(request)
    user = request.session.get("user")
    web = request.app.state.web
    if (ended := web.sessions.end(request)) is not None:
        await web.db(lambda s: s.end_web_session(*ended))
    log.info("web: %s signed out from %s", user, client_of(request))
    return RedirectResponse("/login", status_code=303)


async def settings_page(request: Request) -> Response:
    user = await signed_in(request)
    return request.app.state.web.page(request, "settings.html", user=user)


async def save_settings(request: Request) -> Response:
    user = await signed_in(request)
    form = await checked_form(request)
    fill, automation = form.get("fill_contact_details") == "on", form.get("inbox_automation") == "on"
    await request.app.state.web.db(lambda s: s.set_user(
        user.email, fill_contact_details=fill, inbox_automation=automation))
    log.info("web: %s set fill_contact_details=%s inbox_automation=%s", user.email, fill, automation)
    return RedirectResponse("/settings", status_code=303)


async def tasks_page(request: Request) -> Response:
    user = await signed_in(request)
    tasks = await request.app.state.web.db(lambda s: s.tasks(user_email=user.email))
    open_tasks = [t for t in tasks if t.status == "recommended"]
    decided = [t for t in reversed(tasks) if t.status != "recommended"]
    return request.app.state.web.page(request, "tasks.html", user=user, open_tasks=open_tasks,
                                      decided=decided)


async def decide_task(request: Request) -> Response:
    web: Web = request.app.state.web
    user = await signed_in(request)
    await checked_form(request)
    task_id, decision = request.path_params["task_id"], request.path_params["decision"]
    # Looked up and decided in one call on the page's one database thread, so that no other
    # request of the page decides it in between (two tabs, a double click).
    status = await web.db(lambda s: _decide_task(s, user, task_id, decision))
    log.info("web: %s %s task %d", user.email, status, task_id)
    return RedirectResponse("/tasks", status_code=303)


def _decide_task(store: Store, user: User, task_id: int, decision: str) -> str:
    """The user's open task decided; another's, an unknown one or a decided one refused."""
    status = DECISIONS.get(decision)
    try:
        task = store.task(task_id) if in_store(task_id) else None
    except NotFound:
        task = None
    if status is None or task is None or task.user_email != user.email:
        log.warning("web: %s refused %s on task %s: not one of their tasks", user.email, decision, task_id)
        raise Refused(404, "No such task among yours",
                      f"Task {task_id} is not one of your recommended tasks; nothing was changed.")
    if task.status != "recommended":  # decided in another tab, on a stale confirmation, by the CLI
        raise Refused(409, "Already decided", f"This task was {task.status} before; nothing was changed.")
    store.set_task_status(task_id, status)
    return status


async def refused(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Refused)
    if exc.status == 401:
        return RedirectResponse("/login", status_code=303)
    return request.app.state.web.page(request, "refused.html", exc.status, title=exc.title,
                                      detail=exc.detail)


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return request.app.state.web.page(request, "refused.html", exc.status_code,
                                      title=exc.detail, detail="")


def _when(stamp: str | None) -> str:
    """'2026-12-01T15:40:02.123Z' as '2026-12-01 15:40 UTC'."""
    return f"{stamp[:10]} {stamp[11:16]} UTC" if stamp else ""
