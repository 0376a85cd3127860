"""Tests of mailhook.rules."""
