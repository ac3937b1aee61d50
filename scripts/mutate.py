"""Mutation-test cstofacts: python scripts/mutate.py [--module NAME] [--max N] [--seed S] [--report FILE]."""

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

# Each target module and the test files most relevant to it, the fastest and most pointed first
# (pytest stops at the first failure, so an early kill is a cheap one). The tests/test_mutants_<stem>.py
# files of the group's modules run first, when they exist.
_VALIDATOR_TESTS = (
    "tests/test_broken_datasets.py",
    "tests/test_dataset.py",
    "tests/test_evidence.py",
    "tests/test_honest_views.py",
    "tests/test_hostile.py",
)
_QUERY_TESTS = (
    "tests/test_errors.py",
    "tests/test_list.py",
    "tests/test_properties.py",
)
TARGETS: dict[str, tuple[str, ...]] = {
    "cstofacts/query/filters.py": (*_QUERY_TESTS, "tests/test_questions.py"),
    "cstofacts/output/formats.py": ("tests/test_formats.py", "tests/test_output.py"),
    # The validator checks every dataset date with dates.span.
    "cstofacts/dates.py": (*_QUERY_TESTS, "tests/test_dataset.py"),
    "cstofacts/store/validate.py": _VALIDATOR_TESTS,
    "cstofacts/store/checks.py": _VALIDATOR_TESTS,
    "cstofacts/store/claims.py": _VALIDATOR_TESTS,
}
GROUPS: dict[str, tuple[str, ...]] = {
    "query": ("cstofacts/query/filters.py",),
    "formats": ("cstofacts/output/formats.py",),
    "dates": ("cstofacts/dates.py",),
    "validator": ("cstofacts/store/validate.py", "cstofacts/store/checks.py", "cstofacts/store/claims.py"),
}
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


@dataclass(frozen=True)
class Mutant:
    path: str  # relative to ROOT
    line: int
    col: int  # in UTF-8 bytes, as ast gives it
    end_line: int
    end_col: int
    replacement: str
    description: str

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


def _walk(node: ast.AST, skip: set[int]) -> Iterator[ast.AST]:
    if id(node) in skip:
        return
    yield node
    if isinstance(node, ast.JoinedStr):  # an f-string is mutated whole: its parts have no own positions
        return
    for child in ast.iter_child_nodes(node):
        yield from _walk(child, skip)


def _cut(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _first_line(node: ast.AST) -> str:
    return _cut(ast.unparse(node).splitlines()[0])


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _expression_mutants(node: ast.AST) -> Iterator[tuple[str, str]]:
    """(replacement source, description) for each mutation of an expression node."""
    if isinstance(node, ast.Compare):
        for index, op in enumerate(node.ops):
            swap = _SWAPS.get(type(op))
            if swap is not None:
                new = copy.deepcopy(node)
                new.ops[index] = swap()
                text = ast.unparse(new)
                yield f"({text})", f"`{_SYMBOLS[type(op)]}` → `{_SYMBOLS[swap]}`: `{_cut(text)}`"
    elif isinstance(node, ast.BoolOp):
        new = copy.deepcopy(node)
        new.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        old, now = ("and", "or") if isinstance(node.op, ast.And) else ("or", "and")
        text = ast.unparse(new)
        yield f"({text})", f"`{old}` → `{now}`: `{_cut(text)}`"
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        yield f"({ast.unparse(node.operand)})", "removed `not`"
    elif isinstance(node, ast.Constant):
        value = node.value
        if isinstance(value, bool):
            yield repr(not value), f"{value} → {not value}"
        elif isinstance(value, int):
            yield f"({value + 1})", f"{value} → {value + 1}"
            if value == 1:
                yield "(0)", "1 → 0"
        elif isinstance(value, str) and value:
            yield "('')", f"{_short(value)} → ''"
    elif isinstance(node, ast.JoinedStr):
        yield "('')", f"f-string {_short(ast.unparse(node))} → ''"


def _statement_mutants(node: ast.AST, generator: bool) -> Iterator[tuple[ast.AST, str, str]]:
    """(statement, replacement, description) for each mutation of a statement."""
    if (
        isinstance(node, ast.Return)
        and not generator
        and node.value is not None
        and not (isinstance(node.value, ast.Constant) and node.value.value is None)
    ):
        yield node, "return None", f"`{_first_line(node)}` → `return None`"
    if isinstance(node, ast.If):
        branches = [node.body]
        if not (len(node.orelse) == 1 and isinstance(node.orelse[0], ast.If)):  # an elif is its own If
            branches.append(node.orelse)
        for body in branches:
            for statement in body:
                removable = isinstance(statement, (ast.Raise, ast.Continue, ast.Break)) or (
                    isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call)
                )
                if removable and not _is_logging(statement):
                    yield statement, "pass", f"removed `{_first_line(statement)}`"


def _is_generator(function: ast.AST) -> bool:
    for node in ast.walk(function):
        if node is not function and isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        if isinstance(node, (ast.Yield, ast.YieldFrom)):
            return True
    return False


