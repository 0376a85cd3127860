"""The scripts/ wrappers run from another directory, as a user in their own folder runs them."""

from __future__ import annotations

import csv
import subprocess
from pathlib import Path

import pytest

from mailhook.rules.fill import Candidate
from mailhook.store import Outcome, Received, Store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def filled_config(tmp_path: Path) -> Path:
    """A config (absolute database path) whose database holds one value the AI filled."""
    db = tmp_path / "db" / "mailhook.db"
    db.parent.mkdir()
    store = Store(db)
    store.add_contact("bob@them.example", {}, "import")
    store.insert_received([Received(b"x", "<m1@x>", "ann@us.example", "lmtp", None, (), None)])
    (item,) = store.claim(1)
    store.finish(item.id, Outcome("inbound", contact_email="bob@them.example",
                                  logged_on=("bob@them.example",), scanned=True,
                                  candidates=(Candidate("city", "Berlin", "Berlin", {}),)))
    store.close()
    config = tmp_path / "mailhook.toml"
    config.write_text(f'[database]\npath = "{db}"\n')
    return config


def export_filled(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(ROOT / "scripts" / "export-filled"), *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300, check=False)


@pytest.mark.parametrize("form", [["-o", "filled.csv"], ["--output", "filled.csv"],
                                  ["--output=filled.csv"], ["-ofilled.csv"]])
def test_export_filled_writes_in_the_callers_directory(
    tmp_path: Path, filled_config: Path, form: list[str]
) -> None:
    """`scripts/export-filled -o filled.csv` run in a folder writes that folder's filled.csv (not
    the repository's), reads a relative --config from there too, and names the absolute path."""
    work = tmp_path / "work"
    work.mkdir()
    done = export_filled(work, "--format", "csv", *form, "--config", "../mailhook.toml")
    assert done.returncode == 0, done.stderr
    written = work / "filled.csv"
    rows = list(csv.DictReader(written.open(encoding="utf-8")))
    assert [(r["email"], r["property"], r["value"]) for r in rows] == [
        ("bob@them.example", "city", "Berlin")]
    assert not (ROOT / "filled.csv").exists()
    assert f"wrote 1 filled value(s) to {written}" in done.stderr


def test_export_filled_keeps_absolute_paths_and_stdout(tmp_path: Path, filled_config: Path) -> None:
    """An absolute -o is used as given; without -o the CSV goes to standard output."""
    target = tmp_path / "out" / "x.csv"
    target.parent.mkdir()
    done = export_filled(tmp_path, "-o", str(target), "--config", str(filled_config))
    assert done.returncode == 0, done.stderr
    assert "Berlin" in target.read_text(encoding="utf-8")
    printed = export_filled(tmp_path, "--config", str(filled_config))
    assert printed.returncode == 0, printed.stderr
    assert "bob@them.example,city,Berlin" in printed.stdout
