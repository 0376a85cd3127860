"""`mailhook serve` as an operator sees it start and stop: one "listening" line, a notice when
DKIM is required and DNS cannot look up keys, and a stop by a service manager's SIGTERM to the
whole process group that logs no worker death."""

from __future__ import annotations

import dataclasses
import os
import re
import signal
import smtplib
import socket
import subprocess
import sys
import threading
from email.message import EmailMessage
from pathlib import Path

import pytest
from dkimstub import serving
from linereader import LineReader

from mailhook.config import load_config
from mailhook.store import Store
from service.engines import both_engines, database_toml

MAILHOOK = str(Path(sys.executable).parent / "mailhook")
USER, CONTACT = "ann@us.example", "bob@acme.example"
LISTENING = r"mailhook listening smtp=\S+ lmtp=([\d.]+):(\d+)"
DEADLINE_SECONDS = 60.0


def write_config(tmp_path: Path, dkim: str = 'policy = "off"',
                 db_path: Path | str | None = None) -> Path:
    """A config on `db_path` (default: tmp_path/mailhook.db) with one user and one contact."""
    target = tmp_path / "mailhook.db" if db_path is None else db_path
    path = tmp_path / "mailhook.toml"
    path.write_text(
        database_toml(target) + '[smtp]\nport = 0\n[lmtp]\nport = 0\n'
        f'[dkim]\n{dkim}\n[extract]\ntagger = "off"\n[worker]\nprocesses = 1\n')
    store = Store(target)
    store.add_user(USER, None, inbox_automation=True)
    store.add_contact(CONTACT, {}, "import")
    store.close()
    return path


