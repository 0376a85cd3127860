"""Findings of the review of pipeline/network.py (the tagger run without flair), on the shipped
weights. Each failed before its fix."""

from __future__ import annotations

import itertools
import random
import string
import tracemalloc

from mailhook.pipeline import network
from mailhook.pipeline.tagger import SignatureTagger
from mailhook.pipeline.tokens import Span


def _keys(spans: list[Span]) -> list[tuple[str, str, int, int, int]]:
    return [(s.label, s.text, s.line, s.start, s.end) for s in spans]


def test_a_full_character_cache_still_tags_a_block_with_known_tokens() -> None:
    """A long-running worker's cache reaches MOST_CACHED_TOKENS distinct tokens; the next block
    that holds a token seen before ('Bob', or the line-break token every block has) and a few
    new ones must be tagged as a fresh tagger tags it, not fail the message."""
    tagger = SignatureTagger.load()
    words = ("".join(letters) for letters in itertools.product(string.ascii_lowercase, repeat=4))
    seen = ["Bob", *itertools.islice(words, network.MOST_CACHED_TOKENS - 2)]
    tagger.tag_many([[" ".join(seen)]])
    block = ["Bob Smith", "Sales Director"]
    assert _keys(tagger.tag(block)) == _keys(SignatureTagger.load().tag(block))


def _traced_peak(tagger: SignatureTagger, blocks: list[list[str]]) -> int:
    """The most memory NumPy held at once (tracemalloc sees its arrays, not torch's tensors)
    while the tagger read the blocks in one batch."""
    tracemalloc.start()
    try:
        tagger.tag_many(blocks)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_one_long_token_in_a_group_costs_no_more_than_read_alone() -> None:
    """Three innocent signature blocks with names and numbers the tagger has not seen, and a
    hostile one whose line is a single 990-letter token (the pipeline keeps 1,000 characters a
    line and 1,500 a block, so it passes). A batch may cost what its blocks cost alone, added
    up; read as one group (extract_many), each innocent token is padded to 990 characters: here
    about 10 times that sum, and with seven blocks of 240 new tokens each 750 MB of resident
    memory against 285 MB one by one (measured in the review). Bucketing the new tokens by
    length (each bucket's longest at most twice its shortest) bounds the padding to twice their
    characters and makes this pass."""
    rng = random.Random(13)

    def word() -> str:
        return "".join(rng.choice(string.ascii_letters) for _ in range(rng.randint(3, 7)))

    innocent = [[" ".join(word() for _ in range(4)) for _ in range(30)] for _ in range(3)]
    hostile = ["Best regards,", "Sam", "x" * 990]
    alone = SignatureTagger.load()
    each_alone = sum(_traced_peak(alone, [block]) for block in [*innocent, hostile])
    together = _traced_peak(SignatureTagger.load(), [*innocent, hostile])
    assert together <= 2 * each_alone
