"""Deterministic generator of synthetic signature blocks with character-level entity labels.

Faker supplies people, companies, jobs and addresses in many locales; `lexicon` supplies what
signatures share across languages. Layouts vary the way real signatures do: one or several lines
per field, "Name | Title | Company", addresses on one line or several, postcode before or after the
city, labelled phones, disclaimers and noise. Phones, e-mails and URLs are labelled O.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from faker import Faker

from mailhook.training import lexicon as lx
from mailhook.training.address import AddressMaker
from mailhook.training.block import Block, Entity, LabelledSignature, Piece
from mailhook.training.roles import company, department, job_title

__all__ = ["Entity", "LabelledSignature", "SignatureGenerator", "LOCALES", "LABELS"]

# Faker locale -> (lexicon language, ISO country). Held-out evaluation drops some of these.
LOCALES: dict[str, tuple[str, str]] = {
    "en_US": ("en", "US"), "en_GB": ("en", "GB"), "en_CA": ("en", "CA"), "en_AU": ("en", "AU"),
    "en_IE": ("en", "IE"), "de_DE": ("de", "DE"), "de_AT": ("de", "AT"), "de_CH": ("de", "CH"),
    "fr_FR": ("fr", "FR"), "fr_CH": ("fr", "CH"), "fr_CA": ("fr", "CA"), "es_ES": ("es", "ES"),
    "es_MX": ("es", "MX"), "it_IT": ("it", "IT"), "nl_NL": ("nl", "NL"), "nl_BE": ("nl", "BE"),
    "da_DK": ("da", "DK"), "sv_SE": ("sv", "SE"), "no_NO": ("no", "NO"), "fi_FI": ("fi", "FI"),
    "pl_PL": ("pl", "PL"), "pt_PT": ("pt", "PT"), "pt_BR": ("pt", "BR"), "cs_CZ": ("cs", "CZ"),
    "sk_SK": ("sk", "SK"), "hu_HU": ("hu", "HU"), "ro_RO": ("ro", "RO"), "el_GR": ("el", "GR"),
    "ru_RU": ("ru", "RU"), "tr_TR": ("tr", "TR"), "hr_HR": ("hr", "HR"), "sl_SI": ("sl", "SI"),
}
HELD_OUT_LOCALES: tuple[str, ...] = ("it_IT", "pl_PL")
TRAIN_LOCALES: tuple[str, ...] = tuple(loc for loc in LOCALES if loc not in HELD_OUT_LOCALES)
# Business mail is mostly English and German: draw those locales more often.
_LOCALE_WEIGHTS: dict[str, int] = {"en_US": 4, "en_GB": 2, "de_DE": 2}
LABELS: tuple[str, ...] = ("NAME", "TITLE", "ORG", "STREET", "CITY", "STATE", "POSTCODE", "COUNTRY")




@dataclass(frozen=True)
class _Person:
    name: list[Piece]
    first: str
    last: str
    title: str
    org: str
    domain: str


class SignatureGenerator:
    """Makes labelled signatures for the given Faker locales, reproducibly from `seed`."""

    def __init__(self, locales: Sequence[str] = TRAIN_LOCALES, seed: int = 0) -> None:
        self._rng = random.Random(seed)
        self._locales = tuple(locales)
        self._weights = [_LOCALE_WEIGHTS.get(locale, 1) for locale in self._locales]
        self._fakers: dict[str, Faker] = {}
        for i, locale in enumerate(self._locales):
            fake = Faker(locale)
            fake.seed_instance(seed * 1000 + i)
            self._fakers[locale] = fake
        self._addresses = AddressMaker(self._rng)

    def __iter__(self) -> Iterator[LabelledSignature]:
        while True:
            yield self.make()

    def take(self, count: int) -> list[LabelledSignature]:
        """The next `count` signatures."""
        return [self.make() for _ in range(count)]

    def make(self) -> LabelledSignature:
        """One signature in a locale drawn by weight."""
        locale = self._rng.choices(self._locales, self._weights)[0]
        fake = self._fakers[locale]
        lang, country = LOCALES[locale]
        lang = lang if self._rng.random() < 0.65 else self._rng.choice(list(lx.VALEDICTIONS))
        block = Block(self._rng)
        kind = self._rng.choices(["full", "name_only", "no_name", "contacts"], [75, 12, 5, 8])[0]
        person = self._person(fake, lang, kind)
        self._valediction(block, lang, person, kind)
        if kind == "name_only":
            return block.build(locale)
        parts = self._parts(fake, lang, country, person, kind)
        for part in parts:
            for line in part:
                block.line(line)
            block.maybe_blank(0.12)
        return block.build(locale)

    def _valediction(self, block: Block, lang: str, person: _Person, kind: str) -> None:
        rng = self._rng
        greeting = rng.choice(lx.VALEDICTIONS[lang if rng.random() < 0.8 else "en"])
        if kind == "no_name":
            if rng.random() < 0.4:
                block.line([(greeting, None)])
            return
        if kind == "name_only" or rng.random() < 0.5:
            if rng.random() < 0.12:  # "Best regards, John" on one line
                glue = rng.choice([" ", " ", " - ", ", "])
                block.line([(greeting.rstrip(",") + glue, None), *self._short_name(person)])
                return
            if rng.random() < 0.85:
                block.line([(greeting, None)])
                block.maybe_blank(0.3)
        if kind == "name_only":
            block.line(self._short_name(person))
            return
        if rng.random() < 0.15:  # a sign-off name above the full signature: "Ehud", blank, block
            block.line(self._short_name(person))
            block.maybe_blank(0.7)
        elif rng.random() < 0.03:  # initials or a nickname are not a name
            block.line([(rng.choice([person.first[:1] + person.last[:2], person.first[:3]]).lower(),
                         None)])
            block.maybe_blank(0.7)
        if rng.random() < 0.15:
            block.line([(rng.choice(lx.RULES), None)])

    def _short_name(self, person: _Person) -> list[Piece]:
        rng = self._rng
        prefix = rng.choice(["", "", "", "-", "- ", "--", "~"])
        roll = rng.random()
        if roll < 0.5:
            name = person.first if rng.random() < 0.85 else person.first.lower()
            return [(prefix, None), (name, "NAME")] if prefix else [(name, "NAME")]
        return [(prefix, None), *person.name] if prefix else list(person.name)

    def _person(self, fake: Faker, lang: str, kind: str) -> _Person:
        rng = self._rng
        first, last = fake.first_name(), fake.last_name()
        if lang in ("es", "pt") and rng.random() < 0.4:
            last = f"{last} {fake.last_name()}"
        elif rng.random() < 0.05:
            last = f"{last}-{fake.last_name()}"
        name = self._render_name(first, last, lang)
        org = company(rng, fake, lang)
        domain = _slug(last if rng.random() < 0.3 else org.split()[0]) or "example"
        return _Person(name, first, last, job_title(rng, fake, lang), org, domain)

    def _render_name(self, first: str, last: str, lang: str) -> list[Piece]:
        rng = self._rng
        roll = rng.random()
        if roll < 0.08:
            first = f"{first} {rng.choice('ABCDEFGHJKLMNPRSTW')}."
        elif roll < 0.11:
            first = f"{first[0]}."
        if rng.random() < 0.08 or (lang == "fr" and rng.random() < 0.2):
            last = last.upper()
        if lang == "hu" and rng.random() < 0.5 or rng.random() < 0.03:
            text = f"{last} {first}"
        elif rng.random() < 0.03:
            text = f"{last}, {first}"
        else:
            text = f"{first} {last}"
        if rng.random() < 0.04:
            text = text.upper()
        pieces: list[Piece] = []
        if rng.random() < 0.1:
            pieces.append((rng.choice(lx.HONORIFICS) + " ", None))
        if rng.random() < 0.05:
            pieces.insert(0, (rng.choice(lx.SIGNER_PREFIXES) + " ", None))
        if rng.random() < 0.03:
            pieces += [("*", None), (text, "NAME"), ("*", None)]
        else:
            pieces.append((text, "NAME"))
        if rng.random() < 0.07:
            pieces.append((rng.choice([", ", " ", " - "]) + rng.choice(lx.DEGREES), None))
        return pieces

    def _parts(self, fake: Faker, lang: str, country: str, person: _Person,
               kind: str) -> list[list[list[Piece]]]:
        rng = self._rng
        sep = rng.choice(lx.SEPARATORS)
        has_org = rng.random() < 0.8
        head = self._head(lang, person, kind, sep, has_org)
        body: list[list[list[Piece]]] = []
        if kind != "contacts" and rng.random() < 0.6:
            address = self._addresses.lines(fake, lang, country, sep)
            plain_org: list[Piece] = [(person.org, "ORG")]
            if plain_org in head and kind != "no_name" and rng.random() < 0.08:
                head.remove(plain_org)  # "ACME GmbH · Street 1 · 12345 City"
                address[0] = [(person.org, "ORG"), (sep, None), *address[0]]
            body.append(address)
        body.append(self._contacts(fake, person, sep, kind))
        if rng.random() < 0.2:
            rng.shuffle(body)
        return [head, *body, self._footer(fake, person)]

    def _head(self, lang: str, person: _Person, kind: str, sep: str,
              has_org: bool) -> list[list[Piece]]:
        """Name, title, department and company lines, in one of the usual arrangements."""
        rng = self._rng
        has_title = rng.random() < 0.6
        title: list[Piece] = [(person.title, "TITLE")]
        org: list[Piece] = [(person.org, "ORG")]
        if rng.random() < 0.12:  # "Enron Corp. - Global Finance", "Sease Ltd. - www.sease.io"
            extra = department(rng, lang) if rng.random() < 0.7 else f"www.{person.domain}.com"
            glue: Piece = (rng.choice([" - ", " | ", ", ", " – "]), None)
            org = [*org, glue, (extra, None)] if rng.random() < 0.7 else [(extra, None), glue, *org]
        if kind == "no_name":
            return [org] if has_org else []
        if has_title and has_org and rng.random() < 0.08:
            return [[*person.name, (sep, None), *title, (sep, None), *org]]
        if has_title and rng.random() < 0.15:
            return [[*person.name, (sep, None), *title]] + ([org] if has_org else [])
        if has_title and has_org and rng.random() < 0.1:
            glue_word = rng.choice([", ", " at ", " bei ", " chez ", " | ", " - ", " en ", " bij ", ", "])
            return [person.name, [*title, (glue_word, None), *org]]
        middle: list[list[Piece]] = [title] if has_title else []
        if has_org:
            middle.insert(len(middle) if rng.random() < 0.85 else 0, org)
        if rng.random() < 0.25:
            middle.insert(rng.randint(0, len(middle)), [(department(rng, lang), None)])
        return [person.name, *middle]

    def _contacts(self, fake: Faker, person: _Person, sep: str, kind: str) -> list[list[Piece]]:
        rng = self._rng
        items: list[str] = []
        for labels, p in ((lx.PHONE_LABELS, 0.85), (lx.MOBILE_LABELS, 0.4), (lx.FAX_LABELS, 0.3)):
            if rng.random() < p:
                items.append(self._labelled(rng.choice(labels), str(fake.phone_number())))
        user = _slug(person.first) + rng.choice([".", "_", ""]) + _slug(person.last)
        tld = rng.choice(["com", "de", "fr", "es", "nl", "co.uk", "eu", "net", "org", "ch", "at"])
        if rng.random() < 0.5:
            items.append(self._labelled(rng.choice(lx.EMAIL_LABELS), f"{user}@{person.domain}.{tld}"))
        if rng.random() < 0.4:
            url = rng.choice(["www.", "https://www.", "http://", ""]) + f"{person.domain}.{tld}"
            items.append(self._labelled(rng.choice(lx.WEB_LABELS), url))
        if rng.random() < 0.1:
            items.insert(rng.randint(0, len(items)), rng.choice(lx.EXTENSION_LINES).format(
                d=rng.randint(1, 9), n3=rng.randint(100, 999), n4=rng.randint(1000, 9999),
                n5=rng.randint(10000, 99999)))
        if rng.random() < 0.06:
            items.append(f"{rng.choice(lx.SOCIAL_LABELS)}: {rng.choice(['@', '', 'in/'])}{user}")
        if kind == "contacts" and not items:
            items.append(str(fake.phone_number()))
        if rng.random() < 0.3 and len(items) > 1:
            cut = rng.randint(2, len(items))
            items = [sep.join(items[:cut]), *items[cut:]]
        return [[(item, None)] for item in items]

    def _labelled(self, label: str, value: str) -> str:
        rng = self._rng
        roll = rng.random()
        if roll < 0.15:
            return value
        if roll < 0.25:
            return f"{value} ({label.lower().rstrip('.')})"
        return f"{label}{rng.choice([': ', ' ', ':  ', '.: ', ' : ', ' | '])}{value}"

    def _footer(self, fake: Faker, person: _Person) -> list[list[Piece]]:
        rng = self._rng
        lines: list[list[Piece]] = []
        if rng.random() < 0.15:
            lines.append([(rng.choice(lx.NOISE_LINES), None)])
        if rng.random() < 0.07:
            text = rng.choice(lx.REGISTRY_LINES).format(
                name=fake.name(), name2=fake.name(), city=fake.city())
            lines.append([(text, None)])
        if rng.random() < 0.1:
            lines.append([(rng.choice(lx.DISCLAIMERS), None)])
        return lines


def _slug(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isascii() and ch.isalnum())
