"""Japanese written in kanji alone (no kana) is skipped like any Japanese mail, from Japan's own
signs: kanji forms only Japan writes, its marks and legal forms, its charsets and, as weak
evidence, a .jp sender; Chinese mail, simplified or traditional, in any charset, never is. Every
message here is invented for these tests."""

from __future__ import annotations

from email.message import EmailMessage
from email.policy import SMTP

import pytest

from mailhook.pipeline import extract, read_message
from mailhook.pipeline.japanese import Origin, _form, japanese_score
from mailhook.pipeline.language import detect_language

# Kanji only: a short notice in the terse written style, and signature blocks.
JAPANESE = {
    "notice": "各位\n\n本日会議資料送付致候。御確認宜敷願上候。\n\n総務部 鈴木\n",
    "block": "山田太郎\n大阪支店 営業課長\n大阪府大阪市北区梅田3-4-5\n電話 06-1234-5678 携帯 090-1234-5678\n",
    "company": "佐藤一郎\n営業部 部長\n東京精密工業株式会社\n〒100-0005 東京都千代田区丸内1-1-1\n"
               "電話 03-1234-5678\n",
    "quote": "高橋様\n\n見積書添付。御査収下様御願申上。\n\n渡辺健一\n渡辺建設 技術部\n",
}
CHINESE = {
    "zh-cn": "王经理您好，\n\n附件是本月的报价单，请查收。如有问题请随时联系我。\n\n谢谢！\n\n"
             "李明\n销售部经理\n上海华东贸易有限公司\n电话：021-6234 5678\n"
             "地址：上海市浦东新区世纪大道100号\n",
    "zh-cn-notice": "各位同事：\n\n下周一上午九点在三楼会议室召开季度总结会议，请各部门负责人准时参加，"
                    "并提前准备好本部门的工作汇报材料。\n\n行政部\n张丽\n",
    "zh-tw": "陳先生您好：\n\n附件為本月份的報價單，請查收。若有任何問題，歡迎隨時與我聯絡。\n\n"
             "敬祝 商祺\n\n林志明\n業務部經理\n台灣精密工業股份有限公司\n電話：(02) 2345-6789\n"
             "地址：台北市信義區松仁路100號\n",
    "zh-hk": "黃小姐：\n\n多謝你嘅查詢。「新產品目錄」已經上載到我哋網站，歡迎瀏覽。\n\n何家明\n"
             "香港九龍觀塘道388號\n電話：2345 6789\n",
}
JAPANESE_CHARSETS = ("shift_jis", "euc-jp", "iso-2022-jp", "utf-8")
CHINESE_CHARSETS = {"zh-cn": ("gb2312", "gb18030", "utf-8"), "zh-cn-notice": ("gbk", "utf-8"),
                    "zh-tw": ("big5", "utf-8"), "zh-hk": ("big5hkscs", "utf-8")}


def _mail(text: str, charset: str, sender: str, *, declare: bool = True) -> bytes:
    """A plain text mail whose body is the text's bytes in the charset, declared or not."""
    message = EmailMessage(policy=SMTP)
    message["From"] = sender
    message["To"] = "office@example.org"
    message["Subject"] = "Re: 2026"
    message["Content-Type"] = f'text/plain; charset="{charset}"' if declare else "text/plain"
    message["Content-Transfer-Encoding"] = "8bit"
    head = message.as_bytes().split(b"\r\n\r\n")[0]
    return head + b"\r\n\r\n" + text.replace("\n", "\r\n").encode(charset)


@pytest.mark.parametrize("charset", JAPANESE_CHARSETS)
@pytest.mark.parametrize("name", sorted(JAPANESE))
def test_japanese_in_kanji_alone_is_skipped_in_every_charset(name: str, charset: str) -> None:
    """Without kana, and from a sender outside Japan, the kanji forms and marks decide."""
    raw = _mail(JAPANESE[name], charset, "Office <office@example.com>")
    extraction = extract(read_message(raw).own)
    assert extraction.skipped == "language:ja"


def test_undeclared_iso_2022_jp_in_kanji_alone_is_skipped() -> None:
    """Escape sequences with no charset named are read as ISO-2022-JP, itself a sign of Japan."""
    raw = _mail(JAPANESE["notice"], "iso-2022-jp", "Office <office@example.com>", declare=False)
    reading = read_message(raw)
    assert reading.own.text.strip() == JAPANESE["notice"].strip()
    assert extract(reading.own).skipped == "language:ja"


@pytest.mark.parametrize(("name", "charset"), [(n, c) for n, cs in CHINESE_CHARSETS.items() for c in cs])
def test_chinese_mail_is_never_skipped(name: str, charset: str) -> None:
    """Simplified and traditional Chinese, from a .jp sender too (one weak sign), are read."""
    for sender in ("Li <li@example.cn>", "Li <li@example.co.jp>"):
        extraction = extract(read_message(_mail(CHINESE[name], charset, sender)).own)
        assert extraction.skipped is None
        assert extraction.language == "zh"


