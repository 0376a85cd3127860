"""Several worker processes for one finite job: `mailhook process` (each child claims from the
queue) and `mailhook replay` (the parent stores the mailbox and hands each message to a child)."""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import signal
from collections import Counter
from collections.abc import Callable, Collection, Iterator
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from mailhook.config import Config
from mailhook.store import Store
from mailhook.store.claims import WINDOW, choose
from mailhook.store.locks import patiently
from mailhook.worker import leases
from mailhook.worker.children import Child, Inbox, Target, charge, leave, settle, spawn
from mailhook.worker.replay import GROUP, STORE_BATCH, Source, intake, process_group, take

log = logging.getLogger(__name__)

STOP_GRACE_SECONDS = 30.0
AHEAD = 4 * WINDOW  # replayed messages stored before they are handed out: a resumed replay redoes none


def on_database(config: Config, path: Path) -> Config:
    """`config` with `path` as its database (a dry run replays into a copy)."""
    return dataclasses.replace(config, database=dataclasses.replace(config.database, path=path))


def drain(config: Config, processes: int, target: Target | None = None) -> int:
    """Process every pending live message with `processes` children; returns how many ran. A
    child that dies mid-message has its claims charged an attempt, due again at once, and is
    replaced, so another child processes them (until [worker] max_attempts parks them)."""
    store = Store.configured(config.database)
    try:
        patiently(store.requeue_interrupted, "re-queueing interrupted messages")
    finally:
        store.close()
    children = [spawn(config, target or _drain_main, "mailhook-worker") for _ in range(processes)]
    ran = 0
    try:
        while children:
            wait([c.reports for c in children] + [c.process.sentinel for c in children])
            for child in list(children):
                ran += sum(1 for _ in _reports(child))
                if child.process.is_alive():
                    continue
                children.remove(child)
                charged = _ended(config, child, replayed=False)
                ran += sum(1 for _, status in charged if status == "failed")
                if charged:
                    children.append(spawn(config, target or _drain_main, "mailhook-worker"))
    finally:
        _stop(children)
    return ran


def replay(
    config: Config, store: Store, user: str, source: Source, processes: int,
    on_each: Callable[[str], None] = lambda result: None, *, max_size: int | None = None,
    on_note: Callable[[str], None] = lambda note: None, target: Target | None = None,
) -> Counter[str]:
    """worker.replay.replay with `processes` children: this process stores the mailbox, a batch
    per commit, and hands idle children groups of messages no message still ahead of them shares
    a contact with (claims.choose), so every message of `source` is processed once, each
    contact's in mailbox order; a child claims and finishes its group with a commit each."""
    if store.url is None:  # a PostgreSQL store is the config's own database
        config = on_database(config, store.path)
    patiently(lambda: store.requeue_interrupted(replayed=True), "re-queueing interrupted messages")
    users = set(store.users())
    tally: Counter[str] = Counter()

    def count(result: str) -> None:
        tally[result] += 1
        on_each(result)

    waiting: list[int] = []  # stored and not yet handed out, in mailbox order
    outside: dict[int, frozenset[str]] = {}
    busy: dict[int, Child] = {}  # message id -> the child processing it
    suspects: set[int] = set()  # held by a child that died: each handed out alone from then on
    idle = [spawn(config, target or _replay_main, "mailhook-replay") for _ in range(processes)]
    items: Iterator[tuple[str, bytes]] | None = iter(source.items())
    failure: OSError | None = None
    try:
        while items is not None or waiting or busy:
            if items is not None and len(waiting) < AHEAD:
                batch, failure = take(items, STORE_BATCH)
                if failure is not None or len(batch) < STORE_BATCH:
                    items = None  # what was read before a failure to read is still processed
                for copy in intake(store, user, batch, count, max_size, on_note):
                    waiting.append(copy.rowid)
                    outside[copy.rowid] = copy.parties - users
            _hand_out(waiting, busy, idle, outside, suspects)
            if busy:  # wait for a result only where nothing else can be done meanwhile
                must = items is None or len(waiting) >= AHEAD or not idle
                _collect(config, busy, idle, waiting, count, target or _replay_main,
                         None if must else 0.0, suspects)
            if len(outside) > 2 * AHEAD:  # forget the addresses of messages done
                outside = {rowid: outside[rowid] for rowid in (*waiting, *busy)}
        if failure is not None:
            raise failure
    finally:
        # Stopped early (Ctrl-C, SIGTERM, an unreadable file): what the children finish counts.
        for rowid, status in _stop([*idle, *busy.values()]):
            if busy.pop(rowid, None) is not None:
                with contextlib.suppress(Exception):  # a progress callback that says stop
                    count(status)
    return tally


