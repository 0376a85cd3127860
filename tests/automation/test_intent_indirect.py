"""Issue 15's eighth round (mailhook/automation/cues_indirect.py, cues.NO_REPLY, model_gates'
arrivals): questions put indirectly, deadlines stated alone, meetings proposed in the conditional;
notifications that say not to reply, deadlines reported in the past, what is on its way to the reader.
Sentences written for these tests (not those of dev_indirect.jsonl)."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from mailhook.automation.intent import detect_tasks, detection_record
from mailhook.automation.model_gates import held_back

ASKED = [
    ("en", "I was just wondering if the new pricing applies to existing contracts."),
    ("en", "We'd be interested to hear whether the module supports SSO."),
    ("de", "Ich frage mich, ob die Lieferung noch diese Woche kommt."),
    ("de", "Ich wüsste gern, wann der Techniker kommt."),
    ("fr", "Je me demandais si vous aviez reçu notre bon de commande."),
    ("es", "Quería consultarle si el precio incluye la instalación."),
    ("it", "Volevo chiederle se il preventivo è ancora valido."),
    ("nl", "Ik ben benieuwd wanneer de nieuwe versie uitkomt."),
    ("nl", "Daarom vroeg ik me af of de korting ook voor ons geldt."),
    ("pt", "Pergunto-me se o desconto também se aplica às peças."),
    ("da", "Jeg tænkte på, om I har modtaget vores ordre."),
    ("sv", "Nu undrar jag när fakturan kommer."),
    ("no", "Jeg ville bare spørre om dere har fått bestillingen."),
    ("pl", "Zastanawiałam się, kiedy dotrze przesyłka."),
    ("pl", "Ciekawi mnie, czy rabat obejmuje także części."),
]
DEADLINES = [
    ("en", "By end of day tomorrow would be great."),
    ("en", "Ideally by the end of next week."),
    ("de", "Bis Ende der Woche wäre ideal."),
    ("fr", "Avant jeudi, ce serait idéal."),
    ("es", "Antes del viernes sería perfecto."),
    ("it", "Entro venerdì sarebbe perfetto."),
    ("it", "L'ideale sarebbe averla entro lunedì."),
    ("nl", "Uiterlijk donderdag zou fijn zijn."),
    ("pt", "Até sexta-feira seria perfeito."),
    ("da", "Inden fredag ville være perfekt."),
    ("sv", "Före fredag vore toppen."),
    ("no", "Innen torsdag hadde vært fint."),
    ("pl", "Do środy byłoby idealnie."),
]
PROPOSED = [
    ("en", "Perhaps we could go through the figures together next week?"),
    ("en", "Would it make sense to sit down with your team in May?"),
    ("fr", "Nous pourrions nous voir mardi à votre bureau, si cela vous convient."),
    ("it", "Potremmo sentirci giovedì per telefono?"),
    ("da", "Vi kunne tage et opkald i næste uge, hvis det passer dig."),
    ("no", "Vi kunne møtes på onsdag, hvis det passer."),
    ("pl", "Moglibyśmy porozmawiać w czwartek przez telefon?"),
]
NOTHING_TO_DO = [
    ("en", "By Friday would have been better, but never mind."),  # the past
    ("de", "Bis Freitag wäre es gut gewesen."),
    ("it", "Entro venerdì sarebbe stato perfetto, ma pazienza."),
    ("en", "The deadline was Friday and we met it."),
    ("sv", "Deadline var i fredags och vi hann i tid."),
    ("pl", "Możemy się spotkać z problemem przy dużych plikach."),  # "run into", not "meet"
    ("da", "Vi kan ses af de vedhæftede tal, at salget steg."),  # "can be seen from"
]


def _tasks(language: str, sentence: str) -> list[str]:
    text = f"Hello,\n\n{sentence}\n\nThanks\n"
    return [t.title for t in detect_tasks(text, language=language, model=None).tasks]


@pytest.mark.parametrize(("language", "sentence"), ASKED)
def test_a_question_put_indirectly_is_one_to_answer(language: str, sentence: str) -> None:
    titles = _tasks(language, sentence)
    assert len(titles) == 1 and titles[0].startswith("Answer: ")


@pytest.mark.parametrize(("language", "sentence"), DEADLINES)
def test_a_deadline_stated_alone_is_what_to_provide(language: str, sentence: str) -> None:
    titles = _tasks(language, sentence)
    assert len(titles) == 1 and titles[0].startswith("Provide: ")


@pytest.mark.parametrize(("language", "sentence"), PROPOSED)
def test_a_meeting_proposed_in_the_conditional_is_a_task(language: str, sentence: str) -> None:
    assert len(_tasks(language, sentence)) == 1


@pytest.mark.parametrize(("language", "sentence"), NOTHING_TO_DO)
def test_past_deadlines_and_look_alikes_make_no_task(language: str, sentence: str) -> None:
    assert _tasks(language, sentence) == []


NOTIFICATIONS = [
    ("en", "Please review the new terms before 1 April.",
     "This is an automated message. Please do not reply to this email."),
    ("de", "Bitte prüfen Sie Ihre Angaben bis zum 3. Mai.", "Bitte antworten Sie nicht auf diese E-Mail."),
    ("fr", "Merci de vérifier vos coordonnées avant le 3 mai.", "Merci de ne pas répondre à ce message."),
    ("es", "Por favor, revise sus datos antes del 3 de mayo.", "Por favor, no responda a este correo."),
    ("it", "La preghiamo di verificare i suoi dati entro il 3 maggio.", "Si prega di non rispondere a questa"
     " e-mail."),
    ("nl", "Wilt u uw gegevens vóór 3 mei controleren?", "Gelieve niet te antwoorden op deze e-mail."),
    ("pt", "Por favor, verifique os seus dados até 3 de maio.", "Por favor, não responda a este email."),
    ("da", "Kan du bekræfte dine oplysninger inden 3. maj?", "Svar venligst ikke på denne e-mail."),
    ("sv", "Kan du bekräfta dina uppgifter före 3 maj?", "Svara inte på detta mejl."),
    ("no", "Kan du bekrefte opplysningene dine innen 3. mai?", "Vennligst ikke svar på denne e-posten."),
    ("pl", "Prosimy o sprawdzenie danych do 3 maja.", "Prosimy nie odpowiadać na tę wiadomość."),
]


@pytest.mark.parametrize(("language", "ask", "no_reply"), NOTIFICATIONS)
def test_a_notification_that_says_not_to_reply_makes_no_task(language: str, ask: str, no_reply: str) -> None:
    # The request alone is a task; the same mail saying it takes no answers is machine mail.
    assert detect_tasks(f"Hello,\n\n{ask}\n\nRegards\n", language=language, model=None).tasks
    message = EmailMessage()
    message["From"], message["To"] = "billing@vendor.example", "user@us.example"
    message["Subject"] = "Account"
    message["Date"] = "Wed, 04 Mar 2026 09:00:00 +0100"
    message.set_content(f"Hello,\n\n{ask}\n\n{no_reply}\n\nCustomer service\n")
    assert detection_record("n.eml", bytes(message))["tasks"] == []


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "The pallets left this morning and should reach you on Tuesday."),
    ("fr", "La commande devrait vous parvenir jeudi."),
    ("pl", "Paczka powinna dotrzeć jutro."),
])
def test_what_is_on_its_way_to_the_reader_is_held_back_from_the_model(language: str, sentence: str) -> None:
    assert held_back(sentence, language)


def test_the_authors_own_arrival_is_not_held_back() -> None:
    assert not held_back("I'll arrive at your office at 10.", "en")


@pytest.mark.parametrize(("language", "sentence", "title"), [
    ("no", "Kan du bekrefte opplysningene dine innen 3. mai?", "Bekrefte opplysningene dine innen 3. mai"),
    ("de", "Können Sie das bis zum 3. Mai bestätigen?", "Können Sie das bis zum 3. Mai bestätigen"),
    ("pl", "Czy może Pan potwierdzić do 3. maja? Dziękuję.", "Potwierdzić do 3. maja"),
])
def test_an_ordinal_dates_full_stop_ends_no_question(language: str, sentence: str, title: str) -> None:
    assert _tasks(language, sentence) == [title]


def test_an_ordinal_before_a_new_sentence_still_ends_it() -> None:
    assert _tasks("de", "Wir treffen uns am 3. Danach geht es los.") == ["Follow up: Wir treffen uns am 3"]


def test_la_preghiamo_is_a_request_to_the_formal_you() -> None:
    assert _tasks("it", "La preghiamo di confermare la data.") == ["Confermare la data"]


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "I'm writing to ask whether the warranty covers the pump."),
    ("en", "Just checking whether the invoice was received."),
    ("de", "Ich wollte kurz nachhaken, ob die Bestellung angekommen ist."),
    ("fr", "Je me permets de vous demander si la facture a été réglée."),
    ("nl", "Graag hoor ik of de offerte nog geldig is."),
    ("pt", "Escrevo para perguntar se a fatura já foi paga."),
    ("sv", "Jag skriver för att höra om fakturan är betald."),
    ("pl", "Piszę, aby zapytać, czy faktura została opłacona."),
])
def test_a_question_after_the_reason_for_writing_is_one_to_answer(language: str, sentence: str) -> None:
    titles = _tasks(language, sentence)
    assert len(titles) == 1 and titles[0].startswith("Answer: ")


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "Friday at the latest."),
    ("en", "No later than Thursday, if possible."),
    ("de", "Spätestens Freitag, bitte."),
    ("de", "Gerne bis Donnerstag."),
    ("fr", "Au plus tard vendredi, si possible."),
    ("nl", "Graag voor vrijdag."),
    ("sv", "Senast fredag, om möjligt."),
    ("pl", "Najpóźniej do piątku."),
])
def test_a_deadline_alone_with_at_the_latest_or_please_is_to_provide(language: str, sentence: str) -> None:
    titles = _tasks(language, sentence)
    assert len(titles) == 1 and titles[0].startswith("Provide: ")


@pytest.mark.parametrize(("language", "sentence"), [
    ("de", "Spätestens Freitag war alles erledigt."),
    ("en", "Friday at the latest we had not heard back."),
    ("en", "Friday is a public holiday, please note."),
])
def test_a_deadline_reported_or_negated_is_none(language: str, sentence: str) -> None:
    assert _tasks(language, sentence) == []


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "Could we find 30 minutes next week to go over it?"),
    ("en", "Would Thursday at 2 work?"),
    ("de", "Wie sieht es bei Ihnen am Donnerstag aus?"),
    ("de", "Sollen wir einen Termin vereinbaren?"),
    ("fr", "Pouvons-nous prévoir un appel la semaine prochaine ?"),
    ("nl", "Past donderdag om 10 uur?"),
    ("pt", "Dá-lhe jeito na quinta de manhã?"),
    ("sv", "Passar det på torsdag?"),
])
def test_a_slot_or_meeting_put_as_a_question_is_a_proposal(language: str, sentence: str) -> None:
    assert len(_tasks(language, sentence)) == 1


def test_keywords_may_hold_latin_letters_with_diacritics() -> None:
    """An ASCII paragraph cannot hold "spätestens": a cue that needs it is skipped there."""
    from mailhook.automation.loosening import keywords, loosened

    assert keywords(loosened(r"\b(?:spätestens|najpóźniej)\s+(?P<act>\w+)")) == ("spätestens", "najpóźniej")


def test_a_deadline_cue_is_searched_from_its_deadline_and_titled_from_the_sentence_start() -> None:
    from mailhook.automation.cues_indirect import DEADLINES
    from mailhook.automation.loosening import loosened

    assert loosened(DEADLINES["en"][0])[0].startswith("(?:by|before|no later than)")
    assert _tasks("en", "Back to us signed by Thursday would be ideal.") == [
        "Provide: back to us signed by Thursday would be ideal"]


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "I would like to know, before we sign, whether the warranty covers the pump."),
    ("de", "Bevor wir bestellen, wollte ich fragen, ob Sie Mengenrabatt gewähren."),
    ("de", "Da das alte Modell ausläuft, frage ich mich, welches Nachfolgemodell Sie empfehlen."),
    ("fr", "Comme l'ancien modèle n'est plus fabriqué, je me demandais lequel vous recommanderiez."),
    ("nl", "Voordat we tekenen, wilde ik weten of de garantie de pomp dekt."),
    ("da", "Inden vi underskriver, vil jeg gerne høre, om garantien dækker pumpen."),
    ("da", "Da den gamle model er udgået, tænker jeg på, hvilken model I vil anbefale."),
])
def test_an_indirect_question_after_a_fronted_clause_is_one_to_answer(language: str, sentence: str) -> None:
    titles = _tasks(language, sentence)
    assert len(titles) == 1 and titles[0].startswith("Answer: ")


@pytest.mark.parametrize(("language", "line"), [
    ("en", "Please do not respond to this message, the mailbox is not monitored."),
    ("en", "This email was sent from a notification-only address that cannot accept incoming email."),
    ("nl", "Dit bericht is automatisch verzonden; reageren is niet mogelijk."),
    ("sv", "Detta mejl har skickats automatiskt och kan inte besvaras."),
    ("da", "Denne e-mail er sendt automatisk og kan ikke besvares."),
    ("no", "Denne e-posten er sendt automatisk og kan ikke besvares."),
])
def test_a_mailbox_that_takes_no_answers_voids_the_message(language: str, line: str) -> None:
    text = f"Hello,\n\nCan you confirm your booking by Friday?\n\n{line}\n"
    assert detect_tasks(text, language=language, model=None).tasks == ()


def test_a_question_that_cannot_be_answered_yet_is_no_notification() -> None:
    from mailhook.automation.cues import NO_REPLY

    assert not NO_REPLY.search("Dette spørgsmål kan ikke besvares endnu.")


@pytest.mark.parametrize("line", [
    "Please do not reply to this email.", "Bitte antworten Sie nicht auf diese Nachricht.",
    "Ceci est un message automatique.", "Este es un mensaje automático.", "Si prega di non rispondere.",
    "Gelieve niet te reageren op deze e-mail.", "Esta é uma mensagem automática.",
    "Svar venligst ikke på denne mail.",
    "Svara inte på detta mejl.", "Prosimy nie odpowiadać na tę wiadomość.", "The mailbox is not monitored.",
    "This is a notification-only address.", "Det här mejlet har skickats automatiskt.",
])
def test_the_cheap_check_before_the_no_reply_search_lets_every_notice_through(line: str) -> None:
    from mailhook.automation.cues import NO_REPLY, says_no_reply

    assert NO_REPLY.search(line) and says_no_reply(line.upper())


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "We'd love to hear whether the new layout works for your team."),
    ("fr", "J'aimerais bien savoir si la livraison est prévue cette semaine."),
    ("es", "Me encantaría saber si podemos adelantar la entrega."),
    ("it", "Mi farebbe piacere sapere se la consegna è confermata."),
    ("pt", "Gostaríamos de perceber se a entrega se mantém."),
    ("sv", "Jag skulle gärna vilja veta om leveransen håller."),
    ("pl", "Chętnie dowiem się, czy dostawa jest aktualna."),
])
def test_a_wish_to_hear_whether_is_a_question_to_answer(language: str, sentence: str) -> None:
    titles = _tasks(language, sentence)
    assert len(titles) == 1 and titles[0].startswith("Answer: ")


def test_a_wonder_reported_in_the_past_and_answered_is_none() -> None:
    assert _tasks("en", "Last week I wondered whether the parts would arrive in time, and they did.") == []


def test_the_keyword_set_test_picks_the_patterns_the_per_pattern_test_did() -> None:
    """intent._matching tests a paragraph for each word of a language's vocabulary once; the
    patterns it keeps are those whose own keywords the paragraph holds, as before."""
    from mailhook.automation import cues
    from mailhook.automation.intent import _matching

    paragraph = ("Could you please send the signed contract by Friday at the latest? I was wondering whether "
                 "it works.")
    for lexicon in cues.BY_LANGUAGE.values():
        assert set(lexicon.vocabulary) == {w for words in lexicon.keywords for w in words}
        lower = paragraph.lower()
        wanted = tuple(
            index for index, (parts, words) in enumerate(zip(lexicon.anywhere, lexicon.keywords, strict=True))
            if (not words or any(word in lower for word in words))
            and all(part.search(paragraph) for part in parts)
        )
        assert _matching(lexicon, paragraph, lower) == wanted
    assert _matching(cues.BY_LANGUAGE["en"], paragraph, paragraph.lower())


@pytest.mark.parametrize(("language", "sentence"), [
    ("es", "Si le parece bien, podríamos vernos el martes."),
    ("es", "¿Qué tal si hablamos por teléfono el jueves?"),
    ("es", "Me gustaría proponerle una reunión la semana que viene."),
    ("it", "Vorrei proporle un incontro la prossima settimana."),
    ("pt", "Poderíamos organizar uma videochamada na segunda para rever o orçamento."),
    ("pt", "Gostaria de lhe propor uma reunião na próxima semana."),
    ("nl", "Zullen we maandag een videocall plannen om de offerte door te nemen?"),
    ("nl", "Ik wil u graag een afspraak voorstellen volgende week."),
    ("pl", "Chciałbym zaproponować spotkanie w przyszłym tygodniu."),
    ("pl", "Jeśli Pani pasuje, możemy się spotkać we wtorek."),
    ("de", "Ich würde Ihnen gern einen Termin nächste Woche vorschlagen."),
    ("fr", "Je souhaiterais vous proposer une réunion la semaine prochaine."),
    ("da", "Jeg vil gerne foreslå et møde i næste uge."),
    ("sv", "Jag skulle vilja föreslå ett möte nästa vecka."),
])
def test_a_meeting_proposed_with_we_could_or_propose_is_a_task(language: str, sentence: str) -> None:
    assert len(_tasks(language, sentence)) == 1


def test_we_could_speak_of_is_no_proposal() -> None:
    assert _tasks("es", "Podríamos hablar de un éxito: las ventas subieron un 20 %.") == []


@pytest.mark.parametrize(("language", "sentence", "due"), [
    ("no", "Kan du bekrefte opplysningene dine innen 3. mai?", "2026-05-03"),
    ("pl", "Czy może Pan potwierdzić do 3. maja?", "2026-05-03"),
    ("pl", "Spotkajmy się w piątek.", "2026-03-06"),  # "się" is no August ("sie")
])
def test_ordinal_dates_and_polish_sie_read_as_the_day_meant(language: str, sentence: str, due: str) -> None:
    from datetime import datetime

    from mailhook.automation.due import due_date

    assert due_date(sentence, language, datetime(2026, 3, 4, 9, 0)) == due


# Review of the eighth round: look-alikes of its constructions, written for these tests.
@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "I was wondering whether to take the train or fly, and decided to fly."),
    ("en", "We wanted to know whether the roof leaked, so we hired a surveyor."),
    ("de", "Ich wollte fragen, ob ich mitkommen kann, habe mich aber dann entschieden, zu Hause zu bleiben."),
    ("de", "Ich fragte mich, ob der Zug pünktlich ist, und er war es."),
    ("fr", "Je me demandais si je devais venir, et j'ai décidé de rester."),
    ("fr", "Je voulais savoir si le toit fuyait, alors j'ai fait venir un couvreur."),
    ("es", "Me preguntaba si ir o no, y decidí quedarme en casa."),
    ("it", "Mi chiedevo se andare o no, e ho deciso di restare a casa."),
    ("nl", "Ik vroeg me af of ik moest komen, en besloot thuis te blijven."),
    ("pt", "Estava a pensar se devia ir, e decidi ficar em casa."),
    ("pt", "Precisava de saber se o telhado tinha infiltrações, por isso chamei um técnico."),
    ("da", "Jeg tænkte på, om jeg skulle komme, og besluttede at blive hjemme."),
    ("sv", "Jag undrade om jag skulle komma, och bestämde mig för att stanna hemma."),
    ("no", "Jeg lurte på om jeg skulle komme, og bestemte meg for å bli hjemme."),
    ("pl", "Zastanawiałam się, czy pojechać, i postanowiłam zostać w domu."),
])
def test_an_indirect_question_the_author_settled_is_none(language: str, sentence: str) -> None:
    assert _tasks(language, sentence) == []
    # Nor may the model make one of it.
    text = f"Hello,\n\n{sentence}\n\nThanks\n"
    assert detect_tasks(text, language=language).tasks == ()


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "I was wondering whether you decided on the venue yet."),
    ("en", "We'd like to know whether you chose the blue or the red option."),
    ("de", "Ich wollte fragen, ob Sie sich schon entschieden haben."),
    ("fr", "Je me demandais si vous aviez décidé de la date."),
    ("es", "Me preguntaba si ya decidió la fecha."),
    ("nl", "Ik vroeg me af of jullie al besloten hebben over de datum."),
    ("pl", "Zastanawiam się, czy zdecydowałeś już w sprawie terminu."),
])
def test_a_question_about_the_readers_decision_is_one_to_answer(language: str, sentence: str) -> None:
    titles = _tasks(language, sentence)
    assert len(titles) == 1 and titles[0].startswith("Answer: ")


@pytest.mark.parametrize(("language", "sentence", "task"), [
    ("en", "My manager said that by Friday would be ideal for her, and I've already sent it.", False),
    ("fr", "D'ici vendredi ce serait parfait, m'a dit mon chef, et je l'ai déjà envoyé.", False),
    ("en", "By Monday would be great, as our manager said the board meets Tuesday.", True),
])
def test_a_deadline_another_said_would_be_ideal_is_none(language: str, sentence: str, task: bool) -> None:
    assert bool(_tasks(language, sentence)) is task


@pytest.mark.parametrize(("language", "sentence", "task"), [
    ("es", "Podríamos hablar horas de ese viaje.", False),
    ("it", "Potremmo parlarne per ore di quel viaggio!", False),
    ("es", "Podríamos hablar el jueves por la mañana.", True),
    ("it", "Potremmo sentirci domani alle 10?", True),
    ("it", "Potremmo sentirci domani per ore 10?", True),  # an hour, not hours on end
    ("en", "We could talk for hours about that trip!", False),
    ("en", "We could talk it through on Friday.", True),
    ("da", "Vi kunne tale sammen i timevis om den tur!", False),
    ("da", "Vi kunne tale sammen på fredag.", True),
])
def test_talk_for_hours_is_no_meeting_proposed(language: str, sentence: str, task: bool) -> None:
    assert bool(_tasks(language, sentence)) is task


@pytest.mark.parametrize(("language", "line"), [
    ("nl", "Reageren op deze e-mail is niet mogelijk."),
    ("sv", "Detta mejl kan inte besvaras."),
    ("sv", "Detta e-postmeddelande kan inte besvaras."),
    ("no", "Denne meldingen kan ikke besvares."),
])
def test_a_mailbox_that_takes_no_answers_in_more_words(language: str, line: str) -> None:
    text = f"Hello,\n\nCan you rate our service by Friday?\n\n{line}\n"
    assert detect_tasks(text, language=language, model=None).tasks == ()


@pytest.mark.parametrize(("sentence", "task"), [
    ("Mi sai dire se la sala ha un proiettore?", True),
    ("Mi saprebbe dire quando arriva la fattura?", True),
    ("Non mi sa dire se arriva, dice il corriere.", False),
    ("Mi sapeva dire se era aperto, e lo era.", False),
])
def test_mi_sai_dire_se_is_a_question_to_answer(sentence: str, task: bool) -> None:
    assert bool(_tasks("it", sentence)) is task
