"""Skip reasons in a user's words: every reason routing and the worker store has words."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from mailhook.outputs.reasons import in_words

PACKAGE = Path(__file__).resolve().parents[2] / "mailhook"


def _strings(node: ast.AST) -> set[str]:
    """The plain strings in an expression (an f-string's parts are not reasons of their own)."""
    if isinstance(node, ast.JoinedStr):
        return set()
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    return {s for child in ast.iter_child_nodes(node) for s in _strings(child)}


def _fixed_reasons() -> set[str]:
    """The reasons written as plain strings where they are made: `skip_reason=...` and
    `return False, "..."` in routing, `scan, skip = False, "..."` in the worker."""
    found: set[str] = set()
    routing = ast.parse((PACKAGE / "rules" / "routing.py").read_text("utf-8"))
    for node in ast.walk(routing):
        if isinstance(node, ast.keyword) and node.arg == "skip_reason":
            found |= _strings(node.value)
        if isinstance(node, ast.Return) and isinstance(node.value, ast.Tuple):
            found |= _strings(node.value.elts[-1])
    worker = ast.parse((PACKAGE / "worker" / "processing.py").read_text("utf-8"))
    for node in ast.walk(worker):
        if (isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Tuple)
                and isinstance(node.value, ast.Tuple)):
            names = [t.id for t in node.targets[0].elts if isinstance(t, ast.Name)]
            if "skip" in names:
                found |= _strings(node.value.elts[names.index("skip")])
    return found


def test_every_fixed_reason_the_code_writes_has_words() -> None:
    """A new reason added to routing or the worker must get words here too."""
    reasons = _fixed_reasons()
    assert {"team address", "sender is not a contact", "fill contact details off"} <= reasons
    assert sorted(r for r in reasons if in_words(r) == r) == []


@pytest.mark.parametrize(("reason", "words"), [
    ("dkim:none", "DKIM did not pass (none) and [dkim] policy is require"),
    ("dkim:temperror", "DKIM did not pass (temperror) and [dkim] policy is require"),
    ("language:ja", "written in Japanese, which mailhook does not read yet"),
    ("author in doubt: a group in the From field",
     "the sender cannot be believed: a group in the From field"),
    ("original author in doubt: more than one to field",
     "the forwarded original's sender cannot be believed: more than one to field"),
    ("sender not shown to be the user (dkim:fail)",
     "the sender was not shown to be the user: DKIM did not pass (fail) and [dkim] policy is require"),
    ("old@example.com is no longer a user", "sent to old@example.com, who is no longer a user"),
])
def test_reasons_with_a_detail_keep_it(reason: str, words: str) -> None:
    """The verdict, the language's name, the problem or the address stay in the words."""
    assert in_words(reason) == words


def test_an_unknown_reason_is_given_as_stored() -> None:
    """A reason stored by another version still says something."""
    assert in_words("something new") == "something new"
    assert in_words("language:xx") == "written in xx, which mailhook does not read yet"
