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
