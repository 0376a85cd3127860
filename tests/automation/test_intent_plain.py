"""Plain questions and soft asks of support mail (mailhook/automation/cues_plain.py): wh- and
yes/no questions to the reader, "can someone ...?", "any idea?", "thanks in advance", needs inside
a clause and impersonal wishes make tasks in short mail to one reader; social, rhetorical and
self-answered questions, suggestions, surveys, and the same in list mail or long reports make none.
Sentences written for these tests (not those of dev_helpdesk.jsonl)."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from mailhook.automation.addressing import Audience
from mailhook.automation.cues_plain import PLAIN_WORDS
from mailhook.automation.intent import detect_tasks, detection_record

QUESTIONS = [
    ("en", "Why does the invoice PDF show the wrong VAT rate?"),
    ("en", "what is the status of my refund request?"),
    ("de", "Warum wird die Rechnung ohne Logo gedruckt?"),
    ("de", "wann ist das Update für Version 7 geplant?"),
    ("fr", "Pourquoi la facture affiche-t-elle un mauvais taux de TVA ?"),
    ("fr", "Quand la mise à jour sera-t-elle disponible ?"),
    ("es", "¿Por qué la factura sale con el IVA equivocado?"),
    ("es", "¿Cuándo estará lista la nueva versión?"),
    ("it", "Perché la fattura riporta l'IVA sbagliata?"),
    ("it", "Quando sarà disponibile l'aggiornamento?"),
    ("nl", "Waarom staat het verkeerde btw-tarief op de factuur?"),
    ("pt", "Porque é que a fatura mostra a taxa de IVA errada?"),
    ("da", "Hvorfor viser fakturaen den forkerte momssats?"),
    ("sv", "Varför visar fakturan fel momssats?"),
    ("no", "Hvorfor viser fakturaen feil momssats?"),
    ("pl", "Dlaczego faktura pokazuje złą stawkę VAT?"),
    ("en", "Can anyone check why the badge reader rejects my card?"),  # someone on the reader's side
    ("de", "Kann sich bitte jemand den Zugang für Frau Roth ansehen?"),
    ("sv", "Kan någon återställa mitt lösenord?"),
    ("pl", "Czy ktoś może odblokować moje konto?"),
    ("en", "Is there a way to merge two customer accounts?"),  # possibility, what the reader has
    ("fr", "Y a-t-il un moyen de fusionner deux comptes ?"),
    ("pl", "Czy jest możliwość zmiany adresu dostawy?"),
    ("en", "Any ideas?"),  # a soft ask after the problem
    ("de", "Hat jemand eine Idee?"),
    ("it", "Qualche idea?"),
    ("no", "Noen idé?"),
]
YES_NO = [  # the verb first with "you" (or "we" asking what to do), or a second-person verb opening it
    ("en", "Do you still need the brochures for the open day?"),
    ("en", "Should we ship the spare parts to the Leeds site?"),
    ("de", "Brauchen Sie die Broschüren noch für den Tag der offenen Tür?"),
    ("de", "Kommst du morgen zur Schulung?"),
    ("fr", "Venez-vous à la formation demain ?"),
    ("fr", "Faut-il envoyer les pièces au site de Lyon ?"),
    ("es", "¿Todavía necesitas los folletos para la jornada?"),
    ("it", "Ti servono ancora i volantini per l'open day?"),
    ("nl", "Kom je morgen naar de training?"),
    ("pt", "Ainda precisas dos folhetos para o dia aberto?"),
    ("da", "Kommer du til kurset i morgen?"),
    ("sv", "Behöver du fortfarande broschyrerna till öppet hus?"),
    ("no", "Trenger du fortsatt brosjyrene til åpen dag?"),
    ("pl", "Czy nadal potrzebujesz ulotek na dzień otwarty?"),
    ("pl", "Przyjedziesz jutro na szkolenie?"),
]
SMALL_TALK = [
    ("en", "Did you have a nice weekend?"),
    ("en", "Are you kidding me?"),
    ("en", "Do you remember the old office?"),
    ("en", "Have you tried turning it off and on again?"),  # advice
    ("de", "Weißt du noch, wie das alte Büro aussah?"),
    ("fr", "Te souviens-tu de l'ancien bureau ?"),
    ("da", "Husker du det gamle kontor?"),
    ("sv", "Minns du det gamla kontoret?"),
    ("en", "What a week, right?"),
]
SOFT_ASKS = [
    ("en", "Thanks in advance for any pointers."),
    ("de", "Danke im Voraus für eure Hilfe."),
    ("fr", "Merci par avance pour votre retour."),
    ("es", "Muchas gracias de antemano."),
    ("nl", "Bij voorbaat dank voor de moeite."),
    ("da", "På forhånd tak."),
    ("pl", "Z góry dziękuję za odpowiedź."),
    # Needs and deadlines inside a clause, impersonal wishes.
    ("en", "Since the auditors arrive on Thursday we need it fixed by Wednesday."),
    ("de", "Weil die Prüfer am Donnerstag kommen, muss der Fehler bis Mittwoch behoben sein."),
    ("fr", "Comme les auditeurs arrivent jeudi, il faut que le problème soit résolu mercredi."),
    ("es", "Como llegan los auditores el jueves, necesitamos que esté solucionado el miércoles."),
    ("it", "Dato che i revisori arrivano giovedì, ci serve che sia sistemato entro mercoledì."),
    ("sv", "Eftersom revisorerna kommer på torsdag måste felet vara åtgärdat på onsdag."),
    ("no", "Siden revisorene kommer torsdag, må feilen være rettet innen onsdag."),
    ("en", "Because the shop opens next week, the shelves have to arrive before Monday."),
    ("de", "Weil der Laden nächste Woche öffnet, muss das Regal vor Montag geliefert sein."),
    ("pt", "Como a loja abre na próxima semana, precisávamos das prateleiras até segunda."),
    ("da", "Da butikken åbner i næste uge, skal vi bruge reolerne senest mandag."),
    ("de", "Es wäre schön, wenn sich jemand heute noch das Netzteil anschauen könnte."),
    ("fr", "Il faudrait que quelqu'un vienne vérifier le câblage."),
    ("it", "Bisognerebbe che qualcuno controllasse il router."),
    ("nl", "Het zou fijn zijn als iemand vandaag naar de scanner kijkt."),
    ("pt", "Seria bom que alguém verificasse o router hoje."),
]
NONE = [
    ("en", "How was your trip to Lisbon?"),  # social
    ("de", "Wie war euer Urlaub in Italien?"),
    ("fr", "Comment s'est passée ta semaine ?"),
    ("sv", "Hur var helgen i stugan?"),
    ("en", "Who reads the terms and conditions anyway?"),  # who: rhetorical
    ("en", "Why don't you switch to the new template?"),  # a suggestion
    ("de", "Warum nimmst du nicht einfach die neue Vorlage?"),
    ("fr", "Pourquoi ne pas passer au nouveau modèle ?"),
    ("en", "How cool is that?"),  # an exclamation
    ("en", "Why not?"),  # too short to answer
    ("de", "Was denke ich mir dabei?"),  # the author asking himself
    ("en", "How would you rate the help you received?"),  # a survey
    ("de", "Wie zufrieden waren Sie mit unserem Service?"),
    ("en", "The invoice shows the wrong VAT rate."),  # statements
    ("de", "Der Fehler ist inzwischen behoben."),
    ("en", "Thanks for your help."),  # thanks for help given
    ("pl", "Dziękuję za pomoc."),
]


def _mail(sentence: str) -> str:
    return f"Hello,\n\nthe invoice template still shows an error.\n\n{sentence}\n\nRegards\nKim\n"


@pytest.mark.parametrize(("language", "sentence"), QUESTIONS)
def test_a_plain_question_to_the_reader_is_a_task_to_answer(language: str, sentence: str) -> None:
    tasks = detect_tasks(_mail(sentence), language=language, model=None).tasks
    assert [t.sentence for t in tasks] == [sentence] and tasks[0].title.startswith("Answer: ")


@pytest.mark.parametrize(("language", "sentence"), YES_NO)
def test_a_yes_no_question_to_the_reader_is_a_task_to_answer(language: str, sentence: str) -> None:
    tasks = detect_tasks(_mail(sentence), language=language, model=None).tasks
    assert [t.sentence for t in tasks] == [sentence] and tasks[0].title.startswith("Answer: ")


@pytest.mark.parametrize(("language", "sentence"), SMALL_TALK)
def test_small_talk_memories_and_advice_put_as_questions_make_no_task(language: str, sentence: str) -> None:
    assert detect_tasks(_mail(sentence), language=language, model=None).tasks == ()


@pytest.mark.parametrize(("language", "sentence"), SOFT_ASKS)
def test_a_soft_ask_or_a_need_in_a_clause_is_a_task(language: str, sentence: str) -> None:
    tasks = detect_tasks(_mail(sentence), language=language, model=None).tasks
    assert [t.sentence for t in tasks] == [sentence]


@pytest.mark.parametrize(("language", "sentence"), NONE)
def test_social_rhetorical_survey_questions_and_statements_make_no_task(language: str, sentence: str) -> None:
    assert detect_tasks(_mail(sentence), language=language, model=None).tasks == ()


def test_the_title_of_a_plain_question_is_what_to_answer() -> None:
    found = detect_tasks(_mail("Why does the export stop at 50 rows?"), language="en", model=None)
    assert [t.title for t in found.tasks] == ["Answer: why does the export stop at 50 rows"]


def test_a_question_its_author_answers_in_the_next_sentence_makes_no_task() -> None:
    text = "Hi,\n\nWhy did the import fail last night? The server ran out of disk space.\n\nBen\n"
    assert detect_tasks(text, language="en", model=None).tasks == ()


def test_plain_questions_in_mail_to_many_or_to_a_group_make_no_task() -> None:
    sentence = "Warum bricht der Export nach 50 Zeilen ab?"
    many = Audience(readers=4)
    assert detect_tasks(_mail(sentence), language="de", model=None, mail=many).tasks == ()
    assert detect_tasks("Hallo zusammen,\n\n" + sentence + "\n", language="de", model=None).tasks == ()
    assert detect_tasks(_mail(sentence), language="de", model=None).tasks != ()


def test_plain_questions_in_a_long_report_make_no_task() -> None:
    report = "\n\n".join(["The migration of the archive went as planned and took four hours."] * 30)
    assert len(report.split()) > PLAIN_WORDS
    text = f"Hi,\n\n{report}\n\nWhat drives the cost of storage in the long run?\n\nBen\n"
    assert detect_tasks(text, language="en", model=None).tasks == ()


def test_only_the_new_text_above_a_quoted_ticket_notification_counts() -> None:
    """A real MIME reply: the question above the quoted notification is the task; the notification's
    'Reply above this line' below it is not read."""
    message = EmailMessage()
    message["From"], message["To"] = "kim@customer.example", "help@vendor.example"
    message["Subject"], message["Date"] = "Re: [Ticket #4711] export", "Wed, 04 Mar 2026 09:00:00 +0100"
    message.set_content(
        "still broken after clearing the cache. why does the export stop at 50 rows?\n\n"
        "Sent from my iPhone\n\n"
        "On Tue, 3 Mar 2026, Support Desk <help@vendor.example> wrote:\n"
        "> Ticket #4711 was updated. Status: pending customer.\n> Reply above this line to add a comment.\n"
    )
    tasks = detection_record("reply.eml", bytes(message), None)["tasks"]
    assert [t["title"] for t in tasks] == ["Answer: why does the export stop at 50 rows"]


def test_it_works_now_and_logs_sent_as_requested_make_no_task() -> None:
    for text, language in (("it works now, thanks! all 312 rows are there.", "en"),
                           ("wie gewünscht schicke ich Ihnen anbei die Logdateien von gestern.", "de"),
                           ("ça marche maintenant, merci !", "fr")):
        assert detect_tasks(_mail(text), language=language, model=None).tasks == ()


@pytest.mark.parametrize(("language", "news", "ask"), [
    ("en", "The new invoice template went live on Monday.", "Thanks in advance."),
    ("de", "Die neue Vorlage ist ab Montag online.", "Vielen Dank im Voraus."),
    ("fr", "Le nouveau modèle est en ligne dès lundi.", "Une idée ?"),
])
def test_any_idea_and_thanks_in_advance_ask_only_after_a_problem(language: str, news: str, ask: str) -> None:
    """Without a problem reported ("error", "funktioniert nicht", "ne marche pas", "still" ...),
    "thanks in advance" is a sign-off and "any idea?" no request."""
    assert detect_tasks(f"Hello,\n\n{news} {ask}\n\nKim\n", language=language, model=None).tasks == ()
    trouble = f"Hello,\n\n{news} {_STILL_BROKEN[language]} {ask}\n\nKim\n"
    assert detect_tasks(trouble, language=language, model=None).tasks != ()


_STILL_BROKEN = {"en": "The PDF still shows an error.", "de": "Der Export funktioniert nicht.",
                 "fr": "L'export ne marche pas."}
