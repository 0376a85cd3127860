"""Language detection decides which mail is skipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from mailhook.pipeline import Part, extract, read_message
from mailhook.pipeline.language import detect_language

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"


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


UNDECLARED = (
    b"From: Kim <kim@example.co.kr>\r\nTo: ann@us.example\r\nSubject: quote\r\nMessage-ID: <u@x>\r\n"
    b"MIME-Version: 1.0\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
)


@pytest.mark.parametrize(
    ("text", "charset"),
    [
        ("안녕하세요,\n\n견적서를 첨부합니다. 확인 부탁드립니다.\n\n김철수\n영업부장\n", "euc_kr"),
        ("안녕하세요,\n\n견적서를 첨부합니다. 확인 부탁드립니다.\n\n김철수\n영업부장\n", "cp949"),
        ("您好，\n\n附件是我们最新的报价单，请您查收并确认。\n\n张伟\n销售经理\n", "gb18030"),
        ("您好，\n\n附件是我們最新的報價單，請您查收並確認。\n\n張偉\n銷售經理\n", "big5"),
    ],
)
def test_undeclared_east_asian_text_is_read_in_its_own_script(text: str, charset: str) -> None:
    """Bytes with no charset anywhere that are not UTF-8 are detected (charset-normalizer): Korean
    and Chinese are read as written and scanned, never taken for Japanese (hiragana decide that)."""
    reading = read_message(UNDECLARED + text.replace("\n", "\r\n").encode(charset))
    assert reading.own.text.strip() == text.strip()
    assert extract(reading.own).skipped is None


_SAMPLES = [
    "Vielen Dank für Ihre Nachricht, wir melden uns morgen bei Ihnen mit dem Angebot.",
    "Merci pour votre retour rapide, je vous envoie le devis signé dès demain matin.",
    "Gracias por la información, revisaremos el pedido y le contestaremos esta semana.",
    "Grazie per la risposta, le invio il preventivo aggiornato entro venerdì prossimo.",
    "Dziękuję za wiadomość, prześlę zamówienie jutro rano po rozmowie z kierownikiem.",
    "Köszönöm a gyors választ, a szerződést holnap küldöm el aláírva a kollégámnak.",
    "Děkuji za zprávu, objednávku vám pošlu zítra ráno po poradě s vedoucím.",
    "Tak for din besked, jeg sender tilbuddet i morgen efter mødet med chefen.",
    "Thanks for getting back to me so quickly; I will send the signed quote tomorrow.",
    "Спасибо за быстрый ответ, завтра пришлю подписанный договор и счёт.",
    "谢谢您的回复，我们明天会把合同发给您，请查收。",
    # What the faster text preparation must treat exactly as langdetect: URLs and addresses,
    # runs of spaces, capitalised words, Latin words inside mostly non-Latin text, ș/ț with a
    # comma below, Vietnamese tone marks, brackets between 'Z' and 'a'.
    "Vă mulțumim pentru răspuns,   vă trimitem oferta mâine dimineață: https://acme.example/o",
    "Cảm ơn bạn rất nhiều, chúng tôi sẽ gửi hợp đồng vào ngày mai cho anh ACME SALES.",
    "МЫ ПОЛУЧИЛИ ВАШ ЗАКАЗ order 4711 [ref_A] `x` ^y^, ответим bob@acme.example завтра утром.",
    "THE SIGNED QUOTE is ATTACHED; Please CALL me at your convenience, NOT before 10 [am].",
]


def _probabilities(kind: type, text: str) -> tuple[list[tuple[str, float]], float]:
    """langdetect's answer for the text with the detector class given, and the next number its
    generator gives afterwards (where its draws left it)."""
    from mailhook.pipeline.language import _factory

    detector = kind(_factory())
    detector.append(text)
    found = [(language.lang, float(language.prob)) for language in detector.get_probabilities()]
    return found, detector.random.random()


@pytest.mark.parametrize("text", _SAMPLES)
def test_the_fast_detector_gives_langdetects_own_probabilities(text: str) -> None:
    """The trials summed in logarithms draw langdetect's n-grams and stop where it stops: the same
    languages in the same order, each probability but for its last bits, and the generator left
    where langdetect leaves it."""
    from langdetect.detector import Detector

    from mailhook.pipeline.language import _FastDetector

    fast, fast_next = _probabilities(_FastDetector, text)
    slow, slow_next = _probabilities(Detector, text)
    assert [language for language, _ in fast] == [language for language, _ in slow]
    assert [p for _, p in fast] == pytest.approx([p for _, p in slow], rel=1e-9, abs=1e-12)
    assert fast_next == slow_next


@pytest.mark.skipif(not (CORPUS / "bodies").is_dir(), reason="no shared corpus")
def test_the_fast_detector_answers_as_langdetect_on_the_corpus() -> None:
    """Every corpus body, as the extraction gives it to langdetect: the same best language."""
    from langdetect.detector import Detector

    from mailhook.pipeline.language import _LANGDETECT_CHARS, _FastDetector

    for body in sorted((CORPUS / "bodies").glob("*.txt")):
        text = body.read_text("utf-8")[:_LANGDETECT_CHARS]
        if len(text) < 25:
            continue
        fast, slow = _probabilities(_FastDetector, text)[0], _probabilities(Detector, text)[0]
        assert [language for language, _ in fast[:1]] == [language for language, _ in slow[:1]], body.name
        assert [p for _, p in fast[:1]] == pytest.approx([p for _, p in slow[:1]], rel=1e-9), body.name


def test_the_lazy_profiles_are_langdetects_own_table() -> None:
    """Every n-gram's row, built on demand, is what langdetect's DetectorFactory builds up front,
    in its language order; and n-grams it does not know stay unknown."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    from mailhook.pipeline.language import _factory

    reference = DetectorFactory()
    reference.load_profile(PROFILES_DIRECTORY)
    ours = _factory.__wrapped__()
    assert ours.langlist == reference.langlist
    table = ours.word_lang_prob_map
    assert all(word in table and table[word] == row for word, row in reference.word_lang_prob_map.items())
    assert len(table) == len(reference.word_lang_prob_map)
    assert "q\u0416z" not in table
    with pytest.raises(KeyError):
        table["q\u0416z"]


