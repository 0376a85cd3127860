"""What a message's headers say for follow-up intent: machine or list mail, when written, to whom."""

from __future__ import annotations

import re
from datetime import datetime
from email import policy
from email.errors import HeaderParseError
from email.header import decode_header, make_header
from email.message import Message
from email.parser import BytesHeaderParser
from email.utils import getaddresses, parseaddr, parsedate_to_datetime

from mailhook.automation import cues as cues
from mailhook.automation.addressing import Audience, group_address
from mailhook.pipeline.display import role_mailbox
from mailhook.trust.authorship import addresses_in, read_header_block

# Headers that mark mail nobody wrote to this reader personally (RFC 3834, RFC 2369, RFC 2919).
_AUTO_SUBMITTED = re.compile(r"^\s*(?!no\b)\S", re.IGNORECASE)
_BULK_PRECEDENCE = re.compile(r"^\s*(?:bulk|list|junk|auto_reply)\b", re.IGNORECASE)
_AUTOREPLY_HEADERS = ("x-autoreply", "x-autorespond")
# Machines that write mail nobody answers: notifications, bounces.
_AUTOMATED_SENDER = re.compile(
    r"^(?:no-?reply|do-?not-?reply|mailer-daemon|postmaster|notifications?)(?:[+.-]|@)", re.IGNORECASE
)
_LIST_HEADERS = ("list-id", "list-unsubscribe", "list-post")
_MAX_HEADER = 1000
_MAX_ADDRESS_HEADER = 20_000  # To, Cc and References of long threads run past 1000 characters
_MESSAGE_ID = re.compile(r"<[^<>\s]+>")
_MAX_HEAD_BYTES = 256 * 1024  # the header block we read; the body never matters here
_HEADER_END = re.compile(rb"\r?\n\r?\n")


def excluded_reason(raw: bytes, reader: str | None = None) -> str | None:
    """Why a message's headers say it is no personal mail (auto-reply, bulk, list), or None.

    A list post addressed in To to a person, the list in copy ("To: Guenter Roeck <linux@...>,
    Cc: linux-hwmon@vger..."), is written to that person: it is personal mail for `reader` when
    To names them, and, with no reader given, when To names anyone but a list or group."""
    headers = _headers(raw)
    if _AUTO_SUBMITTED.match(str(headers.get("auto-submitted", "no"))):
        return "auto-submitted"
    listed = any(headers.get(name) is not None for name in _LIST_HEADERS)
    if listed and _written_to(raw, headers, reader):
        listed = False
    elif _BULK_PRECEDENCE.match(str(headers.get("precedence", ""))):
        return "precedence: " + str(headers.get("precedence")).strip().lower()
    if listed:
        return "mailing list"
    for name in _AUTOREPLY_HEADERS:
        if headers.get(name) is not None:
            return "auto-reply"
    if cues.OUT_OF_OFFICE.search(_decoded(headers.get("subject"))):
        return "out of office"
    if _AUTOMATED_SENDER.match(parseaddr(str(headers.get("from", ""))[:_MAX_HEADER])[1]):
        return None if _on_behalf_of_a_person(headers) else "automated sender"
    return None


def _written_to(raw: bytes, headers: Message, reader: str | None) -> bool:
    """A discussion list's post written to a person: the list's own address is among To and Cc
    (a newsletter goes to its subscriber alone), and To names the reader or, with no reader
    given, someone who is no list or group."""
    block = read_header_block(raw)
    to, copied = (
        [a.email.casefold() for a in addresses_in([v[:_MAX_ADDRESS_HEADER] for v in block.text(name)[:4]])
         if a.email and "@" in a.email]
        for name in ("to", "cc")
    )
    lists = _list_addresses(headers)
    if not lists & set(to + copied):
        return False
    if reader is not None:
        return reader.casefold() in to
    return any(address not in lists and not group_address(address) for address in to)


_MAILTO = re.compile(r"<mailto:([^<>?\s]+)", re.IGNORECASE)
_LIST_ID = re.compile(r"<([^<>.\s]+)\.([^<>\s]+)>")


