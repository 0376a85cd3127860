"""The worker: takes stored messages off the queue, reads them and applies the outcome atomically."""

from __future__ import annotations

import dataclasses
import functools
import logging
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from mailhook import pipeline
from mailhook.config import Config
from mailhook.errors import MalformedMessage
from mailhook.model import Author, Extraction, Flag
from mailhook.rules.fill import candidates_from
from mailhook.rules.routing import (
    FORWARDED,
    OUTBOUND,
    Envelope,
    Headers,
    Route,
    Unroutable,
    route_message,
    unproven,
)
from mailhook.store import Outcome, Queued, Store
from mailhook.store.locks import Pause, is_locked, patiently
from mailhook.trust.dkim import DnsFunc
from mailhook.worker.budget import Budget, MessageTooSlow, Watchdog
from mailhook.worker.forwards import forwarded_author
from mailhook.worker.idle import idle
from mailhook.worker.metrics import Metrics
from mailhook.worker.priority import step_back
from mailhook.worker.tasks import follow_ups
from mailhook.worker.verdicts import VerdictDeferred, Verdicts

log = logging.getLogger(__name__)

# Permanent problems: retrying cannot help, so the message is parked for inspection at once.
PERMANENT = (MalformedMessage, Unroutable)
IDLE_WAIT_SECONDS = 1.0  # SQLite: how often an idle worker looks (no signal between processes)
IDLE_SAFETY_SECONDS = 60.0  # PostgreSQL: the longest idle wait (worker.idle: a lost NOTIFY)
# What became of a message whose claim another host took back while this one read it.
TAKEN_BACK = "taken back"
OTHERS_POLL_SECONDS = 0.05  # a draining worker's look at what other processes have finished
# Messages claimed, and their outcomes committed, together: a commit waits for an fsync, which
# costs about as much as reading a message; few enough that a group is done in a blink.
CLAIM_GROUP = 8
VERIFY_AHEAD = 8  # pending messages whose DKIM checks start before they are claimed
VERDICT_GRACE_SECONDS = 5.0  # beyond the verifier's own deadline, before we call it stuck
# Read once before the first message, so that what the pipeline loads on first use (language
# profiles, data packages, the tagger) is not charged to that message's time budget.
WARM_TEXT = ("Thanks for the quote, we would like to go ahead with the order next week.\n\n"
             "Best regards,\nJane Doe\nHead of Purchasing\nExample Trading Ltd\n"
             "12 High Street, Leeds LS1 4AB, United Kingdom\nTel: +44 113 496 0000\n")


