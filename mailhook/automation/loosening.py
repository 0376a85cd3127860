"""Loosen a regular expression into parts that must all match wherever it matches in a piece of a
text: a cheap test that a paragraph cannot hold a cue, before the costly sentence splitting."""

from __future__ import annotations

import re

_DROPPED = frozenset({"^", "$", "\\b", "\\B", "\\A", "\\Z"})  # assertions as single tokens
_LOOKAROUNDS = ("(?=", "(?!", "(?<=", "(?<!")
# Atomic groups, conditionals, backreferences and possessive quantifiers: not rewritten below.
_UNSUPPORTED = re.compile(r"\(\?[>(]|\(\?P=|\\\d|[*+?}]\+")


def loosened(source: str) -> tuple[str, ...]:
    """Parts of a pattern, each a pattern without assertions, that all match in any text where the
    pattern matches in a piece of that text (as a sentence is a piece of its paragraph).

    Assertions (^ $ \\b \\B \\A \\Z, lookarounds) are dropped and groups made non-capturing:
    dropping a condition only widens what matches, and with no assertion left, what matches in a
    piece matches in the whole. The pattern is cut at top-level unbounded gaps ("[^.?!]*", ".*?"),
    as a match holds a match of every part: a gap tried from every start of a long paragraph takes
    quadratic time, each part alone linear. No public API rewrites regexes, hence this scanner.
    """
    if _UNSUPPORTED.search(source):
        raise ValueError(f"cue pattern beyond what loosened() rewrites: {source!r}")
    parts: list[str] = []
    out: list[str] = []
    depth = index = 0
    while index < len(source):
        token, index = _token(source, index)
        if depth == 0 and token[:1] in ("[", ".") and source.startswith("*", index):
            index += 2 if source.startswith("*?", index) else 1
            parts.append("".join(out))
            out = []
            continue
        depth += token.startswith("(") - (token == ")")
        if depth == 0 and token == "|":
            raise ValueError(f"top-level alternation in cue pattern: {source!r}")
        out.append("" if token in _DROPPED else token)
    parts.append("".join(out))
    return tuple(part for part in map(_without_optional_head, parts) if part)


def _token(source: str, index: int) -> tuple[str, int]:
    """The regex token at index (lookarounds dropped, named groups made plain) and the next index."""
    if source.startswith(_LOOKAROUNDS, index):
        return "", _group_end(source, index)
    if source.startswith("(?P<", index):
        return "(?:", source.index(">", index) + 1
    if source[index] == "[":
        end = _class_end(source, index)
        return source[index:end], end
    width = 2 if source[index] == "\\" else 1
    return source[index : index + width], index + width


def _without_optional_head(source: str) -> str:
    """Drop leading groups that may match nothing ("(...)?", "(?:|...)", "(?:(?:\\S+\\s+){0,8}?)"):
    in a search the rest matches wherever the whole did, and the engine can skip ahead on the
    rest's first word instead of trying a run of words at every position."""
    while source.startswith("("):
        end = _group_end(source, 0)
        quantifier = len(source[end:]) - len(source[end:].lstrip("?"))
        if not quantifier and not source.startswith(("(?:|", "(|")) and not _repeats_from_zero(source[:end]):
            break
        source = source[end + quantifier :]
    return source


_FROM_ZERO = re.compile(r"\{0,\d*\}\??|\*\??")


def _repeats_from_zero(group: str) -> bool:
    """Whether a group is one item repeated from zero times: "(?:(?:\\S+\\s+){0,8}?)", "(?:x*)"."""
    inner = group[3:-1] if group.startswith("(?:") else ""
    if not inner.startswith(("(", "[", "\\")):
        return False
    item, _ = _token(inner, 0) if not inner.startswith("(") else (inner[: _group_end(inner, 0)], 0)
    return bool(_FROM_ZERO.fullmatch(inner[len(item):]))


def _class_end(source: str, start: int) -> int:
    """Index after the character class that opens at start ("]" first in a class is literal)."""
    index = start + 1
    index += source[index] == "^"
    index += source[index] == "]"
    while source[index] != "]":
        index += 2 if source[index] == "\\" else 1
    return index + 1


def _group_end(source: str, start: int) -> int:
    """Index after the group that opens at start, skipping escapes and character classes."""
    depth, index = 0, start
    while True:
        char = source[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            index = _class_end(source, index)
            continue
        depth += (char == "(") - (char == ")")
        index += 1
        if depth == 0:
            return index



# Latin letters with diacritics too ("spätestens", "najpóźniej"): none of them matches an ASCII letter
# under re.IGNORECASE, so an ASCII paragraph without the word cannot match the pattern either.
_PLAIN_WORDS = re.compile(r"[a-zà-öø-ÿąćęłńśźżœ' -]+")
_PLAIN_CHAR = re.compile(r"[a-zà-öø-ÿąćęłńśźżœ' -]")
_QUANTIFIERS = ("?", "*", "+", "{")
_MIN_KEYWORD = 3  # shorter words ("i", "we") are in nearly every paragraph: no use as a filter


def keywords(parts: tuple[str, ...]) -> tuple[str, ...]:
    """Lower-case words one of which every ASCII text that the loosened parts match must hold (cue
    patterns are compiled with re.IGNORECASE, which in ASCII text is str.lower()): a plain-word
    group that every match passes through ("(?:can|could)") or a run of plain letters ("about"),
    the most selective found. Empty when there is none: a
    paragraph then has to be searched with the parts themselves."""
    found = [words for part in parts for words in _required_words(part)]
    return max(found, key=lambda words: min(map(len, words)), default=())


def _required_words(part: str) -> list[tuple[str, ...]]:
    """The alternatives of each group, and each run of letters, that a match of the part must
    pass through: at its top level or inside a group without alternatives, never optional."""
    found: list[tuple[str, ...]] = []
    run, index = "", 0
    while index < len(part):
        token, end = _token(part, index)
        if part.startswith("(", index):
            close = _group_end(part, index)
            if part[close : close + 1] not in _QUANTIFIERS and part.startswith("(?:", index):
                found.extend(_group_words(part[index + 3 : close - 1]))
            run, index = "", close
            continue
        if _PLAIN_CHAR.fullmatch(token.lower()) and part[end : end + 1] not in _QUANTIFIERS:
            run += token.lower()
            if len(run.strip()) > _MIN_KEYWORD:
                found.append((run.strip(),))
        else:
            run = ""
        index = end
    return found


def _group_words(inner: str) -> list[tuple[str, ...]]:
    """A group's plain alternatives ("can|could"), or what its one branch must hold."""
    alternatives = tuple(alternative.strip().lower() for alternative in inner.split("|"))
    if all(_PLAIN_WORDS.fullmatch(a) and len(a) >= _MIN_KEYWORD for a in alternatives):
        return [alternatives]
    depth = 0
    for char in inner:  # a top-level "|" makes every branch optional: nothing is required
        depth += (char == "(") - (char == ")")
        if char == "|" and depth == 0:
            return []
    return _required_words(inner)
