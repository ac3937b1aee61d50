"""cstofacts.cli.present, pinned where mutation testing found the suite silent (docs/testing.md).

The terminal table shows the columns --fields names, in their order, and --format takes
its value in any case, as every other option value is taken.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from helpers import Result


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
