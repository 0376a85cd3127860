"""Promises by "we" in the forms the cues read for "I" (Spanish and French futures, Italian
presents): tasks to follow up. Sentences written for these tests."""

from __future__ import annotations

import pytest

from mailhook.automation.intent import detect_tasks

PROMISES = [
    ("fr", "Nous vous ferons parvenir le bon de livraison demain."),
    ("fr", "Nous revenons vers vous avant la fin de la semaine."),
    ("es", "Le haremos llegar el presupuesto el lunes."),
    ("es", "Le llamaremos mañana por la mañana."),
    ("it", "Vi ricontattiamo appena abbiamo i dati."),
]


@pytest.mark.parametrize(("language", "sentence"), PROMISES)
def test_a_promise_by_we_is_a_task(language: str, sentence: str) -> None:
    tasks = detect_tasks(f"Bonjour,\n\n{sentence}\n\nA.\n", language=language, model=None).tasks
    assert [(t.sentence, t.role) for t in tasks] == [(sentence, "commit")]


def test_a_we_form_about_the_past_is_no_promise() -> None:
    assert detect_tasks("Hola,\n\nLe llamamos ayer sin éxito.\n\nA.\n", language="es", model=None).tasks == ()


@pytest.mark.parametrize("sentence", [
    "Sure, can do.",
    "Thanks for spotting it, I'll fix that up!",
    "We will fix the invoice and send it again.",
    "Thanks for your feedback, we'll fix the issues as soon as possible.",
])
def test_an_agreement_or_a_fix_promised_to_the_reader_is_a_task(sentence: str) -> None:
    tasks = detect_tasks(f"Hi Tom,\n\n{sentence}\n\nJo\n", language="en", model=None).tasks
    assert [(t.sentence, t.role) for t in tasks] == [(sentence, "commit")]


@pytest.mark.parametrize("sentence", ["Can do better than that, I think.", "I'll fix dinner tonight."])
def test_what_only_looks_like_one_is_none(sentence: str) -> None:
    assert detect_tasks(f"Hi Tom,\n\n{sentence}\n\nJo\n", language="en", model=None).tasks == ()
