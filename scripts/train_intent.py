"""Train the follow-up sentence model (mailhook/models/intent-sentences.npz) from our own sentences.

Usage: .venv/bin/python scripts/train_intent.py [--out PATH] [--report]

The training set is built here, from data we wrote, never from the corpus and never from the
held-out fixtures (fresh7 on, the dev sets, heldout/):
- tests/data/intent/train/<lang>.txt: templates per language ("+ " a follow-up, "- " none) with
  slots ("= obj: a | b"), each expanded to a few fills;
- sentence lists of our cue tests (requests.json, sentences.json);
- the fixture mails tuned on (fresh2-6) and the .eml fixtures, labelled at sentence level: in a
  follow-up mail the sentence a cue took (its expected task, for the .eml fixtures), in any
  other mail every sentence as none.
The held-out sets are read only to keep their sentences out: a template or mail any of whose
sentences shares half its word pairs (three at least) with a held-out sentence is dropped whole
(templates were written after fresh8 by the same hand, and some echoed its phrasings).
A dev split (a fifth of the templates and mails, whole, by a fixed seed) chooses the
regularisation and the probability threshold: the lowest at which the dev sentences' precision
is at least TARGET_PRECISION. The model is then trained on everything and saved with it.
Sentences longer than the 99th percentile of the training sentences (in words) are left to the
cues at run time: the model has seen none like them. scikit-learn is used here only; the
run-time side is NumPy (mailhook.automation.sentence_model).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from email import policy
from email.parser import BytesParser
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mailhook.automation import cues  # noqa: E402
from mailhook.automation.addressing import addressed, promising  # noqa: E402
from mailhook.automation.intent import detect_tasks, split_sentences  # noqa: E402
from mailhook.automation.model_gates import held_back  # noqa: E402
from mailhook.automation.sentence_model import BITS, MODEL_PATH, features  # noqa: E402

DATA = ROOT / "tests" / "data" / "intent"
TUNED_SETS = ("fresh2", "fresh3", "fresh4", "fresh5", "fresh6")  # never fresh7 on, the dev sets, heldout/
# The dev sets (dev_*.jsonl) choose how the model is used (docs/intent.md); the fresh sets after
# fresh6 are measured once, at the end. Every such file present is held out, so a set added later
# (fresh13, dev_helpdesk) is kept out of training without an edit here.
HELD_OUT = sorted(
    path
    for path in (*DATA.glob("fresh*.jsonl"), *DATA.glob("dev_*.jsonl"), *(DATA / "heldout").glob("*.jsonl"))
    if path.stem not in TUNED_SETS
)
NEAR_SHARE, NEAR_PAIRS = 0.5, 3  # a sentence this close to a held-out one keeps its group out
SEED = 15
FILLS = 12  # fills per template: enough variety of objects and times without drowning the rest
DEV_SHARE = 0.2
# On dev sentences, weighted as mail holds them (below). 0.97, not 0.95: the helpdesk templates' many
# easy fills let 0.95 fall to a threshold (0.61) at which dev_customer and dev_helpdesk mail got 3
# false alarms (self-service hints, a rhetorical answer); at 0.97 (0.70) none, and no follow-up lost.
TARGET_PRECISION = 0.97
# A mail holds several sentences that are none (greeting, news, thanks, sign-off) for each one
# that is a follow-up, and each is a chance to err: dev precision counts the none sentences as if
# there were NONE_PER_FOLLOWUP of them for each follow-up (our data holds fewer).
NONE_PER_FOLLOWUP = 4
C_VALUES = (1.0, 4.0, 16.0)
_SLOT = re.compile(r"\{(\w+)\}")

Example = tuple[str, int, str]  # sentence, label, group (a template or a mail: dev takes it whole)


def templates(path: Path) -> tuple[dict[str, list[str]], list[tuple[str, int]]]:
    """The slots and (template, label) pairs of one language's file."""
    slots: dict[str, list[str]] = {}
    found: list[tuple[str, int]] = []
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("= "):
            name, _, values = line[2:].partition(":")
            slots[name.strip()] = [value.strip() for value in values.split("|")]
        elif line[:2] in ("+ ", "- "):
            found.append((line[2:].strip(), int(line[0] == "+")))
    return slots, found


