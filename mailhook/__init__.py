"""mailhook: a self-hosted mail hook that fills contact properties from mail, never overwriting people."""

__version__ = "0.1.0"
