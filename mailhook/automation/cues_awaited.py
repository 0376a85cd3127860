"""An answer awaited on a named subject, per language: "Quedo a la espera de sus comentarios sobre
las condiciones", "Ik kijk uit naar je reactie op het voorstel", "Ser frem til
tilbakemeldingen din på planen": the reader is to answer on it. The closing formula alone ("quedo a
la espera de sus noticias", "ich freue mich auf Ihre Antwort") names nothing to answer on and stays a
courtesy; French "dans l'attente de ..." and German "ich freue mich auf Ihre Rückmeldung" are one
in every use (their courtesy patterns). Written from
each language's grammar, never from a message."""

from __future__ import annotations

from mailhook.automation.lexicon import words


def _reader_around(answer: str, possessive: str) -> tuple[str, str]:
    """(yours, answer) for languages that put the reader's possessive before the noun or after
    it ("din tilbakemelding", "tilbakemeldingen din"): one of the two is required ("venter på
    svaret fra banken" awaits a third party). The possessive ends at a word boundary, never with
    whitespace of its own, so no two whitespace runs meet (a run of spaces cost cubic time)."""
    after = rf"(?:{answer})\s+(?:{possessive})\b"
    return rf"(?:{possessive})\b|(?=(?:\w+\s+)?{after})", rf"{after}|(?:{answer})"


# The reader's answer: a possessive of the reader (before the noun, or after it where the language
# puts it there), then a noun of answering, then a preposition naming what it is on.
_AWAITED = {
    "en": (r"(?:i\s+am|i'm|we\s+are|we're)?\s*looking\s+forward\s+to"
           r"|(?:i|we)\s+(?:look|await)(?:\s+forward\s+to)?",
           r"your|the\s+team's", words("feedback", "comments", "thoughts", "input", "views", "opinion"),
           words("on", "regarding", "about", "concerning")),
    "es": (r"(?:quedo|quedamos|estoy|estamos|quedaré|quedaremos)\s+a\s+la\s+espera\s+de"
           r"|(?:espero|esperamos)",
           r"su|sus|tu|tus|vuestr[oa]s?",
           words("comentarios", "respuesta", "opinión", "valoración", "confirmación", "observaciones",
                 "impresiones", "feedback"),
           words("sobre", "acerca de", "respecto a", "respecto de", "en cuanto a")),
    "pt": (r"(?:fico|ficamos)\s+a\s+aguardar|(?:aguardo|aguardamos)",
           r"(?:o|a|os|as)\s+(?:seu|sua|seus|suas|vosso|vossa|vossos|vossas|teu|tua)",
           words("comentários", "resposta", "opinião", "feedback", "parecer", "observações", "confirmação"),
           words("sobre", "acerca d[aoe]s?", "relativamente a", "quanto a")),
    # "in attesa della Sua conferma per procedere ...": the article joined to "di", an answer to
    # go ahead on ("per" and what is to be done)
    "it": (r"(?:resto|restiamo|rimango|rimaniamo)\s+in\s+attesa\s+(?:d[ie]|del|dell[ae]|dei|degli)"
           r"|(?:attendo|attendiamo|aspetto|aspettiamo)",
           r"(?:un|il|i|una|la)\s+(?:Suo|suo|tuo|vostro|Sua|sua|tua|vostra)|(?:i|il)\s+(?:Suoi|suoi|tuoi|vostri)"
           r"|(?<=\bdell[ae]\s)(?:Sua|sua|tua|vostra)|(?<=\bdel\s)(?:Suo|suo|tuo|vostro)",
           words("riscontro", "commenti", "parere", "feedback", "risposta", "osservazioni", "opinione",
                 "conferma", "approvazione", "autorizzazione"),
           words("su", "sul", "sulla", "sui", "sulle", "riguardo a", "in merito a", "per")),
    "nl": (r"(?:ik\s+kijk|we\s+kijken|wij\s+kijken)\s+uit\s+naar|in\s+afwachting\s+van"
           r"|(?:ik\s+wacht|we\s+wachten)\s+op",
           r"je|jouw|uw|jullie",
           words("reactie", "feedback", "opmerkingen", "mening", "antwoord", "terugkoppeling"),
           words("op", "over", "betreffende", "aangaande")),
    "no": (r"(?:jeg|vi)\s+ser\s+fram\s+til|(?:jeg|vi)\s+venter\s+på",
           *_reader_around(words("tilbakemelding(?:en)?", "kommentarer", "innspill", "synspunkter",
                                 "svar(?:et)?"), "din|deres|Deres"),
           words("på", "om", "angående", "til")),
    "da": (r"(?:jeg|vi)\s+ser\s+frem\s+til|(?:jeg|vi)\s+venter\s+på",
           *_reader_around(words("tilbagemelding(?:en)?", "kommentarer", "input", "synspunkter",
                                 "svar(?:et)?"), "din|jeres|Deres"),
           words("på", "om", "angående", "til")),
    "sv": (r"(?:jag|vi)\s+ser\s+fram\s+emot|(?:jag|vi)\s+väntar\s+på",
           *_reader_around(words("återkoppling(?:en)?", "synpunkter", "kommentarer", "feedback",
                                 "svar(?:et)?"), "din|er|era|Er"),
           words("på", "om", "angående", "kring")),
    "pl": (r"(?:czekam|czekamy|oczekuję|oczekujemy)\s+na",
           r"(?:Pana|Pani|Państwa|twoją|twoje|wasze|waszą)",
           words("opinię", "uwagi", "komentarze", "odpowiedź", "informację zwrotną", "stanowisko"),
           words("na temat", "w sprawie", "dotyczące", "dotyczącą", "odnośnie", "co do")),
}

AWAITED: dict[str, list[str]] = {
    "fr": [],
    "de": [],
    **{lang: [rf"\b(?:{wait})\s+(?P<act>(?:{yours})\s*(?:\w+\s+)?(?:{answer})\s+(?:{topic})\s+\S+)"]
       for lang, (wait, yours, answer, topic) in _AWAITED.items()},
}
