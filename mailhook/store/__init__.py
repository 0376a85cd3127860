"""The only place that talks to SQLite: intake, queue, users, contacts and the fill transaction."""

from .base import normalise_address, utc_now
from .history import HistoryStore
from .people import PeopleStore, User
from .queue import Outcome, Queued, QueueStore, Received
from .suggestions import Suggestion, SuggestionStore
from .tasks import NewTask, TaskStore


class Store(QueueStore, PeopleStore, TaskStore, HistoryStore, SuggestionStore):
    """A connection to the mailhook database. One per thread; every write is one transaction."""


__all__ = [
    "NewTask", "Outcome", "Queued", "Received", "Store", "Suggestion", "User", "normalise_address",
    "utc_now",
]
