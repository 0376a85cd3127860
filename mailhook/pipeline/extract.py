"""From one author's own words to an Extraction: language, signature block, fields, evidence."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from mailhook.model import FIELDS, PHONE_FIELDS, Extraction
from mailhook.pipeline.fields import DEFAULT_FINDERS, Block, Candidate, Finder, choose
from mailhook.pipeline.language import detect_language
from mailhook.pipeline.reading import Part
from mailhook.pipeline.signature import find_signature
from mailhook.safe_text import clean, looks_like_formula

# Languages whose mail is not read at all (the product does not serve them yet).
SKIPPED_LANGUAGES = frozenset({"ja"})
# Below this many characters the text above a signature is too short to tell its language.
_MIN_TEXT_FOR_LANGUAGE = 40
# Signature lines are short; only this much of a line is read, so a megabyte-long line of pasted
# data costs no more than a normal one.
_LONGEST_LINE = 1000


def extract(part: Part, finders: Sequence[Finder] = DEFAULT_FINDERS) -> Extraction:
    """Read one author's own words; finders is the seam where a tagger adds its candidates."""
    lines = [line[:_LONGEST_LINE] for line in part.text.split("\n")]
    block = find_signature(lines, part.author)
    above = "\n".join(lines[: block.first]) if block else part.text
    language = detect_language(above if len(above.strip()) >= _MIN_TEXT_FOR_LANGUAGE else part.text)
    if language in SKIPPED_LANGUAGES:
        return Extraction(language, f"language:{language}", False, None, None, _empty())
    if block is None:
        return Extraction(language, None, False, None, None, _empty())
    sig_lines = tuple(lines[block.first : block.last + 1])
    context = Block(sig_lines, tuple(lines[: block.first]), part.author, language)
    found = [cand for finder in finders for cand in finder(context)]
    chosen = choose([safe for cand in found if (safe := _safe(cand)) is not None])
    fields = _empty() | {name: cand.value for name, cand in chosen.items() if name in FIELDS}
    values = {
        name: cand.normalised
        for name, cand in chosen.items()
        if name in FIELDS and (name not in PHONE_FIELDS or cand.normalised.startswith("+"))
    }
    return Extraction(
        language=language,
        skipped=None,
        has_signature=True,
        signature="\n".join(sig_lines),
        signature_lines=(part.first_line + block.first, part.first_line + block.last),
        fields=fields,
        values=values,
        evidence={name: cand.evidence for name, cand in chosen.items() if name in FIELDS},
    )


def _safe(cand: Candidate) -> Candidate | None:
    """Every finder's candidate passes here before it may become a field: without control or
    bidi override characters, and None when nothing is left or the text is formula-shaped (a
    spreadsheet would run it), so that such text is never filled or suggested."""
    value, normalised = clean(cand.value), clean(cand.normalised)
    if not value or looks_like_formula(value) or looks_like_formula(normalised):
        return None
    evidence = dataclasses.replace(
        cand.evidence,
        line=clean(cand.evidence.line),
        original=None if cand.evidence.original is None else clean(cand.evidence.original),
    )
    return dataclasses.replace(cand, value=value, normalised=normalised, evidence=evidence)


def _empty() -> dict[str, str | None]:
    return dict.fromkeys(FIELDS)
