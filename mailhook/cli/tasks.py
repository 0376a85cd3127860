"""The `mailhook tasks` and `mailhook digest` commands: a thin click layer over intent and digests."""

from __future__ import annotations

import dataclasses
import smtplib
from datetime import date, datetime
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import click

from mailhook.automation.digest import html_page, text_part
from mailhook.cli.options import open_store, print_records, with_config
from mailhook.config import Config
from mailhook.safe_text import escape, json_dumps
from mailhook.store.tasks import STATUSES

tasks = click.Group("tasks", help="Recommended follow-up tasks found by inbox automation.")


@tasks.command("detect")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON line per message.")
def tasks_detect(files: tuple[Path, ...], as_json: bool) -> None:
    """Read message files and print the follow-up tasks in their authors' own words (no database)."""
    from mailhook.automation.intent import detection_record

    print_records(files, as_json, lambda path: detection_record(str(path), path.read_bytes()),
                  _print_detection)


def _print_detection(record: dict[str, Any]) -> None:
    click.echo(f"== {record['path']}")
    for task in record["tasks"]:
        click.echo(escape(f"   {task['title']}  (due {task['due'] or '-'})"))
        click.echo(escape(f"      \"{task['sentence']}\""))


@tasks.command("list")
@click.option("--user", "user_email", default=None, help="Only this user's tasks.")
@click.option("--status", type=click.Choice(STATUSES), default=None)
@click.option("--json", "as_json", is_flag=True)
@with_config
def tasks_list(config: Config, user_email: str | None, status: str | None, as_json: bool) -> None:
    """List tasks, oldest first."""
    found = open_store(config).tasks(user_email=user_email, status=status)
    if as_json:
        click.echo(json_dumps([dataclasses.asdict(t) for t in found]))
        return
    for task in found:
        due = f"due {task.due}" if task.due else "no due date"
        # Titles are the mail's own words: escaped, so that controls show instead of acting.
        click.echo(escape(f"#{task.id:<5} {task.status:11} {task.user_email}  "
                          f"{task.contact_email or '-'}  {due}  {task.title}"))


@tasks.command("accept")
@click.argument("task_id", metavar="ID", type=int)
@with_config
def tasks_accept(config: Config, task_id: int) -> None:
    """Accept a recommended task."""
    task = open_store(config).set_task_status(task_id, "accepted")
    click.echo(escape(f"accepted task #{task.id}: {task.title}"))


@tasks.command("dismiss")
@click.argument("task_id", metavar="ID", type=int)
@with_config
def tasks_dismiss(config: Config, task_id: int) -> None:
    """Dismiss a recommended task."""
    task = open_store(config).set_task_status(task_id, "dismissed")
    click.echo(escape(f"dismissed task #{task.id}: {task.title}"))


@click.command("digest")
@click.option("--user", "user_email", default=None, help="Only this user (default: every user).")
@click.option("--date", "day", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="The day, in [digest] timezone (default: today).")
@click.option("--print", "print_only", is_flag=True,
              help="Print the digest's headers and text; send nothing.")
@click.option("--html", "html_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="With --print: also write the digest's HTML part to FILE (one user's digest).")
@click.option("--send", "send", is_flag=True, help="Send through the [digest] relay.")
@with_config
def _digest(config: Config, user_email: str | None, day: datetime | None, print_only: bool,
            html_path: Path | None, send: bool) -> None:
    """Compose each user's digest of a day: new recommended tasks and what the AI filled."""
    from mailhook.automation.delivery import compose_for, deliver_digests, today

    if print_only == send:
        raise click.UsageError("give exactly one of --print or --send")
    if html_path is not None and send:
        raise click.UsageError("--html writes a printed digest's HTML part; use it with --print")
    store = open_store(config)
    the_day: date = day.date() if day else today(config.digest.timezone)
    users = [user_email] if user_email else list(store.users())
    if send:
        try:
            sent = deliver_digests(store, config, the_day, users=users)
        except (OSError, smtplib.SMTPException) as exc:
            relay = f"{config.digest.relay_host}:{config.digest.relay_port}"
            raise click.ClickException(f"cannot send the digest through {relay}: {exc}") from exc
        click.echo(f"sent {len(sent)} digest(s) for {the_day.isoformat()}"
                   + (f": {', '.join(sent)}" if sent else ""))
        return
    messages = [m for m in (compose_for(store, config, the_day, e) for e in users) if m is not None]
    if html_path is not None and len(messages) > 1:
        raise click.UsageError(f"{len(messages)} users have a digest for {the_day.isoformat()}; "
                               "--html writes one: add --user EMAIL")
    if not messages:
        click.echo(f"no digest for {the_day.isoformat()}: nothing new", err=True)
    for number, message in enumerate(messages):
        click.echo(("\n" + "=" * 72 + "\n" if number else "") + _readable(message), nl=False)
    page = html_page(messages[0]) if html_path is not None and messages else None
    if html_path is not None and page is not None:
        html_path.write_text(page, "utf-8")
        click.echo(f"wrote the HTML part to {html_path.resolve()}", err=True)


def _readable(message: EmailMessage) -> str:
    """A digest as a terminal shows it: decoded headers and text part, each line escaped (the
    text quotes mail), and a pointer to the HTML part instead of its quoted-printable source."""
    lines = [f"{name}: {message[name]}" for name in ("From", "To", "Subject", "Date")
             if message[name] is not None]
    lines += ["", *text_part(message).splitlines()]
    if message.get_body(("html",)) is not None:
        lines += ["", "[the HTML part (text/html) is not shown: --html FILE writes it]"]
    return "".join(escape(line) + "\n" for line in lines)


digest: click.Command = _digest  # the name mailhook.cli.running registers
