"""Deadlines set as an obligation on a thing (mailhook/automation/cues_obligation.py), needs with an
adverb inside the verb or put as what the author still lacks (cues_needs.py), confirmations told
now (cues.TOLD_NOW) and survey mail (cues.SURVEY_QUESTION), in the eleven languages. Sentences
written for these tests (not those of dev_longmail.jsonl or of any measured set)."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from mailhook.automation.addressing import Audience
from mailhook.automation.intent import detect_tasks, detection_record

OBLIGATIONS = [
    ("en", "Since the auditors arrive on the 9th, the signed forms have to be back with us by the 7th."),
    ("en", "The replacement parts must reach the Leeds site no later than Thursday."),
    ("de", "Weil die Eröffnung am 3. Mai ist, müssen die Regale spätestens am 30. April aufgebaut sein."),
    ("fr", "Comme l'inauguration a lieu le 3 mai, les étagères doivent être montées avant le 30 avril."),
    ("es", "Como abrimos el día 3, los carteles tienen que estar impresos antes del viernes."),
    ("it", "Visto che apriamo il 3 maggio, gli scaffali devono essere montati entro il 30 aprile."),
    ("it", "Il modulo firmato va restituito entro venerdì."),
    ("nl", "Omdat de opening op 3 mei is, moeten de stellingen uiterlijk 30 april opgebouwd zijn."),
    ("pt", "Como abrimos no dia 3, as prateleiras têm de estar montadas até dia 30."),
    ("da", "Da åbningen er den 3. maj, skal hylderne være samlet senest den 30. april."),
    ("sv", "Eftersom öppningen är den 3 maj måste hyllorna vara monterade senast den 30 april."),
    ("no", "Siden åpningen er 3. mai, må hyllene være montert innen 30. april."),
    ("pl", "Ponieważ otwarcie jest 3 maja, regały muszą zostać zmontowane najpóźniej do 30 kwietnia."),
    # What the author must have by then is for the reader to provide.
    ("no", "For å rekke styremøtet må vi ha et tilbud på 30 lisenser senest 4. juni."),
    ("en", "For the board we need to have the revised figures before Friday."),
]
NOT_OBLIGATIONS = [
    ("en", "We have to deliver the goods by Friday, so the warehouse is busy."),  # the author's own work
    ("de", "Wir müssen bis Freitag liefern, deshalb ist es hier hektisch."),
    ("no", "Vi må levere innen fredag, så det blir travelt her."),
    ("da", "Vi skal levere senest fredag, så her er travlt."),
    ("nl", "We moeten uiterlijk vrijdag leveren, dus het is hier druk."),
    ("en", "The report does not have to be ready by Friday."),  # negated
    ("de", "Die Unterlagen müssen nicht bis Freitag da sein."),
    ("en", "The deadline was Friday and the forms had to be in by then."),  # past
    ("en", "The parcel should reach you by Tuesday."),  # news of a delivery
    ("fr", "Le colis devrait vous parvenir avant mardi."),
]
NEEDS = [
    ("en", "For the tender we still need a copy of your insurance certificate."),
    ("en", "We also need an updated price list for next year."),
    ("fr", "Pour le dossier, nous avons encore besoin d'une copie de votre attestation."),
    ("es", "Nos haría falta una copia del certificado de calibración."),
    ("es", "Nos faltan todavía los albaranes firmados de marzo."),
    ("it", "Per il bando abbiamo ancora bisogno di una lettera firmata."),
    ("it", "Ci mancano ancora le bolle firmate di marzo."),
    ("pt", "Falta-nos ainda o certificado de calibração das balanças."),
    ("de", "Uns fehlt noch die unterschriebene Auftragsbestätigung."),
    ("nl", "We missen nog de getekende leveringsbonnen van maart."),
    ("da", "Til revisionen har vi også brug for kontoudtogene fra marts."),
    ("da", "Vi mangler stadig de underskrevne følgesedler."),
    ("sv", "Vi saknar fortfarande de underskrivna följesedlarna."),
    ("no", "Vi mangler fortsatt de signerte pakksedlene fra mars."),
    ("no", "Til revisjonen trenger vi også kontoutskriftene fra mars."),
    ("pl", "Brakuje nam jeszcze podpisanych dokumentów dostawy."),
]
NOT_NEEDS = [
    ("en", "We need a break after this quarter."),  # not a thing the reader provides
    ("sv", "Jag saknar dig redan."),  # missing a person
    ("it", "Mi manca molto l'Italia."),
    ("nl", "We missen je op kantoor."),
]
TOLD_NOW = [  # confirmed or told with this mail: nothing to follow up
    ("no", "Vi bekrefter at vi har mottatt bestillingen på 12 stoler."),
    ("es", "Te confirmo que los datos de facturación no han cambiado."),
    ("it", "Vi scrivo solo per dirvi che il condizionatore ora funziona."),
    ("fr", "Je vous confirme que la commande est bien partie."),
    ("en", "I'm writing to let you know that the server is back up."),
    ("da", "Vi bekræfter hermed, at ordren er modtaget."),
]
STILL_PROMISES = [  # a time to come and no "that": the present is a promise
    ("it", "Ti confermo la data domani."),
    ("es", "Te confirmo mañana la hora de la visita."),
]


def _found(sentence: str, language: str) -> bool:
    return bool(detect_tasks(sentence, language=language, model=None).tasks)


@pytest.mark.parametrize(("language", "sentence"), OBLIGATIONS + NEEDS)
def test_an_obligation_with_a_deadline_or_a_need_makes_a_task(language: str, sentence: str) -> None:
    """A thing that must be done by a time, or a need the reader is to meet, is a task."""
    assert _found(sentence, language), sentence


@pytest.mark.parametrize(("language", "sentence"), NOT_OBLIGATIONS + NOT_NEEDS + TOLD_NOW)
def test_own_work_negations_news_and_confirmations_make_none(language: str, sentence: str) -> None:
    """The author's own obligations, negated or past ones, deliveries on their way, missing a person
    and what is confirmed with the mail make no task."""
    assert not _found(sentence, language), sentence


@pytest.mark.parametrize(("language", "sentence"), STILL_PROMISES)
def test_a_confirmation_to_come_is_still_a_promise(language: str, sentence: str) -> None:
    """"Ti confermo domani": the present of a promise, as these languages put it."""
    assert _found(sentence, language), sentence


def test_an_obligation_in_long_mail_to_one_reader_is_a_task() -> None:
    """The obligation's gate is the reader, not the length: a deadline deep in a long mail counts."""
    filler = "We went through the drawings with the team and everything else looks fine to us. " * 40
    deadline = "The printed signs have to be delivered to the hotel by the 12th."
    text = f"Hi Sam,\n\n{filler}\n\n{deadline}\n\nBest,\nRuth"
    assert len(text.split()) > 300
    assert detect_tasks(text, language="en", model=None).tasks


