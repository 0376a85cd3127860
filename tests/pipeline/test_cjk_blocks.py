"""Chinese and Korean mail: sentences written without spaces are prose, Chinese and Korean
closings are sign-offs, so the block starts at the sender's name and not at the greeting. Every
message here is invented for these tests."""

from __future__ import annotations

import pytest

from mailhook.model import Author
from mailhook.pipeline import Part, extract
from mailhook.pipeline.language import detect_language
from mailhook.pipeline.lines import is_prose, is_valediction

MESSAGES = [
    pytest.param(
        Author("张伟", "zhangwei@example.cn"),
        "王总：\n\n您好！合同已经修改好了，请查看附件。\n\n顺祝商祺！\n\n张伟\n北京某某科技有限公司 市场部\n"
        "手机：139 0123 4567",
        "张伟", {"first_name": "伟", "last_name": "张", "mobile_phone": "139 0123 4567"},
        id="zh-cn-closing-with-full-width-stop",
    ),
    pytest.param(
        Author("陳美玲", "ml.chen@example.com.tw"),
        "您好：\n\n謝謝您的來信，我們會盡快處理。\n\n祝 順心\n\n陳美玲\n客戶服務部 專員\n"
        "電話：02-2345-6789 #123",
        "陳美玲", {"first_name": "美玲", "last_name": "陳", "phone": "02-2345-6789"},
        id="zh-tw-closing-is-no-name",
    ),
    pytest.param(
        Author("王芳", "wangfang@example.cn"),
        "刘经理，您好！\n\n样品已寄出，快递单号为SF1234567890，预计明天到达。\n\n王芳",
        "王芳", {"first_name": "芳", "last_name": "王"},
        id="zh-cn-sentence-with-a-long-number",
    ),
    pytest.param(
        Author("김민수", "minsu.kim@example.co.kr"),
        "안녕하세요,\n\n견적서를 첨부합니다. 확인 부탁드립니다.\n\n감사합니다.\n\n"
        "김민수\n영업부 과장\n전화: 02-123-4567",
        "김민수", {"phone": "02-123-4567"},
        id="ko-closing",
    ),
]


@pytest.mark.parametrize(("author", "text", "first_line", "fields"), MESSAGES)
def test_the_block_starts_at_the_name_below_chinese_and_korean_sentences(
    author: Author, text: str, first_line: str, fields: dict[str, str]
) -> None:
    extraction = extract(Part(author, text, 0))
    assert extraction.signature is not None
    assert extraction.signature.split("\n")[0] == first_line
    assert {field: extraction.fields[field] for field in fields} == fields


@pytest.mark.parametrize("line", [
    "您好！合同已经修改好了，请查看附件。",
    "明天下午三点开会，请准时参加。",
    "样品已寄出，快递单号为SF1234567890，预计明天到达。",
    "王总：",
])
def test_chinese_sentences_are_prose(line: str) -> None:
    assert is_prose(line)


@pytest.mark.parametrize("line", [
    "北京某某科技有限公司 市场部",
    "地址：上海市浦东新区世纪大道100号 电话：021-12345678",
    "张伟",
])
def test_chinese_block_lines_are_not_prose(line: str) -> None:
    assert not is_prose(line)


CLOSINGS = ["此致", "敬礼", "顺祝商祺！", "祝 順心", "谢谢！", "敬祝 商祺", "감사합니다."]


@pytest.mark.parametrize("line", CLOSINGS)
def test_chinese_and_korean_closings_are_sign_offs(line: str) -> None:
    assert is_valediction(line)


def test_ten_chinese_characters_are_chinese() -> None:
    """Too short for langdetect, yet a dozen Chinese characters (no Japanese sign) are Chinese."""
    assert detect_language("明天下午三点开会，请准时参加。") == "zh"
    assert detect_language("谢谢") is None
