"""The sender's first and last name from the sign-off name line, guided by the From display name."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nameparser import HumanName
from nameparser.config import CONSTANTS

from mailhook.model import Author
from mailhook.pipeline import lines as kind
from mailhook.pipeline.display import as_person
from mailhook.pipeline.folding import fold
from mailhook.pipeline.lexicon import (
    AND_LETTERS,
    AND_WORDS,
    LEGAL,
    PLACEHOLDER_NOUNS,
    PLACEHOLDER_WORDS,
    VALEDICTION_PREFIX,
)
from mailhook.pipeline.valedictions import ON_BEHALF_MARKS, is_valediction_like

# The name sits at the top of a block: after a nickname or initials at most a few lines down.
_HEAD_LINES = 5
_TWO_SURNAMES = frozenset({"es", "ca", "gl"})
# Languages that write the family name first ("Kovács Péter").
_FAMILY_FIRST = frozenset({"hu"})
_ON_BEHALF = re.compile(rf"^(?:{ON_BEHALF_MARKS})\s*", re.IGNORECASE)  # "i.A. Peter Dorn"
# A Russian, Ukrainian or Belarusian patronymic ("Сергеевич", "Ивановна", "Sergeevich"):
# written last, it follows the given name, which follows the family name.
_PATRONYMIC = re.compile(
    r"\w{3,}(?:ович|евич|ьич|овна|евна|ична|івна|ївна|ovich|evich|ovna|evna|ichna)$", re.IGNORECASE
)
INITIALS = r"(?:[A-Z]{1,3}|(?:[A-Z]\.-?){1,3})"  # a given name signed as initials: "JP", "J.P.", "J.-P."
# Initials written with dots ("J.P.", "J.-P.", "A.B.C."): never a family name in capitals.
_INITIALS = re.compile(r"(?:[^\W\d_]\.-?)+")
# Degrees after a name: ", MBA", " PhD", ", Dipl.-Ing.".
_TRAILING_PART = re.compile(r"(?:,\s*|\s+)([^\s,]+)$")
# Shapes no given name has: hyphenated abbreviations ("Dr.-Ing.", "Univ.-Prof.", "Dipl.-Wirtsch.-Inf.";
# not the initials "J.-P.") and lower-case abbreviations ("dr.", "habil.", "rer. nat.").
_TITLE_SHAPE = re.compile(r"[^\W\d_]{2,}\.(?:-[^\W\d_]+\.?)+|[^\W\d_A-ZÀ-Þ][^\W\d_]*\.")
# A nickname in quotes in or after a name, in brackets in it: 'Robert "Bob" Smith', 'Juan Cruz "Nico"'.
_QUOTED = re.compile(r"\s+(?:(?:\"[^\"]+\"|“[^”]+”|„[^“”]+[“”]|'[^']+')(?=\s+\S|\s*$)|\([^)]+\)(?=\s+\S))")
# Academic and professional titles written before names in Czech/Slovak, Italian, Spanish and
# Portuguese mail that nameparser's title list lacks.
_MORE_TITLES = frozenset(
    {"bc", "mudr", "judr", "phdr", "rndr", "paedr", "mvdr", "ing", "arch", "doc", "dott"}
    | {"dott.ssa", "avv", "geom", "rag", "lic", "licda", "arq", "dra", "abg", "eng"}
)
# British and Irish professional memberships written after names that nameparser's suffix list
# lacks ("David Lee FCCA", "Jane Roe MRICS"): accountancy, surveying, engineering, personnel.
_MORE_DEGREES = frozenset(
    {"fcca", "acca", "frics", "mrics", "ceng", "ieng", "cipd", "mcipd", "fcipd"}
    | {"mcips", "fcips", "acma", "fcma", "cgma", "cima", "cta", "ati", "fcii", "acii", "mciob", "fciob"}
)


@dataclass(frozen=True)
class Name:
    """A name found on a block line: the line's index, and the first and last name as written."""

    line: int
    first: str | None
    last: str | None


