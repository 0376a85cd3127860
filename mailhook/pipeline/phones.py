"""Phone, mobile and fax numbers on signature lines, typed by the label written beside them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import phonenumbers

from mailhook.pipeline.lines import EMAIL, URL

# A run of digits with the separators people write in phone numbers; "X" stands for a digit in
# anonymised mail. A slash only between digits, so "a / b" is two numbers, not one.
_NUMBER = re.compile(
    r"(?<![\w/])(?:\+|00)?\s?\(?\+?[\dX](?:[\dX \t().\-–]|(?<=\d)/(?=\d)){3,24}[\dX]"
    r"(?:[\s-]*(?:x|ext\.?|extension|ext:|durchwahl|poste|anexo)\s*\d{1,5})?(?![\w/])"
    r"|(?<![\w-])x-?\d{4,5}\b",
    re.IGNORECASE,
)
_DATE = re.compile(r"\d{1,2}[./]\d{1,2}[./]\d{2,4}|\b\d{4}-\d{2}-\d{2}\b")
_MOBILE = (
    r"mobile|mobil|mob|cell|cellular|handy|portable|port|móvil|movil|celular|gsm|wireless|mobiel|"
    r"mobiltelefon|komórka|kom|cellulare|cell|telemóvel|telemovel|natel|m"
)
_FAX = r"fax|facsimile|telefax|télécopie|telecopie|télécopieur|fx|f"
_PHONE = (
    r"tel|tel\.|telephone|phone|ph|telefon|telefoon|telefono|teléfono|telefone|téléphone|tél|"
    r"office|direct|dir|voice|work|fon|t|p|o|d|w|durchwahl|zentrale|bureau|büro|tlf|tfn|"
    r"reach me at|call me at|call me on"
)
# Numbers under these labels are not the person's own line (pager, home, hotline)...
_NOT_OWN = re.compile(
    r"\b(?:pager|beeper|home|privat|private|toll[- ]free|reception|servicedesk|service desk|"
    r"hotline|switchboard|support|zentrale)\b",
    re.IGNORECASE,
)
# ...and these are not phone numbers at all, unless a phone label says otherwise.
_NOT_PHONE = re.compile(
    r"\b(?:order|invoice|bestell\w*|rechnung\w*|kunden\w*|ticket|iban|bic|swift|account|konto|"
    r"ust|vat|hrb|steuer\w*|ref|case|id|no|nr|po|box|postfach|fiscal|siret|kvk)\b|#",
    re.IGNORECASE,
)
# A line that is only a short internal number ("x-58752", "3-5290") is an extension to dial.
_EXTENSION_LINE = re.compile(r"^\s*(?:x-?\d{4,5}|\d-\d{4})\s*$", re.IGNORECASE)
_LABEL = re.compile(
    rf"(?<![\w])(?P<mobile_phone>{_MOBILE})(?![\w])|(?<![\w])(?P<fax>{_FAX})(?![\w])|"
    rf"(?<![\w])(?P<phone>{_PHONE})(?![\w])",
    re.IGNORECASE,
)
_SINGLE_LETTER_OK = re.compile(r"^\s*[:.]|^\s*$|^\s*\+|^\s*\(")


# Contact lines are short; beyond this a line is pasted data, and scanning all of it is waste.
_LONGEST_LINE = 400


@dataclass(frozen=True)
class Phone:
    """A number as written, the kinds its label gives it, and whether a label was found."""

    text: str
    kinds: tuple[str, ...]
    labelled: bool


def find_phones(line: str) -> Iterator[Phone]:
    """Yield the phone numbers on one line with their field kinds."""
    masked = _mask(line[:_LONGEST_LINE])
    matches = [m for m in _NUMBER.finditer(masked) if _plausible(m.group())]
    for position, match in enumerate(matches):
        before = masked[matches[position - 1].end() if position else 0 : match.start()]
        after_end = matches[position + 1].start() if position + 1 < len(matches) else len(masked)
        after = masked[match.end() : after_end]
        found = _kinds(before, after)
        if found is None:
            continue
        kinds, labelled = found
        labelled = labelled or bool(_EXTENSION_LINE.match(line))
        text = match.group().strip(" \t.-–")
        if text.count("(") > text.count(")"):
            text = text.replace("(", "", 1).strip()
        if _enough_digits(text, labelled):
            yield Phone(text, kinds, labelled)


def normalise(text: str, region: str | None) -> str | None:
    """E.164 for a number phonenumbers accepts as possible, else None."""
    bare = re.sub(r"(?i)\s*(?:x|ext\.?|extension|ext:|durchwahl|poste|anexo)\s*\d{1,5}$", "", text)
    if re.search(r"[^\W\d_]", bare):  # phonenumbers reads letters as keypad digits
        return None
    try:
        parsed = phonenumbers.parse(text, region or "US")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def _mask(line: str) -> str:
    # Digits inside addresses and links are never phone numbers; blank them out, keeping offsets.
    for pattern in (EMAIL, URL):
        line = pattern.sub(lambda m: " " * len(m.group()), line)
    return line


def _plausible(text: str) -> bool:
    return not _DATE.search(text)


def _enough_digits(text: str, labelled: bool) -> bool:
    digits = sum(c.isdigit() or c in "Xx" for c in text) if labelled else sum(map(str.isdigit, text))
    if "X" in text and not labelled:
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
    if not labels:
        return ("phone",), False
    return labels, True


def _labels(text: str, *, suffix: bool) -> tuple[str, ...]:
    found: list[str] = []
    for match in _LABEL.finditer(text):
        kind = match.lastgroup or "phone"
        word = match.group()
        following = text[match.end() :]
        if len(word) == 1 and not suffix and not _SINGLE_LETTER_OK.match(following):
            continue
        if suffix and match.start() > 3:
            break
        found.append(kind)
    if not found:
        return ()
    if not suffix and len(found) > 1 and not re.search(r"/|&|\+| and | und | et ", text):
        return (found[-1],)
    return tuple(dict.fromkeys(found))
