"""`mailhook migrate-db --to URL`: the config's SQLite database copied into an empty PostgreSQL
database of the test cluster, verified, and refused in one line whenever it should not run."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result
from pg.cluster import PASSWORD

from mailhook.cli import main
from mailhook.outputs.doctor import forget_running, record_running
from mailhook.store import Store

from .test_copy import ANN, CY, seeded


def config_for(tmp_path: Path) -> Path:
    path = tmp_path / "mailhook.toml"
    path.write_text(f'[database]\npath = "{tmp_path / "mailhook.db"}"\n')
    return path


def migrate(config: Path, url: str) -> Result:
    return CliRunner().invoke(main, ["migrate-db", "--to", url, "--config", str(config)])


def test_the_database_is_copied_and_each_table_verified(tmp_path: Path, postgres_store_url: str) -> None:
    seeded(tmp_path / "mailhook.db").close()
    done = migrate(config_for(tmp_path), postgres_store_url)
    assert done.exit_code == 0, done.output
    lines = done.output.splitlines()
    assert any(line.startswith("messages") and " 4 rows" in line for line in lines), done.output
    assert lines[-1].startswith("copied ") and "checksum equal on both sides" in lines[-1]
    target = Store(postgres_store_url)
    try:
        assert target.contact(CY)["properties"]["city"]["value"] == "Trondheim"
        assert target.password_hash(ANN) == "scrypt$salt$hash"
    finally:
        target.close()
    assert PASSWORD not in done.output


def test_a_second_copy_into_the_same_database_is_refused(tmp_path: Path, postgres_store_url: str) -> None:
    seeded(tmp_path / "mailhook.db").close()
    config = config_for(tmp_path)
    assert migrate(config, postgres_store_url).exit_code == 0
    again = migrate(config, postgres_store_url)
    assert again.exit_code == 1 and "is not empty" in again.output
    assert len(again.output.strip().splitlines()) == 1


def test_it_is_refused_while_a_serve_runs_on_the_database(tmp_path: Path, postgres_store_url: str) -> None:
    """A serve (this process's run file, as serve writes it) would store mail the copy misses."""
    db = tmp_path / "mailhook.db"
    seeded(db).close()
    record_running(db, {}, worker=False)
    try:
        refused = migrate(config_for(tmp_path), postgres_store_url)
    finally:
        forget_running(db)
    assert refused.exit_code == 1 and "stop it first" in refused.output


def test_bad_targets_are_one_line_and_never_show_the_password(tmp_path: Path,
                                                              postgres_store_url: str) -> None:
    seeded(tmp_path / "mailhook.db").close()
    config = config_for(tmp_path)
    wrong = postgres_store_url.replace("@", "x-wrong-s3cret@", 1)
    denied = migrate(config, wrong)
    assert denied.exit_code == 1 and "s3cret" not in denied.output and "***" in denied.output
    assert migrate(config, "mysql://u@h/db").output.strip() == (
        "Error: --to must start with postgresql://, not mysql://")
    (tmp_path / "empty").mkdir()
    assert "there is no database" in migrate(config_for(tmp_path / "empty"), postgres_store_url).output
