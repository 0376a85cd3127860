"""The `mailhook` command: a thin click layer over every stage below it, one module per command
group; `options` holds what the commands share and imports none of them."""

from mailhook.cli.running import main

__all__ = ["main"]
