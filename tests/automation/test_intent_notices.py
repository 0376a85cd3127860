"""A confidentiality notice asks whoever received the mail by mistake to say so and delete it:
no task for the reader it was meant for, in any language we read; a request beside such words
that is no notice stays one."""

from __future__ import annotations

import pytest

from mailhook.automation.intent import detect_tasks

NOTICES = {
    "en": "If you received it by mistake, please let us know and then delete it from your system.",
    "de": "Falls Sie diese E-Mail irrtümlich erhalten haben, informieren Sie bitte sofort den Absender.",
    "fr": "Si vous avez reçu ce message par erreur, merci de nous en informer et de le supprimer.",
    "es": "Si ha recibido este correo por error, le rogamos que nos lo comunique y lo elimine.",
    "it": "Se avete ricevuto questo messaggio per errore, vi preghiamo di informarci e di cancellarlo.",
    "nl": "Indien u dit bericht per vergissing heeft ontvangen, verzoeken wij u ons te informeren.",
    "pt": "Se recebeu esta mensagem por engano, por favor informe o remetente e apague-a.",
    "pl": "Jeżeli otrzymałeś tę wiadomość omyłkowo, prosimy o poinformowanie nadawcy i jej usunięcie.",
    "sv": "Om du har mottagit detta meddelande av misstag, vänligen meddela avsändaren och radera det.",
    "da": "Hvis du har modtaget denne e-mail ved en fejl, bedes du venligst kontakte afsenderen.",
}


@pytest.mark.parametrize("language", sorted(NOTICES))
def test_a_notice_for_mail_received_by_mistake_is_no_task(language: str) -> None:
    text = f"Hello,\n\nthe report is attached.\n\nRegards\nAnn\n\n{NOTICES[language]}\n"
    assert detect_tasks(text, language=language).tasks == ()


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Hi,\n\nI was charged twice by mistake. Could you please refund the second payment?\n"),
    ("de", "Hallo,\n\nwir haben versehentlich zweimal bestellt. Könnten Sie bitte eine stornieren?\n"),
    ("fr", "Bonjour,\n\nj'ai payé deux fois par erreur. Pourriez-vous me rembourser le second paiement ?\n"),
])
def test_a_request_about_a_mistake_stays_a_task(language: str, text: str) -> None:
    assert detect_tasks(text, language=language).tasks
