"""The follow-up tasks a processed message makes (inbox automation), for the worker to store
with the message's outcome."""

from __future__ import annotations

from mailhook import pipeline
from mailhook.rules.routing import FORWARDED, INBOUND, OUTBOUND, Route
from mailhook.store import NewTask, Queued, Store
from mailhook.store.queue import REPLAY


def follow_ups(
    store: Store, item: Queued, reading: pipeline.Reading, route: Route, language: str | None
) -> tuple[NewTask, ...]:
    """Follow-ups in the author's own words, for a user with inbox automation on since before."""
    user = route.user
    since = user.inbox_automation_since if user else None
    if user is None or not user.inbox_automation or since is None or item.received_at < since:
        return ()
    if item.listener == REPLAY:
        return ()  # follow-ups in old mail are stale: a backfill recommends none
    from mailhook.automation import intent  # see Worker.warm
    part: pipeline.Part | None
    if route.direction == OUTBOUND:
        part, contact = reading.own, (route.logged_on[0] if route.logged_on else None)
    elif route.direction == FORWARDED:
        part, contact = reading.forwarded, route.contact
    elif route.direction == INBOUND and route.contact and store.existing_contacts([route.contact]):
        part, contact = reading.own, route.contact
    else:
        return ()  # team mail, unknown senders and unroutable copies make no tasks
    # A list post counts where it is written to the user (inbound) or, for the user's own mail
    # and forwards, to anyone in person.
    reader = user.email if route.direction == INBOUND else None
    if part is None or contact is None or intent.excluded_reason(item.raw, reader) is not None:
        return ()
    # The words above the signature (its taglines and notices ask nothing), and their language
    # where extraction did not read it (the user's own mail).
    if language and route.direction != OUTBOUND:
        text, below = pipeline.around_signature(part)
    else:
        text, below, language = pipeline.words_and_language(part)
    found = intent.detect_tasks(
        text,
        below=below,
        sent=intent.sent_at(item.raw),
        language=language,
        author_is_user=route.direction == OUTBOUND,
        mail=intent.audience(item.raw),  # the sentence model's gates: one reader, short thread
    )
    return tuple(NewTask(contact, t.title, t.sentence, t.due) for t in found.tasks)
