"""The three cuts 0.14.0 gave ask's answers, pinned at their edges: a part that repeats its
whole (cuts.repeating_parts), a pointed answer's claims holding under half of what the first
holds (cuts.near_best, search --at-least), and a category word that names a particular thing
(Plan.names_particular)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Result, claim_toml, ids, write_dataset

from cstofacts import cuts, plan, store
from cstofacts.model import Claim, Kind
from cstofacts.query import question


def claim(claim_id: str, parent: str | None = None, **fields: object) -> Claim:
    return Claim(
        id=claim_id, kind=Kind.EVENT, category="exercise", summary="A drill.", paragraphs=(1,),
        attributed_to="article", source="doc", parent=parent, **fields,  # type: ignore[arg-type]
    )  # fmt: skip


WHOLE = claim("whole", countries=("BY",), organizations=("CSTO",), location="Brest")


def part(name: str, **changes: object) -> Claim:
    fields: dict[str, object] = {"countries": ("BY",), "organizations": ("CSTO",), "location": "Brest"}
    fields.update(changes)
    return claim(name, parent="whole", **fields)


def test_parts_that_repeat_their_whole_give_the_whole_once() -> None:
    assert cuts.repeating_parts([WHOLE, part("a"), part("b"), claim("other", countries=("KG",))]) == (
        "whole",
    )
    assert cuts.repeating_parts([part("a"), WHOLE]) == ("whole",)  # the whole found after its part


@pytest.mark.parametrize(
    "changed",
    [
        {"countries": ("BY", "RU")},
        {"organizations": ("CSTO", "UN")},
        {"location": "Minsk"},
        {"location": None},
    ],
)
def test_a_part_adding_a_country_an_organization_or_a_place_keeps_every_part(
    changed: dict[str, object],
) -> None:
    assert cuts.repeating_parts([WHOLE, part("a"), part("b", **changed)]) == ()


def test_no_parts_or_a_part_without_its_whole_is_nothing_to_fold() -> None:
    assert cuts.repeating_parts([WHOLE, claim("other")]) == ()
    assert cuts.repeating_parts([part("a"), claim("other")]) == ()
    assert cuts.repeating_parts([]) == ()


def test_an_answer_longer_than_a_whole_and_its_parts_is_not_read_for_one() -> None:
    most = cuts._WHOLE_AND_PARTS
    assert cuts.repeating_parts([WHOLE, *(part(f"p{n}") for n in range(most - 1))]) == ("whole",)
    assert cuts.repeating_parts([WHOLE, *(part(f"p{n}") for n in range(most))]) == ()


def _held(tmp_path: Path) -> str:
    # "border agreement khujand minsk": the first claim holds four, then three, two and one.
    return write_dataset(
        tmp_path / "held.toml",
        claim_toml(
            "four", date="2025", summary="A border agreement was signed in Khujand after Minsk talks."
        ),
        claim_toml("three", date="2024", summary="A border agreement was drafted in Khujand."),
        claim_toml("two", date="2023", summary="A border agreement was discussed."),
        claim_toml("one", date="2022", summary="The border was quiet."),
    )


def test_a_pointed_answer_keeps_claims_holding_half_of_what_the_first_holds(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    data = _held(tmp_path)
    # Four words held by the first: two is half, and stays; one is less, and is left out.
    result = cli("--data", data, "ask", "--explain", "--limit", "4", "border agreement khujand minsk")
    assert ids(result) == ["four", "three", "two"]
    assert (
        "read as: cstofacts search minsk border agreement khujand --any --at-least 2 --limit 4\n"
        in result.err
    )
    found = cli("--data", data, "search", "border", "agreement", "khujand", "minsk", "--at-least", "2")
    assert ids(found) == ["four", "three", "two"]


def test_near_best_is_half_of_the_first_rounded_up(tmp_path: Path) -> None:
    from cstofacts.criteria import Query, Term

    engine = store.open_store(_held(tmp_path), use_cache=False)
    try:
        words = tuple(Term(w, (w,)) for w in ("border", "agreement", "khujand", "minsk"))
        query = Query(words=words, any_words=True, limit=4)
        found = engine.claims(query)
        assert [c.id for c in found] == ["four", "three", "two", "one"]
        assert cuts.near_best(engine, found, query) == 2  # four held: "one" (1) is under half
        three = query._replace(words=words[:3])
        assert cuts.near_best(engine, engine.claims(three), three) == 2  # three held: 2 is half, rounded up
        assert cuts.near_best(engine, found[:3], query) is None  # all hold two or more
        assert cuts.near_best(engine, found[:1], query) is None
        assert cuts.near_best(engine, [found[0], found[3]], query) == 2  # two claims: the second cut
        for settled in (
            query._replace(best=True),
            query._replace(at_least=1),
            query._replace(sort=query.sort or 1),
        ):
            assert cuts.near_best(engine, found, settled) is None  # type: ignore[arg-type]
        assert cuts.near_best(engine, found, query._replace(any_words=False)) is None
    finally:
        engine.close()


@pytest.mark.parametrize(
    ("asked", "particular"),
    [
        ("which countries signed the border agreement", True),
        ("which countries signed the agreement", True),
        ("which countries signed this agreement", True),
        ("which countries signed that agreement", True),
        ("which countries signed these agreements", True),
        ("which countries signed those agreements", True),
        ("which countries signed the Khujand border agreement", True),  # a name and a noun between
        ("which countries signed the new border agreement", True),  # an adjective after "the"
        ("the Khujand border agreement was signed by which countries", True),  # "the" opens the question
        ("Khujand border agreement: which countries signed it", False),  # no article before it
        ("which countries signed the Khujand new agreement", False),  # an adjective further on
        ("which organizations did the CSTO develop cooperation with", False),  # a verb between
        ("which countries signed the one two three four agreement", True),  # three nouns, then any word
        ("which countries signed the one two three four five agreement", False),  # one word too many
        ("which countries signed an agreement", False),
        ("which countries signed agreements", False),
        ("which countries signed the and agreement", False),  # a function word between
        ("agreement", False),  # nothing before it
        ("which countries took part", False),  # no category word
    ],
)
def test_a_category_word_names_a_particular_thing_after_the_this_or_that(
    asked: str, particular: bool
) -> None:
    engine = store.open_store(None)
    try:
        reading = question.read(asked, engine.lexicon, engine.last_paragraph)
        assert plan.Plan(engine, reading).names_particular() is particular
    finally:
        engine.close()
