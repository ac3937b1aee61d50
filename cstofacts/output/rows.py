"""Plain data for show, source, read and cite: rows and references that every format can print."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from cstofacts.model import FIELDS, Claim
from cstofacts.output.formats import cell

if TYPE_CHECKING:
    from cstofacts.records import Source


def where(paragraphs: Sequence[int], pilcrow: str = "¶") -> str:
    """Paragraph numbers as people cite them: `¶3, ¶6`."""
    return ", ".join(f"{pilcrow}{p}" for p in paragraphs)


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


def source_rows(source: Source, claim_count: int) -> list[tuple[str, str]]:
    """(field, text) describing a source. `published` says outright that the source gives no date."""
    analyst = source.analyst
    optional: list[tuple[str, Any]] = [
        ("portal", source.portal),
        ("section", source.section),
        ("analyst", analyst and analyst.name),
        ("post", analyst and analyst.post),
        ("titles", analyst and ", ".join(analyst.titles)),
        ("byline", source.byline),
        ("byline_latin", source.byline_latin),
        ("period", _period(source)),
        ("paragraphs", source.paragraphs),
        ("published", "not stated in the source"),
    ]
    rows = [("headline", source.headline)]
    rows += [(field, str(value)) for field, value in optional if value]
    rows.append(("claims", str(claim_count)))
    return rows


def _period(source: Source) -> str | None:
    if source.period_start and source.period_end:
        return f"{source.period_start}..{source.period_end}"
    return source.period_start or source.period_end


def paragraph_rows(
    source: Source, numbers: Sequence[int], citing: Mapping[int, Sequence[str]]
) -> list[tuple[int, str, tuple[str, ...]]]:
    """(number, text, ids of the claims citing it) for `read`; no numbers means every paragraph.

    Raises NotFoundError for a paragraph the source's body does not have, or when the dataset
    does not carry the body at all.
    """
    from cstofacts.errors import NotFoundError
    from cstofacts.output.safe import one_line

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


def _byline_name(source: Source) -> str | None:
    # The byline is printed family name first (Russian order); a reference reads given name first.
    name = _author(source)
    if name is None:
        return None
    return name.get("literal") or f"{name['given']} {name['family']}"


def _author(source: Source) -> dict[str, str] | None:
    """The byline as a CSL name: "Arestova Tatyana" is family Arestova, given Tatyana."""
    byline = (source.byline_latin or "").split()
    if not byline:
        return None
    if len(byline) == 1:
        return {"literal": byline[0]}
    return {"family": byline[0], "given": " ".join(byline[1:])}


def citation_text(claim: Claim, source: Source) -> str:
    """A plain-text reference to paste: who, the headline, the portal, the paragraphs and the quotes.

    The analyst's views are his: `Kirill Babaev, as reported by Tatyana Arestova in "CSTO has
    proven ...", Allies. CSTO, ¶13: "quote".` The article's own reporting is its author's:
    `Tatyana Arestova, "CSTO has proven ...", Allies. CSTO, ¶8: "quote".` Never a date or an
    address: the source states neither. Quotes are copied exactly; a claim without evidence
    ends at its paragraph numbers. The text is raw data: a terminal view shows it through
    output.safe.visible.
    """
    author = _byline_name(source)
    title = f'"{source.headline}"'
    if claim.attributed_to == "analyst" and source.analyst:
        reporter = f" by {author}" if author else ""
        parts = [f"{source.analyst.name}, as reported{reporter} in {title}"]
    else:
        parts = [f"{author}, {title}" if author else title]
    if source.portal:
        parts.append(source.portal)
    if claim.evidence:
        parts.append("; ".join(f'¶{p}: "{quote}"' for p, quote in evidence_rows(claim)))
    else:
        parts.append(where(claim.paragraphs))
    return ", ".join(parts) + "."


def csl_json(claim: Claim, source: Source) -> dict[str, Any]:
    """A CSL-JSON item for Zotero and pandoc: the source, pinned to the claim's paragraphs.

    `locator` holds the paragraph numbers ("13", "3, 6") and `label` says they are paragraphs,
    so a style prints "para. 13" or "¶ 13" as it likes. No `issued` and no `URL`: the source
    states neither, and a reference must not invent them. `note` holds the evidence quotes.
    """
    item: dict[str, Any] = {"id": claim.id, "type": "article-newspaper", "title": source.headline}
    if source.portal:
        item["container-title"] = source.portal
    author = _author(source)
    if author:
        item["author"] = [author]
    if source.section:
        item["section"] = source.section
    item["locator"] = ", ".join(str(p) for p in claim.paragraphs)
    item["label"] = "paragraph"
    if claim.evidence:
        item["note"] = "\n".join(f'¶{p}: "{quote}"' for p, quote in evidence_rows(claim))
    return item
