"""cstofacts.store.written's number check, pinned where the run of every escape mutant found the
suite silent (docs/testing.md, "Every escape, permission and SQL mutant").

A number a summary writes is looked for in the cited paragraphs as that number: its `.` is a
decimal point, not a pattern that any character fills, so "2.23" is not backed by "2023".
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Result
from test_mutants_lint import ABSENT, edit, line_of


@pytest.mark.parametrize("number", ["2.23", "20.3"])
def test_a_decimal_number_is_not_backed_by_digits_in_its_place(
    cli: Callable[..., Result], tmp_path: Path, number: str
) -> None:
    # ¶1 writes "March 6, 2023": each of these numbers, read as a pattern, would match its 2023.
    text = edit("met Kyrgyz officials", f"met {number} Kyrgyz officials")
    path = tmp_path / "lint.toml"
    path.write_text(text, "utf-8")
    result = cli("--data", str(path), "validate")
    assert (result.code, result.out) == (3, "")
    line = line_of(text, "summary = ", 'id = "talks"')
    assert result.err == f"cstofacts: {path}:{line}: claim 'talks': the number '{number}' {ABSENT}\n"


def test_the_same_number_written_in_the_paragraph_is_backed(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    path = tmp_path / "lint.toml"
    path.write_text(edit("met Kyrgyz officials", "met 2023 Kyrgyz officials"), "utf-8")
    result = cli("--data", str(path), "validate")
    assert (result.code, result.err) == (0, "")
