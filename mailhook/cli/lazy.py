"""A click group whose sub-commands are imported when they are run, not when `mailhook` starts.

Each command module pulls in what it needs (the store, the pipeline, DKIM, the web page), and
importing them all took most of a second of every command's start-up, `mailhook --help`
included; a worker or replay parent paid it beside the children it waits for."""

from __future__ import annotations

import importlib

import click


class LazyGroup(click.Group):
    """`lazy` maps a command's name to "module:attribute"; commands added directly work as usual."""

    def __init__(self, *args: object, lazy: dict[str, str] | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._lazy = dict(lazy or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self._lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self._lazy and cmd_name not in self.commands:
            module, _, attribute = self._lazy[cmd_name].partition(":")
            command = getattr(importlib.import_module(module), attribute)
            if not isinstance(command, click.Command):
                raise TypeError(f"{self._lazy[cmd_name]} is not a click command")
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)
