"""Plain data for show, source, read and cite: rows and references that every format can print."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from cstofacts.model import FIELDS, Claim
from cstofacts.text import cell

if TYPE_CHECKING:
    from cstofacts.records import Source, Work


def paragraph_label(number: int, pilcrow: str = "¶") -> str:
    """A paragraph as people cite it: `¶13`; ¶0 is the headline, and says so."""
    return "headline" if number == 0 else f"{pilcrow}{number}"


def where(paragraphs: Sequence[int], pilcrow: str = "¶") -> str:
    """Paragraph numbers as people cite them: `¶3, ¶6`, `headline`."""
    return ", ".join(paragraph_label(p, pilcrow) for p in paragraphs)


def detail_rows(claim: Claim, source: Source, *, pilcrow: str = "¶") -> list[tuple[str, str]]:
    """(field, text) for show: every field that has a value, in FIELDS order, then `stated_in`.

    Evidence is left out: evidence_rows gives it, quote by quote. An ASCII view passes "P"
    as the pilcrow.
    """
    record = claim.record()
    rows = [
        (field, cell(record[field]))
        for field in FIELDS
        if field != "evidence" and record[field] not in (None, "", [])
    ]
    rows.append(("stated_in", f'{where(claim.paragraphs, pilcrow)} of "{source.headline}"'))
    return rows


def evidence_rows(claim: Claim) -> list[tuple[int, str]]:
    """(paragraph, quote) for each piece of evidence, in the dataset's order."""
    return [(e.paragraph, e.quote) for e in claim.evidence]


NOT_STATED = "not stated in the source"


def source_rows(source: Source, claim_count: int) -> list[tuple[str, str]]:
    """(field, text) describing a report. What the report does not state is said to be unstated."""
    rows = [
        ("work", source.id),
        ("role", "report: the claims are its statements"),
        ("headline", source.headline),
    ]
    if source.byline:
        rows.append(("byline", source.byline))
    if source.byline_romanized:
        romanized = f"{source.byline_romanized} (a romanisation, not printed on the page)"
        rows.append(("byline_romanized", romanized))
    if source.section:
        rows.append(("section", source.section))
    rows.append(("venue", source.venue or NOT_STATED))
    rows.append(("published", NOT_STATED))
    if source.paragraphs:
        rows.append(("paragraphs", str(source.paragraphs)))
    rows.append(("claims", str(claim_count)))
    return rows


def work_rows(work: Work, source: Source, claim_count: int) -> list[tuple[str, str]]:
    """(field, text) describing a work the report describes, as the report gives it."""
    described = f" ({where(work.described_in)})" if work.described_in else ""
    rows = [("work", work.id), ("role", f"reported: described in {source.id}{described}")]
    rows.append(("author", work.author))
    if work.author_post:
        rows.append(("post", work.author_post))
    if work.author_titles:
        rows.append(("titles", ", ".join(work.author_titles)))
    if work.venue:
        rows.append(("venue", f"{work.venue} ({work.venue_type})" if work.venue_type else work.venue))
    else:
        rows.append(("venue", NOT_STATED))
    if period := _period(work):
        rows.append(("period", period))
    rows.append(("title", work.title or NOT_STATED))
    rows.append(("published", NOT_STATED))
    if work.voice:
        rows.append(("claims", f"{claim_count} attributed to {work.voice}"))
    return rows


def _period(work: Work) -> str | None:
    if work.period_start and work.period_end:
        return f"{work.period_start}..{work.period_end}"
    return work.period_start or work.period_end


def paragraph_rows(
    source: Source, numbers: Sequence[int], citing: Mapping[int, Sequence[str]]
) -> list[tuple[int, str, tuple[str, ...]]]:
    """(number, text, ids of the claims citing it) for `read`; no numbers means every paragraph.

    Raises NotFoundError for a paragraph the source's body does not have, or when the dataset
    does not carry the body at all.
    """
    from cstofacts.errors import NotFoundError
    from cstofacts.safe import one_line

    count = len(source.body)
    if not count:
        raise NotFoundError(f"the dataset does not hold the text of '{one_line(source.id)}'")
    rows = []
    for number in numbers or range(1, count + 1):
        text = source.paragraph(number)
        if text is None:
            raise NotFoundError(f"there is no ¶{number}: the source has ¶1–¶{count}")
        rows.append((number, text, tuple(citing.get(number, ()))))
    return rows
