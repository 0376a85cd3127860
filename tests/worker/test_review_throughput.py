"""Findings of the review of the throughput commits (issue 13: claim groups, the joint read, the
shared budget, the date-word prefilter), each shown on real parts: a real SQLite file and a
second connection holding its write lock, real MIME, a real process killed with SIGKILL. Each failed
before its fix."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from mails import CONTACT, CONTACT_SIGNATURE, FORWARDING, USER, USER_SIGNATURE, deliver, mail, reply
from mails import worker_config as base_config

from mailhook.automation import intent
from mailhook.config import Config
from mailhook.store import Store
from mailhook.worker.children import charge
from mailhook.worker.processing import Worker

CARL = "carl.jung@firm.example"
CARL_SIGNATURE = "Best regards,\nCarl Jung\nHead of Purchasing\nFirm Ltd\nTel: +44 20 7946 0000\n"


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return base_config(tmp_path)


@pytest.fixture
def store(config: Config) -> Store:
    store = Store(config.database.path)
    store.add_user(USER, "Ann Lee", inbox_automation=True)
    return store


def carls_reply() -> bytes:
    body = f"Hi Ann,\n\nfine by me, we go ahead.\n\n{CARL_SIGNATURE}"
    return bytes(mail(CARL, USER, body, message_id="<c1@firm.example>", display="Carl Jung"))


def _rows(store: Store) -> list[dict[str, object]]:
    return store._rows("SELECT message_id, status, scanned, skip_reason FROM messages ORDER BY id")


def test_a_group_retried_after_a_lock_applies_no_outcome_twice(config: Config, store: Store) -> None:
    """Bob's and Carl's first replies are claimed as one group; another connection holds the
    write lock when their outcomes are to be committed. Before the fix, the joint commit gave up
    at once and each outcome was applied on its own; a lock on Carl's and on the store.fail
    recording it left process_many, and the whole group ran again: Bob's committed reply was read
    again, found its own scan and was rewritten as 'an earlier reply of this contact was
    scanned'. Now each write waits the lock out, and an outcome is applied only to a message
    still being processed: both end as their one processing made them."""
    store.add_contact(CONTACT, {}, "import")
    store.add_contact(CARL, {}, "import")
    deliver(store, reply())
    deliver(store, carls_reply(), mail_from=CARL)
    worker_store = Store(config.database.path, busy_timeout_ms=20)
    locker = sqlite3.connect(str(config.database.path), isolation_level=None)
    begins: list[str] = []

    def on_statement(sql: str) -> None:  # runs before SQLite runs the statement
        if not sql.startswith("BEGIN"):
            return
        begins.append(sql)
        if len(begins) in (2, 4):  # 1: the claim; 2: the joint commit; 4: Carl's own commit
            locker.execute("BEGIN IMMEDIATE")
        elif len(begins) == 3:  # Bob's own commit goes through
            locker.execute("ROLLBACK")

    pauses: list[float] = []

    def pause(seconds: float) -> bool:  # what patiently waits with: the lock holder is done
        pauses.append(seconds)
        worker_store.conn.set_trace_callback(None)
        if locker.in_transaction:
            locker.execute("ROLLBACK")
        return False

    worker_store.conn.set_trace_callback(on_statement)
    try:
        assert Worker(config).run_once(worker_store, pause=pause) == 2
    finally:
        worker_store.close()
        locker.close()
    assert pauses and len(begins) >= 2  # the lock really held a commit of the group back
    assert _rows(store) == [
        {"message_id": "<r1@acme.example>", "status": "processed", "scanned": 1, "skip_reason": None},
        {"message_id": "<c1@firm.example>", "status": "processed", "scanned": 1, "skip_reason": None},
    ]


def forward_copied_to_the_team() -> bytes:
    """Ann forwards Bob's mail to the hook and copies the team: the contact is in the body, the
    only outside address in the header is the team's (routing treats it as our own)."""
    body = (f"FYI, see below.\n\n{USER_SIGNATURE}\n---------- Forwarded message ---------\n"
            f"From: Bob Smith <{CONTACT}>\nDate: Mon, 2 Nov 2026 10:00:00 +0100\n"
            f"Subject: quote\nTo: Ann Lee <{USER}>\n\n"
            f"Hi Ann,\n\nthe quote works for us.\n\n{CONTACT_SIGNATURE}")
    msg = mail(USER, FORWARDING, body, message_id="<f1@us.example>", subject="Fwd: quote",
               display="Ann Lee")
    msg["Cc"] = "Sales <sales@us.example>"
    return bytes(msg)


