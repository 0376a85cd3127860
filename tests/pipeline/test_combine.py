"""Choosing a value per field from independent finders, and the checks of the tagger's spans."""

from __future__ import annotations

import pytest

from mailhook.model import Author, Evidence
from mailhook.pipeline.candidate import Block, Candidate
from mailhook.pipeline.checks import check_span, country_of, postal_code_check
from mailhook.pipeline.combine import agreement_key, choose
from mailhook.pipeline.tagged import FOLLOWS, LEADS_CHECKED, POLICIES, candidates_from_spans
from mailhook.pipeline.tokens import Span


def cand(field: str, value: str, how: str, confidence: float, order: int = 0,
         normalised: str | None = None) -> Candidate:
    return Candidate(field, value, normalised or value, Evidence(value, how, confidence), order)


def block(lines: list[str], name: str | None = None, email: str | None = None) -> Block:
    author = Author(name, email) if name or email else None
    return Block(tuple(lines), (), author, None)


def test_two_finders_that_agree_beat_one_more_confident_finder() -> None:
    chosen = choose([cand("city", "Lyon", "address-rule", 0.7, 1),
                     cand("city", "LYON", "tagger", 0.54, 2),
                     cand("city", "Villeurbanne", "other-rule", 0.8, 0)])
    assert chosen["city"].value == "Lyon"
    assert chosen["city"].evidence.extractor == "address-rule+tagger"
    assert chosen["city"].evidence.confidence == pytest.approx(1 - 0.3 * 0.46, abs=1e-3)


def test_one_finder_repeating_itself_is_one_witness() -> None:
    chosen = choose([cand("company", "Acme", "tagger", 0.5, 1), cand("company", "Acme", "tagger", 0.5, 2),
                     cand("company", "Beta GmbH", "org-rule", 0.7, 0)])
    assert chosen["company"].value == "Beta GmbH"


def test_the_kept_candidate_is_the_groups_most_confident_with_its_normalisation() -> None:
    chosen = choose([cand("postal_code", "D-80331", "address-rule", 0.7, 3, "80331"),
                     cand("postal_code", "80331", "tagger", 0.5, 4)])
    assert (chosen["postal_code"].value, chosen["postal_code"].normalised) == ("D-80331", "80331")
    assert chosen["postal_code"].evidence.extractor == "address-rule+tagger"


def test_between_equals_the_earlier_line_wins() -> None:
    chosen = choose([cand("job_title", "CTO", "role-rule", 0.7, 5),
                     cand("job_title", "CEO", "role-rule", 0.7, 2)])
    assert chosen["job_title"].value == "CEO"


def test_agreement_ignores_case_accents_spacing_and_end_punctuation() -> None:
    assert agreement_key("  MÜLLER ") == agreement_key("Muller")
    assert agreement_key("Acme  Inc.") == agreement_key("acme inc")
    assert agreement_key("Lyon") != agreement_key("Lyons")


@pytest.mark.parametrize(("code", "countries", "verdict"), [
    ("10121", ["IT"], True), ("1012 AB", ["NL"], True), ("00-238", ["PL"], True),
    ("110 00", ["CZ"], True), ("1250-096", ["PT"], True), ("SW1A 1AA", ["GB"], True),
    ("10121", ["GB"], None),  # another country's shape: not confirmed, not refuted
    ("ABC-12-XYZ-99", ["DE"], False),
])
def test_postal_codes_are_checked_against_the_countrys_pattern(code: str, countries: list[str],
                                                               verdict: bool | None) -> None:
    assert postal_code_check(code, countries) is verdict


def test_countries_are_read_by_name_or_code() -> None:
    assert country_of("Italy") == "IT"
    assert country_of("CH") == "CH"
    assert country_of("Sales Department") is None


def test_a_name_the_from_header_shares_is_confirmed_and_another_persons_is_refuted() -> None:
    here = block(["Jean DUPONT"], "Jean Dupont", "jean.dupont@lumiere.fr")
    assert check_span(Span("NAME", "Jean DUPONT", 0, 0, 11, 0.9), [], here) is True
    footer = block(["Geschäftsführer: Hans Maier"], "Petra Schulz", "p.schulz@acme.de")
    assert check_span(Span("NAME", "Hans Maier", 0, 17, 27, 0.9), [], footer) is False
    nameless = block(["Hans Maier"], None, "info@acme.de")
    assert check_span(Span("NAME", "Hans Maier", 0, 0, 10, 0.9), [], nameless) is None


