"""The shape of a language's follow-up cues: roles, patterns with an `act` group, courtesy lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mailhook.automation.loosening import keywords, loosened

# Roles: the author promises (commit), asks the reader to act (request), asks the reader for an
# answer (ask: "could you tell us how ...", "je souhaiterais savoir si ..."), or proposes to do
# something together (propose); or states a need the reader is to meet ("we need your help
# with ...", "ich bräuchte ...": need). Courtesy lines ("call me if you have questions") are offers to
# everyone, not tasks, and void a sentence.
COMMIT = "commit"
REQUEST = "request"
NEED = "need"
ASK = "ask"
PROPOSE = "propose"

FLAGS = re.IGNORECASE | re.UNICODE


@dataclass(frozen=True)
class Cues:
    """The patterns of one language."""

    patterns: tuple[tuple[str, re.Pattern[str]], ...]  # (role, pattern with group `act`)
    courtesy: re.Pattern[str]
    # Per pattern, its loosened parts (loosening.loosened): where for every pattern some part finds
    # nothing in a paragraph, no pattern matches any of its sentences, and the paragraph needs no
    # sentence splitting (the costly step of detection).
    anywhere: tuple[tuple[re.Pattern[str], ...], ...]
    # Per pattern, words one of which an ASCII paragraph must hold (lower-cased) for its loosened
    # parts to match (loosening.keywords); empty where no such words are known. A substring test
    # costs a fraction of a regex search, and most patterns fail it on most paragraphs.
    keywords: tuple[tuple[str, ...], ...]

    # Every keyword of every pattern, once: a paragraph is tested for each of them once, not once per
    # pattern that lists it (issue 15, eighth round: 0.27 -> 0.12 ms a message in English).
    vocabulary: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "vocabulary", tuple(sorted({w for words in self.keywords for w in words})))


def lexicon(courtesy: str, **roles: list[str]) -> Cues:
    """A language's cues: its courtesy pattern and, per role, patterns tried in the order given."""
    sources = [p for group in roles.values() for p in group]
    patterns = tuple((role, re.compile(p, FLAGS)) for role, group in roles.items() for p in group)
    parts = [loosened(p) for p in sources]
    # The shortest part first: all must match, and a short one ("\?", a word) fails soonest and cheapest.
    anywhere = tuple(tuple(re.compile(part, FLAGS) for part in sorted(group, key=len)) for group in parts)
    return Cues(patterns, re.compile(courtesy, FLAGS), anywhere, tuple(keywords(group) for group in parts))


def words(*alternatives: str) -> str:
    """A non-capturing alternation of phrases: the lists below stay data, one phrase an item."""
    return "(?:" + "|".join(alternatives) + ")"


def softened(particle: str, not_first: str, negation: str, verb: str = r"\w+") -> str:
    """An imperative softened by a word right after it, at the head of its sentence ("Prepara por
    favor un análisis", "Ta gärna fram ...", "Ruf bitte ... an"): a sentence that opens on its verb
    is an imperative (or a question) where statements put the subject or the verb second.
    `not_first`: the words that open such a sentence without being that verb ("Gracias por favor",
    "Vil gerne ..."): thanks, yes and no, pronouns, modals. `negation`: the language's "not", which
    turns it into a "please do not" ("Antworten Sie bitte nicht darauf")."""
    return rf"^\W*(?![^.?!]*\b(?:{negation})\b)(?!{not_first}\b)(?P<act>{verb})\s+{particle}\b"


def extended(cues: Cues, role: str, patterns: list[str]) -> Cues:
    """A language's cues with more patterns of one role, tried after its own."""
    more = lexicon(cues.courtesy.pattern, **{role: patterns})
    return Cues(cues.patterns + more.patterns, cues.courtesy, cues.anywhere + more.anywhere,
                cues.keywords + more.keywords)
