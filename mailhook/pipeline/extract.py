"""From one author's own words to an Extraction: language, signature block, fields, evidence."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from mailhook.model import FIELDS, PHONE_FIELDS, Extraction
from mailhook.pipeline import lines as kind
from mailhook.pipeline.candidate import Block, Candidate, Finder
from mailhook.pipeline.columns import read_columns
from mailhook.pipeline.combine import choose
from mailhook.pipeline.fields import DEFAULT_FINDERS
from mailhook.pipeline.japanese import Origin
from mailhook.pipeline.language import detect_language
from mailhook.pipeline.lines import is_placeholder
from mailhook.pipeline.normalise import normalise_line, without_web_targets
from mailhook.pipeline.reading import Part
from mailhook.pipeline.rows import read_rows
from mailhook.pipeline.signature import MOST_LINES, find_signature
from mailhook.pipeline.signature import Block as SignatureBlock
from mailhook.pipeline.spacing import spaced_lines
from mailhook.pipeline.unwrap import unwrapped
from mailhook.safe_text import clean, holds_formula, looks_like_formula

# Languages whose mail is not read at all (the product does not serve them yet).
SKIPPED_LANGUAGES = frozenset({"ja"})
# Languages written so alike that langdetect takes a few lines of one for the other.
_NEIGHBOURS = frozenset({"da", "no"})
# Below this many characters the text above a signature is too short to tell its language.
_MIN_TEXT_FOR_LANGUAGE = 40
# Signature lines are short; only this much of a line is read, so a megabyte-long line of pasted
# data costs no more than a normal one.
_LONGEST_LINE = 1000
# Characters of the block the finders read, from its top: the longest signature of the development
# corpus has 582. The tagger's cost grows with the square of its tokens (flair: 8,000 tokens
# took 4 s, 2,000 a quarter of a second), and "a-a-a-..." is a token per character.
MOST_SIGNATURE_CHARS = 1_500


def extract(part: Part, finders: Sequence[Finder] = DEFAULT_FINDERS) -> Extraction:
    """Read one author's own words; finders is the seam where a tagger adds its candidates."""
    return extract_many([part], finders)[0]


def extract_many(parts: Sequence[Part], finders: Sequence[Finder] = DEFAULT_FINDERS) -> list[Extraction]:
    """`extract` for several authors' words at once: a finder that reads many blocks in one go
    (`find_many`: the tagger runs its network on a batch) is given all their blocks together.
    Each result is what `extract` gives for that part alone."""
    found = [_find_block(part) for part in parts]
    blocks = [f for f in found if isinstance(f, _Found)]
    per_finder = [_run(finder, [f.context for f in blocks]) for finder in finders]
    candidates = {id(f): [c for by_block in per_finder for c in by_block[k]] for k, f in enumerate(blocks)}
    return [f if isinstance(f, Extraction) else _fields(f, candidates[id(f)]) for f in found]


@dataclass(frozen=True)
class _Found:
    """A part's signature block, before the finders read it."""

    part: Part
    language: str | None
    first: int
    last: int
    lines: tuple[str, ...]
    context: Block


def words_and_language(part: Part) -> tuple[str, str, str | None]:
    """`around_signature` and the language the author writes in, read as extraction reads it."""
    lines, at, block = _read_lines(part)
    return (*_around(part, at, block), _language(part, lines, block))


def around_signature(part: Part) -> tuple[str, str]:
    """The author's words without their signature block, and the footer below it: from the first
    delimiter, rule or legal or list line below the block on (taglines, notices: "-- / Please no
    HTML, I'm not a browser"), nothing asks anything of the reader. The lines between, a
    postscript or a sentence added after the sign-off, are the author's words again."""
    _, at, block = _read_lines(part)
    return _around(part, at, block)


def _around(part: Part, at: Sequence[int], block: SignatureBlock | None) -> tuple[str, str]:
    if block is None:
        return part.text, ""
    written = part.text.split("\n")
    below = written[at[block.last] + 1 :]
    cut = next((i for i, line in enumerate(below) if _opens_footer(line.strip())), len(below))
    return "\n".join(written[: at[block.first]] + below[:cut]), "\n".join(below[cut:])


def _opens_footer(line: str) -> bool:
    rule = kind.DELIMITER.match(line) or kind.SEPARATOR.match(line)
    return bool(line) and bool(rule or kind.is_boilerplate(line))


def _read_lines(part: Part) -> tuple[list[str], Sequence[int], SignatureBlock | None]:
    # Normalised once here, where a part's text enters the block finder and the field finders:
    # the same signature gives the same fields whatever a client did to its characters.
    written = [normalise_line(line[:_LONGEST_LINE]) for line in part.text.split("\n")]
    # Lines of text spaced a blank line apart are read as the lines they were; `at` maps a read
    # line back to the written one, so the block's line numbers still point into the message.
    at = spaced_lines(written) or range(len(written))
    lines = [written[i] for i in at]
    return lines, at, find_signature(lines, part.author)


