"""Job title and company lines of a signature block."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

from mailhook.model import Author
from mailhook.pipeline import lines as kind
from mailhook.pipeline.address import is_address_line
from mailhook.pipeline.cities import place_after_company
from mailhook.pipeline.folding import fold
from mailhook.pipeline.lexicon import DEPARTMENT, LEGAL, ORG_LABEL, ROLE, TITLE_COMPOUND, TITLE_LABEL
from mailhook.pipeline.names import only_degrees
from mailhook.pipeline.normalise import without_trailing_marks
from mailhook.pipeline.organisations import domain_label, names_domain, opens_a_phrase, sender_labels

_SPLIT = re.compile(r"\s+[-–—|·•*]\s+|\s*[|·•]\s*")
# Separators inside one role ("Sales Engineer - Customer Care Centre", "Jefa de Compras /
# Logística"), as against pipes and bullets that part fields.
_ROLE_JOINS = re.compile(r"^[-–—/,]$")
_NAME_TAIL = re.compile(r",\s+|\s+[-–—|·•]\s+|\s*[|·•]\s*|\t+|\s{3,}")
_COLUMNS = re.compile(r"\t+|\s{3,}")
# "Fax: ...", officers named in a legal footer ("Geschäftsführer / Managing director: Dr. ..."): no title.
_LABELLED = re.compile(r"^\s*(?:[\w .]{1,20}|[\w .]{1,20}/[\w .]{1,25}):\s")
# A column that names the sender to a role the way a legal box names officers ("DENX Software
# Engineering GmbH,   Managing Director: Wolfgang Denk" in Wolfgang Denk's block): his own title.
_ROLE_OF = re.compile(
    r"(?:^|(?<=\t)|(?<=\s{3}))(?P<role>[^\s:][^:\t]{1,40}?):\s*(?P<person>[^\t:]+?)\s*(?=$|\t|\s{3})"
)
_WORD = re.compile(r"[^\W\d_]{2,}")
# "Head of Sales at Brightline", "Geschäftsführer der Acme GmbH": a role, then its company.
_AT = re.compile(
    r"\s+(?:at|@|of|bei|der|des|chez|de|du|presso|di|della|del|bij|van|hos|på|w|na|no|en)\s+",
    re.IGNORECASE,
)
# Agent-noun endings ("Geologist", "Berater", "Directeur", "Ingeniera", "Säljare", "Ředitel",
# "Igazgató") mark a role line that the role word list does not know.
_ROLE_SUFFIX = re.compile(
    r"(?:ist|istin|ent|entin|ant|antin|er|erin|or|orin|ive|eur|euse|rice|ista|loge|ero|era|ario|"
    r"aria|ador|adora|ore|ente|are|tel|telka|teľ|ő|ó|ja|jä|kkö)\b",
    re.IGNORECASE,
)
# "at" in the languages' words for it (not "of", "de", "di": "Director of Information Technology").
_PLAIN_AT = re.compile(r"at|@|bei|chez|presso|bij|hos|på", re.IGNORECASE)
# C-level and other short titles written before the company ("CEO, FairAir").
_SHORT_TITLE = re.compile(r"[A-Z]{2,4}")
_BRAND_WORDS = 4
_PAREN = re.compile(r"\s*\([^)]*\)\s*$")
_DANGLING_CO = re.compile(r"\s&\s*(?:Co|Cie)\.?$")
_WRAPPED_WORDS = 4
_BARE_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)+$")
# Headings of an address ("Head Office", "Besöksadress", "Postanschrift", "Oficinas Centrales",
# "Siège social") in the languages we read, compounds included: they name no company.
_ADDRESS_HEADING = re.compile(
    r"adres|address|anschrift|direcci|indirizz|endere[çc]|morada|\bcím|osoite|adresa|office|oficina|"
    r"escritório|bureau|büro|kantoor|kontor|ufficio|uffici|\bsede\b|siège|sitz\b|headquarters|\bhq\b|"
    r"postfach|postbus|siedziba|sídlo|székhely|\bzentrale\b",
    re.IGNORECASE,
)

# How sure each rule is; the tagger's candidates weigh 0.48-0.6 (tagged.WEIGHT).
_LABELLED_COMPANY, _LABELLED_TITLE = 0.85, 0.8
_LEGAL_COMPANY, _ORG_COMPANY, _DOMAIN_COMPANY, _FALLBACK_COMPANY = 0.8, 0.7, 0.75, 0.4
_PLACED_COMPANY = 0.6  # a bare brand after a title, below the domain's and the organisation words'
_DOMAIN_AGREES = 0.1  # a legal or organisation line that also spells the sender's domain
_ABOVE_NAME = 0.2  # a company above the name heads the block less surely than one below it
_ROLE_TITLE, _FUNCTION_TITLE = 0.7, 0.6


# The address rule is the dearest test a line meets (0.05 ms) and each line meets it several
# times here (as a line, as a part, as the title's or the fallback's line): answers are kept.
_is_address = lru_cache(maxsize=1024)(is_address_line)


@dataclass(frozen=True)
class Found:
    """A value found on a block line, how it was recognised and how sure the rule is."""

    line: int
    value: str
    how: str
    confidence: float


def find_roles(
    block: list[str], name_line: int | None, author: Author | None
) -> tuple[Found | None, Found | None]:
    """Return (job_title, company) from the lines of a block below the name line."""
    start = 0 if name_line is None else name_line + 1
    labels = sender_labels(author.email if author else None, block[start:])
    titles: list[Found] = []
    companies: list[Found] = []
    sender = _sender_words(block, name_line, author)
    rows = _joined([(index, _own_role(block[index].strip(), sender)) for index in range(start, len(block))])
    if name_line is not None and (tail := _after_name(block[name_line])):
        rows.insert(0, (name_line, tail))
    for index, line in rows:
        for found in _read_line(index, line, labels):
            (titles if found.how.startswith("title") else companies).append(found)
    title = max(titles, key=lambda f: (f.confidence, -f.line), default=None)
    title = title or _title_below_name(block, name_line, companies)
    companies += _companies_above(block, name_line, labels)
    company = max(companies, key=lambda f: (f.confidence, -f.line), default=None)
    fallback = None
    if name_line is not None:
        fallback = _fallback_company(block, start, title)
        fallback = fallback or _company_above_address(block, start, title, author)
    return title, _company_alone(company or fallback)


def _sender_words(block: list[str], name_line: int | None, author: Author | None) -> frozenset[str]:
    """The words of the sender's name, as signed and as the From header writes it."""
    signed = block[name_line] if name_line is not None else ""
    return frozenset(_WORD.findall(fold(f"{signed} {author.name if author else ''}")))


