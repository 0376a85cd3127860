"""`mailhook replay`: mail a user already has, through the same pipeline, once, resumable."""

from __future__ import annotations

import contextlib
import mailbox
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

import click
import pytest
from click.testing import Result
from mails import CONTACT, NEW_SIGNATURE, USER, mail, reply, worker_config

from mailhook.pipeline import DEFAULT_FINDERS
from mailhook.pipeline.candidate import Block, Candidate
from mailhook.store import Received, Store
from mailhook.store.queue import REPLAY
from mailhook.worker.processing import Worker
from mailhook.worker.replay import ReplayError, exclusive, open_source, replay

OTHER = "cy@beta.example"


def outbound(number: int) -> EmailMessage:
    """Ann writes to Cy: logging her sent mail creates Cy as a contact."""
    return mail(USER, OTHER, f"Hi Cy,\n\nthe offer no. {number}.\n\nAnn",
                message_id=f"<out{number}@us.example>", display="Ann Lee")


def messages() -> list[bytes]:
    return [bytes(outbound(1)), reply("<r1@acme.example>"),
            reply("<r2@acme.example>", signature=NEW_SIGNATURE)]


def write_mbox(path: Path, raws: list[bytes]) -> Path:
    box = mailbox.mbox(path)
    for raw in raws:
        box.add(raw)
    box.flush()
    box.close()
    return path


@pytest.fixture
def db(tmp_path: Path) -> Store:
    """The `run` fixture's database: Ann with inbox automation, Bob a contact, no mail yet."""
    store = Store(tmp_path / "db.sqlite")
    store.add_user(USER, "Ann Lee", inbox_automation=True)
    store.add_contact(CONTACT, {"job_title": "Buyer"}, "user")
    return store


def logged(store: Store) -> list[tuple[str, str]]:
    return [(r["contact_email"], r["message_id"]) for r in store._rows(
        """SELECT e.contact_email, m.message_id FROM contact_emails e
           JOIN messages m ON m.id = e.message_rowid ORDER BY m.message_id""")]


def test_replay_of_an_mbox_fills_once_and_a_second_run_changes_nothing(
    run: Callable[..., Result], db: Store, tmp_path: Path
) -> None:
    """Every message is logged and read as live mail would be; running it again finds each one
    stored and logs nothing twice; replayed mail recommends no tasks."""
    box = write_mbox(tmp_path / "ann.mbox", messages())
    result = run("replay", str(box), "--user", USER)
    assert "replayed 3 of 3 message(s) (mbox): 3 processed" in result.output
    bob = db.contact(CONTACT)["properties"]
    assert bob["phone"]["value"] == "+49301234567"  # the first reply fills
    assert bob["job_title"]["value"] == "Buyer"  # a user's value is never overwritten
    assert db.existing_contacts([OTHER]) == {OTHER}  # outbound logging created Cy
    assert logged(db) == [(OTHER, "<out1@us.example>"), (CONTACT, "<r1@acme.example>"),
                          (CONTACT, "<r2@acme.example>")]
    assert db.tasks() == []
    again = run("replay", str(box), "--user", USER)
    assert "3 already stored" in again.output
    assert len(logged(db)) == 3 and db.counts()["received"] == 3


def test_live_mail_is_not_replayed_again(run: Callable[..., Result], db: Store, tmp_path: Path) -> None:
    """A message the LMTP listener already stored for the user is skipped by a replay."""
    raw = reply("<r1@acme.example>")
    db.insert_received([Received(raw, "<r1@acme.example>", USER, "lmtp", CONTACT, (USER,), None)])
    out = run("replay", str(write_mbox(tmp_path / "a.mbox", [raw])), "--user", USER).output
    assert "1 already stored" in out
    assert db.counts()["pending"] == 1  # still the live worker's to process


