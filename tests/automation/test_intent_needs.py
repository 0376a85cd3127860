"""Needs stated as what would help or be appreciated (mailhook/automation/cues_needs.py): the
reader is to provide it; thanks in the present are none. Sentences written for these tests."""

from __future__ import annotations

import pytest

from mailhook.automation.intent import detect_tasks

NEEDS = [
    ("de", "Über eine kurze Rückmeldung würde ich mich freuen."),
    ("de", "Es wäre hilfreich, wenn wir die Zeichnung bis Montag hätten."),
    ("de", "Wie besprochen würde mich sehr freuen, wenn der Fehler behoben werden könnte."),
    ("de", "Es würde uns freuen, wenn der Zugang bis Montag freigeschaltet wäre."),
    # a dot inside the sentence (a version number) and a long clause before its verb
    ("de", "Wir würden uns freuen, wenn in Version 3.2 des Portals die Suche nach alten Aufträgen "
     "und Rechnungen der letzten Jahre wieder funktionieren würde."),
    ("nl", "We zouden de nieuwe offerte nodig hebben."),
    ("nl", "Een korte bevestiging zou ik erg waarderen."),
    ("sv", "Jag skulle uppskatta ett svar före fredag."),
    ("da", "Jeg vil sætte pris på en hurtig bekræftelse."),
    ("no", "Jeg ville satt pris på et svar i dag."),
    ("pl", "Przydałby się nam cennik na przyszły rok."),
]
THANKS = [
    ("sv", "Jag uppskattar verkligen er hjälp."),
    ("de", "Ich habe mich über Ihre Antwort gefreut."),
    ("de", "Wir würden uns freuen, wenn Sie uns bald wieder besuchen."),
    ("de", "Es hat mich sehr gefreut, dass der Fehler behoben werden konnte."),
]


@pytest.mark.parametrize(("language", "sentence"), NEEDS)
def test_a_need_put_as_what_would_help_is_a_task(language: str, sentence: str) -> None:
    tasks = detect_tasks(f"Hej,\n\n{sentence}\n\nA.\n", language=language, model=None).tasks
    assert [(t.sentence, t.title[:9]) for t in tasks] == [(sentence, "Provide: ")]


@pytest.mark.parametrize(("language", "sentence"), THANKS)
def test_thanks_in_the_present_or_past_are_none(language: str, sentence: str) -> None:
    assert detect_tasks(f"Hej,\n\n{sentence}\n\nA.\n", language=language, model=None).tasks == ()
