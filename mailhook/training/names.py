"""People's names as signatures write them: particles, compound and ALL-CAPS surnames, initials,
surname first, honorifics and degrees around the name (those are O, the name is NAME)."""

from __future__ import annotations

import random

from faker import Faker

from mailhook.training import lexicon as lx
from mailhook.training.block import Piece

# Surname particles per language ("María de la Vega", "Jan van der Berg", "Anna von Arnim").
PARTICLES: dict[str, tuple[str, ...]] = {
    "de": ("von", "von der", "zu", "van", "de"), "nl": ("van", "van der", "van den", "de", "ter", "van de"),
    "fr": ("de", "du", "de la", "Le", "d'"), "es": ("de", "de la", "del", "de los"),
    "it": ("De", "Di", "Della", "Lo", "La", "D'"), "pt": ("da", "dos", "de", "das", "do"),
    "en": ("O'", "Mc", "Mac", "St."), "sv": ("af", "von"), "da": ("af", "von"),
}
_GLUED = ("d'", "D'", "O'", "Mc", "Mac")  # written without a space before the surname
# Languages whose people often carry two surnames, or a hyphenated one.
_DOUBLE_SURNAME = {"es": 0.45, "pt": 0.35}
_SURNAME_FIRST = {"hu": 0.5, "zh": 0.6, "ko": 0.6, "vi": 0.2}
_CAPS_SURNAME = {"fr": 0.25, "it": 0.1, "ro": 0.1}


def person_name(rng: random.Random, fake: Faker, lang: str) -> tuple[str, str]:
    """First name(s) and surname(s) of one person, with particles and compounds as the language has them."""
    first, last = str(fake.first_name()), str(fake.last_name())
    if lang == "fr" and rng.random() < 0.1:
        first = f"{first}-{fake.first_name()}"  # "Jean-Pierre"
    if rng.random() < _DOUBLE_SURNAME.get(lang, 0.0):
        other = str(fake.last_name())
        last = f"{last}-{other}" if rng.random() < 0.2 else f"{last} {other}"
    elif rng.random() < 0.05:
        last = f"{last}-{fake.last_name()}"
    if lang in PARTICLES and rng.random() < 0.12 and " " not in last:
        particle = rng.choice(PARTICLES[lang])
        last = f"{particle}{last}" if particle in _GLUED else f"{particle} {last}"
    return first, last


def render_name(rng: random.Random, first: str, last: str, lang: str) -> list[Piece]:
    """The name line's pieces: maybe an honorific or signer prefix, the NAME, maybe a degree."""
    first = _initials(rng, first)
    if rng.random() < 0.08 or rng.random() < _CAPS_SURNAME.get(lang, 0.0):
        last = last.upper()
    if rng.random() < _SURNAME_FIRST.get(lang, 0.03):
        text = f"{last} {first}"
    elif rng.random() < 0.03:
        text = f"{last}, {first}"
    else:
        text = f"{first} {last}"
    if rng.random() < 0.04:
        text = text.upper()
    pieces: list[Piece] = []
    if rng.random() < 0.1:
        pieces.append((rng.choice(lx.HONORIFICS) + " ", None))
    if rng.random() < 0.05:
        pieces.insert(0, (rng.choice(lx.SIGNER_PREFIXES) + " ", None))
    if rng.random() < 0.03:
        pieces += [("*", None), (text, "NAME"), ("*", None)]
    else:
        pieces.append((text, "NAME"))
    if rng.random() < 0.07:
        pieces.append((rng.choice([", ", " ", " - "]) + rng.choice(lx.DEGREES), None))
    return pieces


def _initials(rng: random.Random, first: str) -> str:
    """"John A.", "J.", "J.P.", "J.-P." or the first name as it is."""
    roll = rng.random()
    if roll < 0.08:
        return f"{first} {rng.choice('ABCDEFGHJKLMNPRSTW')}."
    if roll < 0.11:
        return f"{first[0]}."
    if roll < 0.13:
        second = rng.choice("ABCDEFGHJKLMNPRSTW")
        return rng.choice([f"{first[0]}.{second}.", f"{first[0]}. {second}.", f"{first[0]}.-{second}."])
    return first
