"""Mutation-test cstofacts: python scripts/mutate.py [--module M] [--kind K] [--max N] [--seed S] [--report F]

docs/testing.md, "Mutation testing", says what it mutates and how it runs the tests.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import copy
import hashlib
import importlib.util
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PACKAGE = "cstofacts"

# Each target module and the test files most relevant to it, the fastest and most pointed first
# (pytest stops at the first failure, so an early kill is a cheap one). A module's own
# tests/test_mutants_<stem>.py runs first when it exists and no other module has that stem;
# the modules whose stem is shared (errors, export, validate, __init__) list theirs here.


def _t(*names: str) -> tuple[str, ...]:
    """Test files by name: _t("list", "errors") is tests/test_list.py, tests/test_errors.py."""
    return tuple(f"tests/test_{name}.py" for name in names)


_VALIDATOR_TESTS = _t(
    "mutants_validate",
    "mutants_checks",
    "mutants_claims",
    "broken_datasets",
    "dataset",
    "evidence",
    "honest_views",
    "hostile",
)
_QUERY_TESTS = _t("errors", "list", "properties")
_ASK_TESTS = _t("questions", "ask_reading", "ask_silence", "questions_reading", "mutants_ask")
_LINT_TESTS = _t("mutants_lint", "mutants_fidelity", "lint", "fidelity", "evidence")
_COMMAND_TESTS = _t("commands", "output")
(MANUAL,) = _t("manual")
TARGETS: dict[str, tuple[str, ...]] = {
    # top level
    "cstofacts/__main__.py": _t("mutants_main"),
    "cstofacts/answer.py": (
        *_t("mutants_question", "mutants_plan", "mutants_answer_cuts"),
        *_ASK_TESTS,
        *_t("newcomer"),
    ),
    "cstofacts/asked_works.py": (*_t("mutants_plan", "mutants_about"), *_ASK_TESTS, *_t("provenance")),
    "cstofacts/plan.py": (
        *_t("mutants_question", "mutants_answer_cuts"),
        *_ASK_TESTS,
        *_t("newcomer", "thesaurus"),
    ),
    "cstofacts/cuts.py": (*_t("mutants_answer_cuts"), *_ASK_TESTS),
    "cstofacts/sorts.py": (*_t("mutants_question", "ask_references"), *_ASK_TESTS),
    "cstofacts/verdict.py": (*_t("mutants_plan", "mutants_question"), *_ASK_TESTS),
    "cstofacts/dating.py": (*_t("mutants_question", "mutants_present"), *_ASK_TESTS),
    "cstofacts/carries.py": (*_t("carries"), *_ASK_TESTS),
    # Query.dated is read by answer.py too: the questions' tests see what it decides there.
    "cstofacts/criteria.py": (*_QUERY_TESTS, *_t("filtering"), *_ASK_TESTS),
    "cstofacts/lexicon.py": (*_t("mutants_words"), *_ASK_TESTS),
    "cstofacts/drafting.py": _t("mutants_security_new", "new"),
    "cstofacts/drafttoml.py": _t("new"),
    "cstofacts/mentions.py": _t("mutants_security_new", "new"),
    # The validator checks every dataset date with dates.span.
    "cstofacts/dates.py": (*_QUERY_TESTS, *_t("dataset")),
    "cstofacts/english.py": (*_t("thesaurus"), *_ASK_TESTS),
    "cstofacts/env.py": _t("env", "safe", "paging", "terminal"),
    "cstofacts/errors.py": _t("mutants_errors", "mutants_exits", "broken_datasets", "output", "errors"),
    "cstofacts/model.py": _t("output", "formats", "honest_views"),
    "cstofacts/paging.py": _t("paging", "terminal"),
    "cstofacts/provenance.py": _t("provenance", "output", "evidence"),
    "cstofacts/records.py": _t("provenance", "output", "dataset"),
    "cstofacts/text.py": (*_t("mutants_words"), *_ASK_TESTS, *_t("commands")),
    # cli
    "cstofacts/cli/__init__.py": _t("mutants_cli", "interrupts", "env", "terminal"),
    "cstofacts/cli/app.py": _t("commands", "errors", "newcomer"),
    "cstofacts/cli/commands/ask.py": (*_t("mutants_security_ask"), *_ASK_TESTS, *_t("commands")),
    "cstofacts/cli/commands/cite.py": _t("output", "evidence", "terminal_formats"),
    "cstofacts/cli/commands/export.py": _t(
        "mutants_export", "mutants_security_export", "leftovers", "engine"
    ),
    "cstofacts/cli/commands/help.py": _t("commands", "docs", "newcomer"),
    "cstofacts/cli/commands/list_.py": _t("list", "commands", "errors"),
    "cstofacts/cli/commands/new.py": _t("mutants_security_new", "new"),
    "cstofacts/cli/commands/read.py": _t("evidence", "output", "paging"),
    "cstofacts/cli/commands/search.py": _t("mutants_words", "commands", "ask_reading", "thesaurus"),
    "cstofacts/cli/commands/show.py": _t("commands", "evidence", "output"),
    "cstofacts/cli/commands/source.py": (*_COMMAND_TESTS, *_t("provenance")),
    "cstofacts/cli/commands/stats.py": (*_COMMAND_TESTS, *_t("honest_views")),
    "cstofacts/cli/commands/timeline.py": (*_COMMAND_TESTS, *_t("honest_views")),
    "cstofacts/cli/commands/validate.py": _t(
        "mutants_validate", "mutants_security_validate", "commands", "broken_datasets", "evidence"
    ),
    "cstofacts/cli/completion.py": _t("completion"),
    "cstofacts/cli/completers.py": _t("mutants_security_completion", "completion"),
    "cstofacts/cli/filtering.py": (*_t("filtering", "errors", "list"), *_ASK_TESTS),
    "cstofacts/cli/context.py": _t("mutants_security_cache", "commands", "errors", "engine"),
    "cstofacts/cli/errors.py": _t(
        "mutants_security_errors", "mutants_exits", "mutants_app", "broken_datasets", "errors", "commands"
    ),
    "cstofacts/cli/options.py": _t("mutants_security_errors", "errors", "list", "commands"),
    "cstofacts/cli/present.py": _t(
        "mutants_security_present", "mutants_present", "formats", "commands", "list", "terminal_formats"
    ),
    "cstofacts/cli/reading.py": _t("mutants_security_ask", "ask_reading", "questions"),
    # output
    "cstofacts/output/citations.py": _t("mutants_cite", "output", "evidence"),
    "cstofacts/output/formats.py": _t("formats", "output"),
    "cstofacts/output/layout.py": _t("output", "honest_views", "newcomer"),
    "cstofacts/output/listview.py": _t("mutants_security_views", "output", "newcomer", "terminal"),
    "cstofacts/output/rows.py": _t("output", "evidence"),
    "cstofacts/safe.py": _t("safe", "output", "terminal_formats"),
    "cstofacts/output/views/base.py": _t(
        "output", "honest_views", "newcomer", "terminal_formats", "views_labels"
    ),
    "cstofacts/output/views/claims.py": _t(
        "mutants_views",
        "mutants_base",
        "output",
        "honest_views",
        "newcomer",
        "terminal_formats",
        "show_quote_colour",
    ),
    "cstofacts/output/views/pages.py": _t("output", "honest_views", "newcomer", "terminal_formats"),
    # query
    "cstofacts/query/about.py": (*_ASK_TESTS, *_t("provenance")),
    "cstofacts/query/filters.py": (*_QUERY_TESTS, *_t("questions")),
    "cstofacts/query/question.py": _ASK_TESTS,
    "cstofacts/query/spans.py": (*_ASK_TESTS, *_t("mutants_dates", "mutants_question")),
    "cstofacts/query/matching.py": (*_ASK_TESTS, *_t("ask_references")),
    "cstofacts/query/excluding.py": (*_ASK_TESTS, *_t("excluding", "filtering")),
    "cstofacts/query/asking.py": (*_t("mutants_question"), *_ASK_TESTS),
    "cstofacts/query/words.py": (*_ASK_TESTS, *_t("commands")),
    # store
    "cstofacts/store/__init__.py": _t("mutants_store", "cache_trust", "engine", "dataset", "corpus_updates"),
    "cstofacts/store/cache.py": _t("cache", "cache_trust"),
    "cstofacts/store/checks.py": _VALIDATOR_TESTS,
    "cstofacts/store/claims.py": _VALIDATOR_TESTS,
    "cstofacts/store/corpus.py": _t("corpus", "corpus_updates"),
    "cstofacts/store/corpusdb.py": _t("corpus_updates", "corpus", "corpus_records"),
    "cstofacts/store/statmap.py": _t("corpus_updates", "corpus"),
    "cstofacts/store/sources.py": _VALIDATOR_TESTS,
    # The evidence table compile writes is read by export alone.
    "cstofacts/store/compile.py": _t(
        "mutants_compile",
        "mutants_words",
        "commands",
        "provenance",
        "ask_reading",
        "corpus_updates",
        "mutants_export",
    ),
    "cstofacts/store/engine.py": _t(
        "engine", "commands", "list", "search_streamed", "formats", "thesaurus", "ask_reading"
    ),
    "cstofacts/store/export.py": _t("mutants_export", "engine", "export_tools"),
    "cstofacts/store/fidelity.py": _LINT_TESTS,
    "cstofacts/store/files.py": _t("leftovers", "cache", "engine", "corpus_updates"),
    "cstofacts/store/lint.py": _LINT_TESTS,
    "cstofacts/store/locate.py": _t(
        "broken_datasets", "mutants_validate", "mutants_claims", "evidence", "locate_quoted_headers"
    ),
    "cstofacts/store/names.py": (*_LINT_TESTS, *_t("names_spans")),
    "cstofacts/store/reader.py": _t(
        "mutants_security_reader", "broken_datasets", "dataset", "hostile", "engine", "stdin_unreadable"
    ),
    "cstofacts/store/sql/__init__.py": (
        *_t("mutants_sql"),
        *_QUERY_TESTS,
        *_t("commands", "filtering", "corpus", "new", "search_streamed"),
    ),
    "cstofacts/store/sql/schema.py": _t("engine", "commands", "corpus_updates"),
    "cstofacts/store/sql/export.py": _t("mutants_export", "engine", "export_tools"),
    "cstofacts/store/validate.py": _VALIDATOR_TESTS,
    "cstofacts/store/written.py": (*_t("mutants_security_lint"), *_LINT_TESTS),
}


def _package_of(path: str) -> str:
    parts = Path(path).parts
    return parts[1] if len(parts) > 2 else "top-level"


# Groups for --module: the four of the first targets, then one per package (cli takes its commands).
GROUPS: dict[str, tuple[str, ...]] = {
    "formats": ("cstofacts/output/formats.py",),
    "dates": ("cstofacts/dates.py",),
    "validator": ("cstofacts/store/validate.py", "cstofacts/store/checks.py", "cstofacts/store/claims.py"),
}
for _package in ("top-level", "cli", "output", "query", "store"):
    GROUPS[_package] = tuple(sorted(p for p in TARGETS if _package_of(p) == _package))
# Slow tests that exercise none of the targets (packaging): never run them for a mutant.
DESELECT = ("tests/test_dataset.py::test_the_built_wheel_contains_the_dataset",)

_SWAPS: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
}
_SYMBOLS = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!="}
_LOGGERS = {"log", "logger", "logging", "LOG", "LOGGER"}

# (a) The calls that make text safe to show or to parse: `f(x)` → `x`. A call is one when its name
# holds one of these words (cstofacts.safe's visible and one_line, formats' _json_safe and
# neutralize_formula, sql's quoted, re.escape, shlex.quote, filters.show imported as `quoted`...)
# or is listed in _SANITISERS; _NOT_SANITISERS are names that hold a word but check or find
# quotes rather than make anything safe ("path:name" for one module's function only).
_SANITISING_WORDS = (
    "escape", "safe", "sanitize", "sanitise", "visible", "one_line", "quote", "neutralize", "clean",
    "printable",
)  # fmt: skip
_SANITISERS = {"_markdown_cell"}
_NOT_SANITISERS = {
    "quote_in",
    "quote_line",
    "quotes",
    "_quotes",
    "_check_dating_quote",
    "isprintable",
    "cstofacts/store/names.py:_quoted",
}
# (b) Words of a permission or ownership check: an `if` whose test names one, and whose body
# returns or raises, gets the test False (the check skipped). Parts match inside a name;
# words match a whole part of a snake_case name (`uid`, `st_mode`, but not `model`).
_PERMISSION_PARTS = (
    "st_uid", "st_mode", "S_IS", "getuid", "geteuid", "O_NOFOLLOW", "O_EXCL", "samestat", "same_file",
)  # fmt: skip
_PERMISSION_WORDS = {"uid", "euid", "owner", "mode"}
# (e) The modules that write SQL, where a clause appended to, or listed in, a query is dropped;
# `params` and `head` hold bound values, not clauses.
_SQL_MODULES = {"cstofacts/store/sql/__init__.py"}
_SQL_LISTS = {"clauses", "spans", "parts"}
# (f) The callables that end a process with a code.
_EXITS = {"SystemExit", "Exit", "exit", "_exit"}

# Every kind of mutant, the pointed ones first: when two mutants make the same program (say
# `reverse=True` → `reverse=False`, a sort swapped and a constant flipped), the first kind names it.
KINDS = {
    "escape": "an escaping, quoting or sanitising call dropped: `f(x)` → `x`",
    "permission": "a permission or ownership check skipped: its `if` test → `False`",
    "sql": "an SQL clause dropped from the list or the query it joins (store/sql/)",
    "exit": "an exit code changed: `n` → `n+1`",
    "sort": "a sort turned round (`reverse=`) or its `key=` dropped",
    "boundary": "off by one: an int `n` → `n-1`, a slice `[a:b]` → `[a+1:b]` or `[a:b-1]`",
    "compare": "`<`↔`<=`, `>`↔`>=`, `==`↔`!=`",
    "logic": "`and`↔`or`, `not` removed",
    "constant": "`True`↔`False`, an int `n` → `n+1` (and `1` → `0`), a string or f-string emptied",
    "return": "`return x` → `return None`",
    "statement": "a `raise`, `continue`, `break` or call inside an `if` or `else` → `pass`",
}


@dataclass(frozen=True)
class Mutant:
    path: str  # relative to ROOT
    line: int
    col: int  # in UTF-8 bytes, as ast gives it
    end_line: int
    end_col: int
    replacement: str
    description: str
    kind: str = "constant"

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass
class Outcome:
    mutant: Mutant
    status: str  # killed, survived, timeout, error
    seconds: float


@dataclass
class Tally:
    path: str
    total: int  # mutants generated before sampling
    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(o.status == status for o in self.outcomes)

    @property
    def score(self) -> float:
        run = len(self.outcomes)
        return 100.0 * (self.count("killed") + self.count("timeout")) / run if run else 100.0


# -- finding mutants ----------------------------------------------------------------------------


def modules() -> list[str]:
    """Every module of the package, relative to ROOT: each .py file but an __init__.py that holds
    nothing to mutate (a docstring, imports, __version__ or __all__)."""
    found = []
    for path in sorted((ROOT / PACKAGE).rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if path.name == "__init__.py" and _only_declarations(path):
            continue
        found.append(relative)
    return found


def _only_declarations(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if _is_docstring(node) or isinstance(node, (ast.Import, ast.ImportFrom)):
            continue
        if isinstance(node, ast.Assign) and all(
            isinstance(t, ast.Name) and t.id in ("__version__", "__all__") for t in node.targets
        ):
            continue
        return False
    return True


def _is_docstring(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    )


def _is_type_checking(node: ast.AST) -> bool:
    test = node.test if isinstance(node, ast.If) else None
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _is_logging(node: ast.AST) -> bool:
    if not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)):
        return False
    func = node.value.func
    return isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in _LOGGERS


def _skipped(tree: ast.AST) -> set[int]:
    """ids of the nodes neither mutated nor searched: docstrings, annotations, asserts,
    `if TYPE_CHECKING` blocks and logging calls."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        if (
            _is_docstring(node)
            or _is_type_checking(node)
            or _is_logging(node)
            or isinstance(node, ast.Assert)
        ):
            skip.add(id(node))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.returns is not None:
            skip.add(id(node.returns))
        if isinstance(node, ast.arg) and node.annotation is not None:
            skip.add(id(node.annotation))
        if isinstance(node, ast.AnnAssign):
            skip.add(id(node.annotation))
    return skip


