"""cstofacts.dating, pinned where mutation testing found the suite silent (docs/testing.md)."""

from __future__ import annotations

from datetime import date

from cstofacts.criteria import Query
from cstofacts.dating import finer_than_found

YEAR_2024 = (date(2024, 1, 1), date(2024, 12, 31))


def test_whole_years_alone_are_when_but_a_start_an_end_or_a_month_is_finer() -> None:
    # "What happened in 2024" finds the claims of 2024; "in 2024, since March" asks for a start
    # that a claim dated only to the year may merely overlap, as "in March 2024" does.
    assert not finer_than_found(Query(years=(YEAR_2024,)))
    assert finer_than_found(Query(years=(YEAR_2024,), since=date(2024, 3, 1)))
    assert finer_than_found(Query(years=(YEAR_2024,), until=date(2024, 3, 31)))
    assert finer_than_found(Query(years=(YEAR_2024,), within=((date(2024, 3, 1), date(2024, 3, 31)),)))
    assert finer_than_found(Query(years=((date(2024, 3, 1), date(2024, 3, 31)),)))
