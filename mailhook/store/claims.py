"""Which queued messages a worker may claim next: in order, and never two about one contact at once."""

from __future__ import annotations

import os
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from mailhook.store.base import Connection
from mailhook.trust.authorship import addresses_in, read_header_block

# Every address a message may be logged on, fill or create a contact for. Reading more fields
# than routing does costs only parallelism, never a wrong order.
PARTY_FIELDS = ("from", "sender", "reply-to", "to", "cc")
# How many of the next due messages a claim looks at: enough for a few workers to find work
# beside a contact's run of mail, and few enough that the claim holds the write lock briefly.
WINDOW = 32
REPLAY = "replay"  # the listener name of the messages `mailhook replay` stores (store.queue.REPLAY)
REPLAYED = f"listener = '{REPLAY}'"
LIVE = f"listener != '{REPLAY}'"
DUE = "status = 'pending' AND (retry_at IS NULL OR retry_at <= ?)"
DIED = "the worker process died"  # how a dead process's charge starts its messages' last_error
# A claim this host holds (or one made before hosts were recorded: its host's own). A claim holds
# store.base.LEASE_SECONDS without its worker renewing it (worker.leases, four times as often):
# after that, a host that is gone has its claims taken back, charged.
OWN = "(claimed_host IS NULL OR claimed_host = ?)"


@dataclass(frozen=True)
class Clock:
    """The SQL of now and of a new lease's end, on the database's own clock: every host
    compares leases with the same one (store.base gives each engine's)."""

    now: str
    lease_until: str


def parties(raw: bytes) -> frozenset[str]:
    """The addresses in a message's header block that a worker's outcome may touch."""
    block = read_header_block(raw)
    values = [value for name in PARTY_FIELDS for value in block.text(name)]
    return frozenset(author.email for author in addresses_in(values) if author.email)


def choose(due: Sequence[int], busy: Collection[int], outside: Mapping[int, frozenset[str]],
           limit: int, alone: Collection[int] = ()) -> list[int]:
    """The first `limit` of `due` (in id order) that wait for nobody; one of `alone` (held by
    a process that died: it charged each message it held) only by itself, so that a message
    that kills its worker is soon tried without innocent company.

    A message waits for a message being processed and for an earlier due one that shares an
    outside address with it (a user's own address is not one), so each contact's mail is read
    one at a time, in the order it came, as one worker reads it: a reply finds the contact its
    user's earlier mail created, and only the first reply is scanned. A message with no outside
    address (team mail, mail forwarded to the hook, rows stored before parties were kept) may
    concern anyone: it waits for every message before it, and every later one waits for it."""
    held: set[str] = set().union(*(outside.get(rowid, frozenset()) for rowid in busy))
    if any(not outside.get(rowid) for rowid in busy):
        return []
    taken: list[int] = []
    for position, rowid in enumerate(due):
        mine = outside.get(rowid, frozenset())
        if not mine:
            if position == 0 and not busy:
                taken.append(rowid)
            break
        if not mine & held:
            if rowid in alone:
                taken = taken or [rowid]
                break
            taken.append(rowid)
            if len(taken) == limit:
                break
        held |= mine
    return taken


