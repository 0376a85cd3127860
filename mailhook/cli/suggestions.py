"""The `mailhook suggestions` commands: suggested updates that users accept or dismiss."""

from __future__ import annotations

import dataclasses

import click

from mailhook.cli.options import open_store, with_config
from mailhook.config import Config
from mailhook.outputs.reasons import not_written
from mailhook.safe_text import escape, json_dumps
from mailhook.store import Suggestion
from mailhook.store.suggestions import SUGGESTION_STATUSES

suggestions = click.Group(
    "suggestions",
    help="Suggested updates: values a contact's signature showed that differ from what it holds.",
)


@suggestions.command("list")
@click.option("--status", type=click.Choice([*SUGGESTION_STATUSES, "all"]), default="open",
              show_default=True)
@click.option("--contact", default=None, help="Only this contact's suggestions.")
@click.option("--user", "user_email", default=None, help="Only suggestions from this user's mail.")
@click.option("--json", "as_json", is_flag=True)
@with_config
def suggestions_list(
    config: Config, status: str, contact: str | None, user_email: str | None, as_json: bool
) -> None:
    """List suggested updates, oldest first."""
    found = open_store(config).suggestions(
        status=None if status == "all" else status, contact=contact, user_email=user_email
    )
    if as_json:
        click.echo(json_dumps([dataclasses.asdict(s) for s in found]))
        return
    for suggestion in found:
        click.echo(describe(suggestion))


# Why the AI did not write a value (mailhook.rules.fill's reasons), as a person reads it.


def describe(suggestion: Suggestion) -> str:
    """One line: what the contact holds, what its signature says, how often that was seen and
    why the AI did not write it."""
    value = suggestion.current_value
    held = repr(value) if value is not None else "(empty)"
    reason = suggestion.reason
    why = f"; not written: {not_written(reason)}" if reason else ""
    return escape(f"#{suggestion.id:<5} {suggestion.status:10} {suggestion.contact_email}  "
                  f"{suggestion.property}: {held} -> {suggestion.value!r}  "
                  f"seen {suggestion.seen}x{why}")


@suggestions.command("accept")
@click.argument("suggestion_id", metavar="ID", type=int)
@with_config
def suggestions_accept(config: Config, suggestion_id: int) -> None:
    """Write the suggested value, as a user's edit."""
    suggestion = open_store(config).accept_suggestion(suggestion_id)
    click.echo(f"accepted: {describe(suggestion)}")


@suggestions.command("dismiss")
@click.argument("suggestion_id", metavar="ID", type=int)
@with_config
def suggestions_dismiss(config: Config, suggestion_id: int) -> None:
    """Dismiss a suggestion; the same value is not suggested again for this contact."""
    suggestion = open_store(config).dismiss_suggestion(suggestion_id)
    click.echo(f"dismissed: {describe(suggestion)}")
