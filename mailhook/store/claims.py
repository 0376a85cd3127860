"""Which queued messages a worker may claim next: in order, and never two about one contact at once."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Collection, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass

from mailhook.store import postgres
from mailhook.store.base import Connection, utc_now
from mailhook.trust.authorship import addresses_in, read_header_block

log = logging.getLogger(__name__)

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


FORWARDING_LISTENER = "smtp"  # the forwarding/BCC address's listener (service.listeners)
# The forwarded original's sender (an address, or None: no forward), read as the worker's routing
# reads it (worker.forwards): the intake passes it in, since the store may not use the pipeline.
ForwardReader = Callable[[bytes], str | None]


def recorded_parties(parties: frozenset[str], raw: bytes, recipient: str, listener: str,
                     forwards: ForwardReader | None) -> frozenset[str]:
    """The outside parties a new copy is stored with (its header's `parties`, less the address
    it was delivered to). Mail to the forwarding address is a user's logged outbound mail or a
    forward, whose outcome touches its header's recipients or the forwarded original's sender
    (rules.routing): that sender is added, read by `forwards` from these same bytes, so the
    worker, reading them with the same code, touches no one else. Without a reader, or where
    it raised, none: the message waits for all before it and all after it wait for it (choose).

    A row keeps what the code of its intake read: if an upgrade changes how forwards are read
    while such a row waits, the new code may find another original sender than the one
    recorded, and the row runs beside that contact's mail instead of in its order. Each outcome
    is still one transaction deciding its fills on the contact as it is at commit (no property
    filled twice); only the order of that contact's mail around that forward may differ, and
    only for forwards stored before and processed after the upgrade (docs/scale.md)."""
    mine = parties - {recipient.lower()}
    if listener != FORWARDING_LISTENER:
        return mine
    if forwards is None:
        return frozenset()
    try:
        original = forwards(raw)
    except Exception as exc:  # noqa: BLE001 - an unreadable forward is stored, only alone
        log.warning("a message to the forwarding address (%s) could not be read at intake (%s: "
                    "%s): it waits for all mail before it", read_header_block(raw).message_id(),
                    type(exc).__name__, exc)
        return frozenset()
    return mine | {original} if original else mine


def choose(due: Sequence[int], busy: Collection[int], outside: Mapping[int, frozenset[str]],
           limit: int, alone: Collection[int] = ()) -> list[int]:
    """The first `limit` of `due` (in id order) that wait for nobody; one of `alone` (held by
    a process that died: it charged each message it held) only by itself, so that a message
    that kills its worker is soon tried without innocent company.

    A message waits for a message being processed and for an earlier due one that shares an
    outside address with it (a user's own address is not one), so each contact's mail is read
    one at a time, in the order it came, as one worker reads it: a reply finds the contact its
    user's earlier mail created, and only the first reply is scanned. A message with no outside
    address (team mail, a forward to the hook that the intake could not read, rows stored
    before parties were kept, or before forwards were read at intake) may concern anyone: it
    waits for every message before it, and every later one waits for it."""
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
    outside = _outside(c, [*due, *busy])
    return mark_claimed(c, choose(due, busy, outside, limit, suspects), host, clock)


def frees_held(c: Connection, finished: Sequence[int], now: str) -> bool:
    """Whether finishing `finished` (inside their transaction) frees mail a claim passed over:
    a message of the next due window (all a claim looks at) that shares an outside party with
    one of them, or has none (it waits for every message being processed), or any due message
    when one of them had none (all mail waited for it)."""
    if not finished:
        return False
    window = [r[0] for r in c.execute(f"SELECT id FROM messages WHERE {DUE} AND {LIVE} "
                                      "ORDER BY id LIMIT ?", (now, WINDOW))]
    if not window:
        return False
    outside = _outside(c, [*finished, *window])
    theirs = [outside.get(rowid, frozenset()) for rowid in finished]
    if not all(theirs):
        return True
    held = frozenset().union(*theirs)
    return any(not outside.get(rowid) or outside[rowid] & held for rowid in window)


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


def any_expired(c: Connection, host: str, clock: Clock) -> bool:
    """Whether release_expired would take back a claim (a read, outside any write lock)."""
    return c.execute(f"""SELECT 1 FROM messages WHERE status = 'processing' AND {LIVE}
                         AND NOT {OWN} AND lease_until < {clock.now} LIMIT 1""",
                     (host,)).fetchone() is not None


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


# PostgreSQL's claims (store.postgres.CLAIM_BEGIN) run beside each other, outside the write lock.
# Why no two claim one message, or two messages of one contact, under READ COMMITTED (each
# statement its own snapshot; a row lock is held to COMMIT; FOR UPDATE ... SKIP LOCKED skips a
# row another holds and re-checks the WHERE on the newest committed version of one it locks):
# - every claim holds the claims lock shared; one that chose a message with no outside party
#   gives up and claims again holding it exclusive, alone among claimers, so such a message
#   sees every claim committed before it and none beside it (exclusive_wanted);
# - busy is read before the window, and `now` taken between them: a message failed back to
#   pending (due at once) between the two reads is busy in the first, and one failed before
#   is due in the second; one claimed between them (no longer due) is caught below;
# - the due window is read unlocked and chosen from; only the chosen are locked, with SKIP
#   LOCKED and re-checked due: one another claimer holds, or one claimed and committed since
#   the window was read, is taken as busy (its parties held) and the choice made again
#   (_choose_and_lock). A row of the window another claimer holds but this one did not choose
#   still stands, as due, before its contact's later mail in this choice;
# - then, for the chosen, every other row sharing an outside party that is processing, or due
#   and earlier, or held by another claimer (SKIP LOCKED over all of them, not only the window)
#   drops the message. Of two claims of one contact's messages whose transactions overlap, the
#   later of their two conflict reads meets the other's row locked (held to its COMMIT) or
#   processing (committed): one of them claims nothing. A claim that overlaps none is the
#   serial case. A message made due meanwhile by the clock (its retry delay ran out) or by
#   `retry` is, as with one writer at a time, a message that became due after this claim.
# A row is marked only while this transaction holds its lock: never claimed twice.
# Taking back gone hosts' claims stays under the write lock (the caller's, first): a late finish
# of the gone host checks its claim and applies its outcome under that lock, and a take-back
# beside it would let the message be claimed again and its outcome applied twice.
# `now` is a process's clock and a failure's retry_at another's: a message failed back (due at
# once) after this claim read `now` could look not yet due to it, and unseen between its reads.
# So the conflict read counts as due what is due within SETTLE_SECONDS: a claim would have to
# take that long between two statements to miss one (it waits for no lock; a later message of
# the contact waits at most that long more behind one retried after a delay).
SETTLE_SECONDS = 60


@dataclass(frozen=True)
class Claimed:
    """What one PostgreSQL claim attempt did: the ids it marked, whether another claimer's lock
    stood in its way (so an empty claim is worth trying again at once), and whether it needs
    the claims lock exclusive (a message with no outside party is next)."""

    ids: list[int]
    contended: bool = False
    exclusive_wanted: bool = False


def claim_next_concurrently(c: Connection, limit: int, host: str, clock: Clock,
                            exclusive: bool) -> Claimed:
    """claim_next for live mail on PostgreSQL, inside a transaction that holds the claims lock
    (shared, or `exclusive`) and not the write lock (any_expired: the caller took back gone
    hosts' claims under it); see the argument above."""
    busy = {r[0] for r in c.execute(
        f"SELECT id FROM messages WHERE status = 'processing' AND {LIVE}")}
    # Now, after busy was read: a message failed back to pending (due at once) since is due
    # here, where a `now` older than its retry_at would have seen it in neither.
    now = utc_now()
    rows = c.execute(f"SELECT id, coalesce(last_error, '') FROM messages WHERE {DUE} AND {LIVE} "
                     "ORDER BY id LIMIT ?", (now, WINDOW)).fetchall()
    window = [r[0] for r in rows]
    suspects = {r[0] for r in rows if r[1].startswith(DIED)}
    outside = _outside(c, [*window, *busy])
    chosen, taken = _choose_and_lock(c, window, busy, outside, limit, suspects, now)
    if any(not outside.get(rowid) for rowid in chosen) and not exclusive:
        return Claimed([], contended=False, exclusive_wanted=True)
    clear, contended = _without_conflicts(c, chosen, outside, utc_now(time.time() + SETTLE_SECONDS))
    return Claimed(mark_claimed(c, clear, host, clock), contended=contended or bool(taken))


# How often one claim chooses again after another claimer turned out to hold some of its choice.
LOCK_ROUNDS = 3


def _choose_and_lock(c: Connection, window: Sequence[int], busy: set[int],
                     outside: Mapping[int, frozenset[str]], limit: int, suspects: set[int],
                     now: str) -> tuple[list[int], set[int]]:
    """Choose from the window and lock only the chosen (SKIP LOCKED, still due): a chosen row
    another claimer holds, or claimed and committed since the window was read, is taken as busy
    (its parties held) and the choice made again, so claimers beside each other take different
    messages instead of one locking the whole window and the others finding nothing. Returns
    the chosen (all locked here) and the rows found taken."""
    mine: set[int] = set()
    taken: set[int] = set()
    chosen: list[int] = []
    for _ in range(LOCK_ROUNDS):
        due = [rowid for rowid in window if rowid not in taken]
        chosen = choose(due, busy | taken, outside, limit, suspects)
        wanted = [rowid for rowid in chosen if rowid not in mine]
        got = _lock_due(c, wanted, now)
        mine |= got
        taken |= set(wanted) - got
        if len(got) == len(wanted):
            break
    # Those of the last choice that are locked here: independent of each other (choose), so
    # dropping one another claimer holds leaves the rest as valid as they were.
    return [rowid for rowid in chosen if rowid in mine], taken


def _lock_due(c: Connection, ids: Sequence[int], now: str) -> set[int]:
    """Those of `ids` still due that this transaction could lock (none it waits for)."""
    if not ids:
        return set()
    return {r[0] for r in c.execute(
        f"""SELECT id FROM messages WHERE id IN ({','.join('?' * len(ids))}) AND {DUE}
            ORDER BY id FOR UPDATE SKIP LOCKED""", (*ids, now))}


def _outside(c: Connection, ids: Sequence[int]) -> dict[int, frozenset[str]]:
    """Each message's outside parties (a user's own address is not one)."""
    outside: dict[int, frozenset[str]] = {}
    if ids:
        rows = c.execute(
            f"""SELECT message_rowid, address FROM message_parties
                WHERE message_rowid IN ({','.join('?' * len(ids))})
                AND address NOT IN (SELECT email FROM users)""", list(ids)).fetchall()
        for rowid, address in rows:
            outside[rowid] = outside.get(rowid, frozenset()) | {address}
    return outside


def _without_conflicts(c: Connection, chosen: Sequence[int], outside: Mapping[int, frozenset[str]],
                       soon: str) -> tuple[list[int], bool]:
    """Those of `chosen` that no other live message of one of their parties stands before: one
    processing, one due by `soon` and earlier, or one another claimer holds; and whether a held
    one did."""
    addresses = sorted(set().union(*(outside.get(rowid, frozenset()) for rowid in chosen)))
    if not addresses:
        return list(chosen), False
    marks = ",".join("?" * len(addresses))
    others = c.execute(
        f"""SELECT DISTINCT m.id, m.status FROM messages m
            JOIN message_parties p ON p.message_rowid = m.id
            WHERE p.address IN ({marks}) AND m.{LIVE}
            AND (m.status = 'processing' OR (m.{DUE}))""", (*addresses, soon)).fetchall()
    pending = [rowid for rowid, status in others if status == 'pending']
    held = set(pending) - _lock_due(c, pending, soon)
    standing = {rowid: status for rowid, status in others if rowid not in chosen}
    theirs = _outside(c, list(standing))
    clear = [rowid for rowid in chosen if not any(
        (status == 'processing' or other in held or other < rowid)
        and outside.get(rowid, frozenset()) & theirs.get(other, frozenset())
        for other, status in standing.items())]
    return clear, bool(held)


CLAIM_TRIES = 50  # PostgreSQL: how often an empty claim that met another claimer's locks is tried


def claim_beside_others(transaction: Callable[[tuple[str, ...]], AbstractContextManager[Connection]],
                        conn: Connection, limit: int, host: str, clock: Clock) -> list[int]:
    """PostgreSQL's live claim, beside other claims and outside the write lock
    (claim_next_concurrently), each try in its own `transaction` opened by the BEGIN given. Empty
    because another claimer held what it would take, it is tried again at once (that claim ends
    in milliseconds): an empty claim sends its worker to wait for new mail. Gone hosts' claims
    are taken back first, under the write lock (`transaction(())`: the store's own BEGIN)."""
    if any_expired(conn, host, clock):
        with transaction(()) as c:
            release_expired(c, host, clock)
    exclusive = False
    for _ in range(CLAIM_TRIES):
        with transaction(postgres.CLAIM_ALONE if exclusive else postgres.CLAIM_BEGIN) as c:
            done = claim_next_concurrently(c, limit, host, clock, exclusive)
        if done.exclusive_wanted:
            exclusive = True
        elif done.ids or not done.contended:
            return done.ids
    return []
