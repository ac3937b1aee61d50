"""cstofacts.store.sql, pinned where mutation testing found the suite silent (docs/testing.md).

Every term reaches FTS5 as one double-quoted phrase, with any double quote inside it doubled.
No word typed on the command line can hold a quote today (text.words keeps letters and
digits), so the quoting is tested where it is done: a token that holds FTS5 syntax stays a
phrase to look for, and never becomes an OR, a column filter or a syntax error.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import HEAD, Result, bundled, claim_toml

from cstofacts.criteria import Term
from cstofacts.store import open_store
from cstofacts.store.engine import Store
from cstofacts.store.sql import match_term, quoted


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    opened = open_store(None, use_cache=False)
    try:
        yield opened
    finally:
        opened.close()


def test_a_quote_inside_a_token_is_doubled() -> None:
    assert quoted(["khujand"]) == '"khujand"'
    assert quoted(["border", "agreement"]) == '"border agreement"'
    assert quoted(['say "hi"']) == '"say ""hi"""'
    assert quoted(['csto" OR "khujand']) == '"csto"" OR ""khujand"'


def test_a_term_is_one_phrase_in_the_text_columns_or_its_tags() -> None:
    term = Term('x"y', ('x"y',), ("xcKG",))
    assert match_term(term) == '({summary location words dates category} : "x""y" OR names : "xcKG")'


@pytest.mark.parametrize(
    ("token", "found"),
    [
        ('csto" OR "khujand', False),  # unquoted, it would match either word
        ('x" OR names : "xcKG', False),  # unquoted, every claim about Kyrgyzstan
        ('csto"', True),  # unquoted, a syntax error; quoted, the word csto
        ('"', False),
    ],
)
def test_fts5_syntax_inside_a_token_is_only_words_of_one_phrase(
    store: Store, token: str, found: bool
) -> None:
    """Inside a phrase the tokenizer reads a quote as a space: the token is its words, in order."""
    assert store.matches(Term(token, (token,))) is found


# -- each filter's clause, as `list` applies it: the ids an oracle computes from the TOML -----------


def claims() -> list[dict[str, Any]]:
    return bundled()["claims"]


def involves(claim: dict[str, Any], code: str) -> bool:
    places = bundled()["places"]
    return code in claim["countries"] or places.get(claim.get("location", ""), {}).get("country") == code


def within(claim: dict[str, Any], year: str) -> bool:
    return "date" in claim and all(
        d.startswith(year) for d in (claim["date"], claim.get("end_date") or claim["date"])
    )


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (("--with-country", "KG", "--with-country", "TJ"), lambda c: involves(c, "KG") and involves(c, "TJ")),
        (("--with-org", "CIS", "--with-org", "SCO"), lambda c: {"CIS", "SCO"} <= set(c["organizations"])),
        (("--within", "2023"), lambda c: within(c, "2023")),
        (("--within", "2023", "--within", "2025"), lambda c: within(c, "2023") or within(c, "2025")),
    ],
)
def test_each_filter_finds_exactly_what_it_names(
    cli: Callable[..., Result], options: tuple[str, ...], expected: Callable[[dict[str, Any]], bool]
) -> None:
    result = cli("list", *options, "--fields", "id")
    assert result.code == 0, result.err
    wanted = {c["id"] for c in claims() if expected(c)}
    assert set(result.out.split()) == wanted
    assert 0 < len(wanted) < len(claims())


# A person, and three claims that hold "talks": one names the person.
PERSON = '[people.ivanov]\nname = "Ivan Ivanov"\naliases = []\n\n[[sources]]'


def test_prefer_who_puts_the_claim_naming_a_person_first(cli: Callable[..., Result], tmp_path: Path) -> None:
    data = tmp_path / "claims.toml"
    data.write_text(
        HEAD.replace("[[sources]]", PERSON)
        + claim_toml("talks-a", summary="Talks went on in Minsk.")
        + claim_toml("talks-b", summary="Ivan Ivanov led the talks.")
        + claim_toml("talks-c", summary="The talks ended."),
        encoding="utf-8",
    )
    base = ("--data", str(data), "search", "talks", "-f", "plain", "--fields", "id")
    assert cli(*base).out == "talks-c\ntalks-a\ntalks-b\n"  # by relevance alone
    preferred = cli(*base, "--prefer", "who")
    assert (preferred.code, preferred.out, preferred.err) == (0, "talks-b\ntalks-c\ntalks-a\n", "")
    anyword = cli(*base, "went", "--any", "--prefer", "who")
    assert (anyword.code, anyword.out) == (0, "talks-a\ntalks-b\ntalks-c\n")  # most words held first
