"""Follow-up intent in an author's own words: recommended tasks with a title, sentence and due date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

import pysbd

from mailhook.automation import cues as cues
from mailhook.automation import ordinals
from mailhook.automation.addressing import Audience, addressed, answers_itself, promising, to_a_group
from mailhook.automation.cues_plain import PLAIN_GATES, SURVEY, left_open, mail_gates
from mailhook.automation.cues_rhetoric import announced, put_to_reader, rhetorical
from mailhook.automation.due import due_date
from mailhook.automation.headers import audience, excluded_reason, sent_at
from mailhook.automation.model_gates import held_back
from mailhook.automation.sentence_model import SentenceModel
from mailhook.automation.titles import classified_title, cued_title
from mailhook.pipeline.language import detect_language

MAX_TASKS = 3  # one message makes at most a few tasks
MAX_SENTENCE = 400  # longer "sentences" are tables or run-on boilerplate, not a request
MAX_TEXT = 20_000  # own words beyond this are pasted logs or data: the follow-up is near the top
# And paragraphs: 20,000 characters of one-word lines (a table flattened) are thousands of them,
# each tried against every language's patterns when the language is unknown (seconds of CPU).
MAX_PARAGRAPHS = 200
_MAX_SEGMENTED = 2_000  # pysbd is slow on huge paragraphs; beyond this, split at end marks
_END_MARK = re.compile(r"(?<=[.!?])\s+")
# Where a paragraph holds no end mark before its last word and no numbered item, pysbd returns it
# whole (checked on the corpus and fixtures by a test): it need not run.
_INNER_BREAK = re.compile(r"[.!?;…。！？]\s*\S|(?:^|\s)\d+[.)]\s")
MODEL_SENTENCES = 12  # the sentence model reads a mail's first sentences only (chosen on dev_alarms)
_MIN_MODELLED_WORDS = 2  # a one-word line ("Thanks!", "Hi,") is no request the model need weigh
_SHORT_LINE = 40
# pysbd has no Portuguese or Scandinavian rules but Spanish and Danish are near enough.
_SEGMENTER_STAND_IN = {"pt": "es", "sv": "da", "no": "da"}

_OUT_OF_OFFICE_SENTENCES = 2  # an away notice says so first (after a greeting); later it is news
# The sentence model reads mail to one reader only (docs/intent.md, sixth round: chosen on
# dev_threads.jsonl): at most this many addresses in To and Cc, and no deeper in a thread than this.
MODEL_READERS = 1
MODEL_EARLIER = 5


# Per language, the indexes of the cue patterns that may match a paragraph's sentences.
Candidates = dict[str, tuple[int, ...]]


@dataclass(frozen=True)
class Task:
    """One recommended follow-up: what to do, the sentence that shows it, and when."""

    title: str
    sentence: str
    due: str | None  # YYYY-MM-DD
    role: str  # commit | request | ask | need | propose (cues); classified (the sentence model)


@dataclass(frozen=True)
class Detection:
    """The language the text was read in and the tasks found in it."""

    language: str | None
    tasks: tuple[Task, ...]


def _one_reader(mail: Audience | None) -> bool:
    """Whether mail is written to one reader (no headers given: taken so)."""
    if mail is None:
        return True
    return mail.readers <= MODEL_READERS and mail.earlier <= MODEL_EARLIER and not mail.to_a_group


class _Shipped:
    """The default of `model=`: what detection uses unless told (see MODEL_IN_DETECTION)."""


SHIPPED = _Shipped()
# Whether detection uses the shipped sentence model by default (docs/intent.md says why or why not).
MODEL_IN_DETECTION = True


@cache
def shipped_model() -> SentenceModel:
    """The shipped sentence model, loaded once per process, on first use (17 ms)."""
    return SentenceModel.load()


def _model(model: SentenceModel | _Shipped | None) -> SentenceModel | None:
    if isinstance(model, _Shipped):
        return shipped_model() if MODEL_IN_DETECTION else None
    return model


def detection_record(
    path: str, raw: bytes, model: SentenceModel | _Shipped | None = SHIPPED
) -> dict[str, Any]:
    """What `mailhook tasks detect --json` prints for one message file (the author's own words);
    `model`: the shipped default, a sentence model given, or None for the cues alone."""
    from mailhook.pipeline import read_message, words_and_language

    text, below, language = words_and_language(read_message(raw).own)
    if excluded_reason(raw) is not None:
        return {"path": path, "language": language, "tasks": []}
    found = detect_tasks(
        text, below=below, sent=sent_at(raw), language=language, model=model, mail=audience(raw)
    )
    return {
        "path": path,
        "language": found.language,
        "tasks": [{"title": t.title, "due": t.due, "sentence": t.sentence} for t in found.tasks],
    }


def detect_tasks(
    text: str,
    *,
    below: str = "",
    sent: datetime | None = None,
    language: str | None = None,
    author_is_user: bool = False,
    model: SentenceModel | _Shipped | None = SHIPPED,
    mail: Audience | None = None,
) -> Detection:
    """Tasks in `text`, the author's own words (quotes already removed by the pipeline). A sentence
    is a task when a cue says so, or, with a sentence model, when the model does behind its gates
    (`_may_classify`). `model`: by default the shipped one if MODEL_IN_DETECTION, else the cues
    alone; None: the cues alone; or a model given (scripts/evaluate-intent measures both). `mail`:
    whom the message was written to (`audience`), for the model's gates; None: one reader.
    `below`: what stands below the author's signature (pipeline.around_signature), read only for
    what marks the whole mail: a way out of a newsletter, a no-reply notice, a survey."""
    model = _model(model)
    text = text[:MAX_TEXT]
    language = language or detect_language(text)
    # The model was trained on the languages the cues read; elsewhere it would only guess.
    # Nor in mail to a group (list posts, newsletters, team reports, discussions among several,
    # long threads): questions there are put to nobody in particular, and the author's side's
    # plans are news.
    personal = _one_reader(mail) and not to_a_group(text)
    gates = mail_gates(text, personal)  # for the plain questions and soft asks (cues_plain)
    # List mail is a discussion even when written to one person: the cues read it, not the model
    # (which took a reviewer's "what you try to do should be possible" for a promise).
    classifier = model if language in cues.BY_LANGUAGE and personal and not (mail and mail.via_list) else None
    sentences = _sentences_to_read(text, language, every=classifier is not None, plain=bool(gates))
    opening = " ".join(sentence for sentence, _, _ in sentences[:_OUT_OF_OFFICE_SENTENCES])
    whole = f"{text}\n{below[:MAX_TEXT]}" if below else text
    # A list appends its own way out to a post: that says nothing of the author's words.
    newsletter = cues.UNSUBSCRIBE.search(whole) and not (mail and mail.via_list)
    if (cues.OUT_OF_OFFICE.search(opening) or newsletter or cues.says_no_reply(whole)
            or cues.SURVEY_QUESTION.search(whole)):
        return Detection(language, ())
    found: list[Task] = []
    seen: set[str] = set()
    for number, (sentence, candidates, unit) in enumerate(sentences):
        after = sentences[number + 1] if number + 1 < len(sentences) else None
        same_paragraph = after is not None and after[2] == unit
        following = after[0] if after else None
        still_open = ((left_open(sentence, following, same_paragraph) or announced(sentence))
                      and not rhetorical(sentence, language))
        # A question put to the reader stays theirs whatever follows ("Kan dere undersøke ...?
        # Skjermbilder ligger vedlagt."): for the cues; the model reads only questions left open.
        opened = gates if still_open or put_to_reader(sentence, language) else frozenset()
        task = _task(sentence, language, sent, author_is_user, candidates, opened)
        if (task is None and classifier is not None and language is not None
                and _may_classify(sentences, number, language, still_open and "plain" in gates)):
            task = _classified(sentence, language, sent, classifier)
        if task is None or task.title.casefold() in seen or _answered(sentences, number, language):
            continue
        seen.add(task.title.casefold())
        found.append(task)
        if len(found) == MAX_TASKS:
            break
    return Detection(language, tuple(found))


def split_sentences(text: str, language: str | None) -> list[str]:
    """Sentences of hard-wrapped mail text: lines joined within a paragraph, then segmented."""
    segmenter = _segmenter(language)
    return [sentence for unit in paragraphs(text) for sentence in _split(unit, segmenter)]


def _sentences_to_read(
    text: str, language: str | None, every: bool = False, plain: bool = True
) -> list[tuple[str, Candidates, int]]:
    """The sentences that decide a detection, in order, each with the cue patterns that may match
    it and the number of its paragraph. For the cues alone: none when no paragraph holds a cue (no
    task can come of it); else the opening ones (for away notices) and those of every paragraph
    that holds a cue. Splitting (pysbd) is the costly step, and most paragraphs hold none; trying
    every pattern on every sentence comes next. With the sentence model (`every`), every
    paragraph's sentences. `plain`: whether cues_plain's patterns may take any (their mail gates)."""
    languages = _languages(language)
    units = paragraphs(text)[:MAX_PARAGRAPHS]
    candidates = [_candidates(unit, languages, plain) for unit in units]
    if not every and not any(any(may.values()) for may in candidates):
        return []
    segmenter = _segmenter(language)
    found: list[tuple[str, Candidates, int]] = []
    for number, (unit, may) in enumerate(zip(units, candidates, strict=True)):
        if every or any(may.values()) or len(found) < _OUT_OF_OFFICE_SENTENCES:
            found.extend((sentence, may, number) for sentence in _split(unit, segmenter))
    return found


def _candidates(unit: str, languages: tuple[str, ...], plain: bool = True) -> Candidates:
    """Per language, the patterns that may match a sentence of the paragraph: a sentence is a
    piece of its paragraph (pysbd, without cleaning, returns pieces of its input), and where a
    pattern matches a piece, each of its loosened parts matches the paragraph. Longer paragraphs
    are split cheaply anyway (at end marks), so they are not searched first: any pattern may."""
    if len(unit) > _MAX_SEGMENTED:
        return {lang: tuple(range(len(cues.BY_LANGUAGE[lang].patterns))) for lang in languages}
    # In ASCII text re.IGNORECASE is str.lower(): a pattern none of whose keywords the lower-cased
    # paragraph holds cannot match it, and needs no search.
    lower = unit.lower() if unit.isascii() else None
    return {lang: _matching(cues.BY_LANGUAGE[lang], unit, lower, frozenset() if plain else cues.PLAIN[lang])
            for lang in languages}


def _matching(
    lexicon: cues.Cues, unit: str, lower: str | None, skip: frozenset[int] = frozenset()
) -> tuple[int, ...]:
    present = None if lower is None else {word for word in lexicon.vocabulary if word in lower}
    return tuple(
        index for index, (parts, words) in enumerate(zip(lexicon.anywhere, lexicon.keywords, strict=True))
        if index not in skip and (present is None or not words or not present.isdisjoint(words))
        and all(part.search(unit) for part in parts)
    )


def _split(unit: str, segmenter: pysbd.Segmenter) -> list[str]:
    if not _INNER_BREAK.search(unit):
        return [unit.strip()] if unit.strip() else []
    parts = segmenter.segment(unit) if len(unit) <= _MAX_SEGMENTED else _END_MARK.split(unit)
    return ordinals.rejoined([part.strip() for part in parts if part.strip()])


def paragraphs(text: str) -> list[str]:
    """Paragraphs with wrapped lines joined; a short line followed by a capital ends its unit,
    unless it carries on a sentence wrapped onto it."""
    units: list[str] = []
    buffer: list[str] = []
    lines = [line.strip() for line in text.splitlines()]
    for index, line in enumerate(lines):
        if not line or line.startswith(">"):
            units.append(" ".join(buffer))
            buffer = []
            continue
        buffer.append(line)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if len(line) < _SHORT_LINE and following[:1].isupper() and not _wrapped_on(buffer):
            units.append(" ".join(buffer))
            buffer = []
    units.append(" ".join(buffer))
    return [u for u in units if u]


def _wrapped_on(buffer: list[str]) -> bool:
    """The unit's last line is the middle of a sentence wrapped at a full line: the line before it
    is long and neither ends a sentence ("... wenn bei der" / "Zeiterfassung der Tine 2.0" /
    "Problem ... behoben sein könnte.")."""
    if len(buffer) < 2 or len(buffer[-2]) < _SHORT_LINE:
        return False
    return not any(line.endswith((".", "!", "?", ":")) for line in buffer[-2:])


def _task(
    sentence: str, language: str | None, sent: datetime | None, by_user: bool, candidates: Candidates,
    gates: frozenset[str] | None = None,
) -> Task | None:
    if len(sentence) > MAX_SENTENCE or SURVEY.search(sentence):
        return None
    found = _cued(ordinals.masked(sentence), language, by_user, candidates, gates)
    if found is None:
        return None
    title, role, lang = found
    return Task(title.replace(ordinals.LEADER, "."), sentence, due_date(sentence, lang, sent), role)


def _cued(
    sentence: str, language: str | None, by_user: bool, candidates: Candidates,
    gates: frozenset[str] | None = None,
) -> tuple[str, str, str] | None:
    """The title, role and language of the first cue that takes the sentence; the plain questions
    and soft asks (cues_plain: groups `plain`, `trouble`) only where `gates` (None: all) holds
    each of their gates."""
    if cues.DISREGARD.search(sentence) or cues.MISDELIVERED.search(sentence):
        return None
    for lang in _languages(language):
        lexicon = cues.BY_LANGUAGE[lang]
        if lexicon.courtesy.search(sentence):
            return None
        for role, pattern in (lexicon.patterns[index] for index in candidates[lang]):
            if gates is not None and not PLAIN_GATES.isdisjoint(pattern.groupindex.keys() - gates):
                continue
            match = pattern.search(sentence)
            if match is None or _sends_now(role, sentence) or _need_in_question(role, sentence, match):
                continue
            return cued_title(sentence, match, role, by_user), role, lang
    return None


def _may_classify(
    sentences: list[tuple[str, Candidates, int]], number: int, language: str, left_open: bool = False
) -> bool:
    """Whether the sentence model may read a sentence: within the mail's opening sentences (past
    them, long mail is a report or a discussion), speaking to its reader (a statement may instead
    have the author as its subject: a promise; a question `left_open`, in short mail to one reader
    that does not go on to answer it, is put to the reader whatever its words: "Is the export fixed
    yet?"), and, for a question, not one its author answers himself ("Are we on track? Mostly yes."):
    the paragraph goes on with a statement."""
    if number >= MODEL_SENTENCES:
        return False
    sentence, _, unit = sentences[number]
    question = sentence.rstrip().endswith("?")
    if question and left_open:
        return True
    if not (addressed(sentence, language) or (not question and promising(sentence, language))):
        return False
    if question and number + 1 < len(sentences):
        following, _, next_unit = sentences[number + 1]
        return not (next_unit == unit and not following.rstrip().endswith("?"))
    return True


def _answered(sentences: list[tuple[str, Candidates, int]], number: int, language: str | None) -> bool:
    """Whether the author answers the sentence, a question, in the next one of its paragraph."""
    sentence, _, unit = sentences[number]
    following = sentences[number + 1] if number + 1 < len(sentences) else None
    return answers_itself(sentence, following[0] if following and following[2] == unit else None, language)


def _classified(sentence: str, language: str, sent: datetime | None, model: SentenceModel) -> Task | None:
    """A task for a sentence no cue took, when the sentence model calls it a follow-up. Courtesy
    offers stay none, as for the cues, and so does what is sent with the mail ("attached is ...",
    "os paso el acta": cues.sends_now), and the kinds in model_gates (reports, reasons for writing,
    what the reader will receive)."""
    if len(sentence) > MAX_SENTENCE or len(sentence.split()) < _MIN_MODELLED_WORDS:
        return None
    if any(cues.BY_LANGUAGE[lang].courtesy.search(sentence) for lang in _languages(language)):
        return None
    if cues.MISDELIVERED.search(sentence) or cues.sends_now(sentence) or held_back(sentence, language):
        return None
    if SURVEY.search(sentence):
        return None
    if not model.is_followup(sentence):
        return None
    return Task(classified_title(sentence), sentence, due_date(sentence, language, sent), "classified")


def _languages(language: str | None) -> tuple[str, ...]:
    """The detected language first; English too, as business mail mixes it in everywhere."""
    if language in cues.BY_LANGUAGE:
        return (language,) if language == "en" else (language, "en")
    return tuple(cues.BY_LANGUAGE)


def _sends_now(role: str, sentence: str) -> bool:
    return role == cues.COMMIT and cues.sends_now(sentence)


_QUESTION_CLAUSE = re.compile(r"[^,;:–-]*\?\s*$")


def _need_in_question(role: str, sentence: str, match: re.Match[str]) -> bool:
    """Whether a need is asked about rather than stated: the question opens with it ("Hebben we
    echt veertig plekken nodig?", "Do we need the old tickets?"), a word before it at most, and
    runs on to its question mark in one clause ("Wir bräuchten ..., geht das?" states the need)."""
    if role != cues.NEED or len(sentence[: match.start()].split()) > 1:
        return False
    return bool(_QUESTION_CLAUSE.match(sentence, match.end()))


@cache
def _segmenter(language: str | None) -> pysbd.Segmenter:
    # Segmenters hold only compiled rules; one per language and process is enough.
    if language not in cues.BY_LANGUAGE:
        language = "en"
    return pysbd.Segmenter(language=_SEGMENTER_STAND_IN.get(language, language), clean=False)
