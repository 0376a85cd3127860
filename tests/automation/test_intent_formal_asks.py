"""Formal and announced asks, and notes that ask nothing: a question announced as one stays the
reader's whatever follows ("Mam jeszcze jedno pytanie: czy ...? Większość dostawców ..."); Polish
"zwracamy się z prośbą o ..." and "mam prośbę o ..."; Norwegian and Swedish "og ber om at dere ..."
as the second verb of the author's sentence; asking to disregard an earlier message; an away notice
named "odpowiedź automatyczna" / "automatisk svar" or said as "jestem nieobecna", "jeg er på kurs".
Sentences written for these tests."""

from __future__ import annotations

import pytest

from mailhook.automation.cues_rhetoric import announced
from mailhook.automation.intent import detect_tasks, shipped_model


def _tasks(text: str, language: str, model: bool = False) -> list[str]:
    found = detect_tasks(text, language=language, model=shipped_model() if model else None)
    return [t.title for t in found.tasks]


@pytest.mark.parametrize(("language", "question"), [
    ("pl", "Mam jeszcze jedno pytanie: czy system obsługuje kody GS1-128? Większość dostawców przechodzi"
           " na ten format."),
    ("no", "Jeg lurer på én ting til: kan vi sette opp ulike fraktpriser for Nord-Norge? Fraktkostnadene er"
           " høye."),
    ("en", "One more question: is the API included in the plan? Most of our suppliers use it."),
])
def test_a_question_announced_as_one_stays_the_readers(language: str, question: str) -> None:
    """Why the author asks, after the question, is no answer to it."""
    assert _tasks(f"Hei,\n\n{question}\n\nAnna", language, model=True)


@pytest.mark.parametrize("sentence", [
    "Background: why did the backup fail?", "We checked one thing: the disk.", "Question: fine.",
])
def test_a_lead_in_that_announces_no_question_is_not_one(sentence: str) -> None:
    """Only a question after "question:" (or its kin) is announced."""
    assert not announced(sentence)


@pytest.mark.parametrize("sentence", [
    "W związku z otwarciem oddziału zwracamy się z prośbą o rozszerzenie umowy o 15 licencji.",
    "Zwracam się do Pani z uprzejmą prośbą o przesłanie faktury.",
    "Mam jeszcze jedną prośbę o przesłanie cennika.",
    "Chciałabym prosić o przesłanie faktury korygującej.",
    "Poproszę o fakturę na firmę.",
    "Zależy nam na otrzymaniu oferty do piątku.",
])
def test_a_formal_polish_request_is_a_task(sentence: str) -> None:
    """The reader is asked for what follows "z prośbą o"."""
    assert _tasks(f"Dzień dobry,\n\n{sentence}\n\nAnna", "pl")


@pytest.mark.parametrize("sentence", [
    "Zależy nam na dobrej współpracy.", "Poprosiłam o fakturę w zeszłym tygodniu.",
])
def test_what_the_author_values_or_asked_before_stays_none(sentence: str) -> None:
    """Caring about good cooperation, and asking in the past, leave the reader nothing to do."""
    assert not _tasks(f"Dzień dobry,\n\n{sentence}\n\nAnna", "pl")


def test_a_polish_request_reported_stays_none() -> None:
    """A request someone made in the past asks the reader for nothing."""
    text = "Dzień dobry,\n\nKlient zwrócił się z prośbą do działu prawnego w zeszłym roku.\n\nAnna"
    assert not _tasks(text, "pl")


@pytest.mark.parametrize(("language", "sentence"), [
    ("no", "Vi ønsker å redusere antall lisenser fra neste år, og ber om at dere sender oss en oppdatert"
           " kontrakt."),
    ("sv", "Vi vill minska antalet licenser från nästa år och ber er skicka ett nytt avtal."),
])
def test_a_request_as_the_second_verb_is_a_task(language: str, sentence: str) -> None:
    """"..., og ber om at dere ...": the author's subject carries on to the request."""
    assert _tasks(f"Hei,\n\n{sentence}\n\nAnna", language)


@pytest.mark.parametrize(("language", "sentence"), [
    ("pl", "Proszę zignorować moją wiadomość z rana w sprawie drukarki."),
    ("en", "Please ignore my previous email about the printer."),
    ("de", "Bitte ignorieren Sie meine letzte Nachricht."),
    ("no", "Vennligst se bort fra meldingen min i går."),
])
def test_asking_to_disregard_a_message_is_no_task(language: str, sentence: str) -> None:
    """Nothing is left to do."""
    assert not _tasks(f"Hei,\n\n{sentence}\n\nAnna", language)


