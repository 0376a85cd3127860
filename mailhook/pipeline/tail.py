"""Where the sender's own words end: legal footers, notices, device lines and logos below them."""

from __future__ import annotations

import re

from mailhook.model import Author
from mailhook.pipeline import lines as kind
from mailhook.pipeline.address import find_address, is_address_line
from mailhook.pipeline.lexicon import LEGAL
from mailhook.pipeline.names import clean_name_line
from mailhook.pipeline.organisations import names_domain, sender_labels
from mailhook.pipeline.phones import find_phones
from mailhook.pipeline.rows import row_parts


def content_end(lines: list[str], author: Author | None = None) -> int:
    """Index after the last line that is the sender's own: device lines, logos and the legal
    footer or confidentiality notice below the block dropped, however long it runs. A legal
    paragraph that gives the sender's own mail address is theirs (a company box holding their
    number and address: "HRB 165235 ..." / "Phone: ... Email: anna@..."), not a footer."""
    end = cut = _trim(lines, _without_epigram(lines, _trim(lines, _archived_parts(lines))))
    index = end
    # Paragraphs are climbed from the end over footers, notices and prose (a notice that names
    # no keyword, between two that do); the first paragraph of another kind is the sender's.
    while index > 0:
        start = paragraph_start(lines, index)
        paragraph = lines[start:index]
        found = _tail_kind(paragraph)
        if found == _FOOTER and _gives_own_address(paragraph, author):
            found = _CONTENT
        if found == _CONTENT:
            break
        if found == _FOOTER:
            own = _own_box(paragraph, lines[:start], author)
            if own == len(paragraph):
                break  # the sender's own company box, whole
            cut = start + max(_footer_offset(paragraph), own)
        index = start
        while index > 0 and kind.is_blank(lines[index - 1]):
            index -= 1
    # An epigram may close the text above a list's footer, too.
    return _trim(lines, _without_epigram(lines, _trim(lines, cut)))


# Mailman's archive (pipermail) writes each attachment it scrubbed from a post below this mark
# ("A non-text attachment was scrubbed... / Name: signature.asc"): the archive's, no one's words.
_NEXT_PART = re.compile(r"^-{5,} next part -{5,}\s*$")


# A patch below the author's words: git's "---" over the diffstat, or the diff itself. It ends
# the author's text unless a signature follows it ("-- " over a name, not git's "-- / 2.41.0").
_DIFFSTAT = re.compile(r"^\s*\S+\s+\|\s+(?:\d+|Bin)\b|^\s*\d+ files? changed\b")
_DIFF = re.compile(r"^diff --git \S")
_GIT_VERSION = re.compile(r"^\s*\d+(?:\.\d+)+(?:\.\w+)*\s*$")


def _archived_parts(lines: list[str]) -> int:
    """Where the author's text ends above an archive's scrubbed parts or a patch."""
    for index, line in enumerate(lines):
        if _NEXT_PART.match(line):
            return index
        below = lines[index + 1] if index + 1 < len(lines) else ""
        # "--- a/x.c" over "+++ b/x.c": a unified diff without git's header.
        unified = line.startswith("--- ") and below.startswith("+++ ")
        if _DIFF.match(line) or unified or (line.rstrip() == "---" and _DIFFSTAT.match(below)):
            return len(lines) if _signed_below(lines, index) else index
    return len(lines)


def _signed_below(lines: list[str], patch: int) -> bool:
    below = range(len(lines) - 1, patch, -1)
    delimiter = next((i for i in below if kind.DELIMITER.match(lines[i].rstrip())), None)
    if delimiter is None:
        return False
    written = [line for line in lines[delimiter + 1 :] if line.strip()]
    return bool(written) and not all(_GIT_VERSION.match(line) for line in written)


# A quotation closing the text, its author below it, set apart by a wide indent or with the work
# named ("Be careful what you wish for. ..." / "      - Terry Pratchett, _Soul Music_"): a tagline,
# not the sender's words. "-John" under a sentence is a sign-off.
_ATTRIBUTION = re.compile(
    r"^(?:\s{4,}(?:-{1,2}|–|—)\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:,.{1,60})?"
    r"|\s*(?:-{1,2}|–|—)\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3},\s.{1,60})$"
)
_EPIGRAM_LINES = 3


