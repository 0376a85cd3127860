"""Follow-up cues, sixth round: the reader's answer wished for impersonally ("your comments would
be appreciated"), "would you mind" with any gerund, a need asked about rather than stated, and
meeting slots, choices of time, calls proposed and promises to inform in the eleven languages."""

from __future__ import annotations

from datetime import datetime

import pytest

from mailhook.automation import cues as cues
from mailhook.automation.intent import detect_tasks

WEDNESDAY = datetime(2026, 3, 4, 9, 0)

WISHED = [
    ("en", "Your comments on the draft would be much appreciated by Friday."),
    ("de", "Ihre Anmerkungen zum Entwurf wären bis Freitag sehr hilfreich."),
    ("de", "Eine kurze Rückmeldung bis Freitag wäre nett."),
    ("fr", "Vos remarques sur le projet seraient les bienvenues avant vendredi."),
    ("fr", "Un retour rapide serait très apprécié."),
    ("es", "Sus comentarios sobre el borrador serían muy bienvenidos."),
    ("es", "Agradeceríamos sus comentarios antes del viernes."),
    ("it", "Un vostro riscontro entro venerdì sarebbe gradito."),
    ("it", "I tuoi commenti sulla bozza sarebbero molto utili."),
    ("nl", "Uw reactie voor vrijdag wordt zeer op prijs gesteld."),
    ("pt", "Os seus comentários sobre o rascunho seriam muito bem-vindos."),
    ("pt", "Agradecíamos uma resposta até sexta-feira."),
    ("da", "Dine kommentarer til udkastet vil være meget velkomne."),
    ("sv", "Dina synpunkter på utkastet vore välkomna före fredag."),
    ("no", "Tilbakemeldingen din innen fredag settes stor pris på."),
    ("pl", "Pana uwagi do projektu byłyby bardzo pomocne."),
    ("pl", "Będę wdzięczna za odpowiedź do piątku."),
]

# The same nouns in the past: thanks for what the reader did, nothing left to do.
THANKED = [
    ("en", "Your help was much appreciated."),
    ("de", "Ihre Antwort war sehr hilfreich."),
    ("fr", "Votre aide a été précieuse."),
    ("es", "Su ayuda fue muy útil."),
    ("it", "Il tuo aiuto è stato prezioso."),
    ("nl", "Je hulp was erg fijn."),
    ("pt", "A sua ajuda foi muito útil."),
    ("da", "Din hjælp var meget nyttig."),
    ("sv", "Din hjälp var värdefull."),
    ("no", "Svaret ditt var nyttig."),
    ("pl", "Pana pomoc była bardzo cenna."),
]


@pytest.mark.parametrize(("language", "sentence"), WISHED)
def test_the_readers_answer_wished_for_impersonally_is_a_need(language: str, sentence: str) -> None:
    tasks = detect_tasks(sentence, sent=WEDNESDAY, language=language, model=None).tasks
    assert [t.role for t in tasks] == [cues.NEED]
    assert tasks[0].title.startswith("Provide: ")


@pytest.mark.parametrize(("language", "sentence"), THANKED)
def test_the_readers_help_thanked_for_in_the_past_makes_no_task(language: str, sentence: str) -> None:
    assert detect_tasks(sentence, sent=WEDNESDAY, language=language, model=None).tasks == ()


def test_a_wish_carries_its_due_date() -> None:
    tasks = detect_tasks(WISHED[0][1], sent=WEDNESDAY, language="en", model=None).tasks
    assert tasks[0].due == "2026-03-06"


def test_would_you_mind_takes_any_gerund() -> None:
    tasks = detect_tasks("Would you mind taking a look at the log below?", language="en", model=None).tasks
    assert [t.title for t in tasks] == ["Taking a look at the log below"]
    assert detect_tasks("Would you mind if I joined later?", language="en", model=None).tasks == ()


@pytest.mark.parametrize(
    ("language", "asked", "stated"),
    [
        ("nl", "Hebben we echt veertig plekken nodig?",
         "Voor de verlenging hebben we veertig plekken nodig."),
        ("en", "Do we need the old tickets from 2019?", "We need the old tickets from 2019 by Friday."),
        ("de", "Wir bräuchten bis Freitag eine Rückmeldung, geht das?",
         "Wir bräuchten bis Freitag eine Rückmeldung."),
    ],
)
def test_a_need_asked_about_is_no_task_where_a_need_stated_is(language: str, asked: str, stated: str) -> None:
    """A question that opens with the need and runs to its mark in one clause asks whether there
    is a need; with a clause after the need ("..., geht das?") the need is stated and asked about."""
    assert detect_tasks(stated, sent=WEDNESDAY, language=language, model=None).tasks
    found = detect_tasks(asked, sent=WEDNESDAY, language=language, model=None).tasks
    assert bool(found) is (", " in asked)


