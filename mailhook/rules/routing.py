"""Whose mail is it: direction, user, the contacts it is logged on, and whether it may be scanned."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from mailhook.config import Config
from mailhook.model import Author, User
from mailhook.trust.authorship import NO_FROM_ADDRESS, NO_FROM_FIELD

INBOUND = "inbound"
OUTBOUND = "outbound"
FORWARDED = "forwarded"
TEAM = "team"
UNKNOWN = "unknown"


class Unroutable(Exception):
    """The message names nobody we can attribute it to (kept as failed for inspection)."""


@dataclass(frozen=True)
class Envelope:
    listener: str  # "smtp" (forwarding address) or "lmtp" (copy of a user's inbox)
    recipient: str
    mail_from: str | None
    received_at: str


@dataclass(frozen=True)
class Headers:
    """The header facts routing needs (from the pipeline's Reading, authors read by authorship)."""

    sender: Author | None  # as read
    author_problem: str | None  # why the sender may not be believed; None: it may
    to: tuple[Author, ...]
    cc: tuple[Author, ...]
    forwarded_from: Author | None  # original sender when the message forwards another one
    forwarded_problem: str | None = None  # why the original's author may not be believed


@dataclass(frozen=True)
class Route:
    direction: str
    user: User | None
    contact: str | None = None  # whose own words are read for contact details
    read_forwarded: bool = False  # read the forwarded original instead of the sender's text
    logged_on: tuple[str, ...] = ()
    create: tuple[str, ...] = ()
    scan: bool = False
    skip_reason: str | None = None
    not_created: int = 0  # new contacts left out by [logging] max_new_contacts


def unproven(route: Route, reason: str) -> Route:
    """The route of mail whose author could not be shown to be who it claims: nothing logged,
    created or read."""
    return Route(route.direction, route.user, skip_reason=reason)


def route_message(
    env: Envelope, headers: Headers, users: Mapping[str, User], config: Config
) -> Route:
    if env.listener == "smtp":
        return _route_forwarding(env, headers, users, config)
    return _route_copy(env, headers, users, config)


def _route_forwarding(
    env: Envelope, h: Headers, users: Mapping[str, User], config: Config
) -> Route:
    """Mail a user sent to a forwarding address: BCC'd outbound mail, or a forward of a message."""
    user = _user_of(h.sender, users)  # the intake accepted only a From naming one user
    if user is None:
        raise Unroutable("no registered user in From")
    if h.author_problem is not None:
        return Route(OUTBOUND, user, skip_reason=f"author in doubt: {h.author_problem}")
    external = _external(h.to + h.cc, users, config, keep_never_log=True)
    if h.forwarded_from is not None and not external:
        return _forwarded(env, h, user, users, config)
    return _outbound(user, h, users, config)


def _forwarded(
    env: Envelope, h: Headers, user: User, users: Mapping[str, User], config: Config
) -> Route:
    original = (h.forwarded_from.email if h.forwarded_from else None) or ""
    if not original or not _is_contact_address(original, users, config):
        return Route(FORWARDED, user, skip_reason="forwarded mail has no external original sender")
    if h.forwarded_problem is not None:
        return Route(FORWARDED, user, skip_reason=f"original author in doubt: {h.forwarded_problem}")
    scan, reason = _may_fill(user, env.received_at)
    return Route(FORWARDED, user, contact=original, read_forwarded=True, logged_on=(original,),
                 scan=scan, skip_reason=reason)


def _route_copy(env: Envelope, h: Headers, users: Mapping[str, User], config: Config) -> Route:
    """A copy the MTA delivered over LMTP for one recipient: a team inbox or a user's inbox."""
    recipient = env.recipient.lower()
    sender = (h.sender.email if h.sender else None) or ""
    doubt = _doubt(h)
    if recipient in config.addresses.team:
        logged = (sender,) if sender and not doubt and _is_contact_address(sender, users, config) else ()
        return Route(TEAM, None, logged_on=logged, skip_reason=doubt or "team address")
    owner = users.get(recipient)
    if owner is None:
        return Route(UNKNOWN, None, skip_reason=f"{recipient} is no longer a user")
    if doubt:
        return Route(INBOUND, owner, skip_reason=doubt)
    sender_user = _user_of(h.sender, users)
    if sender_user is not None:
        if not _automation_on(sender_user, env.received_at):
            return Route(OUTBOUND, sender_user, skip_reason="inbox automation off")
        return _outbound(sender_user, h, users, config)
    if not sender:
        raise Unroutable("no From address")
    if not _automation_on(owner, env.received_at):
        return Route(INBOUND, owner, skip_reason="inbox automation off")
    if not _is_contact_address(sender, users, config):
        return Route(INBOUND, owner, skip_reason="sender is never logged")
    scan, reason = _may_fill(owner, env.received_at)
    return Route(INBOUND, owner, contact=sender, logged_on=(sender,), scan=scan,
                 skip_reason=reason)


def _outbound(user: User, h: Headers, users: Mapping[str, User], config: Config) -> Route:
    """Logged on every external recipient; the user's own words are never read for contacts."""
    recipients = _external(h.to + h.cc, users, config, keep_never_log=False)
    create = recipients if config.logging.create_contacts else ()
    cap = config.logging.max_new_contacts
    return Route(OUTBOUND, user, logged_on=recipients, create=create[:cap],
                 skip_reason="outbound mail is not scanned", not_created=max(0, len(create) - cap))


def _doubt(h: Headers) -> str | None:
    """Why the author cannot be believed, when there is one in doubt (no From at all is for
    Unroutable to say)."""
    if h.author_problem is None or h.author_problem in (NO_FROM_FIELD, NO_FROM_ADDRESS):
        return None
    return f"author in doubt: {h.author_problem}"


def _may_fill(user: User, received_at: str) -> tuple[bool, str | None]:
    since = user.fill_contact_details_since
    if not user.fill_contact_details or since is None:
        return False, "fill contact details off"
    if received_at < since:
        return False, "received before fill contact details was turned on"
    return True, None


def _automation_on(user: User, received_at: str) -> bool:
    since = user.inbox_automation_since
    return user.inbox_automation and since is not None and received_at >= since


def _user_of(author: Author | None, users: Mapping[str, User]) -> User | None:
    return users.get(author.email) if author and author.email else None


def _external(
    people: tuple[Author, ...], users: Mapping[str, User], config: Config, *, keep_never_log: bool
) -> tuple[str, ...]:
    """Addresses that may be contacts, in header order, without duplicates."""
    found: list[str] = []
    for person in people:
        email = (person.email or "").lower()
        if not email or email in found:
            continue
        if keep_never_log and _is_own_address(email, users, config):
            continue
        if not keep_never_log and not _is_contact_address(email, users, config):
            continue
        found.append(email)
    return tuple(found)


def _is_own_address(email: str, users: Mapping[str, User], config: Config) -> bool:
    return (
        email in users
        or email in config.addresses.team
        or email in config.addresses.forwarding
    )


def _is_contact_address(email: str, users: Mapping[str, User], config: Config) -> bool:
    """Users', team and forwarding addresses never become contacts, nor anything on never_log."""
    if _is_own_address(email, users, config):
        return False
    domain = email.rpartition("@")[2]
    return email not in config.logging.never_log and domain not in config.logging.never_log
