"""Who a queued message concerns (store.claims.parties), read with the one author parser also
from hostile headers: the set may be larger than routing needs (it costs parallelism only) but
never names fewer of the addresses a worker's outcome may touch."""

from __future__ import annotations

from mailhook.store.claims import choose, parties

HEAD = b"To: ann@us.example\r\nSubject: Re: quote\r\nMessage-ID: <h1@acme.example>\r\n"


def test_every_address_of_two_from_fields_is_a_party() -> None:
    raw = (b"From: Bob <bob@acme.example>\r\nFrom: Eve <eve@evil.example>\r\n" + HEAD
           + b"\r\nhello\r\n")
    assert {"bob@acme.example", "eve@evil.example", "ann@us.example"} <= parties(raw)


def test_an_address_hidden_in_an_encoded_display_name_is_not_decoded_into_a_party() -> None:
    # "=?utf-8?q?bob=40acme.example?=" decodes to bob@acme.example: the parser reads the
    # structure before decoding, so the hidden address is not an address of this message.
    raw = b"From: =?utf-8?q?bob=40acme.example?= <eve@evil.example>\r\n" + HEAD + b"\r\nhi\r\n"
    assert parties(raw) == {"eve@evil.example", "ann@us.example"}


def test_a_group_and_a_folded_cc_are_read_whole() -> None:
    raw = (b"From: Bob <bob@acme.example>\r\nCc: team: carol@acme.example,\r\n"
           b" dave@acme.example;\r\n" + HEAD + b"\r\nhi\r\n")
    assert {"carol@acme.example", "dave@acme.example"} <= parties(raw)


def test_a_message_whose_header_block_names_nobody_waits_for_everything() -> None:
    raw = b"Subject: no addresses\r\n\r\nhi\r\n"
    assert parties(raw) == frozenset()
    # ids 1 and 3 share no one; 2 has no parties: it waits for 1, and 3 waits for it
    outside = {1: frozenset({"bob@acme.example"}), 2: parties(raw), 3: frozenset({"x@y.example"})}
    assert choose([1, 2, 3], [], outside, 8) == [1]
    assert choose([2, 3], [], outside, 8) == [2]
