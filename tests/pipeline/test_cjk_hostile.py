"""A Chinese or Korean address line with a long run of blanks before its end: the country and
postal-code patterns search it in linear time (the country pattern was cubic: 227 s in one
regex call on 3,000 spaces, which the per-message budget cannot interrupt). Invented blocks."""

from __future__ import annotations

import pytest

from mailhook.pipeline.cjk_words import COUNTRIES, POSTAL

_BLANKS = [" " * 3000, "\t \n" * 1000, " ，" * 1500]


@pytest.mark.parametrize("blanks", _BLANKS)
def test_a_long_blank_run_is_no_country_and_no_postal_code(blanks: str) -> None:
    assert COUNTRIES.search(blanks) is None
    assert POSTAL.search(blanks) is None


@pytest.mark.parametrize(
    ("line", "country"),
    [("北京市海淀区 中国", "中国"), ("台北市, 台灣", "台灣"), ("Seoul, South Korea", "South Korea"),
     ("Shanghai China", "China"), ("中国 北京", "中国"), ("深圳" + " " * 3000 + "中国", "中国")],
)
def test_a_country_at_either_end_is_still_found(line: str, country: str) -> None:
    found = COUNTRIES.search(line)
    assert found is not None and found.group().strip(" ,，") == country

