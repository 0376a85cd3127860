"""The `mailhook replay` command: backfill from a mailbox, with progress, dry run and resumption."""

from __future__ import annotations

import signal
import tempfile
import threading
from collections import Counter
from pathlib import Path

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from mailhook.cli.options import open_store, with_config
from mailhook.config import Config
from mailhook.store import Store
from mailhook.worker import pool
from mailhook.worker.replay import (
    ALREADY,
    TOO_LARGE,
    Source,
    contact_diffs,
    copy_database,
    exclusive,
    open_source,
    replay,
    size_limit,
)


def elapsed(task: Task) -> float:
    """Wall-clock seconds since the replay's bar started (frozen once every message is done)."""
    return (task.finished_time if task.finished else task.elapsed) or 0.0


def per_second(count: float, seconds: float) -> float | None:
    return count / seconds if seconds > 0 else None


class RateColumn(ProgressColumn):
    """Messages per second of wall time since the replay started. Not rich's own speed: that is
    measured over its last samples, so a run whose start-up (spawning workers, loading the
    tagger) took most of the time showed the speed of its final burst (155.9 msg/s for 44
    messages in 10 s)."""

    def render(self, task: Task) -> Text:
        rate = per_second(task.completed, elapsed(task))
        return Text(f"{rate:.1f} msg/s" if rate else "- msg/s", style="progress.data.speed")


@click.command("replay")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--user", "user_email", required=True,
              help="The user whose mail this is (an inbox or a sent folder of theirs).")
@click.option("--dry-run", is_flag=True,
              help="Change nothing: print, per contact, the diff the replay would make.")
@with_config
def replay_command(config: Config, path: Path, user_email: str, dry_run: bool) -> None:
    """Run mail a user already has (mbox, Maildir or a folder of .eml files) through the pipeline.

    Never run implicitly. Each message is stored as a copy for USER and processed at once; one
    stored before (live or by an earlier replay) is skipped, so an interrupted replay resumes
    when the same command is run again. Replayed mail recommends no follow-up tasks.
    """
    if dry_run and config.database.url:
        raise click.ClickException("--dry-run replays into a copy of an SQLite file; with "
                                   "[database] url it is not available")
    store = open_store(config)
    user = store.get_user(user_email)
    if not user.inbox_automation:
        raise click.ClickException(
            f"{user.email} has inbox automation off, so copies of their mail are not read; turn it "
            f"on first: mailhook users set {user.email} --inbox-automation on")
    if not user.fill_contact_details:
        click.echo(f"note: fill contact details is off for {user.email}: mail is logged, not read",
                   err=True)
    source = open_source(path)
    for note in source.notes:
        click.echo(f"note: {note}", err=True)
    # SIGTERM (a service manager's stop, a kill) ends a replay after the message in hand, as
    # Ctrl-C does (the same command resumes), and a dry run's scratch copy is removed. A flag,
    # not an exception raised wherever the signal lands: langdetect, for one, swallows those.
    terminated = threading.Event()
    previous = signal.signal(signal.SIGTERM, lambda _signum, _frame: terminated.set())
    try:
        with exclusive(config.database.target):
            if dry_run:
                _dry_run(config, store, user.email, source, terminated)
            else:
                tally, seconds = _run(config, store, user.email, source,
                                      max_size=size_limit(config), terminated=terminated)
                click.echo(_summary(tally, source, seconds))
    finally:
        signal.signal(signal.SIGTERM, previous)


class _Terminated(Exception):
    """SIGTERM arrived: the replay stops between two messages."""


def _run(config: Config, store: Store, user: str, source: Source, *, max_size: int | None = None,
         terminated: threading.Event | None = None) -> tuple[Counter[str], float]:
    """The replay with a progress bar: in this process, or with [worker] processes children.
    Returns the tally and the wall-clock seconds it took, start-up included."""
    processes = config.worker.process_count
    worker = None
    if processes == 1:  # in this process; with children, only they load the pipeline
        from mailhook.worker.processing import Worker

        worker = Worker(config)
    console = Console(stderr=True)
    columns = (TextColumn("replay"), BarColumn(), MofNCompleteColumn(), RateColumn(),
               TextColumn("eta"), TimeRemainingColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console) as progress:
        task = progress.add_task("replay", total=source.count)

        def advance(_result: str) -> None:
            progress.advance(task)
            if terminated is not None and terminated.is_set():
                raise _Terminated

        try:
            def note(text: str) -> None:
                progress.console.print(f"note: {text}", markup=False, highlight=False)

            if worker is None:
                tally = pool.replay(config, store, user, source, processes, advance,
                                    max_size=max_size, on_note=note)
            else:
                tally = replay(store, worker, user, source, advance, max_size=max_size,
                               on_note=note)
            return tally, elapsed(progress.tasks[0])
        except (KeyboardInterrupt, _Terminated, OSError) as exc:
            progress.stop()
            done = int(progress.tasks[0].completed)
            why = ("interrupted" if isinstance(exc, KeyboardInterrupt) else "stopped by SIGTERM"
                   if isinstance(exc, _Terminated) else f"stopped ({exc})")
            raise click.ClickException(
                f"{why} after {done} of {source.count} message(s); run the same command again "
                "to resume") from None
        finally:
            if worker is not None:
                worker.close()


def _dry_run(config: Config, store: Store, user: str, source: Source,
             terminated: threading.Event) -> None:
    """Replay into a copy of the database, then diff the copy's contacts against the real ones."""
    db = config.database.path
    with tempfile.TemporaryDirectory(dir=db.parent, prefix=".replay-dry-run-") as scratch:
        copy_path = Path(scratch) / db.name
        copy_database(db, copy_path)
        copy = Store(copy_path)
        try:
            tally, seconds = _run(config, copy, user, source, max_size=size_limit(config),
                                  terminated=terminated)
            before = {c["email"]: c for c in store.contacts()}
            after = {c["email"]: c for c in copy.contacts()}
            known = {s.id for s in store.suggestions()}
            suggested: dict[str, list[str]] = {}
            for s in copy.suggestions():
                if s.id not in known:
                    held = repr(s.current_value) if s.current_value is not None else "(empty)"
                    suggested.setdefault(s.contact_email, []).append(
                        f"suggested {s.property}: {held} -> {s.value!r}")
        finally:
            copy.close()
    for line in contact_diffs(before, after, suggested):
        click.echo(line)
    click.echo(f"dry run, nothing changed: {_summary(tally, source, seconds)}")


def _summary(tally: Counter[str], source: Source, seconds: float) -> str:
    """What became of the messages, then how many in how long, start-up included:
    '...; 44 messages in 10.2 s (4.3 msg/s)'."""
    names = {"pending": "to retry (run again)", "failed": "failed (see `mailhook status`)",
             TOO_LARGE: f"skipped as {TOO_LARGE}"}
    parts = [f"{tally[k]} {names.get(k, k)}"
             for k in ("processed", "pending", "failed", ALREADY, TOO_LARGE) if tally[k]]
    done = sum(tally.values())
    rate = per_second(done, seconds)
    return (f"replayed {done} of {source.count} message(s) ({source.kind}): "
            + (", ".join(parts) or "nothing to do")
            + f"; {done} message{'' if done == 1 else 's'} in {seconds:.1f} s "
            f"({f'{rate:.1f}' if rate else '-'} msg/s)")
