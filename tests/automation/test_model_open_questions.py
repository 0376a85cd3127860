"""The sentence model reads a question its author leaves open in short mail to one reader, whatever
its words ("Has the credit note been issued yet?" names no "you"): intent._may_classify. Not one
the author goes on to answer, and not in mail to many. Sentences written for these tests, scored by
the shipped model (mailhook/models/intent-sentences.npz)."""

from __future__ import annotations

import pytest

from mailhook.automation.addressing import Audience
from mailhook.automation.intent import detect_tasks, shipped_model

OPEN = [
    ("en", "Has the credit note been issued yet?"),
    ("it", "La nota di credito è già partita?"),
    ("pt", "A nota de crédito já foi emitida?"),
    ("sv", "Har kreditnotan skickats än?"),
    ("nl", "Is de creditnota al verstuurd?"),
]


def _mail(question: str, after: str = "") -> str:
    return f"Hallo,\n\n{question}{after}\n\nAnna"


@pytest.mark.parametrize(("language", "question"), OPEN)
def test_the_model_reads_a_question_left_open_to_one_reader(language: str, question: str) -> None:
    """No cue takes these; the model may, as nothing follows the question in its paragraph."""
    assert not detect_tasks(_mail(question), language=language, model=None).tasks
    assert detect_tasks(_mail(question), language=language, model=shipped_model()).tasks


@pytest.mark.parametrize(("language", "question"), OPEN[:1])
def test_a_question_its_author_goes_on_to_answer_stays_unread(language: str, question: str) -> None:
    """"Has it been issued yet? Our accounts team says it went out on Monday.": answered."""
    text = _mail(question, " Our accounts team says it went out on Monday.")
    assert not detect_tasks(text, language=language, model=shipped_model()).tasks


@pytest.mark.parametrize(("language", "question"), OPEN)
def test_a_bare_question_in_mail_to_many_stays_unread(language: str, question: str) -> None:
    """Put to a list or a team, a bare question is asked of nobody in particular."""
    mail = Audience(readers=6)
    assert not detect_tasks(_mail(question), language=language, model=shipped_model(), mail=mail).tasks
