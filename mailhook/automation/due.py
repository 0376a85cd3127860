"""Due dates in follow-up sentences: the first stated or implied day at or after the message's date."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from mailhook.automation import cues as cues

# dateparser names Norwegian Bokmål "nb".
_DATEPARSER_NAME = {"no": "nb"}
# "Oct. 11th": the abbreviation's full stop makes dateparser read "Oct" and "11th" apart.
_MONTH_ABBREVIATION = re.compile(r"\b(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.", re.IGNORECASE)

# Words that make a date-parser hit a real date; dateparser also reads "je" (jeudi) or "we"
# (Wednesday) as dates, so a hit must carry one of these, a numeric date or an ordinal.
_WORDS = (
    r"today|tonight|tomorrow|week|month|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|january|february|march|april|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|heute|morgen|übermorgen|woche|monat|montag|"
    r"dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|januar|februar|märz|mai|juni|juli|"
    r"oktober|dezember|aujourd'hui|demain|semaine|mois|lundi|mardi|mercredi|jeudi|vendredi|samedi|"
    r"dimanche|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|hoy|"
    r"mañana|semana|mes|lunes|martes|miércoles|jueves|viernes|sábado|domingo|enero|febrero|marzo|"
    r"abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|vandaag|overmorgen|"
    r"maand|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|januari|februari|maart|mei|"
    r"augustus|i dag|uge|måned|mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|marts|maj|"
    r"oggi|domani|dopodomani|settimana|mese|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|"
    r"gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|hoje|amanhã|mês|"
    r"segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira|janeiro|fevereiro|março|"
    r"imorgon|i morgon|vecka|veckan|månad|måndag|tisdag|lördag|söndag|i morgen|uke|uka|neste uke|"
    r"jutro|dzisiaj|tydzień|tygodniu|poniedziałek|wtorek|środę|czwartek|piątek|piątku|sobotę|niedzielę|"
    r"poniedziałku|wtorku|środy|środa|czwartku|soboty|sobota|niedzieli|niedziela|tygodnia|terça|quarta|quinta|"
    r"sexta|"
    r"stycznia|lutego|marca|kwietnia|czerwca|lipca|sierpnia|września|października|listopada|grudnia"
)
_DATE_WORDS = re.compile(
    rf"\b(?:{_WORDS})\b|\d{{1,4}}[./-]\d{{1,2}}|\b\d{{1,2}}(?:st|nd|rd|th)\b|\bmay \d", re.IGNORECASE
)

# A time of day never moves the due day, and dateparser reads "Tuesday at 10" as the 10th month:
# "at 10", "um 10 Uhr", "à 10 h 30", "kl. 10", "alle 10", "às 10h", "o 10", "12:30" go before it reads.
_MONTH_NEXT = (
    r"(?:de\s+|of\s+)?(?:jan|feb|mar|apr|may|mai|maj|jun|jul|aug|ago|sep|set|oct|okt|ott|out|nov|dec|dic|dez|"
    r"déc|fév|avr|aoû|ene|abr|gen|giu|lug|mrt|mär|sty|lut|kwi|cze|lip|sie|wrz|paź|lis|gru)"
)
_TIME_OF_DAY = re.compile(
    r"\b(?:at|around|um|gegen|à|vers|a las|a la|sobre las|alle|verso le|às|por volta das|om|rond|kl\.|"
    r"klokken|klockan|omkring|runt|rundt|o|około|godz\.)\s+\d{1,2}(?:\s?[:.h]\s?\d{2})?(?![./-]?\d)"
    rf"(?!\s*{_MONTH_NEXT})(?:\s*(?:uhr|uur|h|am|pm|a\.m\.|p\.m\.)(?!\w))?"
    r"|\b\d{1,2}(?::\d{2}|h\d{2}|[.:]\d{2}\s*(?:uhr|uur|h)(?!\w)|\s*(?:uhr|uur|am|pm)(?!\w))",
    re.IGNORECASE,
)
# A month alone ("the invoice for February", "dates in April") names no day: dateparser would
# make it that day of the month, or of next year's month.
_MONTH_NAME = re.compile(
    r"january|february|march|april|june|july|august|september|october|november|december|januar|februar|märz|"
    r"juni|juli|oktober|dezember|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|"
    r"décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|januari|"
    r"februari|maart|mei|augustus|marts|maj|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|"
    r"dicembre|janeiro|fevereiro|março|stycznia|lutego|marca|kwietnia|czerwca|lipca|sierpnia|września|"
    r"października|listopada|grudnia|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec",
    re.IGNORECASE,
)
# dateparser's hits are runs of whole words of the text it searched, spaces collapsed ("May\u00a05"
# is found as "May 5"): checked on every hit of the corpus, fixtures and tests. So a hit can only
# name a day (_names_a_day) where the text holds, whole, a date word other than a month's name,
# or a digit and a date word; elsewhere its search (~1.5 ms a sentence) need not run.
_DATE_WORD_IN_TEXT = re.compile(_DATE_WORDS.pattern.replace(" ", r"\s+"), re.IGNORECASE)
_DAY_WORDS = "|".join(word for word in _WORDS.split("|") if not _MONTH_NAME.fullmatch(word))
_DAY_WORD_IN_TEXT = re.compile(r"\b(?:" + _DAY_WORDS.replace(" ", r"\s+") + r")\b", re.IGNORECASE)
# Forms dateparser's search does not read, as forms it does (the tests check each one): Polish
# weekdays after "do"/"od" (genitive) and "w" (locative), next week and this week where its search
# finds no date, and German and Dutch weekdays joined to a part of the day ("Dienstagnachmittag").
_NEXT_WEEK = {"pl": "za 1 tydzień", "fr": "dans 1 semaine", "es": "en 1 semana", "it": "settimana prossima",
              "pt": "próxima semana", "de": "nächste Woche"}
_REWRITES: dict[str, tuple[tuple[str, str], ...]] = {
    "pl": (
        (r"\b(?:w\s+|we\s+)?(?:przyszłym|następnym)\s+tygodniu\b|\b(?:przyszłego|następnego)\s+tygodnia\b|"
         r"\b(?:w\s+)?(?:przyszły|następny)\s+tydzień\b", _NEXT_WEEK["pl"]),
        (r"\b(?:w\s+)?tym\s+tygodniu\b", "dzisiaj"),
        (r"\bponiedziałku\b", "poniedziałek"), (r"\bwtorku\b", "wtorek"), (r"\bśrod(?:y|zie)\b", "środa"),
        (r"\bczwartku\b", "czwartek"), (r"\bpiątku\b", "piątek"), (r"\bsobot(?:y|ie)\b", "sobota"),
        (r"\bniedzieli\b", "niedziela"),
        # "się" (oneself) is no date: dateparser reads it as "sie", August ("Spotkajmy się w piątek").
        (r"(?<!\w)się(?!\w)", " "),
        # "do 3. maja": the ordinal's full stop, and May in the genitive (read as the name Maja).
        (r"\b(\d{1,2})\.?\s+maja\b", r"\1 maj"), (r"\b(\d{1,2})\.\s+(?=[^\W\d_])", r"\1 "),
    ),
    "fr": ((r"\b(?:la\s+)?(?:semaine\s+prochaine|prochaine\s+semaine)\b", _NEXT_WEEK["fr"]),),
    "es": ((r"\b(?:la\s+)?(?:(?:próxima|siguiente)\s+semana|semana\s+(?:que\s+viene|próxima|siguiente))\b",
            _NEXT_WEEK["es"]),),
    "it": ((r"\b(?:la\s+)?prossima\s+settimana\b|\bsettimana\s+(?:che\s+viene|successiva)\b",
            _NEXT_WEEK["it"]),),
    "pt": ((r"\b(?:a\s+)?semana\s+que\s+vem\b", _NEXT_WEEK["pt"]),),
    "de": (
        (r"\b(?:nächster|nächsten|kommender|kommenden|kommende)\s+Woche\b", _NEXT_WEEK["de"]),
        (r"\b(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)(vormittag|nachmittag|mittag|abend|"
         r"morgen|früh)\b", r"\1 \2"),
    ),
    "nl": ((r"\b(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)(ochtend|middag|avond|morgen)\b",
            r"\1 \2"),),
    "no": ((r"\bdenne\s+(?:uken|uka)\b", "i dag"),
           # "innen 3. mai": the ordinal's full stop before a month.
           (r"\b(\d{1,2})\.\s+(?=(?:jan|feb|mar|apr|mai|jun|jul|aug|sep|okt|nov|des))", r"\1 ")),
    "sv": ((r"\b(?:den\s+här|denna)\s+veckan?\b", "i dag"),),
}
# Every language we read but English writes the day first ("10.03.2026", "10/03/2026"); dateparser
# reads numbers month first unless told. English stays month first (its default): "03/10" is
# ambiguous there, and US mail writes it so.
_MONTH_FIRST = {"en"}
# "bis 10.03.", "do 10.03.": a day and month with no year, which dateparser reads as the time
# 10:03; the year is the one that puts that day nearest the message.
_DAY_MONTH = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(?!\d)")
# ... but a version's or a section's number ("Version 2.4.", "Ziffer 1.2.", "§ 3.1.") is none.
_NUMBERED = re.compile(r"(?:version|versjon|wersja|versión|versione|release|v|ziffer|abschnitt|punkt|kapitel|"
                       r"paragraph|artikel|art|nr|no|kap|pkt|§)\.?\s*$", re.IGNORECASE)
# "by the 10th": an English ordinal with no month beside it, which dateparser reads as the month
# (October) when it is 12 or less. It names a day where the clause ends after it or a time, an
# alternative or a verb follows ("by the 10th.", "on the 3rd at noon", "the 2nd or 3rd", "the 20th
# works"): that day of this month, or of the next month it falls in; before a noun ("the 3rd
# party", "our 2nd floor") it is no date at all.
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b", re.IGNORECASE)
_MONTH_BEFORE = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+$", re.IGNORECASE)
_MONTH_AFTER = re.compile(r"\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.IGNORECASE)
_DAY_ENDS = re.compile(
    r"\s*(?:$|[.,;:!?)]|(?:or|and|at|latest|please|if|before|after|in\s+the|is|was|would|will|works?|suits?|"
    r"could|should|might)\b)", re.IGNORECASE)
_REWRITTEN = {
    lang: tuple((re.compile(pattern, re.IGNORECASE), into) for pattern, into in pairs)
    for lang, pairs in _REWRITES.items()
}


def unabbreviated(text: str) -> str:
    """Month abbreviations without their full stop ("Oct. 11" -> "Oct 11")."""
    return _MONTH_ABBREVIATION.sub(r"\1", text)


def readable(sentence: str, language: str | None) -> str:
    """The sentence as dateparser's search reads its dates: times of day out, inflected forms in."""
    sentence = _TIME_OF_DAY.sub(" ", unabbreviated(sentence))
    for pattern, into in _REWRITTEN.get(language or "", ()):
        sentence = pattern.sub(into, sentence)
    return sentence


