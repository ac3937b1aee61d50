"""cstofacts.cli.options, pinned where mutation testing found the suite silent (docs/testing.md).

Each output option is declared once and shown by every command that takes it, with its help
and no "[default: …]" (help says what a default is); a bad --prefer or --sort names the option,
what is wrong and the values it takes.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from helpers import Result


def _help(cli: Callable[..., Result], command: str) -> str:
    result = cli(command, "--help")
    assert (result.code, result.err) == (0, "")
    return " ".join(result.out.split())  # the words as shown, whatever the wrapping


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        (
            "--prefer",
            "nonsense",
            "unknown question word 'nonsense'; valid values: who, when, where, why, how-many",
        ),
        ("--sort", "nonsense", "unknown sort key 'nonsense'; valid values: date, id, category"),
    ],
)
def test_a_bad_choice_says_what_is_wrong_and_what_is_valid(
    cli: Callable[..., Result], option: str, value: str, message: str
) -> None:
    result = cli("list", option, value)
    assert (result.code, result.out) == (2, "")
    assert result.err == f"cstofacts: error: {option}: {message}\n"


@pytest.mark.parametrize(
    ("command", "shown"),
    [
        (
            "list",
            "--drafts Include draft claims (draft = true, as cstofacts new writes them), which are hidden otherwise.",
        ),
        ("list", "-r, --reverse Reverse the order. -n, --limit N Show at most N results."),
        ("stats", "-r, --reverse Reverse the order. -n, --limit N Show at most N results."),
        ("timeline", "--drafts Include draft claims"),
        ("search", "--any Claims holding any of the words, those holding the most of them first."),
        ("search", "--best With --any: only the claims holding the most of the words."),
        ("show", "--fields A,B,C Columns or keys to show, comma-separated"),
    ],
)
def test_each_command_shows_its_output_options_with_their_help(
    cli: Callable[..., Result], command: str, shown: str
) -> None:
    assert shown in _help(cli, command)


@pytest.mark.parametrize("command", ["read", "source", "stats", "validate", "help", "list", "new", "export"])
def test_help_shows_no_default_of_an_argument_or_option(cli: Callable[..., Result], command: str) -> None:
    assert "[default" not in _help(cli, command)


def test_an_optional_argument_shows_its_help_and_nothing_more(cli: Callable[..., Result]) -> None:
    shown = _help(cli, "read")
    assert (
        "Arguments: [SOURCE] [N...] Paragraph numbers (13 or ¶13; 0 is the headline); default: all. "
        "In a corpus, the source's id first. Options:"
    ) in shown
