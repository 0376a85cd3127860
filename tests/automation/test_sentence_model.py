"""The follow-up sentence model: its features, its shipped weights, and how detection combines it
with the cues when given (it is not used by default: docs/intent.md)."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from datetime import datetime

import numpy as np
import pytest

from mailhook.automation.intent import detect_tasks
from mailhook.automation.sentence_model import BITS, MODEL_PATH, SentenceModel, features

# Written for these tests (not taken from the corpus or any held-out set): mail the cues alone
# leave without a task and the model, given, reads as a follow-up.
MISSED_BY_THE_CUES = [
    ("en", "Hi Olga,\n\nhow is the tender for the school going?\n\nBest,\nRob\n",
     "Answer: how is the tender for the school going"),
    ("fr", "Bonjour Paul,\n\nle formulaire est à compléter avant la visite du technicien.\n\nCordialement,\n"
     "Anne\n", "Follow up: Le formulaire est à compléter avant la visite du technicien"),
    ("es", "Hola Pilar,\n\n¿en qué punto está la obra de la nave?\n\nSaludos,\nJuan\n",
     "Answer: en qué punto está la obra de la nave"),
]


@pytest.fixture(scope="module")
def model() -> SentenceModel:
    return SentenceModel.load()


def test_features_are_the_same_in_another_process_with_another_hash_seed() -> None:
    """Training and run time hash alike: no use of Python's per-process randomised hash()."""
    sentence = "Könnten Sie mir das Angebot bis Freitag schicken?"
    code = ("from mailhook.automation.sentence_model import features; "
            f"print(','.join(map(str, features({sentence!r}).tolist())))")
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    other = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert other.stdout.strip() == ",".join(map(str, features(sentence).tolist()))


def test_features_are_unique_sorted_indexes_below_the_hash_size_and_read_digits_as_zero() -> None:
    """Digits read as 0, case and runs of spaces do not matter, indexes stay in the weight table."""
    found = features("Please send the quote by 15 March.")
    assert found.dtype == np.int64 and (np.diff(found) > 0).all()
    assert found.min() >= 0 and found.max() < 2**BITS
    assert np.array_equal(found, features("PLEASE  send the quote by 27 March."))
    assert not np.array_equal(found, features("Please send the quote by Friday."))


def test_the_shipped_archive_holds_plain_arrays_and_loads_without_pickle(model: SentenceModel) -> None:
    """Weights only, no pickled objects: every member is a .npy that np.load reads with pickles off."""
    with zipfile.ZipFile(MODEL_PATH) as archive:
        assert {name.rsplit(".", 1)[-1] for name in archive.namelist()} == {"npy"}
    assert model.weights.shape == (2**BITS,) and model.weights.dtype == np.float32
    assert 0.0 < model.threshold < 1.0 and model.max_words > 5


def test_a_request_scores_above_a_thank_you(model: SentenceModel) -> None:
    """Probabilities are probabilities, and a plain request outranks thanks for a past event."""
    request = model.probability("Could you send me the signed contract by Friday?")
    thanks = model.probability("Thanks for the lovely dinner on Friday.")
    assert 0.0 <= thanks < model.threshold < request <= 1.0


def test_the_model_leaves_sentences_longer_than_it_was_trained_on(model: SentenceModel) -> None:
    """A sentence longer than max_words is no kind the model has seen: never a follow-up by it."""
    sentence = "Could you send me the signed contract by Friday?"
    padded = sentence[:-1] + " " + " ".join(["and the annex"] * model.max_words) + "?"
    assert model.is_followup(sentence)
    assert not model.is_followup(padded)


@pytest.mark.parametrize(("lang", "text", "title"), MISSED_BY_THE_CUES,
                         ids=[m[0] for m in MISSED_BY_THE_CUES])
def test_with_the_model_a_sentence_no_cue_takes_becomes_a_titled_task(
    model: SentenceModel, lang: str, text: str, title: str
) -> None:
    """Given the model, what the cues miss makes a task: "Answer: ..." for a question, "Follow
    up: ..." otherwise; by default (the cues alone) it makes none."""
    assert detect_tasks(text, language=lang).tasks == ()
    tasks = detect_tasks(text, language=lang, model=model).tasks
    assert [(t.title, t.role) for t in tasks] == [(title, "classified")]


def test_with_the_model_a_due_date_is_read_as_for_the_cues(model: SentenceModel) -> None:
    """A classified sentence's due date comes from due.py, against the message's date (Wed 4 March)."""
    text = "Bonjour Paul,\n\nle formulaire est à compléter avant vendredi.\n\nCordialement,\nAnne\n"
    tasks = detect_tasks(text, language="fr", model=model, sent=datetime(2026, 3, 4, 9, 0)).tasks
    assert [(t.title, t.due) for t in tasks] == [
        ("Follow up: Le formulaire est à compléter avant vendredi", "2026-03-06")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Hi Olga,\n\nattached is the price list. Let me know if you have any questions.\n\nBest,\nRob\n",
        "Hallo Olga,\n\nanbei die Preisliste. Bei Fragen stehe ich Ihnen gerne zur Verfügung.\n\nGruß\nRob\n",
        "Thank you for your message. I am out of the office until 12 March and will reply when I am back.\n",
    ],
    ids=["courtesy-en", "courtesy-de", "out-of-office"],
)
def test_with_the_model_courtesy_offers_and_away_notices_stay_negative(
    model: SentenceModel, text: str
) -> None:
    """The cues' courtesy lists and away-notice check hold for classified sentences too."""
    assert detect_tasks(text, model=model).tasks == ()


def test_a_courtesy_offer_the_model_would_take_stays_negative(model: SentenceModel) -> None:
    """The courtesy list decides before the model: this offer scores above the threshold alone."""
    sentence = "Feel free to call me if you want to discuss the offer."
    assert model.is_followup(sentence)
    assert detect_tasks(f"Hi Olga,\n\n{sentence}\n\nBest,\nRob\n", language="en", model=model).tasks == ()


def test_the_model_reads_no_language_the_cues_do_not(model: SentenceModel) -> None:
    """Trained on the eleven languages only: read as another language (here Finnish), a text gets
    the cues alone, though the model would call its sentence a follow-up."""
    text = MISSED_BY_THE_CUES[0][1]
    assert model.is_followup("how is the tender for the school going?")
    assert detect_tasks(text, language="fi", model=model).tasks == ()
