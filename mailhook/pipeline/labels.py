"""Phone labels per field in the languages we read: the words, signs and CJK forms that say a
number is a phone, a mobile, a fax or a switchboard (pipeline.phones reads numbers with them)."""

from __future__ import annotations

import re

# Labels per field in the languages we read. Cell/portable/handy words of en, de, fr, es, it,
# pt, pl, cs, hu, nl, sv, da, no, fi, ru, uk, bg; "m", "c" (cell) and "f" only as single-letter
# labels (see phones._labels).
_MOBILE = (
    r"mobile|mobil|mob|mobiel|mobiili|mobilní|mobilny|mobiltelefon|cell|"
    r"cellular|cel|celular|cellulare|handy|portable|port|móvil|movil|gsm|wireless|"
    r"komórka|komorka|kom|telemóvel|telemovel|telem|telm|tlm|tlmv|tlml|móvel|movel|móv|natel|"
    r"matkapuhelin|kännykkä|cep|mobitel|моб|мобильный|мобільний|мобилен|сот|сотовый|m|c"
)
_FAX = r"fax|facsimile|telefax|telefaks|faks|télécopie|telecopie|télécopieur|fx|факс|f"
_PHONE = (
    r"tel|telephone|phone|ph|telefon|telefoon|telefono|teléfono|telefone|téléphone|tél|telf|tfno|tlf\.?no|"
    r"teléf|telef|office|oficina|escritório|escritorio|ufficio|uff|fisso|fijo|fixo|festnetz|"
    r"biuro|kancelář|kantoor|direct|directe|direkt|dir|voice|work|fon|t|p|o|d|w|durchwahl|"
    r"bureau|büro|tlf|tfn|puh|puhelin|telefonszám|тел|телефон|reach me at|call me at|call me on"
)

# The company's main number: the sender's phone only where no own line is given, so finders
# rank it below an own number (Phone.switchboard).
_SWITCHBOARD = (
    r"switchboard|standard|zentrale|centralino|centralita|centrala|centrale|vaihde|växel|"
    r"sentralbord|omstilling|ústředna|központ"
)

# German and Nordic compounds name the number: "Faxnummer", "Telefonnr.", "Mobilnummer" (not
# after a one-letter label: Swedish "Dnr" is a file number).
_NUMBER_WORD = r"(?:(?<=\w\w)-?(?:nummer|nr|numer|number))?"

# Chinese and Korean labels, found inside the words they begin or end ("联系电话", "手机号码",
# "전화번호"): those scripts write no spaces between words.
_MOBILE_CJK = (
    r"手机|手機|移动电话|移動電話|行动电话|行動電話|手提电话|手提電話|手提|휴대폰|휴대전화|핸드폰|모바일"
)
_FAX_CJK = r"传真|傳真|팩스|팩시밀리"
_PHONE_CJK = r"电话|電話|座机|座機|固话|固話|직통|전화|연락처"
_SWITCHBOARD_CJK = r"总机|總機|대표전화|대표번호"
# Signs written as labels: telephone receivers and the TEL sign, a mobile phone, a fax machine.
_MOBILE_SIGNS = "\U0001f4f1|\U0001f4f2"
_FAX_SIGNS = "\U0001f4e0"
_PHONE_SIGNS = "\U0001f4de|\u260e|\u260f|\u2706|\U0001f57f|\u2121"
LABEL = re.compile(
    rf"(?P<mobile_phone>(?<![\w])(?:{_MOBILE}){_NUMBER_WORD}(?![\w])|{_MOBILE_CJK}|{_MOBILE_SIGNS})|"
    rf"(?P<fax>(?<![\w])(?:{_FAX}){_NUMBER_WORD}(?![\w])|{_FAX_CJK}|{_FAX_SIGNS})|"
    rf"(?P<phone>(?<![\w])(?:{_PHONE}){_NUMBER_WORD}(?![\w])|{_PHONE_CJK}|{_PHONE_SIGNS})|"
    rf"(?P<switchboard>(?<![\w])(?:{_SWITCHBOARD})(?![\w])|{_SWITCHBOARD_CJK})",
    re.IGNORECASE,
)


def is_phone_label(text: str) -> bool:
    """Whether the text is a phone label and nothing else ("Mobile", "Tel.", "Fax:")."""
    return LABEL.fullmatch(text.strip().rstrip(".:：")) is not None