# Sentences we wrote for the kinds FOLLOWUP.md names (keep posted, let know, RSVP, meeting slots,
# a choice of time, a call proposed, "will do"), each a construction the cues missed before.
SLOTS_AND_PROMISES = [
    ("en", "Shall we say 3 pm on Friday?"),
    ("en", "Send over the final figures when you have them."),
    ("de", "Machen wir Freitag um 15 Uhr?"),
    ("de", "Mach ich."),
    ("fr", "Nous vous informerons dès que les pièces seront arrivées."),
    ("fr", "Quel créneau vous convient le mieux, lundi 10 h ou mardi 14 h ?"),
    ("fr", "On se fait un appel la semaine prochaine pour faire le point ?"),
    ("fr", "Je compte sur vous pour corriger la coquille avant l'impression."),
    ("fr", "Disons vendredi 15 h ?"),
    ("es", "Le avisaremos en cuanto lleguen las piezas."),
    ("es", "¿Hacemos una llamada la semana que viene para repasar los resultados?"),
    ("es", "Le contesto con una nueva fecha."),
    ("it", "Quale orario le va meglio, lunedì alle 10 o martedì alle 14?"),
    ("it", "Facciamo una chiamata la settimana prossima per fare il punto?"),
    ("it", "Ti ricontatto con una nuova data."),
    ("nl", "We laten u weten wanneer de onderdelen binnen zijn."),
    ("nl", "Welk tijdstip komt u het beste uit, maandag 10 uur of dinsdag 14 uur?"),
    ("nl", "Spreken we vrijdag om drie uur af?"),
    ("pt", "Vou mantê-lo informado sobre as negociações."),
    ("pt", "Avisamos assim que as peças chegarem."),
    ("pt", "Que horário lhe dá mais jeito, segunda às 10h ou terça às 14h?"),
    ("pt", "Fazemos uma chamada na próxima semana para rever os resultados?"),
    ("pt", "Volto a contactá-lo com uma nova data."),
    ("pt", "Combinamos sexta às três?"),
    ("da", "Hvilket tidspunkt passer dig bedst, mandag kl. 10 eller tirsdag kl. 14?"),
    ("da", "Siger vi fredag kl. 15?"),
    ("sv", "Jag håller dig underrättad om förhandlingarna."),
    ("sv", "Vilken tid passar dig bäst, måndag kl. 10 eller tisdag kl. 14?"),
    ("sv", "Säger vi fredag kl. 15?"),
    ("no", "Hvilket tidspunkt passer deg best, mandag kl. 10 eller tirsdag kl. 14?"),
    ("no", "Sier vi fredag kl. 15?"),
    ("pl", "Będę Pana informował o negocjacjach."),
    ("pl", "Umawiamy się na piątek na 15?"),
]

# The same words stating news or a habit, asking nothing.
NEWS = [
    ("es", "Tenemos una reunión el lunes con el cliente."),
    ("fr", "On se fait un point chaque lundi matin."),
    ("pl", "Spotykamy się co tydzień w poniedziałek."),
    ("de", "Mach ich nicht mehr, seit wir das neue System haben."),
    ("pt", "Avisamos os clientes quando há atrasos."),
]


@pytest.mark.parametrize(("language", "sentence"), SLOTS_AND_PROMISES)
def test_slots_choices_calls_and_promises_to_inform_make_a_task(language: str, sentence: str) -> None:
    """Scandinavian "kl. 10" holds a full stop that ends no sentence: the question still reaches
    its mark."""
    assert len(detect_tasks(sentence, sent=WEDNESDAY, language=language, model=None).tasks) == 1


@pytest.mark.parametrize(("language", "sentence"), NEWS)
def test_the_same_words_as_news_or_habit_make_no_task(language: str, sentence: str) -> None:
    assert detect_tasks(sentence, sent=WEDNESDAY, language=language, model=None).tasks == ()


