"""The Faker locales the generator draws from: language, country, weight and where addresses come from.

Every locale here was checked against Faker 40.x: it builds, and its person provider is its own.
Where Faker's address provider for a locale is only the en_US fallback ("Johnsonfurt"), the
address is made from the country's subdivisions instead (`ADDRESS_SOURCE`), so that no locale
teaches the tagger American streets under a Turkish name.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Locale:
    """A Faker locale as the generator uses it."""

    lang: str  # lexicon language: greetings, labels, legal forms, title words
    country: str  # ISO 3166 alpha-2 of the addresses
    weight: float = 1.0  # how often it is drawn, relative to the others
    address: str = "faker"  # "faker": Faker's own; "synth": subdivisions; else a donor locale


def _table() -> dict[str, Locale]:
    rows: list[tuple[str, str, str, float, str]] = [
        # English
        ("en_US", "en", "US", 4, "faker"), ("en_GB", "en", "GB", 2, "faker"),
        ("en_CA", "en", "CA", 1, "faker"), ("en_AU", "en", "AU", 1, "faker"),
        ("en_IE", "en", "IE", 1, "faker"), ("en_NZ", "en", "NZ", 0.7, "faker"),
        ("en_IN", "en", "IN", 0.7, "faker"), ("en_PH", "en", "PH", 0.5, "faker"),
        ("en_NG", "en", "NG", 0.5, "synth"), ("en_KE", "en", "KE", 0.5, "synth"),
        ("en_PK", "en", "PK", 0.5, "synth"), ("zu_ZA", "en", "ZA", 0.5, "faker"),
        # German
        ("de_DE", "de", "DE", 3, "faker"), ("de_AT", "de", "AT", 1.5, "faker"),
        ("de_CH", "de", "CH", 1.5, "faker"), ("de_LI", "de", "LI", 0.4, "synth"),
        ("de_LU", "de", "LU", 0.4, "synth"),
        # French
        ("fr_FR", "fr", "FR", 2.5, "faker"), ("fr_CH", "fr", "CH", 1, "faker"),
        ("fr_CA", "fr", "CA", 0.8, "faker"), ("fr_BE", "fr", "BE", 1, "synth"),
        ("fr_DZ", "fr", "DZ", 0.4, "faker"),
        # Spanish, Italian, Portuguese
        ("es_ES", "es", "ES", 2.5, "faker"), ("es_MX", "es", "MX", 1, "faker"),
        ("es_AR", "es", "AR", 0.8, "faker"), ("es_CL", "es", "CL", 0.8, "faker"),
        ("es_CO", "es", "CO", 0.8, "faker"), ("es_CA", "es", "ES", 0.5, "es_ES"),
        ("it_IT", "it", "IT", 2.5, "faker"),
        ("pt_PT", "pt", "PT", 1.2, "faker"), ("pt_BR", "pt", "BR", 1.2, "faker"),
        # Dutch, Nordic
        ("nl_NL", "nl", "NL", 1.5, "faker"), ("nl_BE", "nl", "BE", 1, "faker"),
        ("da_DK", "da", "DK", 1, "faker"), ("sv_SE", "sv", "SE", 1, "faker"),
        ("no_NO", "no", "NO", 1, "faker"), ("fi_FI", "fi", "FI", 1, "faker"),
        ("is_IS", "is", "IS", 0.3, "synth"),
        # Central and eastern Europe
        ("pl_PL", "pl", "PL", 1.5, "faker"), ("cs_CZ", "cs", "CZ", 1.2, "faker"),
        ("sk_SK", "sk", "SK", 1, "faker"), ("hu_HU", "hu", "HU", 1.2, "faker"),
        ("ro_RO", "ro", "RO", 1, "faker"), ("hr_HR", "hr", "HR", 0.8, "faker"),
        ("sl_SI", "sl", "SI", 0.8, "faker"), ("bg_BG", "bg", "BG", 0.5, "synth"),
        ("mk_MK", "mk", "MK", 0.4, "faker"), ("uk_UA", "uk", "UA", 0.6, "faker"),
        ("ru_RU", "ru", "RU", 0.8, "faker"), ("el_GR", "el", "GR", 0.7, "faker"),
        ("tr_TR", "tr", "TR", 0.8, "synth"), ("lt_LT", "lt", "LT", 0.5, "synth"),
        ("lv_LV", "lv", "LV", 0.5, "synth"), ("et_EE", "et", "EE", 0.5, "synth"),
        # Further afield: other scripts and word orders, drawn less often
        ("az_AZ", "az", "AZ", 0.3, "faker"), ("ka_GE", "ka", "GE", 0.3, "faker"),
        ("hy_AM", "hy", "AM", 0.3, "faker"), ("he_IL", "he", "IL", 0.4, "faker"),
        ("fa_IR", "fa", "IR", 0.3, "faker"), ("ar_DZ", "ar", "DZ", 0.3, "faker"),
        ("hi_IN", "hi", "IN", 0.3, "faker"), ("th_TH", "th", "TH", 0.3, "faker"),
        ("vi_VN", "vi", "VN", 0.4, "faker"), ("id_ID", "id", "ID", 0.4, "faker"),
        ("zh_CN", "zh", "CN", 0.5, "faker"), ("zh_TW", "zh", "TW", 0.3, "faker"),
        ("ko_KR", "ko", "KR", 0.3, "faker"),
    ]
    return {loc: Locale(lang, country, weight, address) for loc, lang, country, weight, address in rows}


LOCALES: dict[str, Locale] = _table()
# Never in training: unseen people, streets, cities and companies in four countries of three
# language families (their languages' greetings and labels are in the shared lexicon). Italy and
# Poland, held out before, are trained on now: their mail is among the product's users'.
HELD_OUT_LOCALES: tuple[str, ...] = ("es_CO", "nl_BE", "ro_RO", "sk_SK")
TRAIN_LOCALES: tuple[str, ...] = tuple(loc for loc in LOCALES if loc not in HELD_OUT_LOCALES)


def address_donors() -> set[str]:
    """Locales whose addresses another locale borrows (a held-out locale must never be one)."""
    return {loc.address for loc in LOCALES.values() if loc.address not in ("faker", "synth")}
