"""`mailhook digest --print` shows a digest as a person reads it, and `--html FILE` writes its
HTML part, both in UTF-8 (a contact named Müller, not `M=C3=BCller`)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from mailhook.automation.delivery import compose_for, today
from mailhook.automation.digest import html_page, text_part
from mailhook.cli import main
from mailhook.config import Config, load_config
from mailhook.store import Received, Store
from mailhook.worker.processing import Worker

USER = "ann@us.example"
CONTACT = "j.mueller@firma.example"
BODY = """Hi Ann,

can you send the revised quote by Friday?

Best regards,
Jürgen Müller
Einkaufsleiter
Tel: +49 89 1234567
"""


def _reply(message_id: str, to: str) -> bytes:
    """Jürgen Müller's reply, as a real MIME message dated now."""
    message = EmailMessage()
    message["From"] = f"Jürgen Müller <{CONTACT}>"
    message["To"] = to
    message["Subject"] = "Re: Angebot für München"
    message["Date"] = formatdate(time.time())
    message["Message-ID"] = message_id
    message.set_content(BODY)
    return bytes(message)


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    path = tmp_path / "mailhook.toml"
    path.write_text(f"[database]\npath = '{tmp_path / 'mailhook.db'}'\n"
                    "[addresses]\nforwarding = ['log@hook.example']\n"
                    "[dkim]\npolicy = 'off'\n[extract]\ntagger = 'off'\n", encoding="utf-8")
    return path


@pytest.fixture
def config(config_file: Path) -> Iterator[Config]:
    """Ann got Jürgen Müller's reply today, read by the real worker: a task and his details."""
    config = load_config(config_file)
    store = Store(config.database.path)
    store.add_user(USER, "Ann Lee", inbox_automation=True)
    store.add_contact(CONTACT, {}, "import")
    store.insert_received([Received(_reply("<r1@firma.example>", USER), "<r1@firma.example>",
                                    USER, "lmtp", CONTACT, (USER,), None)])
    Worker(config).drain(store)
    store.close()
    yield config


def digest(config_file: Path, *args: str) -> Result:
    day = today("UTC").isoformat()
    return CliRunner().invoke(main, ["digest", "--date", day, *args, "--config", str(config_file)])


def test_print_shows_decoded_headers_and_text_not_quoted_printable(
    config: Config, config_file: Path
) -> None:
    """The printed digest has its headers and text part decoded: Müller reads as Müller, no
    transfer encoding or MIME boundary shows, and the HTML part is named, not dumped."""
    printed = digest(config_file, "--print")
    assert printed.exit_code == 0, printed.output
    out = printed.stdout
    assert "Jürgen Müller <j.mueller@firma.example>" in out
    assert "last name       Müller" in out
    assert '"Re: Angebot für München"' in out
    assert "To: Ann Lee <ann@us.example>" in out and "Subject: Your mailhook digest for" in out
    for raw in ("=C3=BC", "Content-Transfer-Encoding", "quoted-printable", "boundary=", "<div"):
        assert raw not in out
    assert "--html FILE writes it" in out


def test_html_writes_the_html_part_as_a_utf8_page(
    config: Config, config_file: Path, tmp_path: Path
) -> None:
    """`--print --html FILE` writes the HTML part, decoded, with its charset declared; the path
    reported is absolute."""
    page = tmp_path / "digest.html"
    printed = digest(config_file, "--print", "--html", str(page))
    assert printed.exit_code == 0, printed.output
    written = page.read_text(encoding="utf-8")
    assert written.startswith("<!doctype html>") and '<meta charset="utf-8">' in written
    assert "Jürgen Müller &lt;j.mueller@firma.example&gt;" in written
    assert "=C3=BC" not in written and "=3D" not in written
    assert f"wrote the HTML part to {page.resolve()}" in printed.stderr


def test_html_needs_print_and_one_digest(config: Config, config_file: Path, tmp_path: Path) -> None:
    """`--html` with `--send` is a usage error; when two users have a digest it asks for --user
    and writes nothing."""
    page = tmp_path / "digest.html"
    assert digest(config_file, "--send", "--html", str(page)).exit_code == 2
    store = Store(config.database.path)
    store.add_user("carl@us.example", None, inbox_automation=True)
    store.insert_received([Received(_reply("<r2@firma.example>", "carl@us.example"),
                                    "<r2@firma.example>", "carl@us.example", "lmtp", CONTACT,
                                    ("carl@us.example",), None)])
    Worker(config).drain(store)
    store.close()
    both = digest(config_file, "--print", "--html", str(page))
    assert both.exit_code == 2 and "add --user EMAIL" in both.output and not page.exists()
    one = digest(config_file, "--print", "--user", "carl@us.example", "--html", str(page))
    assert one.exit_code == 0, one.output
    assert "To: carl@us.example" in one.stdout
    # Carl's digest, not Ann's: his has the task only (Ann's also lists the filled details).
    assert "<title>Your mailhook digest for" in page.read_text("utf-8")
    assert "filled" not in page.read_text("utf-8")


def test_text_part_and_html_page_decode_the_composed_mail(config: Config) -> None:
    """The two readers return the parts' text, whatever transfer encoding the mail chose."""
    store = Store(config.database.path)
    message = compose_for(store, config, today("UTC"), USER)
    store.close()
    assert message is not None
    assert "=C3=BC" in message.as_string()  # the encoded form the mail carries
    assert "Jürgen Müller" in text_part(message)
    page = html_page(message)
    assert page is not None and "Jürgen Müller" in page
