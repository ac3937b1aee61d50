"""The dates of an answer, as ask reads them from a question: a day or a month asked for is
first the claims dated within it, then those that overlap it; "the latest" and "the earliest"
order what fits by date; and whether a claim says the date a question writes. Pure: the store's
probes are all it reads."""

from __future__ import annotations

from cstofacts import dates
from cstofacts.criteria import Query, SortKey, Term
from cstofacts.model import Claim
from cstofacts.query.question import Reading
from cstofacts.store.engine import Store


def precise(tries: list[Query], reading: Reading) -> list[Query]:
    """Asked for a day or a month, first the claims dated within it, then those whose dates
    overlap it (dated only to the year), as --since and --until say it."""
    fine = tuple(span for span in reading.facets.years if not dates.whole_years(span))
    if not fine:
        return tries
    coarse = tuple(span for span in reading.facets.years if span not in fine)
    inside, overlapping = [], []
    for q in tries:
        if not set(fine) <= set(q.years):
            inside.append(q)
            continue
        inside.append(q._replace(years=coarse, within=fine))
        low = min(s[0] for s in fine)
        high = max(s[1] for s in fine)
        since = max(low, q.since) if q.since else low
        until = min(high, q.until) if q.until else high
        if since <= until:  # else no date is both ("March 2025 before 2024"), and no command says it
            overlapping.append(q._replace(years=coarse, since=since, until=until))
    return [*inside, *overlapping]


def finer_than_found(query: Query) -> bool:
    """Whether a dated query's claims may be dated more coarsely than the question's date: a
    month or a day asked ("January 2022": a claim of 2022 overlaps it), or a start or an end.
    Years alone ("what happened in 2023–2025") find claims of those years: that is when, and a
    claim whose text writes the years is no better an answer."""
    whole = all(dates.whole_years(span) for span in query.years)
    return not (query.years and whole and not (query.since or query.until or query.within))


def ordered(store: Store, attempts: list[Query], latest: bool, limit: int) -> list[Query]:
    """ "The most recent meeting", "the earliest exercise": the claims that fit, dated ones only
    (the article's years, where the question names none), by date, the first few."""
    span = store.date_range()
    if span is None:
        return attempts
    years = ((dates.parse_years(span[0])[0], dates.parse_years(span[1])[1]),)
    return [
        q._replace(
            years=q.years or (() if q.dated else years),
            sort=SortKey.DATE,
            reverse=latest,
            limit=limit,
        )
        for q in attempts
    ]


def says_the_date(store: Store, claim: Claim, written: tuple[Term, ...]) -> bool:
    """Whether a claim holds the words of the dates a question writes, or is dated in their
    years ("after 2022": a claim of 2022 is what the date describes)."""
    years = {c[:4] for c in (claim.date, claim.end_date) if c}
    return all(store.holds(claim.id, t) or years & set(t.tokens) for t in written)
