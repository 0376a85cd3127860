"""Which charset a text part's bytes are in, when the mail says so, says nothing, or says wrong."""

from __future__ import annotations

import codecs
import contextlib
import re
from collections.abc import Iterable, Iterator

import charset_normalizer
from charset_normalizer.constant import IANA_SUPPORTED

# ISO-2022-JP is 7-bit: undeclared, its escape sequences pass an ASCII or UTF-8 decoding untouched,
# and the reader would see "\x1b$B..." instead of Japanese. No other text holds these sequences.
_ISO_2022_JP = re.compile(rb"\x1b(?:\$[@B]|\(J|\$\(D)")
# An HTML page may name its charset only in a meta tag (either form), not in its MIME header.
_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]{1,40})", re.IGNORECASE)
_META_WINDOW = 4096  # the meta tag sits in the page's head
# Encodings the Western fallback (cp1252) cannot stand in for: it turns them into letters that
# look like a European language. For any other guess cp1252 reads Western mail as well, and a
# detector's guess on short text is often a neighbour (cp1250, mac_roman), so it is not taken.
_MULTIBYTE = frozenset({
    "shift_jis", "cp932", "euc_jp", "iso2022_jp", "gb2312", "gbk", "gb18030", "big5", "big5hkscs",
    "euc_kr", "cp949", "johab", "hz",
})
_JAPANESE = frozenset({"shift_jis", "cp932", "euc_jp", "iso2022_jp"})
# Short Japanese text is as coherent in a Korean code page as in its own, so the detector's first
# guess may be Korean; hiragana decide, as in mailhook.pipeline.language: a Japanese decoding of
# Korean or Chinese bytes cannot produce them (their lead bytes never occur there).
_HIRAGANA = re.compile(r"[\u3041-\u309f]")
# Hiragana are a third to two thirds of Japanese prose; a fifth, and three at least, is Japanese.
_LEAST_KANA = 3
_KANA_SHARE = 0.2
_GUESS_BYTES = 64 * 1024  # enough for charset-normalizer to tell; it is slower on more


def decode_text(data: bytes, declared: str | None, *, html: bool = False) -> str:
    """The text of a part: in the charset it declares, the one its HTML names, UTF-8, or a
    detected East Asian encoding, in that order, and cp1252 when nothing fits."""
    return decoded(data, declared, html=html)[0]


def decoded(data: bytes, declared: str | None, *, html: bool = False) -> tuple[str, str]:
    """`decode_text`'s text and the charset it was read in (the name as tried)."""
    for charset in _candidates(data, declared, html):
        try:
            return data.decode(charset), charset
        except (LookupError, ValueError):  # unknown name, a NUL in it, or bytes that do not fit
            continue
    return data.decode("cp1252", "replace"), "cp1252"


def _candidates(data: bytes, declared: str | None, html: bool) -> Iterator[str]:
    declared = _mail_charset(declared)
    if _ISO_2022_JP.search(data) and declared in (None, "ascii"):
        yield "iso-2022-jp"
    if declared:
        yield declared
    meta = _META_CHARSET.search(data[:_META_WINDOW]) if html else None
    if meta and (charset := _mail_charset(meta.group(1).decode("ascii"))):
        yield charset
    yield "utf-8"
    yield from _detected(data[:_GUESS_BYTES])


def _codec_names(names: Iterable[str]) -> frozenset[str]:
    found = set()
    for name in names:
        with contextlib.suppress(LookupError):
            found.add(codecs.lookup(name).name)
    return frozenset(found)


# Python's names of the codecs for charsets registered with IANA (charset-normalizer's list).
_MAIL_CODECS = _codec_names(IANA_SUPPORTED)


def _mail_charset(name: str | None) -> str | None:
    """The Python codec of a charset registered for mail (IANA), or None: Python also knows codecs
    no mail client does ("unicode_escape" would turn the bytes \\u002b1 into "+1")."""
    if not name:
        return None
    try:
        codec = codecs.lookup(name).name
    except (LookupError, ValueError):  # ValueError: a NUL in the name
        return None
    return codec if codec in _MAIL_CODECS else None


def _detected(sample: bytes) -> list[str]:
    """A Japanese decoding rich in kana, else charset-normalizer's East Asian guess for bytes that
    are not UTF-8, or none."""
    if kana_rich := _kana_rich(sample):
        return [kana_rich]
    guesses = [m.encoding for m in charset_normalizer.from_bytes(sample) if m.encoding in _MULTIBYTE]
    japanese = [e for e in guesses if e in _JAPANESE and _HIRAGANA.search(sample.decode(e, "ignore"))]
    return (japanese or guesses)[:1]


def _kana_rich(sample: bytes) -> str | None:
    """EUC-JP or Shift_JIS when the bytes decode in it strictly to text whose non-ASCII letters
    are largely hiragana, as Japanese prose is. charset-normalizer takes short EUC-JP for Big5 or
    GB18030 (measured), and Japanese mail read so is neither skipped nor readable; hiragana do not
    come out of Chinese or Korean bytes in these codecs (see _HIRAGANA), nor out of Western ones."""
    for codec in ("euc_jp", "cp932"):
        try:  # incremental: the sample may end inside a character
            text = codecs.getincrementaldecoder(codec)().decode(sample, final=False)
        except UnicodeDecodeError:
            continue
        wide = sum(1 for char in text if ord(char) > 0x7F)
        kana = len(_HIRAGANA.findall(text))
        if kana >= _LEAST_KANA and kana >= _KANA_SHARE * wide:
            return codec
    return None
