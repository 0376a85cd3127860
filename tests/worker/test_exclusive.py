"""The workers lock of a database (worker.exclusive), held by real processes on real files: one
holder per database file however its path is spelt, a fresh data folder, a lock that cannot be
opened said in one line."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from mailhook.cli import main
from mailhook.errors import MailhookError
from mailhook.worker import exclusive

DEADLINE_SECONDS = 60.0
HOLD = """
import sys
from pathlib import Path
from mailhook.worker import exclusive
with exclusive.processing(Path(sys.argv[1]), "mailhook worker"):
    print("held", flush=True)
    sys.stdin.read()
"""


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the workers lock of tmp_path/real/mailhook.db until the test ends."""
    (tmp_path / "real").mkdir()
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(tmp_path / "real" / "mailhook.db")],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline() == "held\n"
    yield proc
    assert proc.stdin is not None
    proc.stdin.close()
    proc.wait(DEADLINE_SECONDS)


def test_a_symlink_to_the_database_is_the_same_lock(tmp_path: Path,
                                                    holder: subprocess.Popen[str]) -> None:
    """A second spelling of one database file (a symlink to it) is refused while the first
    holds the lock, naming it: two workers on one file would take back each other's claims."""
    link = tmp_path / "link.db"
    link.symlink_to(tmp_path / "real" / "mailhook.db")
    taken = rf"mailhook worker \(pid {holder.pid}\)"
    with pytest.raises(exclusive.ProcessingTaken, match=taken), exclusive.processing(link, "x"):
        pass


def test_the_refusal_says_what_the_refused_one_can_do(holder: subprocess.Popen[str],
                                                      tmp_path: Path) -> None:
    """A refused serve may run its listeners alone; a refused process or worker has no
    listeners to run (it said so to them too), so it is told to stop the holder first."""
    db = tmp_path / "real" / "mailhook.db"
    with pytest.raises(exclusive.ProcessingTaken, match="--no-worker"), exclusive.processing(
            db, "mailhook serve"):
        pass
    with pytest.raises(exclusive.ProcessingTaken) as refused, exclusive.processing(
            db, "mailhook process"):
        pass
    assert str(refused.value).endswith("one process may: stop it first")


def test_a_relative_path_to_the_database_is_the_same_lock(
        tmp_path: Path, holder: subprocess.Popen[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The database named relative to the working folder, through a symlinked folder."""
    (tmp_path / "alias").symlink_to(tmp_path / "real")
    monkeypatch.chdir(tmp_path / "alias")
    with pytest.raises(exclusive.ProcessingTaken), exclusive.processing(Path("mailhook.db"), "x"):
        pass


def test_the_lock_is_free_again_once_its_holder_ends(tmp_path: Path) -> None:
    """Held and released in turn by one process, then taken by the next."""
    db = tmp_path / "mailhook.db"
    with exclusive.processing(db, "mailhook process"):
        assert "mailhook process (pid" in exclusive.lock_path(db).read_text()
    with exclusive.processing(db, "mailhook worker"):
        pass


def test_a_database_in_a_folder_not_made_yet_is_locked_in_it(tmp_path: Path) -> None:
    """A first start on a fresh data folder: the store makes the folder, so the lock must not
    fail first (it raised FileNotFoundError, a traceback from serve, worker and process)."""
    db = tmp_path / "data" / "sub" / "mailhook.db"
    with exclusive.processing(db, "mailhook process"):
        assert exclusive.lock_path(db).exists()


def test_process_on_a_fresh_data_folder_runs(tmp_path: Path) -> None:
    """`mailhook process` on a configuration whose database folder does not exist yet."""
    config = tmp_path / "mailhook.toml"
    config.write_text(f'[database]\npath = "{tmp_path / "new" / "mailhook.db"}"\n'
                      '[extract]\ntagger = "off"\n[worker]\nprocesses = 1\n')
    result = CliRunner().invoke(main, ["process", "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert "processed 0 message(s)" in result.output


def test_a_lock_that_cannot_be_opened_is_one_error_naming_it(tmp_path: Path) -> None:
    """Something in the lock's place that cannot be opened for writing (here a folder; a file
    another user made, or a read-only folder, alike) is a MailhookError naming the path, so the
    commands print one Error line instead of a traceback."""
    db = tmp_path / "mailhook.db"
    exclusive.lock_path(db).mkdir()
    named = r"cannot open the workers lock .*mailhook\.db\.workers-lock"
    with pytest.raises(MailhookError, match=named), exclusive.processing(db, "mailhook serve"):
        pass
