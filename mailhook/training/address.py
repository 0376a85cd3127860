"""Postal addresses as signatures write them: per-country order, one line or several, countries named
in many languages (ISO names and their translations from pycountry)."""

from __future__ import annotations

import gettext
import random
import re
from functools import cache

import pycountry
from faker import Faker

from mailhook.training import lexicon as lx
from mailhook.training.block import Piece

_STATE_STYLE = {"US", "CA", "AU", "MX", "BR"}
_CITY_FIRST = {"GB", "IE"}
_PREFIXABLE = {"DE", "AT", "CH", "FR", "BE", "NL", "DK", "SE", "NO", "FI", "CZ", "SK", "HU", "IT",
               "PL", "PT", "ES", "HR", "SI", "RO"}
_PYCOUNTRY_LANG = {"no": "nb"}
_UNITS = ("Suite 200", "Suite 3640a", "3rd Floor", "38th Floor", "Floor 12", "2. OG", "3. Stock",
          "Bureau 12", "Piso 3", "Unit 5", "Top 4", "bus 3", "4e étage", "Building B", "#603",
          "Apt. 4B", "Haus 2", "Hinterhaus", "Etage 5", "Ste. 110")


@cache
def country_names(lang: str) -> dict[str, str]:
    """ISO 3166 alpha-2 code -> the country's name in `lang` (English where untranslated)."""
    code = _PYCOUNTRY_LANG.get(lang, lang)
    translation: gettext.NullTranslations
    try:
        translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[code])
    except OSError:
        translation = gettext.NullTranslations()
    translate = translation.gettext
    names: dict[str, str] = {}
    for country in pycountry.countries:
        english = getattr(country, "common_name", None) or country.name
        names[country.alpha_2] = translate(english)
    return names


class AddressMaker:
    """Lays out one address from a Faker locale, the way its country usually writes it."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng

    def lines(self, fake: Faker, lang: str, country: str, sep: str) -> list[list[Piece]]:
        rng = self._rng
        streets = self._streets(fake)
        style = country if rng.random() < 0.85 else rng.choice(["US", "DE", "GB", "FR"])
        place = self._place(fake, country, style)
        country_line = self._country(lang, country) if rng.random() < 0.3 else None
        label: list[Piece] = []
        if rng.random() < 0.1:
            label = [(rng.choice(lx.ADDRESS_LABELS) + rng.choice([": ", " ", " : "]), None)]
        if rng.random() < 0.35:
            parts = [*streets, place] if rng.random() < 0.9 else [place, *streets]  # "A-1000 Wien, Gasse 1"
            line: list[Piece] = list(label)
            for number, part in enumerate(parts):
                line += [(sep, None), *part] if number else part
            if country_line:
                line += [(rng.choice([sep, ", ", " - "]), None), country_line]
            return [line]
        lines: list[list[Piece]] = [[*label, *streets[0]], *streets[1:]]
        if style in _CITY_FIRST and rng.random() < 0.5 and len(place) == 3:
            lines += [[place[0]], [place[2]]]  # city, then postcode on its own line
        else:
            lines.append(place)
        if country_line:
            if rng.random() < 0.3:
                lines[-1] = [*lines[-1], (", ", None), country_line]
            else:
                lines.append([country_line])
        return lines

    def _streets(self, fake: Faker) -> list[list[Piece]]:
        """One or two street lines: the street, maybe a suite or floor, maybe a P.O. box."""
        rng = self._rng
        street = str(fake.street_address()).replace("\n", ", ").strip()
        box = rng.choice(lx.PO_BOXES).format(n=rng.choice([rng.randint(1, 99999), "12 34 56"]))
        roll = rng.random()
        if roll < 0.06:
            return [[(box, "STREET")]]
        if roll < 0.1:
            return [[(street, "STREET")], [(box, "STREET")]]
        if roll < 0.16:
            return [[(street, "STREET")], [(rng.choice(_UNITS), "STREET")]]
        if roll < 0.22:
            return [[(f"{street}, {rng.choice(_UNITS)}", "STREET")]]
        return [[(street, "STREET")]]

    def _place(self, fake: Faker, country: str, style: str) -> list[Piece]:
        """The city line: postcode, city and maybe state, in `style`'s order."""
        rng = self._rng
        city = str(fake.city())
        postcode = re.sub(r"^[^\d\s]{1,3}[- ]", "", str(fake.postcode())).strip()
        if rng.random() < 0.02:  # anonymised mail writes "XXXXX" for postcodes
            postcode = rng.choice(["XXXXX", "xxxxx", "00000"])
        if rng.random() < 0.08:
            return [(city, "CITY")]
        if style in _STATE_STYLE:
            state = self._state(fake, abbreviate=rng.random() < 0.6)
            parts: list[Piece] = [(city, "CITY"), (rng.choice([", ", " "]), None)]
            if state:
                parts += [(state, "STATE"), (rng.choice([" ", "  ", ", "]), None)]
            return [*parts, (postcode, "POSTCODE")]
        if style in _CITY_FIRST:
            return [(city, "CITY"), (rng.choice([" ", ", ", "  "]), None), (postcode, "POSTCODE")]
        pieces: list[Piece] = []
        if style in _PREFIXABLE and rng.random() < 0.12:
            pieces.append((f"{country if rng.random() < 0.7 else country[0]}-", None))
        pieces += [(postcode, "POSTCODE"), (" ", None), (city, "CITY")]
        if rng.random() < 0.08:
            state = self._state(fake, abbreviate=rng.random() < 0.5)
            if state:
                pieces += [(" (", None), (state, "STATE"), (")", None)]
        return pieces

    def _state(self, fake: Faker, abbreviate: bool) -> str | None:
        for method in (("state_abbr",) if abbreviate else ()) + ("state", "administrative_unit"):
            if hasattr(fake, method):
                return str(getattr(fake, method)())
        return None

    def _country(self, lang: str, country: str) -> Piece:
        rng = self._rng
        code = country if rng.random() < 0.85 else rng.choice(list(country_names("en")))
        roll = rng.random()
        if roll < 0.15:
            name = rng.choice(lx.COUNTRY_EXTRAS)
        elif roll < 0.45:
            name = country_names("en")[code]
        else:
            name = country_names(lang)[code]
        return (name.upper() if rng.random() < 0.1 else name, "COUNTRY")