@pytest.mark.parametrize(("language", "text"), [
    ("pl", "Dzień dobry,\n\njestem nieobecna do 7 grudnia. W pilnych sprawach proszę kontaktować się z moją"
           " koleżanką Martą.\n\nEwelina"),
    ("da", "Tak for din mail.\n\nJeg er på kursus til og med den 8. december. Ved hastende sager kan du"
           " kontakte receptionen.\n\nPernille"),
    ("no", "Hei,\n\njeg er på kurs til fredag. Ved hastesaker kan du ringe sentralbordet.\n\nKari"),
])
def test_an_away_notice_said_in_these_words_makes_no_task(language: str, text: str) -> None:
    """Away, on a course: the notice answers itself."""
    assert not _tasks(text, language)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Hello,\n\nthe export fails for every user. Could someone look into why the export breaks? Our"
           " finance team pulls this report every Tuesday.\n\nHelen"),
    ("de", "Hallo,\n\nder Export bricht ab. Könnte sich jemand ansehen, warum der Export abbricht? Unsere"
           " Buchhaltung braucht ihn jeden Dienstag.\n\nHelen"),
])
def test_asking_someone_on_the_readers_side_stays_theirs_after_a_statement(language: str, text: str) -> None:
    """Why the author asks, after "could someone ...?", is no answer to it."""
    assert detect_tasks(text, language=language, model=None).tasks


@pytest.mark.parametrize(("language", "sentence"), [
    ("fr", "Je vous saurais gré de bien vouloir nous adresser un devis."),
    ("fr", "Nous vous saurions gré de nous répondre avant vendredi."),
    ("es", "Solicito una copia de la factura de noviembre."),
    ("es", "Le solicito que nos envíe el contrato firmado."),
])
def test_a_formal_french_or_spanish_request_is_a_task(language: str, sentence: str) -> None:
    """"Je vous saurais gré de ...", "solicito ...": the reader is asked."""
    assert _tasks(f"Bonjour,\n\n{sentence}\n\nAnna", language)


@pytest.mark.parametrize("sentence", [
    "Solicitamos la cita hace un mes y nadie respondió.", "El cliente solicitó el reembolso en noviembre.",
])
def test_a_spanish_request_made_in_the_past_stays_none(sentence: str) -> None:
    """"Solicitamos" is the preterite too; a past request leaves the reader nothing new."""
    assert not _tasks(f"Hola,\n\n{sentence}\n\nAnna", "es")


@pytest.mark.parametrize("sentence", [
    "Could your colleagues in the warehouse arrange a replacement for the two crushed cartons?",
    "Could your team check the logs from last night?",
    "Rather than going back and forth by email, shall we have a 30-minute call on Wednesday?",
    "As discussed, shall we say Friday at ten?",
])
def test_english_asks_of_the_readers_side_and_shall_we_after_a_clause_are_tasks(sentence: str) -> None:
    """"Could your colleagues ...?", and "shall we ...?" after a fronted clause."""
    assert _tasks(f"Hi James,\n\n{sentence}\n\nBest,\nHelen", "en")


@pytest.mark.parametrize("sentence", [
    "Your colleagues could arrange it, I think.", "Could your product handle this load?",
])
def test_english_statements_and_questions_about_a_thing_stay_none(sentence: str) -> None:
    """A statement, or a question about what a product can do, asks nobody to act."""
    assert not _tasks(f"Hi James,\n\n{sentence}\n\nBest,\nHelen", "en")


def test_a_german_polite_imperative_after_a_fronted_clause_is_a_task() -> None:
    """"Damit wir planen können, senden Sie uns bitte das Formular": "Sie" after the clause's comma."""
    text = ("Hallo Herr Petersen,\n\nschön, dass Sie dabei sind. Damit wir die Standfläche und den"
            " Stromanschluss für alle Aussteller einplanen können, senden Sie uns bitte das"
            " Anmeldeformular bis Freitag zurück.\n\nHerzliche Grüße\nLena")
    assert _tasks(text, "de")


def test_a_german_statement_of_what_they_send_stays_none() -> None:
    """Lower-case "sie" after the comma is "they": news, not a request."""
    assert not _tasks("Hallo,\n\nSobald die Teile da sind, senden sie uns eine Nachricht.\n\nLena", "de")
