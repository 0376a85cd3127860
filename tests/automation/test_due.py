"""Due dates: the gate before dateparser's search, and the day read in each language."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from dateparser.search import search_dates

from mailhook.automation.due import due_date, may_name_a_day, readable

WEDNESDAY = datetime(2026, 3, 4, 9, 0)
# A form a day is named in, in each language due.py reads, and the day it names.
NAMED = [
    ("Could you send me the updated quote by Friday?", "en", "2026-03-06"),
    ("I will send it on 12/03.", "en", "2026-12-03"),
    ("Can we talk on the 16th?", "en", "2026-03-16"),
    ("Ich melde mich morgen.", "de", "2026-03-05"),
    ("Bitte bis 12. März zurückschicken.", "de", "2026-03-12"),
    ("Je vous rappelle jeudi.", "fr", "2026-03-05"),
    ("Le envío el presupuesto el viernes.", "es", "2026-03-06"),
    ("Vi mando il preventivo entro lunedì.", "it", "2026-03-09"),
    ("Vou ligar-lhe amanhã.", "pt", "2026-03-05"),
    ("Ik bel u vrijdag.", "nl", "2026-03-06"),
    ("Jeg ringer på fredag.", "da", "2026-03-06"),
    ("Kan du skicka offerten på fredag?", "sv", "2026-03-06"),
    ("Jeg ringer deg i\u00a0morgen.", "no", "2026-03-05"),
    ("Wyślę to do wtorku.", "pl", "2026-03-10"),
    ("Send it by May\u00a05, please.", "en", "2026-05-05"),
]


@pytest.mark.parametrize(("sentence", "language", "due"), NAMED)
def test_a_sentence_that_names_a_day_is_searched_and_read(sentence: str, language: str, due: str) -> None:
    """A weekday, a relative day, a numeric date or an ordinal in any language passes the gate,
    also with a non-breaking space inside a form, and dateparser reads its day."""
    assert may_name_a_day(readable(sentence, language))
    assert due_date(sentence, language, WEDNESDAY) == due


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Kindly resend the invoice for February, the PDF was empty.", "en"),
        ("Which dates in April would suit your team?", "en"),
        ("Merci de renvoyer la facture de février.", "fr"),
        ("We meet on Fridays.", "en"),
        ("Please read the messages we sent.", "en"),
        ("Können Sie die Unterlagen schicken?", "de"),
    ],
)
def test_a_sentence_that_cannot_name_a_day_is_not_searched(sentence: str, language: str) -> None:
    """A month's name alone without a digit, or a date word only inside a longer word ("Fridays",
    "messages" holding "mes"), cannot make a hit that names a day: dateparser is not asked."""
    assert not may_name_a_day(readable(sentence, language))
    assert due_date(sentence, language, WEDNESDAY) is None


@pytest.mark.parametrize(("sentence", "language", "due"), NAMED)
def test_dateparser_hits_are_runs_of_whole_words_of_the_text(sentence: str, language: str, due: str) -> None:
    """The gate rests on this: each hit of dateparser's search is whole words of the text it
    searched (any run of whitespace in it collapsed), never part of a word."""
    text = readable(sentence, language)
    code = {"no": "nb"}.get(language, language)
    hits = search_dates(text, languages=[code], settings={"RELATIVE_BASE": WEDNESDAY,
                                                          "PREFER_DATES_FROM": "future"})
    assert hits
    for found, _ in hits:
        words = r"\s+".join(map(re.escape, found.split()))
        assert re.search(rf"(?<!\w){words}(?!\w)", text), (found, text)


def test_a_polish_weekday_in_the_locative_is_read_as_the_rewrite_says() -> None:
    """"po środzie" (after Wednesday): the rewrite reads "środzie" as "środa"; the gate looks at
    the sentence as rewritten, so the day is found (the sentence as written held no date word)."""
    assert due_date("Zadzwonię po środzie.", "pl", WEDNESDAY) == "2026-03-11"


# Numeric dates as each language writes them: the day first everywhere but in English.
DAY_FIRST = [
    ("Bitte senden Sie uns das Angebot bis 10.03.2026.", "de"),
    ("Merci de nous envoyer le devis avant le 10/03/2026.", "fr"),
    ("Por favor, envíe la oferta antes del 10/03/2026.", "es"),
    ("Invia l'offerta entro il 10/03/2026.", "it"),
    ("Envie a proposta até 10/03/2026.", "pt"),
    ("Stuur de offerte voor 10-03-2026.", "nl"),
    ("Send tilbuddet senest 10.03.2026.", "da"),
    ("Skicka offerten senast 10/3 2026.", "sv"),
    ("Send tilbudet innen 10.03.2026.", "no"),
    ("Prosimy o ofertę do 10.03.2026.", "pl"),
]


@pytest.mark.parametrize(("sentence", "language"), DAY_FIRST)
def test_a_numeric_date_is_read_day_first_outside_english(sentence: str, language: str) -> None:
    """'10.03.2026' is the 10th of March in German, French, Polish ...: dateparser's default
    order (month first) read it as the 3rd of October."""
    assert due_date(sentence, language, WEDNESDAY) == "2026-03-10"


def test_english_numeric_dates_stay_month_first() -> None:
    """English keeps dateparser's month-first reading (US mail): '03/10/2026' is the 10th of March."""
    assert due_date("Please send the quote by 03/10/2026.", "en", WEDNESDAY) == "2026-03-10"


