"""Yes/no questions to the reader about what exists, is available or is known
(mailhook/automation/cues_questions.py): tasks as questions, nothing as statements. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from mailhook.automation.intent import detect_tasks

QUESTIONS = [
    ("en", "Is this a known bug in version 4?"),
    ("en", "Is the blue model also available in March?"),
    ("de", "Gibt es die Broschüre auch als PDF?"),
    ("fr", "Existe-t-il une version pour Mac ?"),
    ("es", "¿Está disponible también en talla grande?"),
    ("it", "È un problema noto con la stampante?"),
    ("nl", "Is deze stoel ook leverbaar in het rood?"),
    ("pt", "É um erro conhecido da aplicação?"),
    ("da", "Findes den også i sort?"),
    ("sv", "Är det ett känt problem med appen?"),
    ("no", "Er den også tilgjengelig i butikk?"),
    ("pl", "Czy to znany problem z drukarką?"),
    ("en", "Did you receive my invoice from Monday?"),  # whether the reader got something
    ("fr", "Avez-vous bien reçu notre devis ?"),
    ("sv", "Fick du mitt mejl i går?"),
    ("de", "Wären Sie am Dienstag erreichbar?"),  # whether the reader is free
    ("es", "¿Estaría disponible el jueves por la tarde?"),
]
NOT_ASKED = [
    ("en", "This is a known bug in version 4."),
    ("de", "Die Broschüre gibt es auch als PDF."),
    ("fr", "Il existe aussi une version pour Mac."),
    ("sv", "Det är ett känt problem med appen."),
    ("en", "Have you checked the driver version?"),  # advice in a discussion, not a request
    ("it", "Avete controllato la versione dei driver?"),
]


@pytest.mark.parametrize(("language", "sentence"), QUESTIONS)
def test_a_yes_no_question_to_the_reader_is_a_task_to_answer(language: str, sentence: str) -> None:
    tasks = detect_tasks(f"Hello,\n\n{sentence}\n\nThanks\n", language=language, model=None).tasks
    assert [t.sentence for t in tasks] == [sentence] and tasks[0].title.startswith("Answer: ")


@pytest.mark.parametrize(("language", "sentence"), NOT_ASKED)
def test_the_same_as_a_statement_or_advice_asks_nothing(language: str, sentence: str) -> None:
    assert detect_tasks(f"Hello,\n\n{sentence}\n\nThanks\n", language=language, model=None).tasks == ()
