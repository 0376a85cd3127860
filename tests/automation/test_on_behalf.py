"""Mail a portal or CRM sends from its no-reply address on a person's behalf, with replies going
to that person, is the person's mail: its requests are tasks. A no-reply sender whose replies
go nowhere personal stays an automated notification."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from mailhook.automation.intent import excluded_reason


def _raw(sender: str, reply_to: str | None) -> bytes:
    message = EmailMessage()
    message["From"], message["To"] = sender, "artisan@plomberie.example"
    message["Subject"] = "Ordre de service"
    if reply_to is not None:
        message["Reply-To"] = reply_to
    message.set_content("Bonjour,\n\nMerci de nous confirmer la bonne exécution des travaux.\n")
    return bytes(message)


@pytest.mark.parametrize("reply_to", [
    "claire.martin@syndic.example", "Claire Martin <claire.martin@syndic.example>",
    "j-p.durand@syndic.example",
])
def test_a_no_reply_sender_answered_by_one_person_is_that_persons_mail(reply_to: str) -> None:
    assert excluded_reason(_raw("noreply@syndic.example", reply_to)) is None


@pytest.mark.parametrize("reply_to", [
    None, "service.client@syndic.example", "support@syndic.example", "no-reply@syndic.example",
    "reply+8f3a29c1@reply.github.example", "a.b@x.example, c.d@x.example", "info@syndic.example",
])
def test_a_no_reply_sender_without_one_personal_reply_address_stays_automated(reply_to: str | None) -> None:
    assert excluded_reason(_raw("noreply@syndic.example", reply_to)) == "automated sender"
