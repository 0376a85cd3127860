"""The real commands on a PostgreSQL url: `serve --no-worker` stores mail over LMTP, a `mailhook
worker` in another process processes it (woken by NOTIFY), the fill rules hold against a psql
edit, the CLI, doctor and the web page read the same database, and the workers lock is one per
database."""

from __future__ import annotations

import json
import mailbox
import re
import smtplib
import subprocess
import urllib.request
from pathlib import Path

import psycopg
import pytest
from mails import CONTACT, USER, reply

from mailhook.store import Store
from pg.cluster import PASSWORD, Cluster
from pg.commands import DEADLINE_SECONDS, MAILHOOK, READY, Command, write_config


@pytest.fixture
def config(tmp_path: Path, url: str) -> Path:
    return write_config(tmp_path, url)


def start(commands: list[Command], *args: str) -> Command:
    command = Command(*args)
    commands.append(command)
    return command


def send_lmtp(host: str, port: int, raw: bytes) -> None:
    with smtplib.LMTP(host, port, timeout=DEADLINE_SECONDS) as client:
        client.sendmail(CONTACT, [USER], raw)


def props(url: str) -> dict[str, str | None]:
    store = Store(url)
    try:
        return {k: v["value"] for k, v in store.contact(CONTACT)["properties"].items()}
    finally:
        store.close()


def counts(url: str) -> dict[str, int]:
    store = Store(url)
    try:
        return store.counts()
    finally:
        store.close()


def test_mail_stored_by_serve_no_worker_is_processed_by_a_worker_process(
        config: Path, url: str, commands: list[Command]) -> None:
    """Listeners and workers as two services on one PostgreSQL database: the LMTP copy that
    `serve --no-worker` answered 250 is processed by `mailhook worker`, which nothing but the
    database connects to the listener (the mail's NOTIFY wakes it). A property a person set and
    emptied again with plain SQL (psql) carries the user-edited flag: the reply fills the
    contact's other properties, never that one."""
    with psycopg.connect(url, autocommit=True) as person:
        person.execute("INSERT INTO contacts (email) VALUES (%s)", (CONTACT,))
        person.execute("UPDATE contacts SET job_title = 'Owner' WHERE email = %s", (CONTACT,))
        person.execute("UPDATE contacts SET job_title = NULL WHERE email = %s", (CONTACT,))
    serve = start(commands, "serve", "--no-worker", "--config", str(config))
    host, port = serve.wait_for(READY.pattern).group(1, 2)
    worker = start(commands, "worker", "--config", str(config))
    worker.wait_for("mailhook worker running 1 worker process")
    send_lmtp(host, int(port), reply())
    worker.wait_for(r"processed message \d+ \(<r1@acme.example>\)")
    filled = props(url)
    assert filled["phone"] == "+49301234567" and filled["last_name"] == "Smith"
    assert filled["job_title"] is None  # the person's edit (its flag) blocks the fill
    assert counts(url) == {"received": 1, "processed": 1, "pending": 0, "failed": 0}
    assert worker.stop() == 0 and serve.stop() == 0


def test_a_second_worker_on_the_database_is_refused_in_one_line(
        config: Path, tmp_path: Path, url: str, commands: list[Command]) -> None:
    """The workers lock is a session advisory lock on the database, so it holds across
    configs, folders and hosts: a second `worker` (or a `serve` with its worker, or `process`)
    is refused naming the holder, and `doctor` names it too, never the password."""
    first = start(commands, "worker", "--config", str(config))
    first.wait_for("mailhook worker running")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    other = write_config(elsewhere, url)
    for args in (["worker"], ["process"], ["serve"]):
        refused = subprocess.run([MAILHOOK, *args, "--config", str(other)], capture_output=True,
                                 text=True, timeout=DEADLINE_SECONDS, check=False)
        assert refused.returncode == 1, refused.stderr
        assert f"mailhook worker (pid {first.proc.pid} on " in refused.stderr
        assert "already runs the workers of" in refused.stderr and PASSWORD not in refused.stderr
        assert len(refused.stderr.strip().splitlines()) == 1, refused.stderr
    doctor = subprocess.run([MAILHOOK, "doctor", "--config", str(other)], capture_output=True,
                            text=True, timeout=DEADLINE_SECONDS, check=False)
    assert re.search(r"PostgreSQL \d+", doctor.stdout), doctor.stdout
    assert f"mailhook worker (pid {first.proc.pid} on " in doctor.stdout
    assert PASSWORD not in doctor.stdout + doctor.stderr