def _without_epigram(lines: list[str], end: int) -> int:
    last = end - 1
    if last < 1 or not _ATTRIBUTION.match(lines[last].rstrip()):
        return end
    top = last
    while top > 0 and last - top < _EPIGRAM_LINES and kind.is_prose(lines[top - 1]):
        top -= 1
    return top if top < last and lines[last - 1].rstrip().endswith((".", "!", "?", '"', "”")) else end


_CONTENT, _FOOTER, _PROSE, _NOISE = "content", "footer", "prose", "noise"
_BLOCK_LINES = 15  # the lines above a legal box that may hold the sender's block
_WORD_CHAR = re.compile(r"\w")
# Words of the footer a list manager (mailman, Google Groups, sympa) appends to every post.
_LIST = re.compile(
    r"mailing ?list|maillist|listinfo|mailman|list-?unsubscribe|unsubscribe|to post to this group|"
    r"Mailingliste|liste de diffusion|lista de correo|mailinglijst|e-postlista|lista dyskusyjna",
    re.IGNORECASE,
)


def _gives_own_address(paragraph: list[str], author: Author | None) -> bool:
    """The sender's address on or below the first legal line (the box's own contact line); above
    it, the footer's cut keeps the sender's lines anyway."""
    if not (author and author.email):
        return False
    # The address whole ("ann@acme.com" is not in "joann@acme.com" nor "ann@acme.com.au").
    own = re.compile(rf"(?<![\w.+-]){re.escape(author.email)}(?![\w-]|\.\w)", re.IGNORECASE)
    first = next((i for i, line in enumerate(paragraph) if kind.is_boilerplate(line)), len(paragraph))
    return any(own.search(line) for line in paragraph[first:] if not _LIST.search(line))


def _own_box(box: list[str], above: list[str], author: Author | None) -> int:
    """How many lines of a legal box are the sender's own company's: one whose name spells their
    domain ("CS Software Concepts and Solutions GmbH" from cs-software.de) and that the block
    above does not name already: down to that name or to the company's address below it (the
    register and officers after them are left out); 0 for a notice, a list's footer or a box of
    another company."""
    labels = sender_labels(author.email if author else None, [])
    if not labels or any(kind.is_prose(line) for line in box) or _is_list_footer(box):
        return 0
    block = [line.strip().casefold() for line in above[-_BLOCK_LINES:] if LEGAL.search(line)]
    named = [
        i for i, line in enumerate(box)
        if LEGAL.search(line) and names_domain(line, labels)
        and not any(company and company in line.casefold() for company in block)
    ]
    if not named:
        return 0
    parts = find_address(box).parts
    placed = [line for line, _ in parts.values()] if "postal_code" in parts else []
    return max([named[-1], *placed]) + 1


def paragraph_start(lines: list[str], index: int) -> int:
    """The first line of the paragraph ending before index; a rule ("____") is one on its own."""
    if _is_rule(lines[index - 1]):
        return index - 1
    while index > 0 and not kind.is_blank(lines[index - 1]) and not _is_rule(lines[index - 1]):
        index -= 1
    return index


def _is_rule(line: str) -> bool:
    return bool(kind.SEPARATOR.match(line.strip()))


def _tail_kind(paragraph: list[str]) -> str:
    """Footer (legal or list boilerplate), prose, noise (logos, device lines) or content."""
    text = [line for line in paragraph if line.strip()]
    # A short rule of its own ("-", "--") between a legal box and a notice is no one's words.
    if all(is_noise(line) or not _WORD_CHAR.search(line) for line in text):
        return _NOISE
    if _is_list_footer(text):
        return _FOOTER
    boiler = [i for i, line in enumerate(text) if kind.is_boilerplate(line)]
    if not boiler:
        prose = all(kind.is_prose(line) or _is_wrapped(line) for line in text)
        return _PROSE if prose and sum(len(line.split()) for line in text) >= 12 else _CONTENT
    # The sender's name or number below a legal word in the same paragraph is theirs ("... is
    # confidential. Thank you, / Ann Thomas / 713..."), unless the paragraph is a company's
    # legal box (a register number), which lists the switchboard and the managers.
    below = text[boiler[0] :]
    personal = [line for line in below if not kind.is_boilerplate(line) and _is_contact(line)]
    if not personal or any(kind.is_registry(line) for line in text):
        return _FOOTER
    return _CONTENT


