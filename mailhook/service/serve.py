"""The running service: both listeners, the intake and the worker, from start to graceful stop."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import socket
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass

from aiosmtpd.smtp import SMTP

from mailhook.config import Config, DkimConfig
from mailhook.errors import ConfigError
from mailhook.model import Flag
from mailhook.outputs import doctor
from mailhook.service.intake import Intake
from mailhook.service.listeners import ForwardingHandler, InboxHandler
from mailhook.service.logins import Verify
from mailhook.service.passwords import hash_password, verify_password
from mailhook.service.protocols import protocol_factory
from mailhook.store import Store, burst
from mailhook.web.server import WebListener, open_web
from mailhook.web.signin import Passwords
from mailhook.worker import exclusive, supervisor
from mailhook.worker.metrics import Metrics
from mailhook.worker.priority import IntakeRate

log = logging.getLogger(__name__)

# How long a stop waits for replies already owed, and for the worker to finish its message.
STOP_GRACE_SECONDS = 30.0

Addresses = dict[str, tuple[str, int]]


@dataclass
class Listeners:
    """The bound SMTP and LMTP servers and the sessions they opened."""

    servers: dict[str, asyncio.Server]
    handlers: tuple[ForwardingHandler, InboxHandler]
    sessions: weakref.WeakSet[SMTP]

    @property
    def addresses(self) -> Addresses:
        found = {}
        for name, server in self.servers.items():
            host, port = server.sockets[0].getsockname()[:2]
            found[name] = (str(host), int(port))
        return found

    async def stop(self, intake: Intake, grace: float = STOP_GRACE_SECONDS) -> None:
        """Stop accepting, store what is queued, send the replies owed, close the sessions."""
        for server in self.servers.values():
            server.close()
        await asyncio.to_thread(intake.close)
        try:
            async with asyncio.timeout(grace):
                for handler in self.handlers:
                    await handler.wait_idle()
        except TimeoutError:
            log.warning("stopping with replies still owed; those clients will retry")
        for session in list(self.sessions):
            if session.transport is not None:
                session.transport.close()
        for server in self.servers.values():
            await server.wait_closed()


async def open_listeners(
    config: Config,
    directory: Store,
    intake: Intake,
    *,
    hostname: str | None = None,
    metrics: Metrics | None = None,
    verify: Verify = verify_password,
) -> Listeners:
    """Bind both listeners (port 0: any free port) on the running loop; `verify` checks passwords
    (a seam for tests)."""
    loop = asyncio.get_running_loop()
    # Looked up once: left to itself aiosmtpd resolves the host name on every connection.
    if hostname is None:
        hostname = await asyncio.to_thread(socket.getfqdn)
    handlers = (
        ForwardingHandler(config, directory, intake, metrics, verify=verify),
        InboxHandler(config, directory, intake, metrics),
    )
    sessions: weakref.WeakSet[SMTP] = weakref.WeakSet()
    servers: dict[str, asyncio.Server] = {}
    try:
        for handler, listener, name in zip(handlers, (config.smtp, config.lmtp), ("smtp", "lmtp"),
                                           strict=True):
            make = protocol_factory(handler, listener, hostname)
            try:
                servers[handler.listener] = await loop.create_server(
                    _tracking(make, sessions), listener.host, listener.port
                )
            except OSError as exc:  # taken, or an address this host does not have: one line
                raise ConfigError(f"{name}: cannot listen on {name}.host {listener.host!r} "
                                  f"{name}.port {listener.port}: {_reason(exc)}") from exc
    except BaseException:
        for server in servers.values():
            server.close()
        raise
    return Listeners(servers, handlers, sessions)


def _reason(error: OSError) -> str:
    """"Address already in use": the system's words (asyncio's message repeats the address);
    a host name that does not resolve, the resolver's (its codes are no errno)."""
    if isinstance(error, socket.gaierror) or not error.errno:
        return error.strerror or str(error)
    return os.strerror(error.errno)


