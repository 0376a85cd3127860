"""Follow-up cues of every language we read, and the lines that void a whole message."""

from __future__ import annotations

import re

from mailhook.automation.cues_asks import ASKS
from mailhook.automation.cues_awaited import AWAITED
from mailhook.automation.cues_dutch import NL
from mailhook.automation.cues_german import DE
from mailhook.automation.cues_iberian import ES, PT
from mailhook.automation.cues_indirect import DEADLINES, INDIRECT, PROPOSALS
from mailhook.automation.cues_needs import NEEDS
from mailhook.automation.cues_nordic import DA, NO, SV
from mailhook.automation.cues_obligation import OBLIGATIONS
from mailhook.automation.cues_plain import PLAIN_GATES, PLAIN_NEEDS, PLAIN_QUESTIONS, SURVEY
from mailhook.automation.cues_polish import PL
from mailhook.automation.cues_questions import QUESTIONS
from mailhook.automation.cues_romance import FR, IT
from mailhook.automation.cues_west import EN
from mailhook.automation.lexicon import ASK, COMMIT, NEED, PROPOSE, REQUEST, Cues, extended

__all__ = ["ASK", "COMMIT", "NEED", "PROPOSE", "REQUEST", "Cues", "BY_LANGUAGE"]

_F = re.IGNORECASE | re.UNICODE

_OWN: dict[str, Cues] = {
    "en": EN, "de": DE, "fr": FR, "es": ES, "it": IT, "nl": NL, "pt": PT, "da": DA, "sv": SV, "no": NO,
    "pl": PL,
}


def _with_more(lang: str, cues: Cues) -> Cues:
    """A language's own cues, then its yes/no questions to the reader (cues_questions), its needs
    stated as what would help or be appreciated (cues_needs), the requests of cues_asks, its indirect
    questions, deadlines
    stated alone and meetings proposed in the conditional (cues_indirect), an answer awaited on a
    named subject (cues_awaited), and last the plain
    questions and soft asks of support mail (cues_plain) and deadlines set as an obligation
    (cues_obligation), both behind intent.py's gates."""
    more_roles = ((ASK, QUESTIONS), (NEED, NEEDS), (REQUEST, ASKS), (ASK, INDIRECT), (NEED, DEADLINES),
                  (PROPOSE, PROPOSALS),
                  (ASK, AWAITED), (ASK, PLAIN_QUESTIONS), (NEED, PLAIN_NEEDS), (NEED, OBLIGATIONS))
    for role, more in more_roles:
        if more[lang]:
            cues = extended(cues, role, more[lang])
    return cues


BY_LANGUAGE: dict[str, Cues] = {lang: _with_more(lang, cues) for lang, cues in _OWN.items()}
# Per language, the indexes of cues_plain's patterns: mail whose gates they do not pass (list mail,
# long reports) need not search for them at all.
PLAIN: dict[str, frozenset[int]] = {
    lang: frozenset(i for i, (_, p) in enumerate(cues.patterns) if PLAIN_GATES & p.groupindex.keys())
    for lang, cues in BY_LANGUAGE.items()
}

# Mail about being away answers on its own; its "I will reply when I return" is no promise.
OUT_OF_OFFICE = re.compile(
    r"\b(?:out of (?:the )?office|away from (?:the|my) (?:office|desk)|automatic reply|auto-?reply|"
    r"abwesenheitsnotiz|nicht im büro|außer haus|automatische antwort|absente? du bureau|"
    r"réponse automatique|fuera de la oficina|respuesta automática|afwezig|niet op kantoor|"
    r"automatisch antwoord|ikke på kontoret|fraværende|autosvar|fuori (?:ufficio|sede)|risposta automatica|"
    r"(?:ausente|fora) do escritório|resposta automática|inte på kontoret|frånvarande|ikke på kontoret|"
    r"poza biurem|automatyczna odpowiedź|odpowiedź automatyczna|automatisk svar|automatiskt svar|"
    # On leave, said in the present ("I'm on holiday until ...", "jestem na urlopie do ...").
    r"(?:i am|i'm|ich bin|je suis|estoy|sono|ik ben|estou|jeg er|jag är|"
    # (dates between: "ik ben tot en met 27 oktober met vakantie"), away or on leave of any kind.
    r"jestem)\s+(?:\S+\s+){0,6}?(?:on holiday|"
    r"on vacation|on (?:annual |parental |maternity |paternity |sick )?leave|im urlaub|in urlaub|"
    r"in elternzeit|abwesend|absente?|en congés?|en vacances|de vacaciones|ausente|assente|in ferie|"
    r"in maternità|met (?:vakantie|zwangerschapsverlof|ouderschapsverlof|verlof)|de férias|de licença|"
    r"på ferie|på semester|på barsel|(?:föräldra|tjänst)?ledig|na urlopie|nieobecn[ay]|på kursus|på kurs)|"
    r"(?:jeg|vi) (?:har|holder) ferie|jag har semester)\b",
    _F,
)
# A confidentiality notice's ask ("If you received it by mistake, please let us know and delete
# it", "Falls Sie diese E-Mail irrtümlich erhalten haben, ..."): for someone it reached wrongly.
_RECEIVED = (r"(?:received|erhalten|reçu|recibido|ricevut\w|pervenut\w|ontvangen|recebido|recebeu"
             r"|otrzymał\w*|mottagit|modtaget|mottatt|fått)")
