"""Tests of mailhook.trust."""
