"""Needs stated as what would help or be appreciated ("Jag skulle uppskatta ett snabbt svar",
"Es wäre hilfreich, wenn wir den Plan hätten", "We zouden de prijslijst nodig hebben"): the
reader is to provide it, per language. Conditional forms only: "I appreciate your help" thanks.
Written from our own sentences (the constructions the cues missed), not from any message."""

from __future__ import annotations

NEEDS: dict[str, list[str]] = {
    "en": [],
    "de": [
        r"\b(?:über|für)\s+(?P<act>(?:eine|einen|ein|Ihre|deine|eure)\s+(?:\S+\s+){0,3}?(?:Rückmeldung|Antwort"
        r"|Nachricht|Info|Information|Bestätigung))\s+würde(?:n)? (?:ich|wir) (?:mich|uns)\s+"
        r"(?:sehr\s+)?freuen",
        r"\bes wäre (?:sehr |echt |wirklich )?(?:hilfreich|gut|toll|praktisch|schön), wenn\s+"
        r"(?P<act>(?:wir|ich)\s+(?:\S+\s+){1,8}?(?:hätten|bekämen|erhielten|hätte|bekäme))\b",
    ],
    "fr": [],
    "es": [],
    "it": [],
    "nl": [
        r"\b(?P<act>(?:een|uw|je|jullie)\s+(?:\S+\s+){0,3}?(?:antwoord|reactie|bevestiging|terugkoppeling))\s+"
        r"(?:zou|zouden)\s+(?:ik|we|wij)\s+(?:erg |zeer |enorm )?(?:waarderen|op prijs stellen)\b",
        r"\b(?:we|wij|ik)\s+(?:zou|zouden)\s+(?P<act>(?:\S+\s+){1,6}?)nodig hebben\b",
        r"\bhet zou (?:erg |enorm )?(?:helpen|fijn zijn|handig zijn|prettig zijn) als\s+"
        r"(?P<act>(?:we|wij|ik)\s+(?:\S+\s+){1,8}?(?:hebben|hadden|krijgen|kregen|ontvangen))\b",
    ],
    "pt": [
        r"\b(?:dava|daria)-(?:nos|me) (?:muito )?jeito\s+(?P<act>(?:ter|receber)\s+\S+)",
    ],
    "da": [
        r"\bjeg (?:vil|ville) (?:sætte|sætter) (?:stor |meget )?pris på\s+(?P<act>\S+\s+\S+)",
    ],
    "sv": [
        r"\b(?:jag|vi) skulle (?:verkligen |mycket )?uppskatta\s+(?P<act>\S+\s+\S+)",
    ],
    "no": [
        r"\bjeg (?:ville|vil) (?:satt|sette) (?:stor |veldig )?pris på\s+(?P<act>\S+\s+\S+)",
    ],
    "pl": [
        r"\bprzydał(?:by|aby|oby|yby) (?:się )?(?:nam|mi)\s+(?P<act>\S+)",
    ],
}
