"""What office letters hand over and ask for: a German official's formal hand-over in the present
("als Anlage überreiche ich Ihnen den Bescheid", "wir übersenden Ihnen die Unterlagen") sends now,
while the same verb with a time to come is a promise; an interview or a meeting wished for with the
reader's side ("Gostaríamos de entrevistar o delegado", "Nos gustaría entrevistarle") asks them to
act, as do "Is there any chance I could ..." and "What about registering a booth ...?", and a
request inside a longer sentence; a newsletter's way out in other words. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from mailhook.automation.intent import detect_tasks

SENT_NOW = [
    ("de", "Als Anlage überreiche ich Ihnen den Bescheid vom heutigen Tage zu Ihrer Anfrage."),
    ("de", "Wir übersenden Ihnen die gewünschten Unterlagen."),
    ("de", "In der Anlage übermittle ich Ihnen das Protokoll der Sitzung."),
    ("de", "Anliegend erhalten Sie die Rechnung für März."),
    ("nl", "Als bijlage ontvangt u de offerte."),
    ("sv", "Som bilaga skickar jag protokollet från mötet."),
]
PROMISED = [
    ("de", "Die Unterlagen übersende ich Ihnen morgen."),
    ("de", "Den Vertrag schicke ich Ihnen bis Freitag."),
]
WISHED = [
    ("pt", "Gostaríamos de entrevistar o delegado titular do núcleo, por e-mail mesmo."),
    ("pt", "Gostaria de marcar uma reunião com a sua equipa na próxima semana."),
    ("es", "Nos gustaría entrevistarle para el número de diciembre de nuestra revista."),
]
NOT_WISHED = [
    ("pt", "Gostaríamos de agradecer a todos pela participação no evento."),
    ("es", "Nos gustaría agradecerle su confianza."),
]


def _tasks(language: str, sentence: str) -> tuple[str, ...]:
    found = detect_tasks(f"Hallo,\n\n{sentence}\n", language=language)
    return tuple(task.title for task in found.tasks)


@pytest.mark.parametrize(("language", "sentence"), SENT_NOW)
def test_a_formal_hand_over_sends_now(language: str, sentence: str) -> None:
    assert _tasks(language, sentence) == ()


@pytest.mark.parametrize(("language", "sentence"), PROMISED)
def test_the_same_hand_over_with_a_time_to_come_is_a_promise(language: str, sentence: str) -> None:
    assert _tasks(language, sentence)


@pytest.mark.parametrize(("language", "sentence"), WISHED)
def test_an_interview_or_a_meeting_wished_for_asks_the_reader(language: str, sentence: str) -> None:
    assert _tasks(language, sentence)


@pytest.mark.parametrize(("language", "sentence"), NOT_WISHED)
def test_thanks_wished_for_ask_nothing(language: str, sentence: str) -> None:
    assert _tasks(language, sentence) == ()


ASKED_IN_ENGLISH = [
    "Is there any chance I could have access to the tools mentioned below, or a reply to my email?",
    "Any chance we could get the slides before the meeting?",
    "What about registering a booth or a talk at the Linux Days next March?",
    "How about a call on Friday?",
]
NOT_ASKED_IN_ENGLISH = ["What about you?", "How about that!"]


@pytest.mark.parametrize("sentence", ASKED_IN_ENGLISH)
def test_a_chance_asked_for_or_a_what_about_proposal_asks_the_reader(sentence: str) -> None:
    # Written to a team, where a plain question is put to nobody in particular: the cue decides.
    assert detect_tasks(f"Hello Acme Team,\n\n{sentence}\n\nBest,\nTom\n", language="en").tasks


@pytest.mark.parametrize("sentence", NOT_ASKED_IN_ENGLISH)
def test_small_talk_asks_nothing(sentence: str) -> None:
    assert detect_tasks(f"Hello Acme Team,\n\n{sentence}\n\nBest,\nTom\n", language="en").tasks == ()


ASKED_INSIDE = [
    "I have a question about licenses: if I add one license to 45 computers, is there any possibility "
    "to see an overall view?",
    "I would like to use the tool in my company, may I ask for the database design?",
    "I would appreciate if I can get your help on customising the data model.",
]


@pytest.mark.parametrize("sentence", ASKED_INSIDE)
def test_a_request_inside_a_longer_sentence(sentence: str) -> None:
    assert detect_tasks(f"Hello Acme Team,\n\n{sentence}\n\nBest,\nTom\n", language="en").tasks


def test_there_is_a_way_is_told_not_asked() -> None:
    text = "Hello Acme Team,\n\nThere is a way to export the tickets, see the manual.\n\nBest,\nTom\n"
    assert detect_tasks(text, language="en").tasks == ()


@pytest.mark.parametrize(("language", "way_out"), [
    ("fr", "Si vous ne souhaitez plus recevoir de message de Actimo, cliquez ici"),
    ("es", "Si no desea recibir más correos, haga clic aquí"),
    ("it", "Se non desidera più ricevere la newsletter, clicchi qui"),
])
def test_a_newsletters_way_out_in_other_words(language: str, way_out: str) -> None:
    text = ("Si vous n'arrivez pas à lire cet email, merci de copier cette adresse dans votre navigateur : "
            "http://www.modules.example/m.php?m=404\n\nMANQUE DE PLACE ?\n\n"
            f"Agrandissez vos bureaux.\n\n{way_out}\n")
    assert detect_tasks(text, language=language).tasks == ()