@dataclass(frozen=True)
class _Begun:
    """A message read up to its extraction (Worker._begin)."""

    reading: pipeline.Reading
    route: Route
    verdict: str | None
    trusted: bool
    skip: str | None
    part: pipeline.Part | None  # what to extract; None: nothing is scanned


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
        self.on_processed = on_processed
        self.verdicts = Verdicts(config, dnsfunc)
        self._warm = False
        self._intake_busy: Callable[[], bool] | None = None  # set by run(): the service's listeners
        self._watchdog = Watchdog()  # the budgets' thread, kept: one per message cost milliseconds

    def run(self, stop: Flag, wake: Flag, *, requeue: bool = True,
            intake_busy: Callable[[], bool] | None = None) -> None:
        """Loop until `stop`: drain the queue, then wait (worker.idle). A lock held longer than
        [intake] busy_timeout is waited out. `requeue` is the supervisor's, for several workers;
        while `intake_busy()`, the worker steps back before each group (worker.priority)."""
        self._intake_busy = intake_busy
        busy_ms = int(self.config.intake.busy_timeout * 1000)
        try:
            store = patiently(lambda: Store.configured(self.config.database, busy_timeout_ms=busy_ms),
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
            store.listen_for_mail()
            # Before the first claim: a message held while the pipeline loads (1.3 s on a busy
            # machine) holds back its contact's mail on every host, or all mail (claims.choose).
            self.warm()
            while not stop.is_set():
                wake.clear()
                if self.run_once(store, pause=stop.wait) == 0:
                    idle(store, wake, IDLE_WAIT_SECONDS if store.url is None else IDLE_SAFETY_SECONDS)
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
        ran. With `others` (one of several processes) it also waits while its host's other
        processes hold messages: they may hold back a contact's later mail, claimable after."""
        if requeue:
            patiently(store.requeue_interrupted, "re-queueing interrupted messages")
        if store.backlog():
            self.warm()  # before the first claim, as in run()
        total = 0
        try:
            while stop is None or not stop.is_set():
                done = self.run_once(store)
                total += done
                # Only this host's: another host's workers read on for as long as it runs.
                if done == 0 and not (others and store.processing_here()):
                    return total
                if done == 0:
                    time.sleep(OTHERS_POLL_SECONDS)
            return total
        finally:
            self.close()

    def close(self) -> None:
        """Stop the DKIM verifier's loop (a later message starts a new one)."""
        self.verdicts.close()
        self._watchdog.close()

    def run_once(self, store: Store, pause: Pause = time.sleep) -> int:
        """Process up to batch_size messages, claimed in groups of up to CLAIM_GROUP that wait for
        nobody (store.claims.choose), each group's outcomes applied in one commit: two commits a
        group instead of two a message. A worker killed on its own charges each message of its
        group an attempt; each is claimed alone after that. A claim or a message that
        fails on another connection's lock is tried again after `pause` (see
        store.locks.patiently); the messages stay claimed meanwhile, and each outcome is applied
        once, in one transaction."""
        done = 0
        while done < self.config.worker.batch_size:
            group = CLAIM_GROUP
            if self._intake_busy is not None:
                step_back(self._intake_busy, pause)
                if self._intake_busy():  # still a burst after the wait: one message, then look again
                    group = 1
            claim = functools.partial(store.claim, min(group, self.config.worker.batch_size - done))
            # The NOTIFYs received so far tell of mail committed before this claim, which sees it:
            # settled here, or a worker that never idles keeps one per commit without end.
            store.wait_for_mail(0)
            if not (claimed := patiently(claim, "claiming messages", pause=pause)):
                break
            done += len(claimed)
            patiently(functools.partial(self.verdicts.verify_ahead, store), "looking ahead", pause=pause)
            started = time.perf_counter()
            statuses = patiently(functools.partial(self.process_many, store, claimed, pause),
                                 f"messages {', '.join(str(item.id) for item in claimed)}", pause=pause)
            seconds = (time.perf_counter() - started) / len(claimed)
            for item, status in zip(claimed, statuses, strict=True):
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

    def process_many(self, store: Store, items: Sequence[Queued], pause: Pause = time.sleep) -> list[str]:
        """`process` for messages that wait for nobody (store.claims.choose: none shares a
        contact with another), their outcomes applied in one commit: a commit's fsync costs
        more than reading a message. Their signature blocks are read together (the tagger runs
        one batch); should that joint step fail, each is read alone, inside its own boundary.
        Should the commit fail, each is applied on its own. Writes wait out another
        connection's lock (`pause` between tries), so no lock error leaves here once anything
        of the group is committed; and the store applies an outcome only to a message still
        being processed, so even a group run again changes nothing twice."""
        self.verdicts.check_together(store, items)
        self.warm()  # outside the budgets: loading the tagger and the data takes seconds, once
        seconds = self.config.worker.message_seconds
        begun: dict[int, tuple[_Begun, float]] = {}
        outcomes: dict[int, Outcome] = {}

        def begin(item: Queued) -> None:
            with Budget(seconds, self._watchdog) as budget:
                started = self._begin(store, item)
            begun[item.id] = (started, budget.used)

        def conclude(item: Queued) -> None:
            started, used = begun[item.id]
            used += share if item.id in together else 0.0
            with Budget(max(seconds - used, 0.0), self._watchdog, of=seconds):
                outcome = self._conclude(store, item, started, together.get(item.id))
            # Kept only after the block: a message the budget parked on exit is never finished.
            outcomes[item.id] = outcome

        status = {item.id: self._guarded(store, item, functools.partial(begin, item), pause)
                  for item in items}
        together, share = self._extract_together({i: b.part for i, (b, _) in begun.items() if b.part})
        status |= {item.id: self._guarded(store, item, functools.partial(conclude, item), pause)
                   for item in items if item.id in begun}
        self._finish(store, items, outcomes, status, pause)
        return [status[item.id] for item in items]

    def _extract_together(self, parts: Mapping[int, pipeline.Part]
                          ) -> tuple[dict[int, Extraction], float]:
        """The extractions of several messages' parts in one pipeline.extract_many, within one
        message's budget, and each message's share of its CPU time (charged to their budgets);
        nothing when there are too few to batch, or the joint step fails (the messages are then
        read one by one, so a failure is charged to its own message)."""
        if len(parts) < 2:
            return {}, 0.0
        try:
            with Budget(self.config.worker.message_seconds, self._watchdog) as budget:
                found = pipeline.extract_many(list(parts.values()), self.finders())
        except (MessageTooSlow, Exception) as exc:  # noqa: BLE001 - each is then read alone, guarded
            log.info("reading %d messages together failed (%s: %s); reading each alone",
                     len(parts), type(exc).__name__, exc)
            return {}, 0.0
        return dict(zip(parts, found, strict=True)), budget.used / len(parts)

    def _finish(self, store: Store, items: Sequence[Queued], outcomes: Mapping[int, Outcome],
                status: dict[int, str], pause: Pause) -> None:
        """Apply the outcomes in one commit, or each on its own should that fail."""
        done = [item for item in items if item.id in outcomes]
        applied: dict[int, bool] = {}  # False: the store applied nothing (the claim was taken back)
        try:
            if len(done) > 1:
                joint = functools.partial(store.finish_many, [(i.id, outcomes[i.id]) for i in done])
                results = patiently(joint, f"applying {len(done)} outcomes", pause=pause)
                applied = {i.id: r is not None for i, r in zip(done, results, strict=True)}
                done = []
        except Exception as exc:  # noqa: BLE001 - retried one by one, inside the boundary below
            if is_locked(exc):
                raise  # a stop while waiting: nothing of the group is committed, all re-queued
            log.warning("a joint commit of %d outcomes failed; applying each on its own", len(done))
        for item in done:
            def apply(item: Queued = item) -> None:
                applied[item.id] = store.finish(item.id, outcomes[item.id]) is not None
            status[item.id] = self._guarded(store, item, functools.partial(
                patiently, apply, f"applying message {item.id}", pause=pause), pause)
        for item in items:
            self.verdicts.forget(item)  # a check started for a message that failed before it
            if item.id not in outcomes or status[item.id] != "processed":
                continue
            if applied.get(item.id, True):
                log.info("processed message %d (%s)", item.id, item.message_id)
            else:
                status[item.id] = TAKEN_BACK
                log.warning("message %d (%s) was claimed again elsewhere (this host's lease ran "
                            "out): its outcome here was not applied", item.id, item.message_id)

    def _guarded(self, store: Store, item: Queued, work: Callable[[], object],
                 pause: Pause = time.sleep) -> str:
        """Run `work` for `item` inside the per-message boundary: processed, or what the failure
        made of it (parked at once, or pending for a retry after the delay), recorded patiently."""
        try:
            work()
            return "processed"
        except (MessageTooSlow, *PERMANENT) as exc:
            log.warning("message %s (%s) parked: %s", item.id, item.message_id, exc)
            error, most, delay = f"{type(exc).__name__}: {exc}", 0, 0.0
        except Exception as exc:  # noqa: BLE001 - the worker's per-message boundary
            if isinstance(exc, VerdictDeferred):  # expected while DNS is down: no traceback
                log.warning("message %s (%s) deferred: %s", item.id, item.message_id, exc)
            else:
                log.exception("message %s (%s) failed", item.id, item.message_id)
            error, most = f"{type(exc).__name__}: {exc}", self.config.worker.max_attempts
            delay = self.config.worker.retry_delay * 2 ** (item.attempts - 1)
        record = functools.partial(store.fail, item.id, error, most, retry_delay=delay)
        return patiently(record, f"recording the failure of message {item.id}", pause=pause)

    def outcome(self, store: Store, item: Queued) -> Outcome:
        """What processing a message decides, to be applied in one transaction."""
        return self._conclude(store, item, self._begin(store, item), None)

    def _begin(self, store: Store, item: Queued) -> _Begun:
        """Everything up to the extraction: the route, the verdict, whether to read the
        signature and which part of the message holds it."""
        reading = pipeline.read_message(item.raw)
        env = Envelope(item.listener, item.recipient, item.mail_from, item.received_at)
        users = store.users()
        route = route_message(env, _headers(reading), users, self.config)
        verdict = self.verdicts.verdict(item, users)
        # Under "require", a sender we cannot authenticate changes nothing: no fill, no task, and
        # mail claiming to be a user's logs and creates nothing either.
        trusted = self.config.dkim.policy != "require" or self.verdicts.proven(item, reading, route, verdict)
        shown = verdict if trusted else self.verdicts.final(item, verdict)
        if not trusted and route.direction in (OUTBOUND, FORWARDED):
            route = unproven(route, f"sender not shown to be the user (dkim:{shown})")
        if route.not_created:
            log.warning("message %d (%s): %d new contact(s) not created, over [logging] "
                        "max_new_contacts", item.id, item.message_id, route.not_created)
        scan, skip = route.scan, route.skip_reason
        if scan and not trusted:
            scan, skip = False, f"dkim:{shown}"
        if scan and route.contact and not store.existing_contacts([route.contact]):
            scan, skip = False, "sender is not a contact"
        if (scan and route.contact and self.config.fill.scan == "first-reply"
                and store.scanned_message(route.contact)):
            # Only the first reply is read: reading later ones would change nothing.
            scan, skip = False, "an earlier reply of this contact was scanned"
        part = None
        if scan:
            part = reading.forwarded if route.read_forwarded and reading.forwarded else reading.own
        return _Begun(reading, route, verdict, trusted, skip, part)

    def _conclude(self, store: Store, item: Queued, begun: _Begun,
                  extraction: Extraction | None) -> Outcome:
        """The outcome, from the extraction of the part `_begin` chose (made now if not given)."""
        scan, skip, language = begun.part is not None, begun.skip, None
        candidates: tuple = ()
        if begun.part is not None:
            extraction = extraction or pipeline.extract(begun.part, self.finders())
            language = extraction.language
            if extraction.skipped:
                scan, skip = False, extraction.skipped
            else:
                candidates = candidates_from(extraction)
        outcome = _outcome(begun.route, begun.reading, scan, skip, language, begun.verdict, candidates)
        # The language read for the fill is the same author's text: no need to detect it twice.
        tasks = follow_ups(store, item, begun.reading, begun.route, language) if begun.trusted else ()
        return dataclasses.replace(outcome, tasks=tasks, fill_policy=self.config.fill.policy)

    def warm(self, *, tasks: bool = True) -> None:
        """Load now what the first message read would wait for (the tagger, the language
        profiles, the data packages the finders read, and unless `tasks` is False what intent
        detection reads): a worker process does it while its parent stores the first messages,
        and any worker before its first budget. A replay makes no tasks: it skips the last."""
        if not self._warm:
            author = Author("Jane Doe", "jane@example.co.uk")
            pipeline.extract(pipeline.Part(author, WARM_TEXT, 0), self.finders())
            if tasks:  # imported here: compiling the cues takes 0.15 s of a replay's start-up
                from mailhook.automation import cues, intent
                for language in cues.BY_LANGUAGE:  # each sentence splitter, once
                    intent.split_sentences(WARM_TEXT, language)
                intent.due_date("I will call you next Monday.", "en", None)  # dateparser's data
                if intent.MODEL_IN_DETECTION:
                    intent.shipped_model()  # the sentence model's weights (17 ms)
            self._warm = True

    def finders(self) -> tuple[pipeline.Finder, ...]:
        """The field finders, with the tagger loaded once for this worker's lifetime."""
        if self._finders is None:
            self._finders = pipeline.load_finders(self.config.extract.tagger)
        return self._finders

def _headers(reading: pipeline.Reading) -> Headers:
    # The forwarded original as the intake read it for the message's parties (worker.forwards).
    return Headers(reading.sender, reading.author_problem, reading.to, reading.cc,
                   *forwarded_author(reading))


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
