"""pipeline/network.py runs the shipped tagger's layers itself: it must tag as flair's predict does."""

from __future__ import annotations

import random
from importlib import resources
from pathlib import Path

import pytest

from mailhook.pipeline import network
from mailhook.pipeline.tagger import MODEL_FILE, WEIGHTS_FILE, SignatureTagger, _bio_spans, load_flair_model
from mailhook.pipeline.tokens import Span
from mailhook.training.generator import HELD_OUT_LOCALES, SignatureGenerator

# Blocks that stress what flair does per token: repeated tokens (its character embeddings pair
# tokens by their characters), characters outside its dictionary, one token, blank lines.
AWKWARD = [
    ["Best,", "Tom", "", "Tom Tom Tom", "Tel +1 555 0100", "Tel +1 555 0100"],
    ["田中 太郎", "営業部 部長", "東京都千代田区丸の内1-1-1", "☎ 03-1234-5678"],
    ["Ⅻ ℌ ⅋ ꙮ 𝔄𝔅", "—", "Ölçü Kılıç Şirketi A.Ş."],
    ["X"],
    ["", "   ", ""],
    [],
    ["a" * 300 + " " + "B" * 120],
]


@pytest.fixture(scope="module")
def tagger() -> SignatureTagger:
    return SignatureTagger.load()


def _keys(spans: list[Span]) -> list[tuple[str, str, int, int, int]]:
    return [(s.label, s.text, s.line, s.start, s.end) for s in spans]


def _assert_same(ours: list[list[Span]], flairs: list[list[Span]]) -> None:
    assert [_keys(s) for s in ours] == [_keys(s) for s in flairs]
    for a, b in zip(ours, flairs, strict=True):
        # Batched float32 arithmetic may round the last digits differently, nothing more.
        assert [s.confidence for s in a] == pytest.approx([s.confidence for s in b], abs=1e-4)


def test_network_tags_generated_signatures_as_flair_does(tagger: SignatureTagger) -> None:
    """On 300 generated signatures from locales the tagger never trained on, every span and its
    confidence are flair's."""
    blocks = [s.lines for s in SignatureGenerator(HELD_OUT_LOCALES, seed=11).take(300)]
    ours = tagger.tag_many(blocks)
    assert sum(map(len, ours)) > 600  # the comparison is about real predictions, not empty lists
    _assert_same(ours, tagger.tag_many_with_flair(blocks))


def test_network_tags_awkward_blocks_as_flair_does(tagger: SignatureTagger) -> None:
    """Repeated tokens, unknown characters, a lone token, blank and empty blocks."""
    _assert_same(tagger.tag_many(AWKWARD), tagger.tag_many_with_flair(AWKWARD))


def test_the_shipped_weights_are_the_shipped_flair_models() -> None:
    """mailhook runs signature-tagger.npz; it must hold exactly the weights of the flair model
    beside it (the training script writes both), or the comparisons above prove nothing."""
    import numpy as np

    models = resources.files("mailhook").joinpath("models")
    with resources.as_file(models / MODEL_FILE) as model, resources.as_file(models / WEIGHTS_FILE) as arrays:
        expected = network.flair_weights(load_flair_model(model))
        with np.load(arrays, allow_pickle=False) as shipped:
            assert sorted(shipped.files) == sorted(expected)
            for key, value in expected.items():
                assert np.array_equal(shipped[key], value), key


@pytest.mark.parametrize("seed", range(40))
def test_spans_are_joined_from_tags_as_flair_joins_them(seed: int) -> None:
    """tagger._bio_spans is our copy of flair's get_spans_from_bio (so that running the tagger
    needs no flair): on random, often ill-formed tag sequences they agree."""
    from flair.data import get_spans_from_bio

    rng = random.Random(seed)
    tags = [rng.choice(["O", "S-NAME", "B-NAME", "I-NAME", "E-NAME", "B-ORG", "I-ORG", "E-ORG",
                        "S-CITY", "I-CITY", ""]) for _ in range(rng.randint(0, 30))]
    scores = [rng.random() for _ in tags]
    theirs = [(label, score, indices) for indices, score, label in get_spans_from_bio(list(tags), scores)]
    assert _bio_spans(list(zip(tags, scores, strict=True))) == theirs


def test_each_block_is_tagged_alike_alone_or_in_any_batch(tagger: SignatureTagger) -> None:
    """A block's spans do not depend on the blocks batched with it, nor on the cached
    character embeddings of earlier calls."""
    blocks = [s.lines for s in SignatureGenerator(seed=5).take(70)] + AWKWARD
    fresh = SignatureTagger.from_flair(tagger.model, batch_size=7)
    _assert_same(fresh.tag_many(blocks[::-1])[::-1], [tagger.tag(lines) for lines in blocks])


def test_the_character_cache_stays_bounded_by_characters(tagger: SignatureTagger) -> None:
    """Tokens as long as a line (the pipeline keeps 1,000 characters of one) fill the cache by
    their characters, not their count: it is emptied before it holds MOST_CACHED_CHARACTERS,
    and a block is tagged alike before and after that."""
    fresh = SignatureTagger(network.Network.load(_shipped_weights()))
    words = ("".join(random.Random(n).choices("abcdefghij", k=900)) for n in range(700))
    block = ["Jane Doe", "Head of Sales", "Acme Ltd"]
    before = fresh.tag(block)
    assert network.MOST_CACHED_CHARACTERS < 700 * 900  # the words overflow it
    for word in words:
        fresh.tag([word])
        assert fresh._network._cached_characters <= network.MOST_CACHED_CHARACTERS
    assert _keys(fresh.tag(block)) == _keys(before)


def _shipped_weights() -> Path:
    return Path(str(resources.files("mailhook").joinpath("models", WEIGHTS_FILE)))


