"""Deterministic generator of synthetic signature blocks with character-level entity labels.

Faker supplies people, companies, jobs and addresses in 60+ locales (`locales`); `lexicon` and
`languages` supply what signatures share across languages. Layouts vary the way real signatures
do: one or several lines per field, "Name | Title | Company", two columns, bullets, addresses on
one line or several, labelled phones with extensions in words, logos, social bars, banners and
legal footers that name other people. Phones, e-mails and URLs are labelled O.
"""

from __future__ import annotations

import random
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import phonenumbers
from faker import Faker

from mailhook.training import client_noise, noise
from mailhook.training import lexicon as lx
from mailhook.training.address import AddressMaker
from mailhook.training.block import Block, Entity, LabelledSignature, Piece
from mailhook.training.locales import HELD_OUT_LOCALES, LOCALES, TRAIN_LOCALES, Locale
from mailhook.training.names import person_name, render_name
from mailhook.training.roles import company, department, job_title

__all__ = ["Entity", "LabelledSignature", "SignatureGenerator", "LOCALES", "LABELS",
           "HELD_OUT_LOCALES", "TRAIN_LOCALES", "Locale"]

LABELS: tuple[str, ...] = ("NAME", "TITLE", "ORG", "STREET", "CITY", "STATE", "POSTCODE", "COUNTRY")
# Languages a signature borrows greetings and labels from when it mixes (most mail mixes these).
_MIXING = ("en", "en", "en", "de", "fr", "es", "it", "nl", "pt")
_EXTENSIONS = (" poste {n3}", " Durchwahl -{n2}", " int. {n2}", " wew. {n2}", " ext. {n3}", " x{n3}",
               " (ext. {n3})", " interno {n2}", " lok. {n2}", " kl. {n3}", " anexo {n3}", " DW {n2}",
               " -{n2}", " ramal {n3}", " toestel {n3}", " mellék {n2}", " linka {n3}", " Ext. {n4}",
               " (Durchwahl {n3})", " – poste {n2}")
_BULLETS = ("• ", "▪ ", "► ", "> ", "- ", "· ", "■ ", "| ")
_COLUMN_GAPS = ("\t", "\t\t", "    ", "        ", " | ", "\t|\t")
# "and" between two signers: a couple or a team signs, no one person (O).
_AND_WORDS = ("&", "&", "+", "and", "und", "et", "y", "e", "en", "og", "och", "és", "i", "a", "oraz", "ja")
# Stand-ins for a name in templates and anonymised mail (O): "[Your Name]", "Person B", "XXXX".
_STAND_INS = ("[Name]", "[Your Name]", "[NAME]", "<Name>", "<name>", "{name}", "[Vorname Nachname]",
              "[Nom Prénom]", "[Nombre Apellido]", "[Nome Cognome]", "Name Surname", "Vorname Nachname",
              "Prénom NOM", "Nombre Apellido", "Imię Nazwisko", "Voornaam Achternaam", "N.N.", "NN",
              "Person {letter}", "User {letter}", "Employee {n}", "Agent {n}", "Sender {letter}",
              "Mitarbeiter {letter}", "{x}", "[{x}]", "({x})", "[REDACTED]", "[removed]", "***")
