"""Tests of mailhook.automation."""
