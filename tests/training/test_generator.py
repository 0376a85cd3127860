"""The synthetic signature generator: its locales, its held-out split, and the layouts it must make."""

from __future__ import annotations

import re
import warnings

import pytest

pytest.importorskip("faker")
pytest.importorskip("pycountry")

from faker import Faker  # noqa: E402

from mailhook.pipeline.tokens import featurize  # noqa: E402
from mailhook.training.address import subdivision_cities  # noqa: E402
from mailhook.training.alignment import token_spans  # noqa: E402
from mailhook.training.generator import (  # noqa: E402
    HELD_OUT_LOCALES,
    LABELS,
    LOCALES,
    TRAIN_LOCALES,
    LabelledSignature,
    SignatureGenerator,
)
from mailhook.training.locales import address_donors  # noqa: E402


@pytest.fixture(scope="module")
def signatures() -> list[LabelledSignature]:
    return SignatureGenerator(TRAIN_LOCALES, seed=3).take(4000)


def _texts(signatures: list[LabelledSignature], label: str) -> list[str]:
    return [s.lines[e.line][e.start:e.end] for s in signatures for e in s.entities if e.label == label]


def _all_entity_texts(signatures: list[LabelledSignature]) -> list[str]:
    return [s.lines[e.line][e.start:e.end] for s in signatures for e in s.entities]


def _unlabelled_lines(signatures: list[LabelledSignature]) -> list[str]:
    return [line for s in signatures for i, line in enumerate(s.lines)
            if not any(e.line == i for e in s.entities)]


def test_sixty_training_locales_each_with_its_own_people() -> None:
    """At least 60 Faker locales train; each builds and has a person provider of its own (no en_US
    fallback names outside English locales)."""
    assert len(TRAIN_LOCALES) >= 60
    for locale in LOCALES:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fake = Faker(locale)
        providers = {type(p).__module__.split(".")[2]: type(p).__module__.split(".")[-1]
                     for p in fake.providers}
        own = providers["person"]
        assert own == locale or LOCALES[locale].lang == "en", (locale, own)


def test_held_out_locales_never_train_nor_lend_addresses() -> None:
    """The unseen-locale score means something only if those people and places never reach training."""
    assert HELD_OUT_LOCALES and not set(HELD_OUT_LOCALES) & set(TRAIN_LOCALES)
    assert not set(HELD_OUT_LOCALES) & address_donors()
    drawn = {s.locale for s in SignatureGenerator(TRAIN_LOCALES, seed=5).take(1500)}
    assert not drawn & set(HELD_OUT_LOCALES)
    assert len(drawn) >= 55, "draws should reach nearly every training locale"


def test_every_locale_makes_aligned_signatures_with_all_labels() -> None:
    """Held-out and training locales alike give entities that cover whole tagger tokens."""
    found: set[str] = set()
    for locale in LOCALES:
        for signature in SignatureGenerator([locale], seed=11).take(40):
            tokens = featurize(signature.lines)
            spans = token_spans(tokens, signature.entities)
            assert len(spans) == len(signature.entities), (locale, signature.lines)
            for (_, first, last), entity in zip(spans, signature.entities, strict=True):
                assert (tokens[first].start, tokens[last].end) == (entity.start, entity.end), locale
            found |= {e.label for e in signature.entities}
    assert found == set(LABELS)


def test_locales_without_faker_addresses_take_cities_from_their_country() -> None:
    """Turkish or Lithuanian signatures must not carry Faker's American fallback towns ("Johnsonfurt")."""
    for locale in ("tr_TR", "lt_LT", "fr_BE"):
        country = LOCALES[locale].country
        cities = set(_texts(SignatureGenerator([locale], seed=2).take(300), "CITY"))
        assert cities and cities <= set(subdivision_cities(country)), (locale, cities)


def test_post_office_boxes_are_street_lines(signatures: list[LabelledSignature]) -> None:
    """BP 210, CS 30012, Postfach 12 34, Apartado 123 and Casella postale are labelled STREET."""
    streets = _texts(signatures, "STREET")
    for box in ("BP ", "CS ", "Postfach ", "Apartado", "Casella postale "):
        assert any(s.startswith(box) for s in streets), box


def test_cedex_stays_out_of_the_city(signatures: list[LabelledSignature]) -> None:
    """"75008 Paris Cedex 08": the city is Paris; CEDEX is the delivery office."""
    lines = [line for s in signatures for line in s.lines if re.search(r"\bcedex\b", line, re.I)]
    assert lines
    assert not any("cedex" in city.lower() for city in _texts(signatures, "CITY"))


