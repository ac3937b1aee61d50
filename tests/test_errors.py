"""Bad values for every option: exit 2, one clear line naming the option, never a traceback."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from helpers import Result, run

Cli = Callable[..., Result]

LONG = "x" * 10_000
COMBINING = "e\u0301\u0301\u0301"
RIGHT_TO_LEFT = "\u202ekg"
# option -> the command that takes it
OPTIONS = {
    "--year": "list",
    "--since": "list",
    "--until": "list",
    "--category": "list",
    "--country": "list",
    "--org": "list",
    "--kind": "list",
    "--text": "list",
    "--format": "list",
    "--fields": "list",
    "--sort": "list",
    "--limit": "list",
    "--by": "stats",
}
BAD_VALUES = {
    "empty": "",
    "long": LONG,
    "regex": "([*",
    "combining": COMBINING,
    "right-to-left": RIGHT_TO_LEFT,
}


def assert_usage_error(result: Result, option: str) -> None:
    assert result.code == 2, (result.out, result.err)
    assert result.out == ""
    assert result.err.endswith("\n")
    assert result.err.count("\n") == 1, result.err
    assert option in result.err
    assert "Traceback" not in result.err
    assert len(result.err) < 500


# For --text, regex characters are plain words that match nothing (exit 1), and combining
# marks are accents, which --text ignores: "e" plus three acute accents finds every "e".
CASES = [
    (option, name, value)
    for option in OPTIONS
    for name, value in BAD_VALUES.items()
    if not (option == "--text" and name in ("regex", "combining"))
]


@pytest.mark.parametrize(("option", "name", "value"), CASES, ids=[f"{o}-{n}" for o, n, _ in CASES])
def test_bad_value_is_a_one_line_usage_error(cli: Cli, option: str, name: str, value: str) -> None:
    assert_usage_error(cli(OPTIONS[option], option, value), option)


@pytest.mark.parametrize("value", ["([*", "Search.2023", "x" * 200])
def test_text_is_literal_and_odd_words_just_match_nothing(cli: Cli, value: str) -> None:
    result = cli("list", "--text", value)
    assert (result.code, result.out, result.err) == (1, "", "cstofacts: no claims match\n")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["list", "--year", "2025..2023"],
            "cstofacts: error: --year: range 2025..2023 runs backwards; did you mean 2023..2025?\n",
        ),
        (
            ["list", "--since", "2024-02-30"],
            "cstofacts: error: --since: '2024-02-30' is not a real day: 2024-02 has 29 days\n",
        ),
        (["list", "--until", "2024-13-45"], "cstofacts: error: --until: '2024-13-45' has no month 13\n"),
        (
            ["list", "--year", "twenty"],
            "cstofacts: error: --year: 'twenty' is not a year or range; use YYYY or YYYY..YYYY\n",
        ),
        (
            ["list", "--category", "exercize"],
            "cstofacts: error: --category: unknown category 'exercize'; did you mean 'exercise'?\n",
        ),
        (
            ["list", "--country", "Kyrgystan"],
            "cstofacts: error: --country: unknown country 'Kyrgystan'; did you mean 'Kyrgyzstan'?\n",
        ),
        (
            ["list", "--org", "OTAN"],
            "cstofacts: error: --org: unknown organization 'OTAN'; valid values: CSTO, UN, CIS, SCO, NATO\n",
        ),
        (
            ["list", "--format", "jsn"],
            "cstofacts list: error: Invalid value for '--format' / '-f': 'jsn' is not "
            "one of 'table', 'plain', 'tsv', 'csv', 'json', 'jsonl', 'markdown'. "
            "Did you mean 'json'?\n",
        ),
        (
            ["list", "--since", "2025", "--until", "2024"],
            "cstofacts: error: --since: 2025 is after --until 2024\n",
        ),
    ],
)
def test_messages_say_what_is_wrong_and_suggest(cli: Cli, args: list[str], expected: str) -> None:
    result = cli(*args)
    assert (result.code, result.out, result.err) == (2, "", expected)


def test_text_ignores_combining_accents(cli: Cli) -> None:
    assert cli("list", "--text", "Do\u0301stuk", "--fields", "id").out == "dostuk-order-award\n"


def test_unknown_option_and_missing_argument(cli: Cli) -> None:
    assert_usage_error(cli("list", "--colour"), "--colour")
    result = cli("show")
    assert result.code == 2
    assert "ID" in result.err


def test_bad_fields_is_reported_even_when_nothing_matches(cli: Cli) -> None:
    result = cli("list", "--year", "1999", "--fields", "when")
    assert result.code == 2
    assert "--fields: unknown field 'when'" in result.err


def test_stats_refuses_options_it_cannot_apply(cli: Cli) -> None:
    result = cli("stats", "--by", "year", "--sort", "id")
    assert (result.code, result.out) == (2, "")
    assert (
        result.err
        == "cstofacts: error: --sort: does not apply to stats, which prints each value and its count\n"
    )


def test_empty_id_is_a_usage_error(cli: Cli) -> None:
    assert cli("show", "").code == 2


def test_no_command_shows_help(cli: Cli) -> None:
    result = cli()
    assert result.code == 2
    assert "Usage" in result.out + result.err


def test_real_process_prints_no_traceback_for_bad_values() -> None:
    result = run("list", "--year", LONG, "--country", RIGHT_TO_LEFT)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