def expand(template: str, slots: dict[str, list[str]], rng: random.Random) -> list[str]:
    """Up to FILLS distinct sentences of a template, each slot filled at random ({Obj}: capitalised)."""
    names = _SLOT.findall(template)
    if not names:
        return [template]
    out: set[str] = set()
    for _ in range(FILLS * 3):
        def fill(match: re.Match[str]) -> str:
            name = match.group(1)
            value = rng.choice(slots[name.lower().rstrip("0123456789")])  # {fact2}: a second fact
            return value[:1].upper() + value[1:] if name[:1].isupper() else value
        out.add(_SLOT.sub(fill, template))
        if len(out) == FILLS:
            break
    return sorted(out)


def varied(sentence: str, rng: random.Random) -> str:
    """As mail writes it: after "Hi Anna," the sentence often starts lower-case; end marks get lost."""
    if rng.random() < 0.4:
        sentence = sentence[:1].lower() + sentence[1:]
    if rng.random() < 0.1:
        sentence = sentence.rstrip(".!")
    return sentence


def template_examples(rng: random.Random) -> list[Example]:
    examples: list[Example] = []
    for path in sorted((DATA / "train").glob("*.txt")):
        slots, pairs = templates(path)
        for number, (template, label) in enumerate(pairs):
            group = f"{path.stem}:{number}"
            examples.extend((varied(s, rng), label, group) for s in expand(template, slots, rng))
    return examples


def list_examples() -> list[Example]:
    examples: list[Example] = []
    for name in ("requests.json", "sentences.json"):
        data = json.loads((DATA / name).read_text("utf-8"))
        for key, label in (("positive", 1), ("negative", 0)):
            for lang, sentences in data[key].items():
                examples.extend((s, label, f"{name}:{lang}:{i}") for i, s in enumerate(sentences))
    return examples


def mail_examples(
    group: str, text: str, lang: str, followup: bool, wanted: list[str] | None
) -> list[Example]:
    """A mail's sentences: in a follow-up, those that carry it (given, or the cues' tasks); in
    other mail, all of them as none."""
    if not followup:
        return [(s, 0, group) for s in split_sentences(text, lang) if len(s.split()) >= 2]
    if wanted is None:
        wanted = [task.sentence for task in detect_tasks(text, language=lang).tasks]
    carriers = wanted
    return [(s, 1, group) for s in carriers]


def fixture_examples() -> list[Example]:
    examples: list[Example] = []
    for name in TUNED_SETS:
        lines = (DATA / f"{name}.jsonl").read_text("utf-8").splitlines()
        for number, record in enumerate(map(json.loads, lines)):
            group = f"{name}:{number}"
            examples += mail_examples(group, record["body"], record["lang"], record["followup"], None)
    for eml in sorted(DATA.glob("*.eml")):
        expected = json.loads(eml.with_suffix(".json").read_text("utf-8"))
        message = BytesParser(policy=policy.default).parsebytes(eml.read_bytes())
        body = message.get_body(preferencelist=("plain",))
        if body is None:
            continue
        wanted = [t["sentence"] for t in expected["tasks"]]
        lang = expected.get("language") or eml.name[:2]
        examples += mail_examples(eml.stem, body.get_content(), lang, bool(wanted), wanted)
    return examples


def word_pairs(sentence: str) -> set[tuple[str, str]]:
    words = re.findall(r"\w+", re.sub(r"\d", "0", sentence.casefold()))
    return set(zip(words, words[1:], strict=False))


def held_out_sentences() -> list[tuple[set[tuple[str, str]], str]]:
    """The word pairs of every sentence of the held-out mails (HELD_OUT), with where it is from."""
    found = []
    for path in HELD_OUT:
        for number, record in enumerate(map(json.loads, path.read_text("utf-8").splitlines())):
            sentences = split_sentences(record["body"], record["lang"])
            found += [(word_pairs(s), f"{path.relative_to(DATA)}:{number}") for s in sentences]
    return [(pairs, source) for pairs, source in found if len(pairs) >= NEAR_PAIRS]