def test_a_company_carrying_the_senders_domain_is_confirmed_but_not_a_mail_providers() -> None:
    span = Span("ORG", "Lumière Conseil SARL", 0, 0, 20, 0.8)
    assert check_span(span, [], block(["x"], "Jean", "jean@lumiere-conseil.fr")) is True
    gmail = Span("ORG", "Gmail Fans Club", 0, 0, 15, 0.8)
    assert check_span(gmail, [], block(["x"], "Jean", "jean@gmail.com")) is None


def test_checked_spans_weigh_more_and_refuted_spans_are_dropped() -> None:
    lines = ["Jean DUPONT", "Via Roma 5 - 10121 Torino (TO)", "Geschäftsführer: Hans Maier", "Vertrieb"]
    spans = [Span("NAME", "Jean DUPONT", 0, 0, 11, 0.9), Span("POSTCODE", "10121", 1, 13, 18, 0.9),
             Span("TITLE", "Geschäftsführer", 2, 0, 15, 0.9), Span("NAME", "Hans Maier", 2, 17, 27, 0.9),
             Span("TITLE", "Vertrieb", 3, 0, 8, 0.9)]
    found = candidates_from_spans(spans, block(lines, "Jean Dupont", "jd@example.it"))
    by_field = {(c.field, c.value): c.evidence.confidence for c in found}
    assert by_field[("first_name", "Jean")] == pytest.approx(POLICIES["first_name"].confirmed * 0.9)
    assert by_field[("postal_code", "10121")] == pytest.approx(POLICIES["postal_code"].confirmed * 0.9)
    assert by_field[("job_title", "Vertrieb")] == pytest.approx(POLICIES["job_title"].unchecked * 0.9)
    # the role a legal box names someone else to ("Geschäftsführer: Hans Maier") is not the sender's
    assert ("job_title", "Geschäftsführer") not in by_field
    assert by_field[("first_name", "Jean")] < by_field[("postal_code", "10121")]
    assert ("first_name", "Hans") not in by_field


def test_the_tagger_leads_a_company_the_senders_domain_confirms_and_follows_for_titles() -> None:
    """Per field: a company span the domain confirms is proposed from a lower score and at its
    full score (over the rules' 0.7-0.85); a title span of the same score is not proposed."""
    assert POLICIES["company"] == LEADS_CHECKED and POLICIES["job_title"] == FOLLOWS
    lines = ["Marta Kowalska", "Kierownik Zakupów", "Nowak Logistyka Sp. z o.o."]
    spans = [Span("TITLE", "Kierownik Zakupów", 1, 0, 17, 0.72),
             Span("ORG", "Nowak Logistyka Sp. z o.o.", 2, 0, 26, 0.72)]
    found = candidates_from_spans(spans, block(lines, "Marta Kowalska", "m.kowalska@nowak-logistyka.pl"))
    assert [(c.field, c.evidence.confidence) for c in found] == [("company", pytest.approx(0.72))]
    # A legal form of some country confirms it too, from a mail provider's address.
    by_form = candidates_from_spans(spans, block(lines, "Marta Kowalska", "marta@gmail.com"))
    assert [(c.field, c.evidence.confidence) for c in by_form] == [("company", pytest.approx(0.72))]
    # Unchecked (no legal form, a mail provider's domain), it is proposed below any rule's confidence.
    bare = [spans[0], Span("ORG", "Nowak Logistyka", 2, 0, 15, 0.72)]
    unconfirmed = candidates_from_spans(bare, block(lines, "Marta Kowalska", "marta@gmail.com"))
    assert [(c.field, c.evidence.confidence) for c in unconfirmed] == [
        ("company", pytest.approx(LEADS_CHECKED.unchecked * 0.72, abs=1e-3))]


def test_a_from_header_in_doubt_confirms_no_name() -> None:
    """The checks weigh spans with the author the one parser believes: a From the readers
    disagree on (an address in the encoded display name, a second From) believes nobody, so it
    confirms no span (and such mail is never scanned at all: tests/trust/test_attacks.py)."""
    from mailhook.trust.authorship import author_in_block, read_header_block

    for head in (b"From: =?utf-8?q?Hans_Maier_=3Chans=40acme.example=3E?= <eve@evil.example>\r\n",
                 b"From: Hans Maier <hans@acme.example>\r\nFrom: Eve <eve@evil.example>\r\n"):
        raw = head + b"To: ann@us.example\r\nSubject: Re\r\n\r\nThanks.\r\n\r\nHans Maier\r\n"
        believed = author_in_block(read_header_block(raw)).believed
        assert believed is None
        here = Block(("Hans Maier",), (), believed, None)
        assert check_span(Span("NAME", "Hans Maier", 0, 0, 10, 0.9), [], here) is None
