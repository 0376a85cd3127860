"""The engine seam: one store API on SQLite or PostgreSQL, and what differs kept in store.postgres."""

from __future__ import annotations

import threading
from pathlib import Path

import psycopg
import pytest
from pg.cluster import PASSWORD, Cluster

from mailhook.errors import DatabaseUnusable
from mailhook.store import Store
from mailhook.store import postgres as pg
from mailhook.store.locks import is_locked, patiently
from mailhook.store.schema import MIGRATIONS


def test_a_url_opens_postgresql_with_the_same_named_migrations(store: Store) -> None:
    """Either engine records the same migration names, in order."""
    names = [r[0] for r in store.conn.execute("SELECT name FROM migrations ORDER BY name")]
    assert names == [name for name, _ in MIGRATIONS]
    assert store.engine in ("sqlite", "postgresql")


def test_opening_a_migrated_database_again_changes_nothing(database: str) -> None:
    """A second open (a restart, another process) finds every migration done."""
    Store(database).close()
    again = Store(database)
    try:
        assert again.conn.execute("SELECT count(*) FROM migrations").fetchone()[0] == len(MIGRATIONS)
    finally:
        again.close()


def test_the_password_may_come_from_pgpassword(postgres_cluster: Cluster,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A url without a password connects with PGPASSWORD set (libpq reads it)."""
    monkeypatch.setenv("PGPASSFILE", "/nonexistent")
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    Store(postgres_cluster.url("postgres", password=False)).close()


def test_the_password_may_come_from_a_pgpassfile(postgres_cluster: Cluster, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A url without a password connects with the password in a PGPASSFILE."""
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"127.0.0.1:{postgres_cluster.port}:*:mailhook:{PASSWORD}\n")
    passfile.chmod(0o600)
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    Store(postgres_cluster.url("postgres", password=False)).close()


def test_a_wrong_password_is_one_line_that_never_shows_it(postgres_cluster: Cluster,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The refusal names the server (password hidden) and libpq's reason, in one line."""
    monkeypatch.setenv("PGPASSFILE", "/nonexistent")
    url = postgres_cluster.url("postgres").replace(PASSWORD, "Wr0ng-secret")
    with pytest.raises(DatabaseUnusable) as caught:
        Store(url)
    message = str(caught.value)
    assert "Wr0ng-secret" not in message and "\n" not in message
    assert message.startswith(f"cannot connect to postgresql://mailhook:***@127.0.0.1:{postgres_cluster.port}")
    assert "password authentication failed" in message


def test_a_write_that_waits_out_its_lock_timeout_is_a_lock_error(postgres_store_url: str) -> None:
    """While one store holds the write lock, another's write gives up after its busy timeout
    with an error is_locked recognises (the intake answers 451 for it, the worker waits)."""
    holder, waiter = Store(postgres_store_url), Store(postgres_store_url, busy_timeout_ms=200)
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with holder._tx():
            held.set()
            release.wait(30)

    thread = threading.Thread(target=hold)
    thread.start()
    try:
        assert held.wait(30)
        with pytest.raises(psycopg.OperationalError) as caught:
            waiter.add_user("ann@us.example", None, False)
        assert is_locked(caught.value)
    finally:
        release.set()
        thread.join()
    waiter.add_user("ann@us.example", None, False)  # the connection is usable again
    assert "ann@us.example" in holder.users()
    holder.close()
    waiter.close()


@pytest.mark.parametrize(("sql", "named", "want"), [
    ("SELECT 1 FROM users WHERE email = ? AND name = ?", False,
     "SELECT 1 FROM users WHERE email = %s AND name = %s"),
    ("SELECT * FROM t WHERE a = :ai AND b = :user", True,
     "SELECT * FROM t WHERE a = %(ai)s AND b = %(user)s"),
    ("SELECT strftime('%Y?', x), y::text FROM t WHERE z = ?", False,
     "SELECT strftime('%%Y?', x), y::text FROM t WHERE z = %s"),
    ("INSERT OR IGNORE INTO m (a) VALUES (?) RETURNING id", False,
     "INSERT INTO m (a) VALUES (%s) ON CONFLICT DO NOTHING RETURNING id"),
    ("INSERT OR IGNORE INTO t (a) SELECT ? WHERE NOT EXISTS (SELECT 1)\n", False,
     "INSERT INTO t (a) SELECT %s WHERE NOT EXISTS (SELECT 1) ON CONFLICT DO NOTHING"),
    ("SELECT 'it''s ?' WHERE a LIKE 'x%'", False, "SELECT 'it''s ?' WHERE a LIKE 'x%%'"),
])
def test_the_store_sql_is_rewritten_for_psycopg(sql: str, named: bool, want: str) -> None:
    """Placeholders outside quoted text, literal percent signs and INSERT OR IGNORE."""
    assert pg.translate(sql, named) == want


def test_an_sqlite_store_never_loads_psycopg(tmp_path: Path) -> None:
    """An SQLite installation does not import the PostgreSQL driver."""
    import subprocess
    import sys

    code = ("import sys; from mailhook.store import Store; Store(sys.argv[1]).close(); "
            "print('psycopg' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "x.db")],
                          capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_a_server_that_is_not_there_is_one_line() -> None:
    """Nothing listening at the url's port: DatabaseUnusable naming the server, not a traceback."""
    from pg.cluster import free_port

    url = f"postgresql://mailhook:{PASSWORD}@127.0.0.1:{free_port()}/hook?connect_timeout=5"
    with pytest.raises(DatabaseUnusable) as caught:
        Store(url)
    assert str(caught.value).startswith("cannot connect to postgresql://mailhook:***@127.0.0.1:")
    assert PASSWORD not in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_processes_opening_a_new_database_at_once_migrate_it_once(
        engine: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    """Several processes starting on an empty database (hooks and workers on several hosts):
    the migrations run once, under the write lock, and every opener gets a working store. They
    open it as the worker and the supervisor do, waiting out a lock error (SQLite may give one
    at once while another connection switches a new file to WAL)."""
    target = (str(tmp_path / "new.db") if engine == "sqlite"
              else str(request.getfixturevalue("postgres_url")))
    start, opened, errors = threading.Barrier(4), [], []

    def open_store() -> None:
        start.wait()
        try:
            opened.append(patiently(lambda: Store(target, busy_timeout_ms=30_000), "opening"))
        except BaseException as exc:  # reported by the test thread
            errors.append(exc)

    threads = [threading.Thread(target=open_store) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and len(opened) == 4
    rows = opened[0].conn.execute("SELECT name FROM migrations ORDER BY name").fetchall()
    assert [r[0] for r in rows] == [name for name, _ in MIGRATIONS]
    for store in opened:
        store.close()