_WRONGLY = (r"(?:by (?:mistake|accident)|in error|erroneously|irrtümlich|fälschlich\w*|versehentlich"
            r"|par erreur|por (?:error|equívoco|engano|erro)|per errore|per vergissing|abusievelijk"
            r"|omyłkowo|przez pomyłkę|av misstag|ved en fejl|ved en feil|ved en feiltakelse)")
MISDELIVERED = re.compile(
    rf"\b{_RECEIVED}\b[^.?!]{{0,40}}?{_WRONGLY}|{_WRONGLY}[^.?!]{{0,40}}?\b{_RECEIVED}\b", re.IGNORECASE
)
# Asking the reader to disregard an earlier message asks for nothing ("please ignore my mail from
# this morning", "proszę zignorować moją wiadomość", "bitte ignorieren Sie meine letzte Mail").
DISREGARD = re.compile(
    # The imperative or infinitive ("ignored your email" reports, it asks nothing), then the author's
    # own earlier message ("my", "the previous"; not "the message this sends"), then the noun, whole.
    r"\b(?:ignore|disregard|ignorieren|ignoriere|ignorer|ignorez|ignorar|ignore|ignora|ignorare|ignori"
    r"|desconsidere|negeer|negeren|se bort fra|bortse fra|se bort från|zignorować|zignoruj|zignorujcie)"
    r"\s+(?:sie\s+|bitte\s+)?(?:my|our|the\s+(?:previous|earlier|last|above|below)|this|that|meine?|unsere?"
    r"|die\s+(?:letzte|vorherige)|mon|notre|ma|le\s+(?:précédent|dernier)|mi|nuestro|el\s+(?:anterior|último)"
    r"|il\s+(?:mio|precedente)|la\s+mia|il|la|a|o|minha|meu|mijn|ons|onze|het\s+vorige|min|mitt|mit|vores"
    r"|vår|moją|naszą|poprzednią|mine?)\s+(?:\S+\s+){0,2}?(?:e-?mail|mail|message|nachricht|courriel|correo"
    r"|mensaje|messaggio|mensagem|bericht|melding|meddelelse|meddelande|mejl|wiadomość|wiadomości|e-?post)\b"
    # The Scandinavian possessive after the noun: "se bort fra meldingen min".
    r"|\b(?:se bort fra|bortse fra|se bort från)\s+(?:\S+\s+){0,2}?(?:meldingen|mailen|e-?posten|meddelelsen"
    r"|meddelandet|mejlet|mailet)\s+(?:min|mitt|mi|vår|vårt|vores)\b",
    _F,
)
# Newsletters and list mail carry a way out in the text even when their headers were stripped.
UNSUBSCRIBE = re.compile(
    r"\b(?:unsubscribe|to be removed from|abmelden|abbestellen|se désinscrire|désabonner|"
    r"darse de baja|darte de baja|afmelden|uitschrijven|afmeld|disiscriv|annullare l'iscrizione|"
    r"cancelar a subscrição|descadastr|deixar de receber|avregistrera|avsluta prenumeration|avprenumerera|"
    r"meld deg av|avmeld|zrezygnować z subskrypcji|wypisać się|wypisz się)\w*|"
    r"\bremove your (?:name|address|e-?mail)|\bview (?:this|it|the) (?:e-?mail |newsletter )?in your browser|"
    r"\bmanage (?:your )?(?:e-?mail |subscription )?preferences|"
    r"\b(?:ne (?:souhaitez|désirez|voulez) plus recevoir|no (?:desea|quiere) recibir más|"
    r"non (?:desidera|vuole) più ricevere|nicht mehr erhalten möchten)\b",
    _F,
)
# Machine mail that says so: a notification no one reads the answers to, whatever it asks ("please
# check your details") is not a task for the user.
NO_REPLY = re.compile(
    r"\b(?:please\s+)?do not reply to this (?:e-?mail|message|address|notification)|"
    r"\bthis (?:e-?mail|message|notification) (?:was|has been|is) (?:sent |generated )?automatically|"
    r"\b(?:this is an|an) (?:automated|automatic|auto-?generated|automatically generated) (?:e-?mail|message|"
    r"notification)|\bthis (?:mailbox|address|inbox) is not monitored|"
    r"\bbitte (?:antworten sie|antwortet) nicht auf diese|\bantworten sie (?:bitte )?nicht auf diese|"
    r"\b(?:diese|die) (?:e-?mail|nachricht) wurde automatisch|\bautomatisch (?:generierte|erstellte|"
    r"versendete) (?:e-?mail|nachricht)|"
    r"\b(?:merci|veuillez|prière) de ne pas (?:y )?répondre|\bne (?:pas )?répondez pas à ce|"
    r"\bceci est un (?:message|courriel|e-mail) automatique|\bgénérée? automatiquement|"
    r"\bno (?:responda|respondas|conteste|contestes) a este|"
    r"\b(?:este es|es) un (?:mensaje|correo) automático|"
    r"\bgenerado automáticamente|"
    r"\bsi prega di non rispondere|\bnon rispondere a questa|\b(?:questo è|è) un messaggio automatico|"
    r"\bgenerat[oa] automaticamente|"
    r"\bgelieve niet te (?:antwoorden|reageren)|"
    r"\b(?:reageer|antwoord) (?:a\.u\.b\. |alstublieft )?niet op (?:deze|dit)|"
    r"\bdit is een automatisch (?:verzonden |gegenereerd )?(?:bericht|e-?mail)|\bautomatisch gegenereerd|"
    r"\bnão (?:responda|respondas) a (?:este|esta)|\b(?:esta é|é) uma mensagem automática|"
    r"\bgerad[oa] automaticamente|"
    r"\bsvar (?:venligst |venlegst )?ikke på (?:denne|dette)|\b(?:vennligst )?ikke svar på (?:denne|dette)|"
    r"\bdette er en automatisk(?:\s+genereret|\s+generert)? (?:e-?mail|e-post|mail|besked|melding)|"
    r"\bautomatisk (?:genereret|generert)|"
    r"\bsvara inte på (?:detta|det här|denna)|\bdetta är ett automatiskt (?:meddelande|mejl|mail|utskick)|"
    r"\bautomatiskt genererat|\bgår inte att svara på|"
    r"\bprosimy (?:na ni(?:ą|ego) )?nie odpowiadać|\bnie odpowiadaj na (?:tę|tą) wiadomość|"
    r"\bwiadomość (?:została )?wygenerowana automatycznie|\bwiadomość automatyczna|"
    # Said of the mailbox or the message rather than asked ("the mailbox is not monitored",
    # "kan inte besvaras").
    r"\b(?:please\s+)?do not (?:reply|respond) (?:directly )?to this\b|"
    r"\b(?:mailbox|inbox|address) is not monitored|\bunmonitored (?:mailbox|address|inbox)|"
    r"\bnotification-only address|\bcannot (?:accept|receive) (?:incoming |replies|e-?mails?)|"
    r"\bbitte nicht (?:direkt )?(?:auf diese \S+ )?antworten\b|"
    r"\b(?:bericht|e-?mail|mail) (?:is|werd|wordt) automatisch (?:verzonden|gegenereerd|verstuurd"
    r"|aangemaakt)|\breageren (?:op (?:dit|deze) \S+ )?is niet mogelijk|"
    r"\b(?:skickats|genererats|skapats) automatiskt|\b(?:er|blev|ble) (?:sendt|genereret|generert|oprettet"
    r"|opprettet) automatisk|\b(?:e-?mail(?:en)?|e-?post(?:en)?|mail(?:en)?|mejl(?:et)?"
    r"|(?:e-?post)?meddelande(?:t)?|besked(?:en)?|melding(?:en)?)\s+"
    r"(?:\S+\s+){0,4}?(?:kan|går) (?:ikke|inte)(?: att)? besvar",
    _F,
)
# Words one of which every NO_REPLY match holds (lower-cased): most mail holds none, and a substring
# test costs a fraction of the search.
_NO_REPLY_WORDS = ("repl", "respond", "répond", "rispond", "antwo", "reage", "svar", "odpowiada", "automat",
                   "automá", "monitored", "notification-only", "incoming", "contest")