def find_mutants(path: Path) -> list[Mutant]:
    """Every mutant of the module at `path`, in source order."""
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    skip = _skipped(tree)
    relative = path.resolve().relative_to(ROOT).as_posix()
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
    for node in _walk(tree, skip):
        if not hasattr(node, "lineno") or node.end_lineno is None or node.end_col_offset is None:
            continue
        for replacement, description in _expression_mutants(node):
            found.append(
                Mutant(
                    relative,
                    node.lineno,
                    node.col_offset,
                    node.end_lineno,
                    node.end_col_offset,
                    replacement,
                    description,
                )
            )
        in_generator = owner.get(id(node)) in generators
        for statement, replacement, description in _statement_mutants(node, in_generator):
            assert isinstance(statement, ast.stmt) and statement.end_lineno and statement.end_col_offset
            found.append(
                Mutant(
                    relative,
                    statement.lineno,
                    statement.col_offset,
                    statement.end_lineno,
                    statement.end_col_offset,
                    replacement,
                    description,
                )
            )
    original = ast.dump(tree)
    valid = []
    for mutant in sorted(set(found), key=lambda m: (m.line, m.col, m.description)):
        try:
            mutated = ast.parse(apply(source.encode(), mutant))
        except SyntaxError:
            print(f"skipped (does not parse): {mutant.where} {mutant.description}", file=sys.stderr)
            continue
        if ast.dump(mutated) != original:
            valid.append(mutant)
    return valid


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
    """The module's tests, after the tests/test_mutants_<stem>.py of every module in its group."""
    group = next((g for g in GROUPS.values() if path in g), (path,))
    stems = [Path(p).stem for p in group]
    own = [
        f"tests/test_mutants_{stem}.py" for stem in stems if (ROOT / f"tests/test_mutants_{stem}.py").exists()
    ]
    return [*own, *TARGETS[path]]


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
    return "\n".join(rows) + "\n"


def report(tallies: Sequence[Tally], seed: int, limit: int | None) -> str:
    lines = [
        "# Mutation testing report",
        "",
        f"scripts/mutate.py, seed {seed}, at most {limit or 'all'} mutants a module.",
        "The score counts killed and timed-out mutants as caught.",
        "",
        summary(tallies),
        "## Survivors",
        "",
    ]
    survivors = [o for t in tallies for o in t.outcomes if o.status in ("survived", "error")]
    if not survivors:
        lines.append("None.")
    for o in survivors:
        source = (ROOT / o.mutant.path).read_text(encoding="utf-8").splitlines()[o.mutant.line - 1].strip()
        lines.append(f"- {o.status} `{o.mutant.where}` {o.mutant.description} — `{source}`")
    return "\n".join(lines) + "\n"


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _modules(name: str | None) -> list[str]:
    if name is None:
        return [p for group in GROUPS.values() for p in group]
    if name in GROUPS:
        return list(GROUPS[name])
    matches = [p for p in TARGETS if name in (p, Path(p).stem, Path(p).name)]
    if not matches:
        known = ", ".join([*GROUPS, *(Path(p).stem for p in TARGETS)])
        raise SystemExit(f"unknown module {name!r}; known: {known}")
    return matches


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--module", help="a group (query, formats, dates, validator) or a module stem or path"
    )
    parser.add_argument("--max", type=int, default=None, help="at most this many mutants a module (sampled)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the sample and of Hypothesis")
    parser.add_argument(
        "--line", type=int, action="append", help="only the mutants on this line (repeatable)"
    )
    parser.add_argument(
        "--timeout", type=float, default=None, help="seconds a run may take (default 3x baseline + 30)"
    )
    parser.add_argument(
        "--report", type=Path, help="write the summary and the survivors to this Markdown file"
    )
    parser.add_argument("--list", action="store_true", help="only list the mutants; run nothing")
    parser.add_argument("--verbose", action="store_true", help="show pytest's output for runs that error")
    args = parser.parse_args(argv)

    plans = []
    for path in _modules(args.module):
        every = find_mutants(ROOT / path)
        if args.line:  # a chosen line is run whole, whatever the sample
            chosen = [m for m in every if m.line in args.line]
        else:
            chosen = sample(every, args.max, args.seed, path)
        plans.append((path, chosen, len(every)))
    if args.list:
        for path, chosen, total in plans:
            print(f"{path}: {len(chosen)} of {total} mutants")
            for m in chosen:
                print(f"  {m.where}:{m.col} {m.description}")
        return 0

    # A shell starts a background job with SIGINT ignored, and an ignored signal stays ignored
    # across exec: the tests that send Ctrl-C to the command would then fail on the original
    # code. A handler of our own is reset to the default in every child.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGHUP, _interrupt)
    owner = lock()
    tallies: list[Tally] = []
    try:
        with tempfile.TemporaryDirectory(prefix="mutate-") as workdir:
            runner = Runner(Path(workdir), args.seed, args.verbose)
            for path, chosen, total in plans:
                tallies.append(mutate_module(path, chosen, total, runner, args.timeout))
    except KeyboardInterrupt:
        print("\ninterrupted; every module is restored", file=sys.stderr)
        return 130
    finally:
        owner.unlink(missing_ok=True)
    print("\n" + summary(tallies))
    for t in tallies:
        for o in t.outcomes:
            if o.status != "killed":
                print(f"{o.status:8} {o.mutant.where} {o.mutant.description}")
    if args.report:
        args.report.write_text(report(tallies, args.seed, args.max), encoding="utf-8")
        print(f"wrote {args.report}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
