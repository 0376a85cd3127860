"""What kind of line this is: name, contact, organisation, role, sign-off, boilerplate or prose."""

from __future__ import annotations

import re
from functools import lru_cache

from mailhook.model import Author
from mailhook.pipeline.address import is_address_line
from mailhook.pipeline.lexicon import (
    BOILERPLATE,
    DEPARTMENT,
    DEVICE,
    LEGAL,
    ORG,
    ORG_WORDS,
    REGISTRY,
    TITLE,
    TITLE_COMPOUND,
    VALEDICTION,
)
from mailhook.pipeline.organisations import ORG_ENDINGS
from mailhook.pipeline.postal import is_country_name

# Starts only where a token starts: tried from every character, a long run without "@"
# costs time quadratic in its length.
EMAIL = re.compile(r"(?<![\w.+'-])[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
# A bare domain starts only where a run of word characters and hyphens starts, for the same
# reason: from every word boundary ("a-a-a-..."), 1,000 characters cost 6 ms a search.
URL = re.compile(
    r"(?:https?://|www\.|mailto:)\S+"
    r"|(?<![\w-])[\w-]+\.(?:com|org|net|de|fr|es|it|nl|dk|se|pl|pt|io|eu|co\.uk)\b/?\S*",
    re.IGNORECASE,
)
PHONEISH = re.compile(r"\+?\(?\d[\d\s().\-–/X]{5,}\d|\b(?:tel|phone|fax|mobile|cell|handy)\b", re.I)
DELIMITER = re.compile(r"^--\s*$")
SEPARATOR = re.compile(r"^[\s\-_=*~#+.·•|]{3,}$")
# Attachment markers some clients leave in the text (" - report.doc", "<<slides.pdf>>"); a row
# of parts between bars ("-- | Ann Lee | www.x.co.uk") is no file name.
ATTACHMENT = re.compile(r"^\s*(?:-\s*\S(?:(?!\s[|•·]\s).)*\.\w{2,4}|<<.*>>|\[(?:image|cid):.*\])\s*$", re.I)
# Where a client left an image out: "[cid:image001.png@01D9...]", "[logo]", "[image: ACME]",
# "<image002.jpg>". A logo sits above or below a block; it is never the sender's own line.
# An image's alt text a client wrote as text names a logo ("Logo Hypra", "Acme-Logo"): short, with
# "logo" at one end.
PLACEHOLDER = re.compile(
    r"^\s*(?:\[[^\[\]]{1,200}\]|<[^<>\s]{1,200}\.(?:png|jpe?g|gif|bmp|svg)>|cid:\S{1,200}"
    r"|(?:logo(?:tipo|type|typ)?)[\s_:-]+(?:\S+\s?){1,4}|(?:\S+\s){0,3}\S+?[\s_-]logo(?:tipo|type|typ)?)\s*$",
    re.IGNORECASE,
)
# What a web form or a monitoring tool stamps below its text: a browser's User-Agent
# ("Mozilla/5.0 (Windows NT 10.0; ...) Gecko/20100101"), a lone IP address, a lone date and time
# to the second. No sender writes these in a block.
MACHINE = re.compile(
    r"^\s*(?:(?:user[- ]?agent|browser)\s*:\s*)?[A-Za-z][\w.-]{0,30}/\d+\.\d+\S*\s+\([^()]{0,300};"
    r"|^\s*(?:(?:ip|remote[ _-]?addr(?:ess)?|ip[- ]address)\s*:\s*)?(?:\d{1,3}(?:\.\d{1,3}){3}"
    r"|(?=[0-9a-f:]*::)[0-9a-f:]{3,39})\s*$"
    # a short line ending in a time to the second: "Monday 23rd August 2010 08:33:37 PM" (a log
    # line goes on after its time)
    r"|^(?=[^\n]{0,60}$)[^\n]*?\b\d{1,2}:\d{2}:\d{2}(?:\s*[ap]\.?m\.?)?"
    r"(?:\s*(?:[+-]\d{2}:?\d{2}|\(?[A-Z]{2,5}\)?))?\s*$"
    # a patch's trailer ("Reviewed-by: Ann Lee <ann@...>"): the review's record, not a sign-off
    r"|^\s*(?:signed-off|acked|reviewed|tested|reported|suggested|co-developed|reviewed-and-tested)-by\s*:"
    r"|^\s*(?:(?:link|closes|buglink)\s*:\s*https?://|fixes\s*:\s*[0-9a-f]{7,}\b)",
    re.IGNORECASE,
)
# Legal forms as written ("se nedan." is Swedish prose, "SE" a company); organisation words in
# any case.
_ORG_CASED = re.compile(rf"{LEGAL.pattern}|(?i:\b(?:{ORG_WORDS})\b)|{ORG_ENDINGS}")
_LEGAL_END = re.compile(rf"(?:{LEGAL.pattern})\W*$")  # the legal form ends the line
_LEGAL_NAME_WORDS = 10
_GREETING = re.compile(
    r"^\s*(?:hi|hello|hey|dear|hallo|liebe|lieber|sehr geehrte|bonjour|salut|hola|estimad[oa]|"
    r"hej|hejsa|cześć|dzień dobry|ciao|buongiorno|olá|ola|caro|cara|beste|geachte|goedemorgen)\b",
    re.IGNORECASE,
)
_NAME_TOKEN = re.compile(r"^[^\W\d_][\w'’\-]*\.?$")
_PARTICLES = frozenset(
    [
        "van",
        "von",
        "de",
        "der",
        "den",
        "da",
        "di",
        "la",
        "le",
        "du",
        "del",
        "della",
        "dos",
        "das",
        "do",
        "y",
        "e",
        "bin",
        "al",
        "el",
        "ten",
        "ter",
        "zu",
        "af",
    ]
)
# Short one-word replies that look like a capitalised name on their own line.
_NOT_NAMES = frozenset(
    [
        "thanks",
        "thank",
        "hi",
        "hello",
        "hey",
        "yes",
        "no",
        "ok",
        "okay",
        "sure",
        "done",
        "agreed",
        "great",
        "cool",
        "fine",
        "best",
        "cheers",
        "regards",
        "sincerely",
        "danke",
        "merci",
        "gracias",
        "grazie",
        "tack",
        "tak",
        "bedankt",
        "dziękuję",
        "obrigado",
        "attachment",
        "attachments",
        "impressum",  # a German legal imprint's heading
        "imprint",
        "disclaimer",
        "note",
        "notes",
        "ps",
        "p.s.",
        "fyi",
        "update",
        "hallo",
        "bonjour",
        "hola",
        "ciao",
    ]
)
_SENTENCE_END = re.compile(r"[.?!:。！？：]\s*$")
# Chinese (and Japanese) write no spaces between words: two characters count as a word.
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CJK_SENTENCE = re.compile("[，。！？]")
_CJK_SENTENCE_CHARS = 8
_ABBREVIATION_END = re.compile(r"\b(?:Inc|Corp|Co|Ltd|Jr|Sr|Dr|St|Ave|Rd|Mr|Mrs|Ms)\.\s*$")
# "Pieter de Jong | Accountmanager | Voorbeeld B.V.": a block's parts in a row between bars or
# bullets, each a few words; a sentence is not cut so.
_SEGMENTS = re.compile(r"\s+[|•·]\s+")
_SEGMENT_WORDS = 5


def is_blank(line: str) -> bool:
    return not line.strip()


def is_valediction(line: str) -> bool:
    text = line.strip()
    return len(text) < 60 and bool(VALEDICTION.match(text))


def is_device(line: str) -> bool:
    return bool(DEVICE.match(line))


def is_machine(line: str) -> bool:
    return bool(MACHINE.match(line))


def is_boilerplate(line: str) -> bool:
    return bool(BOILERPLATE.search(line) or REGISTRY.search(line))


def is_registry(line: str) -> bool:
    """A company register or tax number ("HRB 12345", "KvK 1234", "NIP 123-456-78-90")."""
    return bool(REGISTRY.search(line))


def is_placeholder(line: str) -> bool:
    return bool(PLACEHOLDER.match(line))


def has_contact(line: str) -> bool:
    """A phone number or e-mail address on the line."""
    return bool(EMAIL.search(line) or _digits_run(URL.sub(" ", line)) >= 7)


_GERMAN_ARTICLES = frozenset({"Der", "Die", "Das"})


# The block finder asks these of the same lines again and again (climbing, scoring, anchors);
# they are pure, so a line's answer is kept. Bounded: a worker reads lines without end.
@lru_cache(maxsize=8192)
def is_name_like(line: str) -> bool:
    """A short line of capitalised words without digits that could be a person's name."""
    text = line.strip().strip(",;*_").strip()
    tokens = text.split()
    if not 1 <= len(tokens) <= 5 or len(text) > 45 or re.search(r"[\d@:/|()&+=<>]", text):
        return False
    if is_valediction(text) or is_title(text) or ORG.search(text) or _GREETING.match(text):
        return False
    if DEPARTMENT.search(text):
        return False  # "Dział Księgowości", "Klantenservice Voorbeeld": signed by a department
    if len(tokens) == 1 and tokens[0].lower().strip(".!") in _NOT_NAMES:
        return False
    if len(tokens) > 1 and tokens[0] in _GERMAN_ARTICLES:
        return False  # "Der Oberbürgermeister", "Die Geschäftsführung": an office, no one's name
    words = [t for t in tokens if t.lower() not in _PARTICLES]
    if not words or not all(_NAME_TOKEN.match(t) and t[0].isupper() for t in words):
        return False
    return any(len(t) >= 2 and any(c.islower() for c in t) for t in words)


def names_sender(line: str, author: Author | None) -> bool:
    """True when the line carries a token of the sender's display name or mailbox name."""
    if author is None:
        return False
    wanted = sender_tokens(author)
    found = {t.casefold() for t in re.findall(r"[^\W\d_]{2,}", line)}
    return bool(wanted & found)


def sender_tokens(author: Author) -> set[str]:
    tokens = set(re.findall(r"[^\W\d_]{2,}", author.name or ""))
    if author.email:
        tokens |= set(re.findall(r"[^\W\d_]{3,}", author.email.split("@")[0]))
    return {t.casefold() for t in tokens}


@lru_cache(maxsize=8192)
def is_prose(line: str) -> bool:
    """A sentence of the message: long, or ending like a sentence, and not a contact/org line."""
    text = line.strip()
    if not text or is_name_like(text) or (len(text.split()) <= _SEGMENT_WORDS and DEPARTMENT.search(text)):
        return False  # a name, or a department ("ENA Legal Dept.")
    segments = _SEGMENTS.split(text)
    if len(segments) >= 2 and all(len(segment.split()) <= _SEGMENT_WORDS for segment in segments):
        return False
    if _ends_in_country(text) or _legal_name(text):
        # "El Rosal. Caracas, Venezuela.", "Venezolana de Pagos Rápidos Rapipago, C. A.": the end
        # of an address, a company's name, full stop and all.
        return False
    han = 0 if text.isascii() else len(_HAN.findall(text))
    words = len(text.split()) + han // 2
    if has_contact(text) or URL.search(text) or is_address_line(text):
        # Contact lines are long too ("Phone: +49 (0) 1234 567 890 / ..."); prose has small words,
        # or, in Chinese, a sentence's commas and stops.
        if han >= _CJK_SENTENCE_CHARS and _CJK_SENTENCE.search(text):
            return True
        return sum(1 for w in text.split() if w.isalpha() and w.islower()) >= 6
    if words >= 9:
        return not _ORG_CASED.search(text) or words >= 14
    if _GREETING.match(text) and text.endswith((",", "!", ":")):
        return True
    if _ORG_CASED.search(text) and words <= 6:
        return False
    ends = _SENTENCE_END.search(text) and not _ABBREVIATION_END.search(text)
    return bool(ends) and words >= 2 and not is_valediction(text)


def _legal_name(text: str) -> bool:
    """A company's name ending in its legal form, mostly capitalised words ("We work with Acme
    GmbH." is a sentence)."""
    words = text.split()
    lower = sum(w.isalpha() and w.islower() for w in words)
    few_small = 2 * lower < len(words) - lower
    return len(words) <= _LEGAL_NAME_WORDS and few_small and bool(_LEGAL_END.search(text))


def _ends_in_country(text: str) -> bool:
    """A few capitalised words whose last part, after a comma, is a country's name."""
    _, comma, last = text.rstrip(" .").rpartition(",")
    words = text.split()
    return (bool(comma) and len(words) <= _SEGMENT_WORDS + 1 and all(w[:1].isupper() for w in words)
            and is_country_name(last.strip()))


def is_long_prose(line: str) -> bool:
    """A real sentence (not a short phrase) that cannot sit inside a signature block."""
    text = line.strip()
    words = len(text.split())
    return is_prose(text) and (words >= 12 or (words >= 7 and bool(_SENTENCE_END.search(text))))


def is_org(line: str) -> bool:
    return bool(_ORG_CASED.search(line))


def is_title(line: str) -> bool:
    return bool(TITLE.search(line) or TITLE_COMPOUND.search(line))


def _digits_run(line: str) -> int:
    best = 0
    for match in PHONEISH.finditer(line):
        best = max(best, sum(c.isdigit() for c in match.group()))
    return best


# A team signs, no person: "L'équipe Maisons Verte", "The Acme Team", "Ihr Muster-Team", "El
# equipo de Ventas", "Kundtjänstteamet", in the languages we read (a compound after a hyphen or
# in the Scandinavian definite form).
_TEAM = re.compile(
    r"(?:^|\s|['’-])(?:team|équipe|equipe|equipo|equip|squadra|teamet|teamen|tiimi|zespół|ekipa)$"
    r"|^(?:l['’]\s?)?(?:équipe|equipe|equipo|equipa|squadra|team|teamet|zespół|ekipa)\b|\w+teamet$",
    re.IGNORECASE,
)


def is_team(text: str) -> bool:
    """Whether a sign-off names a team rather than a person."""
    words = text.strip(" ,.!").split()
    return bool(words) and any(_TEAM.search(w) for w in (words[0], words[-1], " ".join(words[:2])))


# A list of people: this many text lines or more, each of capitalised words only (and their
# connectors), none a role, a company or a place.
_LIST_LINES = 4
_PEOPLE_LINE = re.compile(r"^[^\W\d_][\w'’.-]*(?:\s+\S+)+$")


def is_list_of_people(block: list[str]) -> bool:
    """ "Selma Løvstad og Marie Roald" on line after line: people named in the text (a team's
    line-up, the invited), not one person's block, which gives more than names when it runs long."""
    text = [line.strip() for line in block if line.strip()]
    return len(text) >= _LIST_LINES and all(_people_line(line) for line in text)


def _people_line(line: str) -> bool:
    words = [w for w in line.split() if w[:1].isalpha()]
    return (
        bool(_PEOPLE_LINE.match(line)) and not any(c.isdigit() for c in line)
        and sum(w[0].isupper() for w in words) >= 2
        and not (has_contact(line) or URL.search(line) or is_title(line) or is_org(line)
                 or is_address_line(line) or SEPARATOR.match(line))
    )


_FRAMED = re.compile(r"^[-–—*~]\s+(.+?)\s+[-–—*~]$")


def unframed(line: str) -> str:
    """The line without the dashes or stars that frame it ("- Geschäftsführung/Inhaber -")."""
    return _FRAMED.sub(r"\1", line)

