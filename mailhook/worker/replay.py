"""Backfill: mail a user already has (mbox, Maildir or a folder of .eml files), run through the same
pipeline as live mail, exactly once per message, resumable after an interruption."""

from __future__ import annotations

import contextlib
import difflib
import fcntl
import mailbox
import os
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from mailhook.config import Config
from mailhook.database_url import redact
from mailhook.errors import MailhookError
from mailhook.model import CONTACT_FIELDS
from mailhook.store import Received, Store, sessionlock
from mailhook.store.claims import WINDOW, choose
from mailhook.store.postgres import is_url
from mailhook.store.queue import REPLAY
from mailhook.trust.authorship import read_header_block

if TYPE_CHECKING:  # the pipeline is the worker's; a replay parent with children never loads it
    from mailhook.worker.processing import Worker

ALREADY = "already stored"
TOO_LARGE = "over max_message_size"
# Messages stored per commit, and claimed and finished per commit: a commit waits for an fsync
# (about 4 ms here), which costs more than reading a message without the tagger.
STORE_BATCH = WINDOW
GROUP = 8
LINK_NOTE = "a symbolic link, skipped: replay reads only what is inside the folder it is given"


class ReplayError(MailhookError):
    """The path cannot be replayed: not a mailbox, or another replay holds the database."""


@dataclass(frozen=True)
class Source:
    """Messages to replay: how many, and a fresh iterator over (key, raw bytes) in file order."""

    kind: str  # "mbox", "maildir", "eml"
    count: int
    items: Callable[[], Iterator[tuple[str, bytes]]]
    notes: tuple[str, ...] = ()  # what in the folder is not read, and why (symbolic links)


def open_source(path: Path) -> Source:
    """Recognise what `path` holds; raises ReplayError naming what was expected."""
    if path.is_dir():
        if (path / "cur").is_dir() and (path / "new").is_dir():
            return _maildir(path)
        files, links = _eml_files(path)
        if not files:
            raise ReplayError(f"{path}: neither a Maildir (cur/, new/) nor a folder with .eml files")
        return Source("eml", len(files), lambda: ((str(p), p.read_bytes()) for p in files),
                      _link_notes(links))
    if not path.is_file():
        raise ReplayError(f"{path}: no such file or folder")
    if path.suffix.lower() == ".eml":
        return Source("eml", 1, lambda: iter([(str(path), path.read_bytes())]))
    with path.open("rb") as head:
        if head.read(5) != b"From ":
            raise ReplayError(f"{path}: not an mbox file (it must start with a 'From ' line)")
    return _mbox(path)


def _mbox(path: Path) -> Source:
    box = mailbox.mbox(path, create=False)
    keys = box.keys()  # one pass over the file builds the table of contents
    return Source("mbox", len(keys), lambda: ((f"{path}#{k}", box.get_bytes(k)) for k in keys))


def _eml_files(path: Path) -> tuple[list[Path], list[Path]]:
    """The .eml files under `path` in path order, and the symbolic links met instead (to .eml
    files or to folders): a link could lead anywhere, so none is followed."""
    files, links = [], []
    for folder, dirs, names in os.walk(path):  # never descends into a linked folder
        for name in [*dirs, *names]:
            entry = Path(folder) / name
            if entry.is_symlink():
                if name in dirs or name.endswith(".eml"):
                    links.append(entry)
            elif name.endswith(".eml") and entry.is_file():
                files.append(entry)
    return sorted(files), sorted(links)


def _maildir(path: Path) -> Source:
    box = mailbox.Maildir(path, factory=None, create=False)
    links, linked = [], set()
    for sub in ("new", "cur"):  # what mailbox would read through a symbolic link is left out
        folder = path / sub
        if folder.is_symlink():
            links.append(folder)
        for entry in folder.iterdir():
            if folder.is_symlink() or entry.is_symlink():
                linked.add(entry.name.split(box.colon)[0])  # the key, as mailbox names it
                if not folder.is_symlink():
                    links.append(entry)
    # Maildir names start with the delivery time: oldest first.
    keys = sorted(k for k in box.iterkeys() if k not in linked)
    return Source("maildir", len(keys), lambda: ((f"{path}/{k}", box.get_bytes(k)) for k in keys),
                  _link_notes(sorted(links)))