def _walk(node: ast.AST, skip: set[int], inside: bool = False) -> Iterator[tuple[ast.AST, bool]]:
    """Each node to mutate, and whether it is inside an f-string, where positions are checked."""
    if id(node) in skip:
        return
    yield node, inside
    if isinstance(node, ast.JoinedStr):
        # The literal parts of an f-string have no positions of their own; the expressions in
        # its braces do, and are searched like any other (a `{visible(x)}` is a call to drop).
        for part in node.values:
            if isinstance(part, ast.FormattedValue):
                yield from _walk(part.value, skip, True)
        return
    for child in ast.iter_child_nodes(node):
        yield from _walk(child, skip, inside)


def _cut(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _first_line(node: ast.AST) -> str:
    return _cut(ast.unparse(node).splitlines()[0])


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _int_like(node: ast.AST) -> bool:
    """An int literal, negative or not: its off-by-ones come from the constant mutants."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        node = node.operand
    return isinstance(node, ast.Constant) and isinstance(node.value, int) and not isinstance(node.value, bool)


def _call_name(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _sanitises(name: str, path: str) -> bool:
    if name in _NOT_SANITISERS or f"{path}:{name}" in _NOT_SANITISERS:
        return False
    folded = name.casefold()
    return name in _SANITISERS or any(word in folded for word in _SANITISING_WORDS)


# (span node, replacement source, description, kind)
Found = tuple[ast.AST, str, str, str]


def _expression_mutants(node: ast.AST, path: str) -> Iterator[Found]:
    """The mutants of one expression node, each replacing a span inside it."""
    if isinstance(node, ast.Compare):
        for index, op in enumerate(node.ops):
            swap = _SWAPS.get(type(op))
            if swap is not None:
                new = copy.deepcopy(node)
                new.ops[index] = swap()
                text = ast.unparse(new)
                yield (
                    node,
                    f"({text})",
                    f"`{_SYMBOLS[type(op)]}` → `{_SYMBOLS[swap]}`: `{_cut(text)}`",
                    "compare",
                )
    elif isinstance(node, ast.BoolOp):
        flipped = copy.deepcopy(node)
        flipped.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        old, now = ("and", "or") if isinstance(node.op, ast.And) else ("or", "and")
        text = ast.unparse(flipped)
        yield node, f"({text})", f"`{old}` → `{now}`: `{_cut(text)}`", "logic"
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        yield node, f"({ast.unparse(node.operand)})", "removed `not`", "logic"
    elif isinstance(node, ast.Constant):
        value = node.value
        if isinstance(value, bool):
            yield node, repr(not value), f"{value} → {not value}", "constant"
        elif isinstance(value, int):
            yield node, f"({value + 1})", f"{value} → {value + 1}", "constant"
            if value == 1:
                yield node, "(0)", "1 → 0", "constant"
            if value != 0:
                yield node, f"({value - 1})", f"{value} → {value - 1}", "boundary"
        elif isinstance(value, str) and value:
            yield node, "('')", f"{_short(value)} → ''", "constant"
    elif isinstance(node, ast.JoinedStr):
        yield node, "('')", f"f-string {_short(ast.unparse(node))} → ''", "constant"
    elif isinstance(node, ast.Call):
        yield from _call_mutants(node, path)
    elif isinstance(node, ast.Slice) and node.step is None:
        if node.lower is not None and not _int_like(node.lower):
            text = ast.unparse(node.lower)
            yield node.lower, f"({text} + 1)", f"slice start `{_cut(text)}` → `{_cut(text)} + 1`", "boundary"
        if node.upper is not None and not _int_like(node.upper):
            text = ast.unparse(node.upper)
            yield node.upper, f"({text} - 1)", f"slice end `{_cut(text)}` → `{_cut(text)} - 1`", "boundary"
    elif isinstance(node, (ast.List, ast.Tuple)) and path in _SQL_MODULES and _all_text(node):
        for index, item in enumerate(node.elts):
            if True:
                shorter = copy.deepcopy(node)
                del shorter.elts[index]
                yield (
                    node,
                    f"({ast.unparse(shorter)})",
                    f"dropped {_cut(ast.unparse(item))} from a list",
                    "sql",
                )


def _is_text(node: ast.AST) -> bool:
    return isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str))


def _all_text(node: ast.List | ast.Tuple) -> bool:
    """A list of SQL texts, each of which may be dropped: two or more in a list, three or more in
    a tuple (a pair is a record, such as a table and a column, not a list)."""
    fewest = 2 if isinstance(node, ast.List) else 3
    return len(node.elts) >= fewest and all(_is_text(item) for item in node.elts)


def _call_mutants(node: ast.Call, path: str) -> Iterator[Found]:
    name = _call_name(node)
    if name is None:
        return
    if node.args and not isinstance(node.args[0], ast.Starred) and _sanitises(name, path):
        text = ast.unparse(node.args[0])
        yield node, f"({text})", f"dropped `{_cut(ast.unparse(node.func), 30)}`: `{_cut(text, 40)}`", "escape"
    for keyword in node.keywords:
        if keyword.arg == "reverse" and not (
            isinstance(keyword.value, ast.Constant) and isinstance(keyword.value.value, bool)
        ):
            text = ast.unparse(keyword.value)
            yield keyword.value, f"(not {text})", f"`reverse={_cut(text)}` → `reverse=not ...`", "sort"
        elif keyword.arg == "reverse":
            value = keyword.value.value  # type: ignore[attr-defined]
            yield keyword.value, repr(not value), f"`reverse={value}` → `reverse={not value}`", "sort"
        elif keyword.arg == "key" and name in ("sorted", "sort", "min", "max"):
            new = copy.deepcopy(node)
            new.keywords = [k for k in new.keywords if k.arg != "key"]
            yield node, f"({ast.unparse(new)})", f"`{name}(...)` without its `key=`", "sort"
    if name in _EXITS:
        code = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "code"), None)
        if code is not None:
            yield from _exit_code(code)


def _exit_code(value: ast.AST) -> Iterator[Found]:
    """An exit code as an int, or as an ExitCode member: one more."""
    if isinstance(value, ast.Constant) and isinstance(value.value, int) and not isinstance(value.value, bool):
        yield value, f"({value.value + 1})", f"exit code {value.value} → {value.value + 1}", "exit"
    elif (
        isinstance(value, ast.Attribute)
        and isinstance(value.value, ast.Name)
        and value.value.id == "ExitCode"
    ):
        text = ast.unparse(value)
        yield value, f"({text} + 1)", f"exit code `{text}` → `{text} + 1`", "exit"


def _names_in(node: ast.AST) -> Iterator[str]:
    for child in ast.walk(node):
        if isinstance(child, ast.Name):
            yield child.id
        elif isinstance(child, ast.Attribute):
            yield child.attr


def _is_permission_check(test: ast.AST) -> bool:
    for name in _names_in(test):
        if any(part in name for part in _PERMISSION_PARTS):
            return True
        if any(word in _PERMISSION_WORDS for word in name.casefold().split("_")):
            return True
    return False


def _leaves(body: Sequence[ast.stmt]) -> bool:
    """Whether a branch returns or raises somewhere (not in a function defined inside it)."""
    todo: list[ast.AST] = list(body)
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.Raise, ast.Return)):
            return True
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            todo.extend(ast.iter_child_nodes(node))
    return False


def _sql_clause(statement: ast.AST) -> bool:
    """`clauses.append(...)`, `clauses.insert(0, ...)`, `parts += [...]`: a clause added to a query."""
    if isinstance(statement, ast.AugAssign):
        return isinstance(statement.target, ast.Name) and statement.target.id in _SQL_LISTS
    if not (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call)):
        return False
    func = statement.value.func
    if not (isinstance(func, ast.Attribute) and func.attr in ("append", "insert", "extend")):
        return False
    receiver = func.value
    if isinstance(receiver, ast.Name) and receiver.id in _SQL_LISTS:
        return True
    added = statement.value.args[-1] if statement.value.args else None
    return added is not None and _is_text(added)


def _statement_mutants(node: ast.AST, generator: bool, path: str) -> Iterator[Found]:
    """The mutants of one statement: the statement, or its test, replaced."""
    if (
        isinstance(node, ast.Return)
        and not generator
        and node.value is not None
        and not (isinstance(node.value, ast.Constant) and node.value.value is None)
    ):
        yield node, "return None", f"`{_first_line(node)}` → `return None`", "return"
    if isinstance(node, ast.Return) and isinstance(node.value, ast.Attribute):
        yield from _exit_code(node.value)
    if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        if any(name == "exit_code" for t in targets for name in _names_in(t)):
            yield from _exit_code(node.value)
    if path in _SQL_MODULES and _sql_clause(node):
        yield node, "pass", f"dropped the clause `{_first_line(node)}`", "sql"
    if isinstance(node, ast.If):
        if _is_permission_check(node.test) and _leaves(node.body):
            yield node.test, "False", f"skipped the check `if {_first_line(node.test)}`", "permission"
        branches = [node.body]
        if not (len(node.orelse) == 1 and isinstance(node.orelse[0], ast.If)):  # an elif is its own If
            branches.append(node.orelse)
        for body in branches:
            for statement in body:
                removable = isinstance(statement, (ast.Raise, ast.Continue, ast.Break)) or (
                    isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call)
                )
                if removable and not _is_logging(statement):
                    yield statement, "pass", f"removed `{_first_line(statement)}`", "statement"


def _is_generator(function: ast.AST) -> bool:
    for node in ast.walk(function):
        if node is not function and isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        if isinstance(node, (ast.Yield, ast.YieldFrom)):
            return True
    return False


def _position(node: ast.AST) -> tuple[int, int, int, int] | None:
    """(line, col, end line, end col) of a node that has a place in the source."""
    where = [getattr(node, name, None) for name in ("lineno", "col_offset", "end_lineno", "end_col_offset")]
    if any(value is None for value in where):
        return None
    line, col, end_line, end_col = (int(value) for value in where if value is not None)
    return line, col, end_line, end_col


def _spans_itself(source: bytes, node: ast.AST) -> bool:
    """Whether the node's position holds the node: inside an f-string, Python before 3.12 can
    give an expression the wrong place."""
    where = _position(node)
    if where is None:
        return False
    first, col, last, end_col = where
    lines = source.splitlines(keepends=True)
    if not 1 <= first <= last <= len(lines):
        return False
    text = b"".join(lines[first - 1 : last])
    text = text[col : len(text) - len(lines[last - 1]) + end_col]
    try:
        parsed = ast.parse(b"(" + text + b")", mode="eval").body
    except (SyntaxError, ValueError):
        return False
    return ast.dump(parsed) == ast.dump(node)


def _relative(path: Path) -> str:
    """A module's path as TARGETS names it: relative to ROOT, or as given when outside it."""
    resolved = path.resolve()
    return resolved.relative_to(ROOT).as_posix() if resolved.is_relative_to(ROOT) else resolved.as_posix()


def find_mutants(path: Path) -> list[Mutant]:
    """Every mutant of the module at `path`, in source order; no two make the same program."""
    source = path.read_text(encoding="utf-8")
    raw = source.encode()
    tree = ast.parse(source)
    skip = _skipped(tree)
    relative = _relative(path)
    generators = {
        id(n)
        for n in ast.walk(tree)
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and _is_generator(n)
    }
    owner: dict[int, int] = {}  # statement id -> id of the function it is in
    for function in ast.walk(tree):
        if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for node in ast.walk(function):
                owner[id(node)] = id(function)  # inner functions are walked later and win
    found: list[Mutant] = []
    for node, inside in _walk(tree, skip):
        if _position(node) is None:
            continue
        if inside and not _spans_itself(raw, node):
            continue
        in_generator = owner.get(id(node)) in generators
        for span, replacement, description, kind in (
            *_expression_mutants(node, relative),
            *_statement_mutants(node, in_generator, relative),
        ):
            where = _position(span)
            assert where is not None
            found.append(Mutant(relative, *where, replacement, description, kind))
    seen = {ast.dump(tree)}  # the original, and every program a mutant already makes
    order = list(KINDS)
    valid = []
    for mutant in sorted(set(found), key=lambda m: (order.index(m.kind), m.line, m.col, m.description)):
        try:
            mutated = ast.dump(ast.parse(apply(raw, mutant)))
        except SyntaxError:
            print(f"skipped (does not parse): {mutant.where} {mutant.description}", file=sys.stderr)
            continue
        if mutated not in seen:
            seen.add(mutated)
            valid.append(mutant)
    return sorted(valid, key=lambda m: (m.line, m.col, m.description))


def apply(source: bytes, mutant: Mutant) -> bytes:
    """The module's source with the mutant's span replaced; every other byte unchanged."""
    lines = source.splitlines(keepends=True)
    head = b"".join(lines[: mutant.line - 1]) + lines[mutant.line - 1][: mutant.col]
    tail = lines[mutant.end_line - 1][mutant.end_col :] + b"".join(lines[mutant.end_line :])
    return head + mutant.replacement.encode() + tail


def sample(mutants: list[Mutant], limit: int | None, seed: int, path: str) -> list[Mutant]:
    """At most `limit` mutants, the same ones for the same seed, in source order."""
    if limit is None or len(mutants) <= limit:
        return mutants
    chosen = random.Random(f"{seed}:{path}").sample(range(len(mutants)), limit)
    return [mutants[i] for i in sorted(chosen)]


# -- running the tests --------------------------------------------------------------------------


def _backup_dir() -> Path:
    digest = hashlib.sha256(str(ROOT).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"cstofacts-mutate-{digest}"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def lock() -> Path:
    """Claim the repository for this run, after putting back any original that a killed run
    (SIGKILL, power cut) left a mutant over. Two runs at once would test each other's mutants."""
    backups = _backup_dir()
    backups.mkdir(parents=True, exist_ok=True)
    owner = backups / "pid"
    try:
        pid = int(owner.read_text())
    except (OSError, ValueError):
        pid = None
    if pid is not None and pid != os.getpid() and _alive(pid):
        raise SystemExit(f"another mutation run (pid {pid}) is testing this repository; wait for it")
    for saved in backups.glob("*.orig"):
        target = ROOT / saved.stem.replace("~", "/")
        print(f"restoring {target.relative_to(ROOT)} from an interrupted run", file=sys.stderr)
        target.write_bytes(saved.read_bytes())
        saved.unlink()
    owner.write_text(str(os.getpid()))
    return owner


# A pytest plugin for the runs: one failing example kills a mutant, so Hypothesis need not shrink it.
# It acts once tests/conftest.py has loaded the suite's own profile, and keeps the rest of that.
_PLUGIN = """from hypothesis import Phase, settings


def pytest_sessionstart(session):
    phases = (Phase.explicit, Phase.reuse, Phase.generate)
    settings.register_profile("mutate", settings(settings.default, phases=phases))
    settings.load_profile("mutate")
"""


class Runner:
    """Runs a module's tests against the module as it is on disk."""

    def __init__(self, workdir: Path, seed: int, verbose: bool) -> None:
        self.workdir = workdir
        self.seed = seed
        self.verbose = verbose
        self.runs = 0
        (workdir / "mutate_hypothesis.py").write_text(_PLUGIN, encoding="utf-8")

    def env(self, storage: Path) -> dict[str, str]:
        # Bytecode may be written, but only to the private tree below: without it every
        # subprocess a test starts would compile the whole program again.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update(
            CSTOFACTS_NO_CACHE="1",
            # The mutated module's .pyc is deleted from this tree before every run: a mutant of
            # the same size and mtime second must never reuse a stale one.
            PYTHONPYCACHEPREFIX=str(self.workdir / "pycache"),
            HYPOTHESIS_STORAGE_DIRECTORY=str(storage),  # keep the repository's example database clean
            PYTHONPATH=os.pathsep.join(filter(None, (str(self.workdir), os.environ.get("PYTHONPATH")))),
        )
        return env

    def command(self, tests: Sequence[str]) -> list[str]:
        deselect = [a for t in DESELECT if t.split("::")[0] in tests for a in ("--deselect", t)]
        return [
            sys.executable,
            "-m",
            "pytest",
            "-x",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "mutate_hypothesis",
            f"--hypothesis-seed={self.seed}",
            *deselect,
            *tests,
        ]

    def pyc(self, module: Path) -> Path:
        saved = sys.pycache_prefix
        sys.pycache_prefix = str(self.workdir / "pycache")
        try:
            return Path(importlib.util.cache_from_source(str(module)))
        finally:
            sys.pycache_prefix = saved

    def run(self, module: Path, tests: Sequence[str], timeout: float | None) -> tuple[str, float, str]:
        """(status, seconds, output) of one test run: passed, failed, timeout or error."""
        self.runs += 1
        self.pyc(module).unlink(missing_ok=True)
        storage = self.workdir / f"hypothesis-{self.runs}"
        started = time.monotonic()
        process = subprocess.Popen(
            self.command(tests),
            cwd=ROOT,
            env=self.env(storage),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,  # its own process group: a timeout ends every child it started
        )
        try:
            output, _ = process.communicate(timeout=timeout)
            status = {0: "passed", 1: "failed", 2: "failed"}.get(process.returncode, "error")
        except subprocess.TimeoutExpired:
            _end(process)
            output, status = "", "timeout"
        except BaseException:
            _end(process)
            raise
        finally:
            shutil.rmtree(storage, ignore_errors=True)
        return status, time.monotonic() - started, output


def _end(process: subprocess.Popen[str]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.communicate()


_SIGNALS = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}


def _write(path: Path, data: bytes) -> None:
    """Write a module whole: Ctrl-C waits until the write is done."""
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
    try:
        path.write_bytes(data)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)


