"""The `mailhook tasks` and `mailhook digest` commands: a thin click layer over intent and digests."""

from __future__ import annotations

import dataclasses
import smtplib
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

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
@click.option("--print", "print_only", is_flag=True, help="Print the digest mail(s); send nothing.")
@click.option("--send", "send", is_flag=True, help="Send through the [digest] relay.")
@with_config
def _digest(config: Config, user_email: str | None, day: datetime | None, print_only: bool,
            send: bool) -> None:
    """Compose each user's digest of a day: new recommended tasks and what the AI filled."""
    from mailhook.automation.delivery import compose_for, deliver_digests, today

    if print_only == send:
        raise click.UsageError("give exactly one of --print or --send")
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
    for email in users:
        message = compose_for(store, config, the_day, email)
        if message is not None:
            click.echo(message.as_string())


digest: click.Command = _digest  # the name mailhook.cli.running registers
