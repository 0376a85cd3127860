"""Tests of mailhook.service."""