def _link_notes(links: list[Path]) -> tuple[str, ...]:
    return tuple(f"{link}: {LINK_NOTE}" for link in links)


def size_limit(config: Config) -> int:
    """The largest message replay takes in: what both listeners accept, as live mail of the user
    arrives over either (the inbox by LMTP, sent mail by SMTP); beyond it they answer 552."""
    return min(config.smtp.max_message_size, config.lmtp.max_message_size)


@contextlib.contextmanager
def exclusive(db_path: Path | str) -> Iterator[None]:
    """Only one replay per database: a second would race the first for the same messages. The
    lock sits beside the file itself, so a symlink or another spelling of its path is one lock;
    on a PostgreSQL url it is a session advisory lock, seen from every host."""
    if is_url(db_path):
        with _replay_session(str(db_path)):
            yield
        return
    real = Path(os.path.realpath(db_path))
    lock_path = real.with_name(real.name + ".replay-lock")
    handle: IO[str] = lock_path.open("w")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise ReplayError(f"another `mailhook replay` is running on {db_path}") from exc
        yield
    finally:
        handle.close()


@contextlib.contextmanager
def _replay_session(url: str) -> Iterator[None]:
    lock = sessionlock.SessionLock(url, sessionlock.REPLAY, sessionlock.label("mailhook replay"))
    try:
        if not lock.take():
            raise ReplayError(f"another `mailhook replay` is running on {redact(url)}")
        yield
    finally:
        lock.close()


@dataclass(frozen=True)
class Stored:
    """A stored copy replay has yet to process: its row, and the addresses its outcome may touch."""

    rowid: int
    parties: frozenset[str]


def take(items: Iterator[tuple[str, bytes]], count: int) -> tuple[list[tuple[str, bytes]], OSError | None]:
    """The next `count` messages of a source (fewer at its end), and the error that stopped
    reading it early, if one did: raised once what was read before it is processed."""
    batch: list[tuple[str, bytes]] = []
    try:
        while len(batch) < count and (item := next(items, None)) is not None:
            batch.append(item)
    except OSError as exc:
        return batch, exc
    return batch, None


def store_copies(store: Store, user: str, batch: Sequence[tuple[str, bytes]]) -> list[Stored | None]:
    """Store messages as copies for `user`, all in one commit; for each, its row to process now,
    or None for a message stored before (live, by an earlier replay that finished it, or earlier
    in this batch): it is left alone, so nothing is ever logged twice."""
    copies = [Received(raw, read_header_block(raw).message_id(), user, REPLAY, None, (user,),
                       key[:500]) for key, raw in batch]
    store.insert_received(copies)
    found: list[Stored | None] = []
    seen: set[int] = set()
    for copy in copies:
        row = store.stored_copy(copy.dedupe_key, user)
        todo = (row is not None and row["listener"] == REPLAY and row["id"] not in seen
                and row["status"] not in ("processed", "failed"))
        found.append(Stored(int(row["id"]), copy.parties) if row is not None and todo else None)
        seen |= {int(row["id"])} if row is not None else set()
    return found


def intake(store: Store, user: str, batch: Sequence[tuple[str, bytes]], count: Callable[[str], None],
           max_size: int | None, on_note: Callable[[str], None]) -> list[Stored]:
    """Store what of `batch` is to be replayed (store_copies) and count the rest: too large
    (with a note) or already stored."""
    kept = []
    for key, raw in batch:
        if (note := oversized(key, raw, max_size)) is not None:
            on_note(note)
            count(TOO_LARGE)
        else:
            kept.append((key, raw))
    stored = store_copies(store, user, kept)
    count_all([ALREADY for copy in stored if copy is None], count)
    return [copy for copy in stored if copy is not None]


