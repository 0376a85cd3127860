"""DKIM verdicts of the messages a worker claims: checked ahead of time so that key lookups
overlap the reading of other mail, and whether a message's author is shown to be who it says."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from concurrent.futures import Future

from mailhook import pipeline
from mailhook.config import Config
from mailhook.mailbox import canonical_or_none
from mailhook.rules.routing import FORWARDED, OUTBOUND, Route
from mailhook.store import Queued, Store, User
from mailhook.trust.authorship import author_in_block, read_header_block
from mailhook.trust.dkim import FROM_ONLY, PASS, TEMPERROR, DnsFunc, authenticated_submitter
from mailhook.trust.verifier import ANSWER_TTL_SECONDS, Verifier

VERIFY_AHEAD = 8  # pending messages whose DKIM checks start before they are claimed
VERDICT_GRACE_SECONDS = 5.0  # beyond the verifier's own deadline, before we call it stuck


class VerdictDeferred(Exception):
    """DNS failed the DKIM check of a message that needs it: checked again after the retry delay."""


class Verdicts:
    """One worker's DKIM checks: the verifier (started on first use, unless DKIM is off) and
    the checks started ahead for messages not yet claimed."""

    def __init__(self, config: Config, dnsfunc: DnsFunc | None = None) -> None:
        self.config = config
        self.dnsfunc = dnsfunc  # the seam tests use to answer DKIM key lookups locally
        self._verifier: Verifier | None = None
        self._ahead: dict[int, Future[str | None]] = {}  # verdicts of messages not yet claimed

    def close(self) -> None:
        """Stop the verifier's loop (a later message starts a new one)."""
        if self._verifier is not None:
            self._verifier.close()
            self._verifier, self._ahead = None, {}

    def verdict(self, item: Queued, users: Mapping[str, User]) -> str | None:
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

    def forget(self, item: Queued) -> None:
        """Cancel a check started for a message that failed before its verdict was asked for."""
        if (unused := self._ahead.pop(item.id, None)) is not None:
            unused.cancel()

    def check_together(self, store: Store, items: Sequence[Queued]) -> None:
        """Start the DKIM checks of a group at once, so that their key lookups overlap."""
        if len(items) > 1 and (verifier := self._verifier_for()) is not None:
            users = store.users()
            self._ahead |= {i.id: _submit(verifier, i.raw, users) for i in items if i.id not in self._ahead}

    def verify_ahead(self, store: Store) -> None:
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

    def proven(self, item: Queued, reading: pipeline.Reading, route: Route, verdict: str | None) -> bool:
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

    def final(self, item: Queued, verdict: str | None) -> str | None:
        """The verdict of mail that needed a proof and got none, as its skip reason shows it. A
        temperror (DNS failed) is no answer yet: while attempts are left, VerdictDeferred takes
        the message through the per-message boundary back to pending, with the retry delay."""
        if verdict != TEMPERROR:
            return verdict
        attempts = item.attempts
        if attempts < self.config.worker.max_attempts:
            raise VerdictDeferred(f"dkim:temperror (DNS failed) at attempt {attempts}; checked again later")
        return f"{verdict} after {attempts} attempt{'s' if attempts != 1 else ''}"

    def _verifier_for(self) -> Verifier | None:
        if self.config.dkim.policy == "off":
            return None
        if self._verifier is None:
            # A DNS failure is remembered until the first re-check of a message it deferred is
            # due: messages checked meanwhile share one timeout, and every re-check asks again.
            failure_ttl = min(self.config.worker.retry_delay, ANSWER_TTL_SECONDS)
            self._verifier = Verifier(self.config.dkim, dnsfunc=self.dnsfunc, failure_ttl=failure_ttl)
        return self._verifier


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
