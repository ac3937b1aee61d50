"""Start-up stays light: a machine-format query imports neither Rich nor pydantic nor OpenSSL, and a warm
cache spares the parser, the validator and the compiler."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from helpers import child_env

# Run one command line through cstofacts.cli.app.run, then report the exit code and what it imported.
PROBE = """
import json, os, sys
from cstofacts.cli.app import run
code = run(sys.argv[1:])
sys.stdout.flush()
os.write(2, ("\\nPROBE " + json.dumps({"code": int(code), "modules": sorted(sys.modules)}) + "\\n").encode())
"""
HEAVY = ("rich", "pydantic", "pygments", "markdown_it", "_hashlib")
COMPILING = ("cstofacts.records", "cstofacts.store.compile", "cstofacts.store.validate")


def loaded(*args: str, cwd: Path) -> set[str]:
    """The modules a command line imports, run in a fresh interpreter with the test's private cache."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,  # outside the source tree, so the installed package is what gets imported
        env=child_env(),
        timeout=120,
    )
    report = result.stderr.rsplit("\nPROBE ", 1)[-1]
    probe = json.loads(report)
    assert probe["code"] == 0, result.stderr
    return set(probe["modules"])


def heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in HEAVY)


def test_json_query_is_light_cold_and_spares_the_compiler_when_warm(tmp_path: Path, cache_dir: Path) -> None:
    cold = loaded("list", "--format", "json", cwd=tmp_path)
    assert heavy(cold) == []
    assert "cstofacts.store.compile" in cold  # the first run built the cache ...
    assert len(list(cache_dir.glob("*.sqlite3"))) == 1
    warm = loaded("list", "--format", "json", cwd=tmp_path)
    assert heavy(warm) == []
    assert sorted(m for m in warm if m in COMPILING) == []  # ... and the second only read it


def test_other_machine_formats_stay_light_too(tmp_path: Path) -> None:
    loaded("list", "--format", "json", cwd=tmp_path)  # warm the cache
    for fmt in ("plain", "jsonl", "tsv", "csv", "markdown"):
        assert heavy(loaded("list", "--year", "2023", "--format", fmt, cwd=tmp_path)) == [], fmt
    assert heavy(loaded("search", "Khujand", "--format", "json", cwd=tmp_path)) == []
    assert heavy(loaded("show", "minsk", "--format", "json", cwd=tmp_path)) == []
    assert heavy(loaded("stats", "--by", "year", "--format", "json", cwd=tmp_path)) == []


def test_drawing_loads_rich_and_only_what_it_draws_with(tmp_path: Path) -> None:
    listed = loaded("list", "--year", "2023", "--format", "table", cwd=tmp_path)
    assert not any(name == "rich" or name.startswith("rich.") for name in listed)  # output/listview.py
    charted = loaded("stats", "--by", "year", "--format", "table", cwd=tmp_path)
    assert "rich.console" in charted
    assert "rich.table" in charted


def test_a_pipe_loads_neither_the_pager_nor_the_export_nor_zsh_completion(tmp_path: Path) -> None:
    loaded("list", "--format", "json", cwd=tmp_path)  # warm the cache
    for args in (["list"], ["list", "--format", "csv", "--fields", "all"], ["--color", "always", "list"]):
        modules = loaded(*args, cwd=tmp_path)
        assert not modules & {"cstofacts.paging", "cstofacts.store.export", "cstofacts.cli.completion"}, args


def test_a_warm_lookup_defines_no_dataclass(tmp_path: Path) -> None:
    # Defining a dataclass costs start-up time at every run (docs/performance.md): the classes a
    # lookup defines are NamedTuples and plain classes, so `dataclasses` is never imported.
    loaded("list", "--format", "json", cwd=tmp_path)  # warm the cache
    for args in (
        ("list", "--year", "2023", "--format", "json"),
        ("search", "Khujand"),
        ("ask", "which exercises were held in 2023"),
        ("show", "khujand-border", "--format", "json"),
    ):
        assert "dataclasses" not in loaded(*args, cwd=tmp_path), args


def test_a_piped_ask_does_not_load_what_only_saying_its_reading_needs(tmp_path: Path) -> None:
    # The reading is said on a terminal's stderr or with --explain; piped, `ask` never writes it.
    loaded("list", "--format", "json", cwd=tmp_path)  # warm the cache
    quiet = loaded("ask", "which exercises were held in 2023", cwd=tmp_path)
    assert not quiet & {"cstofacts.cli.reading", "shlex"}
    assert "cstofacts.cli.reading" in loaded(
        "ask", "--explain", "which exercises were held in 2023", cwd=tmp_path
    )