def test_workers_of_two_hosts_run_side_by_side(
        tmp_path: Path, url: str, commands: list[Command]) -> None:
    """The workers lock is one per host: a worker on host a and one on host b (host_id) run on
    one database at once, `doctor` names both, and a second one on host a is refused, naming
    the host."""
    hosts = {}
    for host in "ab":
        (tmp_path / host).mkdir()
        hosts[host] = write_config(tmp_path / host, url, database=f'host_id = "{host}"\n')
        start(commands, "worker", "--config", str(hosts[host])).wait_for("mailhook worker running")
    doctor = subprocess.run([MAILHOOK, "doctor", "--config", str(hosts["a"])], capture_output=True,
                            text=True, timeout=DEADLINE_SECONDS, check=False)
    assert re.search(r"mailhook worker \(pid \d+ on a\), mailhook worker \(pid \d+ on b\) run the workers",
                     doctor.stdout), doctor.stdout
    refused = subprocess.run([MAILHOOK, "worker", "--config", str(hosts["a"])],
                             capture_output=True, text=True, timeout=DEADLINE_SECONDS, check=False)
    assert refused.returncode == 1 and " on host a; one process may" in refused.stderr


def test_the_cli_reads_and_writes_the_url(config: Path, url: str) -> None:
    """The CLI's commands open the configured url: a contact added by one command is listed by
    another, and the status counts come from the server."""
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([MAILHOOK, *args, "--config", str(config)], capture_output=True,
                              text=True, timeout=DEADLINE_SECONDS, check=False)

    assert run("contacts", "add", CONTACT, "--city", "Bonn").returncode == 0
    listed = run("contacts", "show", CONTACT)
    assert listed.returncode == 0 and "Bonn" in listed.stdout, listed.stdout + listed.stderr
    status = run("status", "--json")
    assert status.returncode == 0 and '"received": 0' in status.stdout


def test_a_lost_server_is_one_line_without_the_password(tmp_path: Path,
                                                        postgres_cluster: Cluster) -> None:
    """A url no server answers on is the CLI's one-line error, naming the server with its
    password hidden."""
    gone = postgres_cluster.url("no_such_database")
    config = write_config(tmp_path, gone)
    result = subprocess.run([MAILHOOK, "status", "--config", str(config)], capture_output=True,
                            text=True, timeout=DEADLINE_SECONDS, check=False)
    assert result.returncode == 1
    assert "cannot connect to postgresql://mailhook:***@127.0.0.1" in result.stderr
    assert PASSWORD not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_the_web_page_runs_on_the_url_with_its_secret_file(
        tmp_path: Path, url: str, commands: list[Command]) -> None:
    """`serve --no-worker` with the page on a url: its secret comes from [web] secret_file
    (required there, as every instance must share it), and the page answers."""
    secret = tmp_path / "web-secret"
    config = write_config(tmp_path, url, f'[web]\nenabled = true\nport = 0\nsecret_file = "{secret}"\n')
    serve = start(commands, "serve", "--no-worker", "--config", str(config))
    page = serve.wait_for(READY.pattern).group(3)
    with urllib.request.urlopen(f"{page}login", timeout=DEADLINE_SECONDS) as answer:
        assert answer.status == 200 and b"password" in answer.read().lower()
    assert secret.is_file()


def test_a_worker_whose_lock_connection_ends_stops_with_a_failure(
        config: Path, url: str, commands: list[Command]) -> None:
    """A server restart ends the connection holding the workers lock, and the lock with it:
    the `mailhook worker` that held it stops its workers and exits 1 in one line (a service
    manager starts it again), rather than run on beside a hook that takes the lock now."""
    worker = start(commands, "worker", "--config", str(config))
    worker.wait_for("mailhook worker running")
    with psycopg.connect(url, autocommit=True) as admin:
        ended = admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                              "WHERE application_name LIKE 'mailhook worker (pid %%' "
                              "AND datname = current_database()").fetchall()
    assert ended == [(True,)]
    assert worker.proc.wait(timeout=DEADLINE_SECONDS) == 1
    worker.wait_for("the connection holding the workers lock of postgresql://mailhook:\\*\\*\\*@")
    assert PASSWORD not in "".join(worker.lines)


def test_process_and_serve_with_its_worker_read_mail_on_the_url(
        config: Path, url: str, commands: list[Command]) -> None:
    """Mail stored by `serve --no-worker` waits, pending, until `mailhook process` reads it;
    `serve` with its own worker reads what its listener stores, on the same database."""
    store = Store(url)
    store.add_contact(CONTACT, {}, "import")
    store.close()
    serve = start(commands, "serve", "--no-worker", "--config", str(config))
    host, port = serve.wait_for(READY.pattern).group(1, 2)
    send_lmtp(host, int(port), reply())
    assert serve.stop() == 0
    assert counts(url)["pending"] == 1
    done = subprocess.run([MAILHOOK, "process", "--config", str(config)], capture_output=True,
                          text=True, timeout=DEADLINE_SECONDS, check=False)
    assert done.returncode == 0 and "processed 1 message(s)" in done.stdout, done.stderr
    hook = start(commands, "serve", "--config", str(config))
    host, port = hook.wait_for(READY.pattern).group(1, 2)
    send_lmtp(host, int(port), reply("<r2@acme.example>"))
    hook.wait_for(r"processed message \d+ \(<r2@acme.example>\)")
    assert counts(url) == {"received": 2, "processed": 2, "pending": 0, "failed": 0}
    assert props(url)["phone"] == "+49301234567"


