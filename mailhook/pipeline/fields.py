"""Field finders: each reads a signature block and returns candidates with their evidence."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mailhook.model import Evidence
from mailhook.pipeline.address import country_code, find_address, is_address_line
from mailhook.pipeline.candidate import Block, Candidate, Finder
from mailhook.pipeline.cjk import find_cjk
from mailhook.pipeline.lines import EMAIL, URL
from mailhook.pipeline.names import find_name
from mailhook.pipeline.phones import Phone, find_phones, normalise, row_parts
from mailhook.pipeline.roles import find_roles

# Region to read national phone numbers in when neither the block nor the domain says.
_LANGUAGE_REGION = {
    "de": "DE",
    "fr": "FR",
    "es": "ES",
    "it": "IT",
    "nl": "NL",
    "da": "DK",
    "sv": "SE",
    "pl": "PL",
    "pt": "PT",
    "fi": "FI",
    "no": "NO",
    "hu": "HU",
    "cs": "CZ",
    "sk": "SK",
    "ro": "RO",
    "el": "GR",
    "tr": "TR",
    "hr": "HR",
    "sl": "SI",
    "bg": "BG",
    "et": "EE",
    "lv": "LV",
    "lt": "LT",
    "ru": "RU",
    "uk": "UA",
    "zh": "CN",
    "ko": "KR",
    "en": "US",
}
_PIPES = re.compile(r"\s+[|·•]\s+")
_DASHES = re.compile(r"\s+[|·•\-–—]\s+")
_GENERIC_TLDS = frozenset({"com", "org", "net", "edu", "gov", "info", "biz", "io", "eu"})




def find_people(block: Block) -> list[Candidate]:
    """First and last name from the name line."""
    name = find_name(_unpiped(block.lines), block.author, block.language)
    if name is None:
        return []
    line = _unpiped(block.lines)[name.line]
    found = [("first_name", name.first), ("last_name", name.last)]
    return [_candidate(f, v, line, "name-rule", 0.8, name.line) for f, v in found if v]


def find_roles_and_company(block: Block) -> list[Candidate]:
    """Job title and company lines below the name."""
    lines = _unpiped(block.lines)
    name = find_name(lines, block.author, block.language)
    title, company = find_roles(lines, name.line if name else None, block.author)
    found = [("job_title", title), ("company", company)]
    return [_candidate(f, v.value, lines[v.line], v.how, v.confidence, v.line) for f, v in found if v]


def find_address_parts(block: Block) -> list[Candidate]:
    """Street, city, state, postal code and country from the postal line and its neighbours."""
    address = find_address(list(block.lines), _sender(block))
    return [_candidate(f, v, block.lines[i], "address-rule", 0.7, i) for f, (i, v) in address.parts.items()]


def find_phone_numbers(block: Block) -> list[Candidate]:
    """Numbers in the block; labelled numbers above it count too, with less confidence."""
    region = _region(block)
    found = []
    for index, line in enumerate(block.lines):
        for phone in _own_numbers(line):
            # A switchboard ("Standard :", "Zentrale") is the sender's number only when
            # the block gives no line of their own.
            confidence = 0.6 if phone.switchboard else 0.85
            found += _phones(phone.text, phone.kinds, line, confidence, index, region)
    for index, line in enumerate(block.above):
        for phone in find_phones(line):
            if phone.labelled:
                found += _phones(phone.text, phone.kinds, line, 0.5, 1000 + index, region)
    return found


def _own_numbers(line: str) -> Iterator[Phone]:
    """The line's numbers, part by part in a row between bars ("Acme | 9549 Garland Court |
    (303) 420-8280"): an unlabelled number counts unless its own part is a postal line
    ("Houston, TX 77002-7361" holds no phone)."""
    for part in row_parts(line):
        postal = is_address_line(part)
        yield from (phone for phone in find_phones(part) if phone.labelled or not postal)


def _sender(block: Block) -> str | None:
    return block.author.email if block.author else None


DEFAULT_FINDERS: tuple[Finder, ...] = (
    find_people,
    find_roles_and_company,
    find_address_parts,
    find_phone_numbers,
    find_cjk,
)


def _unpiped(lines: tuple[str, ...]) -> list[str]:
    """One-line signatures ("Ann Lee | CEO | Acme Inc. | +1 ...") read as one part per line."""
    result: list[str] = []
    for line in lines:
        splitter = _DASHES if EMAIL.search(line) or URL.search(line) else _PIPES
        parts = [part.strip() for part in splitter.split(line)]
        result.extend(parts if len(parts) >= 3 else [line])
    return result


def _phones(
    text: str, kinds: tuple[str, ...], line: str, confidence: float, order: int, region: str | None
) -> list[Candidate]:
    normal = normalise(text, region) or ""
    return [_candidate(k, text, line, "phone-rule", confidence, order, normal) for k in kinds]


def _candidate(
    field: str, value: str, line: str, how: str, confidence: float, order: int, normal: str = ""
) -> Candidate:
    value = value.strip()
    original = value if normal and normal != value else None
    evidence = Evidence(line=line.strip(), extractor=how, confidence=confidence, original=original)
    return Candidate(field, value, normal or value, evidence, order)


def _region(block: Block) -> str | None:
    address = find_address(list(block.lines), _sender(block))
    if "country" in address.parts and (code := country_code(address.parts["country"][1])):
        return code
    if block.author and block.author.email and "." in block.author.email:
        tld = block.author.email.rsplit(".", 1)[1].upper()
        if tld.lower() not in _GENERIC_TLDS and len(tld) == 2:
            return "GB" if tld == "UK" else tld
    return _LANGUAGE_REGION.get(block.language or "")
