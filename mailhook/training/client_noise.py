"""What mail clients do to a signature block, applied to generated blocks with their labels kept.

The same kinds of change as tests/pipeline/noise.py (hard wraps at 40 and 72, blank lines a
placeholder or Outlook's spacing leaves, pipes and one field per line, label variants, Unicode
dashes and quotes, emphasis marks, tabs and trailing spaces), but on labelled lines: every
character keeps the entity it belongs to, so a wrapped line carries its tokens' labels and an
inserted mark or label is O. Only changes the pipeline still shows the tagger are made: what
`pipeline/normalise.py` undoes before any finder reads a line (invisible characters, odd spaces,
full-width digits, mail and phone link targets, whole-line emphasis, '=20') and what
`pipeline/extract.py` hides (web link targets, image placeholders, which become blank lines)
would teach it nothing.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from mailhook.training.block import Entity, LabelledSignature

RATE = 0.4  # the share of generated blocks that get one or two of these changes
OUTSIDE = -1  # the owner of a character that belongs to no entity


@dataclass(frozen=True)
class Line:
    """A line's characters and, per character, the index of the entity it belongs to (or OUTSIDE: O)."""

    text: str
    owners: tuple[int, ...]

    def __add__(self, other: Line) -> Line:
        return Line(self.text + other.text, self.owners + other.owners)

    def cut(self, start: int, end: int) -> Line:
        return Line(self.text[start:end], self.owners[start:end])

    def labelled(self) -> bool:
        return any(owner != OUTSIDE for owner in self.owners)


def plain(text: str) -> Line:
    """Text that belongs to no entity: a mark, a label, a separator."""
    return Line(text, (OUTSIDE,) * len(text))


BLANK = plain("")


def to_lines(signature: LabelledSignature) -> list[Line]:
    owners = [[OUTSIDE] * len(line) for line in signature.lines]
    for index, entity in enumerate(signature.entities):
        for at in range(entity.start, entity.end):
            owners[entity.line][at] = index
    return [Line(text, tuple(own)) for text, own in zip(signature.lines, owners, strict=True)]


def from_lines(signature: LabelledSignature, lines: Sequence[Line]) -> LabelledSignature:
    """The signature with these lines; each run of one entity's characters on a line is a span
    of its label (an entity wrapped over two lines gives two), its spaces at the ends left out."""
    entities = [Entity(signature.entities[owner].label, number, start, stop)
                for number, line in enumerate(lines) for owner, start, stop in _runs(line)]
    return LabelledSignature(signature.locale, tuple(line.text for line in lines), tuple(entities))


# Transforms: each takes the rng and the block's lines and returns the noisy lines.
Transform = Callable[[random.Random, list[Line]], list[Line]]


def wrapped(line: Line, width: int) -> list[Line]:
    """The line cut at spaces into parts of at most `width` characters (a longer word stays
    whole), as a plain-text client wraps it; the indentation stays on the first part."""
    if len(line.text) <= width:
        return [line]
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", line.text)]
    parts: list[Line] = []
    begin = 0  # the first part keeps its indentation
    last_end = None
    for start, end in words:
        if last_end is not None and end - begin > width:
            parts.append(line.cut(begin, last_end))
            begin = start
        last_end = end
    if last_end is not None:
        parts.append(line.cut(begin, last_end))
    return parts or [line]


def hard_wrap(rng: random.Random, lines: list[Line]) -> list[Line]:
    width = rng.choice([40, 40, 72, 72, rng.randint(28, 64)])
    return [part for line in lines for part in wrapped(line, width)]


def doubled_blanks(rng: random.Random, lines: list[Line]) -> list[Line]:
    """Outlook's paragraph spacing inside the block: a blank line after each line, sometimes
    the block framed by rules."""
    spaced = [x for line in lines if line.text.strip() for x in (line, BLANK)][:-1]
    if rng.random() < 0.25:
        rule = plain(rng.choice(["=" * 40, "_" * 32, "-" * 24]))
        spaced = [rule, BLANK, *spaced, BLANK, rule]
    return spaced


