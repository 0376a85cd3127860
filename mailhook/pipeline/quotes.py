"""Where an author's own words end: reply headers, quote marks and forward blocks in many languages."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Verbs that close a reply attribution line ("On <date>, <name> wrote:") in the languages our
# users write in; the date/name part varies too much to match, the verb and colon do not.
_WROTE = (
    r"wrote|writes|a écrit|a ecrit|schrieb|schreef|escribió|escribio|skrev|napisał\(a\)|napisała|"
    r"napisał|ha scritto|scrisse|escreveu|kirjoitti|написал\(а\)|написала|написал|έγραψε|írta|"
    r"napsal\(a\)|napsal|a scris|yazdı|كتب|het geskryf|skrifaði|rašė|kirjutas|пише|пишет|"
    r"написав|napisao|napisala|έγραψε"
)
_ATTRIBUTION_END = re.compile(rf"(?:^|\s)(?:{_WROTE})(?:[\s/].{{0,160}})?\s*:\s*$", re.IGNORECASE)
# Gmail in some locales writes "2017-02-08 12:32 GMT-08:00 Name <address>:" with no verb.
_DATED_ADDRESS = re.compile(r"^\s*\d.*<[^<>\s]+@[^<>\s]+>\s*:\s*$")
# Horde and webmail write "Quoting Bob <bob@x>:"; Open-Xchange and Outlook on the web in German
# "Bob <bob@x> hat am 10.01.2020 um 10:00 geschrieben:" (a date or address beside the verb, as a
# sentence of the author's that ends "geschrieben:" has neither).
_QUOTING = re.compile(
    r"^\s*(?:Quoting|Zitat von|Citando|Citation de|Citaat van|Cytuję|Cytat|Citerar)\s+\S[^:]{0,160}:\s*$",
    re.IGNORECASE,
)
_WRITTEN = re.compile(r"^(?=.*(?:\d|@)).{0,200}\sgeschrieben\s*:\s*$", re.IGNORECASE)
# Right-to-left and other invisible marks that clients put around Arabic and Hebrew headers.
_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_ATTRIBUTION_START = re.compile(
    r"^\s*(?:On|Le|Am|Op|El|Den|W dniu|Il|Em|No dia|Dne|Pe|Dnia|Quoting|Zitat von|Citando|"
    r"Citation|Op \w+|\d|\w+,? \d)",
    re.IGNORECASE,
)
# Outlook-style header labels: From / Sent / To / Cc / Subject / Date and translations.
_FROM_LABELS = (
    r"From|Von|De|Van|Fra|Från|Od|Da|Lähettäjä|Feladó|От|Від|Afzender|Avsändare|Remitente|"
    r"Absender|Expéditeur|Mittente|Remetente|من"
)
_OTHER_LABELS = (
    r"Sent|Date|To|Cc|Bcc|Subject|Reply-To|Gesendet|Datum|An|Kopie|Betreff|Envoyé|Date|À|A|Objet|"
    r"Enviado|Fecha|Para|CC|Asunto|Verzonden|Aan|Onderwerp|Sendt|Dato|Til|Emne|Skickat|Till|Ämne|"
    r"Wysłano|Wysłane|Data|Do|Temat|DW|Inviato|Oggetto|Assunto|Lähetetty|Vastaanottaja|Aihe|"
    r"Отправлено|Кому|Тема|Küldve|Címzett|Tárgy|إلى|الموضوع|تم الإرسال|التاريخ|نسخة"
)
_FROM_LINE = re.compile(rf"^[\s*>]*(?:{_FROM_LABELS})\s*\*?\s*:", re.IGNORECASE)
_HEADER_LINE = re.compile(rf"^[\s*>]*(?:{_FROM_LABELS}|{_OTHER_LABELS})\s*\*?\s*:", re.IGNORECASE)
_FORWARD_WORDS = (
    r"Forwarded message|Forwarded Message|Weitergeleitete Nachricht|Message transféré|"
    r"Message transfere|Mensaje reenviado|Doorgestuurd bericht|Videresendt meddelelse|"
    r"Videresendt melding|Vidarebefordrat meddelande|Wiadomość przekazana dalej|"
    r"Messaggio inoltrato|Mensagem encaminhada|Välitetty viesti|Пересылаемое сообщение|"
    r"Forwarded by|Forwarded Message Follows"
)
_ORIGINAL_WORDS = (
    r"Original Message|Ursprüngliche Nachricht|Original[- ]?Nachricht|"
    r"Message d'origine|Message d’origine|Mensaje original|Oorspronkelijk bericht|"
    r"Oprindelig meddelelse|Originalmeddelelse|Opprinnelig melding|Ursprungligt meddelande|"
    r"Originalmeddelande|Wiadomość oryginalna|Oryginalna wiadomość|Messaggio originale|"
    r"Mensagem original|Alkuperäinen viesti|Исходное сообщение|Reply message|Antwort|"
    r"Reply Separator"
)
_FORWARD_MARK = re.compile(
    rf"^[\s>]*(?:-{{2,}}|_{{2,}}|=+|\*+)?\s*(?:{_FORWARD_WORDS})\b.*$"
    r"|^\s*(?:Begin forwarded message|Anfang der weitergeleiteten Nachricht|"
    r"Début du message réexpédié|Début du message transféré|Inicio del mensaje reenviado|"
    r"Comienzo del mensaje reenviado|Begin doorgestuurd bericht|Start på videresendt besked|"
    r"Vidarebefordrat brev|Inizio messaggio inoltrato|Início da mensagem reencaminhada|"
    r"Início da mensagem encaminhada)\s*:?\s*$",
    re.IGNORECASE,
)
_ORIGINAL_MARK = re.compile(rf"^[\s>]*[-_=*]{{2,}}\s*(?:{_ORIGINAL_WORDS})\s*[-_=*]*\s*$", re.I)
_RULE = re.compile(r"^\s*_{10,}\s*$")
# GroupWise heads the message replied to with its sender and date between arrows
# (">>> "Ann Lee" <ann@example.org> 30.9.06  0.06 >>>").
_GROUPWISE = re.compile(r"^\s*>>>\s.*(?:@\S|\d{1,2}[./:]\d{2}).*>>>\s*$")
_QUOTED = re.compile(r"^\s*>")
# Lotus Notes puts "Name@Org" and a date/time line above its To:/cc: block.
_LOTUS_DATE = re.compile(r"^\s*\d{1,2}/\d{1,2}/\d{2,4}\s+\d{1,2}:\d{2}(?:\s*[AP]M)?\s*$", re.I)
_DATE_OR_ADDRESS = re.compile(r"\d{1,2}[:./]\d{2}|@\S")
# Marks, attributions and header lines are short; only this much of a line is looked at, so a
# megabyte-long line of pasted data costs no more than a normal one.
_LONGEST_LINE = 1000
# Lines searched for the start of quoted material, and for the end of a header block: a reply's
# own words run a few dozen lines, rarely hundreds; 5,000 lines (~150 KB) before any quote are
# pasted data, and searching on would cost up to 14 us a line (issue 10: bounded work).
MOST_LINES = 5_000


@dataclass(frozen=True)
class Cut:
    """Where someone else's material starts in a list of lines, and whether it is a forward."""

    line: int
    forward: bool