def _is_list_footer(text: list[str]) -> bool:
    """A mailing list's footer ("devel mailing list / devel@lists... / https://.../listinfo"):
    its addresses are the list's, and it names no person and gives no number."""
    if not any(_LIST.search(line) for line in text):
        return False
    return not any(_digits(line) or _is_full_name(line) for line in text if not kind.URL.search(line))


def _digits(line: str) -> bool:
    return sum(c.isdigit() for c in kind.EMAIL.sub(" ", line)) >= 7


def _is_full_name(line: str) -> bool:
    name = clean_name_line(line)
    return kind.is_name_like(name) and len(name.split()) >= 2


def _footer_offset(paragraph: list[str]) -> int:
    """Where the footer starts in its paragraph: at its first legal line, or above it where
    only the company's name (no person, role or number) heads the legal lines."""
    first = next(i for i, line in enumerate(paragraph) if kind.is_boilerplate(line) or _LIST.search(line))
    head = [line for line in paragraph[:first] if line.strip()]
    # A company's name and its address above the legal lines ("Collabora Ltd." / "Platinum
    # Building, ..., Cambridge CB4 0DS, UK" / "Registered in England & Wales ..."): where the
    # sender works, the company and address fields of their block.
    if len(head) <= 2 and not any(_is_personal(line) or _is_postal(line) for line in head):
        return 0
    # A table's row with the register on the left and a number on the right ("Amtsgericht
    # Hildesheim, HRA 2686 | Fax: +49-5121-..."): the number is one of the block's.
    while first < len(paragraph) and _row_with_number(paragraph[first]):
        first += 1
    return first


_BAR = re.compile(r"\s\|\s")


def _row_with_number(line: str) -> bool:
    # Split on bars alone, parts of any length: a register's part runs longer than a row's.
    parts = [p for p in _BAR.split(line) if p.strip(" |")]
    own = [p for p in parts if not kind.is_boilerplate(p)]
    return len(parts) >= 2 and any(phone.labelled for part in own for phone in find_phones(part))


def _is_postal(line: str) -> bool:
    """An address line, or the parts of one between bars ("Acme GmbH | Hauptstr. 1 | 12345 Ort")."""
    return any(is_address_line(part) for part in row_parts(line))


def _is_personal(line: str) -> bool:
    return kind.has_contact(line) or kind.is_name_like(clean_name_line(line)) or kind.is_title(line)


def _is_contact(line: str) -> bool:
    """A phone number, an e-mail address or a full name: the sender's, as a footer has none."""
    name = clean_name_line(line)
    return kind.has_contact(line) or (kind.is_name_like(name) and len(name.split()) >= 2)


def _is_wrapped(line: str) -> bool:
    """A line of a wrapped paragraph: many words, no phone or e-mail."""
    return len(line.split()) >= 6 and not kind.has_contact(line)


def is_noise(line: str) -> bool:
    text = line.strip()
    return (
        kind.is_device(text)
        or kind.is_machine(text)
        or bool(kind.SEPARATOR.match(text))
        or bool(kind.ATTACHMENT.match(text))
        or kind.is_placeholder(text)
    )


def _trim(lines: list[str], end: int) -> int:
    while end > 0:
        line = lines[end - 1].strip()
        if line and not is_noise(line):
            return end
        end -= 1
    return 0


_MOST_SIGNED_WORDS = 3


def signed_above(lines: list[str], delimiter: int, author: Author | None) -> int | None:
    """The line above a "-- " delimiter (blank lines between) that signs with the sender's own
    name ("Sascha", "-Tero", "Anna Berg" over "-- " and the company's box), where the sender
    signs their words before the block of their mail program; None otherwise."""
    index = delimiter - 1
    while index >= 0 and kind.is_blank(lines[index]) and delimiter - index <= 2:
        index -= 1
    if index < 0 or author is None or kind.is_blank(lines[index]):
        return None
    name = clean_name_line(lines[index])
    words = {w.casefold() for w in re.findall(r"[^\W\d_]{2,}", name)}
    own = {t.casefold() for t in kind.sender_tokens(author)}
    fits = 0 < len(name.split()) <= _MOST_SIGNED_WORDS and kind.is_name_like(name)
    return index if fits and words and words <= own else None


def written_above(lines: list[str], end: int, count: int) -> int:
    """Where the last `count` written lines above end start: blank lines do not count, as a client
    that puts one between all lines of a block (an HTML signature read as text) doubles its height."""
    for index in range(end - 1, -1, -1):
        count -= bool(lines[index].strip())
        if count == 0:
            return index
    return 0
