"""A question that puts the author's view or feeling is left open to nobody (cues_rhetoric): a polar
question with a negation about neither side ("Wouldn't a queue be the simpler design?"), or an
exclamation in a question's form ("How depressing would it be ...?"). Not a question word's, not a
chase for news, not one the author's side or the reader takes part in, and not "... or not?".
Sentences written for these tests, scored by the shipped model."""

from __future__ import annotations

import pytest

from mailhook.automation.cues_rhetoric import rhetorical
from mailhook.automation.intent import detect_tasks, shipped_model

# Each of these the model took as a question left open before (intent._may_classify).
VIEWS = [
    ("en", "Wouldn't a queue be the simpler design here?"),
    ("en", "How depressing would it be to work there?"),
    ("es", "¿Una cola no sería la solución más sencilla?"),
    ("nl", "Is een wachtrij niet de eenvoudigste oplossing?"),
    ("nl", "Hoe leuk is dat?"),
    ("pl", "Czy kolejka nie byłaby prostszym rozwiązaniem?"),
    ("it", "Una coda non sarebbe la soluzione più semplice?"),
]
RHETORICAL = [
    *VIEWS,
    ("en", "Will the new cluster not handle this load?"),
    ("en", "Who would have thought the old parser was faster?"),
    ("de", "Wäre eine Warteschlange nicht die einfachere Lösung?"),
    ("de", "Wie peinlich ist das denn?"),
    ("fr", "Une file d'attente ne serait-elle pas plus simple ?"),
    ("fr", "Qui sait ce que le fournisseur va décider ?"),
    ("es", "¿Quién sabe lo que hará el proveedor?"),
    ("no", "Er ikke en kø den enkleste løsningen?"),
    ("no", "Hvem vet hva leverandøren gjør?"),
    ("sv", "Är inte en kö den enklaste lösningen?"),
    ("da", "Er en kø ikke den nemmeste løsning?"),
    ("pt", "Uma fila não seria a solução mais simples?"),
    ("pl", "Kto wie, co zrobi dostawca?"),
]
ASKING = [
    ("en", "Is shipping included or not?"),
    ("en", "Has the refund not gone out yet?"),
    ("en", "Why does the export not start?"),
    ("en", "Shouldn't we meet next week?"),
    ("en", "Couldn't you send it today?"),
    ("en", "Has the credit note been issued yet?"),
    ("de", "Ist die Gutschrift noch nicht raus?"),
    ("de", "Warum startet der Export nicht?"),
    ("fr", "Pourquoi l'export ne démarre-t-il pas ?"),
    ("es", "¿Está incluido el transporte o no?"),
    ("es", "¿No podríamos vernos el lunes?"),
    ("nl", "Is de creditnota nog niet verstuurd?"),
    ("no", "Kan vi ikke bare flytte møtet til fredag?"),
    ("no", "Er ikke fakturaen sendt ennå?"),
    ("sv", "Kan vi inte ses på fredag?"),
    ("pl", "Czy nie moglibyśmy przesunąć spotkania?"),
    ("pl", "Dlaczego eksport nie działa?"),
]


@pytest.mark.parametrize(("language", "question"), RHETORICAL)
def test_a_view_or_an_exclamation_put_as_a_question_is_rhetorical(language: str, question: str) -> None:
    """The author says what they think or feel; the reader has nothing to answer."""
    assert rhetorical(question, language)


@pytest.mark.parametrize(("language", "question"), ASKING)
def test_a_question_that_asks_is_not_rhetorical(language: str, question: str) -> None:
    """Asked with a question word, chasing news, "or not", or with either side taking part."""
    assert not rhetorical(question, language)


@pytest.mark.parametrize(("language", "question"), VIEWS)
def test_the_model_leaves_a_rhetorical_question_unread(language: str, question: str) -> None:
    """In short mail to one reader, with nothing after it, a view put as a question is no task."""
    text = f"Hallo,\n\n{question}\n\nAnna"
    assert not detect_tasks(text, language=language, model=shipped_model()).tasks
