"""Street lines of a signature block: street words by language, house numbers, units, boxes
and buildings; the street beside a postal line, or alone with the city after it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mailhook.pipeline import postal
from mailhook.pipeline.labels import LABEL as PHONE_LABEL
from mailhook.pipeline.lexicon import LEGAL, REGISTRY

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
    r"strada|bulevardul|calea|"  # ro
    r"улица|ул\.|проспект|пр-т|просп\.|пр\.|переулок|пер\.|шоссе|ш\.|бульвар|б-р|набережная|наб\.|"  # ru
    r"площадь|пл\.|проезд|вулиця|вул\.|провулок|бульвар|площа|улица|бул\."  # ru, uk, bg
)
_SUFFIXES = (
    r"straße|strasse|str\.|weg|gasse|allee|platz|damm|ufer|gade|vej|vejen|gatan|vägen|straat|"
    r"laan|gracht|kade|plein|dijk|singel|plads|pladsen|torget|katu|veien|stræde"
)
# Beside a house number only: these are words of prose or abbreviations of other things too.
_NUMBERED_WORDS = (
    r"st\.|dr\.|u\.|út|tér|köz|r\.|pl\.|tř\.|rte|route|voie|cours|passage|allé|bd|gate|vei|väg|"
    r"col\.|jr\.|tv\.|plac|os\.|str|loc\.|fraz\.|urb\.|pº|c/(?!o\b)"
)
_EDGE_L, _EDGE_R = r"(?<![^\W_])", r"(?![^\W_])"
STREET_WORD = re.compile(
    # Compounds are tried from word starts only, so that a long word costs linear time.
    rf"{_EDGE_L}(?:{_WORDS}){_EDGE_R}|{_EDGE_L}c/(?!o\b)|{_EDGE_L}[^\W\d_]{{2,}}?(?:{_SUFFIXES}){_EDGE_R}",
    re.IGNORECASE,
)
_NUMBERED_WORD = re.compile(rf"{_EDGE_L}(?:{_NUMBERED_WORDS}){_EDGE_R}", re.IGNORECASE)
_HOUSE_NUMBER = re.compile(r"(?:^|\s)\d{1,5}[a-zA-Z]?(?:[\s,/-]|$)")
_NUMBER = re.compile(r"(?:^|\s)\d{1,5}[a-zA-Z]?(?:[\s,/.-]|$)")  # "Fő u. 12."
# Post-office boxes: English, French (BP, CS, TSA), German, Dutch, Nordic, Spanish, Portuguese.
BOX = re.compile(
    r"^(?:p\.?\s?o\.?\s?box|post\s?box|postfach|pf\.|postbus|postboks|box|b\.?p\.?|cs|tsa|"
    r"case postale|casella postale|apartado(?: de correos)?|apdo\.?|casilla(?: de correo)?|"
    r"caixa postal|skrytka pocztowa)\s*:?\s*\d[\d ]{0,9}(?:\s+\S+)?$",
    re.IGNORECASE,
)
# What follows a street on its line: floor, door, unit, office, building ("3º B", "3.º Esq.",
# "Piso 7", "4/F").
UNIT = re.compile(
    r"^(?:\d{1,3}\.?\s?[ºª°]\.?(?:\s?(?:\d{1,2}\s?[ºª°]|[A-Za-z]{1,5}\.?))*|\d{1,3}\.\s?(?:th|tv|mf)\.?|"
    r"\d{1,3}/f|"  # Hong Kong, China: the floor ("12/F, Tower 2")
    r"\d{1,2}(?:r|n|t|è|º)\s\d{1,2}[aª]|"  # ca: floor and door ("4t 2a", "1r 1a")
    r"st\.\s?(?:th|tv|mf)\.?|m\.?\s?\d{1,4}[a-z]?|"  # da: ground floor and side; pl: flat ("m. 5")
    r"(?:\d{1,3}|[IVX]{1,4})(?:st|nd|rd|th|e|er|ème|\.)?\s+(?:floor|fl\.?|étage|stock|og|piso|planta|piano|"
    r"andar|emelet|em\.|piętro|p\.|sal|patro|poschodie|kerros|krs\.?|etasje|etg\.?|våning|vån\.?|"
    r"verdieping|etage|tr\.?|trappor|trappa)|(?:piso|planta|pta|puerta|raum|zimmer|pokój|kancelář|"
    r"esc|escalera|of|ofic|oficina|local|bajo|nave|dpto|depto|apto|apt|sala|andar|bloco|conj|loja|"
    r"étage|bât|bâtiment|escalier|piano|scala|interno|stock|etage|haus|lok|lokal|piętro|em|ajtó|"
    r"fsz|suite|ste|floor|fl|unit|room|rm|level|apartment|flat|studio|km|"
    r"et|etaj|ap|sc|bl|"  # ro: floor, flat, staircase, block ("Str. Fabricii nr. 46, et. 2")
    # ru, uk: house, building, block, office, flat, floor, premises ("д. 12", "стр. 1", "оф. 305")
    r"д|дом|стр|строение|корп|корпус|к|оф|офис|кв|эт|этаж|пом|помещение|буд|будинок|секция)"
    r"(?:\.\s*|\s+)(?-i:[\dA-Z])[\w./-]{0,6})$",
    re.IGNORECASE,
)
# Parts of a building with no number ("Hinterhaus", "bajo", "rez-de-chaussée").
_WING = re.compile(
    r"^(?:hinterhaus|vorderhaus|seitenflügel|rückgebäude|erdgeschoss|dachgeschoss|bajo|entresuelo|ático|"
    r"entreplanta|rez-de-chaussée|rdc|sous-sol|piano terra|souterrain|r/c|rés-do-chão)$",
    re.IGNORECASE,
)
# Building and estate names, taken in a run with a street ("Edif. Torre Sur", "Col. Juárez",
# "Courty House", "Riverside Park", "Parque Empresarial Norte").
_BUILDING = re.compile(
    r"^(?:edif\.?|edificio|torre|bloque|centro|immeuble|résidence|bât\.?|bâtiment|building|"
    r"bldg\.?|palazzo|palazzina|col\.?|colonia|bairro|barrio|urb\.?|zi|za|zac|parc|parque|gebäude|haus|"
    r"edifício|prédio|biurowiec|budynek|budova|gebouw|byggnad|bygning)\s+\S|"
    r"^[A-Z][^\W\d_]+(?: [A-Z][^\W\d_]+)? (?:House|Building|Centre|Center|Tower|Haus|Park|Estate|Campus)$",
    re.IGNORECASE,
)
_NOT_CITY = frozenset(
    {"tel", "tél", "fax", "phone", "mobile", "mob", "cell", "handy", "email", "e-mail", "www", "web"}
)
# A bare house number or a mail stop / room code beside a street ("12", "259 D", "nº 5", "s/n",
# "#603", "EB 3885"), or a compass point ("NW").
_MAIL_STOP = re.compile(
    r"^(?:[A-Z#]{1,4}\s?-?)?\d{1,5}\s?[A-Za-z]?$|^(?:[NSEW]{1,2}|[NS]\.[EW]\.)$|^(?:n\.?\s?[ºo°]\.?\s?\d{1,5}|s/n)$",
    re.IGNORECASE,
)
# A street's name without a street word ("Stretto Sole", "Na Příkopě"), capitalised, no digits.
_NAME = re.compile(r"^[A-ZÀ-Ý][^\W\d_]*\.?(?:[ '’-][^\W\d_]+\.?){0,5}$")
# An English street type with a capitalised word after it and no number on the line names a
# business ("Harbour Lane Supplies", "Abbey Road Studios"); English streets end in their type
# ("Station Road"), save a compass point ("Park Lane North").
_TYPE_THEN_NAME = re.compile(
    r"(?i:\b(?:street|road|lane|way|drive|terrace|crescent|parkway|highway))\s+"
    r"(?!(?:North|South|East|West|[NSEW]{1,2})\b)[A-Z][a-z]"
)
# Opening hours ("Mo-Fr 9-17 Uhr", "8:00-17:30", "9am - 5pm") hold numbers and words, not a street.
_HOURS = re.compile(
    r"\d{1,2}(?:[:.h]\d{2})?\s?(?:am|pm|h|uhr)?\s?[-–]\s?\d{1,2}(?:[:.h]\d{2})?\s?(?:am|pm|h|uhr)\b|"
    r"\d{1,2}[:.h]\d{2}\s?[-–]\s?\d{1,2}[:.h]\d{2}",
    re.IGNORECASE,
)
_JOINS = re.compile(r"\s*(?:\||·|•|\s/)\s+|\t+|\s{3,}")
_COLUMNS = re.compile(r"\t+|\s{3,}")
# A comma inside brackets ("Castelldefels (Barcelona, Spain)") parts no segment.
_SEGMENTS = re.compile(r"\s*(?:,(?![^()]{0,40}\))|\||·|•|\s[-*–—/]\s)\s*|\t+|\s{3,}")


# "35 rue Ponchardier 42031 St Etienne", "Hauptstraße 5 80331 München": street, postal code and
# city in one run; a comma where the code starts lets the postal rules read the code and city.
_LONGEST_ADDRESS = 160
_CODE_AFTER_STREET = re.compile(r"\s+(?=(?:[A-Z]{1,2}-)?(?:\d{4,5}|\d{4}-\d{3}|\d{2}-\d{3})\s+[^\W\d_])")


def parted_at_code(line: str) -> str:
    """The line with a comma between a street (a street word and a number) and the postal code
    that follows it with no separator; any other line as it is."""
    if len(line) > _LONGEST_ADDRESS:
        return line  # an address line is short; a long one is prose, and costs no more
    for gap in _CODE_AFTER_STREET.finditer(line):
        head = line[: gap.start()]
        if not (head[-1:].isalnum() or head.endswith(".")):
            continue  # "Via Roma 5 - 10121 Torino": parted already
        street = head[segment_spans(head)[-1][0] :]  # "Acme GmbH, Hauptstraße 5 80331 München"
        if STREET_WORD.search(street) and _NUMBER.search(street):
            return f"{head}, {line[gap.end() :]}"
    return line


def line_segments(line: str) -> list[str]:
    return [line[a:b] for a, b in segment_spans(line)]


def segment_spans(line: str) -> list[tuple[int, int]]:
    """Where the segments of a line are: between commas, pipes, bullets, spaced dashes, columns."""
    spans, start = [], 0
    for separator in _SEGMENTS.finditer(line):
        if separator.start() > start:
            spans.append((start, separator.start()))
        start = max(start, separator.end())
    if start < len(line):
        spans.append((start, len(line)))
    return spans


def is_city(city: str) -> bool:
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
    return not STREET_WORD.search(re.sub(r"^ste?\.\s", "", city, flags=re.IGNORECASE))


@dataclass(frozen=True)
class _Street:
    text: str
    strong: bool  # names a thoroughfare or a box, not only a unit or a number beside a word
    holds: bool  # holds a street or box at all, not only a floor or a wing ("Hinterhaus")


# The left edge of a box drawn around the block ("| Lab address: Delftechpark 26, ...").
_FRAME = re.compile(r"^[|│┃]\s+")
# "Adresse: ...", and the words that label an address without a colon ("Bezoekadres Naudstraat 98").
_LABEL = re.compile(
    r"^\s*(?:[\w .]{1,20}:|(?:address|visiting address|postal address|adresse|anschrift|dirección|"
    r"indirizzo|morada|endereço|adres|bezoekadres|postadres|adress|besöksadress|cím|adresa|osoite|"
    r"siedziba|sede|sitz)\b(?=\s+\S*\d|\s+\w+\s+\d))\s*",
    re.IGNORECASE,
)


# A label that is a post-office box's ("BP: 550", "Postfach: 12 34") or a house number's after
# the street ("Atatürk Cad. No: 15"): part of the address.
_BOX_LABEL = re.compile(
    r"(?<![\w.])(?:bp|b\.p\.|box|postfach|postbus|postboks|apartado|apdo\.?|cs)\s*:\s*$"
    r"|\S\s+(?:no|nr|n[º°o]|núm|num)\.?\s*:\s*$",
    re.IGNORECASE,
)


def unlabelled(line: str) -> str:
    """The line without a box's edge and the label before the address ("| Adresse: ...")."""
    text = _FRAME.sub("", line.strip())
    label = _LABEL.match(text)
    return text if label is None or _BOX_LABEL.search(label[0]) else text[label.end() :]


