"""`mailhook replay`'s rate is messages per second of wall time since it started, on the bar and
in its final line (not the speed of the last burst after a slow start-up)."""

from __future__ import annotations

import mailbox
import re
from pathlib import Path

from click.testing import CliRunner
from mails import CONTACT, USER, reply
from rich.console import Console
from rich.progress import Progress

from mailhook.cli import main
from mailhook.cli.replay import RateColumn
from mailhook.store import Store


class Clock:
    """A clock the test moves by hand (rich's Progress takes one: `get_time`)."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_rate_counts_the_start_up() -> None:
    """44 messages that took 10.2 s, 9.9 s of it starting up, read 4.3 msg/s, not the 146 msg/s
    of the final 0.3 s."""
    clock = Clock()
    progress = Progress(get_time=clock, console=Console(file=None, quiet=True))
    task_id = progress.add_task("replay", total=44)
    clock.now = 9.9  # spawning workers, loading the tagger: nothing done yet
    for _ in range(44):
        clock.now += 0.3 / 44
        progress.advance(task_id)
    (task,) = progress.tasks
    assert task.finished
    clock.now = 60.0  # the bar is drawn again later: a finished run's rate stays as it was
    assert RateColumn().render(task).plain == "4.3 msg/s"


def test_rate_before_anything_is_done_is_a_dash() -> None:
    clock = Clock()
    progress = Progress(get_time=clock, console=Console(file=None, quiet=True))
    task_id = progress.add_task("replay", total=3)
    clock.now = 2.0
    assert RateColumn().render(progress.tasks[task_id]).plain == "- msg/s"


def test_final_line_says_how_many_in_how_long(tmp_path: Path) -> None:
    """A real replay's last line ends with 'N messages in S s (R msg/s)', R being N / S."""
    db = tmp_path / "mailhook.db"
    store = Store(db)
    store.add_user(USER, "Ann Lee", inbox_automation=True)
    store.add_contact(CONTACT, {}, "user")
    store.close()
    box = mailbox.mbox(tmp_path / "ann.mbox")
    for number in range(3):
        box.add(reply(f"<r{number}@acme.example>"))
    box.flush()
    box.close()
    config = tmp_path / "mailhook.toml"
    config.write_text(f'[database]\npath = "{db}"\n[dkim]\npolicy = "off"\n'
                      '[extract]\ntagger = "off"\n[worker]\nprocesses = 1\n')
    result = CliRunner().invoke(main, ["replay", str(tmp_path / "ann.mbox"), "--user", USER,
                                       "--config", str(config)])
    assert result.exit_code == 0, result.output
    last = result.stdout.strip().splitlines()[-1]
    found = re.search(r"^replayed 3 of 3 message\(s\) \(mbox\): 3 processed; "
                      r"3 messages in (\d+\.\d) s \((\d+\.\d|-) msg/s\)$", last)
    assert found, last
    seconds, rate = float(found[1]), found[2]
    if seconds >= 0.1:  # the shown seconds are rounded to 0.05 s either way
        assert 3 / (seconds + 0.05) - 0.05 <= float(rate) <= 3 / (seconds - 0.05) + 0.05
