"""The kinds of statement the sentence model is kept from (mailhook/automation/model_gates.py), and
that requests beside them still make tasks. Sentences written for these tests."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from mailhook.automation.intent import detection_record
from mailhook.automation.model_gates import held_back
from mailhook.automation.sentence_model import SentenceModel

HELD_BACK = [
    ("en", "We moved the build server to the new rack yesterday."),  # a report
    ("en", "As you may know, I resigned today."),
    ("de", "Ich habe das Ticket geteilt, damit wir die Themen trennen können."),  # purpose clause
    ("da", "Din ordre er blevet afsendt i dag."),
    ("pl", "Wczoraj poprawiłem konfigurację serwera."),
    ("fr", "Je vous contacte suite à ma commande du 3 mars."),  # the reason for writing
    ("it", "Le scrivo in merito all'ordine 778."),
    ("en", "I'm looking forward to meeting you too."),
    ("nl", "U ontvangt een e-mail met de track-and-trace code."),  # what the reader will receive
    ("sv", "Du får ett sms från transportören."),
    ("en", "Why don't you override the strings with a script?"),  # advice in a discussion
    ("en", "My colleague will not send you anything before the audit."),  # a negated promise
]
LET_THROUGH = [
    ("en", "Could you send me a corrected copy by Friday?"),
    ("en", "I have read the draft and will send you my comments tomorrow."),  # a report, then a promise
    ("de", "Könnten Sie mir bitte eine Korrektur schicken?"),
    ("no", "Du får gjerne sende meg kontrakten i dag."),  # "you may well send": a request
    ("pl", "Chciałem zapytać, czy mógłby Pan przesłać fakturę."),  # a polite past form
    ("fr", "J'ai bien reçu le devis, pourriez-vous me confirmer le délai ?"),
]


@pytest.mark.parametrize(("language", "sentence"), HELD_BACK)
def test_statements_of_these_kinds_are_held_back(language: str, sentence: str) -> None:
    assert held_back(sentence, language)


@pytest.mark.parametrize(("language", "sentence"), LET_THROUGH)
def test_requests_and_promises_are_let_through(language: str, sentence: str) -> None:
    assert not held_back(sentence, language)


def _message(body: str) -> bytes:
    message = EmailMessage()
    message["From"], message["To"] = "service@shop.example", "karin@customer.example"
    message["Subject"], message["Date"] = "Order 5521", "Wed, 04 Mar 2026 09:00:00 +0100"
    message.set_content(body)
    return bytes(message)


def test_a_shipping_notice_makes_no_task_with_the_model_and_a_request_after_a_reason_does() -> None:
    """The model alone read the notice's sentences as follow-ups; held back, the notice makes
    none, while the request after the reason for writing is still the task."""
    model = SentenceModel.load()
    notice = _message("Hej Karin,\n\ndin order har skickats i dag. Du får ett sms från transportören.\n\n"
                      "Vänliga hälsningar\nKundtjänst\n")
    assert detection_record("notice.eml", notice, model)["tasks"] == []
    request = _message("Bonjour Madame Roux,\n\nje vous contacte suite à ma commande 5521. "
                       "Pourriez-vous m'envoyer la facture ?\n\nCordialement,\nPaul\n")
    tasks = detection_record("request.eml", request, model)["tasks"]
    assert [t["sentence"] for t in tasks] == ["Pourriez-vous m'envoyer la facture ?"]
