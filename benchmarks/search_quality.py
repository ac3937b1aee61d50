"""Search-quality benchmark: how well do `ask`, `search` and a plain FTS5 index answer readers' questions?

    python benchmarks/search_quality.py
    python benchmarks/search_quality.py --questions tests/questions.toml --data data/claims.toml
    python benchmarks/search_quality.py --jobs 1          # one subprocess at a time

Run it with the Python of a virtual environment where cstofacts is installed; it
uses nothing but the standard library. For every question in the questions file
(see tests/questions.toml for the format) it runs three systems:

- ask:    `cstofacts ask QUESTION --format json`, the question as one argument;
- search: `cstofacts search WORD... --format json`, the question split on whitespace,
          as a user would type it;
- fts5:   an in-memory SQLite FTS5 table over the claims' summaries
          (tokenize='porter unicode61 remove_diacritics 2'), queried the way a
          sqlite-utils user would: every token double-quoted, joined with OR,
          ranked by bm25, top 20 rows.

It prints one row per system: hit@1 and hit@3 over the pointed questions (a hit
is a first result, or one of the first three, in the question's `expect`); for
list questions the mean precision and recall of the whole returned set; how many
of the questions the article does not answer (type "none") got nothing at all;
and how many questions about the source itself (type "source") printed every
string of their `expect_text`. Then it lists the questions `ask` misses, with what
was expected and the first three ids it got, unless --quiet: a held-out set
(tests/questions_heldout.toml) is scored with --quiet, so that it keeps measuring
and is never tuned against. An exit status of 1 with nothing on stdout, or only
the empty JSON array `[]`, means nothing matched. The script exits 0 whatever the
scores; only a broken script or file exits otherwise.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: cstofacts depends on tomli there
    import tomli as tomllib  # type: ignore[no-redef]

ROOT = Path(__file__).resolve().parent.parent
CSTOFACTS = str(Path(sys.executable).parent / "cstofacts")
FTS_LIMIT = 20


@dataclass
class Question:
    q: str
    type: str  # pointed, list, none (the article does not answer), source (about the source itself)
    expect: list[str]
    note: str = ""
    expect_text: list[str] = field(default_factory=list)


@dataclass
class Answer:
    ids: list[str]
    error: str = ""  # set when the command failed for a reason other than "nothing matched"
    output: str = ""  # what it printed on stdout


@dataclass
class Score:
    n: int = 0  # pointed questions
    hit1: int = 0
    hit3: int = 0
    precisions: list[float] = field(default_factory=list)
    recalls: list[float] = field(default_factory=list)
    none: int = 0  # questions the article does not answer
    silent: int = 0  # ... answered with nothing
    source: int = 0  # questions about the source itself
    sourced: int = 0  # ... whose answer printed every expected string
    errors: int = 0
    first_error: str = ""

    def add(self, question: Question, answer: Answer) -> None:
        expect = set(question.expect)
        if question.type == "none":
            self.none += 1
            self.silent += silent(answer)
        elif question.type == "source":
            self.source += 1
            self.sourced += bool(answer.output) and right_text(question, answer)
        elif question.type == "list":
            got = set(answer.ids)
            self.precisions.append(len(got & expect) / len(got) if got else 0.0)
            self.recalls.append(len(got & expect) / len(expect) if expect else 1.0)
        else:
            self.n += 1
            self.hit1 += bool(answer.ids[:1] and answer.ids[0] in expect)
            self.hit3 += any(i in expect for i in answer.ids[:3])
        if answer.error:
            self.errors += 1
            self.first_error = self.first_error or answer.error


def silent(answer: Answer) -> bool:
    """Nothing given: stdout empty, or the empty JSON array a lookup that found nothing prints."""
    return answer.output.strip() in ("", "[]")


def right_text(question: Question, answer: Answer) -> bool:
    folded = answer.output.casefold()
    return all(text.casefold() in folded for text in question.expect_text)


def missed(question: Question, answer: Answer) -> bool:
    if question.type == "none":
        return not silent(answer)
    if question.type == "source":
        return not right_text(question, answer)
    expect = set(question.expect)
    wrong = not (answer.ids[:1] and answer.ids[0] in expect)
    return wrong or (question.type == "list" and set(answer.ids) != expect)


def load_questions(path: Path) -> list[Question]:
    with path.open("rb") as handle:
        raw = tomllib.load(handle)
    questions = []
    for entry in raw.get("questions", []):
        kind = entry.get("type")
        if kind not in ("list", "pointed", "none", "source"):
            raise SystemExit(f"{path}: bad question entry: {entry!r}")
        if kind in ("list", "pointed") and not entry.get("expect"):
            raise SystemExit(f"{path}: a {kind} question needs `expect`: {entry!r}")
        if kind == "source" and not entry.get("expect_text"):
            raise SystemExit(f"{path}: a source question needs `expect_text`: {entry!r}")
        questions.append(
            Question(
                entry["q"],
                kind,
                list(entry.get("expect", [])),
                entry.get("note", ""),
                list(entry.get("expect_text", [])),
            )
        )
    return questions


def run_cstofacts(args: Sequence[str], data: Path | None) -> Answer:
    """Run the installed command and return the ids it printed, in order."""
    command = [CSTOFACTS, *(["--data", str(data)] if data else []), *args]
    try:
        proc = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return Answer([], f"{type(exc).__name__}: {exc}")
    if proc.returncode not in (0, 1) or "Traceback (most recent call last)" in proc.stderr:
        last = proc.stderr.strip().splitlines()[-1:] or [f"exit {proc.returncode}"]
        return Answer([], f"exit {proc.returncode}: {last[0]}")
    if not proc.stdout.strip():
        return Answer([])
    try:
        found = json.loads(proc.stdout)
        return Answer([str(claim["id"]) for claim in found if "id" in claim], output=proc.stdout)
    except (ValueError, TypeError, KeyError) as exc:
        return Answer([], f"bad JSON output: {exc}")


def ask(question: str, data: Path | None) -> Answer:
    return run_cstofacts(["ask", question, "--format", "json"], data)


def search(question: str, data: Path | None) -> Answer:
    words = question.split()
    # `--` so that a word starting with a dash is a word, never an option.
    return run_cstofacts(["search", "--format", "json", "--", *words], data)


class Fts5Baseline:
    """The claims' summaries in an in-memory FTS5 table, searched as sqlite-utils users do."""

    def __init__(self, data: Path) -> None:
        with data.open("rb") as handle:
            claims = tomllib.load(handle).get("claims", [])
        self.db = sqlite3.connect(":memory:", check_same_thread=False)
        self.db.execute(
            "CREATE VIRTUAL TABLE claims USING fts5(id UNINDEXED, summary,"
            " tokenize='porter unicode61 remove_diacritics 2')"
        )
        self.db.executemany(
            "INSERT INTO claims (id, summary) VALUES (?, ?)",
            [(c["id"], c.get("summary", "")) for c in claims],
        )

    @staticmethod
    def match_expression(question: str) -> str:
        return " OR ".join('"' + token.replace('"', '""') + '"' for token in question.split())

    def __call__(self, question: str, data: Path | None = None) -> Answer:
        expression = self.match_expression(question)
        if not expression:
            return Answer([])
        output = ""
        try:
            rows = self.db.execute(
                "SELECT id FROM claims WHERE claims MATCH ? ORDER BY bm25(claims) LIMIT ?",
                (expression, FTS_LIMIT),
            ).fetchall()
        except sqlite3.Error as exc:
            return Answer([], f"sqlite: {exc}")
        ids = [row[0] for row in rows]
        return Answer(ids, output=json.dumps(ids) if ids else output)


