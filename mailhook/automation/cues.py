"""Per-language cue patterns for follow-up intent: promises, requests, proposals and courtesy lines."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mailhook.automation.loosening import loosened

# Hand-written patterns because no maintained library detects follow-up intent in these six
# languages without a trained model; each pattern names the action in a group `act`, where the
# task title starts. Roles: the author promises (commit), asks the reader (request), or proposes
# to do something together (propose). Courtesy lines ("call me if you have questions") are
# offers to everyone, not tasks, and void a sentence.

COMMIT = "commit"
REQUEST = "request"
PROPOSE = "propose"

_F = re.IGNORECASE | re.UNICODE


@dataclass(frozen=True)
class Cues:
    """The patterns of one language."""

    patterns: tuple[tuple[str, re.Pattern[str]], ...]  # (role, pattern with group `act`)
    courtesy: re.Pattern[str]
    # Per pattern, its loosened parts (loosening.loosened): where for every pattern some part finds
    # nothing in a paragraph, no pattern matches any of its sentences, and the paragraph needs no
    # sentence splitting (the costly step of detection).
    anywhere: tuple[tuple[re.Pattern[str], ...], ...]


def _cues(courtesy: str, **roles: list[str]) -> Cues:
    sources = [p for group in roles.values() for p in group]
    patterns = tuple((role, re.compile(p, _F)) for role, group in roles.items() for p in group)
    anywhere = tuple(tuple(re.compile(part, _F) for part in loosened(p)) for p in sources)
    return Cues(patterns, re.compile(courtesy, _F), anywhere)


_EN_ACT = (
    r"(?:get back|come back|circle back|revert|follow up|call|ring|phone|ping|"
    r"give (?:you|me|us) a (?:call|ring)|"
    r"send|resend|re-send|forward|e-?mail|fax|update|"
    r"keep (?:you|me|us) (?:posted|updated|informed|in the loop|apprised)|"
    r"let (?:you|me|us|\w+) know|reach out|be in touch|get in touch|touch base|check in|check|"
    r"review|look into|(?:have|take) a (?:quick )?look|reply|respond|write|meet|see you|talk|speak|"
    r"discuss|confirm|share|"
    r"schedule|set up|arrange|book|return|advise|contact|rsvp|drop (?:you|me|us) a (?:line|note)|"
    r"catch up|mark (?:your|the) calendars?)"
)
_EN_NOUN = (
    r"(?:report|copy|list|update|quote|quotation|offer|proposal|invoice|draft|file|document|data|"
    r"numbers|figures|contract|agreement|schedule|calend[ae]r|address|details|information|info|status|"
    r"estimate|prices?|answer|response|feedback|confirmation|summary|presentation|slides|"
    r"spreadsheet|statement|breakdown|samples?)s?"
)
_TIME_EN = (
    r"(?:today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|next|"
    r"this (?:week|afternoon|evening|morning)|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d)"
)
_NOT = r"(?!(?:\w+\s+){0,2}?(?:not|never)\b)"
# Up to n words between a cue and its verb, none an article or possessive: after one of those
# the "verb" is a noun ("please use the Reply feature").
# A negation in the gap turns it around ("please do not reply").
_GAP = r"(?:(?!(?:the|a|an|your|my|our|his|her|their|this|that|not|never)\b)\w+\s+)"

EN = _cues(
    r"\b(?:if|should|in case|when(?:ever)?)\s+(?:you|there|anyone|any)\b[^.?!]{0,40}?\b(?:questions?|"
    r"concerns?|comments?|problems?|issues?|assistance|help|clarification|anything|further)\b|"
    r"\bif you need\b|\b(?:do not|don't|dont) hesitate\b|\bfeel free\b|"
    r"\bwith (?:any )?(?:questions|concerns|comments)\b|\bany ?time\b|\bintended recipient\b|"
    r"\bin error\b|\bconfidential\b|\bprivileged\b|"
    r"\b(?:i|we) can (?:confirm|see|tell)\b|^for (?:more |further |additional )?(?:information|details)\b",
    commit=[
        rf"\b(?:i|we)(?:'ll| will| shall|'m going to| am going to|'re going to| are going to| plan to|"
        rf" intend to| promise to| can| could|'d like to| would like to| hope to| need to| must| should)"
        rf"\s+{_NOT}(?:\w+\s+){{0,2}}?(?P<act>{_EN_ACT})\b",
        rf"(?:^|\b(?:and|but|so|then)\s+)(?:will|shall)\s+(?!you\b){_GAP}?(?P<act>{_EN_ACT})\b",
        rf"\bwould you like (?:me|us) to\s+(?P<act>{_EN_ACT})\b",
        r"\blet (?:me|us)\s+(?P<act>check|look into|confirm|find out|verify|review|ask|follow up)\b",
        r"\b(?:i|we)(?:'ll| will) (?P<act>(?:have|get) (?:\w+\s+){1,4}?to you)\b",
        r"\b(?:happy|glad|delighted|pleased) to\s+(?:\w+\s+)?(?P<act>meet|talk|discuss|call|send|see you|"
        r"jump on a call|hop on a call|"
        r"have (?:some |a )?(?:discussions?|chat|call|meeting|breakfast|lunch|dinner|coffee))\b",
    ],
    request=[
        rf"\b(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|kindly\s+|also\s+|just\s+)?"
        rf"(?P<act>{_EN_ACT})\b",
        rf"\bwould you be (?:willing|able|available|free) to\s+(?P<act>{_EN_ACT})\b",
        r"\b(?:would|do) you mind\s+(?P<act>sending|resending|calling|forwarding|checking|confirming|"
        r"reviewing|getting back|letting (?:me|us) know|e-?mailing|scheduling|sharing|updating)\b",
        rf"\b(?:please|pls|plz|kindly)\s+{_GAP}{{0,3}}?(?P<act>{_EN_ACT})\b",
        r"\byou (?:can|could) (?:also |just )?(?P<act>send|forward|e-?mail|fax)\b",
        r"^(?:(?:and|also|so|then|ok|okay)\s+)?(?P<act>send (?:me|us)|call me|call us|give me a call|"
        r"let (?:me|us) know|get back to (?:me|us)|e-?mail me|ring me|remind me|confirm|"
        r"drop (?:me|us) a (?:line|note))\b",
        rf"\b(?:can|could) (?:we|i) (?P<act>(?:get|have|receive|see) (?:a|an|the|your|some|those|these|"
        rf"that|this)\s+(?:\w+\s+){{0,2}}?{_EN_NOUN})\b",
        rf"\bi (?:need|would like|'d like|want) (?:to (?:get|have|receive|see) )?"
        rf"(?P<act>(?:the|your|a|an|some|all|more)\s+(?:\w+\s+){{0,2}}?{_EN_NOUN})\b",
        r"\bhope (?:that )?you (?:can|will|could) (?P<act>join|make it|attend)\b",
    ],
    propose=[
        r"\blet'?s\s+(?:\w+\s+)?(?P<act>talk|meet|catch up|discuss|speak|schedule|set up|get together|"
        r"have (?:a|another) (?:call|chat|meeting|talk)|chat|connect|touch base|find a time|sync)\b",
        r"\b(?:can|could|shall|should) we\s+(?:\w+\s+)?(?P<act>meet|talk|schedule|set up|arrange|"
        r"have a (?:call|chat|meeting)|catch up|discuss|speak|chat|get together|find a time)\b",
        r"\b(?:need|want|would like|'d like) to (?P<act>(?:schedule|set up|arrange|book|organi[sz]e) "
        r"(?:\w+\s+){0,3}?(?:meeting|call|interview|appointment|visit|session|demo|presentation))\b",
        r"\b(?:best|good|convenient) time to (?P<act>meet|talk|call|speak)\b",
        r"\bare you (?:free|available|around) (?P<act>(?:for|to) (?:a |an )?(?:call|meeting|chat|talk|meet|"
        r"catch up|coffee|lunch))\b",
        rf"\b(?P<act>(?:talk|speak) (?:to|with) you) (?:on|at|{_TIME_EN})",
        rf"\b(?P<act>see you) (?:(?:on|at|in|next|this)\s+)?{_TIME_EN}",
        rf"\b(?:how|what) about (?P<act>(?:on )?{_TIME_EN}\w*)",
    ],
)

_DE_ACT = (
    # Verbs in lower case only: capitalised, the same word is a noun ("das Senden von e-mails").
    r"(?:(?-i:melde|melden|rufe|anrufen|zurückrufen|schicke|schicken|sende|senden|zusenden|"
    r"zuschicken|zukommen|weiterleiten|nachreichen|zurückkommen|zurückmelden|prüfen|nachsehen|"
    r"bestätigen|besprechen|telefonieren|vorbeikommen|mitteilen|vormerken|zusammensetzen|"
    r"komme (?:\S+ ){0,5}?zurück|vorschlagen)|"
    r"Rückruf|Bescheid|auf dem Laufenden|Rückmeldung)"
)
DE = _cues(
    r"\b(?:bei|für) (?:weiteren |etwaigen )?(?:Fragen|Rückfragen)\b|\bzur Verfügung\b|"
    r"\bfreue(?:n)? (?:\w+ ){0,2}auf (?:Ihre|deine|eure|eine) (?:Rückmeldung|Antwort)\b|"
    r"\b(?:falls|wenn|sollten)\b[^.?!]{0,60}\b(?:Fragen|Rückfragen|brauchst|brauchen|benötigen|"
    r"benötigt|fehlt|Hilfe|Unterstützung)\b|\bzögern Sie nicht\b|\bAdressat\b",
    commit=[
        rf"^(?!.*\b(?:habe|haben|hatte|hatten)\s+(?:ich|wir)\b).*?\b(?P<who>ich|wir)\s+"
        rf"(?!(?:habe|haben|hatte|hatten)\b)(?:\S+\s+){{0,6}}?(?P<act>{_DE_ACT})\b",
        r"\b(?P<act>melde|rufe|schicke|sende|komme)\s+(?:ich|wir)\b",
        r"\b(?:wir|ich)\b[^.?!]*\b(?P<act>treffen)\b",
    ],
    request=[
        rf"\b(?:können|könnten|würden|wären|kannst|könntest|würdest)\s+(?:Sie|du|ihr)\b[^.?!]*?"
        rf"\b(?P<act>{_DE_ACT})\b",
        rf"\bbitten?\b[^.?!]*?\b(?P<act>{_DE_ACT}|Prüfung|Zusendung|Bestätigung|Angebot|Antwort)\b",
        r"\b(?:über|auf) (?:eine |Ihre |deine |eure )?(?P<act>Rückmeldung|Feedback|Antwort|Rückruf)\b"
        r"[^.?!]*\b(?:freue|freuen|würde)\b",
        r"\b(?P<act>(?:gib|geben Sie|sag|sagen Sie) (?:mir|uns) Bescheid|melden Sie sich|meld dich)\b",
        # Sentence-initial, so capitalised: "Schicken Sie mir ..." (polite imperative).
        r"^(?:bitte\s+)?(?P<act>(?:schicken|senden|rufen|melden|geben|bestätigen|prüfen|leiten)"
        r"\s+Sie)\b",
    ],
    propose=[
        r"\b(?:lass(?:t)?|lassen Sie) uns\b[^.?!]*?\b(?P<act>telefonieren|treffen|sprechen|reden|Tel|"
        r"besprechen|zusammensetzen|austauschen)\b",
        r"\b(?:sollen|können|wollen|könnten) wir\b[^.?!]*?\b(?P<act>treffen|telefonieren|sprechen|"
        r"besprechen)\b",
        r"^(?P<act>treffen|telefonieren|sprechen|hören) wir uns\b",
    ],
)

_FR_ACT = (
    r"(?:rappelle|rappellerai|rappellerons|rappeler|recontacte|recontacterai|recontacter|reviens|"
    r"reviendrai|reviendrons|revenir|envoie|enverrai|enverrons|envoyer|transmets|transmettrai|"
    r"transmettre|fais parvenir|ferai parvenir|faire parvenir|tiens au courant|tiendrai au courant|"
    r"tenir au courant|tiendrons au courant|écrirai|écrire|appelle|appellerai|appeler|confirmerai|"
    r"confirmer|vérifierai|"
    r"vérifier|regarderai|regarder|ferai signe|faire signe|conseiller|indiquer|répondre|passerai|"
    r"rencontrer|parler|discuter)"
)
FR = _cues(
    r"n'hésitez pas|si vous avez (?:des|la moindre|d'autres|une) (?:questions?|remarques?)|"
    r"pour toute (?:question|information|demande)|\bdisposition\b|je reste disponible|"
    r"dans l'attente de|\bdestinataire\b",
    commit=[
        # Object pronouns may be elided onto the verb: "je t'envoie", "je l'appellerai".
        rf"\b(?:je|nous|on)\s+(?!ne\b|n')(?:\S+\s+|[tlm]'){{0,3}}?(?P<act>{_FR_ACT})\b",
        rf"\bj'(?:\S+\s+){{0,2}}?(?P<act>{_FR_ACT})\b",
    ],
    request=[
        rf"\b(?:pourriez|pouvez|pourrais|peux|pourrez|voudriez|voulez)[- ](?:vous|tu)\b[^.?!]*?"
        rf"\b(?P<act>{_FR_ACT})\b",
        rf"\b(?:merci de|veuillez|je vous prie de|prière de)\s+(?:\S+\s+){{0,3}}?(?P<act>{_FR_ACT})\b",
    ],
    propose=[
        r"\bon\s+(?:se\s+|s')?(?P<act>voit|parle|rappelle|appelle|en parle|en discute)\b",
        r"\b(?P<act>(?:parlons|discutons)[- ]en|rencontrons-nous|appelons-nous|voyons-nous)\b",
    ],
)

_ES_FIRST = (
    r"(?:escribo|escribiré|llamo|llamaré|envío|enviaré|mando|mandaré|confirmo|confirmaré|aviso|"
    r"avisaré|contacto|contactaré|respondo|responderé|comento|comentaré|mantengo|mantendré|paso|"
    r"pasaré|digo|diré)"
)
_ES_INF = r"(?:enviar|mandar|llamar|confirmar|revisar|avisar|responder|indicar|decir|contactar|escribir)"
ES = _cues(
    r"no dude[sn]? en|si (?:tiene|tienes|tienen|necesita|necesitas) [^.?!]{0,30}(?:duda|pregunta|"
    r"consulta|algo)|\bdisposición\b|cualquier (?:duda|consulta|pregunta)|\bdestinatario\b",
    commit=[
        rf"\b(?:te|le|les|os|se lo|se la|te lo|te la)\s+(?P<act>{_ES_FIRST})\b",
        rf"\b(?:voy|vamos) a (?:\w+ )?(?P<act>{_ES_INF})(?:te|le|les|os|lo|la)*\b",
        r"\b(?:me|nos) (?P<act>pondré|pondremos) en contacto\b",
    ],
    request=[
        rf"\b(?:puedes|podrías|podría|puede|pueden|podrían|podéis)\s+(?:usted(?:es)? )?(?:\w+ ){{0,2}}?"
        rf"(?P<act>{_ES_INF})(?:me|nos|le|lo|la)*\b",
        r"\bpor favor,? (?:\w+ ){0,2}?(?P<act>env[ií]e\w*|env[ií]a\w*|m[aá]nde\w*|m[aá]nda\w*|ll[aá]me\w*|"
        r"conf[ií]rme\w*|conf[ií]rma\w*|revise|revisa|av[ií]sa\w*|av[ií]se\w*|responda|responde|"
        r"ind[ií]que\w*|ind[ií]ca\w*)\b",
        r"^¿?(?P<act>env[ií]ame|m[aá]ndame|ll[aá]mame|av[ií]same|conf[ií]rmame)\b",
    ],
    propose=[
        r"\b(?P<act>hablamos|nos vemos|quedamos|nos reunimos|reunámonos|hablemos|nos llamamos)\s+"
        r"(?:el|la|los|mañana|pasado|después|luego|esta|este|la próxima|el próximo|tras|antes)\b",
    ],
)

_NL_ACT = (
    r"(?:bel|bellen|terugbellen|stuur|sturen|opsturen|toesturen|terugsturen|doorsturen|mailen|"
    r"mail (?:je|jou|u|jullie|hem|haar)|"
    r"laat (?:\S+ ){0,3}?weten|laten weten|(?:kom|komen) (?:\S+ ){0,5}?terug|terugkomen|"
    r"neem (?:\S+ ){0,3}?contact|"
    r"contact opnemen|op de hoogte|bevestig|bevestigen|checken|controleren|bekijken|nakijken|afspreken|"
    r"langskomen|reageer|reageren|doorgeven)"
)
NL = _cues(
    r"\b(?:als|mocht|indien) (?:je|u|jullie) (?:nog )?(?:\w+ ){0,2}?(?:vragen|hulp|iets nodig)|"
    r"\bbij vragen\b|aarzel niet|schroom niet|neem gerust contact|\bgeadresseerde\b",
    commit=[
        rf"^(?!.*\b(?:heb|hebben|had|hadden)\s+(?:ik|we|wij)\b).*?\b(?P<who>ik|wij|we)\s+"
        rf"(?!(?:heb|hebben|had|hadden)\b)(?:\S+\s+){{0,4}}?(?P<act>{_NL_ACT})\b",
        r"\b(?P<act>bel|stuur|mail|laat|kom|neem|hou|houd)\s+(?:ik|we|wij)\b",
    ],
    request=[
        rf"\b(?:kun|kunt|kan|kunnen|zou|zoudt|zouden|wil|wilt|willen)\s+(?:je|jij|u|jullie)\b[^.?!]*?\b(?P<act>{_NL_ACT})\b",
        rf"\b(?:graag|alsjeblieft|alstublieft|gelieve)\b[^.?!]*?\b(?P<act>{_NL_ACT}|ontvangen|ontvang)\b",
        r"^(?P<act>laat (?:me|mij|ons) (?:\w+ )?weten|stuur (?:me|mij|ons)|bel (?:me|mij|ons))\b",
    ],
    propose=[
        r"\b(?:zullen|kunnen|laten) we\b[^.?!]*?\b(?P<act>afspreken|bellen|spreken|praten|overleggen)\b",
        r"\b(?P<act>spreken we (?:elkaar|af))\b",
    ],
)

_DA_ACT = (
    r"(?:ringer|ringe|sender|sende|skriver|skrive|kontakter|kontakte|vender tilbage|vende tilbage|"
    r"melder tilbage|giver (?:\S+ )?besked|give (?:\S+ )?besked|holder (?:\S+ )?orienteret|"
    r"holde (?:\S+ )?orienteret|bekræfte|tjekke|tjekker|kigge på|kigger på|mødes|tale sammen|"
    r"svare|svarer|bekræfter|følge op|ringes ved)"
)
DA = _cues(
    r"\bhvis (?:du|I|De) har (?:nogen |yderligere )?(?:spørgsmål|brug for)|tøv ikke|"
    r"velkommen til at kontakte|til rådighed|\bmodtager\b",
    commit=[
        rf"^(?!.*\b(?:har|havde)\s+(?:jeg|vi)\b).*?\b(?P<who>jeg|vi)\s+"
        rf"(?!(?:har|havde)\b)(?:\S+\s+){{0,3}}?(?P<act>{_DA_ACT})\b",
        r"\b(?P<act>ringer|sender|skriver|vender|kontakter)\s+(?:jeg|vi)\b",
    ],
    request=[
        rf"\b(?:kan|kunne|vil|gider)\s+(?:du|I|De)\b[^.?!]*?\b(?P<act>{_DA_ACT}|sende|ringe)\b",
        r"^(?P<act>send (?:mig|os)|ring (?:venligst )?(?:til mig|til os|mig|os|tilbage)|"
        r"giv (?:mig|os) besked|skriv (?:til )?(?:mig|os))",
    ],
    propose=[
        r"\blad os\b[^.?!]*?\b(?P<act>mødes|møde|tale|snakke|snak|ringe|ringes|aftale)\b",
        r"\b(?P<act>vi ses|vi tales ved|ses vi)\s+(?:på|i|næste|om)\b",
    ],
)

BY_LANGUAGE: dict[str, Cues] = {"en": EN, "de": DE, "fr": FR, "es": ES, "nl": NL, "da": DA}

# Mail about being away answers on its own; its "I will reply when I return" is no promise.
OUT_OF_OFFICE = re.compile(
    r"\b(?:out of (?:the )?office|away from (?:the|my) (?:office|desk)|automatic reply|auto-?reply|"
    r"abwesenheitsnotiz|nicht im büro|außer haus|automatische antwort|absente? du bureau|"
    r"réponse automatique|fuera de la oficina|respuesta automática|afwezig|niet op kantoor|"
    r"automatisch antwoord|ikke på kontoret|fraværende|autosvar)\b",
    _F,
)
# Newsletters and list mail carry a way out in the text even when their headers were stripped.
UNSUBSCRIBE = re.compile(
    r"\b(?:unsubscribe|to be removed from|abmelden|abbestellen|se désinscrire|désabonner|"
    r"darse de baja|darte de baja|afmelden|uitschrijven|afmeld)\w*|"
    r"\bremove your (?:name|address|e-?mail)|\bview (?:this|it|the) (?:e-?mail |newsletter )?in your browser|"
    r"\bmanage (?:your )?(?:e-?mail |subscription )?preferences",
    _F,
)
# "Attached is ..." sends now: nothing is left to follow up.
ATTACHED_NOW = re.compile(
    r"\b(?:attached|enclosed|herewith|anbei|beigefügt|im anhang|ci-joint|en pièce jointe|adjunto|"
    r"bijgevoegd|in de bijlage|vedhæftet)\b",
    _F,
)