def test_one_weak_sign_is_not_enough_and_two_are() -> None:
    """A single Japanese-only kanji form is weak evidence: a .jp sender beside it decides."""
    # Simplified Chinese with one 総 typed for 总.
    text = "总务部通知\n\n明天上午十点在三楼会议室开会，讨论下个月的工作安排，请各位准时参加。\n\n"
    text += "総务部 王明\n"
    assert japanese_score(text, Origin()) == 1
    assert detect_language(text) == "zh"
    assert detect_language(text, Origin(address="wang@example.co.jp")) == "ja"


def test_a_japanese_charset_is_strong_evidence_for_kanji_text_only() -> None:
    """Shift_JIS makes kanji text Japanese; English text in it stays English."""
    assert detect_language("会議資料送付\n鈴木", Origin(charset="shift_jis")) == "ja"
    english = "Thanks for the documents, I will review them and reply by Friday.\n\nKen Suzuki"
    assert detect_language(english, Origin(charset="shift_jis")) == "en"


def test_an_english_mail_with_a_kanji_company_line_is_english() -> None:
    """A few kanji in a Latin text (the sender's company) do not make it Japanese."""
    text = "Please find the revised drawings attached; let me know if anything is missing.\n\n" \
           "Ken Suzuki\n東京精密工業株式会社\n"
    assert detect_language(text) == "en"


def test_the_signature_below_counts_as_evidence_for_the_text_above() -> None:
    """Japan's marks in the signature (context) decide for kanji text above it."""
    above = "本日会議資料送付致候。\n"
    assert japanese_score(above, Origin()) < 2
    assert detect_language(above, context=above + "〒100-0005 東京都千代田区") == "ja"


@pytest.mark.parametrize(("char", "form"), [
    ("駅", "japanese"), ("様", "japanese"), ("県", "japanese"), ("広", "japanese"),
    ("会", "simplified"), ("区", "simplified"), ("东", "simplified"),
    ("東", "traditional"), ("業", "traditional"), ("經", "traditional"),
    ("社", None), ("京", None), ("喆", None),  # both sets; a rare level-2 kanji of Chinese names
])
def test_kanji_forms_come_from_the_national_character_sets(char: str, form: str | None) -> None:
    """JIS X 0208 level 1 without GB 2312 and Big5 is Japan's own; one Chinese set alone, its form."""
    assert _form(char) == form


def test_the_charset_the_mail_declares_reaches_the_language_decision() -> None:
    """Text with one weak sign (kanji of both Chinese sets mixed) is Japanese in Shift_JIS, read
    in UTF-8."""
    text = "各位\n\n本日会議資料送付致候。御確認宜敷願上候。\n\n鈴木\n"
    assert japanese_score(text, Origin()) == 1
    sender = "Office <office@example.com>"
    assert extract(read_message(_mail(text, "shift_jis", sender)).own).skipped == "language:ja"
    assert read_message(_mail(text, "shift_jis", sender)).own.charset == "shift_jis"
    assert extract(read_message(_mail(text, "utf-8", sender)).own).skipped is None


KANA_MAIL = "山田様\n\nいつもお世話になっております。\n資料を添付いたします。\n\n佐藤\n"


@pytest.mark.parametrize("charset", ["euc-jp", "shift_jis"])
@pytest.mark.parametrize("html", [False, True])
def test_undeclared_japanese_bytes_are_read_as_japanese(charset: str, html: bool) -> None:
    """Short Japanese in EUC-JP with no charset anywhere (charset-normalizer takes it for Big5
    or GB18030) is read in a Japanese codec, as its hiragana show, and skipped."""
    message = EmailMessage(policy=SMTP)
    message["From"] = "Sato <sato@example.com>"
    message["Subject"] = "資料"
    message["Content-Type"] = "text/html" if html else "text/plain"
    message["Content-Transfer-Encoding"] = "8bit"
    head = message.as_bytes().split(b"\r\n\r\n")[0]
    body = f"<html><body><p>{KANA_MAIL.replace(chr(10), '<br>')}</p></body></html>" if html else KANA_MAIL
    reading = read_message(head + b"\r\n\r\n" + body.encode(charset))
    assert "お世話になっております" in reading.own.text
    assert extract(reading.own).skipped == "language:ja"


@pytest.mark.parametrize(("text", "charset"), [
    ("Sehr geehrte Frau Müller,\n\nanbei die Unterlagen für Donnerstag.\n\nGrüße\nJörg Weiß\n", "latin-1"),
    ("Bonjour,\n\nvoici le devis détaillé « urgent » à signer.\n\nCordialement,\nHélène\n", "cp1252"),
])
def test_undeclared_western_bytes_are_not_taken_for_japanese(text: str, charset: str) -> None:
    """Western text with no charset is read as written, never in a Japanese codec."""
    raw = _mail(text, charset, "Office <office@example.com>", declare=False)
    assert read_message(raw).own.text.strip() == text.strip()