# Short titles written before the company on one line: "CEO, FairAir", "Gérant - Dupont SARL".
_SHORT_TITLES = ("CEO", "CFO", "CTO", "COO", "CIO", "CMO", "CSO", "VP", "SVP", "EVP", "MD", "GM", "PM",
                 "Owner", "Founder", "Partner", "Director", "Inhaber", "Geschäftsführer", "Gérant",
                 "Directeur", "Gerente", "Director General", "Titolare", "Amministratore", "Prezes",
                 "Eigenaar", "Directeur-eigenaar", "Ügyvezető", "Jednatel", "VD", "Adm. direktør")


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

    def __init__(self, locales: Sequence[str] = TRAIN_LOCALES, seed: int = 0,
                 noise_rate: float = client_noise.RATE) -> None:
        self._rng = random.Random(seed)
        self._noise_rate = noise_rate  # the share of blocks a client's changes reach
        self._locales = tuple(locales)
        self._weights = [LOCALES[locale].weight for locale in self._locales]
        self._fakers: dict[str, Faker] = {}
        self._address_fakers: dict[str, Faker] = {}
        for i, locale in enumerate(self._locales):
            self._fakers[locale] = _faker(locale, seed * 1000 + i)
            donor = LOCALES[locale].address
            if donor not in ("faker", "synth"):
                self._address_fakers[locale] = _faker(donor, seed * 1000 + 500 + i)
        self._addresses = AddressMaker(self._rng)
        self._fake = self._fakers[self._locales[0]]

    def __iter__(self) -> Iterator[LabelledSignature]:
        while True:
            yield self.make()

    def take(self, count: int) -> list[LabelledSignature]:
        """The next `count` signatures."""
        return [self.make() for _ in range(count)]

    def make(self) -> LabelledSignature:
        """One signature in a locale drawn by weight, maybe as a mail client changed it."""
        return client_noise.noisy(self._rng, self._make(), self._noise_rate)

    def _make(self) -> LabelledSignature:
        rng = self._rng
        locale = rng.choices(self._locales, self._weights)[0]
        fake = self._fakers[locale]
        self._fake = fake  # the signer's locale, for a co-signer's name
        home, country = LOCALES[locale].lang, LOCALES[locale].country
        lang = home if rng.random() < 0.65 else rng.choice(
            _MIXING if rng.random() < 0.7 else tuple(lx.VALEDICTIONS))
        block = Block(rng)
        kind = rng.choices(["full", "name_only", "no_name", "contacts"], [73, 12, 7, 8])[0]
        person = self._person(fake, home, country)
        self._valediction(block, lang, person, kind)
        if kind == "name_only":
            return block.build(locale)
        if rng.random() < 0.05:  # a logo between the closing and the block
            block.line([(noise.logo(rng), None)])
        parts = self._parts(locale, lang, person, kind)
        if kind == "full" and rng.random() < 0.06:
            parts = _two_columns(parts, rng)
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
            if rng.random() < 0.5:  # a couple, a team or a placeholder signs: no NAME
                block.line([(self._stand_in(person), None)])
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

    def _stand_in(self, person: _Person) -> str:
        """Who signs when no one person does: "Anna & Marc", "Julia und Team", "[Your Name]"."""
        rng = self._rng
        if rng.random() < 0.5:
            fake = self._fake
            other = str(fake.first_name()) if rng.random() < 0.7 else str(fake.name())
            mine = person.first if rng.random() < 0.7 else f"{person.first} {person.last}"
            glue = rng.choice(_AND_WORDS)
            if rng.random() < 0.15:
                return f"{mine} ({glue if glue.isalpha() else 'and'} {other})"
            return f"{mine} {glue} {other}"
        return rng.choice(_STAND_INS).format(
            letter=rng.choice("ABCDXYZ"), n=rng.randint(1, 99), x="X" * rng.randint(3, 6),
            name="name")

    def _short_name(self, person: _Person) -> list[Piece]:
        rng = self._rng
        prefix = rng.choice(["", "", "", "-", "- ", "--", "~"])
        roll = rng.random()
        if roll < 0.5:
            name = person.first if rng.random() < 0.85 else person.first.lower()
            return [(prefix, None), (name, "NAME")] if prefix else [(name, "NAME")]
        return [(prefix, None), *person.name] if prefix else list(person.name)

    def _person(self, fake: Faker, lang: str, country: str) -> _Person:
        rng = self._rng
        first, last = person_name(rng, fake, lang)
        name = render_name(rng, first, last, lang)
        org = company(rng, fake, lang, country)
        domain = _slug(last if rng.random() < 0.3 else org.split()[0]) or "example"
        return _Person(name, first, last, job_title(rng, fake, lang), org, domain)

    def _parts(self, locale: str, lang: str, person: _Person, kind: str) -> list[list[list[Piece]]]:
        rng = self._rng
        fake = self._fakers[locale]
        where = LOCALES[locale]
        sep = rng.choice(lx.SEPARATORS)
        has_org = rng.random() < 0.8
        head = self._head(lang, person, kind, sep, has_org)
        body: list[list[list[Piece]]] = []
        if kind != "contacts" and rng.random() < 0.6:
            address = self._addresses.lines(self._address_fakers.get(locale, fake), lang,
                                            where.country, sep, synthetic=where.address == "synth")
            plain_org: list[Piece] = [(person.org, "ORG")]
            if plain_org in head and kind != "no_name" and rng.random() < 0.08:
                head.remove(plain_org)  # "ACME GmbH · Street 1 · 12345 City"
                address[0] = [(person.org, "ORG"), (sep, None), *address[0]]
            body.append(address)
        body.append(self._contacts(fake, where.country, person, sep, kind))
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
        if has_title and has_org and rng.random() < 0.14:
            if rng.random() < 0.4:
                title = [(rng.choice(_SHORT_TITLES), "TITLE")]
            glue_word = rng.choice([", ", " at ", " bei ", " chez ", " | ", " - ", " en ", " bij ", ", "])
            return [person.name, [*title, (glue_word, None), *org]]
        middle: list[list[Piece]] = [title] if has_title else []
        if has_org:
            middle.insert(len(middle) if rng.random() < 0.85 else 0, org)
        if rng.random() < 0.25:
            middle.insert(rng.randint(0, len(middle)), [(department(rng, lang), None)])
        return [person.name, *middle]

    def _contacts(self, fake: Faker, country: str, person: _Person, sep: str,
                  kind: str) -> list[list[Piece]]:
        rng = self._rng
        items: list[str] = []
        for labels, p in ((lx.PHONE_LABELS, 0.85), (lx.MOBILE_LABELS, 0.4), (lx.FAX_LABELS, 0.3)):
            if rng.random() < p:
                items.append(self._labelled(rng.choice(labels), self._phone(fake, country)))
        user = _slug(person.first) + rng.choice([".", "_", ""]) + _slug(person.last)
        tld = rng.choice(["com", "de", "fr", "es", "nl", "co.uk", "eu", "net", "org", "ch", "at"])
        if rng.random() < 0.5:
            items.append(self._labelled(rng.choice(lx.EMAIL_LABELS), f"{user}@{person.domain}.{tld}"))
        if rng.random() < 0.4:
            items.append(self._labelled(rng.choice(lx.WEB_LABELS), noise.url(rng, person.domain, tld)))
        if rng.random() < 0.1:
            items.insert(rng.randint(0, len(items)), rng.choice(lx.EXTENSION_LINES).format(
                d=rng.randint(1, 9), n3=rng.randint(100, 999), n4=rng.randint(1000, 9999),
                n5=rng.randint(10000, 99999)))
        if rng.random() < 0.06:
            items.append(f"{rng.choice(lx.SOCIAL_LABELS)}: {rng.choice(['@', '', 'in/'])}{user}")
        if rng.random() < 0.06:
            items.append(noise.social(rng, user, person.domain))
        if kind == "contacts" and not items:
            items.append(self._phone(fake, country))
        if rng.random() < 0.3 and len(items) > 1:
            cut = rng.randint(2, len(items))
            items = [sep.join(items[:cut]), *items[cut:]]
        if rng.random() < 0.06:
            bullet = rng.choice(_BULLETS)
            items = [bullet + item for item in items]
        return [[(item, None)] for item in items]

    def _phone(self, fake: Faker, country: str) -> str:
        """A phone number as people write it: Faker's, regrouped with a slash, maybe an extension."""
        rng = self._rng
        number = _phone_number(fake, country, rng)
        if rng.random() < 0.1 and " " in number.strip():
            head, _, rest = number.strip().partition(" ")
            digits = "".join(ch for ch in rest if ch.isdigit())
            if rng.random() < 0.5:
                rest = " ".join(digits[i:i + 2] for i in range(0, len(digits), 2))
            number = f"{head}{rng.choice([' / ', '/', ' /'])}{rest}"
        if rng.random() < 0.1:
            number += rng.choice(_EXTENSIONS).format(
                n2=rng.randint(10, 99), n3=rng.randint(100, 999), n4=rng.randint(1000, 9999))
        return number

    def _labelled(self, label: str, value: str) -> str:
        rng = self._rng
        roll = rng.random()
        if roll < 0.15:
            return value
        if roll < 0.25:
            return f"{value} ({label.lower().rstrip('.')})"
        return f"{label}{rng.choice([': ', ' ', ':  ', '.: ', ' : ', ' | '])}{value}"

    def _footer(self, fake: Faker, person: _Person) -> list[list[Piece]]:
        """What follows the block: logos, banners, social bars, registry lines, disclaimers (all O)."""
        rng = self._rng
        lines: list[str] = []
        if rng.random() < 0.08:
            lines.append(noise.logo(rng))
        if rng.random() < 0.12:
            lines.append(rng.choice(lx.NOISE_LINES))
        if rng.random() < 0.06:
            lines.append(noise.banner(rng, person.domain))
        if rng.random() < 0.05:
            lines.append(noise.social(rng, _slug(person.first + person.last), person.domain))
        if rng.random() < 0.05:
            text = rng.choice(lx.REGISTRY_LINES).format(
                name=fake.name(), name2=fake.name(), city=fake.city())
            lines.append(text)
        if rng.random() < 0.1:
            lines += [noise.legal_footer(rng, fake) for _ in range(rng.randint(1, 3))]
        if rng.random() < 0.1:
            lines.append(rng.choice(lx.DISCLAIMERS))
        return [[(line, None)] for line in lines]


