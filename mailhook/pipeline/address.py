"""Street, city, state, postal code and country from the address lines of a signature block."""

from __future__ import annotations

import gettext
import re
from dataclasses import dataclass
from functools import cache

import pycountry

# Postal layouts: "City, ST 12345" (US/CA), "12345 City" and its national variants
# ("D-12345", "00-950", "123 45", "1234 AB", "1000-001"), and "City SW1A 1AA" (UK).
_US = re.compile(
    r"^(?P<city>[A-Za-z][A-Za-z .'-]+?),?\s+(?P<state>[A-Z]{2}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)\.?,?"
    r"\s+(?P<zip>\d{5}(?:-\d{4})?|[A-Z]\d[A-Z] ?\d[A-Z]\d)(?:\s*,?\s*(?P<country>[A-Za-z .]+))?$"
)
_EU = re.compile(
    r"^(?:(?P<prefix>[A-Z]{1,2})\s?-\s?)?(?P<zip>\d{5}|\d{4}(?: ?[A-Z]{2}\b)?|\d{2}-\d{3}|"
    r"\d{3} \d{2}|\d{4}-\d{3}|[Xx]{4,5})\s+(?P<city>[^\d,/|]+?)"
    r"(?:(?:\s*[,/|·]\s*|\s+-\s+)(?P<country>[^\d,/|]+))?\s*$"
)
_UK = re.compile(r"^(?P<city>[A-Za-z][A-Za-z .'-]+?),?\s+(?P<zip>[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})$")
_STREET_WORD = re.compile(
    r"\b(?:street|st\.|road|rd\.?|avenue|ave\.?|drive|dr\.|blvd|boulevard|lane|way|court|place|"
    r"suite|floor|square|plaza|highway|parkway|straße|strasse|str\.|weg|platz|allee|gasse|ring|"
    r"damm|ufer|rue|avenue|chemin|place|calle|avda\.?|avenida|plaza|paseo|via|viale|piazza|"
    r"corso|straat|laan|plein|gracht|kade|gade|vej|gatan|vägen|väg|ul\.|ulica|al\.|rua|travessa|"
    r"largo|p\.?o\.? box|postfach)\b|(?:straße|strasse|str\.|weg|gade|vej|gatan|vägen|straat)\b",
    re.IGNORECASE,
)
_COLUMNS = re.compile(r"\t+|\s{3,}")
_LABEL = re.compile(r"^\s*[\w .]{1,20}:\s*")
_SEGMENTS = re.compile(r"\s*(?:,|\||·|•|\s[-*–]\s)\s*|\t+|\s{3,}")
# Country names in the languages our users write in; pycountry ships the ISO 3166 translations.
_LANGUAGES = ("de", "fr", "es", "it", "nl", "da", "sv", "pl", "pt", "fi", "nb")
_ALIASES = {
    "usa": "US",
    "u.s.a": "US",
    "u.s": "US",
    "us": "US",
    "united states of america": "US",
    "uk": "GB",
    "u.k": "GB",
    "england": "GB",
    "great britain": "GB",
    "scotland": "GB",
    "deutschland": "DE",
    "brd": "DE",
    "holland": "NL",
    "the netherlands": "NL",
}


@dataclass(frozen=True)
class Address:
    """Address parts found in a block, each with the index of the line it came from."""

    parts: dict[str, tuple[int, str]]


def find_address(block: list[str]) -> Address:
    """Return the address parts written in the block (empty when there is no postal line)."""
    parts: dict[str, tuple[int, str]] = {}
    found = _postal_line(block)
    if found:
        index, before, fields, after = found
        parts.update({k: (index, v) for k, v in fields.items() if v})
        street = _street(block, index, before, after)
        if street:
            parts["street_address"] = street
        country = _country_after(block, index, after)
        if country and "country" not in parts:
            parts["country"] = country
    if "country" not in parts:
        for index, line in enumerate(block):
            if country_code(line.strip().strip(".,")):
                parts["country"] = (index, line.strip().strip(".,"))
                break
    return Address(parts)


