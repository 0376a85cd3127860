"""The intake and the processing queue: received copies, claims, failures and the fill transaction."""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any

from mailhook.rules.fill import Candidate
from mailhook.store import claims
from mailhook.store.base import Base, Connection, utc_now
from mailhook.store.tasks import NewTask


@dataclass(frozen=True)
class Received:
    """One accepted copy of a message, as the intake stores it before replying 250."""

    raw: bytes
    message_id: str | None
    recipient: str
    listener: str
    mail_from: str | None
    recipients: tuple[str, ...]
    peer: str | None
    received_at: str = field(default_factory=utc_now)
    login: str | None = None  # the user this client logged in as (SMTP AUTH on our port)

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()

    @cached_property
    def parties(self) -> frozenset[str]:
        """The addresses its outcome may touch (store.claims.parties), read once per copy."""
        return claims.parties(self.raw)

    @property
    def dedupe_key(self) -> str:
        """What makes two copies for one recipient the same message: its Message-ID and its bytes.

        The Message-ID alone would let a different message that reuses it be answered 250 and
        dropped. An MTA's retry re-sends its queued copy unchanged, so the same bytes are what a
        retry looks like. Ignoring trace headers (Received, Authentication-Results) as well would
        take a second reading of the header block, where issue 10 showed that two readers of one
        mail disagree; a copy that only gained a trace header upstream is stored twice, which is
        a duplicate log entry rather than a lost message."""
        bytes_key = f"sha256:{self.sha256}"
        return f"{self.message_id} {bytes_key}" if self.message_id else bytes_key


@dataclass(frozen=True)
class Queued:
    """A stored message claimed by the worker."""

    id: int
    raw: bytes
    message_id: str | None
    recipient: str
    listener: str
    mail_from: str | None
    recipients: tuple[str, ...]
    received_at: str
    attempts: int
    login: str | None = None


@dataclass(frozen=True)
class Outcome:
    """What processing decided for one message; applied in one transaction by `Store.finish`
    (store.outcomes)."""

    direction: str
    user_email: str | None = None
    from_address: str | None = None
    subject: str | None = None
    date: str | None = None
    contact_email: str | None = None  # whose words were read
    logged_on: tuple[str, ...] = ()  # contacts this message is logged on (if they exist)
    create: tuple[str, ...] = ()  # of those, the ones to create when missing
    scanned: bool = False  # the contact's reply was scanned: its candidates are decided on
    candidates: tuple[Candidate, ...] = ()
    fill_policy: str = "hubspot"  # config [fill] policy, applied to the contact as it is at commit
    language: str | None = None
    skip_reason: str | None = None
    dkim_verdict: str | None = None
    tasks: tuple[NewTask, ...] = ()  # recommended follow-ups (inbox automation)


# The listener name of messages stored by `mailhook replay`: processed by the replay itself, never
# by the service's worker, so a replay can resume exactly where it stopped.
REPLAY = claims.REPLAY
FORWARDING_LISTENER = claims.FORWARDING_LISTENER
_LIVE = f"AND {claims.LIVE}"
# Pending and not waiting out a retry delay: what the next claim may take (one parameter: now).
_DUE = claims.DUE


