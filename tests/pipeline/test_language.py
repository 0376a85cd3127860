"""Language detection decides which mail is skipped."""

from __future__ import annotations

from mailhook.pipeline import Part, extract
from mailhook.pipeline.language import detect_language


def test_kana_mean_japanese() -> None:
    """Hiragana or katakana decide Japanese, however short the text."""
    assert detect_language("よろしくお願いします") == "ja"


def test_short_text_has_no_language() -> None:
    """A few words are too few to tell; no language is better than a guess."""
    assert detect_language("Best, Tom") is None


def test_detection_is_repeatable() -> None:
    """The same text gives the same answer every time (seeded detector)."""
    text = "Vielen Dank für Ihre Nachricht, wir melden uns morgen bei Ihnen."
    assert {detect_language(text) for _ in range(5)} == {"de"}


def test_short_non_japanese_mail_is_not_skipped() -> None:
    """Very short mail is scanned, not skipped."""
    extraction = extract(Part(None, "Ok!\n\nTom", 0))
    assert extraction.skipped is None
    assert extraction.fields["first_name"] == "Tom"


def test_japanese_mail_is_skipped_with_nothing_extracted() -> None:
    """Japanese own words give skipped="language:ja", no signature and empty fields."""
    extraction = extract(Part(None, "田中様\n\nよろしくお願いします。\n\n山田 太郎\n電話: 03-1234-5678", 0))
    assert extraction.skipped == "language:ja"
    assert not extraction.has_signature
    assert set(extraction.fields.values()) == {None}