def find_name(block: list[str], author: Author | None, language: str | None = None) -> Name | None:
    """Return the sender's name from the head of a signature block, if one is written there."""
    author = as_person(author)  # "Jane Roe - Acme" names Jane Roe; "Acme Support" no one
    heads = [(i, clean_name_line(line)) for i, line in enumerate(block) if line.strip()][:_HEAD_LINES]
    names = [(i, t) for i, t in heads  # a team ("Ihr Wuppbank E-Mail Team") is no one's name
             if _is_name(t, author) and not is_valediction_like(t) and not kind.is_team(t)]
    chosen = _best(names, author) if names else None
    pairs = [i for i, t in heads if signers(t) is not None]
    if pairs and (chosen is None or pairs[0] < chosen[0]):
        return None  # two people sign: the lines below are theirs (company, address), no name
    if chosen is None or len(chosen[1].split()) == 1 or re.match(rf"{INITIALS}\s", chosen[1]):
        # A nickname or initials signed, the From name in full further down ("Bob" ... "ROBERT SMITH")
        chosen = _written_author_name(block, author) or chosen
    return None if chosen is None else split_name(chosen[0], chosen[1], language, author)


def _best(names: list[tuple[int, str]], author: Author | None) -> tuple[int, str]:
    """The line naming the sender most fully; else the first name line."""
    sender = [(i, t) for i, t in names if kind.names_sender(t, author)]
    index, text = max(sender or names[:1], key=lambda item: len(item[1].split()))
    if not sender and len(text.split()) == 1:
        # A fuller line below a bare first name is the same person ("John" then "John A. Baker").
        fuller = [(i, t) for i, t in names if fold(t.split()[0]) == fold(text) and len(t.split()) > 1]
        index, text = fuller[0] if fuller else (index, text)
    return index, text


_WIDE_GAP = re.compile(r"\t+|\s{4,}")


def clean_name_line(line: str) -> str:
    """The line without a sign-off, "i.A."-style prefixes, honorifics and degrees, dashes,
    slashes and bold marks; what stands after a tab or a wide gap is another column
    ("Dr. Hannes Reinecke        Kernel Storage Architect"), once the part before it is a name
    of two words or more ("Best regards,<tab>Anna Berg" and "Anna    Berg" are one name)."""
    text = VALEDICTION_PREFIX.sub("", line.strip(), count=1).strip(" *_|│")  # "| Uwe Kleine-König |"
    parts = _WIDE_GAP.split(text, maxsplit=1)
    text = parts[0] if len(parts[0].split()) >= 2 else " ".join(" ".join(parts).split())
    text = _ON_BEHALF.sub("", text.lstrip("-–—~/ "))
    text = _QUOTED.sub("", text.rstrip(",;.").strip(" *_"))
    tokens = text.split()
    while len(tokens) > 2 and _is_honorific(tokens[0]):
        tokens = tokens[1:]
    text = " ".join(tokens) if tokens else text
    while (match := _TRAILING_PART.search(text)) and len(text.split()) > 2 and _is_degree(match[1]):
        text = text[: match.start()].rstrip(",; ")
    return text


# The name rule, the role rule and the tagger each split the same name line: nameparser takes
# ~0.1 ms a name, so recent answers are kept (a Name is immutable).
@lru_cache(maxsize=256)
def split_name(index: int, text: str, language: str | None, author: Author | None = None) -> Name:
    """First and last name of a name written on line `index` (compound surnames kept whole).

    The From header, when given, says where the surname starts and which name comes first."""
    author = as_person(author)
    if signers(text) is not None or is_placeholder(text) or kind.is_team(text):
        # Two people sign ("John & Marc"): which of them sends is not said, even where the From
        # header names one (a household's or a team's shared line), so no name is taken; nor
        # from a template's or an anonymiser's stand-in ("Person A", "[Your Name]").
        return Name(index, None, None)
    if not text.split():
        return Name(index, None, None)  # a tagged span of marks only ("**"): no name
    tokens = _core(text.split())
    if len(tokens) == 1:
        return Name(index, tokens[0], None)
    if (own := _own_name_before_comma(tokens, author)) is not None:
        return split_name(index, own, language, author)  # "Luca Ceresoli, Bootlin"
    if (comma := _comma_order(tokens)) is not None:
        return Name(index, *comma)
    tokens = [t.rstrip(",") for t in tokens]
    if (caps := _caps_surname(tokens)) is not None:
        return Name(index, *caps)
    if _family_first(tokens, language, author):
        return Name(index, tokens[1], tokens[0])  # "Kovács Péter": Péter of the Kovács family
    if len(tokens) == 3 and _PATRONYMIC.search(tokens[2]) and not _PATRONYMIC.search(tokens[1]):
        return Name(index, tokens[1], tokens[0])  # "Петров Иван Сергеевич": family, given, father's
    if (start := _surname_start(tokens, author)) is not None:
        return Name(index, tokens[0], " ".join(tokens[start:]))
    words = [t for t in tokens if t.casefold() not in CONSTANTS.prefixes]
    if language in _TWO_SURNAMES and len(words) in (3, 4) and not any(t.endswith(".") for t in words):
        # "Jorge Ruiz Navarro", "María José García López": Spanish names end in two surnames,
        # and both are the last name.
        return Name(index, tokens[0], _last_words(tokens, 2))
    # nameparser knows honorifics, suffixes, particles ("van der") and comma order; a fresh
    # HumanName each time keeps its shared constants untouched.
    parsed = HumanName(text)
    first = parsed.first or None
    last = _with_particles(tokens, parsed.last) if parsed.last else None
    if first and len(first.rstrip(".")) == 1 and parsed.middle:
        first = parsed.middle.split()[0]  # "J. Robert Smith" goes by Robert
    return Name(index, first, last)