@pytest.mark.parametrize("processes", [1, 2])
def test_replay_runs_on_the_url(config: Path, url: str, tmp_path: Path, processes: int) -> None:
    """`mailhook replay` stores and processes a mailbox into the url (under the database's
    replay lock; with two processes its children claim on the url too), and a second run
    changes nothing; --dry-run, which needs a file to copy, is refused in one line."""
    config.write_text(config.read_text().replace("processes = 1", f"processes = {processes}"))
    box = mailbox.mbox(tmp_path / "ann.mbox")
    for number in range(3):
        box.add(reply(f"<r{number}@acme.example>"))
    box.close()
    store = Store(url)
    store.add_contact(CONTACT, {}, "import")
    store.close()

    def replay(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([MAILHOOK, "replay", str(tmp_path / "ann.mbox"), "--user", USER,
                               *args, "--config", str(config)], capture_output=True, text=True,
                              timeout=DEADLINE_SECONDS, check=False)

    first = replay()
    assert first.returncode == 0 and "replayed 3 of 3 message(s) (mbox): 3 processed" in first.stdout, (
        first.stdout + first.stderr)
    again = replay()
    assert again.returncode == 0 and "3 already stored" in again.stdout, again.stdout
    assert props(url)["phone"] == "+49301234567"
    dry = replay("--dry-run")
    assert dry.returncode == 1 and "--dry-run replays into a copy of an SQLite file" in dry.stderr


def test_a_database_error_after_opening_is_one_line_without_the_password(
        config: Path, url: str) -> None:
    """An error PostgreSQL raises once the database is open (here a table someone dropped) is
    the CLI's one-line error, as sqlite3's are, naming the server with its password hidden."""
    with psycopg.connect(url, autocommit=True) as person:
        person.execute("DROP TABLE messages CASCADE")
    result = subprocess.run([MAILHOOK, "status", "--config", str(config)], capture_output=True,
                            text=True, timeout=DEADLINE_SECONDS, check=False)
    assert result.returncode == 1, result.stdout
    assert result.stderr.startswith("Error: database postgresql://mailhook:***@127.0.0.1:")
    assert 'relation "messages" does not exist' in result.stderr
    assert PASSWORD not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_a_second_serve_started_in_one_folder_is_refused_in_one_line(
        tmp_path: Path, url: str, commands: list[Command]) -> None:
    """Two `serve` on one url started in one folder would share its run file
    (var/postgresql-HOST-PORT-DB.serve.json: what doctor and migrate-db know of a running hook):
    the second exits 1 in one line naming the first's pid and the file, and leaves the file as
    it was; one started in another folder runs beside it, and each stop removes only its own."""
    config = write_config(tmp_path, url)
    folders = [tmp_path / "one", tmp_path / "two"]
    for folder in folders:
        folder.mkdir()
    first = Command("serve", "--no-worker", "--config", str(config), cwd=folders[0])
    commands.append(first)
    first.wait_for(READY.pattern)
    (run_file,) = (folders[0] / "var").glob("postgresql-*.serve.json")
    assert json.loads(run_file.read_text())["pid"] == first.proc.pid
    refused = subprocess.run([MAILHOOK, "serve", "--no-worker", "--config", str(config)],
                             cwd=folders[0], capture_output=True, text=True,
                             timeout=DEADLINE_SECONDS, check=False)
    assert refused.returncode == 1 and "listening" not in refused.stdout, refused.stderr
    assert f"mailhook serve (pid {first.proc.pid}) already runs on" in refused.stderr
    assert f"{run_file.name}: stop it first, or start this one from another folder" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1 and PASSWORD not in refused.stderr
    assert json.loads(run_file.read_text())["pid"] == first.proc.pid
    second = Command("serve", "--no-worker", "--config", str(config), cwd=folders[1])
    commands.append(second)
    second.wait_for(READY.pattern)
    assert second.stop() == 0 and not list((folders[1] / "var").glob("*.serve.json"))
    assert json.loads(run_file.read_text())["pid"] == first.proc.pid
    assert first.stop() == 0 and not run_file.exists()
