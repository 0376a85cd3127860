"""Status chasers of support mail, per language: the customer asks for news of their case ("any
news?", "gibt es schon Neuigkeiten?", "des nouvelles ?", "¿hay alguna novedad?"). Only the reader
can answer one, so the statement that often follows ("still the same error this morning") is the
reason for asking, never the author's own answer. Written from each language's words for news,
updates and progress, not from any message of the corpus or the held-out sets."""

from __future__ import annotations

import re

_NEWS = {
    "en": r"any (?:news|updates?|progress|word|feedback)|anything new (?:on|about|regarding|here)"
    r"|(?:is there )?(?:an? )?(?:update|news) (?:on|about|regarding)|what(?:'s| is) the (?:status|latest)",
    "de": r"(?:gibt es )?(?:schon |bereits |inzwischen )?(?:etwas |was )?neues"
    r"|(?:gibt es )?(?:schon |bereits )?neuigkeiten|wie ist der (?:aktuelle )?stand|schon was gehört",
    "fr": r"(?:des|de) nouvelles|du nouveau|(?:une |des )?(?:news|mise à jour)|où en (?:est|êtes|sommes)",
    "es": r"(?:¿\s*)?(?:hay |tenéis |tienen |tiene |tienes )?(?:alguna |algunas )?"
    r"(?:novedad(?:es)?|noticias?)|(?:¿\s*)?(?:hay )?algo nuevo|(?:¿\s*)?cómo va (?:lo|el|la|esto|mi|nuestr)",
    "it": r"(?:ci sono )?(?:delle |qualche )?novità|(?:ci sono )?(?:degli )?aggiornamenti"
    r"|(?:qualche )?aggiornamento|a che punto",
    "nl": r"(?:al |nog )?(?:nieuws|updates?)|(?:hoe is de )?stand van zaken|hoe staat het (?:met|ervoor)",
    "pt": r"(?:há |tem |temos |alguma |algumas )*novidades?|(?:alguma )?atualização|algum retorno"
    r"|(?:alguma )?notícia",
    "da": r"(?:er der )?noget nyt|nyt (?:om|i sagen)|hvordan går det med (?:sagen|det|den|min|vores)"
    r"|status på",
    "sv": r"(?:finns det )?(?:något|nåt) nytt|nytt (?:om|i ärendet)"
    r"|hur går det med (?:detta|det|ärendet|min|vår)|status på",
    "no": r"(?:er det )?noe nytt|nytt (?:om|i saken)|hvordan går det med (?:saken|det|den|min|vår)|status på",
    "pl": r"(?:jest |są )?(?:coś|cos) now(?:ego)?|(?:jakieś|jakies) (?:wieści|wiesci|informacje|nowości)"
    r"|co (?:z moim|z naszym|słychać w sprawie)",
}
# Danish and Norwegian are read for each other often (langdetect), and write news alike.
_NEWS["da"] = _NEWS["no"] = f"{_NEWS['da']}|{_NEWS['no']}"
# "Anything new with you?": news of the reader, a social question.
_OF_THE_READER = (r"\s+(?:with (?:you|u)|bei (?:dir|euch|ihnen)|chez (?:toi|vous)|contigo|da te|da voi"
                  r"|bij (?:jou|jullie)|com (?:você|vocês)|hos (?:dig|deg|jer|dere)|med (?:dig|deg)"
                  r"|u (?:ciebie|was))\b")


def _question(words: str, groups: bool) -> str:
    """A question opening with one of `words` (after "ok," or "hi Tom,"), not about the reader;
    with cues_plain's groups (`plain`: its mail gate; `act`: the title's words) or without."""
    opening = "(?P<plain>)(?P<act>" if groups else "(?:"
    return rf"^\W*(?:\w+,\s*)?{opening}(?:{words}))\b(?!{_OF_THE_READER})[^.!?]{{0,80}}\?"


# A reminder that stands alone as a sentence ("Ping.", "Gentle reminder", "Just bumping this up",
# "Kurze Erinnerung", "Petit rappel"): the author waits for the reader's answer to what went before.
_REMINDER = {
    "en": r"(?:(?:gentle|friendly|kind|quick|polite) )?(?:ping|reminder|nudge)|ping again|bump"
    r"|(?:just )?(?:bumping|bringing) (?:this|this thread|this message"
    r"|my (?:last |previous )?(?:e-?mail|message))"
    r"(?: (?:up|back up))?(?: in your inbox| to the top of your inbox)?"
    r"|(?:just )?following up on my (?:last|previous|earlier) (?:e-?mail|message|note)",
    "de": r"(?:(?:kurze|freundliche|kleine|höfliche) )?erinnerung|ich erinnere (?:Sie|dich) (?:gerne )?daran",
    "fr": r"(?:petit |gentil )?rappel|je me permets de (?:vous|te) relancer",
    "es": r"(?:pequeño |amable )?recordatorio|(?:le|te) recuerdo (?:mi|nuestro) (?:correo|mensaje) anterior",
    "it": r"(?:gentile |piccolo )?(?:promemoria|sollecito)|mi permetto di sollecitar\w+",
    "nl": r"(?:vriendelijke |kleine )?herinnering",
    "pt": r"(?:pequeno |gentil )?lembrete",
    "da": r"(?:venlig |lille )?påmindelse",
    "sv": r"(?:vänlig |liten )?påminnelse",
    "no": r"(?:vennlig |liten )?påminnelse",
    "pl": r"(?:uprzejme |małe )?przypomnienie|uprzejmie przypominam",
}


def _reminder(words: str) -> str:
    return rf"^\W*(?:\w+,\s*)?(?P<plain>)(?P<reminder>)(?P<act>(?:{words}))\W*$"


# Each language's status question and lone reminder as cues (cues_plain's `plain` gate: mail to
# one reader).
STATUS_QUESTIONS = {
    lang: [_question(words, groups=True), _reminder(_REMINDER[lang])] for lang, words in _NEWS.items()
}
_ANY = re.compile("|".join(_question(words, groups=False) for words in _NEWS.values()), re.IGNORECASE)


def chases_status(sentence: str) -> bool:
    """Whether the sentence asks the reader for news of the author's case."""
    return bool(_ANY.search(sentence))
