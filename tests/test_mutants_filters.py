"""cstofacts.query.filters, pinned where mutation testing found the suite silent (docs/testing.md).

Which near misses of a name get a "did you mean" (exit 2) and which are simply not in the article
(exit 1); the exact words of the usage errors; plurals of categories; the order of `ask` lists.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from helpers import HEAD, Result, claim_toml, ids

from cstofacts.errors import UsageError
from cstofacts.query import filters

Cli = Callable[..., Result]
CATEGORIES = (
    "context, priority-task, leadership, mediation, meeting, agreement, decision, award, exercise, "
    "cooperation, publication, conclusion"
)
COUNTRIES = "AM, BY, CN, KG, KZ, RU, TJ, UA, UZ"
ORGANIZATIONS = "CSTO, UN, CIS, SCO, NATO"


def assert_usage_error(result: Result, message: str) -> None:
    assert (result.code, result.out, result.err) == (2, "", f"cstofacts: error: {message}\n")


@pytest.mark.parametrize(
    ("option", "typed", "meant"),
    [
        ("--country", "Belar", "Belarus"),  # five letters: any near spelling, at the strict cutoff
        ("--country", "Byelor", "Byelorussia"),  # six letters and more: the looser cutoff
        ("--country", "Chin", "China"),  # a written spelling of five letters is offered
        ("--org", "CISs", "CIS"),  # four letters: a code one letter shorter is offered
    ],
)
def test_a_near_miss_of_a_declared_name_gets_a_suggestion(
    cli: Cli, option: str, typed: str, meant: str
) -> None:
    what = "country" if option == "--country" else "organization"
    assert_usage_error(
        cli("list", option, typed), f"{option}: unknown {what} {typed!r}; did you mean {meant!r}?"
    )


@pytest.mark.parametrize(
    ("option", "typed", "named"),
    [
        ("--country", "Kyrg", COUNTRIES),  # four letters are never taken for a much longer name
        ("--country", "Kaza", COUNTRIES),
        ("--country", "Belor", COUNTRIES),  # five letters need the strict cutoff
        ("--org", "ДКБ", ORGANIZATIONS),  # written spellings of four letters or fewer are not offered
    ],
)
def test_a_name_too_far_from_any_declared_one_is_not_in_the_article(
    cli: Cli, option: str, typed: str, named: str
) -> None:
    result = cli("list", option, typed)
    assert (result.code, result.out) == (1, "")
    assert result.err == f"cstofacts: the article does not mention {typed!r} (it names: {named})\n"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "needs a value, not an empty string"),
        ("   ", "needs a value, not an empty string"),
        ("x" * 201, "value is 201 characters long; the limit is 200"),
        ("\u202ekg", "value contains control or invisible formatting characters"),
        ("a\x07b", "value contains control or invisible formatting characters"),
    ],
)
def test_a_value_that_is_no_value_gets_its_reason(cli: Cli, value: str, message: str) -> None:
    assert_usage_error(cli("list", "--text", value), f"--text: {message}")


def test_a_value_of_exactly_200_characters_is_taken(cli: Cli) -> None:
    result = cli("list", "--text", "x" * 200)
    assert (result.code, result.out, result.err) == (1, "", "cstofacts: no claims match\n")


def test_a_long_unknown_value_is_quoted_cut_to_40_characters(cli: Cli) -> None:
    assert_usage_error(
        cli("list", "--category", "x" * 40),
        f"--category: unknown category {'x' * 40!r}; valid values: {CATEGORIES}",
    )
    assert_usage_error(
        cli("list", "--category", "x" * 41),
        f"--category: unknown category '{'x' * 40}…'; valid values: {CATEGORIES}",
    )
    assert filters.show("y" * 40) == repr("y" * 40)
    assert filters.show("y" * 41) == repr("y" * 40 + "…")


@pytest.mark.parametrize(
    ("typed", "category"),
    [
        ("priorities", "priority-task"),  # -ies is the plural of a synonym ending in -y
        ("drills", "exercise"),
        ("exercises", "exercise"),
    ],
)
def test_a_category_may_be_typed_as_a_plural(cli: Cli, typed: str, category: str) -> None:
    assert ids(cli("list", "--category", typed)) == ids(cli("list", "--category", category))
    assert ids(cli("list", "--category", category))  # the comparison above compares something


def test_only_a_plural_in_ies_is_read_as_a_word_in_y(cli: Cli) -> None:
    assert_usage_error(
        cli("list", "--category", "prioritise"),
        "--category: unknown category 'prioritise'; did you mean 'priority-task'?",
    )


def test_a_category_whose_plural_adds_es_is_found_by_it(cli: Cli, tmp_path: Path) -> None:
    head = HEAD.replace('meeting = "A meeting."', 'speech = "A speech."')
    path = tmp_path / "speeches.toml"
    path.write_text(head + claim_toml("address", category="speech"), encoding="utf-8")
    assert ids(cli("--data", str(path), "list", "--category", "speeches")) == ["address"]


def test_paragraph_errors_say_what_a_paragraph_number_is(cli: Cli) -> None:
    assert_usage_error(
        cli("list", "--paragraph", "abc"),
        "--paragraph: 'abc' is not a paragraph number; use a number such as 13",
    )
    assert_usage_error(
        cli("list", "--paragraph", "21"),
        "--paragraph: there is no paragraph 21; the article's paragraphs are numbered 1 to 20, and 0 is the headline",
    )


def test_without_a_paragraph_count_any_paragraph_is_allowed(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "uncounted.toml"
    path.write_text(HEAD.replace("paragraphs = 5\n", "") + claim_toml("talks"), encoding="utf-8")
    assert ids(cli("--data", str(path), "list", "--paragraph", "1")) == ["talks"]
    assert ids(cli("--data", str(path), "list", "--paragraph", "999")) == []
    assert filters.resolve_paragraph("0", None) == 0  # the headline
    assert filters.resolve_paragraph("¶999", None) == 999


def test_since_and_until_resolve_to_their_first_and_last_day() -> None:
    assert filters.since_until("March 2025", "2025-03-31") == (date(2025, 3, 1), date(2025, 3, 31))
    assert filters.since_until("2025-03-31", "2025-03-31") == (date(2025, 3, 31), date(2025, 3, 31))
    assert filters.since_until(None, None) == (None, None)
    with pytest.raises(UsageError, match=r"^2025 is after the end date 2024$"):
        filters.since_until("2025", "2024")


def test_since_and_until_the_same_day_is_that_day(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "days.toml"
    path.write_text(
        HEAD + claim_toml("before", date="2025-03-30") + claim_toml("on", date="2025-03-31"), encoding="utf-8"
    )
    assert ids(cli("--data", str(path), "list", "--since", "2025-03-31", "--until", "2025-03-31")) == ["on"]


def test_an_ask_list_comes_oldest_first_with_undated_last(cli: Cli) -> None:
    result = cli("ask", "which agreements were signed", "--format", "json")
    assert [c["id"] for c in json.loads(result.out)] == [
        "khujand-border-agreement-2025-03-31",
        "beijing-roadmap-2025-09-03",
        "summit-15-documents",
        "joint-press-center-provision",
    ]


def test_a_value_of_two_words_is_taken_for_its_dashed_name() -> None:
    from cstofacts.criteria import Prefer

    assert filters.choose("how many", Prefer, "unknown question word") is Prefer.HOW_MANY
    assert filters.choose(" How  Many ", Prefer, "unknown question word") is Prefer.HOW_MANY
