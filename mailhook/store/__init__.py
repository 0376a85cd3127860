"""The only place that talks to SQLite: intake, queue, users, contacts and the fill transaction."""

from .base import normalise_address, utc_now
from .people import PeopleStore, User
from .queue import Outcome, Queued, QueueStore, Received


class Store(QueueStore, PeopleStore):
    """A connection to the mailhook database. One per thread; every write is one transaction."""


__all__ = ["Outcome", "Queued", "Received", "Store", "User", "normalise_address", "utc_now"]
