"""The package's layers, as the README documents them: a module imports only its own layer and those
below it, at the top of the file or inside a function alike (read from the source with ast)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import cstofacts

PACKAGE = Path(cstofacts.__file__).parent

# Lowest first. A module belongs to the first layer with a prefix that names it.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "base",
        (
            "cstofacts.errors",
            "cstofacts.text",
            "cstofacts.dates",
            "cstofacts.model",
            "cstofacts.records",
            "cstofacts.english",
            "cstofacts.criteria",
            "cstofacts.lexicon",
            "cstofacts.provenance",
            "cstofacts.env",
            "cstofacts.safe",
            "cstofacts.paging",
        ),
    ),
    ("store", ("cstofacts.store",)),
    ("query", ("cstofacts.query",)),
    (
        "answer",
        (
            "cstofacts.answer",
            "cstofacts.asked_works",
            "cstofacts.cuts",
            "cstofacts.dating",
            "cstofacts.plan",
            "cstofacts.sorts",
            "cstofacts.verdict",
            "cstofacts.carries",
        ),
    ),
    ("drafting", ("cstofacts.drafting", "cstofacts.drafttoml", "cstofacts.mentions")),
    ("output", ("cstofacts.output",)),
    ("cli", ("cstofacts.cli", "cstofacts.__main__")),
)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(module: str) -> int | None:
    for rank, (_, prefixes) in enumerate(LAYERS):
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return rank
    return None  # the package itself (its version), which any layer may read


def imported(path: Path) -> set[str]:
    """Every cstofacts module a file imports, anywhere in it."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("cstofacts"):
            # `from cstofacts.store import sql` imports the module cstofacts.store.sql.
            found.update(
                f"{node.module}.{a.name}"
                if (PACKAGE.parent / f"{node.module}.{a.name}".replace(".", "/")).is_dir()
                or (PACKAGE.parent / (f"{node.module}.{a.name}".replace(".", "/") + ".py")).exists()
                else node.module
                for a in node.names
            )
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("cstofacts"))
    return found


# cstofacts.data and cstofacts.docs ship the dataset and the manual page: files, not code.
RESOURCES = ("cstofacts.data", "cstofacts.docs")
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if not module_name(p).startswith(RESOURCES))


def test_every_module_has_a_layer() -> None:
    assert [module_name(p) for p in MODULES if layer(module_name(p)) is None] == ["cstofacts"]


@pytest.mark.parametrize("path", MODULES, ids=[module_name(p) for p in MODULES])
def test_no_module_imports_a_layer_above_its_own(path: Path) -> None:
    own = layer(module_name(path))
    if own is None:
        return
    above = sorted(m for m in imported(path) if (rank := layer(m)) is not None and rank > own)
    assert above == [], f"{module_name(path)} ({LAYERS[own][0]}) imports {above}"


def test_the_check_sees_an_import_inside_a_function(tmp_path: Path) -> None:
    source = tmp_path / "probe.py"
    source.write_text("def f():\n    from cstofacts.cli import present\n    import cstofacts.answer\n")
    assert imported(source) == {"cstofacts.cli.present", "cstofacts.answer"}


def test_only_the_views_import_rich() -> None:
    """Rich is drawn with in output/views/ alone (and there only inside the functions that draw)."""
    outside = []
    for path in MODULES:
        if module_name(path).startswith("cstofacts.output.views"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        typing_only = {
            id(inner)
            for block in ast.walk(tree)
            if isinstance(block, ast.If) and ast.unparse(block.test).endswith("TYPE_CHECKING")
            for inner in ast.walk(block)
        }  # names for mypy only: nothing is imported when the code runs
        for node in ast.walk(tree):
            if id(node) in typing_only:
                continue
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            names += [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if any(n == "rich" or n.startswith("rich.") for n in names):
                outside.append(module_name(path))
    assert outside == []
