"""Requests as people type them fast: accents left off ("Me podeis decir"), the subject left out
("Vill ha en kreditering"), a thing wanted ("Quiero un abono", "Chcę otrzymać korektę"), a
meeting asked for ("riusciamo a vederci giovedì?"); an away notice whose dates run long ("Ik ben
tot en met 27 oktober met vakantie") or that says "absente"/"föräldraledig" makes no task."""

from __future__ import annotations

import pytest

from mailhook.automation.intent import detect_tasks


@pytest.mark.parametrize(("language", "text"), [
    ("es", "Me podeis decir que pasa con el pedido?"),
    ("es", "Quiero un abono del importe total."),
    ("sv", "Vill ha en kreditering av hela beloppet."),
    ("pl", "Chcę otrzymać korektę faktury."),
    ("it", "Riusciamo a vederci giovedì alle 15 per chiudere il budget?"),
])
def test_casual_requests_are_tasks(language: str, text: str) -> None:
    assert detect_tasks(text, language=language).tasks


@pytest.mark.parametrize(("language", "text"), [
    ("nl", "Bedankt voor je bericht. Ik ben tot en met 27 oktober met vakantie. Voor dringende zaken kun je "
           "contact opnemen met Ilse de Boer."),
    ("fr", "Bonjour, je suis absente du 19 au 23 octobre inclus. Pour toute urgence, merci de contacter "
           "le standard."),
    ("sv", "Tack för ditt mejl. Jag är föräldraledig till och med 30 november. "
           "Kontakta gärna min kollega Oskar."),
    ("es", "Queremos un saludo especial para todos."),
])
def test_away_notices_and_greetings_are_no_tasks(language: str, text: str) -> None:
    assert not detect_tasks(text, language=language).tasks
