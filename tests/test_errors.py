"""Bad values for every option: exit 2, one clear line naming the option, never a traceback."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from helpers import Result, bundled, run

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
    "--place": "list",
    "--kind": "list",
    "--attributed-to": "list",
    "--paragraph": "list",
    "--text": "list",
    "--format": "list",
    "--fields": "list",
    "--sort": "list",
    "--limit": "list",
    "--by": "stats",
}
BAD_VALUES = {
    "empty": "",
    "blank": "   ",
    "long": LONG,
    "regex": "([*",
    "combining": COMBINING,
    "right-to-left": RIGHT_TO_LEFT,
}
# Not usage errors: for --country, --org and --place, a name with no near spelling is one the article does not
# mention (an answer, exit 1); for --text, combining marks are accents, which matching ignores, so
# "e" plus three acute accents is the word "e", which no claim holds (exit 1).
ANSWERS = {("--country", "regex"), ("--country", "combining"), ("--org", "regex"), ("--org", "combining")}
ANSWERS |= {("--place", "regex"), ("--place", "combining"), ("--text", "combining")}

CASES = [
    (option, name, value)
    for option in OPTIONS
    for name, value in BAD_VALUES.items()
    if (option, name) not in ANSWERS
]


def assert_usage_error(result: Result, option: str) -> None:
    assert result.code == 2, (result.out, result.err)
    assert result.out == ""
    assert result.err.startswith(f"cstofacts: error: {option}: "), result.err
    assert result.err.endswith("\n")
    assert result.err.count("\n") == 1, result.err
    assert "Traceback" not in result.err
    assert len(result.err) < 500


@pytest.mark.parametrize(("option", "name", "value"), CASES, ids=[f"{o}-{n}" for o, n, _ in CASES])
def test_bad_value_is_a_one_line_usage_error(cli: Cli, option: str, name: str, value: str) -> None:
    assert_usage_error(cli(OPTIONS[option], option, value), option)


@pytest.mark.parametrize(("option", "name"), sorted(ANSWERS))
def test_odd_names_and_words_are_answers_not_usage_errors(cli: Cli, option: str, name: str) -> None:
    value = BAD_VALUES[name]
    result = cli("list", option, value)
    assert (result.code, result.out) == (1, "")
    if option == "--text":
        assert result.err == "cstofacts: no claims match\n"
    else:
        table = {"--country": "countries", "--org": "organizations", "--place": "places"}[option]
        named = ", ".join(bundled()[table])
        assert result.err == f"cstofacts: the article does not mention {value!r} (it names: {named})\n"


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
            "cstofacts: error: --year: 'twenty' is not a year or range; use YYYY, YYYY..YYYY or YYYY-YYYY\n",
        ),
        (
            ["list", "--year", "2023-"],
            "cstofacts: error: --year: '2023-' is not a range; open ranges are written 2024.. or ..2023\n",
        ),
        (
            ["list", "--since", "٢٠٢٤"],
            "cstofacts: error: --since: '٢٠٢٤' is not a date; use YYYY, YYYY-MM, YYYY-MM-DD, "
            "'March 2025' or '31 March 2025'\n",
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
            ["list", "--org", "NATOO"],
            "cstofacts: error: --org: unknown organization 'NATOO'; did you mean 'NATO'?\n",
        ),
        (
            ["list", "--kind", "rumour"],
            "cstofacts: error: --kind: unknown kind 'rumour'; valid values: event, assessment, background\n",
        ),
        (
            ["list", "--attributed-to", "reporter"],
            "cstofacts: error: --attributed-to: unknown attribution 'reporter'; valid values: analyst, article\n",
        ),
        (
            ["list", "--paragraph", "21"],
            "cstofacts: error: --paragraph: there is no paragraph 21; the article's paragraphs are numbered "
            "1 to 20, and 0 is the headline\n",
        ),
        (
            ["list", "--format", "jsn"],
            "cstofacts: error: --format: unknown format 'jsn'; did you mean 'json'?\n",
        ),
        (["list", "--limit", "0"], "cstofacts: error: --limit: '0' is not a whole number of 1 or more\n"),
        (
            ["list", "--sort", "size"],
            "cstofacts: error: --sort: unknown sort key 'size'; valid values: date, id, category\n",
        ),
        (
            ["stats", "--by", "month"],
            "cstofacts: error: --by: cannot count by 'month'; valid values: year, category, country, org, "
            "kind, attribution, source\n",
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


def test_usa_is_never_taken_for_a_typo_of_ua(cli: Cli) -> None:
    result = cli("list", "--country", "USA")
    assert result.code == 1
    assert "did you mean" not in result.err
    assert result.err.startswith("cstofacts: the article does not mention 'USA'")


def test_text_ignores_combining_accents(cli: Cli) -> None:
    assert cli("list", "--text", "Do\u0301stuk", "--fields", "id").out == "dostuk-order-award\n"


def test_clicks_own_errors_speak_in_the_same_voice(cli: Cli) -> None:
    result = cli("list", "--colour")
    assert (result.code, result.out) == (2, "")
    assert (
        result.err
        == "cstofacts: error: no such option: --colour; did you mean --country?; see cstofacts list --help\n"
    )
    result = cli("list", "--year")  # the hint names the command whose help documents --year
    assert (result.code, result.out, result.err) == (
        2,
        "",
        "cstofacts: error: --year needs a value; see cstofacts list --help\n",
    )
    result = cli("--data")
    assert (result.code, result.out, result.err) == (
        2,
        "",
        "cstofacts: error: --data needs a value; see cstofacts --help\n",
    )
    result = cli("show")
    assert (result.code, result.out) == (2, "")
    assert result.err == "cstofacts: error: missing ID...; see cstofacts show --help\n"
    result = cli("list", "extra")
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith("cstofacts: error: ")
    assert result.err.count("\n") == 1


def test_bad_fields_is_reported_even_when_nothing_matches(cli: Cli) -> None:
    result = cli("list", "--year", "1999", "--fields", "when")
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith("cstofacts: error: --fields: unknown field 'when'")


@pytest.mark.parametrize(
    ("command", "option"), [("stats", "--fields"), ("stats", "--sort"), ("timeline", "--sort")]
)
def test_options_a_command_cannot_honour_do_not_exist(cli: Cli, command: str, option: str) -> None:
    result = cli(command, option, "id")
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith(f"cstofacts: error: no such option: {option}")
    assert result.err.endswith(f"; see cstofacts {command} --help\n")


def test_empty_id_is_a_usage_error(cli: Cli) -> None:
    result = cli("show", "")
    assert (result.code, result.out, result.err) == (
        2,
        "",
        "cstofacts: error: ID: an empty string is not a claim id\n",
    )


def test_no_command_gives_a_short_usage_with_examples(cli: Cli) -> None:
    result = cli()
    assert (result.code, result.out) == (2, "")
    lines = result.err.splitlines()
    assert lines[0] == "usage: cstofacts COMMAND [OPTIONS]"
    assert "  cstofacts search Khujand" in lines
    assert "  cstofacts list --country Kyrgyzstan" in lines
    assert lines[-1] == "Run 'cstofacts help COMMAND' or 'cstofacts COMMAND --help' for more."


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["Khujand"], "'Khujand' is not a command; try: cstofacts search Khujand"),
        (["find", "Khujand"], "'find' is not a command; try: cstofacts search Khujand"),
        (
            ["which", "exercises", "were", "held"],
            "'which' is not a command; try: cstofacts ask which exercises were held",
        ),
        (["lst"], "'lst' is not a command; did you mean 'list'?"),
    ],
)
def test_an_unknown_word_as_a_command_suggests_what_to_run(cli: Cli, args: list[str], expected: str) -> None:
    result = cli(*args)
    assert (result.code, result.out, result.err) == (2, "", f"cstofacts: error: {expected}\n")


def test_real_process_prints_no_traceback_for_bad_values() -> None:
    result = run("list", "--year", LONG, "--country", RIGHT_TO_LEFT)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == "cstofacts: error: --year: value is 10000 characters long; the limit is 200\n"