def is_address_line(line: str) -> bool:
    """A postal-code line or a street line."""
    text = _LABEL.sub("", line.strip())
    patterns = (_US, _UK, _EU)
    segments = [s for s in _SEGMENTS.split(text) if s]
    return bool(_postal(text, patterns)) or any(_postal(s, patterns) for s in segments) or (_is_street(text))


def country_code(name: str) -> str | None:
    """ISO alpha-2 code for a country name written in English or one of our languages."""
    return _countries().get(name.casefold().strip(" .")) if name else None


def _postal_line(
    block: list[str],
) -> tuple[int, list[str], dict[str, str | None], list[str]] | None:
    """The first line holding a postal code and city, with the segments before and after them."""
    # "City, ST 12345" is tried on whole lines first: a street line like "1400 Smith Street"
    # would otherwise read as a European "1400 Smith".
    for patterns in ((_US, _UK), (_EU,)):
        for index, line in enumerate(block):
            text = _LABEL.sub("", line.strip())
            if fields := _postal(text, patterns):
                return index, [], fields, []
            segments = [s for s in _SEGMENTS.split(text) if s]
            for position in range(len(segments)):
                for width in (1, 2):  # "Burlington, MA 01803" is split at its comma
                    segment = ", ".join(segments[position : position + width])
                    if fields := _postal(segment, patterns):
                        after = segments[position + width :]
                        return index, segments[:position], fields, after
    return None


def _postal(segment: str, patterns: tuple[re.Pattern[str], ...]) -> dict[str, str | None] | None:
    for pattern in patterns:
        match = pattern.match(segment.strip())
        if match:
            groups = match.groupdict()
            city = (groups.get("city") or "").strip(" ,")
            if not city or len(city.split()) > 4 or pattern is _US and country_code(city):
                continue
            if _STREET_WORD.search(city) or re.search(r"\d|@", city):
                continue
            country = (groups.get("country") or "").strip()
            return {
                "city": city,
                "state": groups.get("state"),
                "postal_code": groups["zip"],
                "country": country if country_code(country) else None,
            }
    return None


def _street(block: list[str], index: int, before: list[str], after: list[str]) -> tuple[int, str] | None:
    if before and _is_street(before[-1]):
        return index, before[-1]
    found: list[tuple[int, str]] = []
    back = index - 1
    while back >= 0 and len(found) < 2:
        # Columns ("121 SW Salmon Street<TAB>503.701.1160") hold other things beside the street.
        text = _COLUMNS.split(_LABEL.sub("", block[back].strip()))[0]
        if not text and not found and back == index - 1:
            back -= 1  # converted HTML puts a blank line between address lines
            continue
        if not text or not _is_street(text):
            break
        found.insert(0, (back, text))
        back -= 1
    if found:
        return found[0][0], ", ".join(text for _, text in found)
    streets = [segment for segment in after if _is_street(segment)]
    return (index, streets[0]) if streets else None


def _is_street(text: str) -> bool:
    if len(text) > 60 or "@" in text or sum(c.isdigit() for c in text) > 10:
        return False
    has_number = re.search(r"(?:^|\s)\d{1,5}[a-zA-Z]?(?:[\s,/-]|$)", text) is not None
    return bool(_STREET_WORD.search(text)) or (has_number and re.search(r"[^\W\d_]{3,}", text) is not None)


def _country_after(block: list[str], index: int, after: list[str]) -> tuple[int, str] | None:
    for segment in after:
        if country_code(segment.strip(" ./")):
            return index, segment.strip(" ./")
    if index + 1 < len(block) and country_code(block[index + 1].strip(" .")):
        return index + 1, block[index + 1].strip(" .")
    return None


@cache
def _countries() -> dict[str, str]:
    # Built once per process from pycountry's data and translations; read-only afterwards.
    names: dict[str, str] = dict(_ALIASES)
    catalogs = [
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for lang in _LANGUAGES
    ]
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if not value:
                continue
            names[value.casefold()] = country.alpha_2
            for catalog in catalogs:
                names[catalog.gettext(value).casefold()] = country.alpha_2
    return names
