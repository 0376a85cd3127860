"""`mailhook export`: what the AI filled, and every contact, for spreadsheets and CRMs."""

from __future__ import annotations

from pathlib import Path

import click

from mailhook.cli.options import open_store, with_config
from mailhook.config import Config
from mailhook.outputs import export, vcard

# --- export ---------------------------------------------------------------------------------


@click.group("export")
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
        click.echo(f"wrote {len(rows)} filled value(s) to {output.resolve()}", err=True)


@export_group.command("contacts")
@click.option("--format", "fmt", type=click.Choice(["vcard", "csv", "json"]), default="vcard",
              show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to FILE instead of standard output.")
@click.option("--hubspot", is_flag=True, help="csv and json: HubSpot's import column names.")
@with_config
def export_contacts(config: Config, fmt: str, output: Path | None, hubspot: bool) -> None:
    """All contacts with all their properties: vCard 4.0, CSV or JSON."""
    if hubspot and fmt == "vcard":
        raise click.UsageError("--hubspot names CSV or JSON columns; use it with --format csv|json")
    rows = open_store(config).contacts()
    if fmt == "vcard":
        text = vcard.contacts_vcf(rows)
    elif fmt == "csv":
        text = export.contacts_csv(rows, hubspot)
    else:
        text = export.contacts_json(rows, hubspot)
    if output is None:
        click.echo(text, nl=False)
    else:
        # Bytes, so vCard's CRLF line ends are written as they are on every platform.
        output.write_bytes(text.encode("utf-8"))
        click.echo(f"wrote {len(rows)} contact(s) to {output.resolve()}", err=True)