def placeholder_blanks(rng: random.Random, lines: list[Line]) -> list[Line]:
    """An image placeholder inside the block reaches the tagger as a blank line."""
    out = list(lines)
    for _ in range(rng.randint(1, 2)):
        out.insert(rng.randint(0, min(len(out), 3)), BLANK)
    return out


_PIPES = (" | ", " | ", " · ", " • ", " |  ", " / ", " - ")


def pipes(rng: random.Random, lines: list[Line]) -> list[Line]:
    """The lines after the name joined on one line between bars, as a one-line HTML signature."""
    name = next((i for i, line in enumerate(lines) if line.labelled()), 0)
    start = name + 1 if rng.random() < 0.8 else name
    rest = [i for i in range(start, len(lines)) if lines[i].text.strip()]
    short = [i for i in rest if len(lines[i].text.strip()) <= 70][: rng.randint(3, 7)]
    if len(short) < 2:
        return lines
    sep = plain(rng.choice(_PIPES))
    row = _stripped(lines[short[0]])
    for i in short[1:]:
        row = row + sep + _stripped(lines[i])
    joined = set(short[1:])
    return [row if i == short[0] else line for i, line in enumerate(lines) if i not in joined]


def _stripped(line: Line) -> Line:
    start = len(line.text) - len(line.text.lstrip())
    return line.cut(start, len(line.text.rstrip()))


_PARTS = re.compile(r"\s+[|•·]\s+")


def one_per_line(rng: random.Random, lines: list[Line]) -> list[Line]:
    """Bars and bullets the other way round: each part on a line of its own."""
    out: list[Line] = []
    for line in lines:
        begin = 0
        for match in _PARTS.finditer(line.text):
            if not any(o != OUTSIDE for o in line.owners[match.start() : match.end()]):
                out.append(line.cut(begin, match.start()))
                begin = match.end()
        out.append(line.cut(begin, len(line.text)))
    return out


def substituted(line: Line, pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str]) -> Line:
    """Each match replaced where it covers no entity's character (the new text is OUTSIDE)."""
    out = plain("")
    at = 0
    for match in pattern.finditer(line.text):
        if any(o != OUTSIDE for o in line.owners[match.start() : match.end()]):
            continue
        out = out + line.cut(at, match.start()) + plain(repl(match))
        at = match.end()
    return out + line.cut(at, len(line.text))


def retyped(line: Line, table: dict[str, str]) -> Line:
    """Characters swapped one for one (an apostrophe in a name stays the name's)."""
    return Line("".join(table.get(ch, ch) for ch in line.text), line.owners)


# A label before a number: "Tel:", "Phone:", "Mobile:", "Fax:" and their short forms.
LABEL = re.compile(r"^(?P<indent>\s*)(?P<word>[A-Za-zÀ-ÿ.]{1,14})\s*[:.]\s*(?=\+?\(?\d)", re.IGNORECASE)
# Mobile and fax label words of many languages ("Portable", "Telemóvel", "Kom.", "Handy").
_MOBILE_PREFIXES = ("mob", "cel", "port", "handy", "gsm", "telem", "kom", "móv", "mov")
_FAX_WORDS = frozenset({"fax", "f", "telefax"})
# How clients and people write a phone label, per kind of number: "Tel.:", "T:", "☎", "📱".
LABEL_STYLES: dict[str, dict[str, str]] = {
    "dot_colon": {"phone": "Tel.: ", "mobile": "Mob.: ", "fax": "Fax.: "},
    "space_colon": {"phone": "Tel : ", "mobile": "Mobile : ", "fax": "Fax : "},
    "letter": {"phone": "T: ", "mobile": "M: ", "fax": "F: "},
    "letter_dot": {"phone": "T. ", "mobile": "M. ", "fax": "F. "},
    "dash": {"phone": "Phone - ", "mobile": "Mobile - ", "fax": "Fax - "},
    "emoji": {"phone": "📞 ", "mobile": "📱 ", "fax": "📠 "},
    "telephone_sign": {"phone": "☎ ", "mobile": "📱 ", "fax": "📠 "},
}


def label_kind(word: str) -> str:
    """phone, mobile or fax, from a label word."""
    word = word.lower().rstrip(".")
    if word == "m" or word.startswith(_MOBILE_PREFIXES):
        return "mobile"
    return "fax" if word in _FAX_WORDS else "phone"


