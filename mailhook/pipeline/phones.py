"""Phone, mobile and fax numbers on signature lines, typed by the label written beside them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import phonenumbers

from mailhook.pipeline.labels import LABEL as _LABEL
from mailhook.pipeline.lines import EMAIL, URL
from mailhook.pipeline.rows import area_codes_joined

# Words for an extension after the number, as people write them: en x/ext., de Durchwahl/DW/App.,
# fr poste, es anexo/interno, it int./interno, pt ramal, pl wew., cs linka, sk klapka, hu mellék,
# da/no lokal, nl toestel/tst., sv ankn., tr dahili, ro interior, ru доб., zh 分机/转, ko 내선.
_EXTENSION_WORDS = (
    r"x|ext|extn|extension|durchwahl|dw|app|apparat|poste|anexo|int|interno|ramal|wew|linka|"
    r"klapka|mellék|mell|lokal|toestel|tst|ankn|anknytning|dahili|interior|доб|"
    r"分机|分機|转|轉|内线|內線|내선"
)
# Hungarian writes the word after the number, with a case ending: "06 76 555 318, 115-ös mellék".
_EXTENSION = (
    rf"(?P<ext>[ \t]*[,;]?[ \t]*[-–(]?[ \t]*(?:(?:{_EXTENSION_WORDS})\.?[ \t]*[:.：]?[ \t]*[-–]?[ \t]*"
    r"(?P<extension>\d{1,5})|(?P<suffixed>\d{1,5})-?(?:ös|es|as|os|ás|és)[ \t]+mellék)\)?)"
)
# An area code with a trunk "0" (or after a country code) and a slash: "0711 / 8 12 44 20",
# "+49 711 / 81244-20", "+49 (6131) / 9221-0" (tried first where a space opens the number, as after
# "Tel: "). Elsewhere a slash only between digits, so "a / b" is two numbers.
_AREA_SLASH = (
    r"(?:(?:\+|00)\d{1,3}[ \t]?(?:\(0\)[ \t]?)?(?:\d{1,5}|\(\d{1,5}\))|\(?0\d{1,5}\)?)[ \t]*/[ \t]*(?=\d)"
)
# A run of digits with the separators people write in phone numbers; "X" stands for a digit in
# anonymised mail.
# Han and Hangul are word characters, but a number may stand right after a Chinese label
# ("电话0755-8888 6666") or before a Chinese word ("…6666转8001").
_CJK = "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff"
_NUMBER = re.compile(
    rf"(?<!/)(?<![^\W{_CJK}])(?:\s?{_AREA_SLASH})?(?:\+|00)?\s?\(?\+?"
    rf"[\dX](?:[\dX \t().\-–]|(?<=\d)/(?=\d)){{3,24}}"
    rf"[\dX]{_EXTENSION}?(?![^\W{_CJK}]|/)"
    r"|(?<![\w-])x-?\d{4,5}\b",
    re.IGNORECASE,
)
_EXTENSION_TAIL = re.compile(rf"{_EXTENSION}$", re.IGNORECASE)
_DATE = re.compile(r"\d{1,2}[./]\d{1,2}[./]\d{2,4}|\b\d{4}-\d{2}-\d{2}\b")
# Numbers under these labels are not the person's own line (pager, home, hotline)...
_NOT_OWN = re.compile(
    r"\b(?:pager|beeper|home|privat|private|privé|privado|privato|prywatny|zuhause|domicile|"
    r"hjem|hemma|koti|toll[- ]free|reception|empfang|accueil|recepción|servicedesk|"
    r"service desk|hotline|support|notfall|notruf|emergency|urgence|emergencia)\b"
    r"|住宅|家庭电话|家庭電話|客服|免费|免費|热线|熱線|자택|고객센터",
    re.IGNORECASE,
)
# ...and these are not phone numbers at all, unless a phone label says otherwise: orders,
# accounts, and the company and tax registry numbers of European footers.
_NOT_PHONE = re.compile(
    r"\b(?:order|invoice|bestell\w*|rechnung\w*|kunden\w*|ticket|iban|bic|swift|account|konto|"
    r"ust|vat|hrb|steuer\w*|ref|case|id|no|nr|po|box|postfach|fiscal|siret|siren|rcs|kvk|"
    r"btw|tva|nif|cif|p\.?\s?iva|partita|codice|nip|regon|krs|pesel|cvr|org\.?\s?nr|orgnr|"
    r"y-tunnus|ičo|dič|adószám|cégjegyzék\w*|uid|mwst|firmenbuch|cnpj|cpf|rut|abn|nº|n°|dnr|"
    r"diarienummer|aktenzeichen|az|qq|wechat|weixin|kakao)\b|#"
    r"|微信|统一社会信用代码|統一編號|统一编号|税号|稅號|营业执照|사업자|카카오톡|카톡",
    re.IGNORECASE,
)
# A line that is only a short internal number ("x-58752", "3-5290") is an extension to dial.
_EXTENSION_LINE = re.compile(r"^\s*(?:x-?\d{4,5}|\d-\d{4})\s*$", re.IGNORECASE)
# A one-letter label stands right before its number ("T: +49", "M. 0170"), not in "P.IVA".
_SINGLE_LETTER_OK = re.compile(r"^\s*[:.：]?\s*[+(]?\s*$")
_ABBREVIATED = re.compile(r"(?<![^\W\d_])[^\W\d_]\.$")
_CEP = re.compile(r"\bcep\s*[:.]?\s*$", re.IGNORECASE)
_CEP_CODE = re.compile(r"\d{5}-?\d{3}")
# Two labels joined like this name one number of both kinds ("Tel./Fax", "Tel. y Fax").
_JOINED = re.compile(r"/|&|\+|、| (?:and|und|et|y|e|en|og|och|i|és|a|ja) ", re.IGNORECASE)
# The last group of a German-style number ending "-0" is the switchboard; a Durchwahl after it
# replaces that 0 ("0711 81244-0, DW -15" is dialled 0711 81244-15).
_SWITCHBOARD_ZERO = re.compile(r"(?<=[\d)])[ \t]*[-–/ ][ \t]*0$")

# Digits going on right after a match ("S-1-5-21-1893459005-2933380962-..."): the match stopped
# at the longest number, inside an identifier.
_CONTINUED = re.compile(r"[-–/.]?\d")
_AREA_BAR = re.compile(r"((?<![\d\w])0\d{2,4}) \| (?=\d[\d ]{5,12}(?:$|\s*\|))")
# A bracket opened after the number, around what it costs ("(0180) 30 40 800 (9 Cent/Minute)").
_OPEN_AT_END = re.compile(r"\s+\(\d{1,2}$")
# Where one part of a one-line signature ends and the next begins.
_SEGMENT_BREAK = re.compile(r"\s[|•·]\s|\s[|•·]$|^[|•·]\s")
# Contact lines are short; beyond this a line is pasted data, and scanning all of it is waste.
_LONGEST_LINE = 400


@dataclass(frozen=True)
class Phone:
    """A number as written, the kinds its label gives it, and whether a label was found.

    switchboard: the label names the company's main number, not the sender's own line."""

    text: str
    kinds: tuple[str, ...]
    labelled: bool
    switchboard: bool = False


def row_parts(line: str) -> list[str]:
    """The parts of a one-line block between bars or bullets; the line itself when it has none."""
    if "|" not in line and "•" not in line and "·" not in line:
        return [line]
    return area_codes_joined(_SEGMENT_BREAK.split(line))


def find_phones(line: str) -> Iterator[Phone]:
    """Yield the phone numbers on one line with their field kinds (extensions kept as written)."""
    masked = _mask(line[:_LONGEST_LINE])
    matches = [m for m in _NUMBER.finditer(masked) if _plausible(m.group())]
    for position, match in enumerate(matches):
        before = masked[matches[position - 1].end() if position else 0 : match.start()]
        after_end = matches[position + 1].start() if position + 1 < len(matches) else len(masked)
        after = masked[match.end() : after_end]
        # In a row of parts between bars or bullets, a label is read in its own part only:
        # "77002 | Phone: ..." and "... (office) | 713-412-3667 (mobile)".
        before = _SEGMENT_BREAK.split(before)[-1]
        after = _SEGMENT_BREAK.split(after, maxsplit=1)[0]
        if _CONTINUED.match(masked, match.end()):
            continue  # a piece of a longer run of digit groups (a Windows SID, a serial): no phone
        if _CEP.search(before) and _CEP_CODE.fullmatch(match.group().strip()):
            continue  # Brazil's postal code ("CEP 01304-001"), not Turkish "Cep" (mobile)
        if _COUNTRY_PREFIX.search(before) and _PREFIXED_CODE.fullmatch(match.group().strip()):
            continue  # "Office: Kirchenstr. 5, D-82194 Groebenzell": a postal code after its country
        found = _kinds(before, after)
        if found is None:
            continue
        kinds, labelled = found
        labelled = labelled or bool(_EXTENSION_LINE.match(line))
        text = _OPEN_AT_END.sub("", line[match.start() : match.end()]).strip(" \t.-–,;")
        if text.count("(") > text.count(")"):
            text = text.replace("(", "", 1).strip()
        number = line[match.start() : match.start("ext")] if match.group("ext") else text
        if _enough_digits(number, labelled):
            switchboard = kinds == ("switchboard",)
            yield Phone(text, ("phone",) if switchboard else kinds, labelled, switchboard)


def normalise(text: str, region: str | None) -> str | None:
    """E.164 for a number phonenumbers accepts as possible, else None (an extension is dialled
    through the number, so E.164 leaves it out, except the German "-0" plus Durchwahl)."""
    tail = _EXTENSION_TAIL.search(text)
    bare = text[: tail.start()] if tail else text
    if re.search(r"[^\W\d_]", bare):  # phonenumbers reads letters as keypad digits
        return None
    if tail and _SWITCHBOARD_ZERO.search(bare):
        extension = tail.group("extension") or tail.group("suffixed")
        direct = _e164(_SWITCHBOARD_ZERO.sub("", bare) + "-" + extension, region)
        if direct:
            return direct
    return _e164(bare, region)


def _e164(text: str, region: str | None) -> str | None:
    try:
        parsed = phonenumbers.parse(text, region or "US")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


# A postal code's country prefix ("D-", "CH-", "F-"), right before four or five digits.
_COUNTRY_PREFIX = re.compile(r"(?:^|[\s,;(])[A-Z]{1,2}-$")
_PREFIXED_CODE = re.compile(r"\d{4,5}")


def _mask(line: str) -> str:
    # Digits inside addresses and links are never phone numbers; blank them out, keeping offsets.
    for pattern in (EMAIL, URL):
        line = pattern.sub(lambda m: " " * len(m.group()), line)
    # A bar after the area code ("tel: 0731 | 175 49 88 9") parts the number, not the line.
    return _AREA_BAR.sub(lambda m: m[1] + " " * (len(m.group()) - len(m[1])), line)


def _plausible(text: str) -> bool:
    return not _DATE.search(text)


def _enough_digits(number: str, labelled: bool) -> bool:
    """Digits enough for a phone number, its extension not counted."""
    digits = sum(c.isdigit() or (labelled and c in "Xx") for c in number)
    if "X" in number and not labelled:
        return False
    return 4 <= digits <= 18 if labelled else 7 <= digits <= 15


def _kinds(before: str, after: str) -> tuple[tuple[str, ...], bool] | None:
    before = before[-30:]
    tail = after.strip()[:20]
    labels = _labels(before, suffix=False)
    if _NOT_OWN.search(before) or (not labels and _NOT_PHONE.search(before)):
        return None
    if not labels:
        if _NOT_OWN.search(tail) or _NOT_PHONE.search(tail):
            return None
        labels = _labels(tail, suffix=True)
    elif _labels(tail, suffix=True) == ("switchboard",):
        labels += ("switchboard",)  # "Tel. 0711 81244-0 (Zentrale)"
    if not labels:
        return ("phone",), False
    if "switchboard" in labels:
        # "Tel. Zentrale", "Tél. standard": a phone word says how, the other whose number it is;
        # the company's fax is still its fax.
        labels = tuple(k for k in labels if k not in ("phone", "switchboard")) or ("switchboard",)
    return labels, True


def _labels(text: str, *, suffix: bool) -> tuple[str, ...]:
    found: list[str] = []
    for match in _LABEL.finditer(text):
        kind = match.lastgroup or "phone"
        word = match.group()
        following = text[match.end() :]
        if len(word) == 1 and not suffix and not _SINGLE_LETTER_OK.match(following):
            continue
        if len(word) == 1 and _ABBREVIATED.search(text[: match.start()]):
            continue  # the last letter of "C.P.", "P.O.", "B.P.": a postal word, not a label
        if suffix and match.start() > 3:
            break
        found.append(kind)
    if not found:
        return ()
    if not suffix and len(found) > 1 and not _JOINED.search(text):
        # The label nearest the number is its own; a switchboard word anywhere says whose.
        own = [k for k in found if k != "switchboard"][-1:]
        return tuple(dict.fromkeys([k for k in found if k == "switchboard"] + own))
    return tuple(dict.fromkeys(found))