def find_cut(lines: list[str]) -> Cut | None:
    """Return the first line where quoted, replied-to or forwarded material starts, if any,
    among the first MOST_LINES lines."""
    lines = [_MARKS.sub("", line[:_LONGEST_LINE]) for line in lines[:MOST_LINES]]
    for index, line in enumerate(lines):
        if _FORWARD_MARK.match(line):
            return Cut(index, forward=True)
        if _ORIGINAL_MARK.match(line) or _GROUPWISE.match(line) or (
                is_quoted(line) and _is_quote_run(lines, index)):
            return Cut(index, forward=False)
        if _is_attribution(lines, index):
            return Cut(index, forward=False)
        if _is_header_block(lines, index):
            return Cut(_back_over_lotus(lines, index), forward=False)
        if _RULE.match(line) and _is_header_block(lines, _next_text(lines, index + 1)):
            return Cut(index, forward=False)
    return None


def is_quoted(line: str) -> bool:
    """A line quoted with a ">" mark (GroupWise's header of the original is none)."""
    return _QUOTED.match(line) is not None and not _GROUPWISE.match(line)


def attribution_width(lines: list[str], index: int) -> int:
    """How many lines the reply attribution starting at index runs over ("On ... wrote:",
    wrapped by clients over up to three lines); 0 where none starts there."""
    lines = [_MARKS.sub("", line[:_LONGEST_LINE]) for line in lines[index : index + 3]]
    if not _is_attribution(lines, 0):
        return 0
    return next((width for width in (1, 2, 3) if lines[width - 1].rstrip().endswith(":")), 1)