def relabelled(text: str, style: str) -> str:
    """A labelled phone line with its label written in `style`; other lines as they are."""
    match = LABEL.match(text)
    if not match:
        return text
    label = LABEL_STYLES[style][label_kind(match.group("word"))]
    return match.group("indent") + label + text[match.end() :]


def relabel(rng: random.Random, lines: list[Line]) -> list[Line]:
    style = rng.choice(sorted(LABEL_STYLES))
    return [plain(relabelled(line.text, style)) if not line.labelled() else line for line in lines]


_AFTER_LABEL = re.compile(r"(?<=[^\W\d_]):[ ]+")


def tab_after_label(rng: random.Random, lines: list[Line]) -> list[Line]:
    return [substituted(line, _AFTER_LABEL, lambda m: ":\t") for line in lines]


def trailing_spaces(rng: random.Random, lines: list[Line]) -> list[Line]:
    tail = plain(" " * rng.randint(1, 3))
    return [line + tail if line.text else line for line in lines]


_SPACED_HYPHEN = re.compile(r"(?<=\s)-(?=\s)")


def typography(rng: random.Random, lines: list[Line]) -> list[Line]:
    """A word processor's dashes and quotes: ' - ' as an en or em dash, ’ for '."""
    dash = rng.choice(["\u2013", "\u2013", "\u2014"])
    out = []
    for line in lines:
        swapped = Line(_SPACED_HYPHEN.sub(dash, line.text), line.owners)
        out.append(retyped(swapped, {"'": "\u2019"}))
    return out


def emphasis(rng: random.Random, lines: list[Line]) -> list[Line]:
    """Marks a converter writes for <b> and <i> around an entity inside a longer line
    ("*Anna Berg* | Sales"); marks around a whole line are removed before the tagger reads it."""
    mark = plain(rng.choice(["*", "*", "**", "_"]))
    out = []
    for line in lines:
        whole = (len(line.text) - len(line.text.lstrip()), len(line.text.rstrip()))
        runs = [(a, b) for _, a, b in _runs(line) if (a, b) != whole]  # a whole line's is undone
        if runs and rng.random() < 0.6:
            start, end = rng.choice(runs)
            line = line.cut(0, start) + mark + line.cut(start, end) + mark + line.cut(end, len(line.text))
        out.append(line)
    return out


def _runs(line: Line) -> list[tuple[int, int, int]]:
    """(entity, start, end) of each run of one entity's characters, its end spaces left out."""
    runs = []
    at = 0
    while at < len(line.owners):
        end = at
        while end < len(line.owners) and line.owners[end] == line.owners[at]:
            end += 1
        text = line.text[at:end]
        start, stop = at + len(text) - len(text.lstrip()), at + len(text.rstrip())
        if line.owners[at] != OUTSIDE and stop > start:
            runs.append((line.owners[at], start, stop))
        at = end
    return runs


TRANSFORMS: dict[str, tuple[Transform, float]] = {  # name: (transform, weight when drawn)
    "hard_wrap": (hard_wrap, 3.0),
    "doubled_blanks": (doubled_blanks, 2.5),
    "placeholder_blanks": (placeholder_blanks, 1.5),
    "pipes": (pipes, 2.5),
    "one_per_line": (one_per_line, 1.0),
    "relabel": (relabel, 2.0),
    "tab_after_label": (tab_after_label, 0.5),
    "trailing_spaces": (trailing_spaces, 0.5),
    "typography": (typography, 1.0),
    "emphasis": (emphasis, 1.0),
}


def noisy(rng: random.Random, signature: LabelledSignature, rate: float = RATE) -> LabelledSignature:
    """The signature, or with probability `rate` the same one after one or two client changes."""
    if rng.random() >= rate:
        return signature
    names = sorted(TRANSFORMS)
    picks = rng.choices(names, [TRANSFORMS[n][1] for n in names], k=rng.choice([1, 1, 1, 2]))
    lines = to_lines(signature)
    for name in dict.fromkeys(picks):
        lines = TRANSFORMS[name][0](rng, lines)
    while lines and not lines[-1].text.strip():
        lines.pop()
    return from_lines(signature, lines)