def says_no_reply(text: str) -> bool:
    """Whether the text says it takes no answers: machine mail, whatever it asks."""
    lower = text.lower()
    return any(word in lower for word in _NO_REPLY_WORDS) and bool(NO_REPLY.search(text))


# "Attached is ..." sends now: nothing is left to follow up.
ATTACHED_NOW = re.compile(
    r"\b(?:attached|enclosed|herewith|anbei|beigefügt|im anhang|als anlage|in der anlage|anliegend|"
    r"beiliegend|ci-joint|en pièce jointe|adjunto|als bijlage|som bilaga|"
    r"bijgevoegd|in de bijlage|vedhæftet|in allegato|em anexo|segue anexo|bifogat|bifogar|vedlagt|"
    r"w załączniku|w załączeniu|załączam)\b",
    _F,
)
# A hand-over in the first person present sends now ("os paso el acta", "vi giro il verbale",
# "przesyłam raport", "I'm forwarding you the minutes", "überreiche ich Ihnen den Bescheid"), unless
# a time to come says it is a promise ("te paso los datos esta tarde", "ti mando il file domani").
HANDED_NOW = re.compile(
    r"\b(?:te|le|les|os)\s+(?:paso|envío|mando|reenvío|remito|adjunto|hago llegar)\b|"
    r"\b(?:ti|vi|le|gli)\s+(?:mando|invio|giro|inoltro|trasmetto|allego|faccio avere)\b|"
    r"\b(?:te|lhe|vos|lhes)\s+(?:envio|mando|passo|reencaminho|encaminho|remeto)\b|"
    r"\b(?:envio|mando|passo|reencaminho|encaminho|remeto)-(?:te|lhe|vos|lhes)\b|"
    r"\b(?:je|nous)\s+(?:vous\s+|te\s+|t')(?:transmets|transmettons|envoie|envoyons|fais suivre|"
    r"faisons suivre|fais parvenir|joins)\b|"
    r"\b(?:i'm|i am|we're|we are)\s+(?:forwarding|sending)\s+(?:you|this|the|it)\b|"
    r"\b(?:ich|wir)\s+(?:leite|leiten)\s+(?:dir|Ihnen|euch)\b[^.?!]*\bweiter\b|\bhiermit\b|"
    r"\b(?:übersende|überreiche|übermittle)n?\s+(?:ich|wir)\b|\b(?:ich|wir)\s+(?:übersende|überreiche|übermittle)n?\b|"
    r"\bhierbij\b|\bhermed\b|\bhärmed\b|"
    r"\b(?:przesyłam|wysyłam|przekazuję|przesyłamy|wysyłamy|przekazujemy)\b",
    _F,
)
_WEEKDAYS = (
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miércoles|jueves|viernes|sábado|"
    r"domingo|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|segunda|terça|quarta|quinta|sexta|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|"
    r"samstag|sonntag|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|mandag|tirsdag|onsdag|"
    r"torsdag|fredag|lørdag|søndag|måndag|tisdag|lördag|söndag|poniedział\w*|wtor\w*|środ\w*|czwart\w*|"
    r"piąt\w*|sobot\w*|niedziel\w*"
)
# Words of a time to come in the eleven languages; a weekday after "of" ("the minutes of Monday's
# meeting", "del lunes", "di giovedì") names a past meeting, not when.
TO_COME = re.compile(
    r"\b(?:tomorrow|later|soon|shortly|as soon as|once|when|next|tonight|this (?:afternoon|evening)|by|"
    r"mañana|luego|más tarde|pronto|en cuanto|cuando|en breve|enseguida|esta (?:tarde|noche)|próxim\w+|"
    r"que viene|lo antes posible|antes|hoy|"
    r"domani|domattina|dopo|più tardi|presto|appena|quando|a breve|in giornata|stasera|prossim\w+|entro|"
    r"prima|oggi|"
    r"amanhã|depois|mais tarde|em breve|logo|assim que|ainda hoje|que vem|até|hoje|"
    r"demain|plus tard|bientôt|dès que|quand|lorsque|prochain\w*|d'ici|avant|ce soir|cet après-midi|"
    r"sous peu|aujourd'hui|"
    r"morgen|später|bald|sobald|wenn|nächste\w*|bis|heute|gleich|demnächst|"
    r"straks|zodra|wanneer|volgende|binnenkort|vandaag|"
    r"i morgen|imorgen|senere|senare|snart|så snart|når|när|næste|nästa|neste|i dag|idag|innen|inden|"
    r"jutro|później|wkrótce|jak tylko|gdy|kiedy|w przyszłym|dziś|dzisiaj)\b|"
    r"(?<!\bde )(?<!\bdel )(?<!\bdi )(?<!\bda )(?<!\bdo )(?<!\bdu )(?<!\bof )(?<!\bvom )(?<!\bvan )"
    rf"(?<!\bfra )(?<!\bfrån )(?<!\bz )(?<!\bze )\b(?:{_WEEKDAYS})\b",
    _F,
)