DISCLAIMERS = [
    ("fr", "Si vous avez reçu ce message par erreur, merci d'en avertir l'expéditeur et de le supprimer."),
    ("pt", "Se recebeu esta mensagem por engano, por favor avise o remetente e apague-a."),
    ("pl", "Jeśli otrzymali Państwo tę wiadomość przez pomyłkę, prosimy o poinformowanie nadawcy "
     "i usunięcie jej."),
    ("da", "Hvis du har modtaget denne e-mail ved en fejl, bedes du venligst slette den."),
    ("sv", "Om du har fått detta meddelande av misstag, vänligen radera det."),
    ("no", "Hvis du har mottatt denne e-posten ved en feil, vennligst slett den."),
]


@pytest.mark.parametrize(("language", "sentence"), DISCLAIMERS)
def test_a_disclaimers_request_to_the_wrong_recipient_makes_no_task(language: str, sentence: str) -> None:
    """The request in a disclaimer ("please notify the sender") is for someone who got the mail
    by mistake, not for the reader."""
    assert detect_tasks(sentence, sent=WEDNESDAY, language=language, model=None).tasks == ()


# More kinds FOLLOWUP.md names, in sentences we wrote: a request put as a hope, "still waiting
# for", rescheduling asked, someone on the reader's side asked, when to expect, talk soon with a
# time, "I'll come back to you".
ASKED_AND_AWAITED = [
    ("en", "We're still waiting for the credit note."),
    ("en", "It'd be good to get your sign-off before Friday."),
    ("en", "Could we move the call to 4 pm?"),
    ("en", "Can someone from your side confirm the address?"),
    ("de", "Ich hatte gehofft, dass Sie mir den Vertrag heute schicken können."),
    ("de", "Wir warten noch auf die Gutschrift."),
    ("de", "Ich komme auf Sie zu, sobald ich mit der Buchhaltung gesprochen habe."),
    ("de", "Können wir den Termin auf 16 Uhr verschieben?"),
    ("de", "Kann jemand von Ihrer Seite die Adresse bestätigen?"),
    ("de", "Um Rückmeldung bis Freitag wird gebeten."),
    ("fr", "J'espérais que vous pourriez m'envoyer le contrat aujourd'hui."),
    ("fr", "Nous attendons toujours l'avoir."),
    ("fr", "Faisons un point la semaine prochaine."),
    ("fr", "Pouvons-nous décaler l'appel à 16 h ?"),
    ("fr", "Quelqu'un de chez vous peut-il confirmer l'adresse ?"),
    ("es", "Esperaba que pudiera enviarme el contrato hoy."),
    ("es", "Seguimos esperando la nota de crédito."),
    ("es", "¿Cuándo podemos esperar la entrega?"),
    ("es", "¿Podemos pasar la llamada a las 16?"),
    ("it", "Speravo che potesse mandarmi il contratto oggi."),
    ("it", "Stiamo ancora aspettando la nota di credito."),
    ("it", "Quando possiamo aspettarci la consegna?"),
    ("it", "Possiamo spostare la chiamata alle 16?"),
    ("nl", "Ik hoopte dat u mij vandaag het contract kon sturen."),
    ("nl", "We wachten nog steeds op de creditnota."),
    ("nl", "Laten we volgende week even bijpraten."),
    ("nl", "Kunnen we het gesprek naar 16 uur verzetten?"),
    ("nl", "We zouden het getekende exemplaar graag maandag terug hebben."),
    ("nl", "Kan iemand van jullie kant het adres bevestigen?"),
    ("pt", "Esperava que me pudesse enviar o contrato hoje."),
    ("pt", "Ainda estamos à espera da nota de crédito."),
    ("pt", "Falamos na próxima semana."),
    ("pt", "Digo-lhe algo quando falar com a contabilidade."),
    ("pt", "Podemos passar a chamada para as 16h?"),
    ("pt", "Precisávamos da cópia assinada até segunda."),
    ("da", "Jeg havde håbet, at du kunne sende kontrakten i dag."),
    ("da", "Vi venter stadig på kreditnotaen."),
    ("da", "Kan vi flytte opkaldet til kl. 16?"),
    ("da", "Kan nogen fra jeres side bekræfte adressen?"),
    ("sv", "Jag hade hoppats att du kunde skicka avtalet i dag."),
    ("sv", "Vi väntar fortfarande på kreditfakturan."),
    ("sv", "Vi hörs nästa vecka."),
    ("sv", "Kan vi flytta samtalet till kl. 16?"),
    ("sv", "Kan någon från er sida bekräfta adressen?"),
    ("no", "Jeg hadde håpet at du kunne sende kontrakten i dag."),
    ("no", "Vi venter fortsatt på kreditnotaen."),
    ("no", "Vi snakkes neste uke."),
    ("no", "Kan vi flytte samtalen til kl. 16?"),
    ("no", "Kan noen fra deres side bekrefte adressen?"),
    ("pl", "Liczyłem, że prześle mi Pan dziś umowę."),
    ("pl", "Nadal czekamy na fakturę korygującą."),
    ("pl", "Kiedy możemy spodziewać się dostawy?"),
    ("pl", "Czy możemy przesunąć rozmowę na 16?"),
    ("pl", "Czy ktoś z Państwa strony może potwierdzić adres?"),
]

