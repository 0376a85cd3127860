"""Whether text in Chinese characters without kana is Japanese: its kanji forms, marks, charset, sender."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Japan's own legal forms (written out, bracketed, as one sign), its postal mark and the marks of
# repetition and closing: Chinese writes none of them.
_MARKS = re.compile("株式会社|有限会社|合同会社|合資会社|合名会社|[(（][株有][)）]|[〒々〆㈱㈲]")
# Codecs of Japan's national character sets (Python's names); no Chinese mail is sent in them.
_CHARSETS = ("shift_jis", "cp932", "euc_j", "iso2022_jp")
# Evidence adds up: a strong sign alone, or two weak ones, make the text Japanese.
STRONG = 2
WEAK = 1
JAPANESE_SCORE = 2


@dataclass(frozen=True)
class Origin:
    """What the mail says about itself beside its words: the charset its text was decoded in and
    the sender's address."""

    charset: str | None = None
    address: str | None = None


def japanese_score(text: str, origin: Origin, *, detected: str | None = None) -> int:
    """How much points to Japanese in text written in Chinese characters (no kana): Japan's marks,
    kanji forms that only Japan writes, a mix of forms no Chinese text has, a Japanese charset,
    a .jp sender and langdetect's own guess (`detected`), each strong or weak."""
    forms = [_form(char) for char in set(HAN.findall(text))]
    japanese_only = forms.count("japanese")
    score = STRONG if _MARKS.search(text) else 0
    score += STRONG if japanese_only >= 2 else WEAK if japanese_only else 0
    # Japanese writes simplified forms ("会", "区") beside traditional ones ("東", "業"); Chinese
    # text keeps to one set. Weak: a simplified message may quote a traditional name.
    score += WEAK if "simplified" in forms and "traditional" in forms else 0
    charset = (origin.charset or "").lower().replace("-", "_")
    score += STRONG if charset.startswith(_CHARSETS) else 0
    score += WEAK if (origin.address or "").lower().endswith(".jp") else 0
    score += WEAK if detected == "ja" else 0
    return score


@lru_cache(maxsize=8192)
def _form(char: str) -> str | None:
    """Which national character sets write this character: "japanese" for a common kanji
    (JIS X 0208 level 1) that neither Chinese set (GB 2312, Big5) has, such as 駅 様 広 県;
    "simplified" or "traditional" for one only that Chinese set has; None otherwise. Python's own
    codecs carry the sets, so no table is shipped."""
    in_gb, in_big5 = _encodes(char, "gb2312"), _encodes(char, "big5")
    if not in_gb and not in_big5 and _jis_level_one(char):
        return "japanese"
    if in_gb != in_big5:
        return "simplified" if in_gb else "traditional"
    return None


def _jis_level_one(char: str) -> bool:
    # Level 1 holds the 2,965 kanji in common use (EUC-JP lead bytes 0xB0-0xCF); rare kanji of
    # level 2 also occur in Chinese names ("喆"), so they do not count.
    try:
        encoded = char.encode("euc_jp")
    except UnicodeEncodeError:
        return False
    return len(encoded) == 2 and 0xB0 <= encoded[0] <= 0xCF


def _encodes(char: str, codec: str) -> bool:
    try:
        char.encode(codec)
    except UnicodeEncodeError:
        return False
    return True
