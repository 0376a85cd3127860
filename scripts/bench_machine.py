"""What else keeps the benchmark machine busy: processes outside this run using CPU now."""

from __future__ import annotations

import os
import time
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")


def _cpu_ticks() -> dict[int, int]:
    ticks = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:  # ended meanwhile
                continue
            ticks[int(entry.name)] = int(fields[11]) + int(fields[12])  # utime + stime
    return ticks


def _command(pid: int) -> str:
    try:
        return (Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode().strip())[:90]
    except OSError:
        return "?"


def others(seconds: float = 2.0, threshold: float = 10.0) -> list[str]:
    """Processes other than this one using over `threshold` % of a core over `seconds`, busiest
    first, as "command (NN% of a core)"."""
    before = _cpu_ticks()
    time.sleep(seconds)
    after = _cpu_ticks()
    busy = []
    for pid, ticks in after.items():
        share = 100 * (ticks - before.get(pid, ticks)) / TICKS / seconds
        if pid != os.getpid() and share >= threshold:
            busy.append((share, f"`{_command(pid)}` ({share:.0f}% of a core)"))
    return [text for _, text in sorted(busy, reverse=True)]