def test_maildir_and_eml_folders_are_read_oldest_first(tmp_path: Path) -> None:
    """A Maildir (cur/new) is read in key order (keys start with the delivery time); a folder
    of .eml files is read in path order, subfolders too, other files ignored."""
    maildir = mailbox.Maildir(tmp_path / "Maildir", create=True)
    for raw in messages():
        maildir.add(raw)
    source = open_source(tmp_path / "Maildir")
    assert (source.kind, source.count) == ("maildir", 3)
    assert [raw for _, raw in source.items()] == [
        maildir.get_bytes(k) for k in sorted(maildir.iterkeys())]
    folder = tmp_path / "eml"
    (folder / "sub").mkdir(parents=True)
    (folder / "b.eml").write_bytes(messages()[1])
    (folder / "sub" / "a.eml").write_bytes(messages()[0])
    (folder / "notes.txt").write_text("not mail")
    source = open_source(folder)
    assert (source.kind, source.count) == ("eml", 2)
    assert [Path(key).name for key, _ in source.items()] == ["b.eml", "a.eml"]


@pytest.mark.parametrize(("make", "message"), [
    (lambda p: p / "missing.mbox", "no such file or folder"),
    (lambda p: (p / "x.txt").write_text("hello") and p / "x.txt", "not an mbox file"),
    (lambda p: (p / "empty").mkdir() or p / "empty", "neither a Maildir"),
])
def test_what_is_not_a_mailbox_is_a_clear_error(
    run: Callable[..., Result], db: Store, tmp_path: Path, make: Callable[[Path], Path], message: str
) -> None:
    """A missing path, a file that is not an mbox, a folder without mail: one line, exit 1."""
    result = run("replay", str(make(tmp_path)), "--user", USER, ok=False)
    assert result.exit_code == 1 and message in result.output


def test_unknown_user_and_automation_off_are_refused(
    run: Callable[..., Result], db: Store, tmp_path: Path
) -> None:
    """Replaying as someone who is not a user, or whose copies would not be read, is refused."""
    box = str(write_mbox(tmp_path / "a.mbox", messages()))
    assert "no user nobody@us.example" in run("replay", box, "--user", "nobody@us.example",
                                              ok=False).output
    db.set_user(USER, inbox_automation=False)
    refused = run("replay", box, "--user", USER, ok=False)
    assert refused.exit_code == 1 and "inbox automation off" in refused.output
    assert db.counts()["received"] == 0


def test_dry_run_prints_a_diff_per_contact_and_changes_nothing(
    run: Callable[..., Result], db: Store, tmp_path: Path
) -> None:
    """--dry-run shows what would be filled (+), created and suggested, and stores nothing."""
    box = write_mbox(tmp_path / "ann.mbox", messages())
    out = run("replay", str(box), "--user", USER, "--dry-run").output
    lines = out.splitlines()
    start = lines.index(f"--- {CONTACT} (now)")
    bob = lines[start:lines.index(f"--- {OTHER} (new contact)")]
    assert "+phone: +49301234567" in bob and " job_title: Buyer" in bob
    assert "? suggested job_title: 'Buyer' -> 'Sales Director'" in bob
    assert "dry run, nothing changed: replayed 3 of 3 message(s) (mbox): 3 processed" in out
    assert db.counts()["received"] == 0 and db.existing_contacts([OTHER]) == set()
    assert db.contact(CONTACT)["properties"]["phone"]["value"] is None
    assert not list(tmp_path.glob(".replay-dry-run-*"))  # the scratch copy is gone


def test_an_interrupted_replay_resumes_where_it_stopped(tmp_path: Path) -> None:
    """Stopped after the second message, the same replay again processes each message once:
    the half-done one too (left 'processing' by a kill)."""
    config = worker_config(tmp_path)
    db = Store(config.database.path)
    db.add_user(USER, None, inbox_automation=True)
    db.add_contact(CONTACT, {}, "import")
    source = open_source(write_mbox(tmp_path / "a.mbox", messages()))
    seen: list[str] = []

    def stop_after_two(result: str) -> None:
        seen.append(result)
        if len(seen) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        replay(db, Worker(config), USER, source, stop_after_two)
    # What a kill -9 in the middle of the third message leaves behind: stored and claimed.
    raw = messages()[2]
    half_done = Received(raw, "<r2@acme.example>", USER, REPLAY, None, (USER,), None)
    db.insert_received([half_done])
    assert db.claim(5) == []  # the service's worker never takes a replay's message
    stored = db.stored_copy(half_done.dedupe_key, USER)
    assert stored is not None and db.claim_replayed(stored["id"]) is not None
    tally = replay(db, Worker(config), USER, source)
    assert tally == {"already stored": 2, "processed": 1}
    rows = db._rows("SELECT message_id, status, attempts FROM messages ORDER BY id")
    assert [r["status"] for r in rows] == ["processed"] * 3
    assert len(logged(db)) == 3


