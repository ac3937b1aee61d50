"""cstofacts.cli.present, pinned where mutation testing found the suite silent (docs/testing.md).

The terminal table shows the columns --fields names, in their order, and --format takes
its value in any case, as every other option value is taken.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from helpers import Result, bundled


def test_the_terminal_table_shows_the_fields_asked_for(cli: Callable[..., Result]) -> None:
    result = cli("list", "--format", "table", "--category", "award", "--fields", "id,category")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "id                   category\n─────────────────────────────\ndostuk-order-award   award\n"
    )
    flipped = cli("list", "--format", "table", "--category", "award", "--fields", "category,id")
    assert flipped.out.splitlines()[2] == "award      dostuk-order-award"


def test_a_narrow_terminal_stacks_only_the_fields_asked_for(
    cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    result = cli("list", "--format", "table", "--category", "award", "--fields", "id,category")
    assert (result.code, result.out) == (0, "id: dostuk-order-award\ncategory: award\n")


def test_without_fields_the_table_is_the_default_list(cli: Callable[..., Result]) -> None:
    result = cli("list", "--format", "table", "--category", "award")
    assert result.out.splitlines()[0] == "date      category   claim"
    assert "dostuk-order-award  ¶13" in result.out


@pytest.mark.parametrize("typed", ["JSON", "Json", " json ", "json"])
def test_a_format_is_taken_in_any_case(cli: Callable[..., Result], typed: str) -> None:
    result = cli("list", "--category", "award", "--fields", "id", "--format", typed)
    assert (result.code, result.out, result.err) == (0, '[\n{"id": "dostuk-order-award"}\n]\n', "")


def test_every_format_is_taken_in_upper_case(cli: Callable[..., Result]) -> None:
    for name in ("PLAIN", "TSV", "CSV", "JSONL", "MARKDOWN", "TABLE"):
        result = cli("list", "--category", "award", "--fields", "id", "--format", name)
        assert (result.code, result.err) == (0, ""), name
        assert "dostuk-order-award" in result.out, name


def test_a_word_of_a_longer_name_points_to_the_whole_name(cli: Callable[..., Result]) -> None:
    result = cli("search", "Shanghai")
    assert (result.code, result.out) == (1, "")
    assert result.err == (
        "cstofacts: no claim holds 'Shanghai'; it is part of the name 'shanghai cooperation organisation':"
        " search for the whole name or SCO\ncstofacts: no claims match\n"
    )


def test_one_word_that_matches_but_is_filtered_out_gets_no_note_about_words(
    cli: Callable[..., Result],
) -> None:
    result = cli("search", "Khujand", "--year", "2019")
    assert (result.code, result.out, result.err) == (1, "", "cstofacts: no claims match\n")


@pytest.mark.parametrize(
    ("bound", "note"),
    [
        (("--since", "2025-01-15"), "3 claims are"),  # in January, not its first day
        (("--until", "2024-03-01"), "10 claims are"),  # the first day of a month, not of January
        (("--until", "2025-03-31"), "12 claims are"),  # the last day of a month, not of December
        (("--since", "2024-12-15"), "4 claims are"),  # in December, not its last day
    ],
)
def test_a_bound_inside_a_year_says_which_claims_are_dated_only_to_the_year(
    cli: Callable[..., Result], bound: tuple[str, str], note: str
) -> None:
    result = cli("list", *bound)
    assert result.code == 0
    assert result.err == f"cstofacts: {note} dated only to the year, which overlaps the dates asked for\n"


@pytest.mark.parametrize("bound", [("--since", "2025-01-01"), ("--until", "2024-12-31")])
def test_a_bound_on_a_year_boundary_says_nothing(cli: Callable[..., Result], bound: tuple[str, str]) -> None:
    result = cli("list", *bound)
    assert (result.code, result.err) == (0, "")


@pytest.mark.parametrize("fmt", ["plain", "json", "csv"])
def test_a_month_asked_for_says_how_many_claims_are_dated_only_to_its_year(
    cli: Callable[..., Result], fmt: str
) -> None:
    result = cli("list", "--since", "2023-03-01", "--until", "2023-03-31", "--format", fmt)
    yearly = [c["id"] for c in bundled()["claims"] if c.get("date") == "2023"]
    assert result.code == 0 and len(yearly) > 1
    assert (
        result.err
        == f"cstofacts: {len(yearly)} claims are dated only to the year, which overlaps the dates asked for\n"
    )


def test_one_claim_dated_only_to_the_year_is_counted_in_the_singular(cli: Callable[..., Result]) -> None:
    # The year whose claims dated only to it are one, read from the dataset.
    counts: dict[str, int] = {}
    for claim in bundled()["claims"]:
        if len(str(claim.get("date", ""))) == 4:
            counts[str(claim["date"])] = counts.get(str(claim["date"]), 0) + 1
    year = next(y for y, n in sorted(counts.items()) if n == 1)
    result = cli("list", "--since", f"{year}-06-01", "--until", f"{year}-06-30")
    assert result.code == 0
    assert result.err == "cstofacts: 1 claim is dated only to the year, which overlaps the dates asked for\n"
