"""What every command shares: --config and one-line errors, the store, per-file output."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from mailhook.config import Config, load_config
from mailhook.errors import MailhookError
from mailhook.safe_text import json_dumps

if TYPE_CHECKING:  # the store loads only for a command that opens it (cli.lazy)
    from mailhook.store import Store

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
        except _database_errors() as exc:  # met after opening: damage, a long lock, a lost server
            raise click.ClickException(f"database {config.database.shown}: {_first_line(exc)}") from exc

    return wrapper


def open_store(config: Config) -> Store:
    from mailhook.store import Store

    return Store.configured(config.database)


def _database_errors() -> tuple[type[Exception], ...]:
    """Evaluated only once an exception is on its way, so a command that never opens the
    database never imports the store."""
    from mailhook.store.locks import database_errors

    return database_errors()


def _first_line(exc: Exception) -> str:
    """psycopg's messages run on with DETAIL and HINT lines; the CLI's error is one line."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


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
