"""Tests of mailhook.cli."""