def decontaminated(examples: list[Example]) -> tuple[list[Example], dict[str, str]]:
    """The examples without the groups (templates, mails) of which a sentence is near a held-out
    one, and those groups, each with the held-out mail it came near."""
    held = held_out_sentences()
    index: dict[tuple[str, str], list[int]] = {}
    for number, (pairs, _) in enumerate(held):
        for pair in pairs:
            index.setdefault(pair, []).append(number)
    near: dict[str, str] = {}
    for sentence, _, group in examples:
        shared: dict[int, int] = {}
        for pair in word_pairs(sentence):
            for number in index.get(pair, ()):
                shared[number] = shared.get(number, 0) + 1
        hits = [k for k, n in shared.items() if n >= NEAR_PAIRS and n >= NEAR_SHARE * len(held[k][0])]
        if hits and group not in near:
            near[group] = f"{sentence!r} ~ {held[hits[0]][1]}"
    return [e for e in examples if e[2] not in near], near


def matrix(sentences: list[str]) -> csr_matrix:
    """Rows as the run-time model reads them: each present feature 1/sqrt(count)."""
    rows, cols, vals = [], [], []
    for row, sentence in enumerate(sentences):
        index = features(sentence)
        rows.extend([row] * len(index))
        cols.extend(index.tolist())
        vals.extend([1.0 / max(len(index), 1) ** 0.5] * len(index))
    return csr_matrix((vals, (rows, cols)), shape=(len(sentences), 1 << BITS), dtype=np.float64)


def fit(x: csr_matrix, y: np.ndarray, c: float) -> LogisticRegression:
    # The none sentences weigh as mail holds them: NONE_PER_FOLLOWUP for each follow-up.
    weight = NONE_PER_FOLLOWUP * int((y == 1).sum()) / max(int((y == 0).sum()), 1)
    return LogisticRegression(
        C=c, max_iter=2000, solver="liblinear", class_weight={0: weight, 1: 1.0}, random_state=SEED
    ).fit(x, y)


def group_language(group: str) -> str:
    """The language of a template, list entry or mail group (for the run-time gates)."""
    head, _, rest = group.partition(":")
    if head in ("requests.json", "sentences.json"):
        return rest.partition(":")[0]
    if head in TUNED_SETS:
        lines = (DATA / f"{head}.jsonl").read_text("utf-8").splitlines()
        return json.loads(lines[int(rest)])["lang"]
    return "en" if head == "any" else head[:2]


def gated(example: Example) -> bool:
    """Whether run time lets the model read the sentence at all: it speaks to its reader, or, a
    statement, has the author as its subject (mailhook.automation.addressing), and it is none of
    what run time keeps from the model whatever it says (courtesy offers, what is sent with the
    mail, model_gates.held_back): a none sentence of those kinds must not raise the threshold."""
    sentence, _, group = example
    language = group_language(group)
    question = sentence.rstrip().endswith("?")
    if not (addressed(sentence, language) or (not question and promising(sentence, language))):
        return False
    languages = [lang for lang in dict.fromkeys((language, "en")) if lang in cues.BY_LANGUAGE]
    if any(cues.BY_LANGUAGE[lang].courtesy.search(sentence) for lang in languages):
        return False
    return not (cues.sends_now(sentence) or held_back(sentence, language))


def threshold_for(
    probabilities: np.ndarray, y: np.ndarray, allowed: np.ndarray | None = None
) -> tuple[float, float, float]:
    """The lowest threshold whose weighted dev precision is at least TARGET_PRECISION, with (P, R),
    counting as none what the run-time gates keep from the model (`allowed` False)."""
    none_weight = NONE_PER_FOLLOWUP * int((y == 1).sum()) / max(int((y == 0).sum()), 1)
    for threshold in np.arange(0.30, 0.995, 0.01):
        predicted = probabilities > threshold
        if allowed is not None:
            predicted &= allowed
        tp = int((predicted & (y == 1)).sum())
        fp = int((predicted & (y == 0)).sum()) * none_weight
        if tp and tp / (tp + fp) >= TARGET_PRECISION:
            return float(threshold), tp / (tp + fp), tp / int((y == 1).sum())
    return 0.995, float("nan"), 0.0


