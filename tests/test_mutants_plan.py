"""How `ask` weighs a declared entity by the share of claims it is on (plan.COMMON, a half):
one on at most half of them narrows, one on more only ranks. Each test uses a small dataset
of four claims, so that "half" is exactly two of them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Result, claim_toml, ids, write_dataset


def _dataset(tmp_path: Path, un_claims: int) -> str:
    """Four claims; the UN on the first `un_claims` of them, the CSTO on none."""
    claims = [
        ("un-roadmap", "The UN signed a roadmap.", "meeting", []),
        ("un-talks", "The UN held talks in Minsk.", "meeting", []),
        ("by-drill", "Belarus held a drill.", "exercise", ["BY"]),
        ("kg-drill", "Kyrgyzstan signed a drill plan.", "exercise", ["KG"]),
    ]
    return write_dataset(
        tmp_path / "four.toml",
        *(
            claim_toml(i, summary=s, category=c, countries=k, organizations=["UN"] if n < un_claims else [])
            for n, (i, s, c, k) in enumerate(claims)
        ),
    )


def test_an_entity_on_exactly_half_the_claims_counts_as_a_thing_the_question_names(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    # "pensions" is in no claim, but the UN and "sign" are: a partial answer, not a silence.
    result = cli("--data", _dataset(tmp_path, 2), "ask", "--explain", "what did the UN sign about pensions")
    assert (result.code, ids(result)) == (0, ["un-roadmap"])
    assert "cstofacts: 'un': org UN: required\n" in result.err
    assert "cstofacts: partial answer: no answer holds pensions\n" in result.err


def test_an_entity_on_most_claims_only_ranks(cli: Callable[..., Result], tmp_path: Path) -> None:
    result = cli("--data", _dataset(tmp_path, 3), "ask", "--explain", "what did the UN sign")
    assert "cstofacts: 'un': org UN: on most claims, so it only ranks\n" in result.err
    assert "cstofacts: read as: cstofacts search sign un --any --limit 3\n" in result.err
    assert ids(result) == ["un-roadmap", "un-talks", "by-drill"]


@pytest.mark.parametrize("un_claims", [1, 2])
def test_which_organization_lists_those_some_claim_involves_and_not_most(
    cli: Callable[..., Result], tmp_path: Path, un_claims: int
) -> None:
    # The CSTO, declared but on no claim, is not among them.
    result = cli(
        "--data", _dataset(tmp_path, un_claims), "ask", "--explain", "which organizations held talks"
    )
    assert "cstofacts: 'organizations': asks which organization: claims involving one of UN\n" in result.err
    if un_claims == 2:
        assert ids(result) == ["un-talks"]
        assert "cstofacts: read as: cstofacts search talks --org UN --sort date\n" in result.err
    else:  # the talks are held, but by no organization the dataset names
        assert (result.code, result.out) == (1, "")
        assert result.err.endswith(
            "cstofacts: the article does not say which organization (nearest claims, not an answer: un-talks)\n"
        )


def test_which_organization_filters_nothing_when_the_one_claims_involve_is_on_most(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    result = cli("--data", _dataset(tmp_path, 3), "ask", "--explain", "which organizations held talks")
    assert (
        "cstofacts: 'organizations': asks which organization: each is on most claims, so none filters\n"
        in result.err
    )
    assert "cstofacts: read as: cstofacts search talks --sort date\n" in result.err
    assert ids(result) == ["un-talks"]


@pytest.mark.parametrize(("un_claims", "facts"), [(2, False), (3, True)])
def test_a_question_about_the_works_naming_an_entity_on_at_most_half_the_claims_is_for_the_claims(
    cli: Callable[..., Result], tmp_path: Path, un_claims: int, facts: bool
) -> None:
    # The UN on half the claims narrows them: the question is about its claims. On most, it is
    # what every claim is about, and the works' own records answer who wrote the report.
    result = cli(
        "--data", _dataset(tmp_path, un_claims), "ask", "--explain", "who wrote the report about the UN"
    )
    assert result.code == 0
    if facts:
        assert result.out == "the report, author: not stated (header)\n"
    else:
        assert ids(result) == ["un-roadmap", "un-talks"]
        assert "cstofacts: read as: cstofacts list --org UN\n" in result.err


def test_a_list_no_claim_answers_with_every_word_says_so(cli: Callable[..., Result], tmp_path: Path) -> None:
    # Each meeting holds one of the words, none both: the claims holding most of them, and the
    # note says that no answer holds them together (there is no single word they all lack).
    result = cli(
        "--data", _dataset(tmp_path, 0), "ask", "--explain", "list the meetings about roadmap and talks"
    )
    assert (result.code, ids(result)) == (0, ["un-roadmap", "un-talks"])
    assert (
        "cstofacts: read as: cstofacts search roadmap talks --any --best --category meeting\n" in result.err
    )
    assert "cstofacts: partial answer: no answer holds every word together\n" in result.err
