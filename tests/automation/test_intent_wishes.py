"""Follow-up cues, sixth round: the reader's answer wished for impersonally ("your comments would
be appreciated"), "would you mind" with any gerund, and a need asked about rather than stated."""

from __future__ import annotations

from datetime import datetime

import pytest

from mailhook.automation import cues as cues
from mailhook.automation.intent import detect_tasks

WEDNESDAY = datetime(2026, 3, 4, 9, 0)

WISHED = [
    ("en", "Your comments on the draft would be much appreciated by Friday."),
    ("de", "Ihre Anmerkungen zum Entwurf wären bis Freitag sehr hilfreich."),
    ("de", "Eine kurze Rückmeldung bis Freitag wäre nett."),
    ("fr", "Vos remarques sur le projet seraient les bienvenues avant vendredi."),
    ("fr", "Un retour rapide serait très apprécié."),
    ("es", "Sus comentarios sobre el borrador serían muy bienvenidos."),
    ("es", "Agradeceríamos sus comentarios antes del viernes."),
    ("it", "Un vostro riscontro entro venerdì sarebbe gradito."),
    ("it", "I tuoi commenti sulla bozza sarebbero molto utili."),
    ("nl", "Uw reactie voor vrijdag wordt zeer op prijs gesteld."),
    ("pt", "Os seus comentários sobre o rascunho seriam muito bem-vindos."),
    ("pt", "Agradecíamos uma resposta até sexta-feira."),
    ("da", "Dine kommentarer til udkastet vil være meget velkomne."),
    ("sv", "Dina synpunkter på utkastet vore välkomna före fredag."),
    ("no", "Tilbakemeldingen din innen fredag settes stor pris på."),
    ("pl", "Pana uwagi do projektu byłyby bardzo pomocne."),
    ("pl", "Będę wdzięczna za odpowiedź do piątku."),
]

# The same nouns in the past: thanks for what the reader did, nothing left to do.
THANKED = [
    ("en", "Your help was much appreciated."),
    ("de", "Ihre Antwort war sehr hilfreich."),
    ("fr", "Votre aide a été précieuse."),
    ("es", "Su ayuda fue muy útil."),
    ("it", "Il tuo aiuto è stato prezioso."),
    ("nl", "Je hulp was erg fijn."),
    ("pt", "A sua ajuda foi muito útil."),
    ("da", "Din hjælp var meget nyttig."),
    ("sv", "Din hjälp var värdefull."),
    ("no", "Svaret ditt var nyttig."),
    ("pl", "Pana pomoc była bardzo cenna."),
]


@pytest.mark.parametrize(("language", "sentence"), WISHED)
def test_the_readers_answer_wished_for_impersonally_is_a_need(language: str, sentence: str) -> None:
    tasks = detect_tasks(sentence, sent=WEDNESDAY, language=language, model=None).tasks
    assert [t.role for t in tasks] == [cues.NEED]
    assert tasks[0].title.startswith("Provide: ")


@pytest.mark.parametrize(("language", "sentence"), THANKED)
def test_the_readers_help_thanked_for_in_the_past_makes_no_task(language: str, sentence: str) -> None:
    assert detect_tasks(sentence, sent=WEDNESDAY, language=language, model=None).tasks == ()


def test_a_wish_carries_its_due_date() -> None:
    tasks = detect_tasks(WISHED[0][1], sent=WEDNESDAY, language="en", model=None).tasks
    assert tasks[0].due == "2026-03-06"


def test_would_you_mind_takes_any_gerund() -> None:
    tasks = detect_tasks("Would you mind taking a look at the log below?", language="en", model=None).tasks
    assert [t.title for t in tasks] == ["Taking a look at the log below"]
    assert detect_tasks("Would you mind if I joined later?", language="en", model=None).tasks == ()


@pytest.mark.parametrize(
    ("language", "asked", "stated"),
    [
        ("nl", "Hebben we echt veertig plekken nodig?",
         "Voor de verlenging hebben we veertig plekken nodig."),
        ("en", "Do we need the old tickets from 2019?", "We need the old tickets from 2019 by Friday."),
        ("de", "Wir bräuchten bis Freitag eine Rückmeldung, geht das?",
         "Wir bräuchten bis Freitag eine Rückmeldung."),
    ],
)
def test_a_need_asked_about_is_no_task_where_a_need_stated_is(language: str, asked: str, stated: str) -> None:
    """A question that opens with the need and runs to its mark in one clause asks whether there
    is a need; with a clause after the need ("..., geht das?") the need is stated and asked about."""
    assert detect_tasks(stated, sent=WEDNESDAY, language=language, model=None).tasks
    found = detect_tasks(asked, sent=WEDNESDAY, language=language, model=None).tasks
    assert bool(found) is (", " in asked)
