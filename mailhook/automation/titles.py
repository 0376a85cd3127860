"""Task titles: what the user should do, in the words of the sentence that shows it."""

from __future__ import annotations

import re

from mailhook.automation import cues as cues
from mailhook.automation.due import unabbreviated

_TITLE_WORDS = 12
_MIN_PHRASE_WORDS = 3  # fewer after the verb: a verb-final clause (de, nl), so take it whole
# A full stop ends a clause only before a space: not in "rsvp@example.com" or "Oct.11".
# Nor after "kl." (klokken) or "stk." (stykker), common in Scandinavian business mail.
_CLAUSE_END = re.compile(r"(?<!\bkl)(?<!\bstk)[.;:!?](?=\s|$)|[()\[\]\n]|,\s|\s[-–]\s")
# A question runs on past its commas ("Ist es möglich, die Stati nachzutragen?").
_QUESTION_END = re.compile(r"(?<!\bkl)(?<!\bstk)[.;:!?](?=\s|$)|[()\[\]\n]|\s[-–]\s")


def classified_title(sentence: str) -> str:
    """The title of a sentence the sentence model took: its opening words, as for the cues a
    question to answer, anything else to follow up."""
    words = unabbreviated(sentence).split()
    phrase = " ".join(words[:_TITLE_WORDS]) + (" …" if len(words) > _TITLE_WORDS else "")
    phrase = phrase.strip(" ,.;:-–¿?¡!\"'")
    if sentence.rstrip().endswith("?"):
        return f"Answer: {phrase[:1].lower() + phrase[1:]}"
    return f"Follow up: {phrase[:1].upper() + phrase[1:]}"


def cued_title(sentence: str, match: re.Match[str], role: str, by_user: bool) -> str:
    """The title of a sentence a cue took (`match`, of `role`): whose move it is, then what to do."""
    # Whose move is it: a promise the contact made, or a request the user made, is followed up.
    asked = role in (cues.REQUEST, cues.ASK, cues.NEED)
    awaited = (role == cues.COMMIT and not by_user) or (asked and by_user)
    # A contact's promise reads best in their words ("I'll call you Monday"); anything the user
    # has to do reads best from its verb ("Send the revised quote by Friday").
    who = "who" if "who" in match.re.groupindex else 0
    start = match.start(who) if role == cues.COMMIT and not by_user else match.start("act")
    # "... to our accounts team, who will contact you": the promise is the clause of its verb.
    start = max([start, *(end.end() for end in _CLAUSE_END.finditer(sentence, start, match.start("act")))])
    question = role in (cues.ASK, cues.PROPOSE) and sentence.rstrip().endswith("?")
    words = _clause(sentence[start:], _QUESTION_END if role == cues.ASK or question else _CLAUSE_END)
    if len(words) >= _MIN_PHRASE_WORDS:
        phrase = " ".join(words[:_TITLE_WORDS]) + (" …" if len(words) > _TITLE_WORDS else "")
    else:
        # The verb ends its clause (verb-final German or Dutch, "the best time to meet"): the
        # words before it say what to do.
        before = _CLAUSE_END.split(unabbreviated(sentence[: match.start("act")]))[-1].split()
        phrase = " ".join([*before, *words][-_TITLE_WORDS:])
    phrase = phrase.strip(" ,.;:-–¿?¡!\"'")
    phrase = phrase[:1].upper() + phrase[1:]
    if "reminder" in match.re.groupindex:  # "Ping", "Kurze Erinnerung": the mail before awaits
        return f"Follow up: the earlier mail ({phrase})" if awaited else f"Answer the earlier mail ({phrase})"
    if awaited:
        return f"Follow up: {phrase}"
    # A question for the user reads as what to answer ("Answer: how to configure the import").
    prefix = {cues.ASK: "Answer: ", cues.NEED: "Provide: "}.get(role)
    return f"{prefix}{phrase[:1].lower() + phrase[1:]}" if prefix else phrase


def _clause(text: str, ends: re.Pattern[str] = _CLAUSE_END) -> list[str]:
    text = unabbreviated(text)
    end = ends.search(text)
    return (text[: end.start()] if end else text).split()
