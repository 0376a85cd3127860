"""Several worker processes on one real SQLite file: every message processed exactly once, each
contact's mail in order, a killed child's message processed again by another, the same work as
one process does."""

from __future__ import annotations

import dataclasses
import mailbox
import os
import signal
import threading
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from dkimstub import new_key, signed
from mails import FORWARDING, USER, deliver, mail, worker_config

from mailhook.cli import main
from mailhook.config import Config, DkimConfig
from mailhook.store import Store
from mailhook.store.claims import choose, parties
from mailhook.worker import pool
from mailhook.worker.children import die_with
from mailhook.worker.processing import Worker
from mailhook.worker.replay import open_source, replay


def contact(i: int) -> str:
    return f"c{i}@firm{i}.example"


def signature(i: int, title: str) -> str:
    return f"Best regards,\nCarl Nummer{i}\n{title}\nFirm{i} GmbH\nTel: +49 30 55501{i:02d}\n"


def mailbox_of(contacts: int) -> list[bytes]:
    """Per contact, one after the other: Ann writes first (which creates the contact), then two
    replies with different titles. One process reads the first reply and skips the second
    (first-reply policy); a reply read beside Ann's mail would find no contact yet, two replies
    read side by side would both be scanned."""
    raws = []
    for i in range(contacts):
        raws.append(bytes(mail(USER, contact(i), f"Hi,\n\nthe offer no. {i}.\n\nAnn",
                               message_id=f"<out{i}@us.example>", display="Ann Lee")))
        for n, title in enumerate(("Sales Director", "Chief Revenue Officer")):
            body = f"Hi Ann,\n\nthanks for offer {i}.\n\n{signature(i, title)}"
            raws.append(bytes(mail(contact(i), USER, body, message_id=f"<r{n}.{i}@firm.example>",
                                   display=f"Carl Nummer{i}")))
    return raws


def with_processes(config: Config, processes: int) -> Config:
    return dataclasses.replace(config, worker=dataclasses.replace(config.worker, processes=processes))


def queued(path: Path, raws: list[bytes]) -> Store:
    store = Store(path)
    if not store.users():
        store.add_user(USER, None, inbox_automation=True)
    for raw in raws:
        deliver(store, raw, mail_from=None)
    return store


def work_done(store: Store) -> dict[str, Any]:
    """What processing decided, per message and per contact (ids and times left out)."""
    rows = store._rows("""SELECT message_id, status, attempts, direction, contact_email, scanned,
                          skip_reason FROM messages ORDER BY message_id""")
    contacts = {c["email"]: {k: v for k, v in c.items() if not k.endswith("_at")}
                for c in store.contacts()}
    return {"messages": rows, "contacts": contacts}


def test_a_contacts_mail_waits_for_the_mail_before_it_and_a_barrier_for_everything() -> None:
    """claims.choose hands out, in order, only messages no earlier or busy one shares an
    outside address with; one with none (team mail, a forward) waits for all, all for it."""
    a, b, c = frozenset({"a@x.example"}), frozenset({"b@x.example"}), frozenset({"c@x.example"})
    outside = {1: a, 2: a | b, 3: c, 4: b, 5: frozenset(), 6: c}
    assert choose([1, 2, 3, 4, 5, 6], [], outside, 10) == [1, 3]
    assert choose([2, 3, 4, 5, 6], [1], outside, 10) == [3]
    assert choose([2, 4, 5, 6], [], outside, 1) == [2]
    assert choose([5, 6], [], outside, 10) == [5]
    assert choose([5, 6], [3], outside, 10) == []
    assert choose([6], [5], outside, 10) == []


def test_a_message_tried_before_is_claimed_only_by_itself() -> None:
    """A process that died holding a group charged each of its messages: one tried before
    starts a claim alone, or ends the group before it, and still holds back its contact's mail."""
    a, b, c = frozenset({"a@x.example"}), frozenset({"b@x.example"}), frozenset({"c@x.example"})
    outside = {1: a, 2: b, 3: c, 4: a}
    assert choose([1, 2, 3, 4], [], outside, 10, alone={1}) == [1]
    assert choose([1, 2, 3, 4], [], outside, 10, alone={2}) == [1]
    assert choose([2, 3, 4], [1], outside, 10, alone={2}) == [2]
    assert choose([1, 3, 4], [], outside, 10, alone={4}) == [1, 3]


def test_the_outside_addresses_are_read_from_the_header_block() -> None:
    raw = bytes(mail(contact(1), f"{USER}, Dee <dee@firm1.example>", "Hi", message_id="<p@x>"))
    assert parties(raw) == {contact(1), USER, "dee@firm1.example"}


