"""The manual page is made from the current help, and renders cleanly.

Every command's and option's help text a user reads reaches the page, so a change to one that
the page does not carry fails here (scripts/mutate.py runs this for every module of cli/).
"""

from __future__ import annotations

import shutil
from typing import Any

import pytest
import typer
from helpers import ROOT, docs_script, run

from cstofacts.cli.app import COMMANDS, build_app

DOCS = docs_script()


def commands() -> dict[str, Any]:
    """Every command, built the way a run builds the one it needs."""
    root = typer.main.get_command(build_app())
    return {name: root.get_command(None, name) for name in COMMANDS}  # type: ignore[attr-defined]


def options(command: Any) -> list[Any]:
    return [p for p in command.params if p.param_type_name == "option" and p.name != "help"]


def test_the_manual_page_is_made_from_the_current_help() -> None:
    page = (ROOT / "docs" / "cstofacts.1").read_text(encoding="utf-8")
    assert page == DOCS.man_page(), "docs/cstofacts.1 is out of date; run: python scripts/docs.py"
    assert run("help", "--man").stdout == page  # the installed copy is the committed one
    for name in COMMANDS:
        assert f".SS cstofacts {name} " in page
    for command in commands().values():
        for param in options(command):
            assert max(param.opts, key=len).replace("-", "\\-") in page


@pytest.mark.skipif(shutil.which("groff") is None, reason="needs groff")
def test_the_manual_page_renders_without_a_warning() -> None:
    import subprocess

    result = subprocess.run(
        ["groff", "-man", "-Tutf8", "-ww", "-z", str(ROOT / "docs" / "cstofacts.1")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")
