"""Any bytes as an argument get an answer or a clean error, never a traceback.

On POSIX, argv bytes that are not UTF-8 reach Python as lone surrogates (PEP 383): the strings
here are made the same way, from arbitrary bytes, and go through the real entry point."""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest
from helpers import Result, run
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

Cli = Callable[..., Result]

# Every command and option that takes words, ids or values typed by the user.
TAKES_WORDS = [
    ["ask"],
    ["search"],
    ["show"],
    ["cite"],
    ["read"],
    ["help"],
    ["list", "--country"],
    ["list", "--org"],
    ["list", "--category"],
    ["list", "--year"],
    ["list", "--kind"],
    ["list", "--fields"],
    ["list", "--sort"],
    ["list", "--format"],
    ["search", "--country"],
    ["timeline", "--country"],
    ["stats", "--by"],
    [],  # an unknown command
]
argument = st.binary(min_size=1, max_size=24).map(os.fsdecode)


@pytest.mark.parametrize("command", TAKES_WORDS, ids=lambda c: " ".join(c) or "command")
@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(word=argument)
@example(word=os.fsdecode(b"caf\xe9"))
@example(word=os.fsdecode(b"\xff\xfe\x1b[2J"))
@example(word=os.fsdecode(b"khujand\x80"))
def test_any_argument_bytes_get_an_answer_or_a_clean_error(cli: Cli, command: list[str], word: str) -> None:
    if word.startswith("-"):
        word = "x" + word  # an option name is another test's business
    result = cli(*command, word)  # an exception here is the traceback a user would see
    assert result.code in (0, 1, 2), result
    assert "Traceback" not in result.err
    for line in result.err.splitlines():
        assert line.startswith("cstofacts:") or line.startswith("usage:") or not line.strip(), result.err


@pytest.mark.parametrize("command", [["show"], ["cite"]])
def test_a_latin_1_id_is_a_clean_miss_through_the_real_argv(command: list[str]) -> None:
    """The issue's case, through a real process: `cstofacts show $'caf\\xe9'`."""
    result = run(*command, os.fsdecode(b"caf\xe9"))
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == "cstofacts: no claim with id 'caf\\udce9'\n"
