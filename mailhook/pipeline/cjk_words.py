"""The word lists of Chinese and Korean signatures: family names, titles, legal forms, labels."""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Family names, the most common few hundred (simplified, then the traditional forms that
# differ), and the compound ones; Korean family names likewise. A word list per language:
# no offline package ships them.
ZH_SURNAMES = frozenset(
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
ZH_COMPOUND = _words(
    "欧阳 歐陽 司马 司馬 诸葛 諸葛 上官 皇甫 东方 東方 令狐 慕容 宇文 尉迟 尉遲 公孙 公孫 夏侯 "
    "长孙 長孫 司徒 轩辕 軒轅 端木 独孤 獨孤 南宫 南宮 西门 西門 澹台 澹臺 闻人 聞人 赫连 赫連 "
    "呼延 申屠 太史 钟离 鍾離 百里 拓跋 范姜 张简 張簡 左丘 淳于 司空 濮阳 濮陽"
)
KO_SURNAMES = _words(
    "김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 유 전 홍 고 문 양 손 배 백 허 남 심 노 "
    "하 곽 성 차 주 우 구 민 진 지 엄 채 원 천 방 공 현 함 변 염 여 추 도 소 석 선 설 마 길 연 위 표 "
    "명 기 반 왕 금 옥 육 인 맹 제 모 탁 국 어 은 편 용 예 경 봉 사 부 가 복 태 목 형 피 두 음 빈 "
    "동 온 호 좌 라 승 간 시 나 묵 계 란 진"
)
KO_COMPOUND = _words("남궁 선우 황보 제갈 독고 사공 서문 동방 어금 망절")
# Greetings, valedictions and common words that a family name may begin.
NOT_NAMES = _words(
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
PROSE = re.compile("[的了吗嗎呢吧啊呀您你我他她们們请請谢謝好快是在有不这這么麼见見]")
# How one addresses someone else ("王先生", "김과장님"): not the sender's own name.
ADDRESSED = re.compile("(?:先生|女士|小姐|老师|老師|同学|同學|总|總|님|씨|께)$")
SIGN_OFF = re.compile(r"(?:敬上|谨上|謹上|拜上|顿首|頓首|敬啟|敬启|드림|올림|배상)$")

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
TITLE_END = re.compile(rf"(?:{_ZH_TITLES}|{_KO_TITLES}|CEO|CTO|CFO|COO|VP|PM)$")
# Departments: a role line may name its team ("销售部 经理", "영업팀 과장").
TEAM = re.compile(
    r"(?:[部处處科组組课課室]|中心|事业部|事業部|팀|본부|사업부|그룹|파트|센터|실|부|지점|지사)$"
)
ZH_ORG = re.compile(
    "股份有限公司|有限责任公司|有限責任公司|有限公司|分公司|集团|集團|公司|事务所|事務所|研究院|"
    "研究所|大学|大學|学院|學院|银行|銀行|医院|醫院|协会|協會|基金会|基金會|工作室|商行|工厂|工廠"
)
KO_MARKER = re.compile(
    r"^(?:주식회사|유한회사|재단법인|사단법인|학교법인|의료법인|법무법인|株式會社|\(주\)|㈜|\(유\))$"
)
KO_ATTACHED = re.compile(r"^(?:\(주\)|㈜|\(유\)).+|.+(?:\(주\)|㈜)$")
KO_ORG_END = re.compile(
    r"(?:대학교|대학|병원|은행|연구소|공사|공단|협회|재단|그룹|증권|보험|법률사무소|법인)$"
)

_LABELS = {
    "name": "姓名 名字 이름 성명",
    "title": "职位 職位 职务 職務 职称 職稱 头衔 頭銜 직위 직책 직함",
    "company": "公司 单位 單位 公司名称 公司名稱 机构 機構 회사 회사명 소속",
    "address": "地址 住址 通讯地址 通訊地址 公司地址 办公地址 辦公地址 주소 회사주소 Add Addr Address",
    "postal": "邮编 郵編 邮政编码 郵政編碼 郵遞區號 우편번호",
}
LABEL_KIND = {word.casefold(): kind for kind, words in _LABELS.items() for word in words.split()}
COUNTRIES = re.compile(
    r"^(?:中华人民共和国|中華人民共和國|中国|中國|台湾|台灣|臺灣|대한민국|한국|韩国|韓國)\s*"
    # At the end, the run before the country starts after a word (or at the start): a search
    # from inside a long run of blanks would be cubic (minutes on 3,000 spaces).
    r"|(?:^|(?<=[^\s,，]))[\s,，]*(?:中国|中國|台湾|台灣|臺灣|대한민국|한국|"
    r"P\.?\s?R\.?\s?China|China|Taiwan|(?:South )?Korea)$"
)
# A postal code at either end of an address, bracketed or labelled ("邮编：518057", "(우)06234").
_POSTAL_LABEL = r"(?:(?:邮编|郵編|邮政编码|郵政編碼|郵遞區號|우편번호|\(?우\))\s*[:：]?\s*)?"
POSTAL = re.compile(
    rf"^{_POSTAL_LABEL}[(\[（【]?(\d{{3,6}})[)\]）】]?\s*|(?:^|(?<=\S))\s*{_POSTAL_LABEL}[(\[（【]?(\d{{3,6}})[)\]）】]?$"
)
ZH_STREET = re.compile("[路街道巷弄号號楼樓室层層座园園]|大厦|大廈|广场|廣場")
KO_STREET = re.compile(r"(?:로|길|동|읍|면|리|번지|층|호)$|\d")