def test_one_replay_at_a_time(run: Callable[..., Result], db: Store, tmp_path: Path) -> None:
    """A second replay on the same database is refused while the first holds it."""
    box = str(write_mbox(tmp_path / "a.mbox", messages()))
    with exclusive(db.path):
        busy = run("replay", box, "--user", USER, ok=False)
    assert busy.exit_code == 1 and "another `mailhook replay` is running" in busy.output
    with pytest.raises(ReplayError), exclusive(db.path), exclusive(db.path):
        pass
    link = tmp_path / "link.db"
    link.symlink_to(db.path)
    with pytest.raises(ReplayError), exclusive(db.path), exclusive(link):  # one file, one lock
        pass


def test_an_unreadable_file_stops_with_a_clear_error_and_keeps_what_was_done(tmp_path: Path) -> None:
    """A file that vanishes (or cannot be read) mid-replay ends it with a one-line error naming
    it; the messages before it stay processed, and the same replay resumes from there."""
    from mailhook.cli.replay import _run

    config = worker_config(tmp_path)
    store = Store(config.database.path)
    store.add_user(USER, None, inbox_automation=True)
    folder = tmp_path / "eml"
    folder.mkdir()
    for name, raw in (("a.eml", messages()[1]), ("b.eml", messages()[2])):
        (folder / name).write_bytes(raw)
    source = open_source(folder)
    (folder / "b.eml").unlink()  # gone between listing and reading
    with pytest.raises(click.ClickException) as stopped:
        _run(config, store, USER, source)
    assert "b.eml" in stopped.value.message and "after 1 of 2 message(s)" in stopped.value.message
    assert store.counts()["processed"] == 1
    (folder / "b.eml").write_bytes(messages()[2])
    assert replay(store, Worker(config), USER, open_source(folder)) == {
        "already stored": 1, "processed": 1}


def test_symbolic_links_are_never_followed_out_of_the_folder(
    run: Callable[..., Result], db: Store, tmp_path: Path
) -> None:
    """A link in an .eml folder (to a file or a folder) or in a Maildir's cur/ could lead
    anywhere, so replay reads only what is inside the folder: each link is skipped with a note."""
    outside = tmp_path / "elsewhere"
    (outside / "sub").mkdir(parents=True)
    (outside / "theirs.eml").write_bytes(reply("<theirs@acme.example>"))
    (outside / "sub" / "deep.eml").write_bytes(reply("<deep@acme.example>"))
    folder = tmp_path / "eml"
    folder.mkdir()
    (folder / "own.eml").write_bytes(reply("<own@acme.example>"))
    (folder / "link.eml").symlink_to(outside / "theirs.eml")
    (folder / "linked").symlink_to(outside / "sub")
    maildir = mailbox.Maildir(tmp_path / "Maildir", create=True)
    maildir.add(reply("<in-maildir@acme.example>"))
    (tmp_path / "Maildir" / "cur" / "1700000000.link.host:2,S").symlink_to(outside / "theirs.eml")
    for path, kind in ((folder, "eml"), (tmp_path / "Maildir", "maildir")):
        result = run("replay", str(path), "--user", USER)
        assert f"replayed 1 of 1 message(s) ({kind}): 1 processed" in result.output
        assert "a symbolic link, skipped" in result.output
    notes = [line for line in run("replay", str(folder), "--user", USER).output.splitlines()
             if line.startswith("note: ")]
    assert [line.split(":")[1].strip() for line in notes] == [
        str(folder / "link.eml"), str(folder / "linked")]
    stored = {r["message_id"] for r in db._rows("SELECT message_id FROM messages")}
    assert stored == {"<own@acme.example>", "<in-maildir@acme.example>"}