def test_italian_provinces_in_brackets_are_states(signatures: list[LabelledSignature]) -> None:
    """"10121 Torino (TO)": TO is the STATE, the brackets are not."""
    bracketed = [s.lines[e.line][e.start - 1:e.end + 1] for s in signatures if s.locale == "it_IT"
                 for e in s.entities if e.label == "STATE"]
    assert any(re.fullmatch(r"\([A-Z]{2}\)", text) for text in bracketed)


def test_spanish_and_hungarian_street_shapes(signatures: list[LabelledSignature]) -> None:
    """"C/ Mayor 12" and "Fő u. 12." appear as whole STREET entities."""
    streets = _texts(signatures, "STREET")
    assert any(s.startswith("C/") for s in streets)
    assert any(re.search(r" u\. \d+\.", s) for s in streets)


def test_names_with_particles_caps_and_initials(signatures: list[LabelledSignature]) -> None:
    """Particles (de la, van der, von), ALL-CAPS surnames and initials are inside the NAME span."""
    names = _texts(signatures, "NAME")
    for pattern in (r"\bde la\b", r"\bvan der\b", r"\bvon\b", r"\b[A-ZÀ-Ý]{3,}\b", r"\b[A-Z]\.[A-Z]?\.?"):
        assert any(re.search(pattern, name) for name in names), pattern


def test_legal_forms_and_odd_company_shapes(signatures: list[LabelledSignature]) -> None:
    """Legal forms of many countries end ORG spans; lower-case and domain-shaped names occur too."""
    orgs = _texts(signatures, "ORG")
    for form in ("GmbH", "S.L.", "S.r.l.", "Sp. z o.o.", "Kft.", "s.r.o.", "ApS", "AB", "Oy",
                 "B.V.", "Lda.", "Ltda.", "S.A.S.", "Inc.", "Pty Ltd"):
        assert any(org.endswith(form) for org in orgs), form
    assert any(org == org.lower() and " " in org for org in orgs)
    assert any(re.fullmatch(r"[\w-]+\.[a-z]{2,3}", org) for org in orgs)


def test_titles_with_separators(signatures: list[LabelledSignature]) -> None:
    """"Jefa de Compras / Logística": a title with a slash or dash is one TITLE span."""
    titles = _texts(signatures, "TITLE")
    assert any(" / " in title for title in titles)
    assert any(title.startswith("Jefa de ") for title in titles)


def test_extensions_in_words_are_not_entities(signatures: list[LabelledSignature]) -> None:
    """"poste 118", "Durchwahl -15", "int. 12", "wew. 21" sit on unlabelled phone lines."""
    lines = _unlabelled_lines(signatures)
    for extension in (r"poste \d+", r"Durchwahl -\d+", r"int\. \d+", r"wew\. \d+"):
        assert any(re.search(extension, line) for line in lines), extension


def test_logos_banners_and_legal_footers_name_no_one(signatures: list[LabelledSignature]) -> None:
    """Logo placeholders, social bars and registry footers naming other people carry no entity."""
    lines = _unlabelled_lines(signatures)
    everything = [line for s in signatures for line in s.lines]
    entities = _all_entity_texts(signatures)
    for pattern in (r"\[cid:image\d{3}\.(png|jpg)@01D", r"Geschäftsführer: \w+", r"\bHRB \d+",
                    r"\bRCS \w+", r"P\.IVA \d{11}", r"NIP: .*REGON", r"IČO: \d{8}", r"Follow us: "):
        # two-column rows and rows between bars (client noise) hold them beside labelled parts:
        # on lines of their own they are unlabelled, and no entity ever holds them
        hits = [line for line in everything if re.search(pattern, line) and "\t" not in line
                and "    " not in line.strip() and " | " not in line and " · " not in line]
        assert hits, pattern
        assert any(line in lines for line in hits), pattern
        assert not any(re.search(pattern, text) for text in entities), pattern


def test_two_column_rows_put_contacts_beside_labelled_lines(signatures: list[LabelledSignature]) -> None:
    """A two-column table flattened to text: a NAME or address line and a phone or e-mail on one row."""
    rows = [s.lines[e.line] for s in signatures for e in s.entities
            if "\t" in s.lines[e.line] and re.search(r"@|\d{3}", s.lines[e.line][e.end:])]
    assert rows

