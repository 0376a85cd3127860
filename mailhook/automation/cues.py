"""Follow-up cues of every language we read, and the lines that void a whole message."""

from __future__ import annotations

import re

from mailhook.automation.cues_dutch import NL
from mailhook.automation.cues_iberian import ES, PT
from mailhook.automation.cues_nordic import DA, NO, SV
from mailhook.automation.cues_polish import PL
from mailhook.automation.cues_romance import FR, IT
from mailhook.automation.cues_west import DE, EN
from mailhook.automation.lexicon import ASK, COMMIT, NEED, PROPOSE, REQUEST, Cues

__all__ = ["ASK", "COMMIT", "NEED", "PROPOSE", "REQUEST", "Cues", "BY_LANGUAGE"]

_F = re.IGNORECASE | re.UNICODE

BY_LANGUAGE: dict[str, Cues] = {
    "en": EN, "de": DE, "fr": FR, "es": ES, "it": IT, "nl": NL, "pt": PT, "da": DA, "sv": SV, "no": NO,
    "pl": PL,
}

# Mail about being away answers on its own; its "I will reply when I return" is no promise.
OUT_OF_OFFICE = re.compile(
    r"\b(?:out of (?:the )?office|away from (?:the|my) (?:office|desk)|automatic reply|auto-?reply|"
    r"abwesenheitsnotiz|nicht im büro|außer haus|automatische antwort|absente? du bureau|"
    r"réponse automatique|fuera de la oficina|respuesta automática|afwezig|niet op kantoor|"
    r"automatisch antwoord|ikke på kontoret|fraværende|autosvar|fuori (?:ufficio|sede)|risposta automatica|"
    r"(?:ausente|fora) do escritório|resposta automática|inte på kontoret|frånvarande|ikke på kontoret|"
    r"poza biurem|automatyczna odpowiedź|"
    # On leave, said in the present ("I'm on holiday until ...", "jestem na urlopie do ...").
    r"(?:i am|i'm|ich bin|je suis|estoy|sono|ik ben|estou|jeg er|jag är|"
    r"jestem)\s+(?:\S+\s+){0,4}?(?:on holiday|"
    r"on vacation|on (?:annual |parental )?leave|im urlaub|in urlaub|en congés?|en vacances|de vacaciones|"
    r"in ferie|"
    r"met vakantie|de férias|på ferie|på semester|na urlopie)|"
    r"(?:jeg|vi) (?:har|holder) ferie|jag har semester)\b",
    _F,
)
# Newsletters and list mail carry a way out in the text even when their headers were stripped.
UNSUBSCRIBE = re.compile(
    r"\b(?:unsubscribe|to be removed from|abmelden|abbestellen|se désinscrire|désabonner|"
    r"darse de baja|darte de baja|afmelden|uitschrijven|afmeld|disiscriv|annullare l'iscrizione|"
    r"cancelar a subscrição|descadastr|deixar de receber|avregistrera|avsluta prenumeration|avprenumerera|"
    r"meld deg av|avmeld|zrezygnować z subskrypcji|wypisać się|wypisz się)\w*|"
    r"\bremove your (?:name|address|e-?mail)|\bview (?:this|it|the) (?:e-?mail |newsletter )?in your browser|"
    r"\bmanage (?:your )?(?:e-?mail |subscription )?preferences",
    _F,
)
# "Attached is ..." sends now: nothing is left to follow up.
ATTACHED_NOW = re.compile(
    r"\b(?:attached|enclosed|herewith|anbei|beigefügt|im anhang|ci-joint|en pièce jointe|adjunto|"
    r"bijgevoegd|in de bijlage|vedhæftet|in allegato|em anexo|segue anexo|bifogat|bifogar|vedlagt|"
    r"w załączniku|w załączeniu|załączam)\b",
    _F,
)
