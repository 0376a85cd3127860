"""Street, city, state, postal code and country from the address lines of a signature block."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mailhook.pipeline import postal
from mailhook.pipeline.postal import country_code

# Street words by language. Alone they make a street line ("Pol. Ind. Las Salinas", "Piazza
# del Duomo"), and a city holds none of them. Compounds end in one ("Bahnhofstrasse").
_WORDS = (
    r"street|road|rd\.?|avenue|ave\.?|drive|blvd|boulevard|lane|way|court|place|suite|"
    r"floor|square|plaza|highway|parkway|terrace|crescent|p\.?\s?o\.?\s?box|"  # en
    r"straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee|postfach|gewerbegebiet|"  # de
    r"rue|chemin|impasse|quai|faubourg|esplanade|zone industrielle|zone artisanale|lieu-dit|zi|zac|"  # fr
    r"calle|avda\.?|av\.|avenida|pza\.|paseo|carretera|ctra\.|ronda|travesía|polígono|pol\. ind\.?|"  # es
    r"urbanización|glorieta|rambla|carrer|passeig|avinguda|plaça|apartado|apdo\.|"  # es, ca
    r"via|viale|v\.le|piazza|p\.zza|piazzale|corso|c\.so|vicolo|località|contrada|lungomare|"  # it
    r"zona industriale|straat|laan|plein|gracht|kade|singel|postbus|"  # it, nl
    r"rua|travessa|largo|praça|alameda|rodovia|estrada|caixa postal|"  # pt
    r"ulica|ul\.|aleja|al\.|osiedle|ulice|náměstí|nám\.|třída|nábřeží|námestie|"  # pl, cs, sk
    r"utca|körút|krt\.|rakpart|sétány|fasor|"  # hu
    r"gatan|gata|vägen|torget|gränd|gade|vej|plads|stræde|postboks|veien|katu|"  # sv, da, no, fi
    r"strada|bulevardul|calea"  # ro
)
_SUFFIXES = (
    r"straße|strasse|str\.|weg|gasse|allee|platz|damm|ufer|gade|vej|vejen|gatan|vägen|straat|"
    r"laan|gracht|kade|plein|dijk|singel|plads|pladsen|torget|katu|veien|stræde"
)
# Beside a house number only: these are words of prose or abbreviations of other things too.
_NUMBERED_WORDS = (
    r"st\.|dr\.|u\.|út|tér|köz|r\.|pl\.|tř\.|rte|route|voie|cours|passage|allé|bd|gate|vei|väg|"
    r"col\.|jr\.|tv\.|plac|os\.|str|loc\.|fraz\.|urb\.|pº|c/"
)
_EDGE_L, _EDGE_R = r"(?<![^\W_])", r"(?![^\W_])"
_STREET_WORD = re.compile(
    # Compounds are tried from word starts only, so that a long word costs linear time.
    rf"{_EDGE_L}(?:{_WORDS}){_EDGE_R}|{_EDGE_L}c/|{_EDGE_L}[^\W\d_]{{2,}}?(?:{_SUFFIXES}){_EDGE_R}",
    re.IGNORECASE,
)
_NUMBERED_WORD = re.compile(rf"{_EDGE_L}(?:{_NUMBERED_WORDS}){_EDGE_R}", re.IGNORECASE)
_HOUSE_NUMBER = re.compile(r"(?:^|\s)\d{1,5}[a-zA-Z]?(?:[\s,/-]|$)")
_NUMBER = re.compile(r"(?:^|\s)\d{1,5}[a-zA-Z]?(?:[\s,/.-]|$)")  # "Fő u. 12."
# Post-office boxes: English, French (BP, CS, TSA), German, Dutch, Nordic, Spanish, Portuguese.
_BOX = re.compile(
    r"^(?:p\.?\s?o\.?\s?box|post\s?box|postfach|pf\.|postbus|postboks|box|b\.?p\.?|cs|tsa|"
    r"case postale|casella postale|apartado(?: de correos)?|apdo\.?|casilla(?: de correo)?|"
    r"caixa postal|skrytka pocztowa)\s*\d[\d ]{0,9}(?:\s+\S+)?$",
    re.IGNORECASE,
)
# What follows a street on its line: floor, door, unit, office, building ("3º B", "Piso 7").
_UNIT = re.compile(
    r"^(?:\d{1,3}\s?[ºª°]\.?(?:\s?(?:\d{1,2}\s?[ºª°]|[A-Za-z]{1,5}\.?))*|\d{1,3}\.\s?(?:th|tv|mf)\.?|"
    r"\d{1,3}(?:st|nd|rd|th|e|er|ème|\.)?\s+(?:floor|fl\.?|étage|stock|og|piso|planta|piano|andar|"
    r"emelet|em\.|piętro|p\.|sal)|(?:piso|planta|pta|puerta|"
    r"esc|escalera|of|ofic|oficina|local|bajo|nave|dpto|depto|apto|apt|sala|andar|bloco|conj|loja|"
    r"étage|bât|bâtiment|escalier|piano|scala|interno|stock|etage|haus|lok|lokal|m|piętro|em|ajtó|"
    r"fsz|suite|ste|floor|fl|unit|room|rm|level|apartment|flat|studio|km)(?:\.\s*|\s+)(?-i:[\dA-Z])[\w./-]{0,6})$",
    re.IGNORECASE,
)
# Building and estate names, taken in a run with a street ("Edif. Torre Sur", "Col. Juárez",
# "Courty House").
# Parts of a building with no number ("Hinterhaus", "bajo", "rez-de-chaussée").
_WING = re.compile(
    r"^(?:hinterhaus|vorderhaus|seitenflügel|rückgebäude|erdgeschoss|dachgeschoss|bajo|entresuelo|ático|"
    r"entreplanta|rez-de-chaussée|rdc|sous-sol|piano terra|souterrain)$",
    re.IGNORECASE,
)
_BUILDING = re.compile(
    r"^(?:edif\.?|edificio|torre|bloque|centro|immeuble|résidence|bât\.?|bâtiment|building|"
    r"bldg\.?|palazzo|col\.?|colonia|bairro|barrio|urb\.?|zi|za|zac|parc|gebäude|haus)\s+\S|"
    r"^[A-Z][^\W\d_]+(?: [A-Z][^\W\d_]+)? (?:House|Building|Centre|Center|Tower|Haus)$",
    re.IGNORECASE,
)
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
    rf"\s+(?P<rest>['’]?[^\W\d_].*)$"
)
_CITY_FIRST = re.compile(
    r"^(?P<head>[^\W\d_][^\d@:]*?)[\s,]+(?P<code>\d{5}(?:-\d{4})?|\d{5}-?\d{3}|\d{4}|[A-Z]\d[A-Z] ?\d[A-Z]\d|"
    r"[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|[A-Z]\d{2} ?[A-Z\d]{4}|[Xx]{5})$"
)
_PROVINCE = re.compile(r"^(?P<city>[A-Z][^\W\d_'’.-]*(?:[ '’-][^\W\d_]+){0,4})\s*\((?P<paren>[^()]+)\)$")
_PAREN = re.compile(r"^(?P<city>.*?)\s*\((?P<paren>[^()]+)\)$")
_CEDEX = re.compile(r"\s+cedex(?:\s+\d{1,3})?$", re.IGNORECASE)
_NOT_CITY = frozenset(
    {"tel", "tél", "fax", "phone", "mobile", "mob", "cell", "handy", "email", "e-mail", "www", "web"}
)
# "Adresse: ...", and the words that label an address without a colon ("Bezoekadres Naudstraat 98").
_LABEL = re.compile(
    r"^\s*(?:[\w .]{1,20}:|(?:address|visiting address|postal address|adresse|anschrift|dirección|"
    r"indirizzo|morada|endereço|adres|bezoekadres|postadres|adress|besöksadress|cím|adresa|osoite|"
    r"siedziba|sede|sitz)\b(?=\s+\S*\d|\s+\w+\s+\d))\s*",
    re.IGNORECASE,
)
# A bare house number or a mail stop / room code beside a street ("12", "259 D", "nº 5", "s/n",
# "#603", "EB 3885"), or a compass point ("NW").
_MAIL_STOP = re.compile(
    r"^(?:[A-Z#]{1,4}\s?-?)?\d{1,5}\s?[A-Za-z]?$|^(?:[NSEW]{1,2}|[NS]\.[EW]\.)$|^(?:n\.?\s?[ºo°]\.?\s?\d{1,5}|s/n)$",
    re.IGNORECASE,
)
# A street's name without a street word ("Stretto Sole", "Na Příkopě"), capitalised, no digits.
_NAME = re.compile(r"^[A-ZÀ-Ý][^\W\d_]*\.?(?:[ '’-][^\W\d_]+\.?){0,5}$")
_JOINS = re.compile(r"\s*(?:\||·|•|\s/)\s+|\t+|\s{3,}")
_COLUMNS = re.compile(r"\t+|\s{3,}")
_SEGMENTS = re.compile(r"\s*(?:,|\||·|•|\s[-*–/]\s)\s*|\t+|\s{3,}")


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
    lines = [_LABEL.sub("", line.strip()) for line in block]
    spans = [_spans(line) for line in lines]
    segments = [[line[a:b] for a, b in found] for line, found in zip(lines, spans, strict=True)]
    parts: dict[str, tuple[int, str]] = {}
    found = _postal_line(segments, _hints(lines, segments, sender))
    if found:
        index, position, width, read = found
        line, where = lines[index], spans[index]
        parts.update({k: (index + read.below.get(k, 0), v) for k, v in _fields(read).items() if v})
        street = _street(lines, index, line[: where[position][0]], line[where[position + width - 1][1] :])
        if street:
            parts["street_address"] = street
        _after(parts, index, segments[index][position + width :], read.countries)
        last = index + max(read.below.values(), default=0)
        if "country" not in parts and last + 1 < len(lines) and country_code(lines[last + 1]):
            parts["country"] = (last + 1, lines[last + 1].strip(" ."))
    elif street := _street_alone(lines):
        parts["street_address"] = street
        if city := _city_after_street(lines, segments, street):
            parts["city"] = city
            countries = [p for p in segments[city[0]] if postal.is_country_name(p)]
            if countries:
                parts["country"] = (city[0], countries[0].strip(" ."))
    if "country" not in parts:
        for index, line in enumerate(lines):
            if postal.is_country_name(line):  # a code alone elsewhere may be a department ("IT")
                parts["country"] = (index, line.strip(" .,"))
                break
    return Address(parts)


def is_address_line(line: str) -> bool:
    """A postal-code line or a street line."""
    text = _LABEL.sub("", line.strip())
    if not re.search(r"\d|[Xx]{4}", text) and not _STREET_WORD.search(text):
        return False
    segments = _segments(text)
    for position in range(len(segments)):
        for width in (1, 2):
            segment = ", ".join(segments[position : position + width])
            if _read_city_first(segment, ()) or _read_code_first(segment, ()):
                return True
    if len(segments) == 1 and (bare := _BARE_CODE.match(text)) and _specific(bare, ()):
        return True
    return _is_street(text) or any(_BOX.match(s) or _UNIT.match(s) for s in segments)


def _segments(line: str) -> list[str]:
    return [line[a:b] for a, b in _spans(line)]


def _spans(line: str) -> list[tuple[int, int]]:
    """Where the segments of a line are: between commas, pipes, bullets, spaced dashes, columns."""
    spans, start = [], 0
    for separator in _SEGMENTS.finditer(line):
        if separator.start() > start:
            spans.append((start, separator.start()))
        start = max(start, separator.end())
    if start < len(line):
        spans.append((start, len(line)))
    return spans


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
            street_before = position > 0 and _is_street(parts[position - 1])
            street_above = index > 0 and bool(segments[index - 1]) and _is_street(segments[index - 1][-1])
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
    if not match or _BOX.match(segment.strip()):  # "P.O. Box 4778"
        return None
    code = match["code"]
    fits = _fits(code, hints, hinted)
    if fits is None or (fits and not any(_city_first(c) for c in fits)):
        return None
    city, state = _city_and_state(match["head"].strip(" ,"), fits)
    if not city or not _is_city(city) or postal.is_country_name(city):
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
    if match.group(0) != match["code"] and after and _is_city(after[0]):
        return (
            index,
            position + 1,
            1,
            _Postal(match["code"], after[0].strip(), None, None, fits),
        )  # "C.P. 06600, México"
    at, before = index, segments[index][:position]
    if not before and index > 0:
        at, before = index - 1, segments[index - 1]
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
    if not _is_city(city):  # "Dublin 2" is a city; a district number may end it
        return None
    below = {"postal_code": index - at, "state": state_at - at}
    read = _Postal(match["code"], city, state, None, fits, below)
    return at, len(before) - 1, 1, read


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
    if not match or not _is_city(match["city"]):
        return None
    paren = match["paren"].strip()
    where = postal.subdivision_of(paren, hints)
    if where is None and beside_street and len(paren) > 3:
        where = postal.subdivision_of(paren, postal.all_countries())
    return _Postal("", match["city"].strip(), paren, None, (where,)) if where else None


def _read_city(rest: str, code: str, fits: tuple[str, ...], hinted: bool) -> _Postal | None:
    """The city after a postal code, without CEDEX, with a province or country in brackets or
    after a slash ("10121 Torino (TO)", "75384 Paris CEDEX 08", "12345 Berlin / Germany")."""
    city, state, written = rest, None, None
    if "/" in city:
        head, _, tail = city.rpartition("/")
        if country_code(tail.strip()):
            city, written = head.strip(), tail.strip()
    if paren := _PAREN.match(city):
        city, inside = paren["city"], paren["paren"].strip()
        if postal.subdivision_of(inside, fits):
            state = inside
        elif country_code(inside):
            written = inside
    city = _CEDEX.sub("", city).strip()
    head, _, last = city.rpartition(" ")
    # "10121 Torino TO": a province code after the city, where the country is known.
    province = (
        head and state is None and len(last) > 1 and last.isupper() and postal.subdivision_of(last, fits)
    )
    if province and (hinted or not country_code(last)):
        city, state = head, last
    if not _is_city(city):
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


def _is_city(city: str) -> bool:
    words = city.split()
    if not words or len(words) > 5 or re.search(r"[@:,;/|]", city) or (city.isupper() and len(city) <= 3):
        return False  # "DC 20006" is the state's code and the ZIP
    if not (city[0].isupper() or city[:2] in ("'s", "’s")) or words[0].casefold().strip(".:") in _NOT_CITY:
        return False
    # A district number may end the city ("Praha 1"); no other digits.
    if re.search(r"\d", " ".join(words[:-1])) or not re.fullmatch(r"\d{1,2}|[^\d]+", words[-1]):
        return False
    # Small words may be lower-case ("Frankfurt am Main", "Rio de Janeiro"), longer ones not.
    if any(w[0].islower() and len(w) > 4 for w in words):
        return False
    # "St. Gallen", "St. Louis": a saint, not a street.
    return not _STREET_WORD.search(re.sub(r"^ste?\.\s", "", city, flags=re.IGNORECASE))


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


@dataclass(frozen=True)
class _Street:
    text: str
    strong: bool  # names a thoroughfare or a box, not only a unit or a number beside a word
    holds: bool  # holds a street or box at all, not only a floor or a wing ("Hinterhaus")


def _street(lines: list[str], index: int, head: str, tail: str) -> tuple[int, str] | None:
    """The street lines above the postal line (or the text before it on its line), else the
    street after it on its line ("1052 Budapest, Fő u. 12.") or on the line below."""
    found: list[tuple[int, str]] = []
    strong = False  # a street on the postal line itself: the lines above are something else
    holds = False
    if head and (same := _street_span(head, holding=False)):
        found, strong, holds = [(index, same.text)], same.strong, same.holds
    back = index - 1
    while back >= 0 and len(found) < 2 and not (found and strong):
        # Columns ("121 SW Salmon Street<TAB>503.701.1160") hold other things beside the street.
        text = _COLUMNS.split(lines[back])[0]
        if not text and not found and back == index - 1:
            back -= 1  # converted HTML puts a blank line between address lines
            continue
        above = _street_span(text, holding=False) if text else None
        if above is None:
            break
        found.insert(0, (back, above.text))
        holds = holds or above.holds
        back -= 1
    if found and holds:
        return found[0][0], ", ".join(text for _, text in found)
    if tail and (later := _street_span(tail, last=False)):
        return index, later.text
    below = lines[index + 1] if index + 1 < len(lines) else ""
    if _STREET_WORD.search(below) and _NUMBER.search(below) and not _digits(below) > 6:
        return index + 1, below
    return None


def _street_alone(lines: list[str]) -> tuple[int, str] | None:
    """A street written without a postal code ("Rua Augusta 100 - Lisboa"): only a clear one, a
    street word with a house number, or a post-office box."""
    for index, line in enumerate(lines):
        found = _street_span(_COLUMNS.split(line)[0]) if line else None
        if found and found.strong and (_NUMBER.search(found.text) or _BOX.match(found.text)):
            return index, found.text
    return None


def _city_after_street(
    lines: list[str], segments: list[list[str]], street: tuple[int, str]
) -> tuple[int, str] | None:
    """The place after a street that has no postal code, alone or before its country:
    "Rua Augusta 100 - Lisboa", "Calle 93 # 11-26" / "Bogotá, Colombia"."""
    index, text = street
    line = lines[index]
    rest = line[line.find(text) + len(text) :] if text in line else ""
    candidates = [(index, _segments(rest))] if _segments(rest) else []
    if index + 1 < len(lines):
        candidates.append((index + 1, segments[index + 1]))
    for at, parts in candidates[:1]:
        places = [p for p in parts if not postal.is_country_name(p)]
        # On the next line only with its country ("Bogotá, Colombia"), which makes it a place.
        named = (
            at == index or len(parts) > 1 or (at + 1 < len(lines) and postal.is_country_name(lines[at + 1]))
        )
        if named and len(places) == 1 and parts[0] == places[0] and _is_city(places[0]):
            return None if _holds_street(places[0]) else (at, places[0].strip())
    return None


def _street_span(text: str, last: bool = True, holding: bool = True) -> _Street | None:
    """The last (or first) run of street pieces in the text, as written, when it holds a street
    (or, not `holding`, only a floor or a wing): "Acme S.A., C/ Mayor 12, 3º B" gives
    "C/ Mayor 12, 3º B"."""
    spans = _spans(text)
    segments = [text[a:b] for a, b in spans]
    # "Via Roma, 5", "Stretto Sole, 34": a name, then its house number after a comma.
    named = {i for i in range(len(segments) - 1) if _NAME.match(segments[i]) and _numbered(segments[i + 1])}
    starts = {spans[i][0] for i in named}
    runs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for i, span in enumerate(spans):
        if i in named or _is_street_piece(segments[i]):
            current.append(span)
        else:
            runs, current = runs + [current] if current else runs, []
    runs = [r for r in [*runs, current] if r]
    streets = [r for r in runs if any(_holds_street(text[a:b]) or a in starts for a, b in r)]
    runs = streets if holding or streets else runs
    if not runs:
        return None
    run = runs[-1] if last else runs[0]
    pieces = [text[a:b] for a, b in run]
    strong = any(_BOX.match(p) or (_STREET_WORD.search(p) and not _UNIT.match(p)) for p in pieces)
    # Pipes, bullets and columns between the pieces become commas; commas and dashes stay as written.
    written = _JOINS.sub(", ", text[run[0][0] : run[-1][1]])
    return _Street(written, bool(strong), run in streets)


def _numbered(segment: str) -> bool:
    """A house number, alone or with what follows it ("5", "12 B", "11 Appartamento 2"), not a floor."""
    return bool(re.match(r"\d{1,5}[A-Za-z]?(?:\s|/|-|$)", segment)) and not _UNIT.match(segment)


def _holds_street(segment: str) -> bool:
    return bool(_is_street(segment) or _BOX.match(segment))


def _is_street_piece(segment: str) -> bool:
    if _digits(segment) > 10 or "@" in segment or len(segment) > 60:
        return False
    return bool(
        _is_street(segment)
        or _BOX.match(segment)
        or _UNIT.match(segment)
        or _MAIL_STOP.match(segment)
        or _BUILDING.match(segment)
        or _WING.match(segment)
    )


def _is_street(text: str) -> bool:
    if len(text) > 60 or "@" in text or _digits(text) > 10:
        return False
    has_number = _HOUSE_NUMBER.search(text) is not None
    if _STREET_WORD.search(text) or (_NUMBER.search(text) and _NUMBERED_WORD.search(text)):
        return True
    return has_number and re.search(r"[^\W\d_]{3,}", text) is not None


def _digits(text: str) -> int:
    return sum(map(str.isdigit, text))
