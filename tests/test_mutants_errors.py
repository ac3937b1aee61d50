"""cstofacts.errors, pinned where mutation testing found the suite silent (docs/testing.md).

A DataError lists its problems in line order: those about the file as a whole (no line) come
first, even before a problem on line 1; and on one line, a problem without a column comes
before one at column 1. A run interrupted by Ctrl-C exits 130, as the README says.
"""

from __future__ import annotations

import io

from cstofacts.cli.app import run
from cstofacts.env import Env
from cstofacts.errors import DataError, Problem


def test_a_problem_without_a_line_comes_before_one_on_line_1() -> None:
    error = DataError([Problem("d.toml", 1, "on line 1"), Problem("d.toml", None, "the whole file")])
    assert error.messages() == ["d.toml: the whole file", "d.toml:1: on line 1"]
    assert str(error) == "d.toml: the whole file\nd.toml:1: on line 1"


def test_a_problem_without_a_column_comes_before_one_at_column_1() -> None:
    error = DataError([Problem("d.toml", 4, "at column 1", 1), Problem("d.toml", 4, "the line")])
    assert error.messages() == ["d.toml:4: the line", "d.toml:4:1: at column 1"]


class _Interrupted(io.StringIO):
    """A terminal the user presses Ctrl-C at while text is being written to it."""

    def write(self, text: str) -> int:
        raise KeyboardInterrupt


def test_ctrl_c_while_the_completion_script_is_written_exits_130() -> None:
    # An embedder's run(), with Python's own Ctrl-C handling: the interrupt lands while the
    # script `--show-completion` prints is being written, and the run ends as interrupted.
    err = io.StringIO()
    environment = Env(
        stdout=_Interrupted(),
        stderr=err,
        stdout_isatty=True,
        stderr_isatty=True,
        colour=False,
        stderr_colour=False,
        width=100,
        ascii_only=False,
        json_ascii=False,
    )
    assert run(["--show-completion", "bash"], environment) == 130
    assert err.getvalue() == ""