class Hook:
    """`mailhook serve` (or another command: `args`) in a session of its own (a process group,
    as a service manager runs it), its stdout and stderr read together."""

    def __init__(self, config: Path, args: tuple[str, ...] = ("serve",)) -> None:
        self.proc = subprocess.Popen([MAILHOOK, *args, "--config", str(config)],
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        assert self.proc.stdout is not None
        self.out = LineReader(self.proc.stdout)

    def wait_for(self, pattern: str) -> str:
        found = self.out.wait_for(pattern, seconds=DEADLINE_SECONDS)
        assert found, f"no line matching {pattern!r}:\n{self.out.text()}"
        return found[0]

    def lmtp(self) -> tuple[str, int]:
        found = re.search(LISTENING, self.wait_for(LISTENING))
        assert found is not None
        return found[1], int(found[2])

    def stop_group(self) -> int:
        """SIGTERM to every process of the group, as systemd's default KillMode does; then the
        rest of the output."""
        os.killpg(self.proc.pid, signal.SIGTERM)
        code = self.proc.wait(DEADLINE_SECONDS)
        self.out.wait_for(r"(?!)", seconds=DEADLINE_SECONDS)  # reads to the end of the output
        return code

    def close(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(DEADLINE_SECONDS)


def reply() -> bytes:
    msg = EmailMessage()
    msg["From"] = f"Bob Example <{CONTACT}>"
    msg["To"] = USER
    msg["Subject"] = "Re: the quote"
    msg["Message-ID"] = "<startup-1@acme.example>"
    msg.set_content("Hi Ann,\n\nfine by us.\n\nBest regards,\nBob Example\nAcme GmbH\n")
    return msg.as_bytes()


def test_a_sigterm_to_the_whole_group_stops_serve_with_no_worker_death(tmp_path: Path) -> None:
    """The worker has processed a message (so it is up); then SIGTERM reaches the service and
    its worker at once. The service stops its worker itself: exit 0, "stopped", and no
    "worker process died" error (the worker ignores a SIGTERM meant for the service)."""
    hook = Hook(write_config(tmp_path))
    try:
        with smtplib.LMTP(*hook.lmtp(), timeout=DEADLINE_SECONDS) as client:
            client.sendmail(CONTACT, [USER], reply())
        hook.wait_for(r"processed message \d+ ")
        assert hook.stop_group() == 0, hook.out.text()
    finally:
        hook.close()
    output = hook.out.text()
    assert "stopped" in output
    assert "died" not in output and "ERROR" not in output, output


def test_listening_is_said_once(tmp_path: Path) -> None:
    """The line with the ports is printed once (it was also logged, so a terminal showed it twice)."""
    hook = Hook(write_config(tmp_path))
    try:
        hook.lmtp()
        assert hook.stop_group() == 0
    finally:
        hook.close()
    assert len(re.findall("listening", hook.out.text())) == 1, hook.out.text()


def test_serve_says_at_start_when_dkim_is_required_and_dns_cannot_look_up_keys(
    tmp_path: Path,
) -> None:
    """Under [dkim] policy = "require" with DNS that never answers, serve still starts, and says
    once that mail will fill nothing and how to try mailhook with hand-made mail."""
    with serving({}, silent=lambda name: True) as dns:
        hook = Hook(write_config(
            tmp_path, f'policy = "require"\ndns_timeout = 0.5\nnameservers = ["{dns}"]'))
        try:
            hook.lmtp()
            notice = hook.wait_for(r"DNS cannot look up DKIM keys")
            assert hook.stop_group() == 0
        finally:
            hook.close()
    assert "WARNING" in notice and "fills nothing" in notice and "conf/try-out.toml" in notice
    assert f"through {dns}: no answer within 0.5 s" in notice


def test_the_try_out_config_is_the_shipped_one_but_for_dkim_and_the_database() -> None:
    """conf/try-out.toml (README: Five minutes with it) differs from conf/mailhook.toml only in
    [dkim] policy ("record": hand-made mail fills) and its own database; its first lines say
    it must not be used in production, and why."""
    conf = Path(__file__).parents[2] / "conf"
    shipped, trying = load_config(conf / "mailhook.toml"), load_config(conf / "try-out.toml")
    assert (shipped.dkim.policy, trying.dkim.policy) == ("require", "record")
    assert trying.database.path != shipped.database.path
    assert dataclasses.replace(trying, dkim=shipped.dkim, database=shipped.database) == shipped
    head = (conf / "try-out.toml").read_text().split("\n[", 1)[0]
    assert "NEVER USE IT IN PRODUCTION" in head and "anyone can write any From" in head


@pytest.mark.parametrize("section", ["smtp", "lmtp"])
def test_a_taken_mail_port_stops_the_start_with_a_one_line_error(tmp_path: Path, section: str) -> None:
    """A port another program holds: serve exits 1 with one Error line naming the key, no
    traceback, and never says it listens."""
    config = write_config(tmp_path)
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        text = config.read_text().replace(f"[{section}]\nport = 0", f"[{section}]\nport = {port}")
        config.write_text(text)
        done = subprocess.run([MAILHOOK, "serve", "--no-worker", "--config", str(config)],
                              capture_output=True, text=True, timeout=DEADLINE_SECONDS)
    assert done.returncode == 1 and "listening" not in done.stdout
    errors = [line for line in done.stderr.splitlines() if line.startswith("Error:")]
    assert errors and f"{section}.port {port}" in errors[0], done.stderr
    assert "Traceback" not in done.stderr


def _status(config: Path, message_id: str) -> str | None:
    store = Store(load_config(config).database.path)
    try:
        row = store.conn.execute("SELECT status FROM messages WHERE message_id = ?",
                                 (message_id,)).fetchone()
    finally:
        store.close()
    return None if row is None else str(row[0])


def test_a_worker_reads_what_a_serve_without_worker_stores(tmp_path: Path) -> None:
    """Listeners and readers as two services: `serve --no-worker` stores a reply and answers 250,
    `mailhook worker` processes it (looking for due mail every second), and a SIGTERM to the
    worker's group stops it cleanly."""
    config = write_config(tmp_path)
    listeners = Hook(config, ("serve", "--no-worker"))
    workers = Hook(config, ("worker",))
    try:
        with smtplib.LMTP(*listeners.lmtp(), timeout=DEADLINE_SECONDS) as client:
            client.sendmail(CONTACT, [USER], reply())
        workers.wait_for(r"processed message \d+ ")
        assert _status(config, "<startup-1@acme.example>") == "processed"
        assert workers.stop_group() == 0, workers.out.text()
        assert listeners.stop_group() == 0, listeners.out.text()
    finally:
        workers.close()
        listeners.close()
    output = workers.out.text()
    assert "stopped" in output and "listening" not in output
    assert "died" not in output and "ERROR" not in output, output


@pytest.mark.parametrize("second", [("worker",), ("serve",), ("process",)])
def test_one_process_runs_the_workers_of_a_database(tmp_path: Path, second: tuple[str, ...]) -> None:
    """While `mailhook worker` runs, a second worker, a serve with its worker and `process` are
    each refused in one line naming the first and its pid (each would take back the first's
    claims); the first is untouched."""
    config = write_config(tmp_path)
    first = Hook(config, ("worker",))
    try:
        first.wait_for(r"mailhook worker running")
        done = subprocess.run([MAILHOOK, *second, "--config", str(config)], capture_output=True,
                              text=True, timeout=DEADLINE_SECONDS)
        assert first.proc.poll() is None
        assert first.stop_group() == 0, first.out.text()
    finally:
        first.close()
    assert done.returncode == 1 and "listening" not in done.stdout
    errors = [line for line in done.stderr.splitlines() if line.startswith("Error:")]
    assert errors and f"mailhook worker (pid {first.proc.pid}) already runs the workers of" in (
        errors[0]), done.stderr
    assert "Traceback" not in done.stderr


def test_the_workers_lock_goes_with_a_killed_holder(tmp_path: Path) -> None:
    """kill -9 of a running `mailhook worker` (its group) leaves no lock behind: the next
    worker starts."""
    config = write_config(tmp_path)
    first = Hook(config, ("worker",))
    try:
        first.wait_for(r"mailhook worker running")
        os.killpg(first.proc.pid, signal.SIGKILL)
        first.proc.wait(DEADLINE_SECONDS)
    finally:
        first.close()
    second = Hook(config, ("worker",))
    try:
        second.wait_for(r"mailhook worker running")
        assert second.stop_group() == 0, second.out.text()
    finally:
        second.close()


def _send_until_refused(lmtp: tuple[str, int], client: int, accepted: list[str],
                        busy: threading.Event) -> None:
    """One MTA connection after another, each with one message, until the hook stops taking
    them; the Message-IDs answered 250 go into `accepted`, `busy` is set after the 40th."""
    for n in range(200):
        msg = EmailMessage()
        msg["From"], msg["To"], msg["Subject"] = CONTACT, USER, f"in flight {client}/{n}"
        msg["Message-ID"] = message_id = f"<flight-{client}-{n}@acme.example>"
        msg.set_content("Hi Ann,\n\nmore soon.\n\nBob\n")
        try:
            with smtplib.LMTP(*lmtp, timeout=DEADLINE_SECONDS) as mta:
                if mta.sendmail(CONTACT, [USER], msg.as_bytes()) == {}:
                    accepted.append(message_id)
                    if len(accepted) >= 40:
                        busy.set()
        except (smtplib.SMTPException, OSError):
            return  # deferred (451), refused or cut off: the MTA would retry, nothing is owed


@both_engines
def test_a_sigterm_to_the_group_with_mail_in_flight_loses_nothing_answered_250(
        tmp_path: Path, db_path: Path | str) -> None:
    """Eight MTA connections deliver while the service manager's SIGTERM reaches the hook, its
    intake's writer and its worker at once: serve exits 0, and every message that was answered
    250 is in the database (the writer ignores the signal; the service stores what is queued,
    then closes its pipe)."""
    config = write_config(tmp_path, db_path=db_path)
    hook = Hook(config)
    accepted: list[str] = []
    busy = threading.Event()
    try:
        lmtp = hook.lmtp()
        clients = [threading.Thread(target=_send_until_refused, args=(lmtp, c, accepted, busy))
                   for c in range(8)]
        for client in clients:
            client.start()
        assert busy.wait(DEADLINE_SECONDS)
        assert hook.stop_group() == 0, hook.out.text()
        for client in clients:
            client.join(DEADLINE_SECONDS)
    finally:
        hook.close()
    store = Store(load_config(config).database.target)
    try:
        stored = {row["message_id"] for row in store.query("SELECT message_id FROM messages")}
    finally:
        store.close()
    assert len(accepted) >= 40 and set(accepted) <= stored, set(accepted) - stored


@pytest.mark.parametrize(("args", "ready"), [(("worker",), "mailhook worker running"),
                                             (("serve",), "mailhook listening")])
def test_ctrl_c_just_after_the_start_stops_cleanly(tmp_path: Path, args: tuple[str, ...],
                                                   ready: str) -> None:
    """Ctrl-C in a terminal (SIGINT to the foreground group) while the worker processes are
    still starting: exit 0 and no traceback. Each child printed a KeyboardInterrupt traceback
    from its imports, as it ignores SIGINT only once they are done."""
    config = write_config(tmp_path)
    config.write_text(config.read_text().replace("processes = 1", "processes = 2"))
    hook = Hook(config, args)
    try:
        hook.wait_for(ready)
        os.killpg(hook.proc.pid, signal.SIGINT)
        code = hook.proc.wait(DEADLINE_SECONDS)
        hook.out.wait_for(r"(?!)", seconds=DEADLINE_SECONDS)  # reads to the end of the output
    finally:
        hook.close()
    output = hook.out.text()
    assert code == 0, output
    assert "Traceback" not in output and "KeyboardInterrupt" not in output, output
    assert "stopped" in output


def test_spawned_children_do_not_import_the_command_line(tmp_path: Path) -> None:
    """`mailhook process` with two worker processes: only the command itself imports
    mailhook.cli. multiprocessing's spawn re-runs the parent's __main__ (the console script)
    in every child, which imported the whole CLI there: 0.35 s and 28 MB more per worker and
    per intake writer."""
    config = write_config(tmp_path)
    config.write_text(config.read_text().replace("processes = 1", "processes = 2"))
    done = subprocess.run([MAILHOOK, "process", "--config", str(config)], capture_output=True,
                          text=True, timeout=DEADLINE_SECONDS,
                          env={**os.environ, "PYTHONPROFILEIMPORTTIME": "1"})
    assert done.returncode == 0, done.stderr
    imports = re.findall(r"\| mailhook\.cli$", done.stderr, re.MULTILINE)
    assert "| mailhook.worker.pool" in done.stderr  # the children are there, importing
    assert len(imports) == 1, done.stderr[-3000:]
