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
