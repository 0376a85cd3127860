"""A mailhook command in a child process, its output read by a thread, and the config the tests here
start it on."""

from __future__ import annotations

import queue
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

MAILHOOK = str(Path(sys.executable).parent / "mailhook")
DEADLINE_SECONDS = 60.0


class Command:
    """One mailhook command in a child process; a thread reads its output (stdout and stderr)."""

    def __init__(self, *args: str, cwd: Path | None = None) -> None:
        """`cwd`: the folder it starts in (a url's run file is named relative to it)."""
        self.proc = subprocess.Popen([MAILHOOK, *args], stdout=subprocess.PIPE, cwd=cwd,
                                     stderr=subprocess.STDOUT, text=True, bufsize=1)
        self.lines: list[str] = []
        self._events: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line)
            self._events.put(line)
        self._events.put(None)

    def wait_for(self, pattern: str) -> re.Match[str]:
        """The first output line from now on matching `pattern`; fails at the deadline or exit."""
        deadline = time.monotonic() + DEADLINE_SECONDS
        while True:
            try:
                line = self._events.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                pytest.fail(f"no line matching {pattern!r} before the deadline:\n{self.output()}")
            if line is None:
                pytest.fail(f"mailhook exited ({self.proc.wait()}):\n{self.output()}")
            if found := re.search(pattern, line):
                return found

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=DEADLINE_SECONDS)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait()

    def output(self) -> str:
        return "".join(self.lines[-40:])


FORWARDING = "log@hook.example"
READY = re.compile(r"mailhook listening smtp=\S+ lmtp=([\d.]+):(\d+)(?: web=(\S+))?")


def write_config(tmp_path: Path, url: str, extra: str = "", *, database: str = "") -> Path:
    """A config on `url`; `database` adds keys to [database], `extra` sections at the end."""
    path = tmp_path / "mailhook.toml"
    path.write_text(
        f'[database]\nurl = "{url}"\n{database}[smtp]\nport = 0\n[lmtp]\nport = 0\n'
        f"[addresses]\nforwarding = ['{FORWARDING}']\n"
        '[dkim]\npolicy = "off"\n[extract]\ntagger = "off"\n[worker]\nprocesses = 1\n' + extra)
    return path