def _own_role(line: str, sender: frozenset[str]) -> str:
    """ "Role: <the sender>" read as the role alone; officers who are someone else stay labelled."""
    for match in reversed(list(_ROLE_OF.finditer(line)) if sender else []):
        person = " ".join(t for t in match["person"].split() if not only_degrees(t))  # "Dr. Anna Weber"
        words = set(_WORD.findall(fold(person)))
        if len(words) >= 2 and words <= sender and _title_confidence(match["role"]) > 0:
            line = line[: match.start()] + match["role"].strip() + line[match.end() :]
    return line


def _companies_above(block: list[str], name_line: int | None, labels: frozenset[str]) -> list[Found]:
    """A company heading the block above the name ("Opener B.V. - Business solutions ..." over
    "Stefan Rijnhart - Consultant"): only by a legal form or the sender's domain, and below any
    company the lines under the name give."""
    found: list[Found] = []
    for index in range(name_line or 0):
        for part in _read_line(index, block[index].strip(), labels):
            if part.how == "company-rule" and _strong_company(part.value, labels):
                found.append(dataclasses.replace(part, confidence=part.confidence - _ABOVE_NAME))
    return found


def _company_alone(found: Found | None) -> Found | None:
    """The company without the place after it ("Zając IT Sp. z o.o., Wrocław", "Miller Farms,
    Ames, IA": the address rule reads the place) or marks after it ("Hotel Villa Aurora ★★★★")."""
    if found is None:
        return None
    value = without_trailing_marks(place_after_company(found.value))
    return dataclasses.replace(found, value=value)


