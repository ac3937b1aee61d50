"""scripts/mutate.py, the mutation tester: it reaches every module, and makes the mutants it says.

Nothing here runs a mutant: that is the script's own work (docs/testing.md, "Mutation testing").
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from helpers import ROOT, script

mutate = script("mutate")


def test_every_module_of_the_package_is_a_target_with_tests() -> None:
    every = {p.relative_to(ROOT).as_posix() for p in (ROOT / "cstofacts").rglob("*.py")}
    # Only the __init__ files that declare nothing but a docstring, imports or the version are left out.
    assert every - set(mutate.TARGETS) == {
        "cstofacts/__init__.py",
        "cstofacts/cli/commands/__init__.py",
        "cstofacts/output/__init__.py",
        "cstofacts/output/views/__init__.py",
        "cstofacts/query/__init__.py",
    }
    assert mutate.unmapped() == []
    for path in mutate.TARGETS:
        tests = mutate.tests_for(path)
        assert tests, path
        assert all((ROOT / test).is_file() for test in tests), path


def test_the_groups_cover_the_packages() -> None:
    groups = mutate.GROUPS
    assert set(groups) >= {"top-level", "cli", "output", "query", "store", "formats", "dates", "validator"}
    packages = [p for name in ("top-level", "cli", "output", "query", "store") for p in groups[name]]
    assert sorted(packages) == sorted(mutate.TARGETS)
    assert "cstofacts/cli/commands/ask.py" in groups["cli"]
    assert "cstofacts/dates.py" in groups["top-level"]


@pytest.mark.parametrize(
    ("name", "modules"),
    [
        ("store/sql/__init__.py", ["cstofacts/store/sql/__init__.py"]),
        ("cstofacts/store/sql/schema.py", ["cstofacts/store/sql/schema.py"]),
        ("cstofacts.store.sql.schema", ["cstofacts/store/sql/schema.py"]),
        ("schema", ["cstofacts/store/sql/schema.py"]),
        ("store.validate", ["cstofacts/store/validate.py"]),
        ("cli/__init__", ["cstofacts/cli/__init__.py"]),
        (
            "validator",
            ["cstofacts/store/validate.py", "cstofacts/store/checks.py", "cstofacts/store/claims.py"],
        ),
    ],
)
def test_a_module_is_named_by_its_path_dotted_name_or_stem(name: str, modules: list[str]) -> None:
    assert mutate._modules(name) == modules


@pytest.mark.parametrize(("name", "says"), [("validate", "names 2 modules"), ("nosuch", "unknown module")])
def test_an_unknown_or_ambiguous_module_is_refused(name: str, says: str) -> None:
    with pytest.raises(SystemExit, match=says):
        mutate._modules(name)


SAMPLE = """\
import os


def check(st, text, items, a, b):
    if st.st_uid != os.getuid():
        raise PermissionError(text)
    if st.st_mode & 0o022:
        return "writable"
    shown = visible(text, layout=True)
    order = sorted(items, key=len, reverse=True)
    if not items:
        raise SystemExit(3)
    return shown[a:b], order, f"{one_line(text)}"
"""


def test_each_new_kind_is_made_where_it_applies(tmp_path: Path) -> None:
    path = tmp_path / "sample.py"
    path.write_text(SAMPLE, encoding="utf-8")
    found = mutate.find_mutants(path)
    made = {(m.kind, m.replacement) for m in found}
    assert ("permission", "False") in made
    assert ("escape", "(text)") in made  # visible(text, layout=True) and one_line(text), inside an f-string
    assert sum(1 for m in found if m.kind == "escape") == 2
    assert ("sort", "False") in made  # reverse=True
    assert ("sort", "(sorted(items, reverse=True))") in made  # key= dropped
    assert ("exit", "(4)") in made
    assert ("boundary", "(a + 1)") in made and ("boundary", "(b - 1)") in made
    assert ("boundary", "(2)") in made  # 3 → 2
    assert Counter(m.kind for m in found)["permission"] == 2
    source = path.read_bytes()
    programs = {mutate.ast.dump(mutate.ast.parse(mutate.apply(source, m))) for m in found}
    assert len(programs) == len(found)  # no two mutants make the same program


def test_sql_clauses_are_dropped_only_in_the_sql_module() -> None:
    kinds = Counter(m.kind for m in mutate.find_mutants(ROOT / "cstofacts/store/sql/__init__.py"))
    assert kinds["sql"] >= 20
    assert Counter(m.kind for m in mutate.find_mutants(ROOT / "cstofacts/store/engine.py"))["sql"] == 0


def test_the_sample_is_the_same_for_the_same_seed() -> None:
    every = mutate.find_mutants(ROOT / "cstofacts/safe.py")
    first = mutate.sample(every, 6, 0, "cstofacts/safe.py")
    assert first == mutate.sample(every, 6, 0, "cstofacts/safe.py")
    assert len(first) == 6 and first == sorted(first, key=every.index)
    assert first != mutate.sample(every, 6, 1, "cstofacts/safe.py")