def tests_for(path: str) -> list[str]:
    """The module's tests: its own tests/test_mutants_<stem>.py first (when its stem is its alone),
    then, for a module of cli/, the manual page's, then those TARGETS lists, each once; a listed
    test_mutants_ file not written yet is left out."""
    stem = Path(path).stem
    own = f"tests/test_mutants_{stem}.py"
    alone = sum(Path(p).stem == stem for p in TARGETS) == 1
    tests = [own] if alone and (ROOT / own).exists() else []
    if path.startswith(f"{PACKAGE}/cli/"):
        tests.append(MANUAL)  # the help text a user reads, every word of it, through the manual page
    for test in TARGETS[path]:
        if test in tests:
            continue
        if not (ROOT / test).exists():
            if Path(test).name.startswith("test_mutants_"):
                continue
            raise SystemExit(f"{path}: its test file {test} does not exist; fix TARGETS")
        tests.append(test)
    return tests


def mutate_module(
    path: str, mutants: list[Mutant], total: int, runner: Runner, timeout: float | None
) -> Tally:
    module = ROOT / path
    tests = tests_for(path)
    tally = Tally(path, total)
    print(f"\n{path}: {len(mutants)} of {total} mutants; tests: {' '.join(tests)}", flush=True)
    original = module.read_bytes()
    status, seconds, output = runner.run(module, tests, None)
    if status != "passed":
        print(output)
        raise SystemExit(f"{path}: the tests fail on the original code; fix that first")
    limit = timeout if timeout is not None else 3 * seconds + 30
    print(f"baseline: the tests pass in {seconds:.1f}s; timeout {limit:.0f}s", flush=True)
    backup = _backup_dir() / (path.replace("/", "~") + ".orig")
    backup.parent.mkdir(parents=True, exist_ok=True)
    backup.write_bytes(original)
    stat = module.stat()
    written = original
    try:
        for number, mutant in enumerate(mutants, start=1):
            if module.read_bytes() != original:
                raise SystemExit(f"{path} changed on disk during the run; stopping")
            written = apply(original, mutant)
            _write(module, written)
            result, seconds, output = runner.run(module, tests, limit)
            _write(module, original)
            written = original
            verdict = {"failed": "killed", "passed": "survived"}.get(result, result)
            tally.outcomes.append(Outcome(mutant, verdict, seconds))
            print(
                f"[{number}/{len(mutants)}] {verdict:8} {mutant.where} {mutant.description} ({seconds:.1f}s)",
                flush=True,
            )
            if verdict == "error" and runner.verbose:
                print(output)
    finally:
        # A second Ctrl-C must not stop the restore half-way.
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
        try:
            now = module.read_bytes()
            if now in (written, original):  # the mutant, or the original already back
                module.write_bytes(original)
                os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns))
                backup.unlink(missing_ok=True)
            else:  # someone else edited it: keep their text, and the backup
                print(f"{path} was edited during the run; the original is kept at {backup}", file=sys.stderr)
            runner.pyc(module).unlink(missing_ok=True)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    return tally


