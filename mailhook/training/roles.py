"""Job titles, company names and department lines in the shapes signatures use across languages."""

from __future__ import annotations

import random
import unicodedata

from faker import Faker

from mailhook.training import languages
from mailhook.training import lexicon as lx

_TITLE_GLUES = (" / ", " / ", " - ", " – ", " & ", " | ", ", ")
_TLDS = ("com", "io", "de", "fr", "es", "it", "nl", "pl", "eu", "net", "co", "at", "ch", "pt", "hu")


def job_title(rng: random.Random, fake: Faker, lang: str) -> str:
    """A Faker job (en where the locale has none), or one built from the language's title parts
    ("Head of Sales", "Leiter Einkauf", "Jefa de Compras / Logística")."""
    parts_lang = lang if lang in lx.TITLE_PARTS else "en"
    if rng.random() < (0.3 if parts_lang == lang else 0.55):
        return str(fake.job())
    senior, function, role, whole = lx.TITLE_PARTS[parts_lang]
    s, f, r, w = rng.choice(senior), rng.choice(function), rng.choice(role), rng.choice(whole)
    f2, glue = rng.choice(function), rng.choice(_TITLE_GLUES)
    patterns = (
        w, f"{s} {r}", f"{f} {r}", f"{r} {f}", f"{r}, {f}", f"{s} {f} {r}",
        f"{w} {rng.choice(['–', '-', '&', '/'])} {f}", f"{r} - {f}", f"{r} of {f}",
        f"{rng.choice(lx.EN_TITLE_PREFIXES)} {r}", f"Head of {f} Team", f"{r}, {w}",
        f"{s} {f}{glue}{f2}", f"{r}{glue}{w}", f"{w}{glue}{r}",
    )
    english = parts_lang == "en"
    weights = (6, 4, 4, 3, 3, 2, 1, 2, 1 + 2 * english, 2 * english, english, 1, 2, 1, 1)
    return rng.choices(patterns, weights)[0]


def company(rng: random.Random, fake: Faker, lang: str, country: str) -> str:
    """A company: Faker's, a surname/acronym with a trade word and a legal form of its language or
    country, a long registered name, an institution, a bare brand, or a domain-shaped name."""
    org = _company(rng, fake, lang, country)
    roll = rng.random()
    if roll < 0.04:
        return org.upper()
    if roll < 0.07:
        return org.lower()  # "kaufmann gmbh", "studio rossi"
    return org


def _legal_form(rng: random.Random, lang: str, country: str) -> str:
    if country in languages.COUNTRY_LEGAL_FORMS and rng.random() < 0.5:
        return rng.choice(languages.COUNTRY_LEGAL_FORMS[country])
    form_lang = lang if lang in lx.LEGAL_FORMS and rng.random() < 0.7 else rng.choice(list(lx.LEGAL_FORMS))
    return rng.choice(lx.LEGAL_FORMS[form_lang])


def _company(rng: random.Random, fake: Faker, lang: str, country: str) -> str:
    form = _legal_form(rng, lang, country)
    if form in ("Inc.", "Inc", "Ltd.", "LLC", "S.A.", "S.L.", "C. A.", "C.A.") and rng.random() < 0.3:
        form = f", {form}"  # "Example Economic Research, Inc.", "Grupo X, S.L."
    glue = "" if form.startswith(",") else " "
    acronym = "".join(rng.choice("ABCDEFGHIJKLMNOPRSTUVWXYZ") for _ in range(rng.randint(2, 4)))
    last = str(fake.last_name())
    pattern = rng.randrange(14)
    if pattern <= 2:
        return str(fake.company())
    if pattern == 3:
        return f"{last} {rng.choice(lx.ORG_WORDS)}{glue}{form}"
    if pattern == 4:
        return f"{last} & {fake.last_name()}{glue}{form}"
    if pattern == 5:
        return rng.choice(lx.UNIVERSITY_PATTERNS).format(city=fake.city())
    if pattern == 6:
        return f"{acronym} {rng.choice(lx.ORG_WORDS)}{glue}{form}"
    if pattern == 7:
        return f"{last}{glue}{form}"
    if pattern == 8:  # a bare brand: "Enron", "HERE", "Flax"
        return rng.choice([acronym, last, last.upper()])
    if pattern == 9 and lang in languages.LONG_ORGS:
        return rng.choice(languages.LONG_ORGS[lang]).format(last=last, city=fake.city())
    if pattern == 10 and lang in languages.PREFIX_FORMS:
        return f"{rng.choice(languages.PREFIX_FORMS[lang])} {last} {rng.choice(lx.ORG_WORDS)}"
    if pattern == 11:  # domain-shaped: "Bianchi-Impianti.it", "acme.io"
        slug = _slug(last) or acronym.lower()
        word = _slug(rng.choice(lx.ORG_WORDS))
        name = rng.choice([slug, f"{slug}-{word}", f"{slug}{word}"])
        name = name.capitalize() if rng.random() < 0.6 else name
        return f"{name}.{rng.choice(_TLDS)}"
    words = " ".join(rng.sample(lx.ORG_WORDS, rng.randint(1, 2)))
    return f"{last} {words}{glue}{form}"


def department(rng: random.Random, lang: str) -> str:
    """A department or team line, which is not the company."""
    if rng.random() < 0.4:
        return rng.choice(lx.DEPARTMENTS)
    parts = lx.TITLE_PARTS.get(lang) if rng.random() < 0.5 else None
    function = rng.choice((parts or lx.TITLE_PARTS["en"])[1])
    return rng.choice(lx.DEPARTMENT_PATTERNS).format(f=function, r=rng.choice(lx.REGIONS))


def _slug(text: str) -> str:
    """ASCII letters and digits of `text`, accents dropped ("Ingénierie" -> "ingenierie")."""
    plain = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in plain if ch.isascii() and ch.isalnum())
