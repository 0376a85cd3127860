"""Train the signature tagger offline on synthetic signatures and report held-out span F1.

    .venv/bin/python scripts/train_tagger.py --size 6000 --epochs 10

Seen locales are scored on fresh signatures from the training locales; unseen locales
(`HELD_OUT_LOCALES`: es_CO, nl_BE, ro_RO, sk_SK by default) never appear in training, not even as
another locale's address donor. Scores come from the saved-and-reloaded model.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import flair  # noqa: E402
import torch  # noqa: E402
from flair.data import Corpus, Dictionary, Sentence  # noqa: E402
from flair.datasets import SentenceDataset  # noqa: E402
from flair.embeddings import CharacterEmbeddings, OneHotEmbeddings, StackedEmbeddings  # noqa: E402
from flair.models import SequenceTagger  # noqa: E402
from flair.trainers import ModelTrainer  # noqa: E402

from mailhook.pipeline import network  # noqa: E402
from mailhook.pipeline.tagger import (  # noqa: E402
    MODEL_FILE,
    TAG_TYPE,
    WEIGHTS_FILE,
    SignatureTagger,
    make_sentence,
    quiet_flair,
)
from mailhook.pipeline.tokens import LINE_BREAK, Span  # noqa: E402
from mailhook.training import client_noise  # noqa: E402
from mailhook.training.alignment import gold_keys, score_spans, span_keys, token_spans  # noqa: E402
from mailhook.training.generator import (  # noqa: E402
    HELD_OUT_LOCALES,
    LOCALES,
    LabelledSignature,
    SignatureGenerator,
)

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "mailhook" / "models" / MODEL_FILE


def labelled_sentence(signature: LabelledSignature) -> Sentence:
    """The flair Sentence of a synthetic signature, with its entities as span labels."""
    sentence, tokens = make_sentence(signature.lines)
    for label, first, last in token_spans(tokens, signature.entities):
        sentence[first : last + 1].add_label(TAG_TYPE, label)
    return sentence


def build_tagger(corpus: Corpus, train: list[LabelledSignature], hidden: int) -> SequenceTagger:
    """BiLSTM-CRF over characters plus one-hot word, shape, position and line-kind embeddings."""
    chars = Dictionary(add_unk=True)
    for char in sorted({c for s in train for line in s.lines for c in line} | {LINE_BREAK}):
        chars.add_item(char)
    embeddings = StackedEmbeddings(
        [
            CharacterEmbeddings(chars),  # a dictionary of our own: the default one is downloaded
            OneHotEmbeddings.from_corpus(corpus, field="word", min_freq=3, embedding_length=32),
            OneHotEmbeddings.from_corpus(corpus, field="shape", min_freq=2, embedding_length=16),
            OneHotEmbeddings.from_corpus(corpus, field="position", min_freq=1, embedding_length=8),
            OneHotEmbeddings.from_corpus(corpus, field="line", min_freq=1, embedding_length=8),
        ],
        # Renaming puts the features in a different order after save and reload (F1 0.985 ->
        # 0.0015 in our measurements); keep the embeddings' own, distinct names.
        overwrite_names=False,
    )
    tags = corpus.make_label_dictionary(TAG_TYPE, add_unk=False)
    return SequenceTagger(hidden_size=hidden, embeddings=embeddings, tag_dictionary=tags,
                          tag_type=TAG_TYPE, use_crf=True, use_rnn=True)


def evaluate(tagger: SignatureTagger, signatures: list[LabelledSignature], title: str) -> float:
    """Print exact-span P/R/F1 per label; return the micro F1."""
    predicted = tagger.tag_many([s.lines for s in signatures])
    gold = [gold_keys(make_sentence(s.lines)[1], s.entities) for s in signatures]
    scores = score_spans(gold, [span_keys(p) for p in predicted])
    print(f"\n{title}\n{'label':10} {'P':>6} {'R':>6} {'F1':>6} {'n':>6}")
    for s in scores:
        print(f"{s.label:10} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.support:6d}")
    return scores[-1].f1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=6000, help="training signatures")
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--hidden", type=int, default=128, help="BiLSTM hidden size")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--eval-size", type=int, default=600, help="signatures per held-out set")
    parser.add_argument("--held-out", nargs="*", default=list(HELD_OUT_LOCALES))
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--client-noise", type=float, default=client_noise.RATE,
                        help="share of signatures a mail client's changes reach (every split)")
    args = parser.parse_args(argv)

    torch.set_num_threads(1)  # the machine is shared; a second thread barely helps anyway
    flair.set_seed(args.seed)
    seen = [loc for loc in LOCALES if loc not in args.held_out]
    lent = set(args.held_out) & {LOCALES[loc].address for loc in seen}
    if lent:
        parser.error(f"held-out locales lend addresses to training locales: {sorted(lent)}")
    generating = time.monotonic()
    noise = args.client_noise
    train = SignatureGenerator(seen, seed=args.seed, noise_rate=noise).take(args.size)
    print(f"generated {args.size} training signatures from {len(seen)} locales in "
          f"{time.monotonic() - generating:.1f} s", flush=True)
    dev = SignatureGenerator(seen, seed=args.seed + 1, noise_rate=noise).take(max(200, args.size // 20))
    test_seen = SignatureGenerator(seen, seed=args.seed + 2, noise_rate=noise).take(args.eval_size)
    test_unseen = SignatureGenerator(args.held_out, seed=args.seed + 3, noise_rate=noise).take(args.eval_size)
    corpus = Corpus(SentenceDataset([labelled_sentence(s) for s in train]),
                    SentenceDataset([labelled_sentence(s) for s in dev]),
                    None, sample_missing_splits=False)
    with quiet_flair():
        model = build_tagger(corpus, train, args.hidden)

    started = time.monotonic()
    with tempfile.TemporaryDirectory() as work:
        ModelTrainer(model, corpus).train(
            work, learning_rate=0.1, mini_batch_size=32, max_epochs=args.epochs,
            embeddings_storage_mode="none", save_final_model=False, create_file_logs=False,
            create_loss_file=False)
    minutes = (time.monotonic() - started) / 60
    args.out.parent.mkdir(parents=True, exist_ok=True)
    model.save(args.out)
    print(f"\ntrained {args.size} signatures x {args.epochs} epochs in {minutes:.1f} min on "
          f"{torch.get_num_threads()} thread(s); {args.out} {args.out.stat().st_size / 1e6:.2f} MB")

    # What mailhook runs: the same weights as arrays, loaded with torch alone (no flair).
    weights_file = args.out.with_name(WEIGHTS_FILE if args.out.name == MODEL_FILE else f"{args.out.stem}.npz")
    network.save(network.flair_weights(model), weights_file)
    print(f"{weights_file} {weights_file.stat().st_size / 1e6:.2f} MB")
    reloaded = SignatureTagger.load(weights_file)
    in_memory = SignatureTagger.from_flair(model)
    sample = [s.lines for s in test_unseen[:100]]
    if in_memory.tag_many(sample) != reloaded.tag_many(sample):
        print("ERROR: the reloaded weights predict differently from the trained model", file=sys.stderr)
        return 1
    if not _agree(reloaded.tag_many(sample), SignatureTagger.load(args.out).tag_many_with_flair(sample)):
        print("ERROR: mailhook's network (pipeline/network.py) tags differently from flair's "
              "predict on this model", file=sys.stderr)
        return 1
    evaluate(reloaded, test_seen, f"held-out signatures, seen locales ({len(seen)})")
    evaluate(reloaded, test_unseen, f"held-out signatures, unseen locales {args.held_out}")
    return 0


def _agree(ours: list[list[Span]], flairs: list[list[Span]]) -> bool:
    """The same spans, their confidences equal up to float32 rounding of batched arithmetic."""
    def key(spans: list[Span]) -> list[tuple[str, int, int, int]]:
        return [(s.label, s.line, s.start, s.end) for s in spans]

    def close(a: list[Span], b: list[Span]) -> bool:
        return all(abs(x.confidence - y.confidence) < 1e-4 for x, y in zip(a, b, strict=True))

    return all(key(a) == key(b) and close(a, b) for a, b in zip(ours, flairs, strict=True))


if __name__ == "__main__":
    sys.exit(main())
