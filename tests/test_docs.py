"""The README, the help text and the version cannot drift from the CLI."""

from __future__ import annotations

import re
import shlex
import shutil
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest
import typer
from helpers import EXE, ROOT, docs_script, run

from cstofacts import __version__
from cstofacts.cli.app import COMMANDS, build_app

README = (ROOT / "README.md").read_text(encoding="utf-8")


DOCS = docs_script()


def group() -> Any:
    """The root click group Typer builds (click is vendored by Typer, so by duck typing)."""
    return typer.main.get_command(build_app())


def commands() -> dict[str, Any]:
    """Every command, built the way a run builds the one it needs."""
    root = group()
    return {name: root.get_command(None, name) for name in COMMANDS}


def options(command: Any) -> list[Any]:
    return [p for p in command.params if p.param_type_name == "option" and p.name != "help"]


def test_every_readme_example_shows_what_the_cli_prints_now() -> None:
    _, examples = DOCS.render_readme(README)
    assert len(examples) >= 12
    for example in examples:
        # CI installs jq and sqlite3: an example that needs one is checked, never skipped.
        assert example.actual is not None, f"install jq and sqlite3 to check: {example.command}"
        assert example.shown == example.actual, (
            f"README is out of date for: {example.command}\nrun: python scripts/docs.py"
        )


@pytest.mark.parametrize("name", list(DOCS.PICTURES))
def test_screenshots_are_drawn_from_the_current_cli(name: str) -> None:
    path = DOCS.IMAGES / name
    assert path.read_text(encoding="utf-8") == DOCS.picture(DOCS.PICTURES[name]), (
        f"{name} is out of date; run: python scripts/docs.py"
    )
    assert f"docs/images/{name}" in README


def test_the_tour_covers_what_a_new_user_asks() -> None:
    tour = README[README.index("## A tour") : README.index("## Reference")]
    first = re.search(r"<!-- run: (.+?) -->", tour)
    assert first is not None and first[1].startswith("cstofacts ask "), "the tour opens with ask"
    for command in (
        "cstofacts ask which",
        "cstofacts ask when",
        "cstofacts search",
        "--country Kyrgyz",
        "--org",
        "cstofacts show",
        "cstofacts read 13",
        "cstofacts cite",
        "cstofacts timeline",
        "cstofacts stats --by category",
        "cstofacts export",
        "| jq",
        "| cut",
    ):
        assert command in tour, command
    show = tour[tour.index("<!-- run: cstofacts show") :]
    assert "¶13" in show.split("<!-- run:", 2)[1], "show's example shows its evidence"


def test_quick_start_is_exactly_two_commands() -> None:
    block = README.split("<!-- quickstart -->\n```sh\n", 1)[1].split("```", 1)[0]
    lines = block.strip().splitlines()
    assert lines == [
        "pip install . && cstofacts list --year 2023 --category exercise",
        "pip install '.[test]' && pytest",
    ]


@pytest.mark.parametrize("name", list(commands()))
def test_every_command_has_a_purpose_and_examples(name: str) -> None:
    command = commands()[name]
    help_text = command.help or ""
    purpose, _, rest = help_text.partition("\n")
    assert purpose.strip().endswith(".")
    examples = [line.strip() for line in rest.splitlines() if line.strip().startswith("cstofacts ")]
    assert 2 <= len(examples) <= 3, examples
    assert f"`{name}" in README


@pytest.mark.parametrize("name", list(commands()))
def test_every_option_has_help_and_is_in_the_readme(name: str) -> None:
    for param in options(commands()[name]):
        assert param.help, f"{name} {param.opts}"
        longest = max(param.opts, key=len)
        assert f"`{longest}" in README, f"{name} {longest} is not documented in the README"


def test_global_options_are_documented() -> None:
    for param in options(group()):
        assert param.help
        assert max(param.opts, key=len) in README


def test_help_is_plain_text_on_a_colour_terminal_too() -> None:
    env = DOCS._env(TERM="xterm-256color", COLUMNS="120")
    code, screen = DOCS.terminal_output([str(EXE), "list", "--help"], env)
    assert code == 0
    assert "\x1b" not in screen
    assert screen.index("--year") < screen.index("--format")
    assert not [line for line in screen.splitlines() if line != line.rstrip()]


def test_help_is_plain_text_when_piped() -> None:
    result = run("list", "--help", env={"COLUMNS": "120"})
    assert result.returncode == 0
    assert "\x1b" not in result.stdout
    assert "Options:" in result.stdout


def test_examples_in_help_really_run(tmp_path: Path) -> None:
    # In a scratch directory that holds the files the examples name, so that export writes there.
    (tmp_path / "data").mkdir()
    shutil.copy(ROOT / "data" / "claims.toml", tmp_path / "data" / "claims.toml")
    shutil.copy(ROOT / "data" / "claims.toml", tmp_path / "mine.toml")
    for command in commands().values():
        for line in (command.help or "").splitlines():
            line = line.strip()
            if line.startswith("cstofacts ") and not re.search(r"[|>;&]", line):
                args = shlex.split(line)[1:]
                result = run(*args, cwd=tmp_path)
                assert result.returncode == 0, f"{line}: {result.stderr}"


def test_version_is_single_sourced() -> None:
    assert run("--version").stdout == f"cstofacts {__version__}\n"
    assert version("cstofacts") == __version__
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.findall(r"^## (\S+)", changelog, re.MULTILINE)[0] == __version__
