"""Outlook HTML replies: the header block ("From: ... Sent: ...") sits in a bordered div inside a
wrapper div of its own, and the original follows the wrapper. None of the original, nor its
signature, is the author's text."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from mailhook.pipeline import read_message
from mailhook.pipeline.extract import extract

_HEADERS = {
    "en": ("From:", "Sent:", "To:", "Subject:"),
    "de": ("Von:", "Gesendet:", "An:", "Betreff:"),
    "fr": ("De\u00a0:", "Envoyé\u00a0:", "À\u00a0:", "Objet\u00a0:"),
}


def _reply(lang: str, own: str) -> bytes:
    von, sent, to, subject = _HEADERS[lang]
    markup = (
        "<html><body><div class=WordSection1>"
        f"<p class=MsoNormal>{own}</p><p>&nbsp;</p>"
        '<div><div style="border:none;border-top:solid #B5C4DF 1.0pt;padding:3.0pt 0in 0in 0in">'
        f"<p class=MsoNormal><b>{von}</b> Vendor Sales [mailto:sales@vendor.example]<br>"
        f"<b>{sent}</b> Monday, 11 March 2024 14:47<br><b>{to}</b> Lena Ortmann<br>"
        f"<b>{subject}</b> Re: your registration</p></div></div>"
        "<p>Hello Lena,</p><p>could you tell me more about your needs?</p>"
        "<p>Nicolas Perrin<br>Account Executive<br>Vendor SA<br>Tel. +32 81 81 37 00</p>"
        "</div></body></html>"
    )
    msg = EmailMessage()
    msg["From"] = "Lena Ortmann <lena.ortmann@kunde.example>"
    msg["To"] = "sales@vendor.example"
    msg["Subject"] = "RE: your registration"
    msg.set_content(markup, subtype="html")
    return bytes(msg)


@pytest.mark.parametrize("lang", sorted(_HEADERS))
def test_the_original_below_an_outlook_header_wrapper_is_not_the_authors_text(lang: str) -> None:
    reading = read_message(_reply(lang, "Thanks, we will run a short trial first.<br><br>Lena"))
    assert "trial" in reading.own.text
    assert "Nicolas" not in reading.own.text and "could you tell me" not in reading.own.text
    fields = extract(reading.own).fields
    assert fields.get("first_name") != "Nicolas" and fields.get("phone") is None


def test_a_bordered_div_without_a_header_keeps_what_follows_its_wrapper() -> None:
    """A border above the author's own signature is no reply header: the text after it stays."""
    markup = (
        "<html><body><p>Thanks for the offer, we accept it.</p>"
        '<div><div style="border-top:solid #CCCCCC 1.0pt"><p>&nbsp;</p></div></div>'
        "<p>Lena Ortmann<br>Einkauf<br>Kunde GmbH</p></body></html>"
    )
    msg = EmailMessage()
    msg["From"] = "Lena Ortmann <lena.ortmann@kunde.example>"
    msg["To"] = "sales@vendor.example"
    msg["Subject"] = "Offer"
    msg.set_content(markup, subtype="html")
    assert "Kunde GmbH" in read_message(bytes(msg)).own.text
