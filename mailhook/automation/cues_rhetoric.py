"""Whose questions: those that leave the reader nothing to answer (the author's view put as a
question), and those put to the reader whatever follows them."""

from __future__ import annotations

import re

from mailhook.automation.addressing import addressed, promising
from mailhook.automation.cues_plain import ASKS_SOMEONE
from mailhook.automation.cues_status import chases_status

# A polar question with a negation states what its author believes ("Will MongoDB not fit this
# solution?", "Wäre es nicht einfacher, ...?", "N'est-ce pas mieux ...?"): a view in a discussion.
# Not a question word's (why, how, ...: "Why does the export not start?" asks for a cause), and
# not a chase for news ("Has the refund not gone out yet?": only the reader knows).
_NEGATION = {
    "en": r"not|n't|never",
    "de": r"nicht|kein\w*|nie",
    "fr": r"ne|pas|jamais",
    "es": r"no|nunca",
    "it": r"non|mai",
    "pt": r"não|nunca",
    "nl": r"niet|geen|nooit",
    "da": r"ikke|aldrig",
    "no": r"ikke|aldri",
    "sv": r"inte|inga|aldrig",
    "pl": r"nie",
}
_QUESTION_WORD = {
    "en": r"why|how|what|when|where|who|whom|whose|which",
    "de": r"warum|wieso|weshalb|weswegen|wie|was|wann|wo\w*|wer|wen|wem|welche\w*",
    "fr": r"pourquoi|comment|quand|où|qui|que|qu'|quel\w*|combien",
    "es": r"por\s+qué|cómo|cuándo|dónde|quién\w*|qué|cuál\w*|cuánto\w*",
    "it": r"perché|come|quando|dove|chi|cosa|che|qual\w*|quant\w*",
    "pt": r"por\s*que|porque|como|quando|onde|quem|que|qual|quais|quant\w*",
    "nl": r"waarom|hoe|wat|wanneer|waar\w*|wie|welk\w*",
    "da": r"hvorfor|hvordan|hvad|hvornår|hvor|hvem|hvilk\w*",
    "no": r"hvorfor|hvordan|hva|når|hvor|hvem|hvilk\w*",
    "sv": r"varför|hur|vad|när|var|vem|vilk\w*",
    "pl": r"dlaczego|czemu|jak\w*|co|kiedy|gdzie|kto|któr\w*|ile",
}
# An exclamation put as a question: a question word, then a word of feeling ("How depressing would
# it be to be at EECC?", "Wie peinlich ist das?"), or who-knows kinds ("Who would have thought?").
_FEELING = {
    "en": r"how\s+(?:depressing|sad|cool|great|awesome|amazing|funny|crazy|weird|ironic|nice|lovely|"
          r"awful|terrible|ridiculous|annoying|embarrassing|sweet|stupid|silly|wonderful)|"
          r"who\s+(?:knows|cares|would\s+have\s+thought|could\s+blame)",
    "de": r"wie\s+(?:toll|cool|schön|traurig|verrückt|peinlich|blöd|dumm|lustig|geil|super|schrecklich)|"
          r"wer\s+(?:weiß|hätte\s+das\s+gedacht)",
    "fr": r"qui\s+(?:sait|l'eût\s+cru|aurait\s+cru)",
    "es": r"qué\s+(?:triste|raro|bonito|genial|horrible|vergüenza)|quién\s+(?:sabe|lo\s+diría)",
    "it": r"che\s+(?:triste|bello|strano|vergogna)|chi\s+(?:lo\s+sa|l'avrebbe\s+detto)",
    "pt": r"que\s+(?:triste|estranho|legal|vergonha)|quem\s+(?:sabe|diria)",
    "nl": r"hoe\s+(?:leuk|gaaf|triest|raar|stom|erg|mooi)|wie\s+weet",
    "da": r"hvor\s+(?:sjovt|trist|mærkeligt|dumt|fedt)|hvem\s+ved",
    "no": r"hvor\s+(?:kult|trist|rart|dumt|morsomt|deilig|flaut)|hvem\s+vet",
    "sv": r"hur\s+(?:kul|tråkigt|konstigt|roligt|dumt|härligt)|vem\s+vet",
    "pl": r"jak\s+(?:smutno|fajnie|dziwnie|głupio|śmiesznie)|kto\s+wie",
}
# Not one the author's side or the reader takes part in: "Can't we just move the meeting?", "Kan vi
# ikke ...?" propose; "Couldn't you send it today?" asks. Pro-drop languages show "we" in the verb.
_WE = {
    "en": r"we", "de": r"wir", "fr": r"nous|on", "nl": r"we|wij", "da": r"vi", "no": r"vi", "sv": r"vi",
    "es": r"\w+mos", "pt": r"\w+mos", "it": r"\w+(?:iamo|emmo)", "pl": r"\w+(?:śmy|my)",
}
# Nor a chase for news with its adverb ("Has the refund not gone out yet?", "Ist noch nichts da?").
_STILL = {
    "en": r"yet|still|already", "de": r"noch|schon|immer", "fr": r"encore|toujours|déjà",
    "es": r"todavía|aún|ya", "it": r"ancora|già", "pt": r"ainda|já", "nl": r"nog|al|alweer",
    "da": r"endnu|stadig|allerede", "no": r"ennå|enda|fortsatt|fremdeles|allerede",
    "sv": r"än|ännu|fortfarande|redan", "pl": r"jeszcze|już|nadal|wciąż",
}
# A polar question that doubts ("Heb je voor 100.000 regels echt een cluster nodig?", "Do you really
# need a cluster?"): the author's view, even put to the reader.
_DOUBT = {
    "en": r"really|seriously", "de": r"wirklich|echt|tatsächlich", "fr": r"vraiment|réellement",
    "es": r"realmente|de verdad|en serio", "it": r"davvero|veramente|sul serio",
    "pt": r"realmente|mesmo|de verdade",
    "nl": r"echt|werkelijk|serieus", "da": r"virkelig|seriøst", "no": r"virkelig|egentlig|seriøst",
    "sv": r"verkligen|på allvar|seriöst", "pl": r"naprawdę|serio|rzeczywiście",
}
_HEAD_WORDS = 5  # the negation of the main clause comes early: "Would it not be simpler to ...?"
# "Is shipping included or not?" asks; the negation after "or" is no view.
_OR = r"or|oder|ou|o|of|eller|lub|albo|czy|oppure"  # between alternatives, not opening the question
_OPENING = r"^\W*(?:\w+\s*:\s*)?"  # "Una duda: ¿...?": a word before a colon opens the question


