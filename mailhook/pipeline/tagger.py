"""The signature entity tagger: a flair BiLSTM-CRF that finds names, titles, organisations and
address parts in signature lines. The only module that imports torch or flair (lazily).

Training (`scripts/train_tagger.py`) and inference build their inputs with the same `featurize`,
so the model never sees features computed differently from how it was trained.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flair.data import Sentence

MODEL_FILE = "signature-tagger.pt"
TAG_TYPE = "ner"
LINE_BREAK = "⏎"  # one token between lines, so the model sees the block's line structure
FEATURE_FIELDS: tuple[str, ...] = ("word", "shape", "position", "line")

# Runs of letters/digits, or a run of one repeated symbol ("----", "|"). Finer than words on
# purpose: "D-80331" must split so that the postcode can be tagged without its country prefix.
_TOKEN = re.compile(r"[^\W_]+|([^\w\s]|_)\1*")
_URL = re.compile(r"www\.|https?:|\.(com|net|org|de|fr|nl|eu|co\.uk)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Span:
    """An entity the tagger found: its label, text, line and [start, end) offsets in that line."""

    label: str
    text: str
    line: int
    start: int
    end: int
    confidence: float


@dataclass(frozen=True)
class TokenFeatures:
    """One model input token: where it sits in the block, and the features the model embeds."""

    text: str
    line: int
    start: int
    end: int
    word: str
    shape: str
    position: str
    line_kind: str

    @property
    def is_line_break(self) -> bool:
        return self.text == LINE_BREAK


def featurize(lines: Sequence[str]) -> list[TokenFeatures]:
    """The tokens of a signature block, with a line-break token between lines, and their features."""
    tokens: list[TokenFeatures] = []
    filled = [number for number, line in enumerate(lines) if line.strip()]
    for number, line in enumerate(lines):
        if number:
            end = len(lines[number - 1])
            tokens.append(TokenFeatures(LINE_BREAK, number - 1, end, end, LINE_BREAK, "NL", "NL", "NL"))
        matches = list(_TOKEN.finditer(line))
        if not matches:
            continue
        rank = filled.index(number)
        kind = _line_kind(line, len(matches))
        for index, match in enumerate(matches):
            where = _where_in_line(index, len(matches))
            position = f"{min(rank, 6)}|{min(len(filled) - 1 - rank, 3)}|{where}"
            text = match.group()
            word = re.sub(r"\d", "0", text.lower())
            tokens.append(TokenFeatures(text, number, match.start(), match.end(), word,
                                        _shape(text), position, kind))
    return tokens


def _where_in_line(index: int, count: int) -> str:
    if count == 1:
        return "only"
    return "first" if index == 0 else "last" if index == count - 1 else "mid"


def _shape(text: str) -> str:
    """Character classes with runs collapsed ("Hoskins" -> "Xx"), plus a length bucket."""
    classes = ["X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit()
               else "a" if c.isalpha() else c for c in text]
    collapsed = "".join(c for i, c in enumerate(classes) if i == 0 or classes[i - 1] != c)
    return f"{collapsed[:6]}|{len(text) if len(text) <= 6 else '7+'}"


def _line_kind(line: str, token_count: int) -> str:
    """What a line looks like as a whole: e-mail, URL, phone, rule, digits or text, and its length."""
    alnum = sum(c.isalnum() for c in line)
    digits = sum(c.isdigit() for c in line)
    if alnum == 0:
        kind = "rule"
    elif "@" in line:
        kind = "email"
    elif _URL.search(line):
        kind = "url"
    elif digits >= 6 and digits * 2 >= alnum:
        kind = "phone"
    else:
        kind = "digits" if digits else "text"
    size = next(label for limit, label in ((1, "1"), (2, "2"), (3, "3"), (6, "4-6"), (10, "7-10"))
                if token_count <= limit) if token_count <= 10 else "11+"
    return f"{kind}:{size}"


def make_sentence(lines: Sequence[str]) -> tuple[Sentence, list[TokenFeatures]]:
    """A flair Sentence for a block, its tokens carrying the features as labels, and the tokens."""
    _stay_offline()
    from flair.data import Sentence

    tokens = featurize(lines)
    sentence = Sentence([token.text for token in tokens])
    for flair_token, token in zip(sentence.tokens, tokens, strict=True):
        for field in FEATURE_FIELDS:
            flair_token.add_label(field, getattr(token, field if field != "line" else "line_kind"))
    return sentence, tokens


def _stay_offline() -> None:
    # flair imports huggingface_hub; nothing here may reach a hub, so say so before the import.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


@contextmanager
def quiet_flair() -> Iterator[None]:
    """Silence flair's INFO logging for a while: one-hot embeddings log their whole vocabulary."""
    logger = logging.getLogger("flair")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


class SignatureTagger:
    """Tags signature lines with NAME, TITLE, ORG, STREET, CITY, STATE, POSTCODE and COUNTRY spans.

    Load once per process (`import flair` alone takes seconds) and pass the instance down.
    """

    def __init__(self, model: Any, batch_size: int = 32) -> None:
        self._model = model
        self._batch_size = batch_size

    @classmethod
    def load(cls, path: Path | None = None) -> SignatureTagger:
        """Load a trained model; by default the one shipped in `mailhook/models`.

        Sets torch to one thread: a block is a few hundred tokens, too little work to share, and
        a second thread only takes the core the listeners and other processes need.
        """
        _stay_offline()
        import torch
        from flair.models import SequenceTagger

        torch.set_num_threads(1)

        with quiet_flair():
            if path is not None:
                return cls(SequenceTagger.load(path))
            packaged = resources.files("mailhook").joinpath("models", MODEL_FILE)
            with resources.as_file(packaged) as model_path:
                return cls(SequenceTagger.load(model_path))

    @property
    def model(self) -> Any:
        """The underlying flair SequenceTagger (training and evaluation use it)."""
        return self._model

    def tag(self, lines: Sequence[str]) -> list[Span]:
        """The entity spans in one signature block, in reading order."""
        return self.tag_many([lines])[0]

    def tag_many(self, blocks: Sequence[Sequence[str]]) -> list[list[Span]]:
        """The entity spans of each block, predicted in mini-batches."""
        import torch

        built = [make_sentence(lines) for lines in blocks]
        sentences = [sentence for sentence, tokens in built if tokens]
        if sentences:
            # Inference mode skips the autograd bookkeeping that flair's no_grad still does; the
            # arithmetic, and so every prediction, is the same.
            with torch.inference_mode():
                self._model.predict(sentences, mini_batch_size=self._batch_size, verbose=False)
        return [_spans(lines, sentence, tokens) if tokens else []
                for lines, (sentence, tokens) in zip(blocks, built, strict=True)]


def _spans(lines: Sequence[str], sentence: Sentence, tokens: list[TokenFeatures]) -> list[Span]:
    """Predicted spans as character ranges; a span that runs over a line break is cut at it."""
    found: list[Span] = []
    for span in sentence.get_spans(TAG_TYPE):
        label, score = span.get_label(TAG_TYPE).value, span.get_label(TAG_TYPE).score
        run: list[TokenFeatures] = []
        for flair_token in [*span.tokens, None]:
            token = tokens[flair_token.idx - 1] if flair_token is not None else None
            if run and (token is None or token.is_line_break or token.line != run[0].line):
                line, start, end = run[0].line, run[0].start, run[-1].end
                found.append(Span(label, lines[line][start:end], line, start, end, score))
                run = []
            if token is not None and not token.is_line_break:
                run.append(token)
    return sorted(found, key=lambda s: (s.line, s.start))