def _hand_out(waiting: list[int], busy: dict[int, Child], idle: list[Child],
              outside: dict[int, frozenset[str]], suspects: set[int]) -> None:
    """Give each idle child a group of the messages that wait for nobody."""
    ready = choose(waiting[:WINDOW], busy, outside, GROUP * len(idle))
    for group in groups(ready, len(idle), suspects):
        child = idle.pop()
        for rowid in group:
            waiting.remove(rowid)
            busy[rowid] = child
        # One that died while idle fails to take it: _collect replaces it, the messages wait.
        with contextlib.suppress(OSError):
            child.writer.send(group)


def groups(ready: list[int], children: int, suspects: Collection[int]) -> list[list[int]]:
    """`ready` split among up to `children` (in order, evenly); a suspect goes alone, so that a
    message that kills its worker costs no other message an attempt more than once."""
    alone = [[rowid] for rowid in ready if rowid in suspects][:children]
    rest = [rowid for rowid in ready if rowid not in suspects]
    room = children - len(alone)
    if not rest or not room:
        return alone
    size = -(-len(rest) // room)
    return alone + [rest[start:start + size] for start in range(0, len(rest), size)]


def _collect(config: Config, busy: dict[int, Child], idle: list[Child], waiting: list[int],
             count: Callable[[str], None], target: Target, timeout: float | None,
             suspects: set[int]) -> None:
    """Wait up to `timeout` for a child's results or death; a dead child's messages go back to
    `waiting` (or are counted failed once they used up their attempts), those it had claimed as
    suspects, and a new child takes its place."""
    children = set(busy.values())
    wait([c.reports for c in children] + [c.process.sentinel for c in children], timeout)
    for child in children:
        for rowid, status in _reports(child):
            busy.pop(rowid, None)
            count(status)
        if child.process.is_alive():
            if child not in busy.values():
                idle.append(child)
            continue
        held = [rowid for rowid, holder in busy.items() if holder is child]
        charged = dict(_ended(config, child, replayed=True))
        suspects |= set(charged) & set(held)
        for rowid in held:
            del busy[rowid]
            status = charged.get(rowid, "pending")  # not claimed yet: simply handed out again
            if status == "pending":
                waiting.insert(sum(1 for w in waiting if w < rowid), rowid)
            else:
                count(status)
        idle.append(spawn(config, target, "mailhook-replay"))


def _reports(child: Child) -> Iterator[tuple[Any, str]]:
    """What `child` reported so far: (message id or None, status) per message."""
    try:
        while child.reports.poll():
            yield child.reports.recv()
    except (EOFError, OSError):
        return


def _ended(config: Config, child: Child, *, replayed: bool) -> list[tuple[int, str]]:
    """A child is gone: charge what it held if it died (due again at once), and close it."""
    child.process.join()
    child.close()
    if child.process.exitcode == 0:
        return []
    return charge(config, child.process.pid or 0, child.process.exitcode, retry_delay=0.0,
                  replayed=replayed)


def _stop(children: list[Child]) -> list[tuple[Any, str]]:
    """Let each child finish its message (its end of the signal pipe closes), then end it;
    returns what they reported meanwhile."""
    for child in children:
        child.writer.close()
    reported: list[tuple[Any, str]] = []
    for child in children:
        child.process.join(STOP_GRACE_SECONDS)
        if child.process.is_alive():
            child.process.kill()
            child.process.join()
        reported += _reports(child)
        child.reports.close()
    return reported


def _drain_main(config: Config, reader: Connection, reports: Connection, parent: int,
                level: int) -> None:
    from mailhook.worker.processing import Worker  # the child's, not the parent's (cli.lazy)
    settle(config, parent, level)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # the parent stops us (see supervisor._main)
    store = Store.configured(config.database)
    worker = Worker(config, on_processed=lambda _id, status, seconds: reports.send((None, status)))
    try:  # the parent closing its end of the signal pipe is the stop
        with leases.kept(config):
            worker.drain(store, requeue=False, others=True, stop=Inbox(reader).stop)
    finally:
        store.close()
    leave()


def _replay_main(config: Config, reader: Connection, reports: Connection, parent: int,
                 level: int) -> None:
    from mailhook.worker.processing import Worker  # the child's, not the parent's (cli.lazy)
    settle(config, parent, level)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # the parent stops us (see supervisor._main)
    store = Store.configured(config.database)
    worker = Worker(config)
    try:
        worker.warm(tasks=False)  # replayed mail recommends no follow-up tasks
        while True:
            try:
                group = reader.recv()
            except EOFError:  # the parent is done (or gone)
                break
            for rowid, status in zip(group, process_group(store, worker, group), strict=True):
                reports.send((rowid, status))
    finally:
        worker.close()
        store.close()
    leave()
