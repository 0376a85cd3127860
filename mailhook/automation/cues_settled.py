"""What undoes the eighth round's cues (cues_indirect.py) in the same sentence, per language: the
author's question to themselves already settled ("I was wondering whether to fly, and decided to",
"we wanted to know whether it leaked, so we hired a surveyor"), a deadline someone else said would
be ideal ("my manager said that by Friday would be ideal"), a "we could talk" that is a figure of
speech ("we could talk for hours about that trip"). Written from FOLLOWUP.md and sentences of our
own (issue 15, review of the eighth round), as word lists, never from a message."""

from __future__ import annotations

from mailhook.automation.lexicon import words

# A decision or an outcome the author tells in the past after the indirect question: nothing is left
# to answer. The author's own (a first person's verb form, or "and decided"): "whether you decided"
# is a question. (A first person's past after "so" / "por isso" marks a consequence already drawn:
# "so we hired", "por isso chamei".)
SETTLED = {
    "en": words(r"(?:and|but|i|we)\s+(?:then\s+|finally\s+|eventually\s+)?(?:decided|chose|opted|settled on)",
                r"so (?:i|we) \w+ed\b"),
    "de": words(r"(?:habe|hab) (?:ich\s+)?(?:mich\s+)?(?:\S+\s+){0,3}?(?:entschieden|entschlossen)",
                r"haben (?:wir\s+)?(?:uns\s+)?(?:\S+\s+){0,3}?(?:entschieden|entschlossen)",
                r"(?:ich|wir) (?:\S+\s+)?(?:beschloss|beschlossen|entschied|entschieden)\b",
                r"(?:also|deshalb|daher) (?:habe ich|haben wir)", r"und (?:er|sie|es) war(?:en)? es"),
    "fr": words(r"(?:j'ai|nous avons|on a) (?:finalement\s+)?(?:décidé|choisi|opté)",
                r"(?:alors|donc|du coup) (?:j'ai|nous avons)"),
    "es": words(r"decid(?:í|imos)\b", r"(?:he|hemos) decidido", r"opt(?:é|amos)\b"),
    "it": words(r"(?:ho|abbiamo) (?:deciso|scelto|optato)", "così ho", "quindi ho", "quindi abbiamo"),
    "nl": words(r"besloot ik\b", r"besloten (?:we|wij)\b", r"(?:en|maar) (?:\S+\s+)?(?:besloot|besloten)\b",
                r"(?:heb ik|hebben we|hebben wij) (?:\S+\s+)?(?:besloten|gekozen)",
                "dus heb ik", "dus hebben we"),
    "pt": words(r"decid(?:i|imos)\b", r"opt(?:ei|ámos|amos)\b", r"acab(?:ei|ámos|amos) por",
                r"por isso \w+ei\b"),
    "da": words(r"(?:og|men|jeg|vi) (?:\S+\s+)?(?:besluttede|valgte)\b",
                r"(?:besluttede|valgte) (?:jeg|vi)\b"),
    "sv": words(r"(?:och|men|jag|vi) (?:\S+\s+)?(?:bestämde|beslutade|valde)\b",
                r"(?:bestämde|beslutade|valde) (?:jag|vi)\b"),
    "no": words(r"(?:og|men|jeg|vi) (?:\S+\s+)?(?:bestemte|besluttet|valgte)\b",
                r"(?:bestemte|besluttet|valgte) (?:jeg|vi)\b"),
    "pl": words(r"postanowi(?:łam|łem|liśmy|łyśmy)", r"zdecydowa(?:łam|łem|liśmy|łyśmy)",
                r"wybra(?:łam|łem|liśmy|łyśmy)"),
}
# Another person's words reported: their deadline, not one put to the reader by the author.
REPORTED = {
    "en": words("said", "told me", "told us", "says"), "de": words("gesagt", "meinte", "sagte"),
    "fr": words("m'a dit", "nous a dit", "a dit", "disait"), "es": words("dijo", "ha dicho", "decía"),
    "it": words("ha detto", "diceva", "disse"), "nl": words("zei", "zegt", "heeft gezegd"),
    "pt": words("disse", "dizia"), "da": words("sagde", "sagt"), "sv": words("sade", "sa att", "sagt"),
    "no": words("sa at", "sagt"), "pl": words(r"powiedział\w*", r"mówił\w*"),
}
# "That", opening what was said.
_THAT = words("that", "dass", "que", "qu'", "che", "dat", "at", "att", "że")
# Talk that goes on for hours is a figure of speech, not a meeting proposed.
IDLE = {
    "en": words("for hours", "all day", "all night", "forever", "for ages"),
    "de": words("stundenlang", "ewig", "tagelang"), "fr": words("des heures", "pendant des heures"),
    "es": words("horas", "durante horas", "días enteros"), "it": words(r"per ore(?!\s*\d)", "all'infinito"),
    "nl": words("urenlang", "uren"), "pt": words("horas", "durante horas"),
    "da": words("i timevis", "i evigheder"), "sv": words("i timmar", "i evigheter"),
    "no": words("i timevis", "i evigheter"), "pl": words("godzinami", "bez końca"),
}


def unsettled(lang: str) -> str:
    """A lookahead: no decision or outcome later in the sentence."""
    return rf"(?![^.?!]*\b{SETTLED[lang]})"


def not_reported(lang: str) -> str:
    """A lookahead, put at the sentence's start: no one else's words reported in it ("my manager
    said that ...", "..., m'a dit mon chef"); "as our manager said" gives a reason and stays."""
    reported = REPORTED[lang]
    return rf"(?![^.?!]*\b{reported}\s+{_THAT}\b|[^.?!]*,\s*{reported}\b)"


def not_idle(lang: str) -> str:
    """A lookahead: the proposal is not followed by talk for hours."""
    return rf"(?!\s+(?:\S+\s+)?{IDLE[lang]}\b)"
