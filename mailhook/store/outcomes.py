"""A processed message's outcome, applied in one transaction: its log, fills, suggestions, tasks.

On PostgreSQL outcomes commit beside each other: each holds the write lock shared
(postgres.FINISH_BEGIN), so they exclude every other write (intake, fail, take-backs, renewals,
web edits, the digest, migrations), which hold it exclusive as before, but not one another.
Why two outcomes beside each other stay right (docs/scale.md, "Outcomes beside each other"):
- the claim check holds: what could change a message being processed (fail, a take-back, a
  start's release) is an exclusive write, which waits for this transaction;
- two messages in flight never share an outside party (store.claims.choose; a message with none
  is claimed alone), and an outcome touches only its message's parties, so two outcomes never
  write one contact. Should that promise ever break, the contact's row is locked before its
  state is read (FOR UPDATE), so the second decides on the first's committed fills, as one
  writer at a time would;
- a person's edit (web, CLI) is an exclusive write: it commits wholly before or after an
  outcome, and a change made with plain SQL meets the locked row, so the user-edited trigger
  and the fill's decision never interleave;
- rows shared across contacts are kept once by unique keys (a contact's outbound log entry,
  a message's candidates), and a user's tasks from one Message-ID (two copies: an LMTP copy
  and a BCC) by a lock on that user and key held while they are checked and inserted;
- write_context's row is never committed, so each transaction's triggers see only its own.
"""

from __future__ import annotations

import json
import os
import zlib
from collections.abc import Sequence

from mailhook.model import SOURCE_AI
from mailhook.rules.fill import Candidate, decide
from mailhook.store import claims, postgres
from mailhook.store.base import Base, Connection, utc_now
from mailhook.store.maillog import log_on_contacts, message_id_of, outbound_log_key
from mailhook.store.queue import Outcome
from mailhook.store.suggestions import record_decision
from mailhook.store.tasks import insert_tasks

# The two-key advisory lock on one user's tasks from one message key ("mhta" in ASCII); its
# first key differs from the workers lock's and replay's, so it meets neither.
TASKS_LOCK = 0x6D687461


class OutcomeStore(Base):
    """The fill transaction."""

    def finish(self, message_rowid: int, outcome: Outcome) -> list[Candidate] | None:
        """Apply a processing outcome atomically; returns the candidates that filled properties,
        or None when nothing was applied (the message is no longer this process's to finish)."""
        return self.finish_many([(message_rowid, outcome)])[0]

    def finish_many(self, done: Sequence[tuple[int, Outcome]]) -> list[list[Candidate] | None]:
        """Apply several outcomes in one transaction (one commit, one fsync for all): each is
        all or nothing, as they all are. Their messages must wait for nobody (claims.choose),
        or a later one's outcome would have been decided without an earlier one's writes.
        On PostgreSQL, where the finish frees mail held behind its messages, the commit tells
        idle workers on every host (NOTIFY), who would otherwise sleep until something is due."""
        begin = postgres.FINISH_BEGIN if self.url is not None else None
        with self._tx(begin) as c:
            applied = [self._apply(c, rowid, outcome) for rowid, outcome in done]
            finished = [rowid for (rowid, _), got in zip(done, applied, strict=True) if got is not None]
            if self.url is not None and claims.frees_held(c, finished, utc_now()):
                self._tell_workers(c)
            return applied

    def _apply(self, c: Connection, message_rowid: int, outcome: Outcome) -> list[Candidate] | None:
        """Inside the caller's transaction: one outcome (only to a message being processed: once,
        and never to one failed meanwhile); the candidates that filled, None if not applied."""
        # Only its claimer's: a claim taken back from a host that lost its lease and claimed
        # again elsewhere is finished by the new claimer alone.
        if not c.execute(f"""SELECT 1 FROM messages WHERE id = ? AND status = 'processing' AND
                             (claimed_by IS NULL OR (claimed_by = ? AND {claims.OWN}))""",
                         (message_rowid, os.getpid(), self.host)).fetchone():
            return None
        for email in outcome.create:
            c.execute("INSERT OR IGNORE INTO contacts (email, created_by) VALUES (?, 'logging')",
                      (email,))
        key = outbound_log_key(outcome.direction, outcome.user_email, message_id_of(c, message_rowid),
                               (outcome.from_address, outcome.subject, outcome.date))
        log_on_contacts(c, message_rowid, outcome.logged_on, outcome.contact_email, key)
        filled = self._fill(c, message_rowid, outcome) if outcome.scanned else []
        if outcome.tasks and outcome.user_email:
            self._lock_tasks(c, message_rowid, outcome.user_email)
            insert_tasks(c, message_rowid, outcome.user_email, outcome.tasks)
        c.execute(
            """UPDATE messages SET status = 'processed', processed_at = ?, last_error = NULL,
               direction = ?, user_email = ?, contact_email = ?, from_address = ?,
               subject = ?, date = ?, language = ?, scanned = ?, skip_reason = ?,
               dkim_verdict = ? WHERE id = ?""",
            (utc_now(), outcome.direction, outcome.user_email, outcome.contact_email,
             outcome.from_address, outcome.subject, outcome.date, outcome.language,
             int(outcome.scanned), outcome.skip_reason, outcome.dkim_verdict, message_rowid),
        )
        return filled

    def _lock_tasks(self, c: Connection, rowid: int, user_email: str) -> None:
        """PostgreSQL: hold this user's tasks of this message key (insert_tasks's check that
        they are new, then its insert) until the commit, so two copies of one mail finishing
        beside each other do not both add them. SQLite's writers already take turns."""
        if self.url is None:
            return
        row = c.execute("SELECT COALESCE(message_id, dedupe_key) FROM messages WHERE id = ?",
                        (rowid,)).fetchone()
        key = zlib.crc32(f"{user_email}\n{row[0]}".encode()) - 2**31  # an int4
        c.execute("SELECT pg_advisory_xact_lock(?, ?)", (TASKS_LOCK, key))

    def _fill(self, c: Connection, rowid: int, outcome: Outcome) -> list[Candidate]:
        """Inside the finish transaction: decide on the current state, mark the first scan, fill,
        and keep every candidate (and each suggested update) with its evidence."""
        email = outcome.contact_email
        if email is not None and self.url is not None:
            # The contact's row held to the commit: its state below is what the fills meet.
            c.execute("SELECT 1 FROM contacts WHERE email = ? FOR UPDATE", (email,))
        state = self._contact_state(c, email) if email else None
        if email is None or state is None:
            return []
        message_id = self._message_key(c, rowid)
        decision = decide(state, outcome.candidates, outcome.fill_policy)
        if state.scanned_message_id is None:
            c.execute(
                "UPDATE contacts SET scanned_message_id = ?, scanned_at = ? WHERE email = ?",
                (message_id, utc_now(), email),
            )
        for fill in decision.fills:
            self._write(c, email, fill.property, fill.value, SOURCE_AI, False, message_id,
                        fill.original, json.dumps(fill.evidence, ensure_ascii=False))
        record_decision(c, rowid, message_id, email, outcome.user_email, state, outcome.candidates,
                        decision)
        return list(decision.fills)

    @staticmethod
    def _message_key(c: Connection, rowid: int) -> str:
        row = c.execute("SELECT message_id, dedupe_key FROM messages WHERE id = ?", (rowid,))
        message_id, dedupe_key = row.fetchone()
        return str(message_id or dedupe_key)
