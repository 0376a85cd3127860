"""The signature entity tagger: a flair BiLSTM-CRF that finds names, titles, organisations and
address parts in signature lines. The module that loads torch and flair (lazily); network.py runs
the loaded model's layers.

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

MODEL_FILE = "signature-tagger.pt"
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
        self._network = Network(model, batch_size)

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
                self._model.predict(sentences, mini_batch_size=self._batch_size, verbose=False)
        return [_spans(lines, tokens, _flair_spans(sentence))
                for lines, (sentence, tokens) in zip(blocks, built, strict=True)]


TokenRun = tuple[str, float, list[int]]  # a predicted span: label, score, its token indices


def _bio_spans(tagged: list[tuple[str, float]]) -> list[TokenRun]:
    """Spans from per-token BIOES tags, joined exactly as flair's predict joins them."""
    from flair.data import get_spans_from_bio

    found = get_spans_from_bio([tag for tag, _ in tagged], [score for _, score in tagged])
    return [(label, score, indices) for indices, score, label in found]


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