# Near them in words, asking nothing: the past, a figure of speech, a sign-off, marketing.
NEAR_BUT_NONE = [
    ("en", "We waited for the credit note for weeks."),
    ("en", "Can we move on to the next point?"),
    ("de", "Wir haben lange auf die Gutschrift gewartet."),
    ("fr", "Nous attendons toujours avec plaisir vos visites."),
    ("nl", "Laten we eerlijk zijn, het project loopt achter."),
    ("pt", "Falamos no mês passado sobre o contrato."),
    ("sv", "Vi hörs!"),
    ("da", "Vi snakkes!"),
]


@pytest.mark.parametrize(("language", "sentence"), ASKED_AND_AWAITED)
def test_hopes_waits_reschedules_and_asks_of_the_readers_side_make_a_task(
    language: str, sentence: str
) -> None:
    assert len(detect_tasks(sentence, sent=WEDNESDAY, language=language, model=None).tasks) == 1


@pytest.mark.parametrize(("language", "sentence"), NEAR_BUT_NONE)
def test_the_past_figures_of_speech_and_sign_offs_make_no_task(language: str, sentence: str) -> None:
    assert detect_tasks(sentence, sent=WEDNESDAY, language=language, model=None).tasks == ()


def test_still_waiting_names_what_to_provide() -> None:
    tasks = detect_tasks("We're still waiting for the credit note.", language="en", model=None).tasks
    assert [t.title for t in tasks] == ["Provide: the credit note"]


# Whether the reader got round to something, news asked for, a slot put to the reader, a meeting
# set ("see you on Monday"), "we'll be in touch": sentences we wrote for FOLLOWUP.md's kinds.
GOT_ROUND_NEWS_AND_SLOTS = [
    ("en", "Did you get a chance to look at the proposal?"),
    ("en", "Would Tuesday at 10 suit you?"),
    ("de", "Sind Sie schon dazu gekommen, sich das Angebot anzusehen?"),
    ("de", "Gibt es Neuigkeiten zum Ersatzteil?"),
    ("de", "Wir sehen uns am Montag auf der Messe."),
    ("de", "Konnten Sie das Anmeldeproblem schon beheben?"),
    ("de", "Schauen Sie sich bitte die Zeichnungen an und sagen Sie mir, was Sie davon halten."),
    ("fr", "Des nouvelles de la pièce de rechange ?"),
    ("fr", "Avez-vous pu résoudre le problème de connexion ?"),
    ("fr", "Mardi à 10 h vous conviendrait-il ?"),
    ("fr", "Nous reprendrons contact la semaine prochaine."),
    ("es", "¿Has tenido ocasión de mirar la propuesta?"),
    ("es", "¿Alguna novedad sobre la pieza de repuesto?"),
    ("es", "¿Ha podido resolver el problema de acceso?"),
    ("es", "Estaremos en contacto la semana que viene."),
    ("it", "Hai avuto modo di guardare la proposta?"),
    ("it", "Novità sul pezzo di ricambio?"),
    ("it", "È riuscito a risolvere il problema di accesso?"),
    ("nl", "Heb je al naar het voorstel kunnen kijken?"),
    ("nl", "Nog nieuws over het vervangende onderdeel?"),
    ("nl", "We zien elkaar maandag op de beurs."),
    ("nl", "Is het gelukt om het inlogprobleem op te lossen?"),
    ("nl", "Schikt dinsdag om 10 uur u?"),
    ("nl", "We nemen volgende week contact op."),
    ("nl", "Kijk even naar de tekeningen en laat me weten wat je ervan vindt."),
    ("pt", "Já teve oportunidade de ver a proposta?"),
    ("pt", "Há novidades sobre a peça de substituição?"),
    ("pt", "Vemo-nos na segunda na feira."),
    ("pt", "Conseguiu resolver o problema de acesso?"),
    ("pt", "Terça às 10h dá-lhe jeito?"),
    ("da", "Har du nået at kigge på forslaget?"),
    ("da", "Nyt om reservedelen?"),
    ("da", "Er det lykkedes dig at løse login-problemet?"),
    ("da", "Passer tirsdag kl. 10 dig?"),
    ("da", "Kig lige på tegningerne og sig, hvad du synes."),
    ("sv", "Har du hunnit titta på förslaget?"),
    ("sv", "Något nytt om reservdelen?"),
    ("sv", "Har du lyckats lösa inloggningsproblemet?"),
    ("sv", "Passar tisdag kl. 10 dig?"),
    ("sv", "Titta på ritningarna och säg vad du tycker."),
    ("no", "Har du rukket å se på forslaget?"),
    ("no", "Noe nytt om reservedelen?"),
    ("no", "Har du fått løst innloggingsproblemet?"),
    ("no", "Passer tirsdag kl. 10 for deg?"),
    ("no", "Ta en titt på tegningene og si hva du synes."),
    ("pl", "Czy miał Pan okazję zapoznać się z propozycją?"),
    ("pl", "Czy są jakieś wieści w sprawie części zamiennej?"),
    ("pl", "Widzimy się w poniedziałek na targach."),
    ("pl", "Czy udało się Panu rozwiązać problem z logowaniem?"),
    ("pl", "Czy wtorek o 10 Panu odpowiada?"),
    ("pl", "Odezwiemy się w przyszłym tygodniu."),
]