def test_several_processes_drain_one_queue_processing_every_message_exactly_once(
    tmp_path: Path,
) -> None:
    """Three children claim from one SQLite file at once: each message is claimed once (one
    attempt), by a child, and every one is processed."""
    config = with_processes(worker_config(tmp_path), 3)
    store = queued(config.database.path, mailbox_of(12))
    assert pool.drain(config, 3) == 36
    rows = store._rows("SELECT status, attempts, claimed_by FROM messages")
    assert {(r["status"], r["attempts"]) for r in rows} == {("processed", 1)}
    assert os.getpid() not in {r["claimed_by"] for r in rows}


def killed_once(config: Config, reader: Connection, reports: Connection, parent: int,
                level: int, *extra: object) -> None:
    """The first child to start claims a message and is killed (SIGKILL) in its middle; every
    other child (the replacement too) is a real worker."""
    try:
        marker = os.open(config.database.path.with_name("killed"), os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        main_of = pool._replay_main if extra == ("replay",) else pool._drain_main
        return main_of(config, reader, reports, parent, level)
    die_with(parent)
    store = Store(config.database.path)
    # A replay child is handed a group and claims all of it, as the real one does.
    items = store.claim_replayed_many(reader.recv()) if extra == ("replay",) else store.claim(1)
    assert items
    os.write(marker, " ".join([str(os.getpid()), *(item.message_id or "" for item in items)]).encode())
    os.close(marker)
    os.kill(os.getpid(), signal.SIGKILL)


def replay_killed_once(*args: Any) -> None:
    killed_once(*args, "replay")


def killed_messages(config: Config) -> tuple[list[str], int]:
    """The Message-IDs the killed child had claimed, and its pid."""
    pid, *message_ids = config.database.path.with_name("killed").read_text().split()
    return message_ids, int(pid)


def test_a_child_killed_mid_message_has_it_processed_again_by_another(tmp_path: Path) -> None:
    """SIGKILL in the middle of a message: its claim is charged one attempt, due again at once,
    and another child processes it; nothing else is touched twice."""
    config = with_processes(worker_config(tmp_path), 2)
    store = queued(config.database.path, mailbox_of(4))
    assert pool.drain(config, 2, target=killed_once) == 12  # the killed attempt is no run
    [message_id], dead = killed_messages(config)
    rows = {r["message_id"]: r for r in store._rows(
        "SELECT message_id, status, attempts, claimed_by FROM messages")}
    assert {r["status"] for r in rows.values()} == {"processed"}
    assert rows[message_id]["attempts"] == 2 and rows[message_id]["claimed_by"] != dead
    assert [r["attempts"] for m, r in rows.items() if m != message_id] == [1] * 11


def test_a_replay_child_killed_mid_message_has_it_processed_again(tmp_path: Path) -> None:
    """The same in a replay: the parent hands the killed child's group out again once the
    charge is in, each of its messages alone; no other message is claimed twice."""
    config = with_processes(worker_config(tmp_path), 2)
    store = queued(config.database.path, [])
    box = write_mbox(tmp_path / "ann.mbox", mailbox_of(3))
    tally = pool.replay(config, store, USER, open_source(box), 2,
                        target=replay_killed_once)
    assert tally == {"processed": 9}
    killed, dead = killed_messages(config)
    rows = {r["message_id"]: r for r in store._rows(
        "SELECT message_id, status, attempts, claimed_by FROM messages")}
    assert {r["status"] for r in rows.values()} == {"processed"}
    assert all(rows[m]["attempts"] == 2 and rows[m]["claimed_by"] != dead for m in killed)
    assert [r["attempts"] for m, r in rows.items() if m not in killed] == [1] * (9 - len(killed))


def write_mbox(path: Path, raws: list[bytes]) -> Path:
    box = mailbox.mbox(path)
    for raw in raws:
        box.add(raw)
    box.flush()
    box.close()
    return path


def cli(folder: Path, processes: int, *args: str) -> Store:
    """Run `mailhook ARGS` on folder/db.sqlite with [worker] processes = `processes`."""
    config = folder / "mailhook.toml"
    config.write_text(
        f'[database]\npath = "{folder / "db.sqlite"}"\n[addresses]\nforwarding = ["{FORWARDING}"]\n'
        f'[dkim]\npolicy = "off"\n[extract]\ntagger = "off"\n[worker]\nprocesses = {processes}\n')
    store = queued(folder / "db.sqlite", [])
    result = CliRunner().invoke(main, [*args, "--config", str(config)])
    assert result.exit_code == 0, result.output
    return store


def test_mailhook_process_with_two_processes_does_the_work_of_one(tmp_path: Path) -> None:
    """Same mail, same outcome: each reply finds its contact created, the first one scanned
    and the second skipped, whichever process read it."""
    done = []
    for processes in (1, 2):
        folder = tmp_path / f"p{processes}"
        folder.mkdir()
        queued(folder / "db.sqlite", mailbox_of(6))
        done.append(work_done(cli(folder, processes, "process")))
    assert done[0] == done[1]
    skips = [r["skip_reason"] for r in done[0]["messages"] if r["direction"] == "inbound"]
    assert skips.count(None) == 6 and skips.count("an earlier reply of this contact was scanned") == 6


def test_mailhook_replay_with_two_processes_does_the_work_of_one(tmp_path: Path) -> None:
    box = write_mbox(tmp_path / "ann.mbox", mailbox_of(6))
    done = []
    for processes in (1, 2):
        folder = tmp_path / f"p{processes}"
        folder.mkdir()
        done.append(work_done(cli(folder, processes, "replay", str(box), "--user", USER)))
    one, two = done
    assert one == two
    assert {c: v["job_title"] for c, v in two["contacts"].items()} == {
        contact(i): "Sales Director" for i in range(6)}


POISON = "<out1@us.example>"


def dies_on_poison(config: Config, reader: Connection, reports: Connection, parent: int,
                   level: int) -> None:
    """A replay child that is killed (SIGKILL) whenever the group it claimed holds POISON, as a
    message that crashes the process it is read in would do; otherwise a real worker."""
    die_with(parent)
    store, worker = Store(config.database.path), Worker(config)
    while True:
        try:
            items = store.claim_replayed_many(reader.recv())
        except EOFError:
            return
        if any(item.message_id == POISON for item in items):
            os.kill(os.getpid(), signal.SIGKILL)
        for item, status in zip(items, worker.process_many(store, items), strict=True):
            reports.send((item.id, status))


def test_a_message_that_kills_every_child_costs_its_group_one_attempt_only(tmp_path: Path) -> None:
    """Children get groups of messages; one message kills each child that claims it. Its
    group-mates are handed out again one by one, so each is processed at its second attempt,
    while the killer is parked after [worker] max_attempts."""
    config = with_processes(worker_config(tmp_path, "[worker]\nmax_attempts = 2\n"), 2)
    store = queued(config.database.path, [])
    box = write_mbox(tmp_path / "ann.mbox", mailbox_of(4))
    tally = pool.replay(config, store, USER, open_source(box), 2, target=dies_on_poison)
    assert tally == {"processed": 11, "failed": 1}
    rows = {r["message_id"]: r for r in store._rows(
        "SELECT message_id, status, attempts FROM messages")}
    assert (rows[POISON]["status"], rows[POISON]["attempts"]) == ("failed", 2)
    others = [r for m, r in rows.items() if m != POISON]
    assert {r["status"] for r in others} == {"processed"}
    assert {r["attempts"] for r in others} == {1, 2}  # its first group-mates took a second


def test_ctrl_c_in_a_parallel_replay_leaves_every_message_whole(tmp_path: Path) -> None:
    """Ctrl-C in the parent after the first result: the children finish the groups they hold
    and stop; every message is processed whole or left to the next run, which processes each
    of the others once."""
    config = with_processes(worker_config(tmp_path), 2)
    store = queued(config.database.path, [])
    box = write_mbox(tmp_path / "ann.mbox", mailbox_of(12))

    def stop(_result: str) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        pool.replay(config, store, USER, open_source(box), 2, stop)
    rows = store._rows("SELECT id, status FROM messages")
    done = {r["id"] for r in rows if r["status"] == "processed"}
    assert done and {r["status"] for r in rows} <= {"processed", "pending", "processing"}
    logged = {r["message_rowid"] for r in store._rows("SELECT message_rowid FROM contact_emails")}
    assert logged == done  # no log entry of an unfinished message
    tally = pool.replay(config, store, USER, open_source(box), 2)
    assert tally == {"processed": 36 - len(done), "already stored": len(done)}
    assert {r["attempts"] for r in store._rows("SELECT attempts FROM messages")} == {1}


def test_the_dkim_checks_of_a_group_run_together(tmp_path: Path) -> None:
    """Four replies, each signed by its own sender's domain, read as one group: their key
    lookups are all in flight at once (a DNS table that answers only when four lookups wait
    together), so each verdict is a pass rather than a timeout."""
    base = worker_config(tmp_path)
    config = dataclasses.replace(base, dkim=DkimConfig(policy="require", dns_timeout=10.0))
    store = queued(config.database.path, [])
    key = new_key()
    together = threading.Barrier(4, timeout=10)

    def lookup(name: bytes, timeout: float = 5) -> bytes:
        together.wait()
        return key.record

    raws = []
    for i in range(4):
        store.add_contact(contact(i), {}, "import")
        body = f"Hi Ann,\n\nthanks.\n\n{signature(i, 'Sales Director')}"
        raw = bytes(mail(contact(i), USER, body, message_id=f"<s{i}@firm.example>",
                         display=f"Carl Nummer{i}"))
        raws.append(signed(raw, key, f"firm{i}.example"))
    box = write_mbox(tmp_path / "signed.mbox", raws)
    assert replay(store, Worker(config, dnsfunc=lookup), USER, open_source(box)) == {"processed": 4}
    assert {r["dkim_verdict"] for r in store._rows("SELECT dkim_verdict FROM messages")} == {"pass"}
