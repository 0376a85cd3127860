"""Find the sender's signature block at the end of their own words."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from mailhook.model import Author
from mailhook.pipeline import lines as kind
from mailhook.pipeline.address import is_address_line
from mailhook.pipeline.lexicon import LEGAL, VALEDICTION_PREFIX
from mailhook.pipeline.names import clean_name_line, names_signer
from mailhook.pipeline.phones import find_phones
from mailhook.pipeline.tail import content_end, is_noise, paragraph_start, signed_above, written_above
from mailhook.pipeline.valedictions import is_on_behalf, is_valediction_like

# How far up from the end of the text a sign-off or delimiter is looked for, and how many written
# lines a block may have: real blocks are short; longer tails are tables, logs or pasted text.
_SEARCH_LINES = 30
_MAX_BLOCK = 22
# An anchored block (one that does not end the text) needs a sign-off or the sender's name or
# domain and at least a contact line or two more: see _score. A contact paragraph below its
# first paragraph ("T +44 ... | www...") has at most this many lines.
_LEAST_SCORE = 4.0
MOST_ANCHORS = 40
_MOST_CONTACT_LINES = 6
_MOST_TAGLINE_LINES = 2
_SENTENCE_WORDS = 4
_ADDRESS_SMALL_WORDS = 3
# Lines read from the end of the text: the search window, the trailing boilerplate and device
# lines trimmed below it, and the "--" delimiters climbed over. Real mail needs well under 200;
# hostile text (thousands of "--" lines, or of trailing blanks) must not cost more.
MOST_LINES = 1_000
# A "--" with an unsigned motto below it is climbed over this many times, no more.
MOST_DELIMITERS = 3
_FORM_FIELD = re.compile(
    r"^\s*(?:name|first name|last name|full name|nom|prénom|vorname|nachname|nombre|apellidos?|"
    r"nome|cognome|naam|voornaam|achternaam|navn|fornavn|efternavn|namn|imię|nazwisko)\s*:",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Block:
    """A signature: first and last line (inclusive) in the searched lines, and the sign-off line."""

    first: int
    last: int
    signoff: int | None


def find_signature(lines: list[str], author: Author | None) -> Block | None:
    """Return the sender's block at the end of lines, or None when they do not identify
    themselves. Where no block ends their text, the best block anchored on a sign-off or on
    the sender's name or domain anywhere above (below a table, above a pasted log). Only the
    last MOST_LINES lines are read."""
    offset = max(0, len(lines) - MOST_LINES)
    tail = lines[offset:]
    if _lone_line_of_another(tail, author):
        return None
    block = _find(tail, author, MOST_DELIMITERS)
    block = _anchored(tail, author) if block is None else _preferred(tail, block, author)
    if block is None or offset == 0:
        return block
    signoff = None if block.signoff is None else block.signoff + offset
    return Block(block.first + offset, block.last + offset, signoff)


def _lone_line_of_another(lines: list[str], author: Author | None) -> bool:
    """A body of one line that does not name the named sender ("Thanks Bob", "Merci Bob."):
    it speaks to someone, or of someone; the sender does not sign it."""
    text = [line for line in lines if line.strip()]
    named = author is not None and bool(author.name)
    return len(text) == 1 and named and not kind.names_sender(text[0], author)


def _find(lines: list[str], author: Author | None, delimiters: int) -> Block | None:
    end = content_end(lines, author)
    if end == 0:
        return None
    lo = written_above(lines, end, _SEARCH_LINES)
    anchor = _after_signoff(lines, lo, end, author) or _after_delimiter(lines, lo, end, author)
    start, signoff = anchor if anchor else (_after_text(lines, lo, end), None)
    if start is None:
        return None
    start = _skip_noise(lines, start, end)
    if start >= end:
        return None
    last = _last_text(lines, start, end)
    written = sum(1 for line in lines[start : last + 1] if not kind.is_blank(line))
    if written > _MAX_BLOCK or not _identifies(lines[start : last + 1], author, signoff is not None):
        return _above_delimiter(lines, lo, end, author, delimiters)
    return Block(start, _without_taglines(lines, start, last), signoff)


def _without_taglines(lines: list[str], start: int, last: int) -> int:
    """The block's last line, above any closing paragraphs that are phrases, not contact lines
    ("Besuchen Sie uns auf der ISH, Halle 4!", "We are hiring! Join our team."): a block ends at
    its last contact line."""
    while True:
        last = _without_closing_sentences(lines, start, last)
        top = paragraph_start(lines, last + 1)
        if top <= start or not kind.is_blank(lines[top - 1]):
            return last
        paragraph = [line for line in lines[top : last + 1] if line.strip()]
        if not paragraph or len(paragraph) > _MOST_TAGLINE_LINES or not all(map(_is_tagline, paragraph)):
            return last
        last = _last_text(lines, start, top - 1)


def _without_closing_sentences(lines: list[str], start: int, last: int) -> int:
    """The block's last line above taglines written in its own paragraph, right below its
    contact lines: whole sentences ("Besuchen Sie uns auf der ISH in Halle 4!", "Rejoignez-nous
    sur le salon Batimat."), at most two, below a contact line."""
    end = last
    for _ in range(_MOST_TAGLINE_LINES):
        line = lines[end].strip()
        if end <= start + 1 or not _is_sentence(line) or not _is_tagline(line):
            break
        end -= 1
    if end == last or not kind.has_contact(lines[end]) and not any(find_phones(lines[end])):
        return last
    return end


def _is_sentence(line: str) -> bool:
    """Four words or more ending in a full stop or an exclamation mark."""
    return len(line.split()) >= _SENTENCE_WORDS and line.endswith((".", "!", "！", "。"))


def _is_tagline(line: str) -> bool:
    """A phrase of several words, lower-case ones among them, that holds no contact, name, role,
    company or address."""
    words = line.split()
    lower = sum(1 for word in words if word.isalpha() and word.islower())
    # An address has a few small words ("12 rue des Lilas"); a sentence with a date has more.
    address = lower <= _ADDRESS_SMALL_WORDS and is_address_line(line)
    return (
        len(words) >= 3
        and lower >= 2
        and not kind.has_contact(line)
        and not any(find_phones(line))  # "You can reach me at 5-7735"
        and not address
        and not (kind.is_title(line) or kind.is_org(line) or kind.URL.search(line))
        and not kind.is_name_like(clean_name_line(line))
    )


def _anchored(lines: list[str], author: Author | None) -> Block | None:
    """The best-scoring block that starts below a sign-off or at a line naming the sender;
    the nearer the end, the better among equals. Anchors are tried from the end up, at most
    MOST_ANCHORS of them (real mail has a few; a list of names has thousands)."""
    end = content_end(lines, author)
    best: tuple[float, Block] | None = None
    # Blocks that start on neighbouring lines overlap: each line is classified once.
    ends_block = cache(lambda index: _ends_block(lines[index]))
    tried = 0
    for index in range(end - 1, -1, -1):
        anchor = _anchor_at(lines, index, end, author)
        if anchor is None:
            continue
        tried += 1
        if tried > MOST_ANCHORS:
            break
        start, signoff = anchor
        last = _grown(lines, start, end, ends_block)
        if last is None:
            continue
        score = _score(lines[start : last + 1], signoff is not None, author)
        if score >= _LEAST_SCORE and (best is None or score > best[0]):
            best = (score, Block(start, last, signoff))
    return None if best is None else best[1]


def _preferred(lines: list[str], block: Block, author: Author | None) -> Block:
    """The block that ends the text, or the one anchored on the sender where that one clearly
    is theirs: it names them near its top and holds a contact line, while the end-based block
    names them nowhere (a colleague's block or a footer after theirs) and scores lower, or holds
    it and, below it, another person's name and number."""
    if author is None:
        return block
    found = lines[block.first : block.last + 1]
    named = any(kind.names_sender(line, author) for line in found)
    if named and not _another_below(found, author):
        return block  # the usual case, and no anchored search to pay for
    anchored = _anchored(lines, author)
    if anchored is None or anchored.first == block.first and anchored.last == block.last:
        return block
    own = [line for line in lines[anchored.first : anchored.last + 1] if line.strip()]
    if not any(kind.names_sender(line, author) for line in own[:3]) or not any(map(kind.has_contact, own)):
        return block
    if not named:
        above = anchored.last < block.first
        theirs = _score(own, anchored.signoff is not None, author)
        return anchored if above and theirs > _score(found, block.signoff is not None, author) else block
    inside = block.first <= anchored.first and anchored.last < block.last
    below = lines[anchored.last + 1 : block.last + 1]
    return anchored if inside and _another_below(below, author) else block


def _another_below(lines: list[str], author: Author) -> bool:
    """A line naming someone who is not the sender, with a phone or address below it: another
    person's block."""
    for index, line in enumerate(lines):
        name = clean_name_line(line)
        if kind.is_name_like(name) and len(name.split()) >= 2 and not kind.names_sender(name, author):
            return any(kind.has_contact(below) for below in lines[index + 1 : index + 5])
    return False


def _anchor_at(
    lines: list[str], index: int, end: int, author: Author | None
) -> tuple[int, int | None] | None:
    """Where a block may start at this line: below a sign-off, or at a name line that is the
    sender's (or, with no sender known, is followed by a contact line)."""
    line = lines[index]
    if is_valediction_like(line):
        start = _skip_noise(lines, index + 1, end)
        return (start, index) if start < end else None
    name = clean_name_line(line)
    if not names_signer(name, author):
        return None
    if author is not None and not kind.names_sender(name, author):
        return None
    if author is None and not any(kind.has_contact(below) for below in lines[index + 1 : index + 4]):
        return None
    signoff = index if name != line.strip() else _signoff_above(lines, index)
    return index, signoff


def _signoff_above(lines: list[str], index: int) -> int | None:
    above = index - 1
    while above >= 0 and (kind.is_blank(lines[above]) or is_noise(lines[above])):
        above -= 1
    return above if above >= 0 and is_valediction_like(lines[above]) else None


def _grown(lines: list[str], start: int, end: int, ends_block: Callable[[int], bool]) -> int | None:
    """The block's last line: its first paragraph (cut at a sentence, a rule or a legal line),
    then any short paragraphs of contact lines right below it; None when the first paragraph
    is too long to be a block."""
    # Paragraphs are read no further than a block can run, so that a thousand name lines in a
    # row cost a thousand short reads, not a million.
    end = min(end, start + _MAX_BLOCK + 1)
    stop = _paragraph_end(lines, start, end)
    cut = next((i for i in range(start, stop) if ends_block(i)), stop)
    if cut == start or stop - start > _MAX_BLOCK:
        return None
    last = cut - 1
    while cut == stop and stop < end and kind.is_blank(lines[stop]):
        index = stop + 1  # one blank line apart, no more
        stop = _paragraph_end(lines, index, end)
        cut = next((i for i in range(index, stop) if ends_block(i)), stop)
        paragraph = lines[index:cut]
        if not paragraph or len(paragraph) > _MOST_CONTACT_LINES or stop - start > _MAX_BLOCK:
            break
        if kind.DELIMITER.match(paragraph[0].rstrip()):
            break  # "--" opens a signature: another one, below the sender's
        if not any(kind.has_contact(line) or kind.URL.search(line) for line in paragraph):
            break
        last = cut - 1
    return last


def _paragraph_end(lines: list[str], index: int, end: int) -> int:
    while index < end and not kind.is_blank(lines[index]):
        index += 1
    return index


def _ends_block(line: str) -> bool:
    return (
        kind.is_long_prose(line)
        or kind.is_boilerplate(line)
        or kind.is_valediction(line)
        or is_noise(line)
    )


def _score(block: list[str], signed_off: bool, author: Author | None) -> float:
    """How surely these lines are the sender's block: their name, their domain, a sign-off
    above, and how many lines are contact, role, company or address lines."""
    text = [line for line in block if line.strip()]
    if any(_FORM_FIELD.match(line) for line in text):
        return 0.0
    head = text[:3]
    score = 2.0 if signed_off else 0.0
    score += 1.0 if kind.is_name_like(clean_name_line(text[0])) else 0.0
    score += 3.0 if any(kind.names_sender(line, author) for line in head) else 0.0
    score += 2.0 if _has_domain(text, author) else 0.0
    score += min(3, sum(1 for line in text if kind.has_contact(line)))
    score += 0.5 * min(3, sum(1 for line in text if _is_structure(line)))
    return score


def _has_domain(text: list[str], author: Author | None) -> bool:
    """The sender's mail domain in an e-mail address or URL of the block."""
    if author is None or not author.email or "@" not in author.email:
        return False
    domain = author.email.rsplit("@", 1)[1].casefold()
    return any(domain in line.casefold() for line in text if kind.EMAIL.search(line) or kind.URL.search(line))


def _is_structure(line: str) -> bool:
    return kind.is_title(line) or kind.is_org(line) or is_address_line(line) or bool(kind.URL.search(line))


def _above_delimiter(
    lines: list[str], lo: int, end: int, author: Author | None, delimiters: int
) -> Block | None:
    """A "--" followed by a motto or a footer: the sender may have signed above it."""
    if delimiters == 0:
        return None
    for index in range(end - 1, lo - 1, -1):
        if kind.DELIMITER.match(lines[index].rstrip()):
            return _find(lines[:index], author, delimiters - 1)
    return None


def _after_signoff(lines: list[str], lo: int, end: int, author: Author | None) -> tuple[int, int] | None:
    sentence_below = False
    for index in range(end - 1, lo - 1, -1):
        line = lines[index]
        if kind.is_long_prose(line):
            return None
        if is_valediction_like(line):
            return _next_text(lines, index + 1, end), index
        rest = VALEDICTION_PREFIX.sub("", line.strip(), count=1)
        # "Danke, Adam" above a sentence thanks the addressee; as a sign-off nothing follows it.
        if rest != line.strip() and names_signer(rest, author) and not sentence_below:
            return index, index
        sentence_below = sentence_below or kind.is_prose(line)
    return None


def _after_delimiter(lines: list[str], lo: int, end: int, author: Author | None) -> tuple[int, None] | None:
    for index in range(end - 1, lo - 1, -1):
        if kind.is_long_prose(lines[index]):
            return None
        if kind.DELIMITER.match(lines[index].rstrip()):
            signed = signed_above(lines, index, author)  # "Sascha" over "-- " and the company box
            return (_next_text(lines, index + 1, end) if signed is None else signed), None
    return None


def _after_text(lines: list[str], lo: int, end: int) -> int | None:
    """Without a sign-off: the lines below the last sentence, or from the sender's name line."""
    start = lo
    for index in range(end - 1, lo - 1, -1):
        if kind.is_prose(lines[index]) or is_valediction_like(lines[index]):
            start = index + 1
            break
    first = _next_text(lines, start, end)
    if first < end and not _opens_block(lines[first]):
        named = [i for i in range(first, end) if kind.is_name_like(clean_name_line(lines[i]))]
        first = named[0] if named else first
    return first if first < end else None


def _opens_block(line: str) -> bool:
    return kind.is_name_like(clean_name_line(line)) or kind.has_contact(line) or kind.is_org(line)


def _identifies(block: list[str], author: Author | None, signed: bool = False) -> bool:
    """A name near the top, or a phone/e-mail, or the sender's name anywhere in the block; or, below
    a sign-off, an organisation that signs ("Landeshauptstadt Düsseldorf" / "Der Oberbürgermeister")."""
    if any(_FORM_FIELD.match(line) for line in block) or kind.is_list_of_people(block):
        return False  # a web form's notification or a list names people; nobody signs
    head = [line for line in block if line.strip()][:3]
    named = any(names_signer(clean_name_line(line), author) or LEGAL.search(line) for line in head) or (
        any(map(kind.is_org, head)) and (signed or any(map(is_address_line, block))))  # an office signs
    contact = any(kind.has_contact(line) for line in block)
    return named or contact or any(kind.names_sender(line, author) for line in block)


def _skip_noise(lines: list[str], index: int, end: int) -> int:
    """The first line at or after index that is neither blank nor a logo, rule, attachment or
    "--" (typed below a sign-off, "Regards,\n-- \nName"): a block never starts with one."""
    while index < end and (kind.is_blank(lines[index]) or is_noise(lines[index]) or is_on_behalf(lines[index])
                           or kind.DELIMITER.match(lines[index].rstrip())):
        index += 1
    return index


def _next_text(lines: list[str], index: int, end: int) -> int:
    while index < end and kind.is_blank(lines[index]):
        index += 1
    return index


def _last_text(lines: list[str], start: int, end: int) -> int:
    last = end - 1
    while last > start and kind.is_blank(lines[last]):
        last -= 1
    return last
