"""cstofacts.errors, pinned where mutation testing found the suite silent (docs/testing.md).

A DataError lists its problems in line order: those about the file as a whole (no line) come
first, even before a problem on line 1; and on one line, a problem without a column comes
before one at column 1.
"""

from __future__ import annotations

from cstofacts.errors import DataError, Problem


def test_a_problem_without_a_line_comes_before_one_on_line_1() -> None:
    error = DataError([Problem("d.toml", 1, "on line 1"), Problem("d.toml", None, "the whole file")])
    assert error.messages() == ["d.toml: the whole file", "d.toml:1: on line 1"]
    assert str(error) == "d.toml: the whole file\nd.toml:1: on line 1"


def test_a_problem_without_a_column_comes_before_one_at_column_1() -> None:
    error = DataError([Problem("d.toml", 4, "at column 1", 1), Problem("d.toml", 4, "the line")])
    assert error.messages() == ["d.toml:4: the line", "d.toml:4:1: at column 1"]