def serve(
    config: Config,
    *,
    on_ready: Callable[[Addresses], None] | None = None,
    stop: threading.Event | None = None,
    worker: bool = True,
) -> None:
    """Run until `stop` is set or SIGTERM/SIGINT arrives; `stop` is set when this returns.

    worker=False only listens and stores: messages wait, pending, for a later start, `process`
    or a `mailhook worker`.
    """
    stop = stop if stop is not None else threading.Event()
    held = exclusive.processing(config.database.target, "mailhook serve", stop.set,
                                host=config.database.host) if worker else (
        contextlib.nullcontext())
    try:
        with held:
            local = config.database.local
            doctor.claim_run_file(local, config.database.shown, relative=bool(config.database.url))
            try:
                asyncio.run(_serve(config, on_ready, stop, worker))
            finally:
                doctor.forget_running(local)  # _serve's own may not have run (a failed start)
    finally:
        stop.set()


def run_workers(config: Config, *, stop: threading.Event | None = None,
                on_ready: Callable[[], None] | None = None) -> None:
    """`mailhook worker`: the worker processes (and the daily digests) without listeners, until
    `stop` is set or SIGTERM/SIGINT arrives; mail comes from a `serve --no-worker` elsewhere.
    On PostgreSQL an idle worker sleeps until a NOTIFY (mail stored by any host, a retry, a
    finish that frees held mail) or until something is due, at most IDLE_SAFETY_SECONDS; on
    SQLite, where no signal crosses processes, it looks every IDLE_WAIT_SECONDS."""
    stop = stop if stop is not None else threading.Event()
    try:
        with exclusive.processing(config.database.target, "mailhook worker", stop.set,
                                  host=config.database.host):
            asyncio.run(_run_workers(config, stop, on_ready))
    finally:
        stop.set()


async def _run_workers(config: Config, stop: threading.Event,
                       on_ready: Callable[[], None] | None) -> None:
    stopping = _stopping(stop)
    Store(config.database.target).close()  # unusable or unmigrated: say so now, not in the watch
    workers = supervisor.Supervisor(config)
    background_stop = threading.Event()
    workers.start()
    digests = _start_digests(config, background_stop) if config.digest.enabled else None
    try:
        log.info("mailhook worker running %d worker process(es) on %s",
                 config.worker.process_count, config.database.shown)
        if on_ready is not None:
            on_ready()
        await stopping.wait()
        log.info("stopping")
        workers.begin_stop()
    finally:
        background_stop.set()
        await asyncio.to_thread(workers.stop, STOP_GRACE_SECONDS)
        if digests is not None:
            await asyncio.to_thread(digests.join, STOP_GRACE_SECONDS)
    log.info("stopped")


async def _serve(
    config: Config,
    on_ready: Callable[[Addresses], None] | None,
    stop: threading.Event,
    run_worker: bool,
) -> None:
    stopping = _stopping(stop)
    directory = Store(config.database.target)
    metrics = Metrics(config.database.target)
    worker = supervisor.Supervisor(config, metrics=metrics) if run_worker else None
    announcer = burst.announcer(config.database.url)
    intake = Intake(
        config.database.target,
        on_stored=_on_stored(worker, announcer),
        busy_timeout_ms=int(config.intake.busy_timeout * 1000),
    )
    background_stop = threading.Event()
    exporter = None
    web: WebListener | None = None
    try:
        listeners = await open_listeners(config, directory, intake, metrics=metrics)
        addresses = listeners.addresses
        if config.web.enabled:
            try:
                web = await open_web(config, Passwords(verify_password, hash_password))
            except BaseException:
                await listeners.stop(intake)
                raise
            addresses["web"] = web.address
        if config.metrics.enabled:
            exporter, _ = metrics.serve(config.metrics.host, config.metrics.port)
            addresses["metrics"] = (config.metrics.host, exporter.server_port)
        if worker is not None:
            worker.start()
        digests = _start_digests(config, background_stop) if config.digest.enabled else None
        notice = None
        try:
            doctor.record_running(config.database.local, addresses, worker=worker is not None)
            _announce(addresses, on_ready)
            if config.dkim.policy == "require":
                notice = asyncio.create_task(_say_if_keys_cannot_be_looked_up(config.dkim))
            await stopping.wait()
            log.info("stopping")
            if worker is not None:
                worker.begin_stop()
        finally:
            if notice is not None:
                notice.cancel()
            doctor.forget_running(config.database.local)
            if web is not None:
                await web.stop(STOP_GRACE_SECONDS)
            await listeners.stop(intake)
            background_stop.set()
            if worker is not None:
                await asyncio.to_thread(worker.stop, STOP_GRACE_SECONDS)
            if digests is not None:
                await asyncio.to_thread(digests.join, STOP_GRACE_SECONDS)
    finally:
        await asyncio.to_thread(intake.close)
        if announcer is not None:
            announcer.close()
        directory.close()
        if exporter is not None:
            exporter.shutdown()
            exporter.server_close()
    log.info("stopped")


