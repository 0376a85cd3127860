"""Whom a mail was written to, read from its headers: the sentence model reads mail to one reader
only (docs/intent.md, sixth round); the cues read every mail alike."""

from __future__ import annotations

from email.message import EmailMessage
from typing import Any

import pytest

from mailhook.automation.addressing import Audience, group_address
from mailhook.automation.intent import MODEL_EARLIER, audience, detection_record
from mailhook.automation.sentence_model import SentenceModel

# Taken by the model, missed by the cues (as in test_sentence_model.MISSED_BY_THE_CUES).
MODELLED = "Hi Olga,\n\nhow is your tender for the school going?\n\nBest,\nRob\n"
CUED = "Hi Olga,\n\ncould you send me the tender documents by Friday?\n\nBest,\nRob\n"


def _message(body: str, to: str = "olga@partner.example", cc: str | None = None, earlier: int = 0) -> bytes:
    message = EmailMessage()
    message["From"], message["To"] = "rob@us.example", to
    if cc:
        message["Cc"] = cc
    if earlier:
        ids = [f"<m{n}@partner.example>" for n in range(earlier)]
        message["References"], message["In-Reply-To"] = " ".join(ids), ids[-1]
    message["Subject"], message["Date"] = "Tender", "Wed, 04 Mar 2026 09:00:00 +0100"
    message.set_content(body)
    return bytes(message)


@pytest.fixture(scope="module")
def model() -> SentenceModel:
    return SentenceModel.load()


def test_audience_counts_the_readers_and_the_messages_before_it_in_its_thread() -> None:
    raw = _message(MODELLED, to="Olga <olga@partner.example>, tom@partner.example",
                   cc='"Kim, Lee" <kim@us.example>', earlier=3)
    assert audience(raw) == Audience(readers=3, earlier=3, to_a_group=False)
    assert audience(_message(MODELLED)) == Audience(readers=1, earlier=0, to_a_group=False)


def test_a_reply_without_references_is_one_message_into_its_thread() -> None:
    message = EmailMessage()
    message["From"], message["To"], message["In-Reply-To"] = "a@x.example", "b@y.example", "<m0@x.example>"
    message.set_content("Thanks.")
    assert audience(bytes(message)).earlier == 1


@pytest.mark.parametrize(
    ("address", "group"),
    [
        ("users@lists.project.example", True),
        ("dev@project.example", True),
        ("alle@firma.example", True),
        ("sales-l@corp.example", True),
        ("anything@googlegroups.com", True),
        ("anna.berg@acme.example", False),
        ("allan@acme.example", False),
        ("devon@acme.example", False),
        ("info@shop.example", False),  # a shop's inbox: customers write to it one by one
    ],
)
def test_a_group_address_is_named_like_a_list_or_an_alias_for_all(address: str, group: bool) -> None:
    assert group_address(address) is group


def test_the_model_reads_mail_to_one_reader(model: SentenceModel) -> None:
    assert detection_record("m.eml", _message(MODELLED), model)["tasks"]


@pytest.mark.parametrize(
    "headers",
    [
        {"cc": "tom@partner.example"},
        {"to": "olga@partner.example, tom@partner.example"},
        {"earlier": MODEL_EARLIER + 1},
        {"to": "users@lists.project.example"},
    ],
    ids=["with-a-cc", "two-readers", "deep-in-a-thread", "to-a-list"],
)
def test_the_model_leaves_mail_to_several_deep_threads_and_lists_to_the_cues(
    model: SentenceModel, headers: dict[str, Any]
) -> None:
    """Where the headers show more than one reader, a long thread or a list, the sentence the model
    took above makes no task; a request the cues read still does."""
    assert detection_record("m.eml", _message(MODELLED, **headers), model)["tasks"] == []
    assert detection_record("m.eml", _message(CUED, **headers), model)["tasks"]


def test_a_hostile_header_count_is_bounded() -> None:
    """Thousands of repeated Cc headers: only the first few are read, the count stays small."""
    head = "".join(f"Cc: p{n}@x.example\r\n" for n in range(5000))
    raw = f"From: a@x.example\r\nTo: b@y.example\r\n{head}Subject: x\r\n\r\nHello\r\n".encode()
    assert audience(raw).readers <= 5
