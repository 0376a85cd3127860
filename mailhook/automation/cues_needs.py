"""Needs stated as what would help or be appreciated ("Jag skulle uppskatta ett snabbt svar",
"Es wäre hilfreich, wenn wir den Plan hätten", "We zouden de prijslijst nodig hebben"): the
reader is to provide it, per language. Conditional forms only: "I appreciate your help" thanks.
And needs with an adverb inside the verb ("nous avons encore besoin d'une copie", "abbiamo ancora
bisogno di", "Vi har også brug for"), what the author still lacks ("Vi mangler fortsatt ...", "uns
fehlt noch ...", "ci mancano ancora ...": with "still" where the verb also means missing a person),
and in English a thing needed with "a" ("we still need a copy of your certificate").
Written from our own sentences (the constructions the cues missed), not from any message."""

from __future__ import annotations

from mailhook.automation.lexicon import words

# What a customer needs from the reader, named with "a" in English ("we need a copy", not "a break").
_THING_EN = words("copy", "quote", "quotation", "invoice", "certificate", "confirmation", "receipt",
                  "statement", "offer", "estimate", "licen[cs]e", "key", "password", "credit note", "refund",
                  "replacement", "report", "contract", "form", "price list", "datasheet", "sample",
                  "decision", "proposal", "login", "account", "technician", "signature",
                  "approval", "callback")
_STILL = {
    "en": words("still", "also", "urgently", "really", "now", "just", "only", "first", "additionally"),
    "fr": words("encore", "aussi", "également", "toujours", "vraiment", "absolument", "urgemment",
                "d'urgence"),
    "it": words("ancora", "anche", "sempre", "davvero", "urgentemente", "assolutamente"),
    "da": words("også", "stadig", "stadigvæk", "fortsat", "endnu", "lige", "akut", "desuden"),
    "no": words("også", "fortsatt", "fremdeles", "stadig", "ennå", "bare", "akutt", "dessuten"),
}
_ADVERBS = {lang: rf"(?:{adverbs}\s+){{1,2}}" for lang, adverbs in _STILL.items()}

