"""Signed, expiring links from the digest to the user's page: made for the digest's tasks and
suggestions, read by the page's confirmation page; and the web secret that signs them.

itsdangerous (already signing Starlette's session cookies) with its own salt, so that a link is
never a valid cookie nor a cookie a valid link, though one secret serves both. A link only names
what to show; acting takes a signed-in POST with the session's CSRF token on that page.
"""

from __future__ import annotations

import logging
import os
import secrets
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from itsdangerous import BadSignature, SignatureExpired, TimestampSigner, URLSafeTimedSerializer

from mailhook.config import Config
from mailhook.errors import ConfigError

log = logging.getLogger(__name__)

SALT = "mailhook.digest-link"
LINK_DAYS = 7  # a digest's links work for a week; then the page's own lists remain
LINK_SECONDS = LINK_DAYS * 86_400
KINDS = ("task", "suggestion")
ACTIONS = ("accept", "dismiss")
SECRET_BYTES = 48
Clock = Callable[[], float]


@dataclass(frozen=True)
class Target:
    """What a link asks the page to show: accept or dismiss one task or suggestion of one user."""

    kind: str
    id: int
    action: str
    user: str


class BadLink(Exception):
    """A link mailhook did not make as it reads (forged, damaged, cut short) or one too old."""

    def __init__(self, reason: str, *, expired: bool = False) -> None:
        super().__init__(reason)
        self.expired = expired


class _ClockSigner(TimestampSigner):
    """itsdangerous's signer with the time handed in, so that expiry is tested without waiting."""

    def __init__(self, *args: Any, clock: Clock, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clock = clock

    def get_timestamp(self) -> int:
        return int(self._clock())


class LinkSigner:
    def __init__(self, secret: str, clock: Clock = time.time) -> None:
        self._serializer = URLSafeTimedSerializer(secret, salt=SALT, signer=_ClockSigner,
                                                  signer_kwargs={"clock": clock})

    def token(self, target: Target) -> str:
        return str(self._serializer.dumps([target.kind, target.id, target.action, target.user]))

    def read(self, token: str, max_age: int = LINK_SECONDS) -> Target:
        """The link's target; BadLink when it is not one this secret signed or is older than
        `max_age` seconds."""
        try:
            found = self._serializer.loads(token, max_age=max_age)
        except SignatureExpired:
            raise BadLink(f"older than {max_age // 86_400} days", expired=True) from None
        except BadSignature:
            raise BadLink("not signed by this mailhook") from None
        return _target(found)


def _target(found: Any) -> Target:
    """Only what token() writes reads back (a signed link of an older format would not)."""
    if isinstance(found, list) and len(found) == 4:
        kind, number, action, user = found
        if (kind in KINDS and action in ACTIONS and isinstance(number, int)
                and not isinstance(number, bool) and isinstance(user, str)):
            return Target(kind, number, action, user)
    raise BadLink("signed, but not a link mailhook makes")


@dataclass(frozen=True)
class DigestLinks:
    """The page's addresses for a digest's tasks and suggestions."""

    base_url: str
    signer: LinkSigner

    def url(self, kind: str, number: int, action: str, user: str) -> str:
        token = self.signer.token(Target(kind, number, action, user))
        return f"{self.base_url.rstrip('/')}/go/{token}"


def digest_links(config: Config, clock: Clock = time.time) -> DigestLinks | None:
    """Links for the digest when the page runs and its public address is set; else None (the
    digest then names the CLI's commands only, as without the page)."""
    if not (config.web.enabled and config.web.base_url):
        return None
    return DigestLinks(config.web.base_url, LinkSigner(load_secret(secret_path(config)), clock))


def secret_path(config: Config) -> Path:
    return Path(config.web.secret_file) if config.web.secret_file else Path(
        f"{config.database.path}.web-secret")


def load_secret(path: Path) -> str:
    """The key that signs session cookies and digest links, made (readable by the owner only) on
    first use."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    except OSError as exc:
        raise ConfigError(f"web: cannot create the session key {path}: {exc.strerror}") from exc
    else:
        with os.fdopen(fd, "w") as out:
            out.write(secrets.token_urlsafe(SECRET_BYTES) + "\n")
        log.info("web: made a new session key in %s", path)
    try:
        if os.stat(path).st_mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise ConfigError(f"web: the session key {path} is readable by others; chmod 600 it")
        secret = path.read_text("ascii").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"web: cannot read the session key {path}: {exc}") from exc
    if len(secret) < 32:
        raise ConfigError(f"web: the session key in {path} is shorter than 32 characters")
    return secret
