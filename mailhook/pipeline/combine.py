"""Choosing one value per field from every finder's candidates: agreement counts.

Finders propose independently (the tagger from what it learnt, the rules from their patterns), so
two of them proposing the same value is stronger evidence than either alone. Candidates with the
same normalised value pool their confidences as independent witnesses (noisy-or); the value with
the most pooled confidence wins, the earliest in the block between equals. The kept candidate is
the most confident of its group, so a rule's normalisation (E.164, "D-" dropped) survives, and
its evidence names every finder that agreed.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from mailhook.pipeline.candidate import Candidate
from mailhook.pipeline.folding import fold
from mailhook.pipeline.names import INITIALS


def choose(candidates: Sequence[Candidate]) -> dict[str, Candidate]:
    """The best-supported candidate per field."""
    groups: dict[tuple[str, str], list[Candidate]] = {}
    for cand in filter(_may_name, candidates):
        groups.setdefault((cand.field, agreement_key(cand.normalised)), []).append(cand)
    best: dict[str, tuple[float, int, Candidate]] = {}
    for (field, _), group in groups.items():
        pooled = _pooled(group)
        lead = min(group, key=lambda c: (-c.evidence.confidence, c.order))
        rank = (pooled, -min(c.order for c in group))
        if field not in best or rank > best[field][:2]:
            best[field] = (*rank, _merged(lead, group, pooled))
    chosen = {field: cand for field, (_, _, cand) in best.items()}
    if (first := chosen.get("first_name")) and (spelt := _spelt_out(first, groups)):
        chosen["first_name"] = spelt
    state, country = chosen.get("state"), chosen.get("country")
    if state and country and agreement_key(state.value) == agreement_key(country.value):
        del chosen["state"]  # "Torino (IT)": the country's code, read twice, is no state
    return _title_without_company(_title_or_company(_company_not_the_name(chosen)))


_INITIALS = re.compile(rf"^{INITIALS}$")


def _spelt_out(first: Candidate, groups: dict[tuple[str, str], list[Candidate]]) -> Candidate | None:
    """The given name written out that the chosen initials stand for ("Jean-Patrick" for "JP",
    signed "JP Trauet" above the full block line): the same person, named fully."""
    if not _INITIALS.match(first.value):
        return None
    letters = re.sub(r"[^A-Z]", "", first.value)
    for (field, _), group in groups.items():
        if field != "first_name" or len(group[0].value) <= len(letters):
            continue
        if "".join(w[:1] for w in re.split(r"[-\s]+", group[0].value)) == letters:
            return max(group, key=lambda c: c.evidence.confidence)
    return None


# Fields that name something: a single letter ("M", a sender's initial under a patch) names nothing.
_NAMING = frozenset({"company", "job_title", "city"})


def _may_name(cand: Candidate) -> bool:
    """A single letter alone names nothing; "3M", "O2" and "X5" do (a letter with a digit)."""
    return (cand.field not in _NAMING or sum(c.isalnum() for c in cand.value) >= 2
            or not cand.value.isascii())


def _company_not_the_name(chosen: dict[str, Candidate]) -> dict[str, Candidate]:
    """A company that is the chosen person's name ("John Smith" under "John Smith", read by the
    tagger where blank lines no longer stand between them) is the name line, not a company."""
    company, first, last = chosen.get("company"), chosen.get("first_name"), chosen.get("last_name")
    if company is None or first is None or last is None:
        return chosen
    names = {agreement_key(f"{first.value} {last.value}"), agreement_key(f"{last.value} {first.value}")}
    if agreement_key(company.value) not in names:
        return chosen
    return {field: cand for field, cand in chosen.items() if field != "company"}


def _title_or_company(chosen: dict[str, Candidate]) -> dict[str, Candidate]:
    """One line read whole as both the title and the company is one of them: the company where it
    carries the person's surname (no role does: "Studio Tecnico Bianchi" under Paolo Bianchi,
    "Kfz-Teile Wagner"), else the better-supported reading ("Coordinador de Soporte")."""
    title, company = chosen.get("job_title"), chosen.get("company")
    if title is None or company is None or agreement_key(title.value) != agreement_key(company.value):
        return chosen
    last = chosen.get("last_name")
    surnamed = last is not None and agreement_key(last.value) in agreement_key(company.value).split()
    weaker = "company" if title.evidence.confidence >= company.evidence.confidence else "job_title"
    weaker = "job_title" if surnamed else weaker
    return {field: cand for field, cand in chosen.items() if field != weaker}


# What stands between a title and the company after it on one line: ", ", " | ", " - ", " / ".
_BEFORE_COMPANY = re.compile(r"\s*(?:,|\s[|·•/\-–—])\s*$")


def _title_without_company(chosen: dict[str, Candidate]) -> dict[str, Candidate]:
    """A title that ends with the chosen company after a separator ("Jefa de Compras, Hierros del
    Norte", the company found by another finder) is the title before it: one line, two fields."""
    title, company = chosen.get("job_title"), chosen.get("company")
    if title is None or company is None or len(company.value) >= len(title.value):
        return chosen
    if not fold(title.value).endswith(fold(company.value)):
        return chosen
    head = title.value[: len(title.value) - len(company.value)]
    if not _BEFORE_COMPANY.search(head) or not (cut := _BEFORE_COMPANY.sub("", head).strip()):
        return chosen
    return chosen | {"job_title": dataclasses.replace(title, value=cut, normalised=cut)}


def agreement_key(value: str) -> str:
    """What two proposals must share to agree: the text casefolded, accents and punctuation at
    the ends and runs of spaces ignored ("MÜLLER" agrees with "Müller", "Acme Inc." with "ACME Inc")."""
    return " ".join(fold(value).split()).strip(" .,;:-–—|·•")


def _pooled(group: Sequence[Candidate]) -> float:
    """Noisy-or over distinct finders: one finder saying the same thing twice is not two witnesses."""
    strongest: dict[str, float] = {}
    for cand in group:
        how = cand.evidence.extractor
        strongest[how] = max(strongest.get(how, 0.0), cand.evidence.confidence)
    doubt = 1.0
    for confidence in strongest.values():
        doubt *= 1.0 - min(max(confidence, 0.0), 1.0)
    return 1.0 - doubt


def _merged(lead: Candidate, group: Sequence[Candidate], pooled: float) -> Candidate:
    finders = sorted({c.evidence.extractor for c in group},
                     key=lambda how: (how != lead.evidence.extractor, how))
    if len(finders) == 1:
        return lead
    evidence = dataclasses.replace(lead.evidence, extractor="+".join(finders), confidence=round(pooled, 3))
    return dataclasses.replace(lead, evidence=evidence)
