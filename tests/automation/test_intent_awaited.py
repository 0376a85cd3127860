"""Requests real mail makes that the cues missed, per language: an answer awaited on a named subject
(cues_awaited: "Quedo a la espera de sus comentarios sobre las condiciones"), not the bare closing
formula; Polish gratitude for an act named by its verbal noun ("Byłbym wdzięczny za przesłanie
oferty"); a Dutch need whose thing carries its complements ("hebben wij nog een kopie van de
jaarrekening 2025 nodig"); a plain question as a numbered list item ("1. Warum ...?"); and a
greeting to a supplier's service desk, which is one reader, not a group ("Hello support team,").
Sentences written for these tests."""

from __future__ import annotations

import pytest

from mailhook.automation.addressing import to_a_group
from mailhook.automation.intent import detect_tasks

AWAITED = [
    ("es", "Quedo a la espera de sus comentarios sobre las condiciones."),
    ("es", "Quedamos a la espera de su valoración sobre el presupuesto."),
    ("nl", "Ik kijk uit naar je reactie op het voorstel."),
    ("nl", "In afwachting van uw reactie op de offerte."),
    ("no", "Vi ser fram til tilbakemeldingen din på planen."),
    ("da", "Vi ser frem til jeres tilbagemelding på tilbuddet."),
    ("sv", "Vi ser fram emot era synpunkter på förslaget."),
    ("it", "Resto in attesa di un Suo riscontro sulla proposta."),
    ("pl", "Czekam na Pana opinię na temat projektu umowy."),
]
CLOSINGS = [
    ("es", "Quedo a la espera de sus noticias."),
    ("nl", "Ik kijk uit naar je reactie."),
    ("no", "Vi ser fram til å høre fra deg."),
    ("da", "Vi ser frem til at høre fra jer."),
    ("sv", "Vi ser fram emot att höra från er."),
    ("it", "Resto in attesa di un Suo riscontro."),
    ("pl", "Czekam na odpowiedź."),
]


def _tasks(sentence: str, language: str) -> list[str]:
    return [t.title for t in detect_tasks(f"Hola,\n\n{sentence}\n\nAna", language=language, model=None).tasks]


@pytest.mark.parametrize(("language", "sentence"), AWAITED)
def test_an_answer_awaited_on_a_named_subject_is_a_task(language: str, sentence: str) -> None:
    """The reader is to answer on the subject the author names."""
    assert _tasks(sentence, language)


@pytest.mark.parametrize(("language", "sentence"), CLOSINGS)
def test_the_closing_formula_alone_stays_a_courtesy(language: str, sentence: str) -> None:
    """Waiting for news in general names nothing to answer on."""
    assert not _tasks(sentence, language)


@pytest.mark.parametrize("sentence", [
    "Byłbym wdzięczny za przesłanie oferty wraz z proponowanymi terminami.",
    "Bylibyśmy wdzięczni za potwierdzenie terminu dostawy.",
])
def test_polish_gratitude_for_an_act_named_by_its_noun_is_a_request(sentence: str) -> None:
    """"Wdzięczny za przesłanie ...": the reader is to send it."""
    assert _tasks(sentence, "pl")


def test_polish_thanks_for_an_act_done_stays_none() -> None:
    """Gratitude in the indicative present is thanks for what was done."""
    assert not _tasks("Jestem wdzięczny za szybkie przesłanie oferty.", "pl")


def test_a_dutch_need_whose_thing_has_complements_is_a_task() -> None:
    """The verb-second need after a fronted clause, with a long object before "nodig"."""
    sentence = ("Om de aanvraag in behandeling te kunnen nemen, hebben wij nog een kopie van de jaarrekening"
                " 2025 nodig.")
    assert _tasks(sentence, "nl")


def test_a_dutch_question_about_a_need_stays_none() -> None:
    """Asking whether something is needed is no need stated."""
    assert not _tasks("Hebben we echt een kopie van de jaarrekening van vorig jaar nodig?", "nl")


@pytest.mark.parametrize(("language", "text"), [
    ("de", "Hallo Herr Keller,\n\nzwei Punkte:\n\n1. Warum sind die Reisekosten doppelt aufgeführt?\n\n"
           "Gruß\nTobias"),
    ("en", "Hi Sam,\n\na few points:\n\n1. Why is the travel cost listed twice?\n\nThanks\nKofi"),
])
def test_a_plain_question_as_a_numbered_item_is_a_task(language: str, text: str) -> None:
    """A list item's number before a plain question does not hide it."""
    assert detect_tasks(text, language=language, model=None).tasks


def test_a_numbered_statement_stays_none() -> None:
    """A numbered point that asks nothing is no task."""
    text = "Hallo Herr Keller,\n\n1. Die Reisekosten sind doppelt aufgeführt.\n\nGruß\nTobias"
    assert not detect_tasks(text, language="de", model=None).tasks


@pytest.mark.parametrize("greeting", [
    "Hello support team,", "Liebes Support-Team,", "Dear accounts team,", "Hola equipo de soporte:",
    "Hi all at Northdesk,", "Hallo zusammen bei Datavista,", "Beste klantenservice,",
    "Hei kundeservice-teamet,",
])
def test_a_greeting_to_a_service_desk_is_to_one_reader(greeting: str) -> None:
    """A supplier's desk or a whole company greeted from outside is one reader that is to act."""
    assert not to_a_group(f"{greeting}\n\nthe export fails.")


@pytest.mark.parametrize("greeting", ["Hi team,", "Hallo zusammen,", "Bonjour à tous,", "Hei alle sammen,"])
def test_a_greeting_to_a_group_stays_one(greeting: str) -> None:
    """The author's own team or a list is still many readers."""
    assert to_a_group(f"{greeting}\n\nthe export fails.")


def test_a_question_to_a_support_team_is_a_task() -> None:
    """"Is there a way to ...?" in short mail to a support team is a request to answer."""
    text = ("Hello support team,\n\nabout 1,400 contacts need a new owner.\n\nIs there a way to change the"
            " owner for a filtered list of contacts in one go?\n\nBest,\nClaire")
    assert detect_tasks(text, language="en", model=None).tasks