def claim_next(c: Connection, scope: str, now: str, limit: int, host: str,
               clock: Clock) -> list[int]:
    """Inside the caller's write transaction (so no other process chooses meanwhile): take back
    the claims of gone hosts (release_expired), then mark the next claimable messages of `scope`
    processing, by this process of `host`; returns their ids."""
    if scope == LIVE:
        release_expired(c, host, clock)
    rows = c.execute(f"SELECT id, coalesce(last_error, '') FROM messages WHERE {DUE} AND {scope} "
                     "ORDER BY id LIMIT ?", (now, WINDOW)).fetchall()
    # Only a message held when its process died may have killed it; one that failed for any
    # other reason (a DNS outage, say) failed inside its own boundary and may share a group.
    due, suspects = [r[0] for r in rows], {r[0] for r in rows if r[1].startswith(DIED)}
    busy = [r[0] for r in c.execute(
        f"SELECT id FROM messages WHERE status = 'processing' AND {scope}")]
    ids = [*due, *busy]
    outside: dict[int, frozenset[str]] = {}
    if ids:
        rows = c.execute(
            f"""SELECT message_rowid, address FROM message_parties
                WHERE message_rowid IN ({','.join('?' * len(ids))})
                AND address NOT IN (SELECT email FROM users)""", ids).fetchall()
        for rowid, address in rows:
            outside[rowid] = outside.get(rowid, frozenset()) | {address}
    return mark_claimed(c, choose(due, busy, outside, limit, suspects), host, clock)


def mark_claimed(c: Connection, ids: Sequence[int], host: str, clock: Clock) -> list[int]:
    """Claim `ids` for this process of `host`: one attempt more, whose claim it is (its pid and
    host, so a supervisor re-queues only the claims of a child that died, and a start only its
    own host's), and a lease its worker renews while it reads."""
    if not ids:
        return []
    rows = c.execute(
        f"""UPDATE messages SET status = 'processing', attempts = attempts + 1, claimed_by = ?,
            claimed_host = ?, lease_until = {clock.lease_until}
            WHERE id IN ({','.join('?' * len(ids))}) RETURNING id""", (os.getpid(), host, *ids))
    return sorted(r[0] for r in rows)


def renew(c: Connection, pid: int, host: str, clock: Clock) -> int:
    """A fresh lease for every live claim of process `pid` of `host`; returns how many."""
    return c.execute(f"""UPDATE messages SET lease_until = {clock.lease_until}
                         WHERE status = 'processing' AND {LIVE} AND claimed_by = ?
                         AND claimed_host = ?""", (pid, host)).rowcount


def release_expired(c: Connection, host: str, clock: Clock) -> int:
    """Inside the caller's write transaction: live claims of other hosts whose lease ran out (the
    host is gone, or cannot reach the database) go back to pending, charged the attempt their
    claim counted, each claimed alone from then on (DIED: it may be what stopped its host)."""
    return c.execute(f"""UPDATE messages SET status = 'pending', retry_at = NULL,
                         last_error = ? || claimed_host || ' let its lease run out)'
                         WHERE status = 'processing' AND {LIVE} AND NOT {OWN}
                         AND lease_until < {clock.now}""", (f"{DIED} (its host ", host)).rowcount


def claim_replayed(c: Connection, ids: Sequence[int], host: str, clock: Clock) -> list[int]:
    """Inside the caller's write transaction: claim those of `ids` a replay still has to do
    (pending, or left processing by an interrupted replay); returns their ids."""
    if not ids:
        return []
    found = c.execute(
        f"""SELECT id FROM messages WHERE id IN ({','.join('?' * len(ids))})
            AND status IN ('pending', 'processing') AND {REPLAYED}""", list(ids)).fetchall()
    return mark_claimed(c, [r[0] for r in found], host, clock)


def release_every_claim(c: Connection, scope: str, host: str, clock: Clock) -> int:
    """Inside the caller's write transaction: every claim of `scope` this host holds back to
    pending, with the attempt it counted taken back (a replay's: all of them, one replay runs
    per database), and those of gone hosts (release_expired). A kill of the whole hook says
    nothing about the messages being processed (the crash test kills it at random 20 times); a
    worker that dies on its own while the service runs is charged by its supervisor instead.
    A live claim of another host is left to it. Returns how many."""
    mine, params = ("", ()) if scope == REPLAYED else (f"AND {OWN}", (host,))
    released = c.execute(f"""UPDATE messages SET status = 'pending',
                         attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END
                         WHERE status = 'processing' AND {scope} {mine}""", params).rowcount
    return released + (release_expired(c, host, clock) if scope == LIVE else 0)