def find_street(lines: list[str], index: int, head: str, tail: str) -> tuple[int, str] | None:
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
        above = _street_span(text, holding=False) if text and not _phone_line(text) else None
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
    if STREET_WORD.search(below) and _NUMBER.search(below) and not _digits(below) > 6:
        return index + 1, below
    return None


def _phone_line(text: str) -> bool:
    """A labelled number ("Mob. 06 08 47 33 12", "Tel: 030 1234"): a contact, not a street. The
    label is a word or ends in a colon, since "W 42nd Street" starts with a compass point."""
    label = PHONE_LABEL.match(text.strip())
    if label is None:
        return False
    rest = text.strip()[label.end() :]
    return (len(label[0]) >= 2 or rest.startswith(":")) and re.match(r"[.:：]?\s*[+(]?\d", rest) is not None


def find_street_alone(lines: list[str]) -> tuple[int, str] | None:
    """A street written without a postal code ("Rua Augusta 100 - Lisboa"): only a clear one, a
    street word with a house number, or a post-office box."""
    for index, line in enumerate(lines):
        found = _street_span(_COLUMNS.split(line)[0]) if line else None
        if found and found.strong and (_NUMBER.search(found.text) or BOX.match(found.text)):
            return index, found.text
    return None


# A sentence's or a district's end before a capital ("00180 Helsinki. Y-tunnus: ...", "El Rosal.
# Caracas"); "St. Gallen", "Frankfurt a. M." abbreviate a word of the name.
SENTENCE_END = re.compile(r"(?<=[^\W\d_]{4})\.\s+(?=[A-ZÀ-Ý])")