def _joined(rows: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Rows with a company name that runs on to the next line joined: "Example Service AG & Co."
    over "Management OHG" (a German partnership's name, wrapped at its "& Co.")."""
    joined: list[tuple[int, str]] = []
    skip = False
    for position, (index, line) in enumerate(rows):
        if skip:
            skip = False
            continue
        below = rows[position + 1][1] if position + 1 < len(rows) else ""
        wraps = _DANGLING_CO.search(line) and len(below.split()) <= _WRAPPED_WORDS and LEGAL.search(below)
        if wraps and not kind.has_contact(below):
            joined.append((index, f"{line} {below}"))
            skip = True
        else:
            joined.append((index, line))
    return joined


def _after_name(line: str) -> str | None:
    """What follows the name on its own line: "Anna Schulz, Geschäftsführerin", "Ann Lee | CEO"."""
    parts = _NAME_TAIL.split(line.strip(), maxsplit=1)
    return parts[1].strip() or None if len(parts) == 2 else None


def _read_line(index: int, line: str, labels: frozenset[str]) -> list[Found]:
    """The title and company parts of one line."""
    line = kind.unframed(line)
    if labelled := _labelled(index, line):
        return [labelled]
    head, comma, rest = line.partition(", ")
    if comma and rest and only_degrees(head):
        line = rest  # "Dipl.-Ing. (FH), Vertriebsleiter": the degrees are not the role
    columns = [c for c in _COLUMNS.split(line) if c.strip()]
    if len(columns) > 1:  # "Acme GmbH<TAB><TAB>+49 30 1234": each column on its own
        return [f for column in columns for f in _read_line(index, column.strip(), labels)]
    if not _candidate(line):
        return _domain_line(index, line, labels) or _fields_of_mixed_line(index, line, labels)
    pieces = _SPLIT.split(line)
    if len(pieces) > 1 and (confidence := _one_role(pieces, _SPLIT.findall(line), labels)):
        return [Found(index, line, "title-rule", confidence)]
    found: list[Found] = []
    for part, placed in [p for piece in pieces for p in _role_and_company(piece, labels)]:
        if company := _company(part, labels):
            found.append(Found(index, company[0], "company-rule", company[1]))
        elif placed:  # "CEO, FairAir": named a company by its place after the title alone
            found.append(Found(index, _PAREN.sub("", part), "company-rule", _PLACED_COMPANY))
        elif confidence := _title_confidence(part):
            found.append(Found(index, part, "title-rule", confidence))
    if not any(f.how.startswith("title") for f in found) and _brand_then_legal(pieces, labels):
        # "Example – Example GmbH", "ABC - The Fun Swim Co.": the legal form ends the whole name.
        found = [Found(index, _PAREN.sub("", line), "company-rule", _LEGAL_COMPANY)]
    return found


def _brand_then_legal(pieces: list[str], labels: frozenset[str]) -> bool:
    """A brand before the legal name: one word, or the sender's domain ("Regulatory Affairs -
    Enron Corp." is a department before the company)."""
    return (
        len(pieces) > 1
        and bool(LEGAL.search(pieces[-1]))
        and all(len(p.split()) == 1 or names_domain(p, labels) for p in pieces[:-1])
    )


def _labelled(index: int, line: str) -> Found | None:
    """ "Firma: Acme GmbH", "Position: Sales Manager"."""
    if match := ORG_LABEL.match(line):
        value = line[match.end() :].strip()
        return Found(index, value, "company-label", _LABELLED_COMPANY) if value else None
    if match := TITLE_LABEL.match(line):
        value = line[match.end() :].strip()
        return Found(index, value, "title-label", _LABELLED_TITLE) if value else None
    return None


def _one_role(pieces: list[str], joins: list[str], labels: frozenset[str]) -> float:
    """How sure a line is one role with its area or a second role ("Manager - Rate Systems",
    "Geschäftsführer - CEO"): parts joined by dashes, a role among them, and no company,
    contact or address. 0 when it is not."""
    if len(pieces) > 3 or not all(_ROLE_JOINS.match(j.strip()) for j in joins):
        return 0.0
    if any(LEGAL.search(p) or names_domain(p, labels) or kind.has_contact(p) for p in pieces):
        return 0.0
    return max(_title_confidence(p) for p in pieces)


def _role_and_company(part: str, labels: frozenset[str]) -> list[tuple[str, bool]]:
    """ "CEO, FairAir" and "Head of Sales at Brightline" are a title and a company; "Manager,
    Environmental Strategies" and "Director of Information Technology" are a title. Each part
    comes with whether only its place makes it the company (a brand after "CEO, ", "... at ")."""
    part = part.strip(" ,")
    head, _, tail = part.rpartition(", ")
    if head and _title_confidence(head) and _strong_company(tail, labels):
        return [(head, False), (tail, False)]
    if head and _SHORT_TITLE.fullmatch(head) and ROLE.search(head) and _brand(tail):
        return [(head, False), (tail, True)]  # "CEO, FairAir", "CTO, Lumen Labs"
    for match in reversed(list(_AT.finditer(part))):
        head, tail = part[: match.start()], part[match.end() :]
        if _title_confidence(head) and _strong_company(tail, labels):
            return [(head, False), (tail, False)]
        if _title_confidence(head) and _PLAIN_AT.fullmatch(match[0].strip()) and _brand(tail):
            return [(head, False), (tail, True)]  # "Head of Sales at Brightline"
    return [(part, False)] if part else []


def _brand(text: str) -> bool:
    """A short name that can only be a company's: capitalised, no role, department or title words,
    no contact or address."""
    words = text.split()
    return (
        0 < len(words) <= _BRAND_WORDS
        and (text[0].isupper() or text[0].isdigit())
        and not (ROLE.search(text) or TITLE_COMPOUND.search(text) or DEPARTMENT.search(text))
        and not kind.is_title(text)
        and not kind.has_contact(text)
        and not _is_address(text)
    )


def _strong_company(text: str, labels: frozenset[str]) -> bool:
    """A legal form or the sender's domain: more than organisation words ("Global Services")."""
    return not ROLE.search(text) and bool(LEGAL.search(text) or names_domain(text, labels))


def _title_confidence(part: str) -> float:
    """How sure the role words make a role: 0 for no role, departments and company names."""
    if not kind.is_title(part) or LEGAL.search(part) or len(part.split()) > 10:
        return 0.0
    role = bool(ROLE.search(part) or TITLE_COMPOUND.search(part))
    if DEPARTMENT.search(part) and not role:
        return 0.0
    return _ROLE_TITLE if role else _FUNCTION_TITLE


def _candidate(line: str) -> bool:
    if not line or kind.has_contact(line) or kind.URL.fullmatch(line) or _LABELLED.match(line):
        return False
    return not (kind.is_valediction(line) or kind.SEPARATOR.match(line) or _is_address(line))


def _company(part: str, labels: frozenset[str]) -> tuple[str, float] | None:
    """The company a part names, and how sure: by legal form, organisation word or domain."""
    if kind.URL.search(part) or len(part.split()) > 12 or opens_a_phrase(part):
        return None
    value = _PAREN.sub("", part)
    agrees = _DOMAIN_AGREES if names_domain(value, labels) else 0.0
    if LEGAL.search(part):
        return value, _LEGAL_COMPANY + agrees
    if DEPARTMENT.search(part) or len(part.split()) > 8 or ROLE.search(part) or TITLE_COMPOUND.search(part):
        return None
    if kind.is_org(part) and not kind.is_title(part):
        return value, _ORG_COMPANY + agrees
    if agrees and len(part.split()) <= 4 and not kind.is_title(part):
        return value, _DOMAIN_COMPANY
    return None


def _domain_line(index: int, line: str, labels: frozenset[str]) -> list[Found]:
    """A bare domain written as the company line ("acme.io"), when it is the sender's own."""
    if not _BARE_DOMAIN.match(line) or line.casefold().startswith("www."):
        return []
    label = domain_label(line)
    if label is None or re.sub(r"\W", "", label) not in labels:
        return []
    return [Found(index, line, "company-domain", _DOMAIN_COMPANY - _DOMAIN_AGREES)]


def _fields_of_mixed_line(index: int, line: str, labels: frozenset[str]) -> list[Found]:
    """ "Keller Bau GmbH · Am Hafen 3 · 20457 Hamburg", "SerNet GmbH, Bahnhofsallee 1b, 37081 Göttingen",
    "Sales Manager | Tel. +49 30 1234": the parts of a contact or address line that are a role or a
    company (by its legal form before a comma); and "St. Mary's Hospital", a street with no number."""
    pieces = [p.strip() for p in _SPLIT.split(line) if p.strip()]
    if len(pieces) == 1 and "," in line and LEGAL.search(head := line.split(",")[0]) and _is_address(line):
        pieces = [head, line[len(head) + 1 :]]
    if len(pieces) > 1:
        return [f for piece in pieces if _candidate(piece) for f in _read_line(index, piece, labels)]
    if not _is_address(line) or re.search(r"\d", line) or kind.has_contact(line):
        return []
    company = _company(line, labels)
    return [Found(index, company[0], "company-rule", company[1])] if company else []


def _title_below_name(block: list[str], name_line: int | None, companies: list[Found]) -> Found | None:
    """A short line right under the name is the role even when no role word is known."""
    if name_line is None:
        return None
    index = next((i for i in range(name_line + 1, len(block)) if block[i].strip()), None)
    if index is None or any(c.line == index for c in companies):
        return None
    line = block[index].strip()
    if (
        _candidate(line)
        and len(line.split()) <= 5
        and not re.search(r"\d|@|:|&|\.$", line)
        and (not DEPARTMENT.search(line) and not _SPLIT.search(line) and _ROLE_SUFFIX.search(line))
    ):
        return Found(index, line, "title-position", 0.5)
    return None


def _fallback_company(block: list[str], start: int, title: Found | None) -> Found | None:
    """The first capitalised, digit-free line right under the name/title is most often the firm."""
    for index in range(start, min(len(block), start + 3)):
        line = _COLUMNS.split(block[index].strip())[0]
        if not line or (title and title.line == index):
            continue
        first = _SPLIT.split(line)[0].strip()
        words = first.split()
        if (
            _candidate(line)
            and not re.search(r"\d|@|:", first)
            and len(words) <= 6
            and sum(w[0].isupper() for w in words) >= max(1, len(words) - 2)
            and not kind.is_name_like(first)
            and not DEPARTMENT.search(first)
            and not _ADDRESS_HEADING.search(first)
        ):
            return Found(index, _PAREN.sub("", first), "company-fallback", _FALLBACK_COMPANY)
        return None
    return None


def _company_above_address(
    block: list[str], start: int, title: Found | None, author: Author | None
) -> Found | None:
    """The line right above the address that is not the title ("Sara Berg" / "Inköpschef" / "" /
    "Norrsken Design" / "Storgatan 5"): where a company stands when it is not under the name and
    names itself by no legal form or domain. Capitalised words, no digits, not the sender's name."""
    postal = [i for i in range(start, len(block)) if _is_address(block[i].strip())]
    address = next((i for i in postal if not kind.has_contact(block[i])), None)  # not "Tel. +49 30 ..."
    if address is None:
        return None
    index = next((i for i in range(address - 1, start - 1, -1) if block[i].strip()), None)
    if index is None or (title and title.line == index):
        return None
    line = _COLUMNS.split(block[index].strip())[0]
    words = line.split()
    own = {w.casefold() for w in (author.name or "").split()} if author else set()
    if (
        _candidate(line)
        and not re.search(r"\d|@|:", line)
        and 0 < len(words) <= 6
        and sum(w[0].isupper() for w in words) >= max(1, len(words) - 2)
        and not own & {w.casefold() for w in words}
        and not (DEPARTMENT.search(line) or _title_confidence(line) or kind.is_valediction(line))
        and not _ADDRESS_HEADING.search(line)
    ):
        return Found(index, _PAREN.sub("", line), "company-fallback", _FALLBACK_COMPANY)
    return None
