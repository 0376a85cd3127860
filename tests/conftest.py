"""Shared fixtures: a config on tmp_path, users in its database, and real running listeners."""

from __future__ import annotations

import asyncio
import dataclasses
import queue
import threading
from collections.abc import Callable, Coroutine, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import pytest
from click.testing import CliRunner, Result

from mailhook.config import Config, DatabaseConfig, ExtractConfig
from mailhook.store import Store, User

if TYPE_CHECKING:  # imported inside the fixtures, so tests of other modules never depend on them
    from mailhook.service.intake import Intake
    from mailhook.service.serve import Addresses, Listeners

T = TypeVar("T")
START_TIMEOUT = 10.0
STOP_TIMEOUT = 30.0


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """The database file every config from `config_factory` uses unless told otherwise."""
    return tmp_path / "mailhook.db"


@pytest.fixture
def config_factory(db_path: Path) -> Callable[..., Config]:
    """Build a Config: ephemeral loopback ports, the tmp database, DKIM off; sections overridable.

    `config_factory(addresses=AddressesConfig(team=("team@example.com",)))`
    """

    def make(**sections: Any) -> Config:
        base = Config()
        config = dataclasses.replace(
            base,
            database=DatabaseConfig(path=db_path),
            smtp=dataclasses.replace(base.smtp, host="127.0.0.1", port=0),
            lmtp=dataclasses.replace(base.lmtp, host="127.0.0.1", port=0),
            dkim=dataclasses.replace(base.dkim, policy="off"),
            # Rules only: loading flair takes seconds; tests of the tagger turn it on themselves.
            extract=ExtractConfig(tagger="off"),
            # One worker process, as the tests of the worker's behaviour expect; the tests of
            # several processes ask for them.
            worker=dataclasses.replace(base.worker, processes=1),
        )
        return dataclasses.replace(config, **sections)

    return make


@pytest.fixture
def config(config_factory: Callable[..., Config]) -> Config:
    return config_factory()


@pytest.fixture
def users(db_path: Path) -> Callable[..., list[User]]:
    """`users("ann@example.com", ...)` registers users in the test database."""

    def add(*emails: str, inbox_automation: bool = False, path: Path | None = None) -> list[User]:
        store = Store(path or db_path)
        try:
            return [store.add_user(e, None, inbox_automation) for e in emails]
        finally:
            store.close()

    return add


@dataclass(frozen=True)
class Running:
    """Where a started service (or bare listeners) can be reached."""

    config: Config
    addresses: Addresses

    @property
    def smtp(self) -> tuple[str, int]:
        return self.addresses["smtp"]

    @property
    def lmtp(self) -> tuple[str, int]:
        return self.addresses["lmtp"]


class LoopThread:
    """An event loop running in a background thread, for code that must live on a loop."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self._thread.start()

    def run(self, coro: Coroutine[Any, Any, T], timeout: float = START_TIMEOUT) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(STOP_TIMEOUT)
        self.loop.close()


@pytest.fixture
def running_listeners(config: Config) -> Iterator[Callable[..., Running]]:
    """Start the SMTP and LMTP listeners with their intake, but no worker: messages stay pending.

    `running_listeners(config=None, busy_timeout_ms=10_000, **options)`, the options passed to
    `open_listeners`; everything stops at teardown.
    """
    from mailhook.service.intake import Intake
    from mailhook.service.serve import open_listeners

    started: list[tuple[LoopThread, Listeners, Intake, Store]] = []

    def start(config: Config = config, *, busy_timeout_ms: int = 10_000, **options: Any) -> Running:
        loop = LoopThread()
        directory = Store(config.database.target)
        intake = Intake(config.database.target, busy_timeout_ms=busy_timeout_ms)
        listeners = loop.run(open_listeners(config, directory, intake, hostname="mailhook.test", **options))
        started.append((loop, listeners, intake, directory))
        return Running(config, listeners.addresses)

    yield start
    for loop, listeners, intake, directory in started:
        loop.run(listeners.stop(intake), timeout=STOP_TIMEOUT)
        loop.close()
        directory.close()


@pytest.fixture
def running_service(config: Config) -> Iterator[Callable[..., Running]]:
    """Start `service.serve` (listeners, intake and the real worker) in a thread.

    `running_service(config=None, worker=True)`; a failure to start raises here. At teardown
    the stop event ends each service, and the test fails if serve() did not return or raised
    after starting.
    """
    from mailhook.service.serve import serve

    started: list[tuple[threading.Thread, threading.Event, queue.Queue[Any]]] = []

    def start(config: Config = config, *, worker: bool = True) -> Running:
        reports: queue.Queue[Addresses | BaseException] = queue.Queue()
        stop = threading.Event()

        def run() -> None:
            try:
                serve(config, on_ready=reports.put, stop=stop, worker=worker)
            except BaseException as exc:  # handed to the test thread instead of being lost
                reports.put(exc)

        thread = threading.Thread(target=run, name="mailhook-serve", daemon=True)
        thread.start()
        started.append((thread, stop, reports))
        first = reports.get(timeout=START_TIMEOUT)
        if isinstance(first, BaseException):
            raise first
        return Running(config, first)

    yield start
    for thread, stop, reports in started:
        stop.set()
        thread.join(STOP_TIMEOUT)
        assert not thread.is_alive(), "serve() did not stop"
        if not reports.empty():
            raise reports.get()


@pytest.fixture
def run(tmp_path: Path) -> Callable[..., Result]:
    """`run("contacts", "list", ok=True)`: the real CLI on a config whose database is
    tmp_path/db.sqlite (DKIM and the tagger off); asserts exit 0 unless ok=False."""
    from mailhook.cli import main

    config = tmp_path / "mailhook.toml"
    config.write_text(
        f'[database]\npath = "{tmp_path / "db.sqlite"}"\n'
        '[dkim]\npolicy = "off"\n[extract]\ntagger = "off"\n'
    )

    def invoke(*args: str, ok: bool = True) -> Result:
        result = CliRunner().invoke(main, [*args, "--config", str(config)])
        if ok:
            assert result.exit_code == 0, result.output
        return result

    return invoke
