"""What a web form or a monitoring tool stamps below its text (a browser's User-Agent, the
sender's IP address, a time to the second) is no one's signature; a block above such stamps is
still the sender's, and office hours stay in a block."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from mailhook.pipeline import extract, read_message
from mailhook.pipeline.lines import is_machine

STAMPS = [
    "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
    "User-Agent: Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15",
    "192.0.2.44",
    "IP: 2001:db8:4::17",
    "Remote address: 198.51.100.7",
    "Tuesday, 4 June 2024 10:12:55 AM",
    "2024-06-04 10:12:55 +0200",
    "04.06.2024, 10:12:55 MESZ",
]
NOT_STAMPS = ["Mo–Fr 9:00–17:00", "Tel. +49 30 1234567", "Version 2.4 (Berlin; Hamburg)",
              "Lyon, le 4 juin 2024", "Kontor 3.2, Bau C"]

FORMS = {
    "de": ("Anfrage über das Kontaktformular", ["Name: Weber", "Vorname: Jonas", "Telefon: 0711 4456 21",
                                                  "Nachricht: Bitte um Rückruf wegen des Angebots."]),
    "en": ("Website enquiry", ["Full name: Dana Price", "Phone: +44 20 7946 0112",
                               "Message: Please call me about the quote."]),
    "fr": ("Demande via le formulaire", ["Nom : Martin", "Prénom : Claire", "Téléphone : 04 72 00 11 22",
                                         "Message : Merci de me rappeler."]),
}


def _message(sender: str, body: str) -> bytes:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = sender, "sales@us.example", "Form"
    message.set_content(body)
    return bytes(message)


@pytest.mark.parametrize("line", STAMPS)
def test_a_machine_stamp_is_recognised(line: str) -> None:
    assert is_machine(line)


@pytest.mark.parametrize("line", NOT_STAMPS)
def test_contact_lines_and_hours_are_no_machine_stamp(line: str) -> None:
    assert not is_machine(line)


@pytest.mark.parametrize("lang", sorted(FORMS))
def test_a_form_notification_with_stamps_below_has_no_signature(lang: str) -> None:
    title, fields = FORMS[lang]
    body = "\n\n".join([f"*{title}*", "-" * 40, *fields, "Preis: 40,00", "-" * 30]) + "\n" + "\n".join(
        ["Tuesday, 4 June 2024 10:12:55 AM", "192.0.2.44", STAMPS[0]])
    found = extract(read_message(_message("webform@shop.example", body)).own)
    assert not found.has_signature
    assert all(value is None for key, value in found.fields.items() if key not in ("phone",))


def test_a_block_above_stamps_is_the_senders() -> None:
    body = ("Hello,\n\nplease send the revised offer.\n\nBest regards\nJonas Weber\nEinkauf\n"
            "Weber Handel GmbH\nTel. +49 711 4456 21\n\n" + "\n".join(STAMPS[5:7] + STAMPS[2:3] + STAMPS[:1]))
    found = extract(read_message(_message("Jonas Weber <jonas.weber@weber-handel.example>", body)).own)
    assert found.has_signature
    assert found.fields["first_name"] == "Jonas" and found.fields["company"] == "Weber Handel GmbH"
    assert found.fields["city"] is None and found.fields["postal_code"] is None