def _list_addresses(headers: Message) -> set[str]:
    """The list's own address, as List-Post, X-Mailing-List or List-Id give it."""
    found = {m.casefold() for m in _MAILTO.findall(str(headers.get("list-post", ""))[:_MAX_HEADER])}
    posted = getaddresses([str(headers.get("x-mailing-list", ""))[:_MAX_HEADER]])
    found |= {address.casefold() for _, address in posted if address}
    if match := _LIST_ID.search(str(headers.get("list-id", ""))[:_MAX_HEADER]):
        found.add(f"{match[1]}@{match[2]}".casefold())  # <linux-hwmon.vger.kernel.org>
    return found


# A person's own mailbox: two or three words of letters ("sihem.mhamdi", "j-p.martin").
_PERSONAL_LOCAL = re.compile(r"^[^\W\d_]+(?:[._-][^\W\d_]+){1,2}$")


def _on_behalf_of_a_person(headers: Message) -> bool:
    """A portal or CRM sends from its no-reply address on a person's behalf: replies go to that
    one person's own mailbox, so the mail is theirs ("Merci de nous confirmer ...")."""
    value = headers.get("reply-to")
    if value is None:
        return False
    replies = [address for _, address in getaddresses([str(value)[:_MAX_HEADER]]) if address]
    if len(replies) != 1 or "@" not in replies[0]:
        return False
    local = replies[0].rsplit("@", 1)[0]
    return bool(_PERSONAL_LOCAL.match(local)) and not role_mailbox(replies[0]) and not (
        _AUTOMATED_SENDER.match(replies[0]))


def sent_at(raw: bytes) -> datetime | None:
    """The Date header as the sender's wall-clock time: relative dates are meant in it."""
    value = _headers(raw).get("date")
    if not value:
        return None
    try:
        return parsedate_to_datetime(str(value)[:_MAX_HEADER]).replace(tzinfo=None)
    except (TypeError, ValueError, IndexError):
        return None


def audience(raw: bytes) -> Audience:
    """Whom the message was written to, from its To, Cc, References and In-Reply-To headers."""
    # The recipients as routing and the claims read them (trust.authorship, one parser for the
    # whole hook), and the thread from the same block; a hostile message may repeat a header
    # thousands of times: the first few count.
    block = read_header_block(raw)
    fields = [value[:_MAX_ADDRESS_HEADER] for name in ("to", "cc") for value in block.text(name)[:4]]
    addresses = [author.email for author in addresses_in(fields) if author.email and "@" in author.email]
    via_list = any(block.values(name) for name in _LIST_HEADERS)
    if via_list:
        # A list's own address is its archive and subscribers, not one more reader: a post that
        # reaches here is written to the people To names (excluded_reason drops the rest).
        lists = _list_addresses(_headers(raw))
        addresses = [address for address in addresses if address.casefold() not in lists]
    references = block.text("references")[:1]
    thread = _MESSAGE_ID.findall(references[0][:_MAX_ADDRESS_HEADER]) if references else []
    earlier = len(thread) or int(bool(block.values("in-reply-to")))
    return Audience(len(addresses), earlier, any(group_address(address) for address in addresses), via_list)


def _headers(raw: bytes) -> Message:
    # compat32 keeps values as they are: policy.default parses every header deeply, which takes
    # minutes on hostile mail (100k encoded words); only the subject is decoded, and bounded.
    end = _HEADER_END.search(raw, 0, _MAX_HEAD_BYTES)
    head = raw[: end.start()] if end else raw[:_MAX_HEAD_BYTES]
    return BytesHeaderParser(policy=policy.compat32).parsebytes(head)


def _decoded(value: object) -> str:
    """An RFC 2047 header value as text ("=?utf-8?q?R=C3=A9ponse?=" -> "Réponse"), first 1000 chars."""
    text = str(value or "")[:_MAX_HEADER]
    try:
        return str(make_header(decode_header(text)))
    except (HeaderParseError, LookupError, UnicodeError, ValueError):
        return text
