"""Every `sqlite-utils` command in README.md and docs/schema.md runs as written, from a folder laid
out like the repository root (.venv, var/mailhook.db), against a database the hook made."""

from __future__ import annotations

import re
import shlex
import sqlite3
import subprocess
import sys
from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path

import pytest

from mailhook.config import load_config
from mailhook.store import Received, Store
from mailhook.worker.processing import Worker

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = ("README.md", "docs/schema.md")
CONTACT = "bob@acme.example"  # the contact the documented queries ask about
TRY_OUT_DB = "var/try-out.db"  # conf/try-out.toml's database
BODY = """Hi Ann,

thanks for the call.

Best regards,
Bob Smith
Sales Director
Tel: +49 30 1234567
"""


def shell_commands(markdown: str) -> list[list[str]]:
    """The commands of the document's ```sh blocks, each split as the shell splits it (a quoted
    query may span lines; comments and line continuations are the shell's)."""
    commands = []
    for block in re.findall(r"^```sh\n(.*?)^```", markdown, re.DOTALL | re.MULTILINE):
        pending = ""
        for line in block.replace("\\\n", " ").splitlines():
            pending += line + "\n"
            try:
                words = shlex.split(pending, comments=True)
            except ValueError:  # a quotation still open: the command goes on on the next line
                continue
            if words:
                commands.append(words)
            pending = ""
    return commands


def documented() -> list[tuple[str, list[str]]]:
    found = []
    for name in DOCUMENTS:
        text = (ROOT / name).read_text(encoding="utf-8")
        found += [(name, words) for words in shell_commands(text) if "sqlite-utils" in words[0]]
    return found


@pytest.fixture(scope="module")
def root_like(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the venv at .venv and var/mailhook.db made by the hook: Bob's reply read by
    the real worker (fills, candidates, the message log) and a failed message."""
    folder = tmp_path_factory.mktemp("root")
    (folder / ".venv").symlink_to(Path(sys.prefix))
    db = folder / "var" / "mailhook.db"
    db.parent.mkdir()
    config_file = folder / "mailhook.toml"
    config_file.write_text(f"[database]\npath = '{db}'\n[dkim]\npolicy = 'off'\n"
                           "[extract]\ntagger = 'off'\n", encoding="utf-8")
    store = Store(db)
    store.add_user("ann@us.example", "Ann", inbox_automation=True)
    store.add_contact(CONTACT, {}, "import")
    message = EmailMessage()
    message["From"] = f"Bob Smith <{CONTACT}>"
    message["To"] = "ann@us.example"
    message["Subject"] = "Re: quote"
    message["Date"] = formatdate()
    message["Message-ID"] = "<r1@acme.example>"
    message.set_content(BODY)
    store.insert_received([Received(bytes(message), "<r1@acme.example>", "ann@us.example", "lmtp",
                                    CONTACT, ("ann@us.example",), None)])
    Worker(load_config(config_file)).drain(store)
    store.insert_received([Received(b"x", "<f1@x>", "ann@us.example", "lmtp", None, (), None)])
    (item,) = store.claim(1)
    store.fail(item.id, "boom", max_attempts=1)
    store.close()
    # README's "Five minutes with it" queries the try-out config's database: the same content.
    with sqlite3.connect(db) as source, sqlite3.connect(folder / TRY_OUT_DB) as copy:
        source.backup(copy)
    return folder


def test_the_documents_call_the_venvs_sqlite_utils() -> None:
    """Each documented sqlite-utils command starts with .venv/bin/sqlite-utils (a fresh clone has
    no sqlite-utils on PATH) and names the default database."""
    commands = documented()
    assert {name for name, _ in commands} == set(DOCUMENTS)
    assert len(commands) >= 15
    assert [" ".join(w) for _, w in commands if w[0] != ".venv/bin/sqlite-utils"] == []
    assert [" ".join(w) for _, w in commands if w[2] not in ("var/mailhook.db", TRY_OUT_DB)] == []


def test_the_try_out_database_is_the_try_out_configs() -> None:
    """The one documented query on another database reads what conf/try-out.toml writes."""
    assert load_config(ROOT / "conf" / "try-out.toml").database.path == Path(TRY_OUT_DB)


def _query_id(value: object) -> str:
    """A test id: the document's name, or the start of the command's SQL on one line."""
    return value if isinstance(value, str) else " ".join(str(value[3]).split())[:50]  # type: ignore[index]


@pytest.mark.parametrize(("document", "words"), documented(), ids=_query_id)
def test_documented_command_runs(root_like: Path, document: str, words: list[str]) -> None:
    """The command exits 0 without an error; one that writes a file (`> FILE`) writes it."""
    output = None
    if ">" in words:
        at = words.index(">")
        words, output = words[:at], root_like / words[at + 1]
    done = subprocess.run(words, cwd=root_like, capture_output=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert b"Error" not in done.stderr
    if output is not None:
        output.write_bytes(done.stdout)
        assert output.read_bytes().startswith(b"From: Bob Smith")


@pytest.mark.parametrize(("view", "expected"), [
    ("filled_by_ai", "+49301234567"), ("property_provenance", "+49301234567"),
    ("failed_messages", "boom"), ("message_log", "Re: quote"), ("candidates", "Sales Director"),
])
def test_documented_queries_find_the_hooks_data(root_like: Path, view: str, expected: str) -> None:
    """The documented queries are not only valid: on the hook's database they find its data."""
    (words, *_) = [w for _, w in documented() if re.search(rf"\bfrom {view}\b", w[3])]
    done = subprocess.run(words, cwd=root_like, capture_output=True, text=True, timeout=120,
                          check=True)
    assert expected in done.stdout