NOT_A_MEETING = [
    ("de", "Wir sehen uns gezwungen, die Preise zu erhöhen."),
    ("de", "Haben Sie schon gehört, dass wir umziehen?"),
    ("pl", "Widzimy się rzadko."),
    ("nl", "We zien elkaar vaak te weinig."),
]


@pytest.mark.parametrize(("language", "sentence"), GOT_ROUND_NEWS_AND_SLOTS)
def test_got_round_news_slots_and_meetings_make_a_task(language: str, sentence: str) -> None:
    assert len(detect_tasks(sentence, sent=WEDNESDAY, language=language, model=None).tasks) == 1


@pytest.mark.parametrize(("language", "sentence"), NOT_A_MEETING)
def test_the_same_verbs_in_other_senses_make_no_task(language: str, sentence: str) -> None:
    assert detect_tasks(sentence, sent=WEDNESDAY, language=language, model=None).tasks == ()


# A customer's wish to act that the reader has to carry out ("I would like to return the
# product"), a question whether they may ("Can I pay by bank transfer?") and how-do-I questions in
# the first person: sentences we wrote, the kinds of a help request by FOLLOWUP.md.
CUSTOMER_ASKS = [
    ("en", "I want to cancel my subscription."),
    ("en", "Can I pay by bank transfer?"),
    ("en", "I'd like to upgrade to the premium plan."),
    ("de", "Ich möchte das Produkt zurückgeben."),
    ("de", "Wie setze ich mein Passwort zurück?"),
    ("de", "Kann man die Lieferadresse noch ändern?"),
    ("fr", "Je voudrais retourner le produit."),
    ("fr", "Puis-je payer par virement ?"),
    ("es", "Quisiera devolver el producto."),
    ("es", "Por favor, reembolsen el importe en mi tarjeta."),
    ("es", "¿Cómo restablezco mi contraseña?"),
    ("es", "La aplicación se cierra al abrirla, ¿qué puedo hacer?"),
    ("es", "¿Dónde encuentro el manual de usuario?"),
    ("it", "Voglio disdire il mio abbonamento."),
    ("it", "Come reimposto la password?"),
    ("it", "Posso pagare con bonifico?"),
    ("nl", "Ik wil mijn abonnement opzeggen."),
    ("nl", "Kan ik per overschrijving betalen?"),
    ("pt", "Gostaria de devolver o produto."),
    ("pt", "Como redefino a minha palavra-passe?"),
    ("da", "Jeg vil gerne returnere produktet."),
    ("da", "Kan jeg betale med bankoverførsel?"),
    ("sv", "Jag vill säga upp mitt abonnemang."),
    ("sv", "Kan jag betala med banköverföring?"),
    ("no", "Jeg vil si opp abonnementet mitt."),
    ("no", "Kan jeg betale med bankoverføring?"),
    ("pl", "Chciałbym zwrócić produkt."),
    ("pl", "Jak zresetować hasło?"),
    ("pl", "Czy mogę zapłacić przelewem?"),
]

