"""The web listener: uvicorn serving the app as a task on the running loop, and its session key."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import secrets
import socket
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import uvicorn

from mailhook.config import Config
from mailhook.errors import ConfigError
from mailhook.web.app import create_app
from mailhook.web.signin import Passwords

log = logging.getLogger(__name__)

SECRET_BYTES = 48


class _Server(uvicorn.Server):
    """uvicorn without its own signal handling: the service owns SIGTERM/SIGINT and stops us."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


@dataclass
class WebListener:
    server: uvicorn.Server
    task: asyncio.Task[None]
    address: tuple[str, int]

    async def stop(self, grace: float) -> None:
        """Finish the requests in flight (at most `grace` seconds), then close."""
        self.server.should_exit = True
        try:
            async with asyncio.timeout(grace):
                await self.task
        except TimeoutError:
            self.server.force_exit = True
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.task


def secret_path(config: Config) -> Path:
    return Path(config.web.secret_file) if config.web.secret_file else Path(
        f"{config.database.path}.web-secret")


def load_secret(path: Path) -> str:
    """The key that signs session cookies, made (readable by the owner only) on first start."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    except OSError as exc:
        raise ConfigError(f"web: cannot create the session key {path}: {exc.strerror}") from exc
    else:
        with os.fdopen(fd, "w") as out:
            out.write(secrets.token_urlsafe(SECRET_BYTES) + "\n")
        log.info("web: made a new session key in %s", path)
    try:
        if os.stat(path).st_mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise ConfigError(f"web: the session key {path} is readable by others; chmod 600 it")
        secret = path.read_text("ascii").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"web: cannot read the session key {path}: {exc}") from exc
    if len(secret) < 32:
        raise ConfigError(f"web: the session key in {path} is shorter than 32 characters")
    return secret


async def open_web(config: Config, passwords: Passwords) -> WebListener:
    """Bind [web] host:port (0: any free port) now, so a taken port stops the start, and serve
    on the running loop."""
    app = create_app(config.database.path, config.web, passwords, load_secret(secret_path(config)))
    sock = await asyncio.to_thread(_bind, config.web.host, config.web.port)
    # proxy_headers (uvicorn's default) trusts X-Forwarded-For from a proxy on loopback only, so
    # the per-client sign-in limit counts the real client behind a local reverse proxy.
    server = _Server(uvicorn.Config(app, log_level="warning", lifespan="on", access_log=False))
    task = asyncio.create_task(server.serve(sockets=[sock]), name="mailhook-web")
    host, port = sock.getsockname()[:2]
    return WebListener(server, task, (str(host), int(port)))


def _bind(host: str, port: int) -> socket.socket:
    """A one-line error naming the keys when the address is taken or unknown (the CLI shows it)."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        return socket.create_server((host, port), family=family)
    except OSError as exc:
        raise ConfigError(f"web: cannot listen on web.host {host!r} web.port {port}: "
                          f"{exc.strerror or exc}") from exc
