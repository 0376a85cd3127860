"""Companies the rules alone missed: one in the title's line ("Jefa de Compras, Hierros del
Norte"), a line above the address that is not right under the name, legal forms of many
countries, lower-case and domain-shaped names. Real MIME messages, the shipped tagger and the
rules alone. Every sender and company here is invented."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from mailhook.model import Author, Evidence
from mailhook.pipeline import Finder, extract, load_finders, read_message
from mailhook.pipeline.candidate import Block, Candidate
from mailhook.pipeline.checks import check_span
from mailhook.pipeline.combine import choose
from mailhook.pipeline.organisations import ends_in_legal_form
from mailhook.pipeline.tokens import Span

TEXT = "Hello,\n\nthank you for the documents, we will come back to you next week.\n\nBest regards,\n"
# (sender, block, company, title): read so with the rules alone and with the tagger.
BOTH = {
    "de-pipe-own-domain": ("Paul Weiss <paul@nordwerk.de>",
                           "Paul Weiss\nTechnischer Vertrieb | Nordwerk\nTel. +49 711 8124420",
                           "Nordwerk", "Technischer Vertrieb"),
    "en-domain-shaped": ("Ann Lee <ann@brightline.io>", "Ann Lee\nbrightline.io\n+1 415 555 0100",
                         "brightline.io", None),
    "en-lower-case": ("Ann Lee <ann@brightline.io>",
                      "Ann Lee\nProduct Manager\nbrightline\n+1 415 555 0100",
                      "brightline", "Product Manager"),
    "sv-above-address": ("Sara Berg <sara.berg@gmail.com>",
                         "Sara Berg\nInköpschef\n\nNorrsken Design\nStorgatan 5\n111 22 Stockholm",
                         "Norrsken Design", "Inköpschef"),
    "nl-above-address": ("Piet Jansen <piet@gmail.com>",
                         "Piet Jansen\nAccountmanager\nDuinzicht Bouw\nKerkstraat 12\n1012 AB Amsterdam",
                         "Duinzicht Bouw", "Accountmanager"),
    "pl-sp-j": ("Jan Kowal <jan.kowal@gmail.com>",
                "Jan Kowal\nDyrektor handlowy\nPolmet Sp.j.\nul. Długa 5\n00-001 Warszawa",
                "Polmet Sp.j.", "Dyrektor handlowy"),
    "no-ans": ("Ole Nyborg <ole@gmail.com>", "Ole Nyborg\nSalgssjef\nFjordtre ANS\nTlf. +47 55 12 34 56",
               "Fjordtre ANS", "Salgssjef"),
    "et-ou": ("Eve Tamm <eve@gmail.com>", "Eve Tamm\nMüügijuht\nPõhjala OÜ\nTel. +372 5123 4567",
              "Põhjala OÜ", None),
    "it-sas": ("Lucia Rossi <lucia@gmail.com>",
               "Lucia Rossi\nResponsabile acquisti\nFerretti & Figli S.a.s.\nTel. +39 02 1234567",
               "Ferretti & Figli S.a.s.", "Responsabile acquisti"),
    "tr-as": ("Ahmet Kaya <ahmet@gmail.com>",
              "Ahmet Kaya\nSatış Müdürü\nKaya Tekstil A.Ş.\nTel. +90 212 123 45 67",
              "Kaya Tekstil A.Ş.", None),
    # the company line holds the sender's surname and a legal form: not the name line
    "ve-c-a": ("Ines Costa <ines@gmail.com>",
               "Ines Costa\nGerente\nCosta Hermanos, C. A.\nTel. +58 212 123 4567",
               "Costa Hermanos, C. A.", "Gerente"),
    # the line above the address, below the phone: not under the name
    "de-below-phone": ("Nina Wolf <nina@gmail.com>",
                       "Nina Wolf\nEinkauf\nTel. +49 30 123456\nAlpenblick Hotels\n"
                       "Hauptstraße 3, 80331 München",
                       "Alpenblick Hotels", "Einkauf"),
}
# Read so with the tagger: the rules alone miss these companies.
TAGGED = {
    "es-title-comma": ("Marta Gil <marta.gil@gmail.com>",
                       "Marta Gil\nJefa de Compras, Hierros del Norte\nTel. +34 944 123 456",
                       "Hierros del Norte", "Jefa de Compras"),
    "de-title-pipe": ("Jonas Müller <jm@gmx.de>",
                      "Jonas Müller\nTechnischer Vertrieb | Müller Haustechnik\nTel. +49 711 8124420",
                      "Müller Haustechnik", "Technischer Vertrieb"),
    "fr-title-dash": ("Claire Roux <claire.roux@gmail.com>",
                      "Claire Roux\nChef de projet SI - Atelier Lumière\nTél. +33 4 78 12 34 56",
                      "Atelier Lumière", "Chef de projet SI"),
}


def _fields(sender: str, block: str, finders: tuple[Finder, ...]) -> dict[str, str | None]:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "office@example.org"
    msg["Subject"] = "Re: documents"
    msg.set_content(TEXT + block + "\n")
    return extract(read_message(msg.as_bytes()).own, finders).fields


@pytest.fixture(scope="module")
def rules() -> tuple[Finder, ...]:
    return load_finders("off")


@pytest.fixture(scope="module")
def tagged() -> tuple[Finder, ...]:
    return load_finders("packaged")


@pytest.mark.parametrize("case", BOTH)
def test_companies_the_rules_read(case: str, rules: tuple[Finder, ...], tagged: tuple[Finder, ...]) -> None:
    sender, block, company, title = BOTH[case]
    for finders in (rules, tagged):
        fields = _fields(sender, block, finders)
        assert fields["company"] == company
        if title:
            assert fields["job_title"] == title


@pytest.mark.parametrize("case", TAGGED)
def test_companies_the_tagger_reads(case: str, tagged: tuple[Finder, ...]) -> None:
    sender, block, company, title = TAGGED[case]
    fields = _fields(sender, block, tagged)
    assert (fields["company"], fields["job_title"]) == (company, title)


def test_the_line_above_the_address_is_not_the_senders_name(rules: tuple[Finder, ...]) -> None:
    """A repeated name above the address names the person, not a company."""
    fields = _fields("Sara Berg <sara.berg@gmail.com>",
                     "Sara Berg\nInköpschef\n\nSara Berg\nStorgatan 5\n111 22 Stockholm", rules)
    assert fields["company"] is None


@pytest.mark.parametrize(
    "heading",
    ["Head Office", "Besöksadress", "Postanschrift", "Oficinas Centrales", "Siège social", "Bezoekadres",
     "Visiting address"],
)
def test_an_address_heading_above_the_address_is_no_company(heading: str, rules: tuple[Finder, ...]) -> None:
    fields = _fields("Sara Berg <sara.berg@gmail.com>",
                     f"Sara Berg\nInköpschef\nTel. +46 8 123 456\n{heading}\nStorgatan 5\n111 22 Stockholm",
                     rules)
    assert fields["company"] is None
    right_below = _fields("Sara Berg <sara.berg@gmail.com>",
                          f"Sara Berg\nInköpschef\n{heading}\nStorgatan 5\n111 22 Stockholm", rules)
    assert right_below["company"] is None


def _candidate(field: str, value: str, how: str, confidence: float) -> Candidate:
    return Candidate(field, value, value, Evidence(value, how, confidence), 0)


def test_a_title_holding_the_chosen_company_is_cut_before_it() -> None:
    chosen = choose([_candidate("job_title", "Jefa de Compras, Hierros del Norte", "title-rule", 0.7),
                     _candidate("company", "Hierros del Norte", "tagger", 0.6)])
    assert chosen["job_title"].value == "Jefa de Compras"
    # Without a separator before it the company is part of the title's words.
    chosen = choose([_candidate("job_title", "Director Acme", "title-rule", 0.7),
                     _candidate("company", "Acme", "tagger", 0.6)])
    assert chosen["job_title"].value == "Director Acme"


def test_a_legal_form_confirms_the_taggers_company() -> None:
    lines = ("Ines Costa", "Gerente", "Costa Hermanos, C. A.")
    block = Block(lines, (), Author("Ines Costa", "i@gmail.com"), "es")

    def span(text: str) -> Span:
        return Span(label="ORG", text=text, line=2, start=0, end=len(text), confidence=0.6)

    assert check_span(span("Costa Hermanos, C. A."), [], block) is True
    assert check_span(span("Polmet Sp.j."), [], block) is True
    assert check_span(span("Costa Hermanos"), [], block) is None
    assert check_span(span("Hermanos sa"), [], block) is None  # the form keeps its case


@pytest.mark.parametrize(
    ("name", "ends"),
    [
        ("Polmet Sp.j.", True),
        ("Costa Hermanos, C. A.", True),
        ("acme kft.", True),  # cleanco's Hungarian term, in any case
        ("Kaya Koop.", True),  # cleanco's Turkish cooperative
        ("Foo s. de r.l.", True),  # spaced after its dots
        ("Ber Bvba", True),
        ("Tanker as", False),  # two letters: a word as well ("as")
        ("Groupe Etat", False),  # a word cleanco also lists
        ("Nordwerk", False),
    ],
)
def test_legal_forms_of_many_countries(name: str, ends: bool) -> None:
    assert ends_in_legal_form(name) is ends
