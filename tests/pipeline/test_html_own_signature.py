"""A signature the client marks as its user's own (Gmail's gmail_signature, Thunderbird's
moz-signature, Outlook on the web's Signature) below the quote is the author's, though the quote
and what follows it are dropped; a marked signature inside the quote stays someone else's."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from mailhook import pipeline
from mailhook.pipeline import Finder

QUOTED = ('<div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, 1 Dec 2026 at 10:00, '
          'Eve Stone &lt;eve@vendor.example&gt; wrote:<br></div><blockquote class="gmail_quote">'
          'Our offer is attached.<br><div class="gmail_signature">Eve Stone<br>Account Manager<br>'
          'Vendor Ltd<br>Tel: +44 20 7946 0000</div></blockquote></div>')
OWN = ("Lena Vogt<br>Head of Purchasing<br>Nordlicht Handel GmbH<br>Tel: +49 40 1234 5678<br>"
       "Hamburg")
MARKS = {
    "gmail": '<div dir="ltr" class="gmail_signature" data-smartmail="gmail_signature">{}</div>',
    "thunderbird": '<div class="moz-signature">{}</div>',
    "outlook web": '<div id="Signature">{}</div>',
}


def _html_only(html: str) -> bytes:
    message = EmailMessage()
    message["From"], message["To"] = "Lena Vogt <lena.vogt@nordlicht.example>", "eve@vendor.example"
    message["Subject"] = "Re: offer"
    message.set_content(f"<html><body>{html}</body></html>", subtype="html")
    return bytes(message)


@pytest.mark.parametrize("client", list(MARKS))
def test_the_authors_marked_signature_below_the_quote_is_read(
    finders: tuple[Finder, ...], client: str
) -> None:
    raw = _html_only("<div>Thanks, that works for us.</div>" + QUOTED + MARKS[client].format(OWN))
    found = pipeline.extract(pipeline.read_message(raw).own, finders)
    assert found.fields["last_name"] == "Vogt"
    assert found.fields["phone"] == "+49 40 1234 5678"
    assert "Eve" not in (found.signature or "")


def test_a_marked_signature_inside_the_quote_stays_dropped(finders: tuple[Finder, ...]) -> None:
    raw = _html_only("<div>Thanks, that works for us.</div><div>Lena</div>" + QUOTED)
    reading = pipeline.read_message(raw)
    assert "Vendor Ltd" not in reading.own.text
    assert pipeline.extract(reading.own, finders).fields["phone"] is None