def _language(part: Part, lines: list[str], block: SignatureBlock | None) -> str | None:
    """Read above the block, so that a footer or a block in another script (an English mail from
    Japan signed in Japanese) does not decide it; in all of the text where the words above are
    few, where langdetect cannot tell from them, and between Danish and Norwegian, which a few
    lines confuse."""
    above = "\n".join(lines[: block.first]) if block else part.text
    origin = Origin(part.charset, part.author.email if part.author else None)
    enough = len(above.strip()) >= _MIN_TEXT_FOR_LANGUAGE
    read = detect_language(above, origin, context=part.text) if enough else None
    if read and (read not in _NEIGHBOURS or above == part.text):
        return read
    whole = detect_language(part.text, origin, context=part.text)
    return read if read and whole not in _NEIGHBOURS else whole


def _find_block(part: Part) -> _Found | Extraction:
    """The block and language of a part, or its final Extraction when nothing is to be read."""
    lines, at, block = _read_lines(part)
    language = _language(part, lines, block)
    if language in SKIPPED_LANGUAGES:
        return Extraction(language, f"language:{language}", False, None, None, _empty())
    if block is None:
        return Extraction(language, None, False, None, None, _empty())
    sig_lines = tuple(lines[block.first : block.last + 1])
    # Finders read the lines above the block too (labelled phone numbers): as many as the
    # signature search reads, not a megabyte of pasted text.
    above_block = tuple(lines[max(0, block.first - MOST_LINES) : block.first])
    # An image placeholder inside the block ("[Logo]", "[cid:image001.png@...]") is no one's words:
    # left empty, so that neither the rules nor the tagger read it.
    shown = tuple("" if is_placeholder(line) else without_web_targets(line) for line in sig_lines)
    # Columns and rows of parts read one item a line: each finder reads them as it reads a block
    # written one line under another.
    # Lines a client wrapped are joined first: a wrap cuts a line, columns and rows are set in one.
    lines_read = read_rows(read_columns(unwrapped(_first_chars(shown, MOST_SIGNATURE_CHARS))))
    context = Block(lines_read, above_block, part.author, language)
    return _Found(part, language, at[block.first], at[block.last], sig_lines, context)


def _run(finder: Finder, blocks: list[Block]) -> list[list[Candidate]]:
    many = getattr(finder, "find_many", None)
    return list(many(blocks)) if many is not None and blocks else [finder(block) for block in blocks]


def _fields(found: _Found, candidates: list[Candidate]) -> Extraction:
    chosen = choose([safe for cand in candidates if (safe := _safe(cand)) is not None])
    fields = _empty() | {name: cand.value for name, cand in chosen.items() if name in FIELDS}
    values = {
        name: cand.normalised
        for name, cand in chosen.items()
        if name in FIELDS and (name not in PHONE_FIELDS or cand.normalised.startswith("+"))
    }
    first_line = found.part.first_line
    return Extraction(
        language=found.language,
        skipped=None,
        has_signature=True,
        signature="\n".join(found.lines),
        signature_lines=(first_line + found.first, first_line + found.last),
        fields=fields,
        values=values,
        evidence={name: cand.evidence for name, cand in chosen.items() if name in FIELDS},
    )


def _safe(cand: Candidate) -> Candidate | None:
    """Every finder's candidate passes here before it may become a field: without control or
    bidi override characters, and None when nothing is left or the text, or the line it was read
    from, is formula-shaped (a spreadsheet would run it), so that such text is never filled or
    suggested."""
    value, normalised = clean(cand.value), clean(cand.normalised)
    # A value cut out of a formula-shaped line ('"Street")' from '=HYPERLINK(...,"Street")') is
    # part of the formula, not the sender's words.
    if not value or looks_like_formula(value) or looks_like_formula(normalised):
        return None
    if holds_formula(cand.evidence.line):
        return None
    evidence = dataclasses.replace(
        cand.evidence,
        line=clean(cand.evidence.line),
        original=None if cand.evidence.original is None else clean(cand.evidence.original),
    )
    return dataclasses.replace(cand, value=value, normalised=normalised, evidence=evidence)


def _first_chars(lines: tuple[str, ...], budget: int) -> tuple[str, ...]:
    """The lines cut to `budget` characters in all; those past it are left empty, so that every
    line keeps its index in the block."""
    kept = []
    for line in lines:
        kept.append(line[: max(budget, 0)])
        budget -= len(line)
    return tuple(kept)


def _empty() -> dict[str, str | None]:
    return dict.fromkeys(FIELDS)