@pytest.mark.parametrize("lengths", [[1], [7, 7, 7], [30, 12, 5, 1], [3, 2, 2, 1, 1]])
def test_the_numpy_lstm_computes_torchs_lstm(lengths: list[int]) -> None:
    """BiLSTM against torch.nn.LSTM (bidirectional, one layer) with random weights, on padded
    batches of unequal lengths: torch's outputs, zeros past each length."""
    import numpy as np
    import torch
    from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

    torch.manual_seed(len(lengths))
    reference = torch.nn.LSTM(6, 5, bidirectional=True, batch_first=True).eval()
    weights = {f"layer.{key}": value.detach().numpy() for key, value in reference.state_dict().items()}
    x = np.random.default_rng(sum(lengths)).standard_normal((len(lengths), lengths[0], 6)).astype(np.float32)
    for row, length in enumerate(lengths):
        x[row, length:] = 0
    with torch.inference_mode():
        packed = pack_padded_sequence(torch.from_numpy(x), torch.tensor(lengths), batch_first=True)
        expected, _ = pad_packed_sequence(reference(packed)[0], batch_first=True)
    got = network.BiLSTM(weights, "layer")(x, lengths)
    assert got.shape == (len(lengths), lengths[0], 10)
    assert np.abs(got - expected.numpy()).max() < 1e-5


def test_the_numpy_lstm_is_right_where_its_gates_overflow_exp() -> None:
    """Weights so large that the gates reach hundreds: exp overflows to inf inside the sigmoid
    (np.errstate keeps it quiet) and 1 / (1 + inf) must give torch's 0, with no NaN anywhere."""
    import warnings

    import numpy as np
    import torch

    torch.manual_seed(3)
    reference = torch.nn.LSTM(6, 5, bidirectional=True, batch_first=True).eval()
    with torch.no_grad():
        for value in reference.parameters():
            value.mul_(400.0)
    weights = {f"layer.{key}": value.detach().numpy() for key, value in reference.state_dict().items()}
    x = np.random.default_rng(3).standard_normal((2, 9, 6)).astype(np.float32)
    with torch.inference_mode():
        expected = reference(torch.from_numpy(x))[0].numpy()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an overflow warning would be one in production logs
        got = network.BiLSTM(weights, "layer")(x, [9, 9])
    assert np.isfinite(got).all()
    assert np.abs(got - expected).max() < 1e-5


def _random_blocks(seed: int, count: int) -> list[list[str]]:
    rng = random.Random(seed)
    words = ["".join(rng.choices("abcdefghijklmnopq", k=rng.randint(1, 12))) for _ in range(400)]
    return [[" ".join(rng.choices(words, k=4)) for _ in range(3)] for _ in range(count)]


def test_threads_tagging_at_once_tag_as_one_does() -> None:
    """Four threads share one tagger whose character cache is emptied often (small bounds):
    each gets the spans a lone tagger gives. A thread read the cache after another emptied it
    (KeyError) before each call kept the vectors it embedded."""
    import sys
    import threading

    import numpy as np

    blocks = {seed: _random_blocks(seed, 60) for seed in range(4)}
    alone = SignatureTagger(network.Network.load(_shipped_weights()))
    expected = {seed: [_keys(alone.tag(b)) for b in bs] for seed, bs in blocks.items()}
    with np.load(_shipped_weights(), allow_pickle=False) as stored:
        weights = {key: stored[key] for key in stored.files}
    shared = SignatureTagger(network.Network(weights, most_cached_tokens=20))
    got: dict[int, list[object]] = {}

    def run(seed: int) -> None:
        try:
            got[seed] = [_keys(shared.tag(b)) for b in blocks[seed]]
        except Exception as exc:  # noqa: BLE001 - the test reports it below
            got[seed] = [exc]

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads switch between nearly every bytecode: races show
    try:
        threads = [threading.Thread(target=run, args=(seed,)) for seed in blocks]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert got == expected


def test_tagging_leaves_the_processs_blas_threads_as_it_found_them() -> None:
    """The tagger runs BLAS on one thread, but only while it tags: the rest of the process
    (an embedder's NumPy, torch in the training script) keeps the threads it had. Loading the
    tagger set one thread for good."""
    import threadpoolctl

    def blas_threads() -> set[int]:
        return {lib["num_threads"] for lib in threadpoolctl.threadpool_info()
                if lib["user_api"] == "blas"}

    with threadpoolctl.threadpool_limits(3, user_api="blas"):
        assert blas_threads() == {3}
        tagger = SignatureTagger(network.Network.load(_shipped_weights()))
        tagger.tag(["Jane Doe", "Head of Sales", "Acme Ltd"])
        assert blas_threads() == {3}


def test_a_long_block_is_not_batched_with_short_ones_padded_to_its_length() -> None:
    """A block of 22 lines of one-letter words (3,000 tokens; the block finder keeps 22 lines
    of up to 1,000 characters) tagged with 31 ordinary ones: every block of a batch was padded
    to the longest, so the 31 cost what 31 such blocks cost (950 MB of arrays here; 3.5 GB and
    14 s at 11,000 tokens, against 180 MB and 0.9 s for the long block alone). Batches are now
    bounded by their padded tokens, so the long one goes alone and the spans are unchanged."""
    import tracemalloc

    tagger = SignatureTagger(network.Network.load(_shipped_weights()))
    long_block = [" ".join("a" * 136)] * 22
    ordinary = [s.lines for s in SignatureGenerator(seed=9).take(31)]
    expected = [tagger.tag(lines) for lines in ordinary]
    tracemalloc.start()
    try:
        got = tagger.tag_many([long_block, *ordinary])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 300 * 2**20, f"{peak / 2**20:.0f} MB"
    _assert_same(got[1:], expected)
