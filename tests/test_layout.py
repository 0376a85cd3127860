"""The tree shows the flow: one folder per stage, imports only downward, no circles, small modules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "mailhook"
# Top to bottom: a module may import its own stage and the stages below it, never one above.
STAGES = (
    "cli", "service", "web", "worker", "automation", "outputs", "training", "pipeline", "store", "rules",
    "trust",
)
SHARED = ("clients", "config", "database_url", "errors", "model", "mailbox", "safe_text")  # below every stage
MOST_LINES = 400


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imported(module: str, path: Path) -> set[str]:
    """The mailhook modules `module` imports, anywhere in it (lazy imports count too)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            names |= {base} | {f"{base}.{alias.name}" for alias in node.names}
    known = modules()
    return {name for name in names if name in known and name != module}


def rank(module: str) -> int:
    """0 for the shared modules, then one more for each stage up to the CLI."""
    part = module.split(".")[1] if "." in module else ""
    if part in SHARED or module == "mailhook":
        return 0
    return len(STAGES) - STAGES.index(part)


def test_every_module_belongs_to_a_stage_or_is_shared() -> None:
    """`ls mailhook` shows the stages: nothing else lives at the top."""
    strays = [m for m in modules() if m != "mailhook" and m.split(".")[1] not in (*STAGES, *SHARED)]
    assert strays == []


@pytest.mark.parametrize("stage", STAGES)
def test_each_stage_says_what_it_does_and_may_use(stage: str) -> None:
    """Each stage's __init__ has a docstring, which names what it may use (or that it is the top)."""
    tree = ast.parse((PACKAGE / stage / "__init__.py").read_text("utf-8"))
    doc = ast.get_docstring(tree)
    assert doc, f"mailhook/{stage}/__init__.py needs a docstring"


def test_no_module_imports_from_a_stage_above_it() -> None:
    """Data flows one way: the CLI and the service down to reading, rules, trust and the store."""
    upward = [
        f"{module} -> {target}"
        for module, path in modules().items()
        for target in imported(module, path)
        if rank(target) > rank(module)
    ]
    assert upward == []


def test_no_import_circles() -> None:
    """No module reaches itself through its imports."""
    graph = {module: imported(module, path) for module, path in modules().items()}
    # A package's __init__ that re-exports its own modules is not a circle of code.
    for module in graph:
        graph[module] = {t for t in graph[module] if not module.startswith(t + ".")}
    done: set[str] = set()

    def visit(module: str, trail: list[str]) -> list[str] | None:
        if module in trail:
            return trail[trail.index(module):] + [module]
        if module in done:
            return None
        for target in sorted(graph[module]):
            if (circle := visit(target, [*trail, module])) is not None:
                return circle
        done.add(module)
        return None

    circles = [circle for module in sorted(graph) if (circle := visit(module, []))]
    assert circles == []


def test_modules_stay_small() -> None:
    """One responsibility per module: none over about 400 lines."""
    large = {m: n for m, p in modules().items() if (n := len(p.read_text("utf-8").splitlines())) > MOST_LINES}
    assert large == {}
