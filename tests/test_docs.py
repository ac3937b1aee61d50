"""The README, the help text and the version cannot drift from the CLI."""

from __future__ import annotations

import re
import shutil
from importlib.metadata import version
from typing import Any

import pytest
import typer
from helpers import ROOT, docs_script, run

from cstofacts import __version__
from cstofacts.cli import app

README = (ROOT / "README.md").read_text(encoding="utf-8")


DOCS = docs_script()


def commands() -> dict[str, Any]:
    """The click commands Typer builds (click is vendored by Typer, so by duck typing)."""
    group: Any = typer.main.get_command(app)
    return dict(group.commands)


def options(command: Any) -> list[Any]:
    return [p for p in command.params if p.param_type_name == "option" and p.name != "help"]


def test_every_readme_example_shows_what_the_cli_prints_now() -> None:
    _, examples = DOCS.render_readme(README)
    assert len(examples) >= 12
    for example in examples:
        if example.actual is None:
            assert shutil.which("jq") is None
            continue
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
    for command in (
        "cstofacts list --year 2023 --category exercise",
        "--country Kyrgyz",
        "--org",
        "cstofacts search",
        "cstofacts show",
        "cstofacts timeline",
        "cstofacts stats --by category",
        "| jq",
        "| cut",
    ):
        assert command in tour, command


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
    for param in options(typer.main.get_command(app)):
        assert param.help
        assert max(param.opts, key=len) in README


def test_options_are_grouped_into_filter_and_output_panels() -> None:
    result = run("list", "--help", env={"COLUMNS": "120"})
    assert "─ Filters ─" in result.stdout
    assert "─ Output ─" in result.stdout
    assert result.stdout.index("--year") < result.stdout.index("--format")


def test_examples_in_help_really_run() -> None:
    for command in commands().values():
        for line in (command.help or "").splitlines():
            line = line.strip()
            if line.startswith("cstofacts ") and "|" not in line:
                args = line.split()[1:]
                result = run(*args, cwd=ROOT)
                assert result.returncode == 0, f"{line}: {result.stderr}"


def test_version_is_single_sourced() -> None:
    assert run("--version").stdout == f"cstofacts {__version__}\n"
    assert version("cstofacts") == __version__
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.findall(r"^## (\S+)", changelog, re.MULTILINE)[0] == __version__
