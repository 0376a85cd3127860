"""Job titles, company names and department lines in the shapes signatures use across languages."""

from __future__ import annotations

import random

from faker import Faker

from mailhook.training import lexicon as lx


def job_title(rng: random.Random, fake: Faker, lang: str) -> str:
    """A Faker job, or one built from the language's title parts ("Head of Sales", "Leiter Einkauf")."""
    if rng.random() < 0.3:
        return str(fake.job())
    senior, function, role, whole = lx.TITLE_PARTS[lang]
    s, f, r, w = rng.choice(senior), rng.choice(function), rng.choice(role), rng.choice(whole)
    patterns = (
        w, f"{s} {r}", f"{f} {r}", f"{r} {f}", f"{r}, {f}", f"{s} {f} {r}",
        f"{w} {rng.choice(['–', '-', '&', '/'])} {f}", f"{r} - {f}", f"{r} of {f}",
        f"{rng.choice(lx.EN_TITLE_PREFIXES)} {r}", f"Head of {f} Team", f"{r}, {w}",
    )
    weights = (6, 4, 4, 3, 3, 2, 1, 2, 1 + 2 * (lang == "en"), 2 * (lang == "en"),
               lang == "en", 1)
    return rng.choices(patterns, weights)[0]


def company(rng: random.Random, fake: Faker, lang: str) -> str:
    """A company: Faker's, or a surname/acronym with a trade word and a legal form, or an institution."""
    form_lang = lang if rng.random() < 0.7 else rng.choice(list(lx.LEGAL_FORMS))
    form = rng.choice(lx.LEGAL_FORMS[form_lang])
    if form_lang == "en" and rng.random() < 0.3:
        form = f", {form}"  # "Example Economic Research, Inc."
    glue = "" if form.startswith(",") else " "
    acronym = "".join(rng.choice("ABCDEFGHIJKLMNOPRSTUVWXYZ") for _ in range(rng.randint(2, 4)))
    pattern = rng.randrange(10)
    if pattern <= 2:
        org = str(fake.company())
    elif pattern == 3:
        org = f"{fake.last_name()} {rng.choice(lx.ORG_WORDS)}{glue}{form}"
    elif pattern == 4:
        org = f"{fake.last_name()} & {fake.last_name()}{glue}{form}"
    elif pattern == 5:
        org = rng.choice(lx.UNIVERSITY_PATTERNS).format(city=fake.city())
    elif pattern == 6:
        org = f"{acronym} {rng.choice(lx.ORG_WORDS)}{glue}{form}"
    elif pattern == 7:
        org = f"{fake.last_name()}{glue}{form}"
    elif pattern == 8:  # a bare brand: "Enron", "HERE", "Flax"
        org = rng.choice([acronym, fake.last_name(), fake.last_name().upper()])
    else:
        words = " ".join(rng.sample(lx.ORG_WORDS, rng.randint(1, 2)))
        org = f"{fake.last_name()} {words}{glue}{form}"
    return org.upper() if rng.random() < 0.04 else org


def department(rng: random.Random, lang: str) -> str:
    """A department or team line, which is not the company."""
    if rng.random() < 0.4:
        return rng.choice(lx.DEPARTMENTS)
    function = rng.choice(lx.TITLE_PARTS[lang if rng.random() < 0.5 else "en"][1])
    return rng.choice(lx.DEPARTMENT_PATTERNS).format(f=function, r=rng.choice(lx.REGIONS))
