"""The web listener: uvicorn serving the app as a task on the running loop."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
from collections.abc import Iterator
from dataclasses import dataclass

import uvicorn

from mailhook.automation.links import load_secret, secret_path
from mailhook.config import Config
from mailhook.errors import ConfigError
from mailhook.web.app import create_app
from mailhook.web.signin import Passwords

log = logging.getLogger(__name__)


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


async def open_web(config: Config, passwords: Passwords) -> WebListener:
    """Bind [web] host:port (0: any free port) now, so a taken port stops the start, and serve
    on the running loop."""
    app = create_app(config.database.target, config.web, passwords, load_secret(secret_path(config)))
    sock = await asyncio.to_thread(_bind, config.web.host, config.web.port)
    # X-Forwarded-For is believed from [web] trusted_proxies only (default: loopback), so the
    # per-client sign-in limit counts the real client behind the reverse proxy, and nobody else
    # can name a client of their choosing.
    server = _Server(uvicorn.Config(app, log_level="warning", lifespan="on", access_log=False,
                                    proxy_headers=True,
                                    forwarded_allow_ips=list(config.web.trusted_proxies)))
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
