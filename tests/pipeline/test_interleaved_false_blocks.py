"""Blocks that are nobody's: a delivery report's text and the returned copy inside it; and the
sign-offs of list mail that are somebody's ("-Carl", "- Jiang", "--\\nrick")."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from mailhook.pipeline import extract, read_message

_RETURNED = (
    "Hi Bob,\n\nthe new prices are attached.\n\nVenlig hilsen\nCarl Jensen\nJensen Tools ApS\n"
    "Tel. +45 33 12 34 56\n"
)
_POSTFIX = (
    "This is the mail system at host mail.jensen-tools.example.\n\nI'm sorry to have to inform you "
    "that your message could not\nbe delivered to one or more recipients. It's attached below.\n\n"
    "                   The mail system\n\n<bob@gone.example>: host mx.gone.example[192.0.2.1] said:\n"
    "    550 5.1.1 User unknown\n"
)


def _original() -> EmailMessage:
    message = EmailMessage()
    message["From"] = "Carl Jensen <carl@jensen-tools.example>"
    message["To"] = "bob@gone.example"
    message["Subject"] = "prices"
    message.set_content(_RETURNED)
    return message


def _report(sender: str, subject: str, *, multipart_report: bool, inline: bool = False) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "carl@jensen-tools.example"
    message["Subject"] = subject
    # qmail and some Exchange setups paste the returned copy into the text instead of attaching it.
    text = _POSTFIX + ("\n--- Below this line is a copy of the message.\n\n" + _RETURNED if inline else "")
    message.set_content(text)
    if not inline:
        message.make_mixed()
        if multipart_report:
            message.replace_header("Content-Type", "multipart/report; report-type=delivery-status")
        message.attach(_original())
    return message.as_bytes()


@pytest.mark.parametrize(
    ("sender", "subject", "multipart_report", "inline"),
    [
        ("MAILER-DAEMON@mail.jensen-tools.example (Mail Delivery System)",
         "Undelivered Mail Returned to Sender", True, False),
        ("postmaster@jensen-tools.example", "Delivery report", True, False),
        ("Mail Delivery Subsystem <mailer-daemon@googlemail.com>",
         "Delivery Status Notification (Failure)", False, False),
        ("Microsoft Outlook <exchange@jensen-tools.example>", "Undeliverable: prices", False, False),
        ("Systemadministrator <admin@jensen-tools.example>", "Unzustellbar: Preise", False, False),
        ("MAILER-DAEMON@mx.gone.example", "failure notice", False, True),
    ],
)
def test_a_delivery_report_has_no_block_and_no_forwarded_original(
    sender: str, subject: str, multipart_report: bool, inline: bool
) -> None:
    """A bounce's text is a mail system's; the copy it returns is the user's own mail."""
    reading = read_message(_report(sender, subject, multipart_report=multipart_report, inline=inline))
    assert extract(reading.own).signature_lines is None
    assert reading.forwarded is None


def test_a_customers_mail_about_a_failed_delivery_is_read() -> None:
    """Words about a delivery in a person's subject are not a mail system's report."""
    message = EmailMessage()
    message["From"] = "Carl Jensen <carl@jensen-tools.example>"
    message["Subject"] = "Delivery failure: order 1234 never arrived"
    message.set_content(_RETURNED)
    extraction = extract(read_message(message.as_bytes()).own)
    assert extraction.fields["phone"] == "+45 33 12 34 56"


@pytest.mark.parametrize(
    ("sender", "signoff", "first_name"),
    [
        ("Carl Jensen <carl@example.org>", "-Carl", "Carl"),
        ("Carl Jensen <carl@example.org>", "Happy hacking,\n-Carl", "Carl"),
        ("Jiang Wei <jiang@example.cn>", "- Jiang", "Jiang"),
        ("rick <rick@example.org>", "-- \nrick", "rick"),
    ],
)
def test_a_dash_signoff_below_the_last_quote_is_the_block(sender: str, signoff: str, first_name: str) -> None:
    """List mail signed with a dash, under an interleaved answer."""
    message = EmailMessage()
    message["From"] = sender
    message["Subject"] = "Re: [devel] 2.4"
    message.set_content(
        "Hi,\n\n> Is the fix in 2.4?\n> It was not in the notes.\n\nYes, merged yesterday.\n\n"
        f"> And arm64?\n> Bob\n\nThat too.\n\n{signoff}\n"
    )
    reading = read_message(message.as_bytes())
    extraction = extract(reading.own)
    assert extraction.signature_lines is not None
    assert reading.body.split("\n")[extraction.signature_lines[1]] == signoff.split("\n")[-1]
    assert extraction.fields["first_name"] == first_name


@pytest.mark.parametrize("body", ["Thanks Bob", "Danke, Bob", "Merci Bob.", "Bob Miller"])
def test_a_one_line_body_that_does_not_name_the_sender_has_no_block(body: str) -> None:
    """"Thanks Bob" alone thanks the addressee; the sender, Carl, has not signed."""
    message = EmailMessage()
    message["From"] = "Carl Jensen <carl@jensen-tools.example>"
    message["To"] = "Bob Miller <bob@example.org>"
    message["Subject"] = "Re: prices"
    message.set_content(body + "\n")
    assert extract(read_message(message.as_bytes()).own).signature_lines is None


@pytest.mark.parametrize("body", ["Thanks, Carl", "Carl"])
def test_a_one_line_body_signed_by_the_sender_is_their_block(body: str) -> None:
    """A name-only sign-off alone on its line is still the sender's."""
    message = EmailMessage()
    message["From"] = "Carl Jensen <carl@jensen-tools.example>"
    message["Subject"] = "Re: prices"
    message.set_content(body + "\n")
    assert extract(read_message(message.as_bytes()).own).fields["first_name"] == "Carl"
