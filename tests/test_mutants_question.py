"""cstofacts.query.question and cstofacts.answer, pinned where mutation testing found the suite
silent (docs/testing.md).

A question naming a paragraph is answered from that paragraph, at both ends of the article:
¶1 and ¶20, its last; ¶21 is one the article does not have, and is said to be missing.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from helpers import Result, bundled


def citing(number: int) -> list[str]:
    return [c["id"] for c in bundled()["claims"] if number in c["paragraphs"]]


@pytest.mark.parametrize("number", [1, 20])
def test_a_question_about_a_paragraph_is_answered_from_it(cli: Callable[..., Result], number: int) -> None:
    result = cli("ask", f"what does paragraph {number} say", "--fields", "id,paragraphs")
    assert (result.code, result.err) == (0, "")
    assert result.out == "".join(f"{claim}\t{number}\n" for claim in citing(number))
    assert citing(number)


def test_the_last_paragraph_is_the_articles_own(cli: Callable[..., Result]) -> None:
    result = cli("ask", "what does ¶20 say?", "--format", "json", "--fields", "id,paragraphs")
    assert (result.code, result.err) == (0, "")
    assert result.out == '[\n{"id": "foundation-for-adaptation", "paragraphs": [20]}\n]\n'


@pytest.mark.parametrize("number", [21, 100])
def test_a_paragraph_past_the_last_is_said_to_be_missing(cli: Callable[..., Result], number: int) -> None:
    result = cli("ask", f"what does paragraph {number} say")
    assert (result.code, result.out) == (1, "")
    assert result.err == (
        f"cstofacts: the article has no ¶{number} (its paragraphs are ¶1 to ¶20, and the headline)\n"
    )


def _reading(result: Result) -> str:
    return next(line for line in result.err.splitlines() if "read as:" in line)


@pytest.mark.parametrize(("first", "last"), [(2023, 2024), (2022, 2025), (2024, 2025)])
def test_between_two_years_is_a_range_of_years(cli: Callable[..., Result], first: int, last: int) -> None:
    # spans.py: two bare years are one --year range, as "2023-2024" is; a month makes it --since/--until.
    result = cli("ask", "--explain", "--fields", "id", f"what happened between {first} and {last}")
    assert _reading(result).endswith(f"--year {first}..{last}")
    months = cli("ask", "--explain", "--fields", "id", f"what happened between March {first} and May {last}")
    assert f"--since {first}-03-01 --until {last}-05-31" in _reading(months)
    # A month on one side only: from its first day, or to its last, and the other year whole.
    start = cli("ask", "--explain", "--fields", "id", f"what happened between March {first} and {last}")
    assert f"--since {first}-03-01 --until {last}-12-31" in _reading(start)
    end = cli("ask", "--explain", "--fields", "id", f"what happened between {first} and May {last}")
    assert f"--since {first}-01-01 --until {last}-05-31" in _reading(end)


@pytest.mark.parametrize("asked", ["what did the leaders {} accept", "what do the leaders {} accept",
                                   "what have the leaders {} accepted", "what will the leaders {} accept"])  # fmt: skip
def test_what_someone_did_is_a_pointed_question_even_with_a_plural_category(
    cli: Callable[..., Result], asked: str
) -> None:
    # asking.did: "what did the leaders … accept" asks what they did, not for every leadership claim.
    result = cli("ask", "--explain", "--fields", "id", asked.format("of Kyrgyzstan and Tajikistan"))
    assert "'leaders': a category word, ranking" in result.err
    assert "--limit 3" in _reading(result)


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]  # fmt: skip


@pytest.mark.parametrize("month", range(1, 13))
def test_after_before_since_and_until_a_month_bound_at_that_month(month: int) -> None:
    # "After March 2024" starts in April 2024; it is not March 2024 with "after" left as a word.
    from datetime import date, timedelta

    from cstofacts.query.spans import take_dates

    name = MONTHS[month - 1]
    first = date(2024, month, 1)
    last = (date(2024 + month // 12, month % 12 + 1, 1)) - timedelta(days=1)
    cases = {
        f"what happened after {name} 2024": (last + timedelta(days=1), None),
        f"what happened since {name} 2024": (first, None),
        f"what happened from {name} 2024 on": (first, None),
        f"what was signed before {name} 2024": (None, first - timedelta(days=1)),
        f"what was signed until {name} 2024": (None, last),
        f"what was signed by the end of {name} 2024": (None, last),
        f"what happened after {name} 3, 2024": (date(2024, month, 4), None),
        f"what happened before 3 {name} 2024": (None, date(2024, month, 2)),
    }
    for question, (since, until) in cases.items():
        rest, spans, _typed, got_since, got_until, _out = take_dates(question)
        assert (spans, got_since, got_until) == ([], since, until), question
        assert str(2024) not in rest and name.casefold() not in rest.casefold(), question


@pytest.mark.parametrize(
    ("ordinal", "number"),
    [
        ("first", 1),
        ("second", 2),
        ("third", 3),
        ("fourth", 4),
        ("1st", 1),
        ("2nd", 2),
        ("3rd", 3),
        ("4th", 4),
    ],
)
@pytest.mark.parametrize(("part", "size"), [("half", 6), ("quarter", 3)])
def test_every_half_and_quarter_reads_as_its_months(ordinal: str, number: int, part: str, size: int) -> None:
    from datetime import date, timedelta

    from cstofacts.query.spans import take_dates

    _, spans, _typed, _, _, _ = take_dates(f"what happened in the {ordinal} {part} of 2024")
    if number * size > 12:  # "the third half" is no part of a year: read as words
        assert spans == []
        return
    first = date(2024, (number - 1) * size + 1, 1)
    end_month = number * size
    last = date(2024 + end_month // 12, end_month % 12 + 1, 1) - timedelta(days=1)
    assert spans == [(first, last)]
