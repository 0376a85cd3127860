"""Paragraphs as the intent reader joins them: a sentence wrapped at a full line over a short
line stays one unit; greetings, sign-offs and list items on short lines stay apart."""

from __future__ import annotations

import pytest

from mailhook.automation.intent import detect_tasks, paragraphs

WRAPPED = [
    # a mail client wrapped the sentence at ~60 columns; its middle line happens to be short
    ("de", "Hallo Frau Brandt,\n\nwir würden uns sehr freuen, wenn im Kundenportal die\n"
     "Suche nach Version 4.1\nRechnungen wieder anzeigen könnte.\n\nViele Grüße\nTobias"),
    ("en", "Hi Sam,\n\nafter our call yesterday, could you please send me the signed copy of\n"
     "the framework agreement\nVersion B by the end of the week?\n\nThanks\nPriya"),
    ("fr", "Bonjour Claire,\n\nsuite à notre échange, pourriez-vous nous faire parvenir le devis\n"
     "mis à jour pour le lot\nB avant vendredi ?\n\nCordialement\nLuc"),
]


@pytest.mark.parametrize(("language", "text"), WRAPPED)
def test_a_sentence_wrapped_over_a_short_line_is_read_whole(language: str, text: str) -> None:
    detection = detect_tasks(text, language=language)
    assert len(detection.tasks) == 1
    assert detection.tasks[0].sentence.endswith(("könnte.", "week?", "vendredi ?"))


def test_short_lines_that_end_a_sentence_or_stand_alone_stay_their_own_units() -> None:
    text = ("Hi Sam,\nPlease find the offer attached, as promised in our call of\nlast week.\n"
            "Kind regards\nPriya Raman\nSales Manager\nAcme Ltd")
    assert paragraphs(text) == [
        "Hi Sam,", "Please find the offer attached, as promised in our call of last week.",
        "Kind regards", "Priya Raman", "Sales Manager", "Acme Ltd",
    ]
