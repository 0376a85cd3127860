"""The intake's writer process under faults (review): hung, handed a lot of mail at once,
restarted again and again. Real writer processes on real SQLite files."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

import pytest

from mailhook.errors import IntakeUnavailable
from mailhook.service.intake import Intake
from mailhook.store import Received

DEADLINE_SECONDS = 60.0  # only ever reached by a failing test


def large(n: int, size: int) -> Received:
    """A copy for ann whose body has `size` bytes (a million: more than a pipe's buffer)."""
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "carol@client.example", "ann@example.com", f"M{n}"
    msg["Message-ID"] = f"<{n}@client.example>"
    msg.set_content(f"Body {n}\n" + "x" * size + "\n", cte="7bit")
    return Received(raw=msg.as_bytes(policy=SMTP), message_id=f"<{n}@client.example>",
                    recipient="ann@example.com", listener="lmtp", mail_from="carol@client.example",
                    recipients=("ann@example.com",), peer="127.0.0.1:9")


def received(n: int) -> Received:
    return large(n, 0)


def stored_keys(db_path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT dedupe_key, recipient FROM messages ORDER BY id").fetchall()


@contextlib.contextmanager
def stopped(intake: Intake) -> Iterator[int]:
    """The intake's writer process stopped (SIGSTOP: a hung disk, a debugger); killed at the end
    whatever happened, so a failing test cannot leave the intake waiting on it."""
    assert intake._writer is not None
    pid = intake._writer.process.pid
    assert pid is not None
    os.kill(pid, signal.SIGSTOP)
    try:
        yield pid
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


@pytest.mark.parametrize("size", [0, 1_000_000])
def test_a_hung_writer_is_killed_its_batch_deferred_and_a_new_one_stores(
        db_path: Path, size: int) -> None:
    """A writer that stops answering (stopped before it read the batch; a large one fills the
    pipe, so the send itself blocks) is killed after writer_timeout: its callers are answered
    451 (IntakeUnavailable) instead of waiting for ever, and their retry goes to a new writer.
    It hung every DATA, and the service's stop, for good."""
    intake = Intake(db_path, writer_timeout=1.0)
    try:
        with stopped(intake) as pid:

            async def scenario() -> list[bool]:
                with pytest.raises(IntakeUnavailable):
                    await asyncio.wait_for(intake.store([large(1, size)]), DEADLINE_SECONDS)
                return await asyncio.wait_for(intake.store([large(1, size)]), DEADLINE_SECONDS)

            assert asyncio.run(scenario()) == [True]
            assert intake._writer is not None and intake._writer.process.pid != pid
    finally:
        intake.close()
    assert stored_keys(db_path) == [(large(1, size).dedupe_key, "ann@example.com")]


def test_close_with_a_hung_writer_ends(db_path: Path) -> None:
    """close() while the writer hangs with a job: the job is deferred and close() returns."""
    intake = Intake(db_path, writer_timeout=1.0)
    with stopped(intake):

        async def scenario() -> None:
            job = asyncio.create_task(intake.store([received(1)]))
            await asyncio.sleep(0)
            await asyncio.wait_for(asyncio.to_thread(intake.close), DEADLINE_SECONDS)
            with pytest.raises(IntakeUnavailable):
                await job

        asyncio.run(scenario())


def test_a_batch_carries_a_bounded_amount_of_mail(db_path: Path) -> None:
    """Many large messages queued at once are sent in several batches of at most
    max_batch_bytes, not one: each batch is pickled, piped and unpickled whole (four copies of
    it in memory across the two processes, 25 MB a message, 256 of them a batch)."""
    commits: list[int] = []
    intake = Intake(db_path, on_stored=lambda _new: commits.append(1))
    holder = sqlite3.connect(db_path, isolation_level=None)

    async def scenario() -> list[list[bool]]:
        holder.execute("BEGIN IMMEDIATE")  # the first batch waits: everything else queues
        tasks = [asyncio.create_task(intake.store([large(n, 4_000_000)])) for n in range(24)]
        await asyncio.sleep(0)
        holder.execute("ROLLBACK")
        return await asyncio.gather(*tasks)

    try:
        assert asyncio.run(scenario()) == [[True]] * 24
    finally:
        holder.close()
        intake.close()
    assert len(commits) >= 3  # 96 MB: more than one batch after the first


def test_restarted_writers_leave_no_descriptors_behind(db_path: Path) -> None:
    """Each killed writer's pipe and process descriptors are closed when a new one starts."""
    intake = Intake(db_path)

    def kill_writer() -> None:
        assert intake._writer is not None
        os.kill(intake._writer.process.pid or 0, signal.SIGKILL)
        intake._writer.process.join()

    async def round_trip(n: int) -> None:
        kill_writer()
        with pytest.raises(IntakeUnavailable):
            await intake.store([received(n)])
        assert await intake.store([received(n)]) == [True]

    try:
        asyncio.run(round_trip(0))
        before = len(os.listdir("/proc/self/fd"))
        for n in range(1, 6):
            asyncio.run(round_trip(n))
        after = len(os.listdir("/proc/self/fd"))
    finally:
        intake.close()
    assert after <= before


OUT_OF_DESCRIPTORS = """
import asyncio, os, resource, signal, sys
from test_intake_writer import received
from mailhook.service.intake import Intake

intake = Intake(sys.argv[1])
writer = intake._writer
os.kill(writer.process.pid, signal.SIGKILL)
writer.process.join()

async def attempts():
    answers = []
    try:
        await intake.store([received(0)])  # the dead writer: deferred, and it is gone
    except Exception as exc:
        answers = [type(exc).__name__]
    before = len(os.listdir("/proc/self/fd"))
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (before + 3, hard))  # a pipe, not a process
    try:
        for _ in range(3):
            try:
                await intake.store([received(0)])
            except Exception as exc:
                answers.append(type(exc).__name__)
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    print(answers, len(os.listdir("/proc/self/fd")) - before)

asyncio.run(attempts())
intake.close()
"""


def test_a_writer_that_cannot_start_leaves_no_descriptors_behind(db_path: Path) -> None:
    """Out of file descriptors (many connections): a new writer's pipe is made but its process
    cannot start; the store is deferred and the pipe's two ends are closed, not left to make
    the shortage worse at every batch."""
    done = subprocess.run([sys.executable, "-c", OUT_OF_DESCRIPTORS, str(db_path)],
                          capture_output=True, text=True, timeout=DEADLINE_SECONDS,
                          cwd=Path(__file__).parent)
    assert done.returncode == 0, done.stderr
    answers, leaked = done.stdout.rsplit(" ", 1)
    assert answers == str(["IntakeUnavailable"] * 4)
    assert int(leaked) == 0, done.stderr[-2000:]