NEEDS: dict[str, list[str]] = {
    "en": [
        rf"\b(?:i|we)\s+(?:{_STILL['en']}\s+){{0,2}}need\s+(?P<act>(?:an?|one more|another)\s+"
        rf"(?:[\w-]+\s+){{0,2}}?"
        rf"{_THING_EN})\b",
    ],
    "de": [
        r"\b(?:uns|mir)\s+fehl(?:t|en)\s+(?:(?:noch|immer noch|leider noch)\s+)(?P<act>\w)",
        r"\b(?:über|für)\s+(?P<act>(?:eine|einen|ein|Ihre|deine|eure)\s+(?:\S+\s+){0,3}?(?:Rückmeldung|Antwort"
        r"|Nachricht|Info|Information|Bestätigung))\s+würde(?:n)? (?:ich|wir) (?:mich|uns)\s+"
        r"(?:sehr\s+)?freuen",
        r"\bes wäre (?:sehr |echt |wirklich )?(?:hilfreich|gut|toll|praktisch|schön), wenn\s+"
        r"(?P<act>(?:wir|ich)\s+(?:\S+\s+){1,8}?(?:hätten|bekämen|erhielten|hätte|bekäme))\b",
        # A wish that something be done ("würde mich sehr freuen, wenn ... behoben sein könnte");
        # the sentence is already split, so a dot inside it ("Tine 2.0") ends nothing.
        r"\b(?:(?:ich|wir|es)\s+)?würden?\s+(?:mich|uns)\s+(?:sehr\s+|riesig\s+|wirklich\s+)?freuen,?\s+wenn\s+"
        r"(?P<act>(?:\S+\s+){1,20}?(?:könnte|könnten|würde|würden|wäre|wären))\b",
    ],
    "fr": [
        rf"\b(?:j'ai|nous avons|on a|j'aurais|nous aurions)\s+{_ADVERBS['fr']}besoin\s+(?:d'|de\s+|du\s+"
        r"|des\s+)(?P<act>\w)",
    ],
    "es": [
        r"\b(?:nos|me)\s+(?:hace|hacen|haría|harían)\s+falta\s+(?:(?:también|todavía|aún|además)\s+)?"
        r"(?P<act>(?:un|una|unos|unas|el|la|los|las|su|sus|tu|tus|vuestr[oa]s?)\b)",
        r"\b(?:nos|me)\s+falta(?:n)?\s+(?:todavía|aún)\s+(?P<act>(?:un|una|el|la|los|las|su|sus)\b)",
    ],
    "it": [
        rf"\b(?:ho|abbiamo|avrei|avremmo)\s+{_ADVERBS['it']}bisogno\s+(?:di|del|della|dei|delle|dello|degli"
        r"|d')\s*(?P<act>\w)",
        r"\b(?:ci|mi)\s+(?:manca|mancano)\s+ancora\s+(?P<act>\w)",
        r"\b(?:ho|abbiamo|avrei|avremmo)\s+(?:urgente\s+)?bisogno\s+che\s+(?P<act>\w+)",
    ],
    "nl": [
        r"\b(?:we|wij|ik)\s+(?:missen|mis)\s+(?:nog|nog steeds|nog altijd)\s+"
        r"(?P<act>(?:de|het|een|uw|jullie|je)\b)",
        r"\b(?P<act>(?:een|uw|je|jullie)\s+(?:\S+\s+){0,3}?(?:antwoord|reactie|bevestiging|terugkoppeling))\s+"
        r"(?:zou|zouden)\s+(?:ik|we|wij)\s+(?:erg |zeer |enorm )?(?:waarderen|op prijs stellen)\b",
        r"\b(?:we|wij|ik)\s+(?:zou|zouden)\s+(?P<act>(?:\S+\s+){1,6}?)nodig hebben\b",
        r"\bhet zou (?:erg |enorm )?(?:helpen|fijn zijn|handig zijn|prettig zijn) als\s+"
        r"(?P<act>(?:we|wij|ik)\s+(?:\S+\s+){1,8}?(?:hebben|hadden|krijgen|kregen|ontvangen))\b",
    ],
    "pt": [
        r"\b(?:falta(?:m)?-(?:nos|me)|(?:ainda )?(?:nos|me) falta(?:m)?)\s+(?:ainda\s+)?"
        r"(?P<act>(?:o|a|os|as|um|uma)\b)",
        r"\b(?:dava|daria)-(?:nos|me) (?:muito )?jeito\s+(?P<act>(?:ter|receber)\s+\S+)",
    ],
    "da": [
        rf"\b(?:(?:jeg|vi)\s+har|har\s+(?:jeg|vi))\s+{_ADVERBS['da']}brug for\s+(?P<act>\w)",
        rf"\b(?:(?:jeg|vi)\s+(?:mangler|behøver)\s+{_ADVERBS['da']}|(?:mangler|behøver)\s+(?:jeg|vi)\s+)"
        r"(?P<act>\w)",
        r"\bjeg (?:vil|ville) (?:sætte|sætter) (?:stor |meget )?pris på\s+(?P<act>\S+\s+\S+)",
    ],
    "sv": [
        r"\b(?:(?:jag|vi)\s+saknar|saknar\s+(?:jag|vi))\s+"
        r"(?:fortfarande|fortfarande bara|ännu|än så länge)\s+"
        r"(?P<act>\w)",
        r"\b(?:jag|vi) skulle (?:verkligen |mycket )?uppskatta\s+(?P<act>\S+\s+\S+)",
    ],
    "no": [
        r"\b(?:(?:jeg|vi)\s+mangler|mangler\s+(?:jeg|vi))\s+(?:(?:fortsatt|fremdeles|stadig|ennå|bare)\s+)?"
        r"(?P<act>\w)",
        rf"\b(?:jeg|vi)\s+(?:trenger|behøver)\s+{_ADVERBS['no']}(?P<act>\w)",
        r"\bjeg (?:ville|vil) (?:satt|sette) (?:stor |veldig )?pris på\s+(?P<act>\S+\s+\S+)",
    ],
    "pl": [
        r"\bbrakuje\s+(?:nam|mi)\s+(?:jeszcze\s+|nadal\s+|wciąż\s+)?(?P<act>\w)",
        r"\bprzydał(?:by|aby|oby|yby) (?:się )?(?:nam|mi)\s+(?P<act>\S+)",
    ],
}
