"""The service runs with memory that is never writable and executable at once (systemd's
MemoryDenyWriteExecute=, which conf/systemd/mailhook.service sets), as the kernel enforces it
with prctl(PR_SET_MDWE): the listeners, a worker reading with the shipped tagger (NumPy; torch's
kernels compile code at run time and would fail), DKIM lookups over DNS (pycares) and the page."""

from __future__ import annotations

import ctypes
import re
import smtplib
import subprocess
import sys
from pathlib import Path

import pytest
from dkimstub import key_name, new_key, serving, signed
from linereader import LineReader
from mails import CONTACT, USER, reply

from mailhook.store import Store

MAILHOOK = str(Path(sys.executable).parent / "mailhook")
PR_SET_MDWE, PR_GET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN = 65, 66, 1
DEADLINE_SECONDS = 60.0
LISTENING = r"mailhook listening smtp=\S+ lmtp=([\d.]+):(\d+)"
# Runs what follows it under MDWE: the kernel keeps the flag across fork and exec.
UNDER_MDWE = ("import ctypes, os, sys; libc = ctypes.CDLL(None, use_errno=True); "
              f"assert libc.prctl({PR_SET_MDWE}, {PR_MDWE_REFUSE_EXEC_GAIN}, 0, 0, 0) == 0; "
              "os.execv(sys.argv[1], sys.argv[1:])")
# Asks for one page that is writable and executable: refused under MDWE.
PROBE = ("import mmap, sys\ntry:\n    mmap.mmap(-1, 4096, prot=mmap.PROT_READ | mmap.PROT_WRITE | "
         "mmap.PROT_EXEC)\nexcept OSError:\n    sys.exit(3)\n")


def _mdwe_supported() -> bool:
    return ctypes.CDLL(None, use_errno=True).prctl(PR_GET_MDWE, 0, 0, 0, 0) >= 0


pytestmark = pytest.mark.skipif(not _mdwe_supported(), reason="the kernel has no PR_SET_MDWE (Linux < 6.3)")


def under_mdwe(*command: str) -> list[str]:
    return [sys.executable, "-c", UNDER_MDWE, *command]


def test_the_wrapper_really_denies_writable_executable_memory() -> None:
    """The control: a process started under the wrapper cannot map W+X memory; without it, can."""
    assert subprocess.run([sys.executable, "-c", PROBE], timeout=DEADLINE_SECONDS).returncode == 0
    assert subprocess.run(under_mdwe(sys.executable, "-c", PROBE), timeout=DEADLINE_SECONDS).returncode == 3


def test_serve_reads_a_signed_reply_with_the_tagger_under_mdwe(tmp_path: Path) -> None:
    """`mailhook serve` under MDWE, DKIM required with keys from a DNS stub, the shipped tagger,
    the page on: a signed reply over LMTP is verified, read and fills the contact, and a SIGTERM
    stops it cleanly."""
    key = new_key()
    db = tmp_path / "mailhook.db"
    store = Store(db)
    store.add_user(USER, None, inbox_automation=True)
    store.add_contact(CONTACT, {}, "import")
    store.close()
    with serving({key_name("acme.example"): key.record}) as dns:
        config = tmp_path / "mailhook.toml"
        config.write_text(
            f'[database]\npath = "{db}"\n[smtp]\nport = 0\n[lmtp]\nport = 0\n[worker]\nprocesses = 1\n'
            f'[dkim]\npolicy = "require"\nnameservers = ["{dns}"]\n[web]\nenabled = true\nport = 0\n')
        proc = subprocess.Popen(under_mdwe(MAILHOOK, "serve", "--config", str(config)),
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
        assert proc.stdout is not None
        out = LineReader(proc.stdout)
        try:
            found = out.wait_for(LISTENING, seconds=DEADLINE_SECONDS)
            assert found, out.text()
            match = re.search(LISTENING, found[0])
            assert match is not None
            with smtplib.LMTP(match[1], int(match[2]), timeout=DEADLINE_SECONDS) as client:
                client.sendmail(CONTACT, [USER], signed(reply(), key, "acme.example"))
            assert out.wait_for(r"processed message \d+ ", seconds=DEADLINE_SECONDS), out.text()
            proc.terminate()
            assert proc.wait(DEADLINE_SECONDS) == 0, out.text()
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(DEADLINE_SECONDS)
    output = out.text()
    assert "ERROR" not in output and "Traceback" not in output, output
    store = Store(db)
    try:
        contact = store.contact(CONTACT)
    finally:
        store.close()
    assert [e["dkim_verdict"] for e in contact["emails"]] == ["pass"]
    assert contact["properties"]["job_title"]["value"] == "Sales Director", contact["properties"]