def signers(text: str) -> tuple[str, str] | None:
    """The two names of a line that two people sign ("John & Marc", "Hans und Petra Weber",
    "Piotr i Anna"), or None for any other line."""
    tokens = text.split()
    for index, token in enumerate(tokens[1:-1], start=1):
        joined = token in ("&", "+") or token in AND_WORDS
        if not (joined or token in AND_LETTERS):
            continue
        left, right = tokens[:index], tokens[index + 1 :]
        if not joined and (len(left) > 1 or len(right) > 1):
            return None
        names = " ".join(left), " ".join(right)
        short = len(left) <= 3 and len(right) <= 3
        return names if short and all(map(kind.is_name_like, names)) else None
    return None


_BRACKETS = re.compile(r"^\s*[\[<{(]\s*(.*?)\s*[\]>})]\s*$")
_REDACTED = re.compile(r"^(?:[xX]{2,}|\*{2,}|_{2,}|\.{3,}|…)$")
_TAG = re.compile(r"^(?:[^\W\d_]|\d{1,3})$")  # "A", "B", "2", "12"


def is_placeholder(text: str) -> bool:
    """A stand-in where a name would be: an anonymiser's "Person A", "User 2", "XXXX", "[...]", or
    a template's "[Your Name]", "Vorname Nachname"; never a real name."""
    inner = _BRACKETS.match(text)
    body = inner[1] if inner else text.strip()
    if _REDACTED.match(body.replace(" ", "")):
        return True
    parts = body.split()
    if len(parts) == 2 and fold(parts[0]) in PLACEHOLDER_NOUNS and _TAG.match(parts[1]):
        return True
    tokens = _fold_tokens(body)
    words = [t for t in tokens if t.isalpha()]
    wanted = 1 if inner else 2  # "[Name]" in brackets, "Name Surname" bare
    return len(words) >= wanted and len(words) == len(tokens) and set(words) <= PLACEHOLDER_WORDS


def names_signer(text: str, author: Author | None) -> bool:
    """The line (sign-off removed) names who signs: a name as the name finder reads one, or two
    people's names ("John & Marc"), whose sign-off is a signature though it gives no name."""
    return _is_name(text, author) or signers(text) is not None


def _is_name(text: str, author: Author | None) -> bool:
    """Name-shaped, or a line that writes the sender's own name surname first, in capitals, in
    lower case, or beside another signer's."""
    if kind.is_name_like(text):
        return True
    display = _fold_tokens(author.name) if author and author.name else []
    if _names_all_of(text, author) and len(_fold_tokens(text)) == len(display):
        return True  # the From name word for word, however written ("Colm O hEigeartaigh")
    if text.islower() and kind.is_name_like(text.title()):
        # "john", "maria lopez", "Mfg eike": lower case only as the From header writes the
        # name, in its display name or its mailbox (eike.ehringer@)
        known = set(_fold_tokens(author.name) if author and author.name else []) | set(_mailbox_parts(author))
        return bool(known) and set(_fold_tokens(text)) <= known
    if text.count(",") == 1 and kind.is_name_like(text.replace(",", " ")):
        # "Müller, Hans": the sender, written surname first; "Costa Hermanos, C. A." (its last
        # dot cut off by clean_name_line) is a company
        return not LEGAL.search(f"{text}.") and kind.names_sender(text, author)
    if not (text.isupper() and kind.is_name_like(text.title())):
        return False
    # In capitals: the From name whole, or opening with its first word or the mailbox's
    # ("DORUK TAN ÖZTÜRK" from "Doruk (0sec)" <doruk@...>)
    opens = _fold_tokens(text)[:1]
    known = set(display[:1] + _mailbox_parts(author))
    return _names_all_of(text, author) or bool(opens) and opens[0] in known


