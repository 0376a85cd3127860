"""The worker: takes stored messages off the queue, reads them and applies the outcome atomically."""

from __future__ import annotations

import dataclasses
import functools
import logging
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future

from mailhook import pipeline
from mailhook.automation import intent
from mailhook.config import Config
from mailhook.errors import MalformedMessage
from mailhook.mailbox import canonical_or_none
from mailhook.model import Flag
from mailhook.pipeline.language import detect_language
from mailhook.rules.fill import candidates_from
from mailhook.rules.routing import (
    FORWARDED,
    INBOUND,
    OUTBOUND,
    Envelope,
    Headers,
    Route,
    Unroutable,
    route_message,
    unproven,
)
from mailhook.store import NewTask, Outcome, Queued, Store, User
from mailhook.store.locks import Pause, is_locked, patiently
from mailhook.store.queue import REPLAY
from mailhook.trust.authorship import author_in_block, read_header_block
from mailhook.trust.dkim import FROM_ONLY, PASS, TEMPERROR, DnsFunc, authenticated_submitter
from mailhook.trust.verifier import ANSWER_TTL_SECONDS, Verifier
from mailhook.worker.budget import Budget, MessageTooSlow
from mailhook.worker.metrics import Metrics

log = logging.getLogger(__name__)

# Permanent problems: retrying cannot help, so the message is parked for inspection at once.
PERMANENT = (MalformedMessage, Unroutable)
IDLE_WAIT_SECONDS = 1.0
OTHERS_POLL_SECONDS = 0.05  # a draining worker's look at what other processes have finished
VERIFY_AHEAD = 8  # pending messages whose DKIM checks start before they are claimed
VERDICT_GRACE_SECONDS = 5.0  # beyond the verifier's own deadline, before we call it stuck
WARM_TEXT = "Thanks for the quote, we would like to go ahead with the order next week."


class VerdictDeferred(Exception):
    """DNS failed the DKIM check of a message that needs it: checked again after the retry delay."""