# What the author confirms or tells in the first person present is told with this mail ("Vi bekrefter
# at vi har mottatt ordren", "te confirmo que ...", "vi scrivo per dirvi che ..."); with a time to come
# and no "that" it may be a promise ("ti confermo domani": Italian and Spanish put it in the present).
TOLD_NOW = re.compile(
    r"(?:\b(?:i|we) (?:hereby |can )?confirm|\b(?:i'm|i am|we're|we are) (?:just )?writing to (?:let you"
    r" know|tell you|inform you)|\b(?:ich|wir) bestätigen?(?: Ihnen| dir| euch)?|\bbestätigen? (?:ich|wir)"
    r"|\b(?:je|nous) (?:vous |te )?(?:confirme|confirmons)|\b(?:je|nous) (?:vous |te )?(?:écris|écrivons)"
    r" (?:juste |simplement )?pour (?:vous |te )?(?:dire|informer|confirmer)|\b(?:te |le |les |os )?"
    r"(?:confirmo|confirmamos)|\b(?:te|le|les|os) escribo (?:solo |solamente )?para (?:decir|informar)\w*"
    r"|\b(?:ti |vi |le |gli )?(?:confermo|confermiamo)|\b(?:ti|vi|le) scrivo (?:solo |soltanto )?per"
    r" (?:dir|informar|comunicar)\w*|\b(?:ik|we|wij) bevestig(?:en)?|\bbevestigen (?:we|wij)"
    r"|\b(?:lhe |te |vos )?(?:confirmo|confirmamos)(?:-lhe|-te|-vos)?|\bescrevo(?:-lhe|-te)? (?:só |apenas )?"
    r"para (?:dizer|informar)\w*|\b(?:jeg|vi) (?:bekræfter|bekrefter)|\b(?:bekræfter|bekrefter) (?:jeg|vi)"
    r"|\b(?:jag|vi) bekräftar|\bbekräftar (?:jag|vi)|\bpotwierdza(?:m|my)|\bpiszę,? (?:aby|żeby)"
    r" (?:poinformować|powiedzieć))\b(?P<that>,?\s+(?:that|dass|que|che|dat|at|att|że)\b)?",
    _F,
)


def sends_now(sentence: str) -> bool:
    """Whether a promise-like sentence hands something over with this mail: "attached is ...", or a
    hand-over in the present with no time to come ("os paso el acta", "vi giro il verbale"; "te paso
    los datos esta tarde" is a promise), or tells or confirms something now (TOLD_NOW)."""
    handed = HANDED_NOW.search(sentence) and not TO_COME.search(sentence)
    told = TOLD_NOW.search(sentence)
    told_now = told is not None and (told.group("that") is not None or not TO_COME.search(sentence))
    return bool(ATTACHED_NOW.search(sentence) or handed or told_now)


# A survey asks the reader to rate a service: whatever else such mail asks ("we'd love to hear how it
# went") is the survey's.
SURVEY_QUESTION = re.compile(SURVEY.pattern + r"[^.!?]*\?", SURVEY.flags)