@pytest.mark.parametrize(("sentence", "sent", "due"), [
    ("Bitte bis 10.03. antworten.", WEDNESDAY, "2026-03-10"),
    ("Bitte bis Freitag, 6.3., antworten.", WEDNESDAY, "2026-03-06"),
    ("Bitte bis 10.01. antworten.", datetime(2026, 12, 20, 9, 0), "2027-01-10"),
    ("Bitte bis 02.03. antworten.", WEDNESDAY, None),
    ("Bitte bis 31.02. antworten.", WEDNESDAY, None),
])
def test_a_day_and_month_without_a_year_is_that_day_nearest_the_message(
        sentence: str, sent: datetime, due: str | None) -> None:
    """'bis 10.03.' (no year) names the 10th of March of the year nearest the message, not the
    time 10:03 today; a day just gone stays gone (no task due next year), and no such day is none."""
    assert due_date(sentence, "de", sent) == due


@pytest.mark.parametrize(("sentence", "due"), [
    ("Please call me on the 10th.", "2026-03-10"),
    ("Please send it by the 2nd.", "2026-04-02"),
    ("Could we meet on the 12th at 10?", "2026-03-12"),
    ("Can you do the 9th or the 10th?", "2026-03-09"),
    ("Please send it by March 10th.", "2026-03-10"),
    ("Please send it by the 10th of April.", "2026-04-10"),
])
def test_an_english_ordinal_alone_is_that_day_of_this_or_next_month(sentence: str, due: str) -> None:
    """'by the 10th' is the 10th of this month (dateparser read an ordinal of 12 or less as the
    month: the 4th of October); a day gone this month is next month's; beside a month's name
    the ordinal is read with it."""
    assert due_date(sentence, "en", WEDNESDAY) == due


@pytest.mark.parametrize(("sentence", "due"), [
    ("Please forward it to the 3rd party by Friday.", "2026-03-06"),
    ("Our office is on the 2nd floor.", None),
    ("It is our 5th order this year, please confirm.", None),
])
def test_an_ordinal_before_a_noun_names_no_day(sentence: str, due: str | None) -> None:
    """'the 3rd party', 'the 2nd floor': an ordinal before a noun is no date (it was read as
    March or February next year, and hid the Friday beside it)."""
    assert due_date(sentence, "en", WEDNESDAY) == due


@pytest.mark.parametrize("sentence", [
    "Gemäß Ziffer 1.2. sind Rechnungen bis Freitag fällig.",
    "Bitte installieren Sie Version 2.4. bis Freitag.",
])
def test_a_version_or_section_number_is_no_date(sentence: str) -> None:
    """'Version 2.4.' and 'Ziffer 1.2.' end like a day and month; they are no date, and the
    Friday beside them is the due day."""
    assert due_date(sentence, "de", WEDNESDAY) == "2026-03-06"
