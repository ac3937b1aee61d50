"""cstofacts.query.words, pinned where mutation testing found the suite silent (docs/testing.md).

A declared name that holds a stop word ("Commonwealth of Independent States") is still a
name: searched for, it finds the claims involving it, as the short name does.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from helpers import Result, bundled


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
