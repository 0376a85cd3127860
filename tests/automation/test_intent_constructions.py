"""Follow-up cues, fifth round: imperatives softened without a question, self-answered questions,
hand-overs in the present and availability stated as news, in the eleven languages."""

from __future__ import annotations

from datetime import datetime

import pytest

from mailhook.automation import cues as cues
from mailhook.automation.addressing import answers_itself
from mailhook.automation.intent import detect_tasks

WEDNESDAY = datetime(2026, 3, 4, 9, 0)

SOFTENED = [
    ("de", "Schick bitte die Liste bis Freitag an Herrn Maier."),
    ("de", "Bitte prüf die Rechnung noch heute."),
    ("es", "Revisa por favor el contrato antes del jueves."),
    ("it", "Controlla per favore il preventivo entro venerdì."),
    ("pt", "Envia por favor o relatório até sexta."),
    ("fr", "Envoyez-moi s'il vous plaît le devis signé."),
    ("nl", "Stuur alsjeblieft de offerte voor vrijdag."),
    ("da", "Send gerne tilbuddet inden fredag."),
    ("sv", "Skicka gärna offerten före fredag."),
    ("no", "Send gjerne tilbudet innen fredag."),
    ("pl", "Prześlij proszę ofertę do piątku."),
]

NOT_SOFTENED = [
    ("de", "Bitte antworte nicht auf diese Nachricht."),  # "please do not"
    ("de", "Bitte beachte die neuen Öffnungszeiten."),  # points, asks nothing
    ("de", "Danke bitte für alles."),
    ("nl", "Ja graag, tot morgen."),
    ("da", "Kommer gerne på tirsdag."),  # present tense: a statement, its subject left out
    ("sv", "Vill gärna höra mer om det."),
    ("no", "Ser gjerne at flere blir med."),
    ("pl", "Bardzo proszę, nie ma za co."),
]


@pytest.mark.parametrize(("language", "sentence"), SOFTENED)
def test_an_imperative_softened_after_its_verb_makes_a_task(language: str, sentence: str) -> None:
    tasks = detect_tasks(sentence, sent=WEDNESDAY, language=language, model=None).tasks
    assert len(tasks) == 1 and tasks[0].role == cues.REQUEST


@pytest.mark.parametrize(("language", "sentence"), NOT_SOFTENED)
def test_thanks_pronouns_present_verbs_and_negations_before_the_particle_make_none(
    language: str, sentence: str
) -> None:
    assert detect_tasks(sentence, sent=WEDNESDAY, language=language, model=None).tasks == ()


def test_the_portuguese_infinitive_with_its_object_after_a_polite_question_makes_a_task() -> None:
    tasks = detect_tasks("Consegues corrigi-lo até quinta?", sent=WEDNESDAY, language="pt", model=None).tasks
    assert [t.role for t in tasks] == [cues.REQUEST]


SELF_ANSWERED = [
    ("en", "How can we cut the cost of the build? Honestly, by dropping old targets."),
    ("de", "Wer würde das Protokoll schreiben, wenn wir uns treffen? Ehrlich gesagt niemand gern."),
    ("fr", "Comment pouvons-nous réduire les coûts ? Franchement, en supprimant les anciennes versions."),
    ("es", "¿Cómo podemos reducir los costes? Sinceramente, quitando las versiones antiguas."),
    ("it", "Come possiamo ridurre i costi? Sinceramente, togliendo le vecchie versioni."),
    ("nl", "Hoe kunnen we de kosten verlagen? Eerlijk gezegd door oude versies te schrappen."),
    # ("É preciso um servidor novo para isto?" asks whether there is a need: no task even alone.)
    ("pt", "Como podemos reduzir os custos? Sinceramente, cortando as versões antigas."),
    ("da", "Hvordan kan vi sænke udgifterne? Ærligt talt ved at droppe de gamle versioner."),
    ("sv", "Hur kan vi sänka kostnaderna? Ärligt talat genom att slopa de gamla versionerna."),
    ("no", "Hvordan kan vi senke kostnadene? Ærlig talt ved å droppe de gamle versjonene."),
    ("pl", "Czy możesz to sprawdzić przed wdrożeniem? Niekoniecznie, testy to wyłapią."),
]


@pytest.mark.parametrize(("language", "text"), SELF_ANSWERED)
def test_a_question_its_author_answers_next_makes_no_task(language: str, text: str) -> None:
    question = text.split("? ")[0] + "?"
    assert detect_tasks(question, sent=WEDNESDAY, language=language, model=None).tasks  # alone: a task
    assert detect_tasks(text, sent=WEDNESDAY, language=language, model=None).tasks == ()


def test_a_remark_after_a_request_is_no_answer() -> None:
    assert not answers_itself("Could you send me the file?", "No rush, Friday is fine.", "en")
    assert not answers_itself("Kannst du mir die Datei schicken?", "Nichts Eiliges.", "de")
    assert answers_itself("What do we gain by keeping them?", "Nothing.", "en")
    assert not answers_itself("What do we gain by keeping them?", None, "en")  # its paragraph ends
    text = "Could you send me the file?\n\nNo, I mean the second one."  # another paragraph
    assert detect_tasks(text, sent=WEDNESDAY, language="en", model=None).tasks


HANDED_NOW = [
    ("es", "Os paso el acta de la reunión del lunes."),
    ("it", "Vi giro il verbale della riunione di giovedì."),
    ("pt", "Envio-lhe a ata da reunião de segunda."),
    ("fr", "Je vous transmets le compte rendu de la réunion de lundi."),
    ("pl", "Przesyłam protokół z poniedziałkowego spotkania."),
]
PROMISED = [
    ("es", "Os paso el acta mañana."),
    ("es", "Os envío la propuesta el viernes."),
    ("it", "Vi giro il verbale appena è pronto."),
    ("pt", "Envio-lhe a ata amanhã."),
    ("fr", "Je vous transmets le compte rendu demain."),
]


@pytest.mark.parametrize(("language", "sentence"), HANDED_NOW)
def test_a_hand_over_in_the_present_sends_now(language: str, sentence: str) -> None:
    assert cues.sends_now(sentence)
    assert detect_tasks(sentence, sent=WEDNESDAY, language=language, model=None).tasks == ()


@pytest.mark.parametrize(("language", "sentence"), PROMISED)
def test_a_hand_over_with_a_time_to_come_is_a_promise(language: str, sentence: str) -> None:
    assert not cues.sends_now(sentence)
    tasks = detect_tasks(sentence, sent=WEDNESDAY, language=language, model=None).tasks
    assert [t.role for t in tasks] == [cues.COMMIT]


@pytest.mark.parametrize(
    ("language", "news", "asked"),
    [
        ("it", "È disponibile la versione 6.0 del gestionale.", "È disponibile giovedì alle 10?"),
        ("pt", "A versão 3.5 já está disponível.", "Está disponível amanhã de manhã?"),
    ],
)
def test_availability_is_asked_not_stated(language: str, news: str, asked: str) -> None:
    assert detect_tasks(news, sent=WEDNESDAY, language=language, model=None).tasks == ()
    assert detect_tasks(asked, sent=WEDNESDAY, language=language, model=None).tasks
