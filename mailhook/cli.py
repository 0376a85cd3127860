"""The `mailhook` command: a thin click layer over the library."""

from __future__ import annotations

import dataclasses
import functools
import json
import logging
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from . import export
from .config import Config, load_config
from .errors import MailhookError
from .model import CONTACT_FIELDS, SOURCE_IMPORT, SOURCE_USER
from .safe_text import escape, json_dumps
from .store import Store, User

ON_OFF = click.Choice(["on", "off"])


def with_config(command: Callable[..., Any]) -> Callable[..., Any]:
    """Give a command `--config FILE` and turn our errors into one clear line (exit 1)."""

    @click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="Configuration file (default: conf/mailhook.toml, else the embedded default).",
    )
    @functools.wraps(command)
    def wrapper(config_path: Path | None, **kwargs: Any) -> Any:
        try:
            config = load_config(config_path)
            return command(config, **kwargs)
        except MailhookError as exc:
            raise click.ClickException(str(exc)) from exc
        except sqlite3.Error as exc:  # met after opening: damage deeper in the file, a long lock
            raise click.ClickException(f"database {config.database.path}: {exc}") from exc

    return wrapper


def open_store(config: Config) -> Store:
    return Store(config.database.path)


@click.group()
@click.version_option(package_name="mailhook")
def main() -> None:
    """mailhook: turns the mail your team sends and receives into contact details."""


@main.command()
@click.option("--no-worker", is_flag=True,
              help="Only receive and store; process later with `mailhook process` or a plain serve.")
@click.option("--log-level", type=click.Choice(["debug", "info", "warning", "error"]),
              default="info", show_default=True)
