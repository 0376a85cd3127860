"""`mailhook migrate-db --to postgresql://...`: the SQLite database copied into PostgreSQL, verified."""

from __future__ import annotations

import contextlib

import click

from mailhook.cli.options import with_config
from mailhook.config import Config
from mailhook.database_url import redact, url_problem
from mailhook.errors import InvalidValue
from mailhook.outputs.doctor import running_hook
from mailhook.store import Store
from mailhook.store.copy import copy_database
from mailhook.worker import exclusive


@click.command("migrate-db")
@click.option("--to", "url", required=True, metavar="URL",
              help="An empty PostgreSQL database: postgresql://user@host:port/dbname (the password "
                   "from the url, a PGPASSFILE or PGPASSWORD).")
@with_config
def migrate_db(config: Config, url: str) -> None:
    """Copy this config's SQLite database into an empty PostgreSQL database (every table, ids,
    provenance and history; one transaction) and verify each table's rows and checksum."""
    if problem := url_problem(url):
        raise click.ClickException(f"--to {problem}")
    if config.database.url:
        raise click.ClickException("migrate-db copies the SQLite file of [database] path; this "
                                   f"config already names {config.database.shown}")
    source_path = config.database.path
    if not source_path.exists():  # opening it would make an empty one
        raise click.ClickException(f"there is no database {source_path} to copy")
    running = running_hook(source_path)
    if running is not None:
        raise click.ClickException(
            f"mailhook serve (pid {running['pid']}) runs on {source_path}: stop it first, or the mail "
            "it stores after the copy stays behind")
    # No worker may write meanwhile: held for the copy, as `process` holds it for its run.
    with exclusive.processing(source_path, "mailhook migrate-db"):
        source = Store(source_path)
        with contextlib.closing(source):
            target = Store(url)
            with contextlib.closing(target):
                try:
                    copied = copy_database(source, target)
                except InvalidValue as exc:
                    raise click.ClickException(f"{redact(url)}: {exc}") from exc
    width = max(len(c.table) for c in copied)
    for table in copied:
        click.echo(f"{table.table:<{width}}  {table.rows:>9,} rows  sha256 {table.checksum[:16]}")
    click.echo(f"copied {sum(c.rows for c in copied):,} rows of {len(copied)} tables into "
               f"{redact(url)}; every table's rows and checksum equal on both sides")