def _on_stored(worker: supervisor.Supervisor | None,
               announcer: burst.Announcer | None) -> Callable[[int], None] | None:
    """What the intake's courier thread calls with each commit's new messages: this host's
    workers are woken (and told of a burst) over their pipes; on a url a burst is also
    announced on the database, for the workers of every host (store.burst)."""
    if announcer is None:
        return worker.stored if worker is not None else None
    rate = IntakeRate()

    def stored(count: int) -> None:
        if worker is not None:
            worker.stored(count)
        if rate.stored(count):
            announcer.announce()

    return stored


def _stopping(stop: threading.Event) -> asyncio.Event:
    """An event on this loop, set once `stop` is (from any thread, or by SIGTERM/SIGINT)."""
    loop = asyncio.get_running_loop()
    stopping = asyncio.Event()

    def wait() -> None:
        stop.wait()
        with contextlib.suppress(RuntimeError):  # the loop already closed
            loop.call_soon_threadsafe(stopping.set)

    threading.Thread(target=wait, name="mailhook-stop-watch", daemon=True).start()
    if threading.current_thread() is threading.main_thread():  # signals reach the main thread only
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, stop.set)
    return stopping


async def _say_if_keys_cannot_be_looked_up(dkim: DkimConfig) -> None:
    """Under require, mail whose DKIM key cannot be looked up fills nothing: say so once at the
    start, with doctor's own DNS check (the worker's resolver, bounded), never delaying it."""
    check = await doctor.probe_dns(dkim, timeout=min(dkim.dns_timeout, doctor.DNS_PROBE_TIMEOUT))
    if check.status != doctor.OK:
        log.warning("[dkim] policy is require, but DNS cannot look up DKIM keys here, so mail is "
                    "received and logged but fills nothing. %s. To try mailhook with hand-made "
                    "local mail, run it on conf/try-out.toml (README: Five minutes with it); "
                    "`mailhook doctor` checks again", check.detail)


def _start_digests(config: Config, stop: Flag) -> threading.Thread:
    """Each user's daily digest at [digest] hour (and at start once it has passed), once a day."""
    from mailhook.automation.delivery import run_daily

    thread = threading.Thread(
        target=run_daily, args=(config, stop), name="mailhook-digest", daemon=True
    )
    thread.start()
    return thread


def _announce(addresses: Addresses, on_ready: Callable[[Addresses], None] | None) -> None:
    smtp, lmtp = addresses["smtp"], addresses["lmtp"]
    line = f"mailhook listening smtp={smtp[0]}:{smtp[1]} lmtp={lmtp[0]}:{lmtp[1]}"
    if "metrics" in addresses:
        line += " metrics={}:{}".format(*addresses["metrics"])
    if "web" in addresses:
        host, port = addresses["web"]
        line += f" web=http://{f'[{host}]' if ':' in host else host}:{port}/"
    # Printed, not logged: the one line scripts and tests read to learn ephemeral ports, shown once.
    print(line, flush=True)
    if on_ready is not None:
        on_ready(addresses)


def _tracking(make: Callable[[], SMTP], sessions: weakref.WeakSet[SMTP]) -> Callable[[], SMTP]:
    def make_tracked() -> SMTP:
        session = make()
        sessions.add(session)
        return session

    return make_tracked
