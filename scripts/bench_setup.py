"""The benchmarks' mailhook under test: a scratch configuration and database, contacts, `serve`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bench_load import FORWARDING, USER, stop

MAILHOOK = str(Path(sys.executable).parent / "mailhook")

__all__ = ["MAILHOOK", "import_contacts", "run", "start_hook", "stop", "write_config"]


def run(args: list[str]) -> None:
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"{' '.join(args[1:3])} failed ({done.returncode}): {done.stderr[-2000:]}")


def write_config(work: Path, processes: int | None = None, contact: str | None = "bob@acme.example"
                 ) -> Path:
    """A configuration in `work` (DKIM off; `processes` workers, None: the default) with the
    user USER, inbox automation on, and `contact` a known contact."""
    config = work / "mailhook.toml"
    worker = f"[worker]\nprocesses = {processes}\n" if processes is not None else ""
    config.write_text(
        f'[database]\npath = "{work / "mailhook.db"}"\n[smtp]\nport = 0\n[lmtp]\nport = 0\n'
        f'[addresses]\nforwarding = ["{FORWARDING}"]\n[dkim]\npolicy = "off"\n'
        # Every intake row stores thousands; the default's 10,000 would refuse the last rounds.
        f'[intake]\nmax_backlog = 1000000\n{worker}'
    )
    run([MAILHOOK, "users", "add", USER, "--inbox-automation", "on", "--config", str(config)])
    if contact:
        run([MAILHOOK, "contacts", "add", contact, "--config", str(config)])
    return config


def import_contacts(config: Path, work: Path, emails: list[str]) -> None:
    """Make every sender a known contact, as a user's imported CRM would."""
    contacts = work / "contacts.csv"
    contacts.write_text("email\n" + "\n".join(emails) + "\n")
    run([MAILHOOK, "contacts", "import", str(contacts), "--config", str(config)])


def start_hook(config: Path, worker: bool = False) -> tuple[subprocess.Popen[str], int, int]:
    """`mailhook serve` (with its workers or without); the process and its SMTP and LMTP ports."""
    flags = [] if worker else ["--no-worker"]
    proc = subprocess.Popen([MAILHOOK, "serve", *flags, "--log-level", "warning", "--config",
                             str(config)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("mailhook listening"):
            smtp = int(line.split("smtp=")[1].split()[0].rsplit(":", 1)[1])
            lmtp = int(line.split("lmtp=")[1].split()[0].rsplit(":", 1)[1])
            return proc, smtp, lmtp
    raise RuntimeError("mailhook serve did not start")
