"""Who a queued message concerns (store.claims.parties), read with the one author parser also
from hostile headers: the set may be larger than routing needs (it costs parallelism only) but
never names fewer of the addresses a worker's outcome may touch."""

from __future__ import annotations

from mailhook.store import Received, Store
from mailhook.store.claims import DIED, choose, parties

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


def test_only_a_message_held_by_a_dead_process_is_claimed_alone(database: str) -> None:
    """Of three replies from different contacts, one failed in its own boundary (DNS deferred
    it) and one was charged by a worker process that died holding it. The first shares a group
    again; the second is claimed by itself."""
    store = Store(database)
    store.add_user("ann@us.example", None, inbox_automation=True)
    senders = ["bob@acme.example", "carl@firm.example", "dee@shop.example"]
    for number, sender in enumerate(senders):
        raw = (f"From: {sender}\r\nTo: ann@us.example\r\nMessage-ID: <m{number}@x>\r\n"
               f"Subject: hi\r\n\r\nhi\r\n").encode()
        store.insert_received([Received(raw, f"<m{number}@x>", "ann@us.example", "lmtp", sender,
                                        ("ann@us.example",), None)])
    deferred, untouched, killed = store.claim(3)
    store.fail(deferred.id, "VerdictDeferred: dkim:temperror (DNS failed)", 5)
    store.fail(killed.id, f"{DIED} (killed by SIGKILL) while processing it", 5)
    store.requeue_interrupted()  # the one left claimed goes back, charged nothing
    assert [q.id for q in store.claim(8)] == [deferred.id, untouched.id]  # the suspect ends it
    assert [q.id for q in store.claim(8)] == [killed.id]  # alone
    store.close()


def test_mail_to_the_forwarding_address_has_no_parties_whatever_its_headers_say(
        database: str) -> None:
    """A forward is about a contact named only in its body, so mail to the forwarding address
    waits for all and all for it: hostile headers naming someone (two From fields, an address
    in an encoded display name, a Cc) give it no party to be grouped by. The same bytes
    delivered by LMTP keep the parties the one author parser reads."""
    store = Store(database)
    store.add_user("ann@us.example", None, inbox_automation=True)
    raw = (b"From: Ann <ann@us.example>\r\nFrom: =?utf-8?q?bob=40acme.example?= <eve@evil.example>\r\n"
           b"To: log@hook.localhost\r\nCc: Carl <carl@firm.example>\r\nMessage-ID: <f@x>\r\n"
           b"Subject: Fwd: quote\r\n\r\nsee below\r\n")
    store.insert_received([
        Received(raw, "<f@x>", "log@hook.localhost", "smtp", "ann@us.example", ("log@hook.localhost",), None),
        Received(raw, "<f@x>", "ann@us.example", "lmtp", "ann@us.example", ("ann@us.example",), None)])
    rows = store.conn.execute("""SELECT m.listener, p.address FROM messages m
                                 LEFT JOIN message_parties p ON p.message_rowid = m.id
                                 ORDER BY m.id, p.address""").fetchall()
    assert tuple(rows[0]) == ("smtp", None)
    assert {r[1] for r in rows[1:]} == {"eve@evil.example", "carl@firm.example", "log@hook.localhost"}
    assert {r[0] for r in rows[1:]} == {"lmtp"}
    store.close()
