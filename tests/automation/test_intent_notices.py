"""A confidentiality notice asks whoever received the mail by mistake to say so and delete it:
no task for the reader it was meant for, in any language we read; a request beside such words
that is no notice stays one. Taglines below the signature ask nothing either; a postscript does."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from mailhook.automation.intent import detect_tasks, detection_record

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
    "it-pervenuto": "Qualora il messaggio le fosse pervenuto per errore, la preghiamo di darne comunicazione "
                    "al mittente.",
}


@pytest.mark.parametrize("language", sorted(NOTICES))
def test_a_notice_for_mail_received_by_mistake_is_no_task(language: str) -> None:
    text = f"Hello,\n\nthe report is attached.\n\nRegards\nAnn\n\n{NOTICES[language]}\n"
    assert detect_tasks(text, language=language.split("-")[0]).tasks == ()


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Hi,\n\nI was charged twice by mistake. Could you please refund the second payment?\n"),
    ("de", "Hallo,\n\nwir haben versehentlich zweimal bestellt. Könnten Sie bitte eine stornieren?\n"),
    ("fr", "Bonjour,\n\nj'ai payé deux fois par erreur. Pourriez-vous me rembourser le second paiement ?\n"),
])
def test_a_request_about_a_mistake_stays_a_task(language: str, text: str) -> None:
    assert detect_tasks(text, language=language).tasks


TAGLINES = [
    "--\n\nPlease no HTML, I'm not a browser - Pas d'HTML, je ne suis pas un navigateur\n",
    "--\nBitte denken Sie an die Umwelt, bevor Sie diese E-Mail ausdrucken.\n",
    "--\nPor favor, no imprima este correo si no es necesario.\n",
]


def _from_paul(body: str) -> bytes:
    message = EmailMessage()
    message["From"], message["To"] = "Paul Rolland <paul@as.example>", "ann@x.example"
    message["Subject"] = "logs"
    message.set_content(body)
    return bytes(message)


@pytest.mark.parametrize("tagline", TAGLINES)
def test_a_tagline_below_the_signature_is_no_task(tagline: str) -> None:
    raw = _from_paul("Hello,\n\nhere are the logs of the failed boot.\n\nPaul\n\n"
                     f"Paul Rolland, rol(at)as.example\nNetwork administrator\n\n{tagline}")
    assert detection_record("tag.eml", raw)["tasks"] == []


def test_a_postscript_below_the_signature_is_read() -> None:
    raw = _from_paul("Hello,\n\nhere are the logs.\n\nPaul\n\nPaul Rolland\nNetwork administrator\n"
                     "Tel. +33 1 23 45 67 89\n\nP.S. Could you send me the new firmware image by Friday?\n")
    assert [t["sentence"] for t in detection_record("ps.eml", raw)["tasks"]]


@pytest.mark.parametrize("sentence", [
    "Resto in attesa della sua conferma per procedere con il deposito della pratica entro giovedì.",
    "Rimaniamo in attesa della Sua approvazione per avviare i lavori.",
    "Resto in attesa del suo parere sul preventivo.",
])
def test_an_italian_answer_awaited_on_a_named_subject(sentence: str) -> None:
    text = f"Gentile Ing. Bertone,\n\n{sentence}\n\nCordiali saluti\nGiulia\n"
    assert detect_tasks(text, language="it").tasks


@pytest.mark.parametrize("body", [
    "Liebe Kundinnen und Kunden,\n\nmit dem Dezember-Release bringen wir drei Neuerungen.\n\n"
    "Jetzt ausprobieren: Melden Sie sich in Ihrem Konto an und aktivieren Sie die neuen Funktionen.\n\n"
    "Ihr Beispiel-Team\n\n"
    "Sie erhalten diesen Newsletter, weil Sie Kunde sind. Abmelden | Impressum\n",
    "Hi Owen,\n\nyour request was marked as solved.\n\nWe'd love to hear how it went.\n\n"
    "The Example Customer Experience Team\n\nYou are receiving this e-mail because you contacted us. "
    "Unsubscribe from surveys: https://example.com/prefs\n",
])
def test_a_way_out_below_the_signature_still_marks_a_newsletter(body: str) -> None:
    assert detection_record("news.eml", _from_paul(body))["tasks"] == []


@pytest.mark.parametrize(("body", "language"), [
    ("Hej Pia,\n\njeg skal bruge den underskrevne kontrakt senest torsdag.\n\nHilsen\nMads\n", "da"),
    ("God morgen,\n\ni ordre 733 mangler det to esker. Vennligst send dem så fort som mulig.\n\n"
     "Hilsen\nLageret, Fjord AS\n", "no"),
])
def test_danish_and_norwegian_are_told_apart_in_all_of_the_text(body: str, language: str) -> None:
    record = detection_record("nordic.eml", _from_paul(body))
    assert record["language"] == language and record["tasks"]


def test_a_sentence_added_after_the_sign_off_is_read() -> None:
    raw = _from_paul("Hi Ann,\n\nthe board liked it.\n\nBest,\nPaul\n\nI will call you on Monday.\n")
    found = detection_record("after.eml", raw)["tasks"]
    assert [t["sentence"] for t in found] == ["I will call you on Monday."]
