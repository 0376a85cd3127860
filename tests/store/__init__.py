"""Tests of mailhook.store."""