# -- reporting ----------------------------------------------------------------------------------


def summary(tallies: Sequence[Tally]) -> str:
    rows = [
        "| module | mutants | run | killed | survived | timeouts | errors | score |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for t in tallies:
        rows.append(
            f"| {t.path} | {t.total} | {len(t.outcomes)} | {t.count('killed')} | {t.count('survived')}"
            f" | {t.count('timeout')} | {t.count('error')} | {t.score:.1f}% |"
        )
    if len(tallies) > 1:
        whole = Tally("all", sum(t.total for t in tallies), [o for t in tallies for o in t.outcomes])
        rows.append(
            f"| **all {len(tallies)} modules** | {whole.total} | {len(whole.outcomes)}"
            f" | {whole.count('killed')} | {whole.count('survived')} | {whole.count('timeout')}"
            f" | {whole.count('error')} | {whole.score:.1f}% |"
        )
    return "\n".join(rows) + "\n"


def by_kind(tallies: Sequence[Tally]) -> str:
    outcomes = [o for t in tallies for o in t.outcomes]
    rows = ["| kind | run | caught | survived or error |", "|---|---:|---:|---:|"]
    for kind in KINDS:
        mine = [o for o in outcomes if o.mutant.kind == kind]
        if mine:
            caught = sum(o.status in ("killed", "timeout") for o in mine)
            rows.append(f"| {kind} | {len(mine)} | {caught} | {len(mine) - caught} |")
    return "\n".join(rows) + "\n"


def report(
    tallies: Sequence[Tally],
    seed: int,
    limit: int | None,
    kinds: Sequence[str] = (),
    every: Sequence[str] = (),
) -> str:
    only = f" of the kinds {', '.join(kinds)}" if kinds else ""
    if every:
        only += f", and every mutant of the kinds {', '.join(every)}"
    lines = [
        "# Mutation testing report",
        "",
        f"scripts/mutate.py, seed {seed}, at most {limit or 'all'} mutants a module{only}.",
        "The score counts killed and timed-out mutants as caught.",
        "",
        summary(tallies),
        "## By kind",
        "",
        by_kind(tallies),
        "## Survivors",
        "",
    ]
    survivors = [o for t in tallies for o in t.outcomes if o.status in ("survived", "error")]
    if not survivors:
        lines.append("None.")
    for o in survivors:
        source = (ROOT / o.mutant.path).read_text(encoding="utf-8").splitlines()[o.mutant.line - 1].strip()
        lines.append(f"- {o.status} `{o.mutant.where}` [{o.mutant.kind}] {o.mutant.description} — `{source}`")
    return "\n".join(lines) + "\n"


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _modules(name: str | None) -> list[str]:
    """The targets --module names: a group, or one module by path, dotted name or stem."""
    if name is None:
        return list(TARGETS)
    if name in GROUPS:
        return list(GROUPS[name])
    wanted = name.removesuffix(".py").replace(".", "/").strip("/")
    matches = [
        p
        for p in TARGETS
        if wanted == Path(p).stem
        or p.removesuffix(".py") in (wanted, f"{PACKAGE}/{wanted}")
        or p.removesuffix(".py").endswith("/" + wanted)
    ]
    if not matches:
        known = ", ".join(GROUPS)
        raise SystemExit(f"unknown module {name!r}: give a group ({known}), a module's path or its stem")
    if len(matches) > 1:
        raise SystemExit(f"{name!r} names {len(matches)} modules; give one of: {', '.join(matches)}")
    return matches


def unmapped() -> list[str]:
    """Modules of the package that TARGETS gives no tests, and targets that are no module."""
    every = modules()
    return [p for p in every if p not in TARGETS] + [p for p in TARGETS if p not in every]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--module",
        action="append",
        help=f"a group ({', '.join(GROUPS)}), or a module's path, dotted name or stem (repeatable);"
        " default: every module",
    )
    parser.add_argument("--max", type=int, default=None, help="at most this many mutants a module (sampled)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the sample and of Hypothesis")
    parser.add_argument(
        "--kind",
        action="append",
        choices=list(KINDS),
        help="only mutants of this kind (repeatable), sampled after the choice",
    )
    parser.add_argument(
        "--every",
        action="append",
        choices=list(KINDS),
        help="every mutant of this kind, on top of the --max sample (repeatable)",
    )
    parser.add_argument(
        "--line", type=int, action="append", help="only the mutants on this line (repeatable)"
    )
    parser.add_argument(
        "--timeout", type=float, default=None, help="seconds a run may take (default 3x baseline + 30)"
    )
    parser.add_argument(
        "--report",
        type=Path,
        help="write the summary and the survivors to this Markdown file (after each module, too)",
    )
    parser.add_argument("--list", action="store_true", help="only list the mutants; run nothing")
    parser.add_argument("--verbose", action="store_true", help="show pytest's output for runs that error")
    args = parser.parse_args(argv)

    missing = unmapped()
    if missing:
        raise SystemExit(f"TARGETS and the package's modules differ: {', '.join(missing)}")
    kinds = args.kind or []
    plans = []
    targets = [p for name in args.module or [None] for p in _modules(name)]
    for path in dict.fromkeys(targets):
        every = [m for m in find_mutants(ROOT / path) if not kinds or m.kind in kinds]
        if args.line:  # a chosen line is run whole, whatever the sample
            chosen = [m for m in every if m.line in args.line]
        else:
            always = [m for m in every if m.kind in (args.every or ())]
            rest = [m for m in every if m.kind not in (args.every or ())]
            chosen = sorted([*always, *sample(rest, args.max, args.seed, path)], key=every.index)
        plans.append((path, chosen, len(every)))
    if args.list:
        for path, chosen, total in plans:
            print(f"{path}: {len(chosen)} of {total} mutants; tests: {' '.join(tests_for(path))}")
            for m in chosen:
                print(f"  {m.where}:{m.col} [{m.kind}] {m.description}")
        return 0

    # A shell starts a background job with SIGINT ignored, and an ignored signal stays ignored
    # across exec: the tests that send Ctrl-C to the command would then fail on the original
    # code. A handler of our own is reset to the default in every child.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGHUP, _interrupt)
    owner = lock()
    tallies: list[Tally] = []

    def save() -> None:
        if args.report:
            args.report.write_text(
                report(tallies, args.seed, args.max, kinds, args.every or ()), encoding="utf-8"
            )

    try:
        with tempfile.TemporaryDirectory(prefix="mutate-") as workdir:
            runner = Runner(Path(workdir), args.seed, args.verbose)
            for path, chosen, total in plans:
                if chosen:
                    tallies.append(mutate_module(path, chosen, total, runner, args.timeout))
                else:
                    tallies.append(Tally(path, total))
                save()  # a long run that is stopped still leaves the modules it finished
    except KeyboardInterrupt:
        print("\ninterrupted; every module is restored", file=sys.stderr)
        return 130
    finally:
        owner.unlink(missing_ok=True)
    print("\n" + summary(tallies))
    print(by_kind(tallies))
    for t in tallies:
        for o in t.outcomes:
            if o.status != "killed":
                print(f"{o.status:8} {o.mutant.where} [{o.mutant.kind}] {o.mutant.description}")
    if args.report:
        save()
        print(f"wrote {args.report}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
