"""The worker in a process of its own: its CPU-bound reading never holds the listeners' GIL."""

from __future__ import annotations

import contextlib
import ctypes
import logging
import multiprocessing
import os
import signal
from multiprocessing.context import SpawnProcess
from multiprocessing.synchronize import Event

from .config import Config
from .worker import Worker

# Linux prctl(2) option: a signal delivered to this process when its parent dies.
PR_SET_PDEATHSIG = 1


def events() -> tuple[Event, Event]:
    """(stop, wake): set by the service, waited on by the worker process."""
    context = multiprocessing.get_context("spawn")
    return context.Event(), context.Event()


def start(config: Config, stop: Event, wake: Event) -> SpawnProcess:
    """Start the worker process. A fresh interpreter ("spawn"): no threads or sockets inherited."""
    context = multiprocessing.get_context("spawn")
    level = logging.getLogger().getEffectiveLevel()
    process = context.Process(
        target=_main, args=(config, stop, wake, os.getpid(), level), name="mailhook-worker",
        daemon=True,
    )
    process.start()
    return process


def _main(config: Config, stop: Event, wake: Event, parent: int, level: int) -> None:
    _die_with(parent)
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the service decides when we stop
    Worker(config).run(stop, wake)


def _die_with(parent: int) -> None:
    """Be killed with the service, even by kill -9: an orphaned worker must never race the
    worker of a restarted hook (which re-queues what was being processed)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the service died before prctl took effect
        os._exit(0)