def starts_others(lines: list[str], index: int) -> bool:
    """A forward mark, an "Original Message" mark or an Outlook header block starts at index:
    what follows is someone else's message, never the author's own words."""
    line = _MARKS.sub("", lines[index][:_LONGEST_LINE])
    return bool(
        _FORWARD_MARK.match(line)
        or _ORIGINAL_MARK.match(line)
        or _is_header_block(lines, index)
        or _RULE.match(line) and _is_header_block(lines, _next_text(lines, index + 1))
    )


def header_block_end(lines: list[str], start: int) -> int:
    """Index of the first line after a header block that begins at or after start (a block is
    read for at most MOST_LINES lines)."""
    index = _next_text(lines, start)
    seen = False
    stop = min(len(lines), index + MOST_LINES)
    while index < stop:
        line = lines[index][:_LONGEST_LINE]
        if _HEADER_LINE.match(line):
            seen = True
        elif not line.strip():
            if seen:
                return index + 1
        elif seen and not line.startswith((" ", "\t")):
            return index
        index += 1
    return len(lines)


def is_header_line(line: str) -> bool:
    """A reply or forward header line with a label these rules know, in any of their languages."""
    return bool(_HEADER_LINE.match(_MARKS.sub("", line)))


def is_from_line(line: str) -> bool:
    """True for an Outlook-style "From:" line in any of our languages."""
    return bool(_FROM_LINE.match(line))


def _is_quote_run(lines: list[str], index: int) -> bool:
    # A single ">" line inside prose (e.g. "> 5 items") is not a quote; two in a row, or one at
    # the end of the text, is.
    following = [line for line in lines[index + 1 : index + 3] if line.strip()]
    return not following or _QUOTED.match(following[0]) is not None


def _is_attribution(lines: list[str], index: int) -> bool:
    # Clients wrap long attribution lines, so up to three lines are joined before matching.
    line = lines[index].strip()
    if not line or len(line) > 300:
        return False
    if line.endswith(":") and (_DATED_ADDRESS.match(line) or _QUOTING.match(line) or _WRITTEN.match(line)):
        return True
    for width in (1, 2, 3):
        window = lines[index : index + width]
        # Earlier widths checked the lines above the last one.
        if len(window) < width or not window[-1].strip():
            return False
        # The pattern ends in a colon: checking that first spares a regex search on every line.
        if not window[-1].rstrip().endswith(":"):
            continue
        joined = " ".join(part.strip() for part in window)
        if _ATTRIBUTION_END.search(joined) and (
            width == 1 or _ATTRIBUTION_START.match(line) or re.search(r"\d", line)
        ):
            return True
    return False


def _is_header_block(lines: list[str], index: int) -> bool:
    if index >= len(lines) or ":" not in lines[index]:  # spares two regexes on most lines
        return False
    if not _FROM_LINE.match(lines[index]) and not _HEADER_LINE.match(lines[index]):
        return False
    window = [line for line in lines[index : index + 8] if line.strip()][:5]
    if sum(1 for line in window if _HEADER_LINE.match(line)) >= 2:
        return True
    # Lotus Notes: "Name@Org", "04/16/2001 09:06 AM", then a To: line wrapped over many lines.
    above = [line for line in lines[max(0, index - 3) : index] if line.strip()]
    return bool(above) and _LOTUS_DATE.search(above[-1]) is not None


def _back_over_lotus(lines: list[str], index: int) -> int:
    """Lotus Notes: "Name", "date time", then To:/cc: — the name and date belong to the quote."""
    start = back = index - 1
    while back >= 0 and not lines[back].strip() and index - back < 3:
        back -= 1
    if back < 0 or not _DATE_OR_ADDRESS.search(lines[back]):
        return index
    start = back
    above = back - 1
    if above >= 0 and lines[above].strip() and len(lines[above].split()) <= 5:
        start = above
    return start


def _next_text(lines: list[str], index: int) -> int:
    while index < len(lines) and not lines[index].strip():
        index += 1
    return index