def find_city_after_street(
    lines: list[str], segments: list[list[str]], street: tuple[int, str]
) -> tuple[int, str] | None:
    """The place after a street that has no postal code, alone or before its country:
    "Rua Augusta 100 - Lisboa", "Calle 93 # 11-26" / "Bogotá, Colombia"."""
    index, text = street
    line = lines[index]
    rest = line[line.find(text) + len(text) :] if text in line else ""
    candidates = [(index, line_segments(rest))] if line_segments(rest) else []
    below = index + 1 + (index + 2 < len(lines) and not lines[index + 1].strip())  # one blank line apart
    if below < len(lines):
        candidates.append((below, segments[below]))
    for at, parts in candidates[:1]:
        # "El Rosal. Caracas, Venezuela.": a district, a full stop, the city.
        parts = [SENTENCE_END.split(p)[-1] for p in parts]
        places = [p for p in parts if not postal.is_country_name(p)]
        # On the next line only with its country ("Bogotá, Colombia"), which makes it a place.
        named = (
            at == index or len(parts) > 1 or (at + 1 < len(lines) and postal.is_country_name(lines[at + 1]))
        )
        if named and len(places) == 1 and parts[0] == places[0] and is_city(places[0]):
            return None if _holds_street(places[0]) else (at, places[0].strip())
    return None


