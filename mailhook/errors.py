"""The exception tree of mailhook.

    MailhookError
    ├── ConfigError        bad or unknown configuration key (message names the key)
    ├── MalformedMessage   input that cannot be read as mail at all (pipeline)
    ├── IntakeClosed       the intake has stopped and stores nothing more
    ├── IntakeUnavailable  the intake cannot store now (its writer process died or hung): defer, retry
    ├── ProcessingTaken    another process runs this database's workers (worker.exclusive)
    ├── LockUnusable       the workers lock file cannot be opened (worker.exclusive)
    ├── ReplayError        not a mailbox, or another replay holds the database (worker.replay)
    └── StoreError         a request the store cannot honour
        ├── NotFound       no such user, contact or message
        ├── AlreadyExists  a user or contact that is already there
        ├── InvalidValue   a property name or value the store refuses
        └── DatabaseUnusable  the database path is a directory, not SQLite, or damaged
"""


class MailhookError(Exception):
    """Base of every error mailhook raises on purpose."""


class ConfigError(MailhookError):
    """The configuration cannot be used; the message names the key."""


class MalformedMessage(MailhookError):
    """The bytes cannot be read as a mail message."""


class IntakeClosed(MailhookError):
    """The intake has stopped and stores nothing more."""


class IntakeUnavailable(MailhookError):
    """The intake cannot store now (its writer process died, hung or cannot start); the client
    is answered 451 and retries."""


class StoreError(MailhookError):
    """The store cannot honour the request."""


class NotFound(StoreError):
    """No such user, contact or message."""


class AlreadyExists(StoreError):
    """The user or contact is already there."""


class InvalidValue(StoreError):
    """A property name or value the store refuses."""


class DatabaseUnusable(StoreError):
    """The database path cannot be opened as SQLite: a directory, another kind of file, damage."""
