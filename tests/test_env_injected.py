"""run() takes an Env, so terminal behaviour is tested in-process, as httpie's MockEnvironment does;
tests/test_terminal.py keeps the pseudo-terminal runs that prove the real thing."""

from __future__ import annotations

import io

from cstofacts.cli.app import run
from cstofacts.env import Env


def terminal(width: int = 100, *, colour: bool = False, ascii_only: bool = False) -> tuple[Env, io.StringIO]:
    out, err = io.StringIO(), io.StringIO()
    environment = Env(
        stdout=out,
        stderr=err,
        stdout_isatty=True,
        stderr_isatty=True,
        colour=colour,
        stderr_colour=False,
        width=width,
        ascii_only=ascii_only,
        json_ascii=False,
    )
    return environment, out


def test_a_terminal_gets_the_list_view_and_a_pipe_gets_rows() -> None:
    environment, out = terminal()
    assert run(["list", "--paragraph", "13"], environment) == 0
    screen = out.getvalue().splitlines()
    assert screen[0].split() == ["date", "category", "claim"]
    assert screen[1] == "─" * 100
    assert "khujand-border-agreement-2025-03-31  TJ,KG,UZ  ¶13" in out.getvalue()
    piped, rows = terminal()
    piped = Env(**{name: getattr(piped, name) for name in Env.__slots__} | {"stdout_isatty": False})
    assert run(["list", "--paragraph", "13"], piped) == 0
    assert [line.split("\t")[0] for line in rows.getvalue().splitlines()] == [
        "bilateral-consultations-2024-2025",
        "khujand-border-agreement-2025-03-31",
        "secretary-general-role-kg-tj",
        "khujand-agreement-stability",
        "dostuk-order-award",
    ]


def test_the_terminal_decides_width_colour_and_ascii() -> None:
    narrow, out = terminal(40)
    assert run(["show", "khujand-border-agreement-2025-03-31"], narrow) == 0
    assert max(len(line) for line in out.getvalue().splitlines()) <= 40
    coloured, out = terminal(colour=True)
    assert run(["list", "--paragraph", "13"], coloured) == 0
    assert "\x1b[" in out.getvalue()
    plain, out = terminal(ascii_only=True)
    assert run(["list", "--paragraph", "13"], plain) == 0
    assert out.getvalue().isascii() and "P13" in out.getvalue()


def test_a_given_terminal_is_kept_whatever_color_says() -> None:
    environment, out = terminal(colour=False)
    assert run(["--color", "always", "list", "--paragraph", "13"], environment) == 0
    assert "\x1b[" not in out.getvalue()  # the Env handed in is the decision
