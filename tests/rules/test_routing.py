"""Whose mail is it: routing decisions for every kind of copy, as pure functions."""

from __future__ import annotations

import dataclasses

import pytest

from mailhook.config import Config, LoggingConfig, parse_config
from mailhook.model import Author
from mailhook.rules.routing import Envelope, Headers, Route, Unroutable, route_message
from mailhook.store import User

ON = "2026-01-01T00:00:00.000Z"
LATER = "2026-06-01T00:00:00.000Z"
EARLIER = "2025-06-01T00:00:00.000Z"

CONFIG = parse_config(
    "[addresses]\nforwarding = ['log@hook.example']\nteam = ['sales@us.example']"
)


def user(email: str, *, fill: bool = True, automation: bool = True) -> User:
    return User(email, None, fill, ON if fill else None, automation, ON if automation else None)


USERS = {u.email: u for u in (user("ann@us.example"), user("cy@us.example", automation=False))}


def who(*emails: str) -> tuple[Author, ...]:
    return tuple(Author(None, e) for e in emails)


def route(listener: str, rcpt: str, sender: str | None, to: tuple[str, ...] = (),
          forwarded_from: str | None = None, config: Config = CONFIG, at: str = LATER,
          problem: str | None = None, forwarded_problem: str | None = None) -> Route:
    headers = Headers(Author("X", sender) if sender else None, problem, who(*to), (),
                      Author(None, forwarded_from) if forwarded_from else None, forwarded_problem)
    return route_message(Envelope(listener, rcpt, sender, at), headers, USERS, config)


def test_inbound_copy_is_logged_on_sender_and_scanned() -> None:
    """LMTP copy from a non-user to a user with inbox automation on: the sender is read."""
    r = route("lmtp", "ann@us.example", "bob@them.example", to=("ann@us.example",))
    assert (r.direction, r.contact, r.logged_on, r.scan) == (
        "inbound", "bob@them.example", ("bob@them.example",), True)
    assert r.create == ()


def test_inbound_copy_needs_inbox_automation() -> None:
    """Without inbox automation the copy is accepted but neither logged nor scanned."""
    r = route("lmtp", "cy@us.example", "bob@them.example")
    assert (r.logged_on, r.scan, r.skip_reason) == ((), False, "inbox automation off")


def test_mail_from_before_the_setting_was_on_is_not_scanned() -> None:
    """Nothing is scanned retroactively: mail received before the setting was turned on."""
    r = route("lmtp", "ann@us.example", "bob@them.example", at=EARLIER)
    assert r.scan is False


def test_fill_setting_off_logs_without_scanning() -> None:
    """With fill contact details off the mail is logged but not scanned."""
    users = {"ann@us.example": user("ann@us.example", fill=False)}
    headers = Headers(Author(None, "bob@them.example"), None, (), (), None)
    r = route_message(Envelope("lmtp", "ann@us.example", None, LATER), headers, users, CONFIG)
    assert (r.logged_on, r.scan, r.skip_reason) == (
        ("bob@them.example",), False, "fill contact details off")


def test_team_address_is_never_scanned() -> None:
    """Copies for team inboxes are accepted and never scanned."""
    r = route("lmtp", "sales@us.example", "bob@them.example")
    assert (r.direction, r.scan) == ("team", False)


def test_bcc_outbound_logs_and_creates_recipients_never_scans() -> None:
    """BCC'd outbound mail: logged on every external recipient, created if unknown, and the
    user's own words (their signature) are never read."""
    r = route("smtp", "log@hook.example", "ann@us.example",
              to=("bob@them.example", "cy@us.example", "sales@us.example", "dee@them.example"))
    assert r.direction == "outbound"
    assert r.logged_on == r.create == ("bob@them.example", "dee@them.example")
    assert (r.contact, r.scan) == (None, False)


def test_never_log_and_create_contacts_setting() -> None:
    """never_log (address or domain) excludes recipients; create_contacts=false creates none."""
    config = dataclasses.replace(
        CONFIG, logging=LoggingConfig(create_contacts=False, never_log=("them.example",)))
    r = route("smtp", "log@hook.example", "ann@us.example",
              to=("bob@them.example", "eve@other.example"), config=config)
    assert (r.logged_on, r.create) == (("eve@other.example",), ())


def test_forward_to_the_forwarding_address_reads_the_original_sender() -> None:
    """A user forwarding a message to the hook: the original sender is the contact."""
    r = route("smtp", "log@hook.example", "ann@us.example", to=("log@hook.example",),
              forwarded_from="bob@them.example")
    assert (r.direction, r.contact, r.read_forwarded, r.scan) == (
        "forwarded", "bob@them.example", True, True)


def test_forward_of_a_colleagues_mail_is_not_scanned() -> None:
    """A forwarded message whose original sender is a user is nobody's contact."""
    r = route("smtp", "log@hook.example", "ann@us.example", to=("log@hook.example",),
              forwarded_from="cy@us.example")
    assert (r.contact, r.scan) == (None, False)


def test_outbound_copy_via_lmtp_is_logged_on_recipients() -> None:
    """Postfix's sender_bcc_maps copy of a user's sent mail is outbound logging."""
    r = route("lmtp", "ann@us.example", "ann@us.example", to=("bob@them.example",))
    assert (r.direction, r.logged_on, r.scan) == ("outbound", ("bob@them.example",), False)


def test_an_author_in_doubt_is_neither_logged_nor_scanned() -> None:
    """A From that authorship cannot vouch for (several addresses, a group...) changes nothing:
    no fill, and no log entry on whoever one reading of it names."""
    r = route("lmtp", "ann@us.example", "bob@them.example", problem="more than one From address")
    assert (r.scan, r.logged_on, r.skip_reason) == (
        False, (), "author in doubt: more than one From address")


def test_an_author_in_doubt_claiming_to_be_a_user_logs_nothing() -> None:
    """One reading names a user: the copy is not taken for the user's outbound mail."""
    r = route("lmtp", "ann@us.example", "ann@us.example", to=("bob@them.example",),
              problem="a From field that readers read differently")
    assert (r.logged_on, r.create) == ((), ())


def test_forward_whose_original_author_is_in_doubt_is_not_read() -> None:
    """The forwarded original's From line obeys the same one-author rules before it may fill."""
    r = route("smtp", "log@hook.localhost", "ann@us.example", forwarded_from="bob@them.example",
              forwarded_problem="an address inside the display name")
    assert (r.scan, r.contact, r.logged_on) == (False, None, ())
    assert r.skip_reason == "original author in doubt: an address inside the display name"


def test_one_message_creates_at_most_max_new_contacts() -> None:
    """A runaway or forged recipient list cannot flood the contacts: the rest is counted."""
    config = dataclasses.replace(CONFIG, logging=dataclasses.replace(CONFIG.logging, max_new_contacts=2))
    many = tuple(f"p{i}@them.example" for i in range(5))
    r = route("lmtp", "ann@us.example", "ann@us.example", to=many, config=config)
    assert (r.create, r.not_created, r.logged_on) == (many[:2], 3, many)


def test_message_without_from_cannot_be_routed() -> None:
    """No From at all: the worker parks the message for inspection."""
    with pytest.raises(Unroutable):
        route("lmtp", "ann@us.example", None)
