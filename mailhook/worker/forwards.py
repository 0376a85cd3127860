"""The forwarded original's author as routing reads it: a party of mail to the forwarding address."""

from __future__ import annotations

from mailhook import pipeline
from mailhook.model import Author


def forwarded_author(reading: pipeline.Reading) -> tuple[Author | None, str | None]:
    """The original's author of a forward, and why it may not be believed (rules.routing's
    Headers.forwarded_from and forwarded_problem); (None, None) when nothing is forwarded."""
    forwarded = reading.forwarded
    return (forwarded.author, forwarded.author_problem) if forwarded else (None, None)


def forwarded_sender(raw: bytes) -> str | None:
    """The forwarded original's sender address of these bytes, as the worker finds it: the
    intake records it among the parties of mail to the forwarding address
    (store.claims.recorded_parties), so that a forward waits for its contact's earlier mail
    and nobody else's. It must stay the worker's own reading: both call `forwarded_author` on
    `pipeline.read_message`, which reads the same bytes alike every time. Raises what the
    reading raises (MalformedMessage on bytes with nothing usable)."""
    author, _ = forwarded_author(pipeline.read_message(raw))
    return author.email if author else None
