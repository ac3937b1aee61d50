"""Where a claim's words come from: the report that states them, and the work it reports on.

A dataset file is one report (a [[sources]] entry): its claims are its statements. The
report may describe other works ([[sources.reports]]), such as the article whose analysis
it retells; a claim whose attribution is such a work's `voice` states that work's view, as
the report gives it. Both kinds are "works", one row each in the compiled `works` table:

| column           | report                                   | reported work                         |
|------------------|------------------------------------------|---------------------------------------|
| id, seq          | the source id, file order                | its own id, after its report          |
| role             | "report"                                 | "reported"                            |
| reported_in      | null                                     | the id of the report describing it    |
| title            | the headline                             | null unless the report states it      |
| author           | the byline as printed                    | the author as the report names him    |
| author_romanized | a romanisation the page does not print   | null                                  |
| author_post      | null                                     | the post, as the report gives it      |
| author_titles    | []                                       | the titles, as the report gives them  |
| section          | the section it ran in                    | null                                  |
| venue            | where it appeared: null unless stated    | where it appeared ("Allies. CSTO")    |
| venue_type       | null                                     | what the report calls it ("portal")   |
| published        | null: no date is stated                  | null: no date is stated               |
| period_start/end | null                                     | the period the work covers            |
| voice            | null                                     | the attribution of its claims         |
| described_in     | []                                       | the report's paragraphs describing it |
| paragraphs       | how many body paragraphs                 | null                                  |

Lists are JSON arrays in the table and Python lists in the rows. Everything here is pure.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from cstofacts.model import Claim
from cstofacts.records import Source, Work

WORK_COLUMNS = (
    "id",
    "seq",
    "role",
    "reported_in",
    "title",
    "author",
    "author_romanized",
    "author_post",
    "author_titles",
    "section",
    "venue",
    "venue_type",
    "published",
    "period_start",
    "period_end",
    "voice",
    "described_in",
    "paragraphs",
)
_LISTS = ("author_titles", "described_in")
REPORT = "report"
REPORTED = "reported"


def work_rows(sources: Iterable[Source]) -> list[dict[str, Any]]:
    """Every work as a row keyed by WORK_COLUMNS: each report, then the works it reports on."""
    rows: list[dict[str, Any]] = []
    for source in sources:
        rows.append(
            {
                **dict.fromkeys(WORK_COLUMNS),
                "id": source.id,
                "role": REPORT,
                "title": source.headline,
                "author": source.byline,
                "author_romanized": source.byline_romanized,
                "author_titles": [],
                "section": source.section,
                "venue": source.venue,
                "described_in": [],
                "paragraphs": source.paragraphs,
            }
        )
        for work in source.reports:
            record = work.record()
            rows.append(
                {
                    **dict.fromkeys(WORK_COLUMNS),
                    **{k: v for k, v in record.items() if k in WORK_COLUMNS},
                    "role": REPORTED,
                    "reported_in": source.id,
                }
            )
    for seq, row in enumerate(rows):
        row["seq"] = seq
    return rows


def to_sql(row: Mapping[str, Any]) -> tuple[Any, ...]:
    """A row's values in WORK_COLUMNS order, lists as JSON arrays."""
    return tuple(json.dumps(row[c]) if c in _LISTS else row[c] for c in WORK_COLUMNS)


def from_sql(values: Sequence[Any]) -> dict[str, Any]:
    """A row read back from the `works` table (columns in WORK_COLUMNS order)."""
    row = dict(zip(WORK_COLUMNS, values, strict=True))
    for name in _LISTS:
        row[name] = json.loads(row[name])
    return row


def sources_from(
    rows: Iterable[Mapping[str, Any]], bodies: Mapping[str, Sequence[str]]
) -> tuple[Source, ...]:
    """The Sources the rows describe, each with the works it reports on and its body."""
    rows = list(rows)
    reported: dict[str, list[Work]] = {}
    for row in rows:
        if row["role"] == REPORTED:
            reported.setdefault(row["reported_in"], []).append(
                Work(
                    id=row["id"],
                    author=row["author"],
                    author_post=row["author_post"],
                    author_titles=tuple(row["author_titles"]),
                    title=row["title"],
                    venue=row["venue"],
                    venue_type=row["venue_type"],
                    period_start=row["period_start"],
                    period_end=row["period_end"],
                    voice=row["voice"],
                    described_in=tuple(row["described_in"]),
                )
            )
    return tuple(
        Source(
            id=row["id"],
            headline=row["title"],
            section=row["section"],
            byline=row["author"],
            byline_romanized=row["author_romanized"],
            venue=row["venue"],
            reports=tuple(reported.get(row["id"], ())),
            paragraphs=row["paragraphs"],
            body=tuple(bodies.get(row["id"], ())),
        )
        for row in rows
        if row["role"] == REPORT
    )


def reported_work(claim: Claim, source: Source) -> Work | None:
    """The work whose statement the claim is, as the report gives it; None for the report's own."""
    return source.voice(claim.attributed_to)
