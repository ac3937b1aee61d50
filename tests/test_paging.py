"""Long output on a terminal goes through a pager, as git and gh page it; a pipe never does.

The pager here is a fake that marks the screen and copies its input, on a real pseudo-terminal.
"""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path

import pytest
from helpers import pty_run, run
from synthetic import generate

from cstofacts import paging

FAKE = f"{shlex.quote(sys.executable)} -c " + shlex.quote(
    "import sys; sys.stdout.write('[paged]\\n' + sys.stdin.read())"
)
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def screen(*args: str, **env: str) -> tuple[int, str]:
    code, raw, err = pty_run(list(args), {"COLUMNS": "100", "TERM": "xterm", **env})
    assert err == ""
    return code, ANSI.sub("", raw.decode("utf-8").replace("\r\n", "\n"))


def test_long_output_on_a_terminal_goes_through_the_pager() -> None:
    code, shown = screen("list", CSTOFACTS_PAGER=FAKE, LINES="30")
    assert code == 0
    assert shown.startswith("[paged]\ndate ")
    assert shown.count("\n") > 100  # every line reached the pager
    assert "beijing-roadmap-2025-09-03" in shown


def test_pager_comes_from_pager_when_cstofacts_pager_is_unset() -> None:
    code, shown = screen("read", PAGER=FAKE, LINES="30")
    assert code == 0
    assert shown.startswith("[paged]\n¶1\n")


def test_output_that_fits_the_screen_is_not_paged() -> None:
    code, shown = screen("show", "khujand-border", CSTOFACTS_PAGER=FAKE, LINES="60")
    assert code == 0
    assert shown.startswith("khujand-border-agreement-2025-03-31\n")
    assert "[paged]" not in shown


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--no-pager", "list"], {"CSTOFACTS_PAGER": FAKE}),
        (["list"], {"PAGER": "cat"}),
        (["list"], {"PAGER": ""}),
        (["list"], {"CSTOFACTS_PAGER": "", "PAGER": FAKE}),
        (["list"], {"CSTOFACTS_PAGER": "no-such-pager-anywhere"}),  # one that cannot start: no pager
    ],
)
def test_paging_turned_off_writes_straight_to_the_terminal(args: list[str], env: dict[str, str]) -> None:
    code, shown = screen(*args, LINES="30", **env)
    assert code == 0
    assert shown.startswith("date ")
    assert "[paged]" not in shown
    assert "beijing-roadmap-2025-09-03" in shown


def test_a_pipe_is_never_paged() -> None:
    result = run("list", env={"CSTOFACTS_PAGER": FAKE, "LINES": "5"})
    assert result.returncode == 0
    assert "[paged]" not in result.stdout
    assert result.stdout.startswith("2022-turning-point\t")


def test_a_pager_quit_early_ends_the_run_quietly(tmp_path: Path) -> None:
    big = tmp_path / "claims.toml"
    big.write_text(generate(1000), encoding="utf-8")  # far more than a pipe holds
    quits = f"{shlex.quote(sys.executable)} -c " + shlex.quote("import sys; sys.stdin.read(10)")
    args = ["--data", str(big), "list", "--format", "table"]
    code, raw, err = pty_run(args, {"CSTOFACTS_PAGER": quits, "LINES": "5"})
    assert (code, err) == (0, "")
    assert raw == b""  # the pager showed nothing, and cstofacts wrote nothing past it


@pytest.mark.parametrize(
    ("text", "width", "count"),
    [
        ("", 80, 0),
        ("a\n", 80, 1),
        ("a\nb\n", 80, 2),
        ("a\n\nb\n", 80, 3),
        ("x" * 81 + "\n", 80, 2),  # a long line wraps
        ("x" * 80 + "\n", 80, 1),
        ("\x1b[1m" + "x" * 80 + "\x1b[0m\n", 80, 1),  # escape codes take no room
        ("no newline", 80, 1),
    ],
)
def test_rows_counts_what_the_terminal_shows(text: str, width: int, count: int) -> None:
    assert paging.rows(text, width) == count


@pytest.mark.parametrize(
    ("lines", "height"), [("40", 40), (" 12 ", 12), ("0", 24), ("-3", 24), ("x", 24), ("", 24)]
)
def test_screen_height(lines: str, height: int) -> None:
    assert paging.screen_height({"LINES": lines}, None) == height


def test_output_one_row_short_of_the_screen_is_not_paged_and_a_full_screen_is() -> None:
    """The shell's prompt takes a line: output of N rows fits a screen of N + 1 rows, not of N."""
    code, alone = screen("show", "khujand-border", CSTOFACTS_PAGER=FAKE, LINES="200")
    assert code == 0
    assert "[paged]" not in alone
    height = alone.count("\n")
    assert height > 10
    code, fits = screen("show", "khujand-border", CSTOFACTS_PAGER=FAKE, LINES=str(height + 1))
    assert (code, fits) == (0, alone)
    code, full = screen("show", "khujand-border", CSTOFACTS_PAGER=FAKE, LINES=str(height))
    assert (code, full) == (0, "[paged]\n" + alone)
