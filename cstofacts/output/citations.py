"""References for `cite`: a text to paste, a pandoc citation, and CSL-JSON items, one per work.

A claim is stated in a report (its source). A claim in the voice of a work the report
describes (an analyst's view) cites that work *as reported in* the report: the reader is
told whose view it is and where the words can be checked. Nothing the report does not
state is written: no date, no address, no venue for the report, no title for a reported
work whose title is not given. The byline is given as printed; a romanisation, which the
page does not print, is marked as one.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from cstofacts.model import Claim
from cstofacts.provenance import reported_work
from cstofacts.records import Source, Work


def _byline(source: Source) -> str | None:
    if not source.byline:
        return None
    if source.byline_romanized:
        return f"{source.byline} (romanised: {source.byline_romanized})"
    return source.byline


def _report(source: Source) -> str:
    """The report as a reference names it: byline, headline, section, and venue only when stated."""
    parts = [f'"{source.headline}"']
    if byline := _byline(source):
        parts.insert(0, byline)
    if source.section:
        parts.append(f"{source.section} section")
    if source.venue:
        parts.append(source.venue)
    return ", ".join(parts)


def _work(work: Work) -> str:
    """A reported work as the report describes it: author, title if stated, venue.

    A Work holds no date: a report that retells a work does not date it here, and the
    reference says so, with the title when that is missing too.
    """
    parts = [work.author]
    if work.title:
        parts.append(f'"{work.title}"')
    if work.venue:
        kind = f"{work.venue_type} " if work.venue_type else ""
        parts.append(f'article on the {kind}"{work.venue}"')
    parts[-1] += " (date not stated)" if work.title else " (title and date not stated)"
    return ", ".join(parts)


def _quotes(claim: Claim) -> str:
    if not claim.evidence:
        from cstofacts.output.rows import where

        return where(claim.paragraphs)
    from cstofacts.output.rows import paragraph_label

    return "; ".join(f'{paragraph_label(e.paragraph)}: "{e.quote}"' for e in claim.evidence)


def citation_text(claim: Claim, source: Source) -> str:
    """A plain-text reference to paste, ending in the quotes that state the claim.

    `Арестова Татьяна (romanised: Arestova Tatyana), "CSTO has proven ...", Politics section,
    ¶13: "quote".` For an analyst's view: `Kirill Babaev, article on the portal "Allies. CSTO"
    (title and date not stated), as reported in Арестова Татьяна (...), "CSTO has proven ...",
    ..., ¶2: "quote".` The text is raw data: a terminal view shows it through output.safe.visible.
    """
    work = reported_work(claim, source)
    lead = f"{_work(work)}, as reported in {_report(source)}" if work else _report(source)
    return f"{lead}, {_quotes(claim)}."


def locator(claim: Claim) -> str | None:
    """The body paragraphs a claim cites, as a pandoc locator: `para. 3, 6`; None for the headline alone."""
    body = [str(p) for p in claim.paragraphs if p > 0]
    return f"para. {', '.join(body)}" if body else None


def pandoc(claim: Claim, source: Source) -> str:
    """A pandoc citation to paste: `[@report, para. 13]`, or for an analyst's view
    `[@work; as reported in @report, para. 2]`."""
    place = locator(claim)
    report = f"@{source.id}" + (f", {place}" if place else "")
    work = reported_work(claim, source)
    return f"[@{work.id}; as reported in {report}]" if work else f"[{report}]"


def csl_items(claims: Iterable[Claim], sources: dict[str, Source]) -> list[dict[str, Any]]:
    """CSL-JSON items for the works the claims cite, each once, in the order first cited.

    Valid against the CSL-JSON schema (csl-data.json): the paragraph is not part of an item
    but a locator of the citation (see pandoc()). No `issued` and no `URL`: nothing states them.
    """
    items: dict[str, dict[str, Any]] = {}
    for claim in claims:
        source = sources[claim.source]
        work = reported_work(claim, source)
        if work is not None and work.id not in items:
            items[work.id] = work_item(work)
        if source.id not in items:
            items[source.id] = report_item(source)
    return list(items.values())


def report_item(source: Source) -> dict[str, Any]:
    """The report as a CSL item. Its type is the generic `article`: where it appeared is not stated.

    The author is the byline as printed, as a literal name: which part is the family name the
    page does not say.
    """
    item: dict[str, Any] = {"id": source.id, "type": "article", "title": source.headline}
    if source.byline:
        item["author"] = [{"literal": source.byline}]
    if source.venue:
        item["container-title"] = source.venue
    if source.section:
        item["section"] = source.section
    return item


def work_item(work: Work) -> dict[str, Any]:
    """A reported work as a CSL item: its author as the report names him, and its venue."""
    item: dict[str, Any] = {"id": work.id, "type": "article", "author": [{"literal": work.author}]}
    if work.title:
        item["title"] = work.title
    if work.venue:
        item["container-title"] = work.venue
    return item