def test_an_obligation_in_mail_to_many_is_none() -> None:
    """In a team mail the thing that must be done by Friday is the author's plan, not a task."""
    text = "The new shelves have to be assembled by Friday."
    assert not detect_tasks(text, language="en", model=None, mail=Audience(readers=6)).tasks


def _survey(body: str) -> bytes:
    message = EmailMessage()
    message["From"], message["To"] = "support@vendor.example", "user@us.example"
    message["Subject"] = "Feedback"
    message["Date"] = "Wed, 04 Mar 2026 09:00:00 +0100"
    message.set_content(body)
    return bytes(message)


@pytest.mark.parametrize("body", [
    "Hi Ann,\n\nyour case 2231 is closed. We'd love to hear how it went.\n\n"
    "How would you rate the support you received?\n\nThe Support Team\n",
    "Hola Ana:\n\nnos gustaría conocer su opinión sobre la atención recibida.\n\n"
    "¿Qué tan satisfecho quedó con nuestro servicio?\n\nAtención al cliente\n",
    "Olá,\n\ngostaríamos de saber a sua opinião sobre o atendimento.\n\nComo avalia o apoio que recebeu?\n",
])
def test_survey_mail_makes_no_task_at_all(body: str) -> None:
    """Mail that asks the reader to rate a service is a survey: its other asks are the survey's."""
    assert detection_record("survey.eml", _survey(body), None)["tasks"] == []


ASKS = [  # cues_asks: requests the languages' own cues missed
    ("es", "Avísenme cuando esté solucionado."),  # imperative with the pronoun attached
    ("es", "Mandadme el albarán corregido."),
    ("it", "Mandatemi il preventivo aggiornato."),
    ("it", "Fatemi sapere quando è pronto."),
    ("pt", "Avisem-me quando estiver resolvido."),
    ("no", "Vær så snill å sjekke bestillingen min."),  # "please" as a phrase
    ("no", "Jeg håper dere kan hjelpe meg med dette."),  # a request put as a hope
    ("sv", "Jag hoppas att ni kan titta på fakturan."),
    ("no", "Vi hadde trengt en kopi av kontrakten."),  # a polite past of need
    ("no", "Jeg vil ha pengene tilbake."),  # money wanted back
    ("it", "Voglio indietro i miei soldi."),
    ("pt", "Quero o meu dinheiro de volta."),
    ("es", "Quiero que me devuelvan el dinero."),
    ("it", "Attendo una vostra risposta entro lunedì."),  # an answer awaited by a time
    ("es", "Espero vuestra respuesta antes del lunes."),
    ("no", "Hva skjer med bestillingen min?"),  # news of a case, not "what's up?"
]
NOT_ASKS = [
    ("es", "Perdónenme el retraso."),  # an apology takes the same pronoun
    ("it", "Scusatemi per il ritardo."),
    ("pt", "Parece-me que está tudo certo."),  # a verb of feeling
    ("it", "Resto in attesa di un vostro riscontro."),  # a courtesy close, no time
    ("no", "Hva skjer?"),  # social
]


@pytest.mark.parametrize(("language", "sentence"), ASKS)
def test_requests_the_own_cues_missed_make_a_task(language: str, sentence: str) -> None:
    """Attached-pronoun imperatives, "vær så snill", hopes, money back and awaited answers ask."""
    assert _found(sentence, language), sentence


@pytest.mark.parametrize(("language", "sentence"), NOT_ASKS)
def test_apologies_feelings_courtesy_and_small_talk_make_none(language: str, sentence: str) -> None:
    """The same shapes that ask nothing make no task."""
    assert not _found(sentence, language), sentence