class Worker:
    """Processes every pending message; a crash at any point leaves it pending, never half-done."""

    def __init__(
        self,
        config: Config,
        *,
        dnsfunc: DnsFunc | None = None,
        on_processed: Callable[[int, str, float], None] | None = None,
        metrics: Metrics | None = None,
        finders: tuple[pipeline.Finder, ...] | None = None,
    ) -> None:
        self.config = config
        self.metrics = metrics
        self._finders = finders  # loaded on the first scan: importing flair takes seconds
        self.dnsfunc = dnsfunc  # the seam tests use to answer DKIM key lookups locally
        self.on_processed = on_processed
        self._verifier: Verifier | None = None  # started on first use, unless DKIM is off
        self._ahead: dict[int, Future[str | None]] = {}  # verdicts of messages not yet claimed

    def run(self, stop: Flag, wake: Flag, *, requeue: bool = True) -> None:
        """Loop until `stop`: drain the queue, then sleep until the intake wakes us (bounded).
        A lock another connection holds longer than [intake] busy_timeout is waited out. One of
        several workers leaves `requeue` to its supervisor: it would take back their claims."""
        busy_ms = int(self.config.intake.busy_timeout * 1000)
        try:
            store = patiently(lambda: Store(self.config.database.path, busy_timeout_ms=busy_ms),
                              "opening the database", pause=stop.wait)
        except Exception as exc:
            if is_locked(exc) and stop.is_set():
                return
            raise
        try:
            requeued = requeue and patiently(
                store.requeue_interrupted, "re-queueing interrupted messages", pause=stop.wait)
            if requeued:
                log.info("re-queued %d message(s) interrupted by a stop", requeued)
            while not stop.is_set():
                wake.clear()
                if self.run_once(store, pause=stop.wait) == 0:
                    wake.wait(IDLE_WAIT_SECONDS)
        except Exception as exc:
            if not (is_locked(exc) and stop.is_set()):
                raise
            log.warning("stopped while waiting for a locked database; a message left claimed is "
                        "re-queued at the next start")
        finally:
            self.close()
            store.close()

    def drain(self, store: Store, *, requeue: bool = True, others: bool = False,
              stop: Flag | None = None) -> int:
        """Process until nothing is pending (for `mailhook process`) or `stop`; returns how many
        ran. With `others` (one of several processes) it also waits while messages are
        processing elsewhere: they may hold back a contact's later mail, claimable after."""
        if requeue:
            patiently(store.requeue_interrupted, "re-queueing interrupted messages")
        total = 0
        try:
            while stop is None or not stop.is_set():
                done = self.run_once(store)
                total += done
                if done == 0 and not (others and store.processing_ids()):
                    return total
                if done == 0:
                    time.sleep(OTHERS_POLL_SECONDS)
            return total
        finally:
            self.close()

    def close(self) -> None:
        """Stop the DKIM verifier's loop (a later message starts a new one)."""
        if self._verifier is not None:
            self._verifier.close()
            self._verifier, self._ahead = None, {}

    def run_once(self, store: Store, pause: Pause = time.sleep) -> int:
        """Process up to batch_size messages, claiming one at a time: a kill then costs an attempt
        only to the message that was being processed. A claim or a message that fails on another
        connection's lock is tried again after `pause` (see store.locks.patiently); the message
        stays claimed meanwhile, and its outcome is applied once, in one transaction."""
        done = 0
        claim = functools.partial(store.claim, 1)
        while done < self.config.worker.batch_size and (
                claimed := patiently(claim, "claiming a message", pause=pause)):
            item = claimed[0]
            done += 1
            patiently(functools.partial(self._verify_ahead, store), "looking ahead", pause=pause)
            started = time.perf_counter()
            status = patiently(functools.partial(self.process, store, item),
                               f"message {item.id} ({item.message_id})", pause=pause)
            seconds = time.perf_counter() - started
            if self.metrics is not None:
                self.metrics.processing_seconds.observe(seconds)
                self.metrics.outcomes.labels(status).inc()
            if self.on_processed is not None:
                self.on_processed(item.id, status, seconds)
        return done

    def process(self, store: Store, item: Queued) -> str:
        """The per-message boundary: any failure is recorded with the message, never lost.
        Returns what became of it: processed, pending (to be retried) or failed. Working out its
        outcome may take [worker] message_seconds of CPU time; beyond that it is parked as failed
        at once, so that a few hostile messages cannot stall everyone's mail."""
        return self.process_many(store, [item])[0]

    def process_many(self, store: Store, items: Sequence[Queued]) -> list[str]:
        """`process` for messages that wait for nobody (store.claims.choose: none shares a
        contact with another), their outcomes applied in one commit: a commit's fsync costs
        more than reading a message. Should that commit fail, each is applied on its own."""
        outcomes: dict[int, Outcome] = {}
        self._check_together(store, items)

        def read(item: Queued) -> None:
            self.finders()  # loaded outside the budget: loading the tagger takes seconds, once
            with Budget(self.config.worker.message_seconds):
                outcome = self.outcome(store, item)
            # Kept only after the block: a message the budget parked on exit is never finished.
            outcomes[item.id] = outcome

        status = {item.id: self._guarded(store, item, functools.partial(read, item))
                  for item in items}
        done = [item for item in items if item.id in outcomes]
        try:
            if len(done) > 1:
                store.finish_many([(item.id, outcomes[item.id]) for item in done])
                done = []
        except Exception:  # noqa: BLE001 - retried one by one, inside the boundary below
            log.warning("a joint commit of %d outcomes failed; applying each on its own", len(done))
        for item in done:
            status[item.id] = self._guarded(
                store, item, functools.partial(store.finish, item.id, outcomes[item.id]))
        for item in items:
            if (unused := self._ahead.pop(item.id, None)) is not None:
                unused.cancel()  # its message failed before its verdict was asked for
            if item.id in outcomes and status[item.id] == "processed":
                log.info("processed message %d (%s)", item.id, item.message_id)
        return [status[item.id] for item in items]

    def _check_together(self, store: Store, items: Sequence[Queued]) -> None:
        """Start the DKIM checks of a group at once, so that their key lookups overlap."""
        if len(items) > 1 and (verifier := self._verifier_for()) is not None:
            users = store.users()
            self._ahead |= {i.id: _submit(verifier, i.raw, users) for i in items if i.id not in self._ahead}

    def _guarded(self, store: Store, item: Queued, work: Callable[[], object]) -> str:
        """Run `work` for `item` inside the per-message boundary: processed, or what the failure
        made of it (parked at once, or pending for a retry after the delay)."""
        try:
            work()
            return "processed"
        except (MessageTooSlow, *PERMANENT) as exc:
            log.warning("message %s (%s) parked: %s", item.id, item.message_id, exc)
            return store.fail(item.id, f"{type(exc).__name__}: {exc}", max_attempts=0)
        except Exception as exc:  # noqa: BLE001 - the worker's per-message boundary
            if isinstance(exc, VerdictDeferred):  # expected while DNS is down: no traceback
                log.warning("message %s (%s) deferred: %s", item.id, item.message_id, exc)
            else:
                log.exception("message %s (%s) failed", item.id, item.message_id)
            return store.fail(item.id, f"{type(exc).__name__}: {exc}", self.config.worker.max_attempts,
                              retry_delay=self.config.worker.retry_delay * 2 ** (item.attempts - 1))

    def outcome(self, store: Store, item: Queued) -> Outcome:
        reading = pipeline.read_message(item.raw)
        env = Envelope(item.listener, item.recipient, item.mail_from, item.received_at)
        users = store.users()
        route = route_message(env, _headers(reading), users, self.config)
        verdict = self._verdict(item, users)
        # Under "require", a sender we cannot authenticate changes nothing: no fill, no task, and
        # mail claiming to be a user's logs and creates nothing either.
        trusted = self.config.dkim.policy != "require" or self._proven(item, reading, route, verdict)
        shown = verdict if trusted else self._final(item, verdict)
        if not trusted and route.direction in (OUTBOUND, FORWARDED):
            route = unproven(route, f"sender not shown to be the user (dkim:{shown})")
        if route.not_created:
            log.warning("message %d (%s): %d new contact(s) not created, over [logging] "
                        "max_new_contacts", item.id, item.message_id, route.not_created)
        scan, skip, language = route.scan, route.skip_reason, None
        candidates: tuple = ()
        if scan and not trusted:
            scan, skip = False, f"dkim:{shown}"
        if scan and route.contact and not store.existing_contacts([route.contact]):
            scan, skip = False, "sender is not a contact"
        if (scan and route.contact and self.config.fill.scan == "first-reply"
                and store.scanned_message(route.contact)):
            # Only the first reply is read: reading later ones would change nothing.
            scan, skip = False, "an earlier reply of this contact was scanned"
        if scan:
            part = reading.forwarded if route.read_forwarded and reading.forwarded else reading.own
            extraction = pipeline.extract(part, self.finders())
            language = extraction.language
            if extraction.skipped:
                scan, skip = False, extraction.skipped
            else:
                candidates = candidates_from(extraction)
        outcome = _outcome(route, reading, scan, skip, language, verdict, candidates)
        # The language read for the fill is the same author's text: no need to detect it twice.
        tasks = _tasks(store, item, reading, route, language) if trusted else ()
        return dataclasses.replace(outcome, tasks=tasks, fill_policy=self.config.fill.policy)

    def warm(self) -> None:
        """Load now what the first message read would wait for (the tagger, the language
        profiles): a worker process does it while its parent stores the first messages."""
        self.finders()
        detect_language(WARM_TEXT)

    def finders(self) -> tuple[pipeline.Finder, ...]:
        """The field finders, with the tagger loaded once for this worker's lifetime."""
        if self._finders is None:
            self._finders = pipeline.load_finders(self.config.extract.tagger)
        return self._finders

    def _proven(self, item: Queued, reading: pipeline.Reading, route: Route, verdict: str | None) -> bool:
        """Is the author who the From says? A DKIM pass aligned with the From domain (or our MTA's
        record of one) proves it for anyone; mail claiming to be a user's may also show it by a
        login: SMTP AUTH on our port, or our MTA's recorded smtp.auth, as that very user."""
        author = reading.own.believed_author
        if author is None:
            return False
        if verdict == PASS:
            return True
        if route.direction not in (OUTBOUND, FORWARDED) or author.email is None:
            return False
        logins = (item.login, authenticated_submitter(item.raw, self.config.dkim.trusted_authserv_ids))
        return any(canonical_or_none(login or "") == author.email for login in logins)

    def _final(self, item: Queued, verdict: str | None) -> str | None:
        """The verdict of mail that needed a proof and got none, as its skip reason shows it. A
        temperror (DNS failed) is no answer yet: while attempts are left, VerdictDeferred takes
        the message through the per-message boundary back to pending, with the retry delay."""
        if verdict != TEMPERROR:
            return verdict
        attempts = item.attempts
        if attempts < self.config.worker.max_attempts:
            raise VerdictDeferred(f"dkim:temperror (DNS failed) at attempt {attempts}; checked again later")
        return f"{verdict} after {attempts} attempt{'s' if attempts != 1 else ''}"

    def _verdict(self, item: Queued, users: Mapping[str, User]) -> str | None:
        """The message's trust verdict: started ahead of time while earlier messages were being
        read, or now. A lookup that raised re-raises here (the message is retried). Aligned with
        the author as authorship reads it; an author in doubt aligns with nothing."""
        verifier = self._verifier_for()
        if verifier is None:
            return None
        checking = self._ahead.pop(item.id, None)
        if checking is None:
            checking = _submit(verifier, item.raw, users)
        return checking.result(timeout=verifier.deadline + VERDICT_GRACE_SECONDS)

    def _verifier_for(self) -> Verifier | None:
        if self.config.dkim.policy == "off":
            return None
        if self._verifier is None:
            # A DNS failure is remembered until the first re-check of a message it deferred is
            # due: messages checked meanwhile share one timeout, and every re-check asks again.
            failure_ttl = min(self.config.worker.retry_delay, ANSWER_TTL_SECONDS)
            self._verifier = Verifier(self.config.dkim, dnsfunc=self.dnsfunc, failure_ttl=failure_ttl)
        return self._verifier

    def _verify_ahead(self, store: Store) -> None:
        """Start the DKIM checks of the next pending messages, so their key lookups overlap with
        the reading of this one. A check already started is never started again, nor cancelled
        while its message may still be claimed; what starts is bounded by the free slots of the
        verifier, so no check waits behind look-ahead work for a slot."""
        verifier = self._verifier_for()
        if verifier is None:
            return
        kept = store.still_ahead(tuple(self._ahead))
        for rowid in [rowid for rowid in self._ahead if rowid not in kept]:
            self._ahead.pop(rowid).cancel()  # finished or parked elsewhere, or deferred: unused
        room = min(VERIFY_AHEAD - len(self._ahead), verifier.free_slots - 1)  # 1 for a check now
        if room <= 0:
            return
        users = store.users()
        for rowid, raw in store.pending_ahead(room, exclude=tuple(self._ahead)):
            self._ahead[rowid] = _submit(verifier, raw, users)


