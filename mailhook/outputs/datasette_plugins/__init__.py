"""Datasette plugins that `mailhook browse` loads with --plugins-dir (Datasette runs every .py file
in this folder as a plugin, by path: absolute imports only)."""
