"""`mailhook doctor` while the hook runs: the ports it holds are its own (ok, with its pid), found
through the run file `serve` keeps beside the database, which a stop removes."""

from __future__ import annotations

import json
import os
import socket
import subprocess
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner, Result
from dkimstub import serving

from mailhook.cli import main
from mailhook.config import Config
from mailhook.outputs.doctor import run_file
from mailhook.store import Received, Store

Start = Callable[..., object]


def write_config(path: Path, config: Config, smtp: int, lmtp: int, dkim: str = 'policy = "off"'
                 ) -> Path:
    path.write_text(f'[database]\npath = "{config.database.path}"\n[smtp]\nport = {smtp}\n'
                    f'[lmtp]\nport = {lmtp}\n[dkim]\n{dkim}\n')
    return path


def doctor(config: Path) -> tuple[Result, dict[str, dict[str, str]]]:
    result = CliRunner().invoke(main, ["doctor", "--config", str(config), "--json"])
    return result, {c["name"]: c for c in json.loads(result.output)["checks"]}


def test_the_running_hooks_own_ports_are_ok(tmp_path: Path, config: Config,
                                             running_service: Start) -> None:
    """serve runs on this database: both ports it holds are ok, naming its pid, and doctor
    exits 0; once it stops, its run file is gone."""
    running = running_service()
    smtp, lmtp = running.smtp[1], running.lmtp[1]  # type: ignore[attr-defined]
    assert json.loads(run_file(config.database.path).read_text())["pid"] == os.getpid()
    result, checks = doctor(write_config(tmp_path / "d.toml", config, smtp, lmtp))
    assert result.exit_code == 0, result.output
    for name in ("smtp port", "lmtp port"):
        assert checks[name]["status"] == "ok", checks[name]
        assert f"this mailhook's own (serve is running as pid {os.getpid()})" in checks[name]["detail"]


def test_a_run_file_a_killed_serve_left_is_not_believed(tmp_path: Path, config: Config,
                                                        running_listeners: Start) -> None:
    """The run file names a process that is gone (serve was killed): mailhook-like listeners on
    those ports are only a warning, and a port some other program holds is still a fail."""
    running = running_listeners()
    smtp, lmtp = running.smtp[1], running.lmtp[1]  # type: ignore[attr-defined]
    gone = _pid_of_a_finished_process()
    run_file(config.database.path).write_text(json.dumps(
        {"pid": gone, "addresses": {"smtp": ["127.0.0.1", smtp], "lmtp": ["127.0.0.1", lmtp]}}))
    _, checks = doctor(write_config(tmp_path / "d.toml", config, smtp, lmtp))
    assert checks["smtp port"]["status"] == checks["lmtp port"]["status"] == "warn"
    with socket.create_server(("127.0.0.1", 0)) as other:  # listens, never greets
        port = other.getsockname()[1]
        run_file(config.database.path).write_text(json.dumps(
            {"pid": os.getpid(), "addresses": {"smtp": ["127.0.0.1", port]}}))
        result, checks = doctor(write_config(tmp_path / "e.toml", config, port, lmtp))
    assert result.exit_code == 1 and checks["smtp port"]["status"] == "fail"


def _pid_of_a_finished_process() -> int:
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def test_dns_through_the_configured_nameservers(tmp_path: Path, config: Config) -> None:
    """The DNS check asks [dkim] nameservers, as the worker does: one that answers the probe is
    ok; one that never answers fails under require and only warns under record."""
    with serving({b"_dmarc.gmail.com.": b"v=DMARC1; p=none"}) as dns:
        result, checks = doctor(write_config(tmp_path / "a.toml", config, 0, 0,
                                             f'policy = "require"\nnameservers = ["{dns}"]'))
    assert checks["dns"]["status"] == "ok" and dns in checks["dns"]["detail"], result.output
    with serving({}, silent=lambda name: True) as dns:
        dkim = f'nameservers = ["{dns}"]\ndns_timeout = 0.5'
        result, checks = doctor(write_config(tmp_path / "b.toml", config, 0, 0,
                                             f'policy = "require"\n{dkim}'))
        assert result.exit_code == 1 and checks["dns"]["status"] == "fail"
        assert "no mail will fill anything" in checks["dns"]["fix"]
        result, checks = doctor(write_config(tmp_path / "c.toml", config, 0, 0,
                                             f'policy = "record"\n{dkim}'))
        assert checks["dns"]["status"] == "warn"


def test_process_refuses_while_a_serve_with_its_worker_runs(
    tmp_path: Path, config: Config, running_service: Callable[..., object]
) -> None:
    """`mailhook process` takes back every claim before it starts, which would take a running
    worker's message from under it: beside a serve with its worker it refuses, naming the
    serve's pid."""
    path = write_config(tmp_path / "p.toml", config, 0, 0)
    running_service(worker=True)
    refused = CliRunner().invoke(main, ["process", "--config", str(path)])
    assert refused.exit_code == 1
    assert f"mailhook serve (pid {os.getpid()}) already runs the workers of" in refused.output


def test_process_works_beside_a_serve_without_worker(
    tmp_path: Path, config: Config, running_service: Callable[..., object]
) -> None:
    """Beside `serve --no-worker` (README: Five minutes with it), `process` does the work."""
    path = write_config(tmp_path / "p.toml", config, 0, 0)
    running_service(worker=False)
    done = CliRunner().invoke(main, ["process", "--config", str(path)])
    assert done.exit_code == 0 and done.output.startswith("processed 0 message(s)"), done.output


def test_doctor_names_who_runs_the_workers(tmp_path: Path, config: Config,
                                           running_service: Start) -> None:
    """A serve with its worker holds the workers lock: doctor names it (read from the kernel's
    lock table, so asking takes no lock)."""
    running = running_service(worker=True)
    smtp, lmtp = running.smtp[1], running.lmtp[1]  # type: ignore[attr-defined]
    _, checks = doctor(write_config(tmp_path / "d.toml", config, smtp, lmtp))
    assert checks["workers"]["status"] == "ok"
    assert checks["workers"]["detail"] == f"mailhook serve (pid {os.getpid()}) runs the workers"


def test_doctor_warns_when_mail_waits_and_no_process_runs_the_workers(
    tmp_path: Path, config: Config, running_service: Start
) -> None:
    """Only `serve --no-worker` runs and a message is stored: it waits for nobody, so doctor
    warns and says what to start; with nothing waiting it is fine."""
    running = running_service(worker=False)
    smtp, lmtp = running.smtp[1], running.lmtp[1]  # type: ignore[attr-defined]
    path = write_config(tmp_path / "d.toml", config, smtp, lmtp)
    _, checks = doctor(path)
    assert (checks["workers"]["status"], checks["workers"]["detail"]) == (
        "ok", "no process runs the workers now, and no mail waits")
    store = Store(config.database.path)
    try:
        store.insert_received([Received(b"From: bob@them.example\r\n\r\nhi\r\n", "<w1@them.example>",
                                        "ann@us.example", "lmtp", None, ("ann@us.example",), None)])
    finally:
        store.close()
    _, checks = doctor(path)
    assert checks["workers"]["status"] == "warn"
    assert checks["workers"]["detail"] == "no process runs the workers, and 1 message(s) wait"
    assert "mailhook worker" in checks["workers"]["fix"]
