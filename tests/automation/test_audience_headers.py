"""The sentence model's audience gate reads recipients with the hook's one parser, hostile headers too."""

from __future__ import annotations

from mailhook.automation.headers import audience


def _mail(*headers: str) -> bytes:
    head = "\r\n".join(["From: Ana <ana@partner.example>", *headers, "Subject: x"])
    return (head + "\r\n\r\nHi\r\n").encode()


def test_an_encoded_word_hiding_more_addresses_is_one_reader() -> None:
    # Decoded first, the display name would read as two more recipients: structure comes first.
    raw = _mail('To: "=?utf-8?q?eve@evil.example=2C_mallory@evil.example?=" <user@us.example>')
    assert audience(raw).readers == 1


def test_recipients_in_to_and_cc_are_counted() -> None:
    raw = _mail("To: user@us.example, Bo <bo@us.example>", "Cc: team@lists.us.example")
    found = audience(raw)
    assert found.readers == 3 and found.to_a_group


def test_a_header_repeated_thousands_of_times_counts_its_first_few() -> None:
    raw = _mail(*[f"To: user{n}@us.example" for n in range(5000)])
    assert audience(raw).readers == 4


def test_the_thread_is_read_from_the_same_header_block() -> None:
    # A line that only looks like In-Reply-To inside a folded To value is part of To, and a
    # second References header (which a reader might prefer) does not count: the first does.
    folded = _mail("To: user@us.example,\r\n In-Reply-To: <x@evil.example>")
    assert audience(folded).earlier == 0
    two = _mail("References: <a@p.example> <b@p.example>",
                "References: " + " ".join(f"<m{n}@evil.example>" for n in range(40)))
    assert audience(two).earlier == 2
    assert audience(_mail("In-Reply-To: <a@p.example>")).earlier == 1