# Offers of help, thanks, rhetorical questions, wishes about the world, and the support's answers.
NOT_ASKED = [
    ("en", "Can I help you with anything else?"),
    ("en", "I would like to thank you for your help."),
    ("en", "We want to change the world."),
    ("en", "You can pay by bank transfer."),
    ("de", "Kann ich Ihnen sonst noch helfen?"),
    ("de", "Ich möchte mich herzlich bedanken."),
    ("de", "Was denke ich mir dabei?"),
    ("fr", "Peut-on imaginer mieux ?"),
    ("es", "¿En qué puedo ayudarle?"),
    ("es", "Queremos cambiar el mundo."),
    ("it", "Come sono andate le vendite?"),
    ("da", "Kan man forestille sig noget bedre?"),
    ("nl", "Graag gedaan, fijn dat ik kon helpen!"),
    ("pl", "Co słychać?"),
    ("pl", "Po co zmieniać coś, co działa?"),
]


@pytest.mark.parametrize(("language", "sentence"), CUSTOMER_ASKS)
def test_a_customers_wish_or_question_is_a_task(language: str, sentence: str) -> None:
    assert len(detect_tasks(sentence, sent=WEDNESDAY, language=language, model=None).tasks) == 1


@pytest.mark.parametrize(("language", "sentence"), NOT_ASKED)
def test_offers_thanks_rhetoric_and_answers_are_no_task(language: str, sentence: str) -> None:
    assert detect_tasks(sentence, sent=WEDNESDAY, language=language, model=None).tasks == ()


# The correspondent's matter taken on ("I'll take care of it"), and a second verb of the same
# subject in English ("I'll ask my colleague and let you know"): promises by FOLLOWUP.md.
TAKEN_ON = [
    ("en", "Leave it with me."),
    ("en", "I'll take care of it."),
    ("en", "We'll have it fixed by Monday."),
    ("en", "I'll ask my colleague and let you know."),
    ("de", "Ich kümmere mich darum."),
    ("de", "Ich schaue mir das an."),
    ("fr", "Je m'en occupe."),
    ("es", "Me encargo yo."),
    ("it", "Ci penso io."),
    ("it", "Domani lo risolvo."),
    ("nl", "Ik regel het."),
    ("nl", "Ik los het morgen op."),
    ("pt", "Eu trato disso."),
    ("da", "Jeg tager mig af det."),
    ("sv", "Jag fixar det."),
    ("no", "Jeg ordner det."),
    ("pl", "Zajmę się tym."),
]

DONE_ALREADY = [
    ("en", "I took care of it yesterday."),
    ("en", "We will not handle it."),
    ("de", "Ich habe mich darum gekümmert."),
    ("fr", "Je m'en suis occupé hier."),
    ("es", "Ya lo miré ayer."),
    ("pl", "Zająłem się tym wczoraj."),
    ("sv", "Jag fixade det i går."),
]


@pytest.mark.parametrize(("language", "sentence"), TAKEN_ON)
def test_the_correspondents_matter_taken_on_is_a_promise(language: str, sentence: str) -> None:
    tasks = detect_tasks(sentence, sent=WEDNESDAY, language=language, model=None).tasks
    assert [t.role for t in tasks] == [cues.COMMIT]


@pytest.mark.parametrize(("language", "sentence"), DONE_ALREADY)
def test_what_was_done_already_or_refused_makes_no_task(language: str, sentence: str) -> None:
    assert detect_tasks(sentence, sent=WEDNESDAY, language=language, model=None).tasks == ()


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("it", "Potete mandarmela entro venerdì?"),  # two pronouns on the infinitive
        ("es", "¿Puede enviármela?"),
        ("it", "Vorrei una fattura corretta con i dati giusti."),  # a document wished for
        ("fr", "Je voudrais un devis pour 20 chaises."),
        ("es", "Quisiera una copia del contrato."),
        ("pt", "Gostaria de receber um orçamento."),
    ],
)
def test_double_pronouns_and_documents_wished_for_make_a_task(language: str, sentence: str) -> None:
    assert len(detect_tasks(sentence, sent=WEDNESDAY, language=language, model=None).tasks) == 1


@pytest.mark.parametrize(
    ("language", "sentence"), [("it", "Vorrei un mondo migliore."), ("fr", "Je voudrais une vie plus calme.")]
)
def test_a_wish_for_no_document_makes_no_task(language: str, sentence: str) -> None:
    assert detect_tasks(sentence, sent=WEDNESDAY, language=language, model=None).tasks == ()
