"""Job title and company lines of a signature block."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mailhook.model import Author
from mailhook.pipeline import lines as kind
from mailhook.pipeline.address import is_address_line
from mailhook.pipeline.lexicon import DEPARTMENT, LEGAL

_SPLIT = re.compile(r"\s+[-–—|·•*]\s+|\s*[|·•]\s*")
_COLUMNS = re.compile(r"\t+|\s{3,}")
_LABELLED = re.compile(r"^\s*[\w .]{1,20}:\s")
# Agent-noun endings ("Geologist", "Representative", "Berater", "Directeur") mark a role line
# that the role word list does not know.
_ROLE_SUFFIX = re.compile(r"(?:ist|ent|ant|er|or|ive|eur|euse|ista|loge)\b", re.IGNORECASE)
_PAREN = re.compile(r"\s*\([^)]*\)\s*$")


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
    titles: list[Found] = []
    companies: list[Found] = []
    for index in range(start, len(block)):
        line = block[index].strip()
        if not _candidate(line):
            continue
        parts = [p for part in _SPLIT.split(line) for p in _title_comma_company(part, author)]
        for part in parts:
            if found := _company(part, author):
                companies.append(Found(index, found[0], "company-rule", found[1]))
            elif _is_title(part):
                titles.append(Found(index, part if len(parts) > 1 else line, "title-rule", 0.7))
    title = titles[0] if titles else _title_below_name(block, name_line, companies)
    company = max(companies, key=lambda f: (f.confidence, -f.line), default=None)
    fallback = _fallback_company(block, start, title) if name_line is not None else None
    return title, company or fallback


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
        and (not DEPARTMENT.match(line) and not _SPLIT.search(line) and _ROLE_SUFFIX.search(line))
    ):
        return Found(index, line, "title-position", 0.5)
    return None


def _title_comma_company(part: str, author: Author | None) -> list[str]:
    """ "CEO, FairAir" is a title and a company; "Manager, Environmental Strategies" is a title."""
    head, _, tail = part.strip(" ,").rpartition(", ")
    if head and _is_title(head) and _company(tail, author) and not _is_title(tail):
        return [head, tail]
    return [part.strip(" ,")] if part.strip(" ,") else []


def _is_title(part: str) -> bool:
    return (
        kind.is_title(part)
        and not DEPARTMENT.match(part)
        and not LEGAL.search(part)
        and (len(part.split()) <= 10)
    )


def _candidate(line: str) -> bool:
    if not line or kind.has_contact(line) or kind.URL.fullmatch(line) or _LABELLED.match(line):
        return False
    return not (kind.is_valediction(line) or kind.SEPARATOR.match(line) or is_address_line(line))


def _company(part: str, author: Author | None) -> tuple[str, float] | None:
    if DEPARTMENT.match(part) or kind.URL.search(part) or len(part.split()) > 8:
        return None
    if LEGAL.search(part):
        return _PAREN.sub("", part), 0.8
    if kind.is_org(part) and not kind.is_title(part):
        return _PAREN.sub("", part), 0.7
    if author and author.email and "@" in author.email:
        domain = re.sub(r"\W", "", author.email.split("@")[1].split(".")[0]).casefold()
        squeezed = re.sub(r"\W", "", part).casefold()
        if len(domain) >= 3 and squeezed.startswith(domain) and len(part.split()) <= 4:
            return _PAREN.sub("", part), 0.6
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
            and not DEPARTMENT.match(first)
        ):
            return Found(index, _PAREN.sub("", first), "company-fallback", 0.4)
        return None
    return None