def _names_all_of(text: str, author: Author | None) -> bool:
    wanted = _fold_tokens(author.name) if author and author.name else []
    return len(wanted) >= 2 and set(wanted) <= set(_fold_tokens(text))


def _written_author_name(block: list[str], author: Author | None) -> tuple[int, str] | None:
    """The first block line that writes every word of the From display name, and those words."""
    wanted = _fold_tokens(author.name) if author and author.name else []
    if len(wanted) < 2:
        return None
    for index, line in enumerate(block):
        words = clean_name_line(line).split()
        folded = [fold(w.strip(",;")) for w in words]
        for start in range(len(words) - len(wanted) + 1):
            # "QH lighting LTD" under "From: QH Lighting": the display name is the company's.
            if sorted(folded[start : start + len(wanted)]) == sorted(wanted) and not LEGAL.match(
                    " ".join(words[start + len(wanted) :])):
                return index, " ".join(words[start : start + len(wanted)]).rstrip(",;")
    return None


def _core(tokens: list[str]) -> list[str]:
    """Tokens without leading honorifics and trailing suffixes or degrees."""
    while len(tokens) > 1 and _is_honorific(tokens[0]):
        tokens = tokens[1:]
    while len(tokens) > 1 and _is_degree(tokens[-1].strip(",")):
        tokens = tokens[:-1]
    tokens[-1] = tokens[-1].rstrip(",")
    return tokens


def _own_name_before_comma(tokens: list[str], author: Author | None) -> str | None:
    """The From header's whole name before a comma ("Luca Ceresoli, Bootlin"): the comma parts
    the name from a company or role, it does not put the surname first."""
    commas = [i for i, t in enumerate(tokens[:-1]) if t.endswith(",")]
    if len(commas) != 1 or author is None or not author.name:
        return None
    head = [t.rstrip(",").casefold() for t in tokens[: commas[0] + 1]]
    return " ".join(tokens[: commas[0] + 1]).rstrip(",") if head == author.name.casefold().split() else None


def _comma_order(tokens: list[str]) -> tuple[str, str] | None:
    """ "Müller, Hans" and "López García, María": the surname before the comma."""
    commas = [i for i, t in enumerate(tokens[:-1]) if t.endswith(",")]
    if len(commas) != 1:
        return None
    return tokens[commas[0] + 1], " ".join(tokens[: commas[0] + 1]).rstrip(",")


def _caps_surname(tokens: list[str]) -> tuple[str, str] | None:
    """French-style ALL-CAPS surname ("Jean DUPONT", "DUPONT Jean", "Ana DE LA VEGA"):
    the capitals are the last name, wherever they stand."""
    # Initials are no capitals of a surname: "J.-P. MARTIN" is J.-P. of the MARTIN family.
    caps = [i for i, t in enumerate(tokens) if _is_caps_word(t) and not _INITIALS.fullmatch(t)]
    if not caps or len(caps) == len(tokens) or caps != list(range(caps[0], caps[-1] + 1)):
        return None
    if caps[0] == 0 and len(tokens[0].strip(".-")) < 3:
        return None  # "JP Morgan", "JR Smith": leading initials, not a family name
    start = caps[0]
    while start > 0 and tokens[start - 1].casefold() in CONSTANTS.prefixes:
        start -= 1
    rest = tokens[:start] + tokens[caps[-1] + 1 :]
    return rest[0], " ".join(tokens[start : caps[-1] + 1])