@with_config
def serve(config: Config, no_worker: bool, log_level: str) -> None:
    """Run the SMTP and LMTP listeners and the worker until SIGTERM/SIGINT."""
    from .service import serve as run_service

    logging.basicConfig(level=log_level.upper(), stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # aiosmtpd logs every connection at INFO; that is noise for a mail hook's operators.
    logging.getLogger("mail.log").setLevel(max(logging.WARNING, logging.getLogger().level))
    run_service(config, worker=not no_worker)


@main.command()
@with_config
def process(config: Config) -> None:
    """Process every pending message now, without listening (then exit)."""
    from .worker import Worker

    store = open_store(config)
    count = Worker(config).drain(store)
    click.echo(f"processed {count} message(s); {json.dumps(store.counts())}")


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@with_config
def status(config: Config, as_json: bool) -> None:
    """Counts of received, processed, pending and failed messages."""
    store = open_store(config)
    counts = store.counts()
    verdicts = store.verdicts()
    if as_json:
        click.echo(json.dumps({**counts, "dkim": verdicts, "failed_messages": store.failed_messages()}))
        return
    for key, value in counts.items():
        click.echo(f"{key:10} {value}")
    if verdicts:
        click.echo("dkim       " + ", ".join(f"{k} {v}" for k, v in verdicts.items()))
    for failed in store.failed_messages():
        click.echo(f"failed #{failed['id']} {failed['message_id']}: {failed['last_error']}")


@main.command()
@click.argument("ids", nargs=-1, type=int)
@with_config
def retry(config: Config, ids: tuple[int, ...]) -> None:
    """Re-queue failed messages (all, or the given ids from `status`)."""
    count = open_store(config).retry_failed(ids)
    click.echo(f"re-queued {count} message(s)")


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON line per message.")
@click.option("--tagger", default="packaged", show_default=True,
              help='The signature tagger: "packaged", "off", or the path of a flair model file.')
def extract(files: tuple[Path, ...], as_json: bool, tagger: str) -> None:
    """Read message files and print what the extractor finds (no database)."""
    from . import pipeline

    try:
        finders = pipeline.load_finders(tagger)
    except (OSError, MailhookError) as exc:
        raise click.ClickException(f"cannot load the tagger {tagger!r}: {exc}") from exc

    def analyse(path: Path) -> dict[str, Any]:
        reading = pipeline.read_message(path.read_bytes())
        return pipeline.extraction_record(str(path), reading, pipeline.extract(reading.own, finders))

    print_records(files, as_json, analyse, _print_extraction)


def print_records(
    files: tuple[Path, ...],
    as_json: bool,
    analyse: Callable[[Path], dict[str, Any]],
    show: Callable[[dict[str, Any]], None],
) -> None:
    """One record per message file, as JSON lines or text; a file that cannot be read gets an
    error record, the others still run, and the exit status is 1."""
    failed = False
    for path in files:
        try:
            record = analyse(path)
        except (OSError, MailhookError) as exc:
            failed = True
            record = {"path": str(path), "error": str(exc)}
        if as_json:
            click.echo(json_dumps(record))
        elif "error" in record:
            click.echo(f"== {path}\n   error: {record['error']}")
        else:
            show(record)
    if failed:
        sys.exit(1)


def _print_extraction(record: dict[str, Any]) -> None:
    click.echo(f"== {record['path']}")
    click.echo(f"   language {record['language']}, skipped {record['skipped']}")
    for field, value in record["fields"].items():
        if value is not None:
            click.echo(escape(f"   {field:15} {value}"))


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="The address to listen on: a loopback one unless --public.")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535))
@click.option("--public", is_flag=True,
              help="Allow a --host that is not loopback: whoever reaches it reads every contact.")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Also answer requests for this Host name (e.g. the machine's); repeatable.")
@with_config
def browse(config: Config, host: str, port: int, public: bool, allow_hosts: tuple[str, ...]) -> None:
    """Open the database in Datasette (the `browse` extra) with descriptions, facets and queries."""
    import importlib.util
    import subprocess
    import tempfile

    from .browse import datasette_command, is_loopback, metadata, served_names

    if importlib.util.find_spec("datasette") is None:
        raise click.ClickException("Datasette is not installed: pip install 'mailhook[browse]'")
    if not is_loopback(host):
        if not public:
            raise click.ClickException(
                f"--host {host} is not a loopback address: every contact would be readable from "
                "the network; add --public if that is meant")
        click.echo(f"warning: serving every contact on {host}:{port} without a login (--public)",
                   err=True)
    names = served_names(host, allow_hosts)
    click.echo(f"answering requests for Host {', '.join(names)} only", err=True)
    open_store(config).close()  # creates and migrates the database, so the views exist
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as meta:
        json.dump(metadata(config.database.path, names, port), meta)
    try:
        sys.exit(subprocess.call(datasette_command(config.database.path, Path(meta.name), host, port)))
    finally:
        Path(meta.name).unlink(missing_ok=True)


# --- users ----------------------------------------------------------------------------------


@main.group()
def users() -> None:
    """CRM users and their settings."""


@users.command("add")
@click.argument("email")
@click.option("--name", default=None)
@click.option("--inbox-automation", type=ON_OFF, default="off", show_default=True)
@with_config
def users_add(config: Config, email: str, name: str | None, inbox_automation: str) -> None:
    """Register a user; "fill contact details" starts on."""
    user = open_store(config).add_user(email, name, inbox_automation == "on")
    click.echo(f"added user {user.email}")


@users.command("set")
@click.argument("email")
@click.option("--fill-contact-details", type=ON_OFF, default=None)
@click.option("--inbox-automation", type=ON_OFF, default=None)
@click.option("--name", default=None)
@with_config
def users_set(
    config: Config,
    email: str,
    fill_contact_details: str | None,
    inbox_automation: str | None,
    name: str | None,
) -> None:
    """Change a user's settings (effective immediately, never retroactive)."""
    user = open_store(config).set_user(
        email,
        fill_contact_details=None if fill_contact_details is None else fill_contact_details == "on",
        inbox_automation=None if inbox_automation is None else inbox_automation == "on",
        name=name,
    )
    click.echo(_describe_user(user))


@users.command("password")
@click.argument("email")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@with_config
def users_password(config: Config, email: str, password_stdin: bool) -> None:
    """Set the password a user logs in with on the forwarding address ([smtp] require_auth)."""
    from .passwords import hash_password

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    if len(password) < 8:
        raise click.ClickException("a password needs at least 8 characters")
    open_store(config).set_password_hash(email, hash_password(password))
    click.echo(f"password set for {email.strip().lower()} (stored as a scrypt hash)")


@users.command("list")
@click.option("--json", "as_json", is_flag=True)
@with_config
def users_list(config: Config, as_json: bool) -> None:
    """List users and their settings."""
    found = list(open_store(config).users().values())
    if as_json:
        click.echo(json.dumps([u.__dict__ for u in found]))
        return
    for user in found:
        click.echo(_describe_user(user))


def _describe_user(user: User) -> str:
    fill = "on" if user.fill_contact_details else "off"
    automation = "on" if user.inbox_automation else "off"
    return f"{user.email}  fill-contact-details={fill}  inbox-automation={automation}"


# --- contacts -------------------------------------------------------------------------------


@main.group()
def contacts() -> None:
    """Contacts and their properties."""


def _property_options(command: Callable[..., Any]) -> Callable[..., Any]:
    for prop in reversed(CONTACT_FIELDS):
        command = click.option(f"--{prop.replace('_', '-')}", prop, default=None)(command)
    return command


@contacts.command("add")
@click.argument("email")
@_property_options
@with_config
def contacts_add(config: Config, email: str, **values: str | None) -> None:
    """Create a contact; the values given count as a user's edits."""
    open_store(config).add_contact(email, values, SOURCE_USER)
    click.echo(f"added contact {email.strip().lower()}")


@contacts.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@with_config
def contacts_import(config: Config, file: Path) -> None:
    """Import contacts from CSV (our column names or HubSpot's); all rows or none."""
    try:
        rows = export.read_import(file.read_text("utf-8-sig"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise click.ClickException(f"{file}: {exc}") from exc
    added, updated = open_store(config).import_contacts(rows)
    click.echo(f"imported {added} new and {updated} existing contact(s) with source {SOURCE_IMPORT}")


@contacts.command("set")
@click.argument("email")
@click.argument("prop", metavar="PROPERTY", type=click.Choice(CONTACT_FIELDS))
@click.argument("value")
@with_config
def contacts_set(config: Config, email: str, prop: str, value: str) -> None:
    """Set a property as a user edit (an empty VALUE clears it; the AI will not refill it)."""
    open_store(config).set_property(email, prop, value or None)
    click.echo(f"{email.strip().lower()} {prop} = {value!r} (user edit)")


@contacts.command("show")
@click.argument("email")
@click.option("--json", "as_json", is_flag=True)
@with_config
def contacts_show(config: Config, email: str, as_json: bool) -> None:
    """A contact's properties with their source, and the mail logged on it."""
    store = open_store(config)
    shown = store.contact(email)
    open_ones = store.suggestions(contact=email)
    if as_json:
        shown["suggestions"] = [dataclasses.asdict(s) for s in open_ones]
        click.echo(json_dumps(shown))
        return
    # Values and subjects may hold control characters (raw SQL, imports, mail): escaped, so that
    # they show instead of acting on the terminal.
    click.echo(escape(shown["email"]))
    for prop, meta in shown["properties"].items():
        if meta["value"] is not None or meta["user_edited"]:
            edited = " (user-edited)" if meta["user_edited"] else ""
            click.echo(escape(f"  {prop:15} {meta['value']!s:30} {meta['source']}{edited}"))
    for mail in shown["emails"]:
        dkim = f"dkim={mail['dkim_verdict']}" if mail["dkim_verdict"] else ""
        click.echo(escape(
            f"  {mail['direction']:9} {mail['date'] or '':25} {dkim:15} {mail['subject'] or ''}"))
    for suggestion in open_ones:
        click.echo(escape(f"  suggested #{suggestion.id}: {suggestion.property} -> {suggestion.value!r}"))


@contacts.command("list")
@click.option("--json", "as_json", is_flag=True)
@with_config
def contacts_list(config: Config, as_json: bool) -> None:
    """All contacts with their current values."""
    rows = open_store(config).contacts()
    if as_json:
        click.echo(json_dumps(rows))
        return
    for row in rows:
        name = " ".join(v for v in (row["first_name"], row["last_name"]) if v)
        click.echo(escape(f"{row['email']}  {name}"))


# --- export ---------------------------------------------------------------------------------


@main.group("export")
def export_group() -> None:
    """Export data."""


@export_group.command("filled")
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv",
              show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to FILE instead of standard output.")
@click.option("--hubspot", is_flag=True,
              help="One row per contact with HubSpot's import column names.")
@with_config
def export_filled(config: Config, fmt: str, output: Path | None, hubspot: bool) -> None:
    """Every property value the AI filled: email, property, value, filled_at, message_id."""
    rows = open_store(config).filled()
    writers = {
        ("csv", False): export.filled_csv,
        ("json", False): export.filled_json,
        ("csv", True): export.hubspot_csv,
        ("json", True): export.hubspot_json,
    }
    text = writers[(fmt, hubspot)](rows)
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, "utf-8")
        click.echo(f"wrote {len(rows)} filled value(s) to {output}", err=True)


# --- tasks and digest (mailhook/cli_tasks.py) -------------------------------------------------

from .cli_tasks import digest, tasks  # noqa: E402 - they use with_config from above

main.add_command(tasks)
main.add_command(digest)

# --- undo, doctor and export contacts (mailhook/cli_more.py) ---------------------------------

from .cli_more import doctor, export_contacts, undo  # noqa: E402 - they use with_config from above

main.add_command(undo)
main.add_command(doctor)

# --- suggested updates (mailhook/cli_suggestions.py) ------------------------------------------

from .cli_suggestions import suggestions  # noqa: E402 - it uses with_config from above

main.add_command(suggestions)

# --- backfill (mailhook/cli_replay.py) --------------------------------------------------------

from .cli_replay import replay_command  # noqa: E402 - it uses with_config from above

main.add_command(replay_command)
export_group.add_command(export_contacts)
