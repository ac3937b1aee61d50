"""cstofacts.query.words, pinned where mutation testing found the suite silent (docs/testing.md).

A declared name that holds a stop word ("Commonwealth of Independent States") is still a
name: searched for, it finds the claims involving it, as the short name does. A name typed as
several words is quoted back as typed, and quoted punctuation is no word to search for.
"""

from __future__ import annotations

import json
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


def test_a_person_declared_by_full_name_alone_is_named_by_surname_or_role(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    """A person's surname alone, and a role the dataset gives them, name them, though no alias
    says so; the first word of their name does not."""
    from helpers import HEAD

    head = HEAD.replace(
        "[[sources]]",
        '[people.jane-holloway]\nname = "Jane Holloway"\nroles = ["Chief Inspector"]\n\n[[sources]]',
        1,
    )
    claims = claim_toml("visit", summary="Jane Holloway visited Minsk.") + claim_toml(
        "other", summary="A meeting on borders was held."
    )
    path = tmp_path / "people.toml"
    path.write_text(head + claims, encoding="utf-8")
    for question in ("what did Holloway do", "what did the Chief Inspector do"):
        result = cli("--data", str(path), "ask", question, "--fields", "id")
        assert (result.code, result.out) == (0, "visit\n"), (question, result.err)
    result = cli("--data", str(path), "ask", "--explain", "what did Jane do", "--fields", "id")
    assert "a person" not in result.err


def _aliases_opening_with_a_name() -> list[tuple[str, str]]:
    """Each country's alias of several words whose first word alone is a declared spelling too
    ("Kyrgyz Republic", "Kyrgyz"), with the country's code: read from the TOML."""
    countries = bundled()["countries"]
    spelled = {
        s.casefold()
        for c in countries.values()
        for s in (c["name"], *c.get("adjectives", ()), *c.get("aliases", ()))
    }
    return [
        (alias, code)
        for code, c in countries.items()
        for alias in c.get("aliases", ())
        if " " in alias and alias.split()[0].casefold() in spelled
    ]


@pytest.mark.parametrize(("alias", "code"), _aliases_opening_with_a_name())
def test_a_name_typed_as_separate_words_is_the_whole_name_not_its_first_word(
    cli: Callable[..., Result], alias: str, code: str
) -> None:
    # "search Kyrgyz Republic": one name, Kyrgyzstan, not the name "Kyrgyz" and the word "republic".
    result = cli("search", *alias.split(), "--format", "json", "--fields", "id")
    expected = cli("list", "--country", code, "--format", "json", "--fields", "id")
    assert result.code == 0, result.err
    assert sorted(r["id"] for r in json.loads(result.out)) == sorted(
        r["id"] for r in json.loads(expected.out)
    )


def test_a_quoted_phrase_that_opens_with_a_stop_word_is_searched_whole(cli: Callable[..., Result]) -> None:
    result = cli("search", '"the border agreement signed in Khujand"', "--format", "json", "--fields", "id")
    assert result.code == 0, result.err
    assert {r["id"] for r in json.loads(result.out)} == {"khujand-agreement-stability"}
