"""cstofacts.query.words, pinned where mutation testing found the suite silent (docs/testing.md).

A declared name that holds a stop word ("Commonwealth of Independent States") is still a
name: searched for, it finds the claims involving it, as the short name does. A name typed as
several words is quoted back as typed, and quoted punctuation is no word to search for.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Result, bundled, claim_toml, write_dataset


def involving(short: str) -> set[str]:
    return {c["id"] for c in bundled()["claims"] if short in c["organizations"]}


@pytest.mark.parametrize(
    "typed",
    [
        ("Commonwealth", "of", "Independent", "States"),
        ("commonwealth of independent states",),
        ("CIS",),
    ],
)
def test_a_name_with_a_stop_word_in_it_finds_its_claims(
    cli: Callable[..., Result], typed: tuple[str, ...]
) -> None:
    result = cli("search", *typed, "--fields", "id,organizations")
    assert (result.code, result.err) == (0, "")
    rows = [line.split("\t") for line in result.out.splitlines()]
    assert {row[0] for row in rows} == involving("CIS") != set()
    assert all("CIS" in row[1].split(",") for row in rows)


def test_stop_words_alone_are_not_searched_for(cli: Callable[..., Result]) -> None:
    result = cli("search", "of", "the")
    assert (result.code, result.out) == (2, "")
    assert "give at least one word with a letter or digit that is not a stop word" in result.err


def test_a_name_typed_as_several_words_is_quoted_back_as_typed(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    """United Nations is declared (tests/helpers.py HEAD) but no claim of this dataset involves it."""
    path = write_dataset(tmp_path / "un.toml", claim_toml("talks", summary="Talks in Minsk."))
    result = cli("--data", path, "search", "United", "Nations")
    assert (result.code, result.out) == (1, "")
    assert result.err == "cstofacts: no claim holds 'United Nations'\ncstofacts: no claims match\n"


def test_quoted_punctuation_is_no_word_to_search_for(cli: Callable[..., Result]) -> None:
    result = cli("search", '"--"')
    assert (result.code, result.out) == (2, "")
    assert "give at least one word with a letter or digit that is not a stop word" in result.err
    alone = cli("search", "Minsk", "--fields", "id")
    beside = cli("search", '"--"', "Minsk", "--fields", "id")
    assert alone.code == 0
    assert (beside.code, beside.out, beside.err) == (alone.code, alone.out, alone.err)
