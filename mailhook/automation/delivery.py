"""Deliver each user's daily digest through the relay, once per user and day, on a daily schedule."""

from __future__ import annotations

import logging
import smtplib
import ssl
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from email.message import EmailMessage
from zoneinfo import ZoneInfo

from mailhook.automation.digest import Recipient, compose_digest
from mailhook.automation.links import digest_links
from mailhook.config import Config, DigestConfig
from mailhook.model import Flag
from mailhook.store import Store

log = logging.getLogger(__name__)

Send = Callable[[EmailMessage], None]
SMTP_TIMEOUT = 60.0
RETRY_SECONDS = 900.0  # after a failed delivery, try again this soon (the same day's digest)


def send_digest(
    message: EmailMessage, relay: DigestConfig, *, context: ssl.SSLContext | None = None
) -> None:
    """Hand one digest to the relay (STARTTLS and login when configured); failures raise."""
    with smtplib.SMTP(relay.relay_host, relay.relay_port, timeout=SMTP_TIMEOUT) as smtp:
        if relay.starttls:
            smtp.starttls(context=context or ssl.create_default_context())
        if relay.username:
            smtp.login(relay.username, relay.password)
        smtp.send_message(message)


def day_window(day: date, timezone: str) -> tuple[str, str]:
    """The day in the digest's time zone as a half-open UTC range in the store's timestamp format."""
    zone = ZoneInfo(timezone)
    start = datetime.combine(day, time(0), zone).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time(0), zone).astimezone(UTC)
    return _stamp(start), _stamp(end)


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def today(timezone: str, now: datetime | None = None) -> date:
    return (now or datetime.now(UTC)).astimezone(ZoneInfo(timezone)).date()


def compose_for(store: Store, config: Config, day: date, user_email: str) -> EmailMessage | None:
    """The digest one user would get for `day`, or None when nothing is new for them."""
    user = store.get_user(user_email)
    start, end = day_window(day, config.digest.timezone)
    tasks = store.tasks(user_email=user.email, status="recommended",
                        created_from=start, created_before=end)
    fills = store.ai_fills(user.email, start, end)
    suggestions = store.suggestions(user_email=user.email, created_from=start, created_before=end)
    return compose_digest(Recipient(user.email, user.name), day, tasks, fills,
                          sender=config.digest.sender, suggestions=suggestions,
                          links=digest_links(config))


def deliver_digests(
    store: Store, config: Config, day: date, *, users: Sequence[str] = (), send: Send | None = None
) -> list[str]:
    """Send the day's digest to every user (or those given) not yet sent one; returns who got one.

    The claim in digests_sent is committed before the mail goes out and withdrawn if sending
    fails, so a restart never sends a day's digest twice; a crash in the middle of sending
    loses that one digest rather than repeating it.
    """
    send = send or (lambda message: send_digest(message, config.digest))
    sent = []
    for email in users or list(store.users()):
        message = compose_for(store, config, day, email)
        if message is None or not store.claim_digest(email, day.isoformat()):
            continue
        try:
            send(message)
        except BaseException:
            store.release_digest(email, day.isoformat())
            raise
        sent.append(email)
        log.info("sent the %s digest to %s", day.isoformat(), email)
    return sent


def next_run(now: datetime, hour: int, timezone: str) -> datetime:
    """The next time the digests are due: today at `hour` local time if still ahead, else tomorrow."""
    local = now.astimezone(ZoneInfo(timezone))
    due = datetime.combine(local.date(), time(hour), ZoneInfo(timezone))
    if due <= local:
        due = datetime.combine(local.date() + timedelta(days=1), time(hour), ZoneInfo(timezone))
    return due


def run_daily(config: Config, stop: Flag, *, send: Send | None = None) -> None:
    """Until `stop`: on start if today's hour has passed, then every day at the hour, send digests."""
    store = Store(config.database.target)
    try:
        while not stop.is_set():
            now = datetime.now(UTC)
            local = now.astimezone(ZoneInfo(config.digest.timezone))
            delivered = True
            if local.hour >= config.digest.hour:
                delivered = _deliver_safely(store, config, local.date(), send)
            wait = (next_run(datetime.now(UTC), config.digest.hour, config.digest.timezone)
                    - datetime.now(UTC)).total_seconds()
            stop.wait(max(wait, 1.0) if delivered else RETRY_SECONDS)
    finally:
        store.close()


def _deliver_safely(store: Store, config: Config, day: date, send: Send | None) -> bool:
    """The scheduler's boundary: a relay that is down is logged and tried again soon."""
    try:
        deliver_digests(store, config, day, send=send)
    except Exception:  # noqa: BLE001 - the scheduler must outlive a broken relay
        log.exception("sending the %s digests failed; retrying in %.0f s", day.isoformat(),
                      RETRY_SECONDS)
        return False
    return True
