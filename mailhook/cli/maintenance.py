"""`mailhook undo` and `mailhook doctor`: taking back what the AI wrote, and checking an installation."""

from __future__ import annotations

import dataclasses
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import click

from mailhook.cli.options import open_store, with_config
from mailhook.config import Config
from mailhook.outputs.doctor import FAIL, WARN, run_checks
from mailhook.store import utc_now
from mailhook.store.history import Reversal
from mailhook.worker import exclusive

# --- undo -----------------------------------------------------------------------------------


def parse_since(text: str) -> str:
    """An ISO 8601 time or date as the store writes times (UTC); a time without a zone is UTC."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError as exc:
        raise click.BadParameter(
            f"{text!r} is not an ISO 8601 date or time (e.g. 2026-11-23 or 2026-11-23T09:30:00Z)",
            param_hint="--since",
        ) from exc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return utc_now(moment.timestamp())


def message_id_forms(given: tuple[str, ...]) -> list[str]:
    """Message-IDs are stored with their angle brackets; accept them typed with or without."""
    forms: list[str] = []
    for text in given:
        bare = text.strip().strip("<>")
        forms += [f for f in (text.strip(), f"<{bare}>", bare) if f not in forms]
    return forms


@click.command("undo")
@click.option("--message", "message_ids", multiple=True, metavar="MESSAGE_ID",
              help="Undo what the AI filled from this message (repeatable).")
@click.option("--since", metavar="TIMESTAMP",
              help="Undo what the AI filled at or after this ISO 8601 time or date (UTC if no zone).")
@click.option("--dry-run", is_flag=True, help="Print what would change; change nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@with_config
def undo_command(config: Config, message_ids: tuple[str, ...], since: str | None, dry_run: bool,
         as_json: bool) -> None:
    """Revert the AI's fills where nobody has changed the value since (source `undo`)."""
    if not message_ids and since is None:
        raise click.UsageError("give --message MESSAGE_ID or --since TIMESTAMP (or both)")
    found = open_store(config).undo_fills(
        message_ids=message_id_forms(message_ids),
        since=None if since is None else parse_since(since),
        dry_run=dry_run,
    )
    reverted = [r for r in found if r.reverted]
    skipped = [r for r in found if not r.reverted]
    if as_json:
        click.echo(json.dumps({
            "dry_run": dry_run,
            "reverted": [dataclasses.asdict(r) for r in reverted],
            "skipped": [dataclasses.asdict(r) for r in skipped],
        }, ensure_ascii=False))
        return
    for r in found:
        click.echo(_describe_reversal(r, dry_run))
    click.echo(_undo_summary(len(reverted), len(skipped), dry_run))


def _describe_reversal(r: Reversal, dry_run: bool) -> str:
    where = f"{r.contact_email} {r.property}"
    if not r.reverted:
        return f"skipped {where}: {r.reason}"
    verb = "would revert" if dry_run else "reverted"
    return (f"{verb} {where}: {_shown(r.ai_value)} -> {_shown(r.restored)} "
            f"(filled {r.filled_at} from {r.message_id})")


def _shown(value: str | None) -> str:
    return "(empty)" if value is None else repr(value)


def _undo_summary(reverted: int, skipped: int, dry_run: bool) -> str:
    if not reverted and not skipped:
        return "nothing to undo"
    if dry_run:
        return f"would revert {reverted}, skip {skipped} (dry run: nothing changed)"
    return f"reverted {reverted}, skipped {skipped}"


# --- doctor ---------------------------------------------------------------------------------


@click.command("doctor")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
# Its own --config rather than with_config: a config that does not load is a finding to
# report (as a `fail` naming the key), not an error that stops the command.
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              default=None,
              help="Configuration file (default: conf/mailhook.toml, else the embedded default).")
def doctor_command(config_path: Path | None, as_json: bool) -> None:
    """Check config, database, ports, model file and DNS; exit 1 if anything fails."""
    checks = run_checks(config_path, workers=exclusive.holder)
    failed = sum(c.status == FAIL for c in checks)
    if as_json:
        click.echo(json.dumps({"ok": not failed, "checks": [dataclasses.asdict(c) for c in checks]}))
    else:
        for check in checks:
            click.echo(f"{check.status:5} {check.name:16} {check.detail}")
            if check.fix:
                click.echo(f"{'':22} fix: {check.fix}")
        warned = sum(c.status == WARN for c in checks)
        click.echo(f"{failed} failure(s), {warned} warning(s)" if failed or warned else "all good")
    if failed:
        sys.exit(1)


# The names mailhook.cli.running registers.
undo: click.Command = undo_command
doctor: click.Command = doctor_command
