"""The signature entity tagger: a flair BiLSTM-CRF that finds names, titles, organisations and
address parts in signature lines. network.py runs the shipped weights in NumPy; this module
imports flair (and so torch) only to read or train a flair model.

Training (`scripts/train_tagger.py`) and inference build their inputs with the same `featurize`
(tokens.py), so the model never sees features computed differently from how it was trained.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mailhook.pipeline.network import Network
from mailhook.pipeline.tokens import FEATURE_FIELDS, Span, TokenFeatures, featurize

if TYPE_CHECKING:
    from flair.data import Sentence

MODEL_FILE = "signature-tagger.pt"  # the flair model the training script saves
WEIGHTS_FILE = "signature-tagger.npz"  # the same weights as arrays: what mailhook runs
TAG_TYPE = "ner"


def make_sentence(lines: Sequence[str]) -> tuple[Sentence, list[TokenFeatures]]:
    """A flair Sentence for a block, its tokens carrying the features as labels, and the tokens."""
    _stay_offline()
    from flair.data import Sentence

    tokens = featurize(lines)
    sentence = Sentence([token.text for token in tokens])
    for flair_token, token in zip(sentence.tokens, tokens, strict=True):
        for field in FEATURE_FIELDS:
            flair_token.add_label(field, token.feature(field))
    return sentence, tokens


def load_flair_model(path: Path) -> Any:
    """A flair SequenceTagger from its file (imports flair: seconds)."""
    _stay_offline()
    from flair.models import SequenceTagger

    with quiet_flair():
        return SequenceTagger.load(path)


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

    Load once per process and pass the instance down. The shipped tagger runs from its weights
    file (WEIGHTS_FILE) with NumPy alone; flair and torch are imported only to read a flair model file
    (training, `[extract] tagger = FILE`, the tests that compare with flair's own predict).
    """

    def __init__(self, network: Network, model: Any = None, batch_size: int = 32) -> None:
        self._network = network
        self._model = model
        self._batch_size = batch_size

    @classmethod
    def load(cls, path: Path | None = None) -> SignatureTagger:
        """Load a trained tagger: by default the one shipped in `mailhook/models`; a `.npz`
        weights file; or a flair model file (which imports flair and torch)."""
        if path is None:
            with resources.as_file(resources.files("mailhook").joinpath("models", WEIGHTS_FILE)) as shipped:
                return cls(Network.load(shipped))
        if path.suffix == ".npz":
            return cls(Network.load(path))
        return cls.from_flair(load_flair_model(path))

    @classmethod
    def from_flair(cls, model: Any, batch_size: int = 32) -> SignatureTagger:
        """A tagger for a loaded (or just trained) flair SequenceTagger."""
        return cls(Network.from_flair(model, batch_size), model, batch_size)

    @property
    def model(self) -> Any:
        """The flair SequenceTagger (training and the comparison with flair use it); for the
        shipped tagger, the flair model it was exported from, loaded now."""
        if self._model is None:
            with resources.as_file(resources.files("mailhook").joinpath("models", MODEL_FILE)) as shipped:
                self._model = load_flair_model(shipped)
        return self._model

    def tag(self, lines: Sequence[str]) -> list[Span]:
        """The entity spans in one signature block, in reading order."""
        return self.tag_many([lines])[0]

    def tag_many(self, blocks: Sequence[Sequence[str]]) -> list[list[Span]]:
        """The entity spans of each block; blocks are run through the network in batches."""
        featurized = [featurize(lines) for lines in blocks]
        tagged = self._network.tag(featurized)
        return [_spans(lines, tokens, _bio_spans(tags))
                for lines, tokens, tags in zip(blocks, featurized, tagged, strict=True)]

    def tag_many_with_flair(self, blocks: Sequence[Sequence[str]]) -> list[list[Span]]:
        """The same through flair's own `predict`: the reference the network is checked against
        (tests, and the training script on the model it has just trained)."""
        import torch

        built = [make_sentence(lines) for lines in blocks]
        sentences = [sentence for sentence, tokens in built if tokens]
        if sentences:
            with torch.inference_mode():
                self.model.predict(sentences, mini_batch_size=self._batch_size, verbose=False)
        return [_spans(lines, tokens, _flair_spans(sentence))
                for lines, (sentence, tokens) in zip(blocks, built, strict=True)]


TokenRun = tuple[str, float, list[int]]  # a predicted span: label, score, its token indices


def _bio_spans(tagged: list[tuple[str, float]]) -> list[TokenRun]:
    """Spans from per-token BIOES tags, joined as flair's predict joins them (its
    get_spans_from_bio; written here so that running the tagger needs no flair): B- and S-
    start a span, as does a change of label at an I- tag; O ends one. A span's label is the one
    most of its tags carry (a span's first tag counts 1.1), its score their mean."""
    found: list[TokenRun] = []
    indices: list[int] = []
    scores: list[float] = []
    weights: dict[str, float] = {}
    previous = "O-"
    for index, (tag, score) in enumerate([*tagged, ("O", 0.0)]):
        tag = "O-" if tag in ("", "O", "_") else tag
        inside = tag != "O-"
        # flair also means to start one after an S- tag, but compares the label with "S-"
        # there, which never holds; the model's spans are flair's, so that is kept too.
        starts = tag[:2] in ("B-", "S-") or (inside and previous[2:] != tag[2:] and tag[:2] == "I-")
        if (starts or not inside) and indices:
            label = max(weights, key=weights.__getitem__)
            found.append((label, sum(scores) / len(scores), indices))
            indices, scores, weights = [], [], {}
        if inside:
            indices.append(index)
            scores.append(score)
            weights[tag[2:]] = weights.get(tag[2:], 0.0) + (1.1 if starts else 1.0)
        previous = tag
    return found


def _flair_spans(sentence: Sentence) -> list[TokenRun]:
    return [(span.get_label(TAG_TYPE).value, span.get_label(TAG_TYPE).score,
             [token.idx - 1 for token in span.tokens]) for span in sentence.get_spans(TAG_TYPE)]


def _spans(lines: Sequence[str], tokens: list[TokenFeatures], runs: list[TokenRun]) -> list[Span]:
    """Predicted spans as character ranges; a span that runs over a line break is cut at it."""
    found: list[Span] = []
    for label, score, indices in runs:
        run: list[TokenFeatures] = []
        for token in [*(tokens[i] for i in indices), None]:
            if run and (token is None or token.is_line_break or token.line != run[0].line):
                line, start, end = run[0].line, run[0].start, run[-1].end
                found.append(Span(label, lines[line][start:end], line, start, end, score))
                run = []
            if token is not None and not token.is_line_break:
                run.append(token)
    return sorted(found, key=lambda s: (s.line, s.start))
