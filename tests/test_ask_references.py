"""How `ask` reads words that refer to something the dataset declares without naming it: "the
bloc" (the last word of a declared name), "the alliance's drills" (the one organization the
article is about), and a verb's form WordNet lists only as its plain form ("teamed").

Each rule is checked over every declared name it could apply to, and against the question it
must not change ("which alliances …" still asks which), so that a rule serving one question fails.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pytest
from helpers import ROOT, Result, bundled, ids

from cstofacts.store import open_store

DATA = bundled()
CLAIMS = {claim["id"]: claim for claim in DATA["claims"]}


def _claim_words() -> set[str]:
    found: set[str] = set()
    for claim in DATA["claims"]:
        found.update(re.findall(r"[a-z]+", claim["summary"].casefold()))
    return found


def _heads() -> list[tuple[str, str]]:
    """(last word, short name) of every declared English name of several words whose last word
    no claim's summary holds, and neither the thesaurus nor a declared name of one word knows,
    for countries and organizations."""
    words = _claim_words() | set(json.loads((ROOT / "data" / "thesaurus.json").read_text())["related"])
    categories = set(DATA.get("categories", {}))
    for sort in ("countries", "organizations", "places"):
        for short, entry in DATA[sort].items():
            for name in (
                short,
                entry.get("name", ""),
                *entry.get("aliases", []),
                *entry.get("adjectives", []),
            ):
                words.update(re.findall(r"[a-z]+", name.casefold()) if " " not in name else ())
    heads: set[tuple[str, str]] = set()
    for sort in ("countries", "organizations"):
        for short, entry in DATA[sort].items():
            for name in (entry.get("name", ""), *entry.get("aliases", [])):
                tokens = re.findall(r"[a-z]+", name.casefold())
                known = words | categories
                if (
                    len(tokens) > 1
                    and name.isascii()
                    and not {tokens[-1], tokens[-1].removesuffix("s")} & known
                ):
                    heads.add((tokens[-1], short))
    return sorted(heads)


HEADS = _heads()


def test_there_are_names_whose_last_word_no_claim_holds() -> None:
    assert ("bloc", "CSTO") in HEADS  # "Russia-led security bloc"


@pytest.mark.parametrize(("head", "short"), HEADS)
def test_the_last_word_of_a_declared_name_is_a_word_for_it_not_a_thing_the_article_lacks(
    cli: Callable[..., Result], head: str, short: str
) -> None:
    result = cli("ask", f"When did the {head} sign the border agreement?", "--explain")
    assert f"'{head}': a word the names of " in result.err
    assert short in result.err.split(f"'{head}': a word the names of ")[1].splitlines()[0]
    assert "does not say anything about" not in result.err
    # The rest of the question answers as it does without the word.
    assert ids(result) == ids(cli("ask", "When was the border agreement signed?"))
    assert ids(result)


def test_a_word_no_declared_name_ends_with_is_still_a_thing_the_article_lacks(
    cli: Callable[..., Result],
) -> None:
    result = cli("ask", "When did the syndicate sign the border agreement?", "--explain")
    assert "'syndicate': nothing in the article" in result.err


def _main_organization() -> str:
    store = open_store(None, use_cache=False)
    try:
        from cstofacts.criteria import Query

        shares = {o: store.share(Query(organizations=frozenset({o}))) for o in DATA["organizations"]}
    finally:
        store.close()
    main = [o for o, share in shares.items() if share > 0.5]
    assert len(main) == 1
    return main[0]


@pytest.mark.parametrize("word", ["alliance", "organisation", "organization"])
@pytest.mark.parametrize("determiner", ["the", "its", "this"])
def test_a_singular_word_for_an_organization_after_the_names_the_one_most_claims_involve(
    cli: Callable[..., Result], word: str, determiner: str
) -> None:
    main = _main_organization()
    result = cli("ask", f"Which exercises did {determiner} {word} hold in 2023?", "--explain")
    assert f"'{word}': the organization most claims involve ({main}): it only ranks" in result.err
    assert ids(result) == ids(cli("ask", "Which exercises were held in 2023?"))
    assert ids(result)


@pytest.mark.parametrize(
    "question", ["Which alliances are named?", "Which organisations does the CSTO work with?"]
)
def test_a_word_for_organizations_not_after_the_still_asks_which(
    cli: Callable[..., Result], question: str
) -> None:
    result = cli("ask", question, "--explain")
    assert "asks which organization" in result.err
    assert "most claims involve" not in result.err


def test_the_same_question_with_which_before_the_word_asks_which(cli: Callable[..., Result]) -> None:
    main = _main_organization()
    the = cli("ask", "Which organizations did the alliance work with?", "--explain")
    assert f"'alliance': the organization most claims involve ({main})" in the.err
    assert "'organizations': asks which organization" in the.err
    assert ids(the)
    assert all(set(CLAIMS[i]["organizations"]) - {main} for i in ids(the)), ids(the)


def test_a_place_the_article_gives_as_words_answers_where(cli: Callable[..., Result]) -> None:
    # ¶14: "During exercises held in various countries": where, as the article says it.
    result = cli("ask", "Where were the 2025 exercises held?")
    assert result.code == 0
    assert ids(result)[0] == "collective-forces-exercises-2025"
    assert CLAIMS["collective-forces-exercises-2025"]["location"] == "various countries"
