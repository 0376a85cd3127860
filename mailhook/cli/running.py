"""The `mailhook` group and the commands that run the hook: serve, worker, process, status, retry,
extract, browse."""

from __future__ import annotations

import importlib.machinery
import json
import logging
import sys
from pathlib import Path
from typing import Any

import click

from mailhook.cli.lazy import LazyGroup
from mailhook.cli.options import open_store, print_records, with_config
from mailhook.config import Config
from mailhook.errors import MailhookError
from mailhook.safe_text import escape

# The other modules' commands, imported only when one of them runs (cli.lazy).
ELSEWHERE = {
    "users": "mailhook.cli.people:users", "contacts": "mailhook.cli.people:contacts",
    "export": "mailhook.cli.exports:export_group", "tasks": "mailhook.cli.tasks:tasks",
    "digest": "mailhook.cli.tasks:digest", "undo": "mailhook.cli.maintenance:undo",
    "doctor": "mailhook.cli.maintenance:doctor", "suggestions": "mailhook.cli.suggestions:suggestions",
    "replay": "mailhook.cli.replay:replay_command", "migrate-db": "mailhook.cli.migrate:migrate_db",
}


@click.group(cls=LazyGroup, lazy=ELSEWHERE)
@click.version_option(package_name="mailhook")
def main() -> None:
    """mailhook: turns the mail your team sends and receives into contact details."""
    _spare_children_the_script()


def _spare_children_the_script() -> None:
    """multiprocessing's spawn runs the parent's __main__ again in every child, unless it is a
    package's __main__ module (as under `python -m`). Run as the console script, that is this
    whole CLI, which no worker, replay child or intake writer uses: 0.35 s and 28 MB each. Named
    as `python -m mailhook` would name it, it is skipped."""
    script = sys.modules["__main__"]
    if getattr(script, "__spec__", None) is None and getattr(script, "__file__", None):
        script.__spec__ = importlib.machinery.ModuleSpec("mailhook.__main__", None)


@main.command()
@click.option("--no-worker", is_flag=True,
              help="Only receive and store; process later with `mailhook process` or a plain serve.")
@click.option("--log-level", type=click.Choice(["debug", "info", "warning", "error"]),
              default="info", show_default=True)
@with_config
def serve(config: Config, no_worker: bool, log_level: str) -> None:
    """Run the SMTP and LMTP listeners and the worker until SIGTERM/SIGINT."""
    from mailhook.service.serve import serve as run_service

    _log_to_stderr(log_level)
    # aiosmtpd logs every connection at INFO; that is noise for a mail hook's operators.
    logging.getLogger("mail.log").setLevel(max(logging.WARNING, logging.getLogger().level))
    run_service(config, worker=not no_worker)


@main.command()
@click.option("--log-level", type=click.Choice(["debug", "info", "warning", "error"]),
              default="info", show_default=True)
@with_config
def worker(config: Config, log_level: str) -> None:
    """Run only the worker processes (and the daily digests) until SIGTERM/SIGINT, for the mail a
    `mailhook serve --no-worker` stores; one per database."""
    from mailhook.service.serve import run_workers

    _log_to_stderr(log_level)
    run_workers(config)


def _log_to_stderr(level: str) -> None:
    logging.basicConfig(level=level.upper(), stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")


@main.command()
@with_config
def process(config: Config) -> None:
    """Process every pending message now, without listening (then exit); [worker] processes
    worker processes share the work."""
    from mailhook.worker import exclusive, leases, pool
    from mailhook.worker.processing import Worker

    # It takes back every claim before it starts: a running worker would lose the one in hand.
    with exclusive.processing(config.database.target, "mailhook process",
                              host=config.database.host):
        store = open_store(config)
        processes = config.worker.process_count
        with leases.kept(config):  # the children keep their own
            count = Worker(config).drain(store) if processes == 1 else pool.drain(config, processes)
    click.echo(f"processed {count} message(s); {json.dumps(store.counts())}")


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@with_config
def status(config: Config, as_json: bool) -> None:
    """Counts of received, processed, pending and failed messages; how many processed ones were
    not read for contact details, and why."""
    from mailhook.outputs.reasons import in_words

    store = open_store(config)
    counts = store.counts()
    verdicts = store.verdicts()
    not_read = store.not_read()
    if as_json:
        click.echo(json.dumps({
            **counts, "dkim": verdicts,
            "not_read": [{"reason": r, "in_words": in_words(r), "count": n} for r, n in not_read.items()],
            "failed_messages": store.failed_messages()}))
        return
    for key, value in counts.items():
        click.echo(f"{key:10} {value}")
    if verdicts:
        click.echo("dkim       " + ", ".join(f"{k} {v}" for k, v in verdicts.items()))
    if not_read:
        click.echo(f"not read   {sum(not_read.values())}")
        for reason, count in not_read.items():
            click.echo(escape(f"{count:>10} {in_words(reason)}"))
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
    from mailhook import pipeline

    try:
        finders = pipeline.load_finders(tagger)
    except (OSError, MailhookError) as exc:
        raise click.ClickException(f"cannot load the tagger {tagger!r}: {exc}") from exc

    def analyse(path: Path) -> dict[str, Any]:
        reading = pipeline.read_message(path.read_bytes())
        return pipeline.extraction_record(str(path), reading, pipeline.extract(reading.own, finders))

    print_records(files, as_json, analyse, _print_extraction)


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

    from mailhook.outputs.browse import is_loopback, run_datasette, served_names

    if config.database.url:
        raise click.ClickException("browse opens an SQLite file in Datasette; with [database] url "
                                   "use a PostgreSQL client (psql, a BI tool) instead")
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
    # SIGTERM, SIGINT and SIGHUP stop Datasette too and remove its metadata file.
    sys.exit(run_datasette(config.database.path, names, host, port))
