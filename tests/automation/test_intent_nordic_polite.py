"""Scandinavian polite requests and present-tense promises (cues_asks, cues_nordic), and a question
put to the reader that a statement follows in its paragraph (intent: cues_rhetoric.put_to_reader):
"Kan dere undersøke hva som skjer? Skjermbilder ligger vedlagt." is still the reader's to answer,
while a question that doubts ("Heb je echt een cluster nodig? ...") is the author's view. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from mailhook.automation.cues_rhetoric import put_to_reader, rhetorical
from mailhook.automation.intent import detect_tasks

POLITE = [
    ("no", "Vi setter pris på om dere kan se på dette før fredag."),
    ("no", "Jeg setter stor pris på hvis du kunne sende meg fakturaen."),
    ("da", "Vi sætter pris på, hvis I kan se på det inden mandag."),
    ("sv", "Vi uppskattar om ni kan titta på det innan fredag."),
    ("no", "Jeg blir gjerne oppringt av en selger, helst før klokken elleve."),
    ("da", "Jeg bliver gerne ringet op i morgen formiddag."),
    ("sv", "Jag blir gärna uppringd av en säljare."),
    ("no", "Vi går gjennom avtalen i løpet av uka, og jeg gir deg en tilbakemelding senest fredag."),
    ("no", "Vi returnerer den signert så snart den er kommet tilbake."),
    ("da", "Jeg giver dig en tilbagemelding i morgen."),
    ("sv", "Jag ger dig återkoppling på fredag."),
    ("no", "Jeg hadde satt pris på om du kunne sende fakturaen på nytt."),
    ("sv", "Vi skulle uppskatta om ni kunde skicka fakturan igen."),
    ("no", "Vi ønsker tilbud på 20 kontorstoler med levering i januar."),
    ("da", "Vi ønsker et tilbud på 20 kontorstole."),
    ("sv", "Vi önskar en offert på 20 kontorsstolar."),
    ("no", "Gi beskjed om dette passer for dere."),
    ("no", "Gi meg en lyd når du har sjekket loggene."),
]
NOT_ASKED = [
    ("no", "Vi setter stor pris på samarbeidet."),
    ("da", "Vi sætter stor pris på jeres hjælp."),
    ("sv", "Vi uppskattar samarbetet mycket."),
    ("no", "Vi returnerte varene i går."),
    ("no", "Jeg ble oppringt av en selger i går."),
    ("no", "Vi ønsket tilbud på stoler i fjor, men valgte en annen leverandør."),
    ("no", "Gi beskjed hvis du har spørsmål."),
]


def _tasks(sentence: str, language: str) -> list[str]:
    return [t.title for t in detect_tasks(f"Hei,\n\n{sentence}\n\nAnna", language=language, model=None).tasks]


@pytest.mark.parametrize(("language", "sentence"), POLITE)
def test_a_scandinavian_polite_request_or_present_promise_is_a_task(language: str, sentence: str) -> None:
    """Appreciation for what the reader may do, a call wished for, a promise in the present."""
    assert _tasks(sentence, language)


@pytest.mark.parametrize(("language", "sentence"), NOT_ASKED)
def test_thanks_and_past_events_stay_none(language: str, sentence: str) -> None:
    """Appreciation of what is, and what was done or happened, ask nothing."""
    assert not _tasks(sentence, language)


@pytest.mark.parametrize(("language", "text"), [
    ("no", "Hei,\n\nfire montører melder at timelistene forsvinner. Kan dere undersøke hva som skjer før"
           " lønnskjøringen? Skjermbilder ligger vedlagt.\n\nMvh\nKristin"),
    ("no", "Hei Sigrid,\n\nvi skal levere anbud neste uke. Har dere en oppdatert databehandleravtale vi kan"
           " bruke? Fristen er fredag 11. desember.\n\nTakk på forhånd\nGunnar"),
])
def test_a_question_put_to_the_reader_stays_theirs_when_a_statement_follows(language: str, text: str) -> None:
    """What follows (an attachment, a deadline) is no answer by the author."""
    assert detect_tasks(text, language=language, model=None).tasks


@pytest.mark.parametrize(("language", "question"), [
    ("nl", "Heb je voor 100.000 regels echt een cluster nodig?"),
    ("en", "Do you really need a cluster for 100,000 rows?"),
    ("de", "Brauchst du dafür wirklich einen Cluster?"),
    ("no", "Trenger dere virkelig en klynge for dette?"),
])
def test_a_question_that_doubts_is_the_authors_view(language: str, question: str) -> None:
    """"Really?" puts the author's doubt; it is neither left open nor put to the reader."""
    assert rhetorical(question, language)
    assert not put_to_reader(question, language)


@pytest.mark.parametrize(("language", "question"), [
    ("no", "Kan dere undersøke hva som skjer?"), ("en", "Can you check what happens?"),
    ("pl", "Czy mogliby Państwo sprawdzić eksport?"), ("de", "Können Sie den Export prüfen?"),
])
def test_a_question_to_the_reader_is_put_to_them(language: str, question: str) -> None:
    """Second person or a polite form: the reader's to answer."""
    assert put_to_reader(question, language)


@pytest.mark.parametrize(("language", "question"), [
    ("en", "Why did the backup fail?"), ("no", "Hvorfor feilet backupen?"), ("en", "We sent it, right."),
])
def test_a_question_to_nobody_is_not_put_to_the_reader(language: str, question: str) -> None:
    """No second person, or no question at all."""
    assert not put_to_reader(question, language)
