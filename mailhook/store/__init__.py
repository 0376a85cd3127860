"""The only place that talks to the database (SQLite, or PostgreSQL by url): intake, queue, users,
contacts and the fill transaction."""

from mailhook.store.base import normalise_address, utc_now
from mailhook.store.counts import CountStore
from mailhook.store.history import HistoryStore
from mailhook.store.outcomes import OutcomeStore
from mailhook.store.people import PeopleStore, User
from mailhook.store.queue import Outcome, Queued, QueueStore, Received
from mailhook.store.sessions import SessionStore
from mailhook.store.suggestions import Suggestion, SuggestionStore
from mailhook.store.tasks import NewTask, TaskStore


class Store(QueueStore, OutcomeStore, CountStore, PeopleStore, TaskStore, HistoryStore,
            SuggestionStore, SessionStore):
    """A connection to the mailhook database. One per thread; every write is one transaction."""


__all__ = [
    "NewTask", "Outcome", "Queued", "Received", "Store", "Suggestion", "User", "normalise_address",
    "utc_now",
]
