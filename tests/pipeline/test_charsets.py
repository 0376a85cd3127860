"""Which charset a text part is read in: declared, named by its HTML, UTF-8, or detected."""

from __future__ import annotations

import pytest

from mailhook.pipeline.charsets import decode_text


@pytest.mark.parametrize("declared", ["unicode_escape", "raw_unicode_escape", "punycode", "idna"])
def test_a_codec_no_mail_client_knows_is_not_taken_for_a_charset(declared: str) -> None:
    """Python knows codecs that are no mail charset: declared, they would make '\\u002b1' a '+1'
    that no mail client shows. The bytes are read as UTF-8 instead."""
    assert decode_text(b"Tel: \\u002b1 212 555 0100", declared) == "Tel: \\u002b1 212 555 0100"


def test_iso_2022_jp_escapes_are_read_only_where_no_charset_says_otherwise() -> None:
    """Undeclared or US-ASCII, the escapes are ISO-2022-JP; inside a part declared UTF-8 they are
    left as the bytes say, as a mail client shows them."""
    raw = "全角１２３４".encode("iso-2022-jp")
    assert decode_text(raw, None) == decode_text(raw, "us-ascii") == "全角１２３４"
    assert decode_text(raw, "utf-8") == raw.decode("utf-8")


def test_registered_charsets_are_read_as_declared() -> None:
    """Names and aliases of charsets registered for mail decode as their own codec."""
    text = "Grüße, Ørsted"
    for charset in ("ISO-8859-1", "latin1", "windows-1252", "ISO-8859-15", "utf-8"):
        assert decode_text(text.encode("latin-1" if charset != "utf-8" else "utf-8"), charset) == text
