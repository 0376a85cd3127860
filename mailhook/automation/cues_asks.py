"""Requests the languages' own cues missed, per language: imperatives with the pronoun attached at
the head of the sentence in the plural and formal forms ("Avísenme cuando esté", "Mandatemi il
preventivo", "Avisem-me quando estiver"), "please" said as a phrase in Norwegian and Danish ("Vær så
snill å sjekke ..."), a request put as a hope ("Jeg håper dere kan hjelpe meg", "Jag hoppas att ni
kan ..."), appreciation in the present for what the reader may do ("Vi setter pris på om dere kan
se på dette"), a call wished for in the passive ("Jeg blir gjerne oppringt"), a quote wished for ("Vi
ønsker tilbud på ..."), formal requests ("Je vous saurais gré de ...", "Solicitamos el reembolso
..."), a polite past of need
("Vi hadde trengt en kopi") and a customer's money wanted back ("Jeg vil ha pengene tilbake", "Quero
o meu dinheiro de volta", "Voglio indietro i miei soldi").
Apologies and verbs of feeling that take the same pronoun ("Perdónenme", "Scusatemi", "Parece-me")
are left out. Written from each language's grammar and our own sentences, never from a message."""

from __future__ import annotations

from mailhook.automation.lexicon import words

# Words that open a sentence with an attached pronoun without asking anything.
_NOT_ASKED = {
    "es": r"(?:perd[oó]n|disculp|excús|exc[uú]s)\w*",
    "it": r"(?:scus|perdon)\w*",
    "pt": r"(?:desculp|perdo|parec|agrad|interess|falt|cust|apetec|lembr|preocup|encant|import"
          r"|sinto|sinta)\w*",
}
_CLITIC_IMPERATIVE = {
    # ustedes "Envíenme", vosotros "Mandadme": the verb, its ending, the pronoun of the author.
    "es": r"\w+(?:en|an|ad|ed|id)(?:me|nos)(?:lo|la|los|las)?",
    # voi "Mandatemi", "Fatemi sapere"; tu "Mandami", "Fammi sapere".
    "it": r"\w+(?:ate|ete|ite)(?:mi|ci|melo|mela|celo|cela)|" + words(
        "mandami", "fammi", "dimmi", "chiamami", "richiamami", "scrivimi", "inviami", "avvisami", "girami",
        "mandaci", "facci", "dicci", "chiamaci", "scrivici", "inviaci", "avvisaci"),
    # vocês "Avisem-me", você "Diga-me", tu "Liga-me".
    "pt": r"\w+(?:em|am|e|a)-(?:me|nos)",
}
_PLEASE = {"no": r"vær (?:så )?snill (?:og|å)", "da": r"vær (?:så )?(?:sød|venlig) (?:og|at)"}
_HOPE = {
    "en": r"i (?:really )?hope (?:that )?you (?:can|could|will be able to)",
    "no": r"(?:jeg|vi) håper (?:at )?(?:du|dere) (?:kan|vil|kunne)",
    "da": r"(?:jeg|vi) håber,? (?:at )?(?:du|(?-i:I)) (?:kan|vil|kunne)",
    "sv": r"(?:jag|vi) hoppas,? (?:att )?(?:du|ni) (?:kan|vill|kunde)",
}
_NEEDED_ONCE = {"no": r"(?:jeg|vi) (?:hadde|skulle hatt) trengt", "sv": r"(?:jag|vi) hade behövt",
                "da": r"(?:jeg|vi) (?:ville|skulle) have brug for"}
