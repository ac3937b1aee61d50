"""cstofacts.cli.app, pinned where mutation testing found the suite silent (docs/testing.md).

A word that is not a command, a bad --color and an unknown shell are quoted back in the error,
each cut to forty characters, so a pasted paragraph never floods the terminal. Help that stdout
cannot take (a full disk, a closed descriptor) is exit 74 and a line that says why in words.
"""

from __future__ import annotations

import os
import shlex
import sys
from collections.abc import Callable

import pytest
from helpers import Result, shell

LONG = "x" * 60
CUT = "x" * 39 + "…"  # what one_line(LONG, 40) shows


def error(result: Result) -> str:
    assert (result.code, result.out) == (2, ""), result
    return result.err


def test_a_long_word_that_is_not_a_command_is_cut(cli: Callable[..., Result]) -> None:
    assert error(cli(LONG, "y" * 50)) == (
        f"cstofacts: error: '{CUT}' is not a command; try: cstofacts search {CUT} {'y' * 39}…\n"
    )


def test_the_words_after_an_alias_are_cut(cli: Callable[..., Result]) -> None:
    assert (
        error(cli("find", LONG))
        == f"cstofacts: error: 'find' is not a command; try: cstofacts search {CUT}\n"
    )


def test_a_long_colour_choice_is_cut(cli: Callable[..., Result]) -> None:
    assert error(cli("--color", LONG, "list")) == (
        f"cstofacts: error: --color: '{CUT}' is not auto, always or never\n"
    )


def test_a_long_shell_name_is_cut(cli: Callable[..., Result]) -> None:
    assert error(cli("--show-completion", LONG)).startswith(
        f"cstofacts: error: --show-completion: no completion for the shell '{CUT}'; choose "
    )


def test_a_long_unknown_option_is_cut(cli: Callable[..., Result]) -> None:
    option = "--" + "z" * 60
    assert error(cli("list", option)) == (
        f"cstofacts: error: no such option: {option[:39]}…; see cstofacts list --help\n"
    )


def test_a_database_that_fails_after_it_was_opened_is_a_data_error(
    cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from cstofacts.store.engine import Store

    def damaged(self: Store, q: object) -> None:
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(Store, "claims", damaged)
    result = cli("show", "khujand-border-agreement-2025-03-31")
    assert (result.code, result.out) == (3, "")
    assert result.err == (
        "cstofacts: bundled dataset: the compiled dataset cannot be read (database disk image is"
        " malformed); run again with --no-cache\n"
    )


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_is_one_line_and_74_however_large_the_result() -> None:
    # The results held back are dropped, so the interpreter's last flush cannot fail a second time.
    for command in ("cstofacts list > /dev/full", "cstofacts list --format json > /dev/full"):
        result = shell(command)
        assert (result.returncode, result.stderr) == (
            74,
            "cstofacts: error: cannot write results: No space left on device\n",
        ), command


def test_install_completion_says_where_it_installed_the_script(cli: Callable[..., Result]) -> None:
    home = os.environ["HOME"]  # the test's own (conftest)
    result = cli("--install-completion", "bash")
    assert (result.code, result.err) == (0, "")
    assert result.out == f"bash completion installed in {home}/.bash_completions/cstofacts.sh\n"
    assert os.path.isfile(f"{home}/.bash_completions/cstofacts.sh")


# `python -m cstofacts` is the command as the package under test has it (the installed script
# may be another copy's).
MODULE = f"{shlex.quote(sys.executable)} -m cstofacts"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("words", ["--help", "list --help", "help", "help list"])
def test_help_that_a_full_disk_cannot_take_says_why_in_words(words: str) -> None:
    result = shell(f"{MODULE} {words} > /dev/full")
    assert (result.returncode, result.stderr) == (
        74,
        "cstofacts: error: cannot write results: No space left on device\n",
    )


@pytest.mark.parametrize("words", ["--help", "list --help", "list -h", "help", "help list"])
def test_help_asked_for_with_stdout_closed_is_74_and_says_so(words: str) -> None:
    result = shell(f"{MODULE} {words} >&-")
    assert (result.returncode, result.stderr) == (
        74,
        "cstofacts: error: cannot write results: stdout is closed\n",
    )