class QueueStore(Base):
    """Intake and queue operations."""

    def insert_received(self, batch: Sequence[Received], *,
                        forwards: claims.ForwardReader | None = None) -> list[bool]:
        """Store a batch in one durable commit; True for new copies, False for retries (the same
        `dedupe_key` and recipient) and for history a replay already has. `forwards` reads a
        forward's original sender (claims.recorded_parties): without it, mail to the forwarding
        address is stored with no parties, and waits for all."""
        results = []
        # Read before the write lock is taken: the intake's commits stay short.
        outside = [claims.recorded_parties(item.parties, item.raw, item.recipient, item.listener,
                                           forwards) for item in batch]
        with self._tx() as c:
            for item, mine in zip(batch, outside, strict=True):
                if self._replayed_history(c, item):
                    results.append(False)
                    continue
                c.execute(
                    "INSERT OR IGNORE INTO message_raw (sha256, raw) VALUES (?, ?)",
                    (item.sha256, item.raw),
                )
                cursor = c.execute(
                    """INSERT OR IGNORE INTO messages (message_id, dedupe_key, recipient,
                       listener, mail_from, recipients, peer, received_at, size, raw_sha256,
                       login)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
                    (
                        item.message_id,
                        item.dedupe_key,
                        item.recipient,
                        item.listener,
                        item.mail_from,
                        json.dumps(list(item.recipients)),
                        item.peer,
                        item.received_at,
                        len(item.raw),
                        item.sha256,
                        item.login,
                    ),
                )
                # All rows read, so no statement is left in progress; none: a retry, ignored.
                new = next(iter(cursor.fetchall()), None)
                if new is not None:
                    c.executemany("INSERT INTO message_parties VALUES (?, ?)",
                                  [(new[0], a) for a in sorted(mine)])
                results.append(new is not None)
            if any(results):
                self._tell_workers(c)
        return results

    @staticmethod
    def _replayed_history(c: Connection, item: Received) -> bool:
        """A replay copies the user's mailbox, whose bytes differ from the MTA's live copy of the
        same mail (delivery adds Return-Path, Delivered-To, Status ...). So between a replayed
        and a live copy, either way round, the Message-ID alone says it is already logged."""
        if item.message_id is None:
            return False
        replayed = "" if item.listener == REPLAY else f"AND listener = '{REPLAY}'"
        row = c.execute(
            f"SELECT 1 FROM messages WHERE message_id = ? AND recipient = ? {replayed} LIMIT 1",
            (item.message_id, item.recipient),
        ).fetchone()
        return row is not None

    # --- queue --------------------------------------------------------------------------

    def requeue_interrupted(self, *, replayed: bool = False) -> int:
        """Messages a killed worker was processing go back to pending (their work rolled back),
        charged nothing (claims.release_every_claim); live ones, or (for a replay starting) those
        an interrupted replay left. Only the one who starts the workers may call it, before they
        start: it takes back every claim."""
        with self._tx() as c:
            requeued = claims.release_every_claim(c, claims.REPLAYED if replayed else claims.LIVE,
                                                  self.host, claims.Clock(*self._clock))
            if requeued:
                self._tell_workers(c)
            return requeued

    def processing_ids(self, claimed_by: int | None = None, *,
                       replayed: bool = False) -> list[tuple[int, int]]:
        """(id, attempts) of live (or replayed) messages claimed and not finished: all of them,
        or those claimed by the process `claimed_by` of this host."""
        scope = claims.REPLAYED if replayed else claims.LIVE
        by, params = ((f"AND claimed_by = ? AND {claims.OWN}", (claimed_by, self.host))
                      if claimed_by is not None else ("", ()))
        rows = self.conn.execute(
            f"SELECT id, attempts FROM messages WHERE status = 'processing' AND {scope} {by} "
            "ORDER BY id", params).fetchall()
        return [(int(rowid), int(attempts)) for rowid, attempts in rows]

    def claim(self, limit: int, *, replayed: bool = False) -> list[Queued]:
        """Claim up to `limit` pending live messages (replayed ones belong to `mailhook replay`,
        which claims them with `replayed`). Several processes may claim at once: the choice and
        the mark are one write transaction, and store.claims keeps each contact's mail in order."""
        scope = claims.REPLAYED if replayed else claims.LIVE
        # PostgreSQL's live claims run beside each other (claims.claim_beside_others); a
        # replay's, one replay per database, keep the write lock.
        if self.url is not None and not replayed:
            return self._queued(claims.claim_beside_others(self._tx, self.conn, limit, self.host,
                                                           claims.Clock(*self._clock)))
        with self._tx() as c:
            ids = claims.claim_next(c, scope, utc_now(), limit, self.host, claims.Clock(*self._clock))
        return self._queued(ids)

    def renew_leases(self, pid: int) -> int:
        """A fresh lease (claims.LEASE_SECONDS) for the live claims of process `pid` of this
        host, so no other host takes them back while it reads; returns how many."""
        with self._tx() as c:
            return claims.renew(c, pid, self.host, claims.Clock(*self._clock))

    def claim_replayed(self, message_rowid: int) -> Queued | None:
        """Claim one replayed message (see claim_replayed_many)."""
        claimed = self.claim_replayed_many([message_rowid])
        return claimed[0] if claimed else None

    def claim_replayed_many(self, ids: Sequence[int]) -> list[Queued]:
        """Claim replayed messages, pending or left half-done by an interrupted replay (only one
        replay runs at a time, so nobody else is processing them), in one commit; in id order."""
        with self._tx() as c:
            claimed = claims.claim_replayed(c, ids, self.host, claims.Clock(*self._clock))
        return self._queued(claimed)

    def _queued(self, ids: list[int]) -> list[Queued]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        found = self._rows(
            f"""SELECT m.*, r.raw FROM messages m JOIN message_raw r ON r.sha256 = m.raw_sha256
                WHERE m.id IN ({marks}) ORDER BY m.id""",
            ids,
        )
        return [
            Queued(
                id=r["id"],
                raw=r["raw"],
                message_id=r["message_id"],
                recipient=r["recipient"],
                listener=r["listener"],
                mail_from=r["mail_from"],
                recipients=tuple(json.loads(r["recipients"])),
                received_at=r["received_at"],
                attempts=r["attempts"],
                login=r["login"],
            )
            for r in found
        ]

    def fail(
        self, message_rowid: int, error: str, max_attempts: int, retry_delay: float = 0.0,
        *, claimer: int | None = None,
    ) -> str:
        """Record a processing failure of a message being processed by its claimer (this
        process, or `claimer`: the supervisor charging a dead child) on this host; any other
        stays as it is: a host that lost its lease fails nothing another host claimed again.
        Pending again after `retry_delay` seconds, or parked once it has had `max_attempts`."""
        retry_at = utc_now(time.time() + retry_delay)
        with self._tx() as c:
            failed = c.execute(
                f"""UPDATE messages SET last_error = ?, retry_at = ?,
                   status = CASE WHEN attempts >= ? THEN 'failed' ELSE 'pending' END
                   WHERE id = ? AND status = 'processing' AND
                   (claimed_by IS NULL OR (claimed_by = ? AND {claims.OWN}))""",
                (error, retry_at, max_attempts, message_rowid,
                 os.getpid() if claimer is None else claimer, self.host),
            ).rowcount
            row = c.execute("SELECT status FROM messages WHERE id = ?", (message_rowid,)).fetchone()
            # Due again at retry_at (an idle worker wakes to wait until then: worker.idle), or
            # parked, which may free its contact's later mail.
            if failed and (row[0] == "pending" or claims.frees_held(c, [message_rowid], utc_now())):
                self._tell_workers(c)
        return str(row[0])

    def retry_failed(self, ids: Sequence[int] = ()) -> int:
        """Re-queue parked messages (all of them, or the given ids)."""
        where, params = "status = 'failed'", list(ids)
        if ids:
            where += f" AND id IN ({','.join('?' * len(ids))})"
        with self._tx() as c:
            retried = c.execute(
                f"UPDATE messages SET status = 'pending', attempts = 0, retry_at = NULL WHERE {where}",
                params,
            ).rowcount
            if retried:
                self._tell_workers(c)
            return retried

    def backlog(self) -> int:
        """Live messages received and not yet processed (what back-pressure limits)."""
        row = self.conn.execute(
            f"SELECT count(*) FROM messages WHERE status IN ('pending', 'processing') {_LIVE}"
        ).fetchone()
        return int(row[0])

    def seconds_until_due(self) -> float | None:
        """Seconds until mail that nothing announces becomes claimable: the earliest retry of a
        live message waiting out its delay (on this process's clock, as a claim compares it), or
        the end of another host's lease (on the database's, as release_expired compares it);
        None when there is neither."""
        retry = self.conn.execute(
            f"SELECT min(retry_at) FROM messages WHERE status = 'pending' AND {claims.LIVE} "
            "AND retry_at > ?", (utc_now(),)).fetchone()[0]
        lease = self.conn.execute(
            f"""SELECT min({self._seconds.format(later='lease_until', earlier=self._clock[0])})
                FROM messages WHERE status = 'processing' AND {claims.LIVE}
                AND NOT {claims.OWN}""", (self.host,)).fetchone()[0]
        found = [float(lease)] if lease is not None else []
        if retry is not None:
            found.append(datetime.fromisoformat(retry.replace("Z", "+00:00")).timestamp() - time.time())
        return max(min(found), 0.0) if found else None

    def pending_ahead(self, limit: int, exclude: Sequence[int] = ()) -> list[tuple[int, bytes]]:
        """(id, raw) of the next live messages a claim may take, in claim order (the worker checks
        their DKIM ahead); those in `exclude` are left out. A message waiting out its retry delay
        is not among them: a check made now would be stale when it is due."""
        skip = f"AND m.id NOT IN ({','.join('?' * len(exclude))})" if exclude else ""
        rows = self.conn.execute(
            f"""SELECT m.id, r.raw FROM messages m JOIN message_raw r ON r.sha256 = m.raw_sha256
                WHERE {_DUE} {_LIVE} {skip}
                ORDER BY m.id LIMIT ?""",
            (utc_now(), *exclude, limit),
        ).fetchall()
        return [(int(rowid), bytes(raw)) for rowid, raw in rows]

    def still_ahead(self, ids: Sequence[int]) -> set[int]:
        """Those of `ids` still due for a claim or being processed; the others were finished,
        parked or put off for a retry (by another worker), so a DKIM check made ahead for them
        would never be used, or be stale."""
        if not ids:
            return set()
        marks = ",".join("?" * len(ids))
        rows = self.conn.execute(
            f"SELECT id FROM messages WHERE id IN ({marks}) AND (status = 'processing' OR ({_DUE}))",
            (*ids, utc_now()),
        ).fetchall()
        return {int(row[0]) for row in rows}

    def stored_copy(self, dedupe_key: str, recipient: str) -> dict[str, Any] | None:
        """The stored copy of a message for a recipient: id, listener and status."""
        rows = self._rows(
            "SELECT id, listener, status FROM messages WHERE dedupe_key = ? AND recipient = ?",
            [dedupe_key, recipient],
        )
        return rows[0] if rows else None