def test_a_forward_copied_to_the_team_is_read_before_the_contacts_reply(
        config: Config, store: Store) -> None:
    """The forward about Bob came first, so it is Bob's first scanned mail and his own later
    reply is skipped (first-reply), as when one message is read at a time. In one claim group
    both are read against the state before either: both end scanned."""
    store.add_contact(CONTACT, {}, "import")
    deliver(store, forward_copied_to_the_team(), listener="smtp", recipient=FORWARDING,
            mail_from=USER)
    deliver(store, reply())
    Worker(config).drain(store)
    rows = _rows(store)
    assert [(r["message_id"], r["scanned"]) for r in rows] == [
        ("<f1@us.example>", 1), ("<r1@acme.example>", 0)]
    assert rows[1]["skip_reason"] == "an earlier reply of this contact was scanned"


# A worker process whose signature finder dies on one message (as a message that runs it out of
# memory gets it killed): the finders are Worker's injection seam, the rest is the real worker.
KILLED_BY_ONE_MESSAGE = """
import os, signal, sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from mails import worker_config
from mailhook.store import Store
from mailhook.worker.processing import Worker

def dies_on_one(block):
    if any("KILLS ITS WORKER" in line for line in block.lines):
        os.kill(os.getpid(), signal.SIGKILL)
    return []

config = worker_config(Path(sys.argv[1]), "[worker]\\nmax_attempts = 1\\n")
Worker(config, finders=(dies_on_one,)).drain(Store(config.database.path), requeue=False)
"""


def test_a_worker_killed_by_one_message_parks_no_innocent_one(tmp_path: Path) -> None:
    """With [worker] max_attempts = 1 (allowed: at least 1), a real worker process claims the
    first replies of three contacts as one group and is killed (SIGKILL) while reading the one
    that kills it; children.charge runs as the supervisor runs it. Before claim groups only the
    message being read was charged; now the two innocent ones are parked with it."""
    config = base_config(tmp_path, "[worker]\nmax_attempts = 1\n")
    store = Store(config.database.path)
    store.add_user(USER, "Ann Lee", inbox_automation=True)
    senders = [CONTACT, CARL, "dora.berg@third.example"]
    for number, sender in enumerate(senders):
        store.add_contact(sender, {}, "import")
        words = "KILLS ITS WORKER" if number == 1 else "Head of Sales"
        body = f"Hi Ann,\n\nfine, go ahead.\n\nBest regards,\nSam Berg\n{words}\nFirm Ltd\n"
        deliver(store, bytes(mail(sender, USER, body, message_id=f"<k{number}@x.example>")),
                mail_from=sender)
    tests = Path(__file__).resolve().parents[1]
    child = subprocess.run([sys.executable, "-c", KILLED_BY_ONE_MESSAGE, str(tmp_path), str(tests)],
                           capture_output=True, text=True, check=False)
    assert child.returncode == -signal.SIGKILL, child.stderr
    (pid,) = {row["claimed_by"] for row in store._rows("SELECT claimed_by FROM messages")}
    charged = dict(charge(config, pid, child.returncode))
    store.close()
    assert len(charged) == 3  # the whole group was held when it died
    assert [status for rowid, status in sorted(charged.items()) if rowid != 2] == ["pending", "pending"]


@pytest.mark.parametrize("gap", ["\u00a0", "  ", "\t"])
def test_a_due_date_with_a_non_breaking_or_double_space_is_still_found(gap: str) -> None:
    """HTML mail turned to text keeps &nbsp; as U+00A0 ('May&nbsp;5'); dateparser reads it as
    'on May 5', a hit _DATE_WORDS accepts (found before daf6327), but the gate before the search
    (due.may_name_a_day) reads the sentence itself, which has no 'may 5' with one plain space: it
    must take any run of whitespace there, or dateparser is never asked."""
    sent = datetime(2026, 4, 20, 9, 0)
    text = f"Hi Bob,\n\nI will send you the revised contract on May{gap}5.\n\nAnn"
    found = intent.detect_tasks(text, sent=sent, author_is_user=True)
    plain = intent.detect_tasks(text.replace(gap, " "), sent=sent, author_is_user=True)
    assert [t.due for t in plain.tasks] == ["2026-05-05"]
    assert [t.due for t in found.tasks] == ["2026-05-05"]