def _faker(locale: str, seed: int) -> Faker:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # some locales warn about deprecated aliases
        fake = Faker(locale)
    fake.seed_instance(seed)
    return fake


def _phone_number(fake: Faker, country: str, rng: random.Random) -> str:
    """Faker's number, or one shaped like phonenumbers' example where the locale has no phone provider."""
    try:
        return str(fake.phone_number())
    except AttributeError:
        example = phonenumbers.example_number(country)
        if example is None:
            return f"+1 {rng.randint(200, 999)} {rng.randint(200, 999)} {rng.randint(1000, 9999)}"
        text = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        return "".join(rng.choice("0123456789") if ch.isdigit() and i > 4 else ch
                       for i, ch in enumerate(text))


def _two_columns(parts: list[list[list[Piece]]], rng: random.Random) -> list[list[list[Piece]]]:
    """Lay the name/title/address lines beside the contact lines, as a two-column HTML table
    reads once converted to text; the footer stays below."""
    *body, footer = parts
    lines = [line for part in body for line in part]
    left = [line for line in lines if any(label for _, label in line)]
    right = [line for line in lines if not any(label for _, label in line)]
    if not left or not right:
        return parts
    gap: Piece = (rng.choice(_COLUMN_GAPS), None)
    rows: list[list[Piece]] = []
    for i in range(max(len(left), len(right))):
        row = list(left[i]) if i < len(left) else []
        if i < len(right):
            row = [*row, gap, *right[i]] if row else [(" " * 8, None), *right[i]]
        rows.append(row)
    return [rows, footer]


def _slug(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isascii() and ch.isalnum())