def process_group(store: Store, worker: Worker, group: Sequence[int]) -> list[str]:
    """Claim and process stored copies that wait for nobody (claims.choose) with one commit for
    the claims and one for the outcomes; what became of each (ALREADY: done meanwhile)."""
    claimed = store.claim_replayed_many(group)
    status = dict(zip([item.id for item in claimed], worker.process_many(store, claimed), strict=True))
    return [status.get(rowid, ALREADY) for rowid in group]


def count_all(results: Sequence[str], count: Callable[[str], None]) -> None:
    """Count every result, then raise what a count raised first (a stop): work already done is
    never left uncounted."""
    stop: BaseException | None = None
    for result in results:
        try:
            count(result)
        except BaseException as exc:  # noqa: BLE001 - re-raised below
            stop = stop or exc
    if stop is not None:
        raise stop


def replay(
    store: Store, worker: Worker, user: str, source: Source,
    on_each: Callable[[str], None] = lambda result: None, *, max_size: int | None = None,
    on_note: Callable[[str], None] = lambda note: None,
) -> Counter[str]:
    """Replay every message of `source`; returns how many ended processed, failed, already stored
    or too large: one over `max_size` bytes is skipped, with a note (the listeners refuse it).
    Stored STORE_BATCH at a time and processed in groups that wait for nobody, a commit each:
    each contact's mail is read in mailbox order, as one message at a time would read it."""
    tally: Counter[str] = Counter()

    def count(result: str) -> None:
        tally[result] += 1
        on_each(result)

    users = set(store.users())
    items = iter(source.items())
    while True:
        batch, failure = take(items, STORE_BATCH)
        stored = intake(store, user, batch, count, max_size, on_note)
        outside = {copy.rowid: copy.parties - users for copy in stored}
        waiting = list(outside)
        while waiting:
            group = choose(waiting, (), outside, GROUP)
            waiting = [rowid for rowid in waiting if rowid not in group]
            count_all(process_group(store, worker, group), count)
        if failure is not None:
            raise failure
        if len(batch) < STORE_BATCH:
            return tally


def oversized(key: str, raw: bytes, max_size: int | None) -> str | None:
    """The note for a message over `max_size` bytes, which is skipped; None for any other."""
    if max_size is None or len(raw) <= max_size:
        return None
    return (f"{key}: {len(raw)} bytes, over max_message_size ({max_size}): skipped, as the "
            "listeners would refuse it (552)")


def copy_database(db_path: Path, target: Path) -> None:
    """A consistent copy of the live database (SQLite's online backup), for a dry run."""
    source = sqlite3.connect(str(db_path))
    copy = sqlite3.connect(str(target))
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()


def contact_diffs(
    before: dict[str, dict[str, str | None]],
    after: dict[str, dict[str, str | None]],
    suggested: dict[str, list[str]],
) -> list[str]:
    """A unified diff per contact that would change (new contacts diff against nothing), each
    followed by the updates that would be suggested rather than written."""
    out: list[str] = []
    for email in sorted(after):
        old, new = before.get(email), after[email]
        old_lines, new_lines = _property_lines(old or {}), _property_lines(new)
        if old is not None and old_lines == new_lines and email not in suggested:
            continue
        out += [f"--- {email} ({'now' if old is not None else 'new contact'})",
                f"+++ {email} (after replay)"]
        out += list(difflib.unified_diff(old_lines, new_lines, lineterm="", n=len(new_lines)))[2:]
        out += [f"? {line}" for line in suggested.get(email, [])]
    return out


def _property_lines(values: dict[str, str | None]) -> list[str]:
    return [f"{prop}: {values[prop]}" for prop in CONTACT_FIELDS if values.get(prop)]