def _is_caps_word(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _family_first(tokens: list[str], language: str | None, author: Author | None) -> bool:
    """Family name first: Hungarian mail, or a From header that writes the name that way."""
    if len(tokens) not in (2, 3) or any(t.casefold() in CONSTANTS.prefixes for t in tokens):
        return False
    folded = [fold(t) for t in tokens]
    display = _fold_tokens(author.name) if author and author.name else []
    mailbox = _mailbox_parts(author)
    if len(mailbox) == 2 and mailbox == [folded[-1], folded[0]]:
        return True  # peter.kovacs@ signing "Kovács Péter"
    # From "Kovács Péter" signed "Péter Kovács", or jlenti@ signing "József Lenti": given name first
    if (display == folded[::-1] and len(folded) == 2) or mailbox == [folded[0][:1] + folded[-1]]:
        return False
    hungarian = language in _FAMILY_FIRST or bool(author and (author.email or "").endswith(".hu"))
    return hungarian


def _surname_start(tokens: list[str], author: Author | None) -> int | None:
    """Where the surname starts, from the From header's surname ("María López" or
    maria.lopez@ signing "María López García": both surnames are the last name)."""
    if len(tokens) < 3 or author is None:
        return None
    family = set(_mailbox_parts(author)[1:])
    display = _fold_tokens(author.name or "")
    if len(display) == 2:
        family.add(display[1])
    single = _mailbox_parts(author)
    for i in range(1, len(tokens) - 1):
        # The mailbox writes the surname's words as one ("francesca.lorusso@" for "Lo Russo").
        if "".join(fold(t) for t in tokens[i:]) in family:
            return i
    for i, token in enumerate(tokens[1:], start=1):
        folded = fold(token)
        initial_and_surname = len(single) == 1 and 1 <= len(single[0]) - len(folded) <= 2
        if folded in family or (initial_and_surname and single[0].endswith(folded)):
            while i > 1 and tokens[i - 1].casefold() in CONSTANTS.prefixes:
                i -= 1
            return i
    return None


def _last_words(tokens: list[str], count: int) -> str:
    """The last `count` words that are not particles, with the particles among and before them."""
    start, seen = len(tokens), 0
    while start > 1 and seen < count:
        start -= 1
        seen += tokens[start].casefold() not in CONSTANTS.prefixes
    while start > 1 and tokens[start - 1].casefold() in CONSTANTS.prefixes:
        start -= 1
    return " ".join(tokens[start:])


def _with_particles(tokens: list[str], last: str) -> str:
    """nameparser's last name with the particles written before it ("de la Vega-Ortiz")."""
    size = len(last.split())
    for start in range(len(tokens) - size, 0, -1):
        if " ".join(tokens[start : start + size]) == last:
            end = start + size
            while start > 1 and tokens[start - 1].casefold() in CONSTANTS.prefixes:
                start -= 1
            return " ".join(tokens[start:end])
    return last


def only_degrees(text: str) -> bool:
    """Whether a part of a line is academic degrees alone ("Dipl.-Wirtsch.-Inf. (FH)", "Dr. rer.
    nat.", "Ing."): written before a role, they are no part of the job title."""
    tokens = [t.strip(",") for t in text.split() if not re.fullmatch(r"\([^\W\d_]{1,4}\)", t)]
    # abbreviated, as degrees before a role are: "CEO, Northwind" is a role and a company
    return bool(tokens) and all("." in t and (_is_honorific(t) or _is_degree(t)) for t in tokens)


def _is_honorific(token: str) -> bool:
    if _TITLE_SHAPE.fullmatch(token):
        return True
    word = token.casefold().rstrip(".")
    if token.endswith(".") and word in CONSTANTS.suffix_acronyms:
        return True  # a degree written before the name, as in Central Europe ("Ing. Jana Nováková")
    titled = word in CONSTANTS.titles or word in _MORE_TITLES
    return titled and ("." in token or len(word) <= 4)


def _is_degree(token: str) -> bool:
    word = token.casefold().replace(".", "")
    known = CONSTANTS.suffix_acronyms
    return word in known or token.casefold() in known or word in _MORE_DEGREES


def _mailbox_parts(author: Author | None) -> list[str]:
    if author is None or not author.email or "@" not in author.email:
        return []
    return [p for p in re.split(r"[._\-+]", fold(author.email.split("@")[0])) if p.isalpha()]


def _fold_tokens(text: str) -> list[str]:
    return [fold(t) for t in re.findall(r"[^\W\d_][\w'’\-]*", text) if len(t) >= 2]
