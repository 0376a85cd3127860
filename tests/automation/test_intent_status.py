"""Status chasers of support mail (automation/cues_status.py): the customer asks for news of their
case, often followed by why ("still the same error"), which is no answer of the author's own."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from mailhook.automation import intent
from mailhook.automation.addressing import Audience

CHASERS = [
    ("en", "any update on the refund? the amount is still missing on my statement"),
    ("de", "gibt es schon Neuigkeiten zu meinem Ticket? Der Export bricht weiterhin ab."),
    ("fr", "du nouveau sur ma demande ? l'import échoue encore ce matin"),
    ("es", "¿alguna novedad con la factura? seguimos sin recibirla"),
    ("it", "ci sono aggiornamenti sul rimborso? non è ancora arrivato nulla"),
    ("nl", "nog nieuws over de creditnota? we hebben nog niets ontvangen"),
    ("pt", "alguma atualização sobre a licença? o sistema continua bloqueado"),
    ("da", "er der noget nyt i sagen? fakturaen er stadig forkert"),
    ("sv", "något nytt om ärendet? exporten stannar fortfarande"),
    ("no", "er det noe nytt om refusjonen? pengene har fortsatt ikke kommet"),
    ("pl", "są jakieś wieści w sprawie faktury? nadal jej nie mamy"),
]
NOT_CHASERS = [
    ("en", "anything new with you? we had a great summer here."),
    ("de", "gibt es bei dir was Neues? Bei uns ist alles ruhig."),
    ("en", "no news is good news, so we assume the fix works."),
    ("fr", "Voici les nouvelles de notre côté : le déménagement est terminé."),
]


def _tasks(text: str) -> list[dict[str, object]]:
    message = EmailMessage()
    message["From"], message["To"] = "Jo Kern <jo@partner.example>", "ann@us.example"
    message["Subject"], message["Date"] = "Re: ticket 4711", "Wed, 04 Mar 2026 09:00:00 +0100"
    message.set_content(text + "\n\nBR\nJo\n")
    return list(intent.detection_record("x", bytes(message), intent.shipped_model())["tasks"])


@pytest.mark.parametrize(("lang", "text"), CHASERS)
def test_a_customer_chasing_news_of_their_case_leaves_a_task(lang: str, text: str) -> None:
    assert _tasks(text), lang


@pytest.mark.parametrize(("lang", "text"), NOT_CHASERS)
def test_news_of_the_reader_or_of_the_author_is_no_task(lang: str, text: str) -> None:
    assert _tasks(text) == [], lang


@pytest.mark.parametrize("sentence", [
    "Has there been any update on this patch?",
    "Is there any feedback on the proposal?",
    "Do you have any news about the delivery?",
    "Have there been any comments from the board?",
])
def test_an_update_asked_for_with_an_opening_is_a_task_in_mail_to_several(sentence: str) -> None:
    found = intent.detect_tasks(f"Hi Alexandre,\n\n{sentence}\n\nThanks,\nMarc\n", language="en",
                                mail=Audience(readers=3, earlier=1))
    assert [task.sentence for task in found.tasks] == [sentence]


def test_no_update_reported_is_no_task() -> None:
    text = "Hi,\n\nThere has been no update on this patch.\n\nMarc\n"
    assert intent.detect_tasks(text, language="en").tasks == ()


REMINDERS = [
    ("en", "Ping"), ("en", "Gentle reminder."), ("en", "Just bumping this up in your inbox."),
    ("en", "Just following up on my previous email."), ("de", "Kurze Erinnerung."),
    ("fr", "Petit rappel !"), ("es", "Recordatorio."), ("it", "Gentile sollecito."),
    ("nl", "Vriendelijke herinnering."), ("pt", "Lembrete."), ("da", "Venlig påmindelse."),
    ("sv", "Vänlig påminnelse."), ("no", "Vennlig påminnelse."), ("pl", "Uprzejmie przypominam."),
]


@pytest.mark.parametrize(("lang", "sentence"), REMINDERS)
def test_a_reminder_on_its_own_waits_for_the_readers_answer(lang: str, sentence: str) -> None:
    tasks = intent.detect_tasks(f"Hi Tom,\n\n{sentence}\n\nThanks,\nJo\n", language=lang, model=None).tasks
    assert [task.sentence for task in tasks] == [sentence]
    assert tasks[0].title.startswith("Answer the earlier mail (")


def test_a_reminder_the_user_sent_is_followed_up() -> None:
    text = "Hi Tom,\n\nGentle reminder.\n\nJo\n"
    tasks = intent.detect_tasks(text, language="en", model=None, author_is_user=True).tasks
    assert [task.title for task in tasks] == ["Follow up: the earlier mail (Gentle reminder)"]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "A gentle reminder: the office is closed on Friday."),
    ("de", "Zur Erinnerung: am Freitag ist das Büro geschlossen."),
    ("fr", "Petit rappel : le bureau sera fermé vendredi."),
])
def test_a_reminder_of_news_asks_nothing(lang: str, text: str) -> None:
    assert intent.detect_tasks(f"Hi Tom,\n\n{text}\n\nJo\n", language=lang, model=None).tasks == ()


def test_a_reminder_to_many_asks_nothing() -> None:
    found = intent.detect_tasks("Hi all,\n\nGentle reminder.\n\nJo\n", language="en", model=None,
                                mail=Audience(readers=3, earlier=1))
    assert found.tasks == ()
