"""Yes/no questions to the reader about what exists, is available or is known
(mailhook/automation/cues_questions.py): tasks as questions, nothing as statements. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from mailhook.automation.intent import audience, detect_tasks

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


# Whether a reported fault is one, or the author's own mistake: only the reader can say.
FAULT_QUESTIONS = [
    ("en", "The export stops at 50 rows since the update.", "Is this a bug?"),
    ("en", "The sync fails every night with error 502.", "Am I doing something wrong?"),
    ("de", "Der Export bricht seit dem Update ab.", "Ist das ein Fehler oder so gewollt?"),
    ("fr", "L'export plante depuis la mise à jour.", "Est-ce un bug ?"),
    ("es", "La exportación no funciona desde la actualización.", "¿Es un error del programa?"),
    ("it", "L'esportazione non funziona dopo l'aggiornamento.", "È normale?"),
    ("nl", "De export werkt niet meer sinds de update.", "Is dit een bug?"),
    ("pt", "A exportação não funciona desde a atualização.", "É um erro do sistema?"),
    ("da", "Eksporten virker ikke efter opdateringen.", "Er det en fejl?"),
    ("sv", "Exporten fungerar inte efter uppdateringen.", "Är det ett fel i appen?"),
    ("no", "Eksporten fungerer ikke etter oppdateringen.", "Er dette normalt?"),
    ("pl", "Eksport nie działa od aktualizacji.", "Czy to błąd?"),
]


@pytest.mark.parametrize(("language", "trouble", "question"), FAULT_QUESTIONS)
def test_whether_a_reported_fault_is_one_is_a_task(language: str, trouble: str, question: str) -> None:
    tasks = detect_tasks(f"Hello,\n\n{trouble}\n\n{question}\n\nKim\n", language=language, model=None).tasks
    assert [t.sentence for t in tasks] == [question] and tasks[0].title.startswith("Answer: ")


@pytest.mark.parametrize(("language", "news", "question"), [
    ("en", "The new template went live on Monday and the first invoices look fine.", "Is that normal?"),
    ("de", "Die Vorlage ist ab Montag online, die Rechnungen sehen gut aus.", "Ist das so gewollt?"),
    ("fr", "Le nouveau modèle est en ligne dès lundi et les factures sont bonnes.", "C'est normal ?"),
])
def test_the_same_question_without_a_problem_asks_nothing(language: str, news: str, question: str) -> None:
    assert detect_tasks(f"Hello,\n\n{news}\n\n{question}\n\nKim\n", language=language, model=None).tasks == ()


@pytest.mark.parametrize(("language", "trouble", "question"), FAULT_QUESTIONS)
def test_the_same_question_in_mail_to_many_asks_nothing(language: str, trouble: str, question: str) -> None:
    text = f"Hello,\n\n{trouble}\n\n{question}\n\nKim\n"
    assert detect_tasks(text, language=language, model=None, mail=audience(_to_many())).tasks == ()


def _to_many() -> bytes:
    return (b"From: kim@partner.example\r\nTo: a@us.example, b@us.example, c@us.example\r\n"
            b"Subject: export\r\n\r\nHello\r\n")
