"""How a worker with nothing to claim waits: for its wake flag, and on PostgreSQL for NOTIFY."""

from __future__ import annotations

import time

from mailhook.model import Flag
from mailhook.store import Store

# How often a worker waiting for PostgreSQL's NOTIFY looks at its stop and wake flags.
NOTIFY_SLICE_SECONDS = 0.2


def idle(store: Store, wake: Flag, seconds: float) -> None:
    """A worker with nothing to claim waits until it is woken (its intake stored mail, or a
    stop), PostgreSQL tells it of mail made due by any connection on any host (store.listen_for_
    mail), or `seconds` pass: mail also becomes due with time (a retry's delay) and when a
    contact's earlier mail is finished, which nobody announces."""
    if store.url is None:
        wake.wait(seconds)
        return
    deadline = time.monotonic() + seconds
    while not wake.is_set():
        left = deadline - time.monotonic()
        if left <= 0 or store.wait_for_mail(min(left, NOTIFY_SLICE_SECONDS)):
            return
