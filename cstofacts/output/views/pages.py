"""The other views: the timeline, the stats chart, a source's metadata and the paragraphs `read` shows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from cstofacts.model import Claim
from cstofacts.output import layout
from cstofacts.output.layout import (
    MIN_BODY,
    NARROW,
    Look,
    date_label,
    year_groups,
)
from cstofacts.safe import visible

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text


from cstofacts.output.views.base import (
    Lines,
    hanging,
    label_grid,
    labelled,
    legend_lines,
    padded,
    simple_head,
    stacked,
    styled,
    summary_text,
    widest,
    wrap,
)

# Timeline ------------------------------------------------------------------------------------


def timeline(
    claims: Sequence[Claim],
    width: int,
    *,
    colour: bool = True,
    ascii_only: bool = False,
    first_year: int | None = None,
) -> RenderableType:
    """Claims, given in date order, under a heading per year, each with its date and id.

    The date column has one width across every year, so the summaries line up; dates and
    summaries carry the list view's marks, explained under the timeline.
    """
    look = Look(colour, ascii_only)
    groups = year_groups(claims, first_year)

    def build(width: int) -> list[Text]:
        from rich.text import Text

        dates = [date_label(c, "") for c in claims]
        date_width = widest(dates)
        indent = date_width + 2 if date_width else 0
        lines: list[Text] = []
        for number, (label, group) in enumerate(groups):
            if number:
                lines.append(Text(""))
            lines.append(styled(label, look("bold magenta")))
            if width < NARROW or width - indent < MIN_BODY:
                lines += stacked(group, ("id", "date", "summary"), width, look, marks=True)
                continue
            for claim in group:
                body = summary_text(claim, look)
                body.append(f"  [{visible(claim.id)}]", style=look("dim cyan"))
                head = None
                if claim.date:
                    head = styled(padded(date_label(claim, ""), date_width), look("green"))
                    head.append("  ")
                lines += hanging(head, indent, wrap(body, width - indent))
        return lines + legend_lines(claims, width, look)

    return Lines(build, width)


# Stats ---------------------------------------------------------------------------------------


def stats_chart(
    pairs: Sequence[tuple[str, int]],
    heading: str,
    labels: Mapping[str, str],
    width: int,
    unicode: bool,
    note: str | None = None,
    *,
    colour: bool = True,
) -> RenderableType:
    """Counts per value with a bar proportional to the largest count, and an optional note beneath."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    look = Look(colour, not unicode)
    table = Table(box=simple_head(look), header_style=look("bold"), pad_edge=False, show_edge=False)
    table.add_column(visible(heading), style=look("cyan"), overflow="fold")
    if labels:
        table.add_column("name", overflow="fold")
    table.add_column("count", justify="right", overflow="fold")
    # The bar is cropped rather than ended with "…", which an ASCII terminal cannot show.
    table.add_column("", style=look("green"), no_wrap=True, overflow="crop")
    counts = [count for _, count in pairs]
    for (value, count), bar in zip(pairs, layout.bars(counts, width, unicode), strict=True):
        row = [visible(value), visible(labels.get(value, ""))] if labels else [visible(value)]
        table.add_row(*row, str(count), bar)
    if note is None:
        return table
    return Group(table, Text(""), *wrap(styled(visible(note), look("dim")), max(1, width)))


def source_view(
    rows: Sequence[tuple[str, str]],
    *,
    colour: bool = True,
    ascii_only: bool = False,
    width: int | None = None,
) -> RenderableType:
    """A source's metadata (output.rows.source_rows) as a two-column grid."""
    look = Look(colour, ascii_only)
    return Lines(lambda w: label_grid(rows, w, look), width)


def paragraphs_view(
    rows: Sequence[tuple[int, str, Sequence[str]]],
    *,
    colour: bool = True,
    ascii_only: bool = False,
    width: int | None = None,
) -> RenderableType:
    """Paragraphs for read (output.rows.paragraph_rows): `¶13`, the text, then the claims citing it."""
    look = Look(colour, ascii_only)

    def build(width: int) -> list[Text]:
        from rich.text import Text

        lines: list[Text] = []
        for number, (paragraph, text, ids) in enumerate(rows):
            if number:
                lines.append(Text(""))
            lines.append(styled(look.label(paragraph), look("bold")))
            lines += wrap(Text(visible(text)), width)
            cited = ", ".join(visible(i) for i in ids) if ids else "no claim"
            lines += labelled("cited by: ", styled(cited, look("dim")), width, look, "dim")
        return lines

    return Lines(build, width)
