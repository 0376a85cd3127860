"""How a worker with nothing to claim waits: for its wake flag, and on PostgreSQL for NOTIFY or
until the next message that nothing announces becomes due."""

from __future__ import annotations

import time

from mailhook.model import Flag
from mailhook.store import Store

# How often a worker waiting for PostgreSQL's NOTIFY looks at its stop and wake flags.
NOTIFY_SLICE_SECONDS = 0.2
# Past its due time: a claim compares retry_at with its own clock, to the millisecond.
DUE_MARGIN_SECONDS = 0.01


def idle(store: Store, wake: Flag, seconds: float) -> None:
    """A worker with nothing to claim waits until it is woken (its intake stored mail, or a
    stop) or `seconds` pass. On PostgreSQL it also wakes when any connection on any host tells
    of mail made due or freed (new mail, a retry requested, a failure, a finish that frees a
    contact's later mail: store.listen_for_mail), and when mail that nobody announces becomes
    due (the end of a retry's delay, of a gone host's lease: store.seconds_until_due), so there
    `seconds` is only a safety net for a NOTIFY lost with a connection. SQLite has no such
    signal between processes: there `seconds` is how often it looks."""
    if store.url is None:
        wake.wait(seconds)
        return
    due = store.seconds_until_due()
    if due is not None:
        seconds = min(seconds, due + DUE_MARGIN_SECONDS)
    deadline = time.monotonic() + seconds
    while not wake.is_set():
        left = deadline - time.monotonic()
        if left <= 0 or store.wait_for_mail(min(left, NOTIFY_SLICE_SECONDS)):
            return
