"""The shipped systemd unit: valid for systemd, hardened, and pointing at the shipped config."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from mailhook.config import load_config

REPO = Path(__file__).resolve().parents[2]
UNIT = REPO / "conf" / "systemd" / "mailhook.service"
SERVICE_CONFIG = REPO / "conf" / "systemd" / "mailhook.toml"
MOST_EXPOSURE = 3.0
SYSTEM_UNITS = Path("/usr/lib/systemd/system")  # the targets every service depends on
# `systemd-analyze security --offline` exists since systemd 250.
OLDEST_SYSTEMD = 250
RUN_SECONDS = 60


def _systemd_version() -> int | None:
    if shutil.which("systemd-analyze") is None:
        return None
    first = subprocess.run(["systemd-analyze", "--version"], capture_output=True, text=True,
                           timeout=RUN_SECONDS).stdout.split("\n", 1)[0]
    found = re.match(r"systemd (\d+)", first)
    return int(found.group(1)) if found else None


VERSION = _systemd_version()
pytestmark = pytest.mark.skipif(
    VERSION is None or VERSION < OLDEST_SYSTEMD,
    reason=f"needs systemd-analyze from systemd {OLDEST_SYSTEMD} or later (Debian's systemd; "
    "scripts/test installs it when run as root)",
)


def unit_settings() -> dict[str, list[str]]:
    """Every Key=value line of the shipped unit (a key may repeat)."""
    settings: dict[str, list[str]] = {}
    for line in UNIT.read_text().splitlines():
        if "=" in line and not line.startswith(("#", ";", "[")):
            key, value = line.split("=", 1)
            settings.setdefault(key.strip(), []).append(value.strip())
    return settings


def analyze(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["systemd-analyze", *args], capture_output=True, text=True,
                          timeout=RUN_SECONDS)


def test_unit_passes_systemd_analyze_verify(tmp_path: Path) -> None:
    """`systemd-analyze verify` finds nothing to say about the unit: no unknown key, no bad
    value, and the command it starts exists where the install note puts it. The check runs in a
    root of its own, holding the system's units and a stand-in for the installed command."""
    command = unit_settings()["ExecStart"][0].split()[0]
    stand_in = tmp_path / command.lstrip("/")
    stand_in.parent.mkdir(parents=True)
    stand_in.write_text("#!/bin/sh\n")
    stand_in.chmod(0o755)
    shutil.copytree(SYSTEM_UNITS, tmp_path / SYSTEM_UNITS.relative_to("/"), symlinks=True)
    installed = tmp_path / "etc" / "systemd" / "system" / UNIT.name
    installed.parent.mkdir(parents=True)
    shutil.copyfile(UNIT, installed)
    done = analyze("verify", f"--root={tmp_path}", UNIT.name)
    assert (done.returncode, done.stdout + done.stderr) == (0, "")


def test_unit_exposure_is_at_most_three() -> None:
    """`systemd-analyze security --offline` scores the unit's exposure at 3.0 or less (the old
    unit scored 8.7, EXPOSED), and `--threshold` agrees."""
    done = analyze("security", "--offline=true", UNIT.as_posix())
    found = re.search(r"Overall exposure level for mailhook\.service: (\d+\.\d)", done.stdout)
    assert found, done.stdout + done.stderr
    assert float(found.group(1)) <= MOST_EXPOSURE, done.stdout
    threshold = analyze("security", "--offline=true", f"--threshold={int(MOST_EXPOSURE * 10)}",
                        UNIT.as_posix())
    assert threshold.returncode == 0, threshold.stdout + threshold.stderr


def test_service_config_keeps_the_database_in_the_state_directory() -> None:
    """The unit starts mailhook with the config the install note copies to its configuration
    directory, and that config puts the database in the unit's StateDirectory, the one place
    the sandboxed service may write."""
    settings = unit_settings()
    (state,) = settings["StateDirectory"]
    (configuration,) = settings["ConfigurationDirectory"]
    command = settings["ExecStart"][0].split()
    config_path = Path(command[command.index("--config") + 1])
    assert config_path == Path("/etc") / configuration / SERVICE_CONFIG.name
    database = load_config(SERVICE_CONFIG).database.path
    assert database.parent == Path("/var/lib") / state
    assert settings["WorkingDirectory"] == [f"/var/lib/{state}"]
    assert settings["User"] == ["mailhook"]
