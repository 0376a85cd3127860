"""Tests of mailhook.outputs."""
