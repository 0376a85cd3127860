"""A title and a bare company name on one line ("CEO, FairAir", "Leiter Vertrieb bei Nordwerk"):
a short title before a comma, or a title and the language's word for "at", name the company by
its place. A title with its area stays whole. Every line here is invented."""

from __future__ import annotations

import pytest

from mailhook.model import Author
from mailhook.pipeline import Finder, Part, extract, load_finders

SPLIT = [
    ("CEO, Northwind", "CEO", "Northwind"),
    ("CTO, Lumen Labs", "CTO", "Lumen Labs"),
    ("Head of Sales at Brightline", "Head of Sales", "Brightline"),
    ("Responsable commercial chez Lumière", "Responsable commercial", "Lumière"),
    ("Leiter Vertrieb bei Nordwerk", "Leiter Vertrieb", "Nordwerk"),
    ("Responsabile acquisti presso Ferretti", "Responsabile acquisti", "Ferretti"),
    ("Accountmanager bij Duinzicht", "Accountmanager", "Duinzicht"),
    ("Säljchef på Norrsken", "Säljchef", "Norrsken"),
]
WHOLE = ["Manager, Environmental Strategies", "Director of Information Technology",
         "CFO, Sales Operations", "Directeur de Production"]


@pytest.fixture(scope="module")
def finders() -> tuple[Finder, ...]:
    return load_finders("off")  # the rules alone: the tagger is measured elsewhere


def _fields(line: str, finders: tuple[Finder, ...]) -> dict[str, str | None]:
    text = f"Hello,\n\nthe offer is attached.\n\nBest regards,\nTom Baker\n{line}\n+44 20 7946 0000"
    return extract(Part(Author("Tom Baker", "t.baker@gmail.com"), text, 0), finders).fields


@pytest.mark.parametrize(("line", "title", "company"), SPLIT)
def test_a_title_then_a_bare_company_name(line: str, title: str, company: str,
                                          finders: tuple[Finder, ...]) -> None:
    fields = _fields(line, finders)
    assert (fields["job_title"], fields["company"]) == (title, company)


@pytest.mark.parametrize("line", WHOLE)
def test_a_title_with_its_area_is_one_title(line: str, finders: tuple[Finder, ...]) -> None:
    fields = _fields(line, finders)
    assert (fields["job_title"], fields["company"]) == (line, None)
