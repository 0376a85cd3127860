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
