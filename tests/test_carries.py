"""What a claim must state to answer "how many" and "when": read from its summary, through `ask`.

A number is a count unless it is a year or a day written beside its month; a claim with no date
still answers "when" if its summary states a year. Each claim below has words of its own, so
each question finds exactly one claim, and what decides the answer is what that claim states.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from helpers import Result, claim_toml, ids, write_dataset

CLAIMS = {
    "four-digit-count": "Some 1500 troops assembled.",  # four digits, not a year: a count
    "year-alone": "In 1999 brigades paraded.",  # a year is not a count
    "day-after-month": "March 16 saw sailors embark.",  # a day beside its month is not a count
    "day-before-month": "On 16 March pilots trained.",
    "three-digits-by-month": "In March 120 medics volunteered.",  # too long to be a day
    "month-as-verb-further-on": "Ceremonies had 12 cadets march past.",  # "march" two words on
    "month-two-words-back": "In March the 12 guards rested.",  # the month is not beside it
    "year-in-summary": "The academy opened in 2019.",  # no date field, a stated year
}
ASKED = [
    ("How many troops assembled?", "four-digit-count"),
    ("How many brigades paraded?", None),
    ("How many sailors embarked?", None),
    ("How many pilots trained?", None),
    ("How many medics volunteered?", "three-digits-by-month"),
    ("How many cadets marched?", "month-as-verb-further-on"),
    ("How many guards rested?", "month-two-words-back"),
    ("When did the academy open?", "year-in-summary"),
]


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("carries") / "claims.toml"
    return write_dataset(path, *(claim_toml(i, summary=s) for i, s in CLAIMS.items()))


@pytest.mark.parametrize(("question", "answer"), ASKED)
def test_a_claim_answers_only_if_it_states_what_is_asked(
    cli: Callable[..., Result], data: str, question: str, answer: str | None
) -> None:
    result = cli("--data", data, "ask", question)
    if answer is None:
        assert (result.code, result.out) == (1, "")
        assert result.err.startswith("cstofacts: the article does not say how many"), result.err
    else:
        assert result.code == 0, result.err
        assert ids(result)[0] == answer


@pytest.mark.parametrize(
    ("word", "claim"),
    [("troops", "four-digit-count"), ("brigades", "year-alone"), ("sailors", "day-after-month"),
     ("pilots", "day-before-month"), ("academy", "year-in-summary")],
)  # fmt: skip
def test_the_claim_a_silence_is_about_is_found(
    cli: Callable[..., Result], data: str, word: str, claim: str
) -> None:
    # The silences above are about what the claim states, not about finding it.
    assert ids(cli("--data", data, "search", word)) == [claim]
