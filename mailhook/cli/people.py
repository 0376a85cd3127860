"""`mailhook users` and `mailhook contacts`: who uses the hook, and the contacts it fills."""

from __future__ import annotations

import dataclasses
import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
import phonenumbers

from mailhook.cli.options import ON_OFF, open_store, with_config
from mailhook.config import Config
from mailhook.model import CONTACT_FIELDS, SOURCE_IMPORT, SOURCE_USER
from mailhook.outputs import export
from mailhook.outputs.reasons import in_words
from mailhook.safe_text import escape, json_dumps
from mailhook.store import User
from mailhook.store.people import PhoneReader

# --- users ----------------------------------------------------------------------------------


@click.group()
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
    from mailhook.service.passwords import hash_password

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


@click.group()
def contacts() -> None:
    """Contacts and their properties."""


def _property_options(command: Callable[..., Any]) -> Callable[..., Any]:
    for prop in reversed(CONTACT_FIELDS):
        command = click.option(f"--{prop.replace('_', '-')}", prop, default=None)(command)
    return command


def _region(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is not None and value.upper() not in phonenumbers.SUPPORTED_REGIONS:
        raise click.BadParameter(f"{value!r} is not a country code phonenumbers knows (DE, FR, US...)")
    return value.upper() if value else None


_REGION = click.option(
    "--region", default=None, callback=_region, metavar="CC",
    help="Where a phone without + is dialled when the contact has no country (ISO code: DE, FR...).")


def _phones(region: str | None) -> PhoneReader:
    """Phones people type are stored as the AI's are: E.164, the text as typed kept beside it."""
    return functools.partial(export.typed_phone, region=region)


@contacts.command("add")
@click.argument("email")
@_property_options
@_REGION
@with_config
def contacts_add(config: Config, email: str, region: str | None, **values: str | None) -> None:
    """Create a contact; the values given count as a user's edits."""
    open_store(config).add_contact(email, values, SOURCE_USER, _phones(region))
    click.echo(f"added contact {email.strip().lower()}")


@contacts.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--strict", is_flag=True, help="Refuse a file with columns mailhook does not hold.")
@_REGION
@with_config
def contacts_import(config: Config, file: Path, strict: bool, region: str | None) -> None:
    """Import contacts from CSV (our column names or HubSpot's export); all rows or none."""
    try:
        found = export.read_import(file.read_text("utf-8-sig"), strict=strict)
    except (ValueError, UnicodeDecodeError) as exc:
        raise click.ClickException(f"{file}: {exc}") from exc
    added, updated = open_store(config).import_contacts(found.rows, _phones(region))
    if found.skipped:
        click.echo(f"skipped {len(found.skipped)} column(s) mailhook does not hold: "
                   f"{escape(', '.join(found.skipped))}", err=True)
    click.echo(f"imported {added} new and {updated} existing contact(s) with source {SOURCE_IMPORT}")


@contacts.command("set")
@click.argument("email")
@click.argument("prop", metavar="PROPERTY", type=click.Choice(CONTACT_FIELDS))
@click.argument("value")
@_REGION
@with_config
def contacts_set(config: Config, email: str, prop: str, value: str, region: str | None) -> None:
    """Set a property as a user edit (an empty VALUE clears it; the AI will not refill it)."""
    store = open_store(config)
    store.set_property(email, prop, value or None, _phones(region))
    stored = store.contact(email)["properties"][prop]["value"]
    shown = f"{value!r}" if stored == (value or None) else f"{stored!r} (typed {value!r})"
    click.echo(escape(f"{email.strip().lower()} {prop} = {shown} (user edit)"))


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
        if mail["skip_reason"]:
            click.echo(escape(f"  {'':9} not read: {in_words(mail['skip_reason'])}"))
    for suggestion in open_ones:
        click.echo(escape(f"  suggested #{suggestion.id}: {suggestion.property} -> {suggestion.value!r}"))


@contacts.command("list")
@click.option("--json", "as_json", is_flag=True)
@with_config
def contacts_list(config: Config, as_json: bool) -> None:
    """All contacts: email, name, company, job title, phone and how many values the AI filled."""
    rows = open_store(config).contacts()
    if as_json:
        click.echo(json_dumps(rows))
        return
    if rows:
        for line in _table([_LIST_HEADER, *(_list_cells(row) for row in rows)]):
            click.echo(line)


_LIST_HEADER = ("EMAIL", "NAME", "COMPANY", "JOB TITLE", "PHONE", "AI")
_WIDEST = 28  # a cell wider than this is cut, so one long company name keeps the table compact


def _list_cells(row: dict[str, Any]) -> tuple[str, ...]:
    name = " ".join(v for v in (row["first_name"], row["last_name"]) if v)
    phone = row["phone"] or row["mobile_phone"] or ""
    # Values may hold control characters (raw SQL, imports): escaped, so they show instead of act.
    return tuple(escape(cell) for cell in (
        row["email"], name, row["company"] or "", row["job_title"] or "", phone,
        str(row["ai_filled"])))


def _table(rows: list[tuple[str, ...]]) -> list[str]:
    """Left-aligned columns as wide as their widest cell; cells past _WIDEST end in "…" (the
    email never: it is what the other commands take)."""
    cut = [row[:1] + tuple(c if len(c) <= _WIDEST else c[: _WIDEST - 1] + "…" for c in row[1:])
           for row in rows]
    widths = [max(len(row[i]) for row in cut) for i in range(len(cut[0]))]
    return ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cut]