def evaluate(
    system: Callable[[str, Path | None], Answer],
    questions: Sequence[Question],
    data: Path | None,
    jobs: int,
) -> tuple[Score, list[Answer]]:
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        answers = list(pool.map(lambda question: system(question.q, data), questions))
    score = Score()
    for question, answer in zip(questions, answers, strict=True):
        score.add(question, answer)
    return score, answers


def fraction(part: float, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "-"


def mean(values: Sequence[float]) -> str:
    return f"{sum(values) / len(values):.3f}" if values else "-"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, default=ROOT / "tests" / "questions.toml")
    parser.add_argument(
        "--data",
        type=Path,
        default=None,
        help="dataset for all three systems (default: the bundled one, data/claims.toml)",
    )
    parser.add_argument("--jobs", type=int, default=4, help="subprocesses run at once (default: 4)")
    parser.add_argument("--quiet", action="store_true", help="scores only, no question-by-question misses")
    args = parser.parse_args(argv)

    questions = load_questions(args.questions)
    counts = {t: sum(q.type == t for q in questions) for t in ("pointed", "list", "none", "source")}
    mix = ", ".join(f"{n} {t}" for t, n in counts.items())
    print(f"{len(questions)} questions ({mix}) from {args.questions}")

    systems: list[tuple[str, Callable[[str, Path | None], Answer]]] = [
        ("ask", ask),
        ("search", search),
        ("fts5 baseline", Fts5Baseline(args.data or ROOT / "data" / "claims.toml")),
    ]
    results = {name: evaluate(system, questions, args.data, args.jobs) for name, system in systems}

    header = (
        f"{'system':<14} {'hit@1':>6} {'hit@3':>6} {'list P':>7} {'list R':>7} {'silent':>7} {'source':>7}"
    )
    print()
    print(header)
    print("-" * len(header))
    for name, (score, _) in results.items():
        print(
            f"{name:<14} {fraction(score.hit1, score.n):>6} {fraction(score.hit3, score.n):>6}"
            f" {mean(score.precisions):>7} {mean(score.recalls):>7}"
            f" {score.silent:>3}/{score.none:<3} {score.sourced:>3}/{score.source:<3}"
        )
    print("hit@1, hit@3: pointed questions; silent: unanswerable ones answered with nothing;")
    print("source: questions about the source whose answer names what was asked")
    for name, (score, _) in results.items():
        if score.errors:
            print(
                f"note: {name} failed on {score.errors} question(s), counted as empty;"
                f" first: {score.first_error}"
            )

    ask_answers = results["ask"][1]
    misses = [(q, a) for q, a in zip(questions, ask_answers, strict=True) if missed(q, a)]
    print()
    print(f"ask misses: {len(misses)} of {len(questions)} (list: first result wrong or set not exact)")
    if args.quiet:
        return 0
    for question, answer in misses:
        print(f"- [{question.type}] {question.q}")
        print(f"    expected: {', '.join(sorted(question.expect))}")
        got = ", ".join(answer.ids[:3]) or "(nothing)"
        more = f" (+{len(answer.ids) - 3} more)" if len(answer.ids) > 3 else ""
        print(f"    got:      {got}{more}{'  [' + answer.error + ']' if answer.error else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
