"""Deadlines set as an obligation on a thing, per language: something must be done or be somewhere
by a time ("the badges have to be delivered to the hotel by the 12th", "müssen die Wände
spätestens am 10. April in Hannover sein", "les kakémonos doivent être livrés au plus tard le 14",
"las estanterías tienen que estar montadas antes del jueves", "le sedie devono essere consegnate
entro il 30", "moeten de bureaus uiterlijk 28 augustus geleverd zijn", "os móveis têm de estar
montados até dia 1", "skal reolerne være leveret senest den 25.", "regały muszą zostać dostarczone
najpóźniej do 25 września"), and what the author must have by then ("må vi ha et tilbud senest
10. desember", "we need to have the figures before the board meets on the 3rd"), and the reader's
answer awaited by a time ("Attendo una vostra risposta entro lunedì").

A modal of obligation in the present or future of the third person (or of "you"), then within a few
words a deadline ("by", "bis", "entro", "innen" ... and a word of the time to come: cues_indirect's
tables). The author's own obligations ("we have to deliver by Friday", "wir müssen bis Freitag
...") are their work, not the reader's, unless what they must do is to have or receive something.
A conditional ("should arrive by Tuesday", "devrait arriver avant lundi") is news of a delivery,
a past ("had to be sent by Friday") a report, a negation something not to do: none of them is
matched. Written from FOLLOWUP.md and our own sentences (dev_longmail.jsonl), as constructions of
each language's grammar, never from a message of the corpus or of the held-out sets."""

from __future__ import annotations

from mailhook.automation.cues_indirect import BY, NEGATION, TIME
from mailhook.automation.lexicon import words

# Modals of obligation on a thing or on the reader, present or future (not the conditional: news).
_MUST = {
    "en": words("has to", "have to", "need to", "needs to", "must", "is to", "are to", "will have to",
                "will need to"),
    "de": words("muss", "müssen", "musst", "müsst"),
    "fr": words("doit", "doivent", "devra", "devront", "devez", "dois", "il faut", "il faudra"),
    "es": words("tiene que", "tienen que", "tienes que", "tendrá que", "tendrán que", "debe", "deben",
                "deberá", "deberán", "ha de", "han de"),
    "it": words("deve", "devono", "dovrà", "dovranno", "devi", "dovete", r"va(?=\s+\w+[aiu]t[oaie]\b)",
                r"vanno(?=\s+\w+[aiu]t[oaie]\b)"),
    "nl": words("moet", "moeten", "dient", "dienen"),
    "pt": words("tem de", "têm de", "tem que", "têm que", "deve", "devem", "deverá", "deverão", "terá de",
                "terão de", "tens de", "precisa de", "precisam de"),
    "da": words("skal", "må"),
    "sv": words("måste", "ska", "skall", "behöver"),
    "no": words("må", "skal"),
    "pl": words("musi", "muszą", "ma zostać", "mają zostać", "powinien", "powinna", "powinno", "powinny"),
}
# The author as the one who must: before the modal, or after it where a fronted phrase inverts.
_FIRST: dict[str, tuple[str, ...]] = {
    "en": ("i", "we"), "de": ("ich", "wir"), "fr": ("je", "nous"), "es": (), "it": (),
    "nl": ("ik", "we", "wij"),
    "pt": (), "da": ("jeg", "vi"), "sv": ("jag", "vi"), "no": ("jeg", "vi"), "pl": (),
}
# The author's own obligations whose object the reader provides: to have or receive something.
_MUST_HAVE = {
    "en": r"(?:i|we) (?:need|have|must|will need) (?:to )?(?:have|receive|get)",
    "de": r"(?:müssen|brauchen) wir (?:\S+ ){0,3}?(?:haben|bekommen|erhalten)|wir müssen (?:\S+ ){0,3}?"
          r"(?:haben|bekommen|erhalten)",
    "fr": r"(?:nous devons|je dois|il nous faut|il me faut) (?:absolument )?(?:avoir|recevoir|disposer d)",
    "es": r"(?:tenemos|tengo) que (?:tener|recibir)|(?:nos|me) (?:hace|hacen|haría|harían) falta",
    "it": r"(?:dobbiamo|devo) (?:avere|ricevere)",
    "nl": r"(?:moeten|willen) (?:we|wij) (?:\S+ ){0,3}?(?:hebben|krijgen|ontvangen)|(?:we|wij) moeten"
          r" (?:\S+ ){0,3}?(?:hebben|krijgen|ontvangen)",
    "pt": r"(?:temos|tenho) (?:de|que) (?:ter|receber)",
    "da": r"(?:skal|må) (?:vi|jeg) (?:have|få|modtage)|(?:vi|jeg) (?:skal|må) (?:have|få|modtage)",
    "sv": r"(?:måste|ska|behöver) (?:vi|jag) (?:ha|få)|(?:vi|jag) (?:måste|ska|behöver) (?:ha|få)",
    "no": r"(?:må|skal) (?:vi|jeg) (?:ha|få|motta)|(?:vi|jeg) (?:må|skal) (?:ha|få|motta)",
    "pl": r"(?:musimy|muszę) (?:mieć|otrzymać|dostać)",
}
# Waiting for the reader's answer by a time ("Attendo una vostra risposta entro lunedì"): without the
# time it is a courtesy close ("Resto in attesa di un vostro riscontro").
_AWAIT = {
    "en": r"(?:i|we) (?:await|expect|am waiting for|are waiting for)",
    "de": r"(?:ich erwarte|wir erwarten|ich warte auf|wir warten auf)",
    "fr": r"(?:j'attends|nous attendons)",
    "es": r"(?:espero|esperamos|quedo a la espera de|quedamos a la espera de)",
    "it": r"(?:attendo|attendiamo|resto in attesa di|rimango in attesa di|restiamo in attesa di)",
    "nl": r"(?:ik verwacht|wij verwachten|we verwachten|ik wacht op|we wachten op)",
    "pt": r"(?:aguardo|aguardamos|fico a aguardar|fico à espera de|ficamos a aguardar)",
    "da": r"(?:jeg forventer|vi forventer|jeg afventer|vi afventer|jeg venter på|vi venter på)",
    "sv": r"(?:jag förväntar mig|vi förväntar oss|jag inväntar|vi inväntar|jag väntar på|vi väntar på)",
    "no": r"(?:jeg forventer|vi forventer|jeg avventer|vi avventer|jeg venter på|vi venter på)",
    "pl": r"(?:oczekuję|oczekujemy|czekam na|czekamy na)",
}
_VERB_SECOND = frozenset({"de", "nl", "da", "sv", "no"})
_GAP = 8  # words between the modal and the deadline ("be delivered to the hotel in Leeds by ...")