def _submit(verifier: Verifier, raw: bytes, users: Mapping[str, User]) -> Future[str | None]:
    """Start the check of `raw`: aligned with the author as authorship reads it (one in doubt
    aligns with nothing), signing the From; and mail claiming to be a user's must also sign the
    To and Cc it will be logged on, since a Cc added to a user's genuine signed mail is signed
    by nobody."""
    block = read_header_block(raw)
    authorship = author_in_block(block)
    author = authorship.believed
    recipients = tuple(name for name in ("to", "cc") if block.values(name))
    must_sign = (*FROM_ONLY, *recipients) if author and author.email in users else FROM_ONLY
    return verifier.submit(raw, authorship.domain, must_sign)

def _tasks(
    store: Store, item: Queued, reading: pipeline.Reading, route: Route, language: str | None
) -> tuple[NewTask, ...]:
    """Follow-ups in the author's own words, for a user with inbox automation on since before."""
    user = route.user
    since = user.inbox_automation_since if user else None
    if user is None or not user.inbox_automation or since is None or item.received_at < since:
        return ()
    if item.listener == REPLAY:
        return ()  # follow-ups in old mail are stale: a backfill recommends none
    part: pipeline.Part | None
    if route.direction == OUTBOUND:
        part, contact = reading.own, (route.logged_on[0] if route.logged_on else None)
    elif route.direction == FORWARDED:
        part, contact = reading.forwarded, route.contact
    elif route.direction == INBOUND and route.contact and store.existing_contacts([route.contact]):
        part, contact = reading.own, route.contact
    else:
        return ()  # team mail, unknown senders and unroutable copies make no tasks
    if part is None or contact is None or intent.excluded_reason(item.raw) is not None:
        return ()
    found = intent.detect_tasks(
        part.text,
        sent=intent.sent_at(item.raw),
        language=language if route.direction != OUTBOUND else None,
        author_is_user=route.direction == OUTBOUND,
    )
    return tuple(NewTask(contact, t.title, t.sentence, t.due) for t in found.tasks)


def _headers(reading: pipeline.Reading) -> Headers:
    forwarded = reading.forwarded
    return Headers(
        reading.sender, reading.author_problem, reading.to, reading.cc,
        forwarded.author if forwarded else None, forwarded.author_problem if forwarded else None,
    )


def _outcome(
    route: Route,
    reading: pipeline.Reading,
    scan: bool,
    skip: str | None,
    language: str | None,
    verdict: str | None,
    candidates: tuple,
) -> Outcome:
    return Outcome(
        direction=route.direction,
        user_email=route.user.email if route.user else None,
        from_address=reading.sender.email if reading.sender else None,
        subject=reading.subject, date=reading.date,
        contact_email=route.contact, logged_on=route.logged_on, create=route.create,
        scanned=scan, candidates=candidates, language=language, skip_reason=skip,
        dkim_verdict=verdict,
    )
