"""A worker's claims kept leased while it reads (PostgreSQL), so no other host takes them back."""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Iterator

from mailhook.config import Config
from mailhook.store import Store
from mailhook.store.base import LEASE_SECONDS

log = logging.getLogger(__name__)

# Four renewals to a lease: a renewal lost to a lock or a reconnect leaves three more.
RENEW_SECONDS = LEASE_SECONDS / 4


@contextlib.contextmanager
def kept(config: Config, every: float = RENEW_SECONDS) -> Iterator[None]:
    """For the block, renew this process's claims every `every` seconds on a connection of its
    own (the worker's is busy reading). Only on a url: an SQLite file has one host, whose start
    takes back every claim, so no lease of its is ever waited out."""
    if not config.database.url:
        yield
        return
    stop = threading.Event()
    thread = threading.Thread(target=renewing, args=(config, stop, every),
                              name="mailhook-leases", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def renewing(config: Config, stop: threading.Event, every: float) -> None:
    """Until `stop`: every `every` seconds, a fresh lease for this process's live claims."""
    store: Store | None = None
    try:
        while not stop.wait(every):
            try:
                store = store or Store.configured(config.database)
                store.renew_leases(os.getpid())
            except Exception as exc:  # noqa: BLE001 - the next renewal tries again
                log.warning("could not renew the leases of this worker's claims (%s); trying "
                            "again in %.0f s", exc, every)
    finally:
        if store is not None:
            store.close()