def report_languages(dev: list[Example], y: np.ndarray, predicted: np.ndarray, allowed: np.ndarray) -> None:
    """The dev split at the chosen threshold, per language: follow-ups taken, none sentences taken
    (unweighted), behind the run-time gates."""
    taken = predicted & allowed
    languages = np.array([group_language(e[2]) for e in dev])
    for language in sorted(set(languages)):
        mine = languages == language
        tp = int((taken & mine & (y == 1)).sum())
        fp = int((taken & mine & (y == 0)).sum())
        print(f"  dev {language}: follow-ups {tp}/{int((mine & (y == 1)).sum())}, "
              f"none taken {fp}/{int((mine & (y == 0)).sum())}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--report", action="store_true",
                        help="say why each dropped group was dropped, and the dev split per language")
    args = parser.parse_args()
    rng = random.Random(SEED)
    examples = template_examples(rng) + list_examples() + fixture_examples()
    # One sentence, one label: a sentence seen with both is dropped (it says nothing either way).
    labels: dict[str, set[int]] = {}
    for sentence, label, _ in examples:
        labels.setdefault(sentence, set()).add(label)
    examples = [e for e in examples if len(labels[e[0]]) == 1]
    examples, near = decontaminated(examples)
    print(f"dropped {len(near)} groups near a held-out sentence: {', '.join(sorted(near))}")
    if args.report:
        for group, why in sorted(near.items()):
            print(f"  {group}: {why}")
    groups = sorted({g for _, _, g in examples})
    random.Random(SEED).shuffle(groups)
    dev_groups = set(groups[: int(len(groups) * DEV_SHARE)])
    train = [e for e in examples if e[2] not in dev_groups]
    dev = [e for e in examples if e[2] in dev_groups]
    print(f"examples {len(examples)} ({sum(e[1] for e in examples)} follow-ups), groups {len(groups)}; "
          f"train {len(train)}, dev {len(dev)}")
    x_train, y_train = matrix([e[0] for e in train]), np.array([e[1] for e in train])
    x_dev, y_dev = matrix([e[0] for e in dev]), np.array([e[1] for e in dev])
    allowed = np.array([gated(e) for e in dev])
    positives, nones = int((y_dev == 1).sum()), int((y_dev == 0).sum())
    print(f"dev sentences the gates let the model read: {int(allowed[y_dev == 1].sum())} of {positives} "
          f"follow-ups, {int(allowed[y_dev == 0].sum())} of {nones} none")
    best = None
    for c in C_VALUES:
        probabilities = fit(x_train, y_train, c).predict_proba(x_dev)[:, 1]
        threshold, precision, recall = threshold_for(probabilities, y_dev, allowed)
        print(f"C {c:g}: dev threshold {threshold:.2f} precision {precision:.3f} recall {recall:.3f}")
        if best is None or recall > best[3]:
            best = (c, threshold, precision, recall, probabilities)
    assert best is not None
    c, threshold, precision, recall, probabilities = best
    if args.report:
        report_languages(dev, y_dev, probabilities > threshold, allowed)
        for (sentence, label, group), p, read in zip(dev, probabilities, allowed, strict=True):
            if label == 0 and read and p > threshold:
                print(f"  dev none taken: {group}: {sentence!r} ({p:.2f})")
    # Longer sentences than nearly all it learnt from are no kind the model has seen: it leaves them.
    max_words = int(np.percentile([len(e[0].split()) for e in examples], 99))
    model = fit(matrix([e[0] for e in examples]), np.array([e[1] for e in examples]), c)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        args.out,
        weights=model.coef_[0].astype(np.float32),
        bias=np.float32(model.intercept_[0]),
        threshold=np.float32(threshold),
        bits=np.int32(BITS),
        max_words=np.int32(max_words),
        about=np.str_(f"scripts/train_intent.py, seed {SEED}: {len(examples)} sentences, C {c:g}, "
                      f"threshold {threshold:.2f} (dev precision {precision:.3f}, recall {recall:.3f})"),
    )
    size = args.out.stat().st_size
    print(f"chose C {c:g}, threshold {threshold:.2f}, max words {max_words}; wrote {args.out} ({size} bytes)")


if __name__ == "__main__":
    main()