def _obligations(lang: str) -> list[str]:
    # Not negated anywhere in the sentence ("it does not have to be ready by Friday").
    # (A top-level ".*?" gap: loosening cuts the pattern there, so the paragraph check stays linear.)
    head = rf"^(?:\W+)?(?![^?!]*\b(?:{NEGATION[lang]})\b).*?\b"
    deadline = rf"(?:\S+\s+){{0,{_GAP}}}?{BY[lang]}\s+(?:\S+\s+){{0,2}}?{TIME[lang]}"
    mine = "".join(rf"(?<!\b{word}\s)" for word in _FIRST[lang])  # lookbehinds are of fixed width
    # Where the verb comes second, a fronted phrase puts the subject after it ("müssen wir ...").
    after = rf"(?!\s+(?:{'|'.join(_FIRST[lang])})\b)" if lang in _VERB_SECOND else ""
    return [
        # The title reads from the thing that must be done: up to three words before the modal.
        rf"{head}(?P<act>(?:\w+\s+){{0,3}}?{mine}{_MUST[lang]}\b{after}\s+{deadline}.*)",
        rf"{head}(?:{_MUST_HAVE[lang]})\s+(?P<act>{deadline}.*)",
        rf"{head}{_AWAIT[lang]}\s+(?P<act>(?:\S+\s+){{0,4}}?{BY[lang]}\s+(?:\S+\s+){{0,2}}?{TIME[lang]}.*)",
    ]


# Behind the gate `personal` (intent.py, cues_plain.mail_gates): in mail to one reader only, of any
# length; in a team report or a list post a thing that must be done by Friday is the author's plan.
OBLIGATIONS: dict[str, list[str]] = {
    lang: ["(?P<personal>)" + p for p in _obligations(lang)] for lang in _MUST
}
