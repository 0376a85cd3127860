"""Tests of mailhook.worker."""