def _words(table: dict[str, str], head: str = r"(?<!\w)") -> dict[str, re.Pattern[str]]:
    return {lang: re.compile(rf"{head}(?:{words})(?!\w)", re.IGNORECASE) for lang, words in table.items()}


_NEGATED = _words({lang: rf"(?<!\w)(?:{words})|(?<=\w)n't" for lang, words in _NEGATION.items()}, "")
_ASKS_WHAT = _words(_QUESTION_WORD, _OPENING)
_TAKES_PART = _words(_WE)
_AWAITED = _words(_STILL)
_EXCLAIMS = _words(_FEELING, _OPENING)
_DOUBTS = _words(_DOUBT)
_OR_NOT = {lang: re.compile(rf"(?<=\S)\s+(?:{_OR})\s+(?:{words})(?!\w)", re.IGNORECASE)
           for lang, words in _NEGATION.items()}


def rhetorical(question: str, language: str | None) -> bool:
    """Whether a question puts the author's view or feeling rather than asking: a polar question
    with a negation about neither side (not one chasing news) or one that doubts ("really?"), or an
    exclamation in a question's form."""
    if not question.rstrip().endswith("?") or language not in _NEGATION:
        return False
    languages = (language, "en") if language != "en" else ("en",)
    if any(_EXCLAIMS[lang].search(question) for lang in languages):
        return True
    if _DOUBTS[language].search(question) and not _ASKS_WHAT[language].search(question):
        return True
    if _ASKS_WHAT[language].search(question) or chases_status(question):
        return False
    if _AWAITED[language].search(question):
        return False
    head = " ".join(_OR_NOT[language].sub(" ", question).split()[:_HEAD_WORDS])
    if _TAKES_PART[language].search(head) or addressed(head, language) or promising(head, language):
        return False
    return bool(_NEGATED[language].search(head))


# A question announced as one ("Mam jeszcze jedno pytanie: czy system ...?", "Jeg lurer på én ting
# til: kan vi ...?", "One more question: ..."): the author asks it of the reader.
_ANNOUNCED = re.compile(
    r"\b(?:question|questions|query|thing|frage|fragen|pregunta|duda|domanda|dubbio"
    r"|pergunta|dúvida|vraag|vraagje|spørsmål|spørgsmål|fråga|ting til|sak til|pytanie|pytania|kwestia)"
    r"\s*(?:noch|encore|más|ancora|ainda|nog|til|igen|till|jeszcze)?\s*:\s*\S",
    re.IGNORECASE,
)


def put_to_reader(question: str, language: str | None) -> bool:
    """Whether a question asks the reader, in the second person or a polite form ("Kan dere
    undersøke ...?", "Har dere en oppdatert avtale?") or asking someone on their side ("Could
    someone look into why the export breaks?"), and is no view put as one: what follows in its
    paragraph (a screenshot attached, a deadline) is then no answer by the author."""
    if language is None or not question.rstrip().endswith("?") or rhetorical(question, language):
        return False
    someone = ASKS_SOMEONE.get(language)
    return addressed(question, language) or bool(someone and someone.search(question))


def announced(question: str) -> bool:
    """Whether a question is announced as one ("One more question: is the API included?"): the
    author asks it of the reader, whatever follows it (why they ask)."""
    return question.rstrip().endswith("?") and bool(_ANNOUNCED.search(question))