def _street_span(text: str, last: bool = True, holding: bool = True) -> _Street | None:
    """The last (or first) run of street pieces in the text, as written, when it holds a street
    (or, not `holding`, only a floor or a wing): "Acme S.A., C/ Mayor 12, 3º B" gives
    "C/ Mayor 12, 3º B"."""
    spans = segment_spans(text)
    segments = [text[a:b] for a, b in spans]
    # "Via Roma, 5", "Stretto Sole, 34": a name, then its house number after a comma.
    # A street written whole after a name ("Acme Consulting, 345 California Street") does not
    # need it: the name is a company's or a department's, not the street's.
    named = {
        i
        for i in range(len(segments) - 1)
        if _NAME.match(segments[i])
        and _numbered(segments[i + 1])
        and not LEGAL.search(segments[i])
        and not STREET_WORD.search(segments[i + 1])
    }
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
    strong = any(BOX.match(p) or (STREET_WORD.search(p) and not UNIT.match(p)) for p in pieces)
    # Pipes, bullets and columns between the pieces become commas; commas and dashes stay as written.
    written = _JOINS.sub(", ", text[run[0][0] : run[-1][1]])
    return _Street(written, bool(strong), run in streets)


def _numbered(segment: str) -> bool:
    """A house number, alone or with what follows it ("5", "12 B", "11 Appartamento 2"), not a floor."""
    return bool(re.match(r"\d{1,5}[A-Za-z]?(?:\s|/|-|$)", segment)) and not UNIT.match(segment)


def _holds_street(segment: str) -> bool:
    return bool(is_street(segment) or BOX.match(segment))


def _is_street_piece(segment: str) -> bool:
    if _digits(segment) > 10 or "@" in segment or len(segment) > 60 or _not_street(segment):
        return False
    return bool(
        is_street(segment)
        or BOX.match(segment)
        or UNIT.match(segment)
        or _MAIL_STOP.match(segment)
        or _BUILDING.match(segment)
        or _WING.match(segment)
    )


def is_street(text: str) -> bool:
    if len(text) > 60 or "@" in text or _digits(text) > 10 or _not_street(text):
        return False  # "Amtsgericht München HRB 12345" has a number and words, and is no street
    if not _digits(text) and _TYPE_THEN_NAME.search(text):
        return False
    has_number = _HOUSE_NUMBER.search(text) is not None
    if STREET_WORD.search(text) or (_NUMBER.search(text) and _NUMBERED_WORD.search(text)):
        return True
    return has_number and re.search(r"[^\W\d_]{3,}", text) is not None


# A department's number ("Dept 1419, Schoenaicher Str. 220", a German ministry's "Ref. 505"): the
# sender's place in the company, not the street's. ("Dpto. 4B" is a Spanish flat, a part of the street.)
_DEPARTMENT_NUMBER = re.compile(
    r"^(?:[-–—*~]\s*)?(?:dept\.?|department|abteilung|abt\.|referat|ref\.|afdeling|avdelning|avdeling|dział|oddělení|"
    r"osztály)\s*\d",
    re.IGNORECASE,
)


def _not_street(text: str) -> bool:
    return bool(REGISTRY.search(text) or _HOURS.search(text) or is_department_number(text))


def is_department_number(text: str) -> bool:
    return bool(_DEPARTMENT_NUMBER.match(text.strip()))


def _digits(text: str) -> int:
    return sum(map(str.isdigit, text))