# Appreciation in the present for what the reader may do ("Vi setter pris på om dere kan se på dette"):
# the Scandinavian way of asking politely; and a call wished for in the passive ("Jeg blir gjerne
# oppringt", "Jag blir gärna uppringd").
# After "at"/"att" (that) only with a modal: "at du tok kontakt med oss" thanks for what was done.
_APPRECIATE_IF = {
    "no": r"(?:jeg|vi) (?:setter|hadde satt|ville satt) (?:stor |veldig )?pris på (?:(?:om|hvis)"
          r" (?:du|dere|De) (?:kan |kunne |vil )?|at (?:du|dere|De) (?:kan|kunne|vil) )",
    "da": r"(?:jeg|vi) (?:sætter|ville sætte) (?:stor |meget )?pris på,? (?:(?:om|hvis) (?:du|(?-i:I)|De)"
          r" (?:kan |kunne |vil )?|at (?:du|(?-i:I)|De) (?:kan|kunne|vil) )",
    "sv": r"(?:jag|vi) (?:uppskattar|skulle uppskatta) (?:verkligen |mycket )?(?:(?:om|ifall) (?:du|ni)"
          r" (?:kan |kunde |vill )?|att (?:du|ni) (?:kan|kunde|vill) )",
}
# A quote asked for as a wish ("Vi ønsker tilbud på 20 stoler", "Vi önskar en offert på ...").
_WANT_QUOTE = {
    "no": r"(?:jeg|vi) (?:ønsker|vil gjerne ha|skulle gjerne hatt) (?:et )?(?:nytt )?(?:pris)?tilbud på",
    "da": r"(?:jeg|vi) (?:ønsker|vil gerne have|vil gerne bede om) (?:et )?(?:nyt )?(?:pris)?tilbud på",
    "sv": r"(?:jag|vi) (?:önskar|vill gärna ha|skulle vilja ha) (?:en )?(?:ny )?(?:offert|prisuppgift) på",
}
_CALLED = {
    "no": r"(?:jeg|vi) (?:blir|vil bli) (?:gjerne|helst) (?:oppringt|ringt opp|kontaktet)",
    "da": r"(?:jeg|vi) (?:bliver|vil blive) (?:gerne|helst) (?:ringet op|kontaktet)",
    "sv": r"(?:jag|vi) blir (?:gärna|helst) (?:uppringd|uppringda|kontaktad|kontaktade)",
}
# Formal requests the languages' own cues missed: French "je vous saurais gré de (bien vouloir) ...",
# Spanish "(le) solicito" + what is asked for ("solicitamos" is the preterite too: "solicitamos la
# cita hace un mes"; Portuguese "solicitamos o ..." is read already).
_FORMAL = {
    "fr": r"(?:je|nous) vous (?:saurais|saurions) gré (?:de|d') ?(?:bien vouloir )?",
    "es": r"(?<!como )(?:les? )?solicito (?=(?:el|la|los|las|un|una|que|nos|me|su|sus)\b)",
}
# English: someone of the reader's side asked by the possessive ("Could your colleagues in the
# warehouse arrange a replacement?"), and "shall we ...?" after a fronted clause ("Rather than
# going back and forth by email, shall we have a call on Wednesday?").
_EN_MORE = [
    r"\b(?:can|could|would)\s+your\s+(?:[\w-]+\s+){1,4}?(?P<act>arrange|send|check|look|confirm|provide|fix"
    r"|call|contact|review|update|issue|ship|replace|prepare|share|investigate|resend|refund)\b(?=[^.!]*\?)",
    r",\s*shall we\s+(?P<act>(?:have|set up|schedule|book|arrange|meet|talk|speak|plan|do|say)\b)"
    r"(?=[^.!]*\?)",
]
# A customer wanting their money back: the reader is to refund it.
_MONEY_BACK = {
    "en": r"i (?:want|would like|'d like) (?:my money back|a (?:full )?refund)",
    "de": r"ich (?:will|möchte|hätte gern|hätte gerne) (?:mein Geld zurück|eine Rückerstattung)",
    "fr": r"je (?:veux|voudrais|souhaite) (?:être remboursée?|un remboursement|récupérer mon argent)",
    "es": r"(?:quiero|quisiera) (?:que me devuelvan|mi dinero|el reembolso|un reembolso)",
    "it": r"(?:voglio|vorrei) (?:indietro i miei soldi|i miei soldi indietro|il rimborso"
          r"|un rimborso|essere rimborsat)",
    "nl": r"ik (?:wil|zou graag) (?:mijn geld terug|een terugbetaling)",
    "pt": r"(?:quero|queria|gostaria de ter) (?:o meu dinheiro de volta|o reembolso"
          r"|um reembolso|ser reembolsad)",
    "da": r"jeg (?:vil|vil gerne) have (?:pengene|mine penge|refusion)",
    "sv": r"jag (?:vill|skulle vilja) ha (?:pengarna|mina pengar|återbetalning)",
    "no": r"jeg (?:vil|vil gjerne) ha (?:pengene|refusjon)",
    "pl": r"(?:chcę|chciał(?:a|)bym) (?:zwrotu pieniędzy|odzyskać pieniądze|zwrot pieniędzy)",
}


def _asks(lang: str) -> list[str]:
    found = []
    if lang in _CLITIC_IMPERATIVE:
        found.append(rf"^\W*(?!{_NOT_ASKED[lang]}\b)(?P<act>(?:{_CLITIC_IMPERATIVE[lang]}))(?![\w-])")
    if lang in _PLEASE:
        found.append(rf"\b{_PLEASE[lang]}\s+(?P<act>\w+)")
    if lang in _HOPE:
        found.append(rf"\b{_HOPE[lang]}\s+(?P<act>\w+)")
    if lang in _NEEDED_ONCE:
        found.append(rf"\b{_NEEDED_ONCE[lang]}\s+(?P<act>\w+)")
    if lang in _APPRECIATE_IF:
        found.append(rf"\b{_APPRECIATE_IF[lang]}(?P<act>\w+)")
        found.append(rf"\b(?P<act>{_CALLED[lang]})(?!\w)")
        found.append(rf"\b(?P<act>{_WANT_QUOTE[lang]})\s+\S")
    if lang in _FORMAL:
        found.append(rf"\b{_FORMAL[lang]}(?P<act>\w+)")
    found.append(rf"\b(?P<act>{_MONEY_BACK[lang]})(?!\w)")
    return found + (_EN_MORE if lang == "en" else [])


ASKS: dict[str, list[str]] = {lang: _asks(lang) for lang in _MONEY_BACK}