def may_name_a_day(text: str) -> bool:
    """Whether dateparser's search of `text` (a readable sentence) can find a hit that names a day."""
    if _DAY_WORD_IN_TEXT.search(text):
        return True
    return any(c.isdigit() for c in text) and _DATE_WORD_IN_TEXT.search(text) is not None


def due_date(sentence: str, language: str | None, sent: datetime | None) -> str | None:
    """The first stated or implied date at or after the message's own date, in its language."""
    code = language if language is not None and language in cues.BY_LANGUAGE else "en"
    text = readable(sentence, code)
    if not may_name_a_day(text):
        return None
    from dateparser.search import search_dates  # loads its language data once, ~1 s

    base = sent or datetime.now()
    settings: dict[str, Any] = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "future"}
    if code not in _MONTH_FIRST:
        settings["DATE_ORDER"] = "DMY"
        text = _DAY_MONTH.sub(lambda found: _with_year(found, base.date()), text)
    else:
        text = _ORDINAL.sub(lambda found: _with_month(found, base.date()), text)
    hits = search_dates(text, languages=[_DATEPARSER_NAME.get(code, code)], settings=settings)
    for found, when in hits or []:
        if _names_a_day(found) and when.date() >= base.date():
            return _as_day(when.date())
    return None


def _with_year(found: re.Match[str], base: date) -> str:
    """'10.03.' as '10.03.2026': the year that puts the day nearest the message ('10.01.' in
    December is next January; a day two days gone stays gone); as it was if no such day."""
    if _NUMBERED.search(found.string[max(0, found.start() - 12):found.start()]):
        return " "  # no date: dateparser would read it as one
    day, month = int(found.group(1)), int(found.group(2))
    days = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            days.append(date(year, month, day))
        except ValueError:  # no such day that year (31.02., 29.02. outside a leap year)
            continue
    if not days:
        return found.group(0)
    nearest = min(days, key=lambda when: abs((when - base).days))
    return f"{day:02d}.{month:02d}.{nearest.year}"


def _with_month(found: re.Match[str], base: date) -> str:
    """'the 10th' alone as '10 March 2026': the first such day at or after `base`; an ordinal
    beside a month's name ('March 10th', 'the 10th of April') is left for dateparser, and one
    before a noun ('the 3rd party') is taken out."""
    text, start = found.string, found.start()
    if _MONTH_BEFORE.search(text[max(0, start - 12):start]) or _MONTH_AFTER.match(text, found.end()):
        return found.group(0)
    if not _DAY_ENDS.match(text, found.end()):
        return " "
    day = int(found.group(1))
    year, month = base.year, base.month
    for _ in range(3):  # the 31st is at most two months away
        try:
            when = date(year, month, day)
        except ValueError:
            when = None
        if when is not None and when >= base:
            return when.strftime(f"{day} %B %Y")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found.group(0)


def _names_a_day(found: str) -> bool:
    """A hit carries a date word (not "je" or "we" alone), and more than a month's name."""
    words = [m.group(0) for m in _DATE_WORDS.finditer(found)]
    return bool(words) and (any(c.isdigit() for c in found) or not all(map(_MONTH_NAME.fullmatch, words)))


def _as_day(day: date) -> str:
    return day.isoformat()
