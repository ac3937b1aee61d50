"""cstofacts.query.about, pinned where mutation testing found the suite silent (docs/testing.md).

facts() answers [] (a list, as documented) for a question whose only word names a field of a work:
"author" or "date" alone may be about anything a claim says.
"""

from __future__ import annotations

from cstofacts.query.about import facts

WORK = {
    "id": "piece",
    "role": "report",
    "author": "A. Writer",
    "published": "2024-05-01",
    "headline": "A piece",
}


def test_a_field_word_alone_asks_about_no_work() -> None:
    assert facts(["author"], [], [WORK], False) == []
    assert facts(["date"], [], [WORK], False, "when") == []


def test_a_field_word_with_a_word_for_the_work_asks_about_it() -> None:
    assert [(f.work, f.field, f.value) for f in facts(["author", "article"], [], [WORK], False)] == [
        ("piece", "author", "A. Writer")
    ]


def test_a_work_s_period_is_its_years_whatever_the_precision_or_a_missing_end() -> None:
    # A period may be written to the month ("2023-05") and may give only its start: a work of one
    # year covers that year alone, so "the analysis of its 2024 work" describes the work.
    from cstofacts.query.about import of_period, periods

    covered = periods([{"period_start": "2023-05", "period_end": "2025-02"}, {"period_start": "2024"}, {}])
    assert covered == frozenset({(2023, 2025), (2024, 2024)})
    assert of_period([2024], covered) and of_period([2025, 2023], covered)
    assert not of_period([2023, 2024], covered) and not of_period([], covered)