def test_the_lazy_profiles_are_a_whole_table_before_any_row_is_built() -> None:
    """Asked before a row is built, the table answers as langdetect's full dict would: get(),
    len() and iteration agree with `in` and []. As a dict filled on demand, get() gave None for
    an n-gram that `in` called known, len() 0 and iteration nothing."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    from mailhook.pipeline.language import _factory

    reference = DetectorFactory()
    reference.load_profile(PROFILES_DIRECTORY)
    full = reference.word_lang_prob_map
    table = _factory.__wrapped__().word_lang_prob_map
    word = "the"
    assert table.get(word) == full[word]
    assert table.get("q\u0416z") is None and table.get("q\u0416z", []) == []
    assert len(table) == len(full)
    assert set(table) == set(full)
    assert dict(table.items()) == full


@pytest.mark.parametrize(("text", "language"), [
    # A Japanese signature in kanji alone (a name, a company, an address): langdetect said "ko".
    ("田中一郎\n株式会社東京商事 営業部 部長\n〒100-0005 東京都千代田区丸の内一丁目1番1号\n"
     "電話 03-1234-5678", "ja"),
    ("鈴木花子\n有限会社鈴木建設\n大阪府大阪市北区梅田三丁目4番5号\n"
     "電話番号 06-1111-2222 携帯 090-1234-5678", "ja"),
    # Traditional Chinese prose and a Simplified Chinese signature: langdetect said "ko" too.
    ("您好，附件是報價單，請查收。如有問題請隨時聯繫我。\n王偉\n台北科技有限公司 業務經理", "zh"),
    ("李明\n上海贸易有限公司 市场部总监\n上海市浦东新区世纪大道100号\n电话 021-12345678", "zh"),
    # Korean in Hangul stays Korean.
    ("안녕하세요, 견적서를 첨부합니다. 확인 부탁드립니다. 김철수 드림, 서울 영업부 과장", "ko"),
])
def test_text_in_chinese_characters_alone_is_not_korean(text: str, language: str) -> None:
    """Korean is written in Hangul: without it, "ko" means Japanese (Japan's legal forms or
    postal mark) or Chinese."""
    assert detect_language(text) == language