def test_a_message_over_max_message_size_is_skipped_and_reported(
    run: Callable[..., Result], db: Store, tmp_path: Path
) -> None:
    """What the listeners would refuse with 552 (over [smtp] or [lmtp] max_message_size) is not
    taken in by a backfill either: skipped, named in a note, counted in the summary."""
    with (tmp_path / "mailhook.toml").open("a") as config:
        config.write("[lmtp]\nmax_message_size = 4096\n")
    big = reply("<big@acme.example>", signature="Bob\n" + "x" * 80 * 60)
    box = write_mbox(tmp_path / "a.mbox", [reply("<small@acme.example>"), big])
    out = run("replay", str(box), "--user", USER).output
    assert f"note: {box}#1: " in out and "over max_message_size (4096): skipped" in out
    assert "replayed 2 of 2 message(s) (mbox): 1 processed, 1 skipped as over max_message_size" in out
    stored = {r["message_id"] for r in db._rows("SELECT message_id FROM messages")}
    assert stored == {"<small@acme.example>"}


def test_a_dry_run_stopped_by_sigterm_removes_its_scratch_copy(
    run: Callable[..., Result], db: Store, tmp_path: Path
) -> None:
    """SIGTERM (a service manager's stop, a `kill`) stops a dry run after the message in hand,
    as Ctrl-C does: it says so, and its scratch copy of the database is removed."""
    count = 300
    box = write_mbox(tmp_path / "a.mbox", [reply(f"<r{i}@acme.example>") for i in range(count)])
    command = [str(Path(sys.executable).parent / "mailhook"), "replay", str(box), "--user", USER,
               "--dry-run", "--config", str(tmp_path / "mailhook.toml")]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        copy = wait_for_scratch_copy(tmp_path, child)
        # Holding the copy's write lock keeps the dry run in the middle of its messages while the
        # signal arrives; released at once after it.
        holder = sqlite3.connect(copy, timeout=30, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        replayed = holder.execute("SELECT count(*) FROM messages").fetchone()[0]
        child.send_signal(signal.SIGTERM)
        holder.execute("ROLLBACK")
        holder.close()
        output, _ = child.communicate(timeout=60)
    finally:
        child.kill()
        child.wait()
    assert 0 < replayed < count  # the signal came in the middle of the messages
    assert "stopped by SIGTERM after" in output and f"of {count} message(s)" in output
    assert child.returncode == 1
    assert not list(tmp_path.glob(".replay-dry-run-*"))


def wait_for_scratch_copy(folder: Path, child: subprocess.Popen[str]) -> Path:
    """The dry run's copy of the database, once a replayed message is in it (bounded)."""
    deadline = time.monotonic() + 60
    while True:
        assert child.poll() is None, "the dry run ended before its copy was seen"
        assert time.monotonic() < deadline, "no scratch copy with a replayed message appeared"
        for copy in folder.glob(".replay-dry-run-*/db.sqlite"):
            with contextlib.closing(sqlite3.connect(copy, timeout=30)) as reader:
                try:
                    if reader.execute("SELECT count(*) FROM messages").fetchone()[0]:
                        return copy
                except sqlite3.OperationalError:
                    pass  # still being copied: no tables yet
        time.sleep(0.01)


def many_contacts(count: int) -> list[bytes]:
    """Per contact: Ann writes (creating the contact), then two replies with different titles;
    each contact's three messages one after the other, as a mailbox sorted by date has them."""
    raws = []
    for i in range(count):
        who = f"c{i}@firm{i}.example"
        raws.append(bytes(mail(USER, who, f"Hi,\n\noffer {i}.\n\nAnn", message_id=f"<o{i}@us.example>",
                               display="Ann Lee")))
        for n, title in enumerate(("Sales Director", "Chief Revenue Officer")):
            body = f"Hi Ann,\n\nthanks.\n\nBest regards,\nCarl Nummer{i}\n{title}\nFirm{i} GmbH\n"
            raws.append(bytes(mail(who, USER, body, message_id=f"<r{n}.{i}@firm.example>",
                                   display=f"Carl Nummer{i}")))
    return raws


def replay_db(tmp_path: Path) -> Store:
    store = Store(tmp_path / "mailhook.db")
    store.add_user(USER, None, inbox_automation=True)
    return store


def test_a_batched_replay_commits_per_group_and_reads_each_contacts_mail_in_order(
    tmp_path: Path,
) -> None:
    """More messages than one store batch: stored a batch per commit, claimed and finished a
    group per commit (far fewer commits than messages), yet each message is processed once and
    each contact's first reply is the one read, as one message at a time would do it."""
    config, store = worker_config(tmp_path), replay_db(tmp_path)
    commits: list[str] = []
    store.conn.set_trace_callback(lambda sql: commits.append(sql) if sql == "COMMIT" else None)
    box = write_mbox(tmp_path / "a.mbox", many_contacts(15))
    assert replay(store, Worker(config), USER, open_source(box)) == {"processed": 45}
    assert len(commits) < 45 / 2
    store.conn.set_trace_callback(None)
    rows = store._rows("SELECT status, attempts FROM messages")
    assert len(rows) == 45 and {(r["status"], r["attempts"]) for r in rows} == {("processed", 1)}
    titles = {c["email"]: c["job_title"] for c in store.contacts()}
    assert titles == {f"c{i}@firm{i}.example": "Sales Director" for i in range(15)}


def test_a_message_twice_in_one_batch_is_processed_once(tmp_path: Path) -> None:
    """The same bytes twice in one mailbox (and so in one stored batch): one row, processed once,
    the second copy counted as already stored."""
    config, store = worker_config(tmp_path), replay_db(tmp_path)
    raws = many_contacts(1)
    box = write_mbox(tmp_path / "a.mbox", [raws[0], raws[1], raws[1]])
    assert replay(store, Worker(config), USER, open_source(box)) == {
        "processed": 2, "already stored": 1}
    assert [r["attempts"] for r in store._rows("SELECT attempts FROM messages")] == [1, 1]
    assert logged(store) == [("c0@firm0.example", "<o0@us.example>"),
                             ("c0@firm0.example", "<r0.0@firm.example>")]


def interrupting(after: int) -> Callable[[Block], list[Candidate]]:
    """A finder that is Ctrl-C on the `after`-th signature it reads."""
    seen: list[Block] = []

    def find(block: Block) -> list[Candidate]:
        seen.append(block)
        if len(seen) == after:
            raise KeyboardInterrupt
        return []

    return find


def test_ctrl_c_inside_a_group_leaves_none_of_it_half_stored(tmp_path: Path) -> None:
    """Ctrl-C while a group is read: the groups before it are applied whole, none of its
    outcomes is (no log entry, no filled field), and the same replay then processes each
    message once."""
    config, store = worker_config(tmp_path), replay_db(tmp_path)
    box = write_mbox(tmp_path / "a.mbox", many_contacts(15))
    stopped = Worker(config, finders=(*DEFAULT_FINDERS, interrupting(after=3)))
    with pytest.raises(KeyboardInterrupt):
        replay(store, stopped, USER, open_source(box))
    rows = store._rows("SELECT id, status FROM messages ORDER BY id")
    assert {r["status"] for r in rows} == {"processed", "processing", "pending"}
    unfinished = [r["id"] for r in rows if r["status"] != "processed"]
    assert store._rows(f"SELECT * FROM contact_emails WHERE message_rowid IN "
                       f"({','.join(map(str, unfinished))})") == []
    done = len(rows) - len(unfinished)
    assert replay(store, Worker(config), USER, open_source(box)) == {
        "processed": 45 - done, "already stored": done}
    rows = store._rows("SELECT status FROM messages")
    assert {r["status"] for r in rows} == {"processed"} and len(logged(store)) == 45
    titles = {c["email"]: c["job_title"] for c in store.contacts()}
    assert titles == {f"c{i}@firm{i}.example": "Sales Director" for i in range(15)}
