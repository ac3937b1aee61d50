"""Claims on a terminal: the narrow list view, tables of chosen fields, and one claim for show."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from cstofacts.model import Claim
from cstofacts.output import layout
from cstofacts.output.layout import (
    NARROW,
    TABLE_FIELDS,
    Look,
    field_value,
)
from cstofacts.output.rows import detail_rows, evidence_rows
from cstofacts.safe import visible

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType
    from rich.measure import Measurement
    from rich.segment import Segment
    from rich.text import Text

    from cstofacts.records import Source

from cstofacts.output.views.base import (
    Lines,
    indented,
    label_grid,
    legend_lines,
    segments,
    simple_head,
    stacked,
    styled,
    widest,
    wrap,
)


def claims_table(
    claims: Sequence[Claim],
    fields: Sequence[str] | None,
    width: int,
    *,
    colour: bool = True,
    ascii_only: bool = False,
    evidence: bool = False,
) -> RenderableType:
    """Claims as a table that wraps long text rather than cutting it off.

    Without fields: the default list view where its columns do not fit (listview.fits), stacked.
    With fields: a column per field, stacked when narrow; the values are shown as they are,
    without the list view's marks.
    """
    look = Look(colour, ascii_only)
    if fields is None:
        return Lines(lambda w: _narrow_list(claims, w, look, evidence), width)
    if width < NARROW:
        return Lines(lambda w: stacked(claims, fields, w, look, marks=False), width)
    from rich.table import Table

    table = Table(box=simple_head(look), header_style=look("bold"), pad_edge=False, show_edge=False)
    for field in fields:
        style = look("cyan") if field == "id" else None
        table.add_column(layout.heading(field, look), overflow="fold", style=style)
    for claim in claims:
        table.add_row(*(Cell(visible(field_value(claim, f, look))) for f in fields))
    return table


class Cell:
    """A table cell that wraps as the other views do: at spaces, then after hyphens.

    Its narrowest width is its longest word or hyphen-ended piece, so rich.table gives an id
    column room to break `khujand-border-agreement-2025-03-31` after a hyphen, not mid-word.
    """

    def __init__(self, text: str) -> None:
        self.text = text

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        from rich.measure import Measurement

        narrowest = max(1, widest(layout.pieces(self.text)))
        return Measurement(narrowest, max(narrowest, widest([self.text]))).clamp(max_width=options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        from rich.text import Text

        return segments(wrap(Text(self.text), options.max_width), console)


def _narrow_list(claims: Sequence[Claim], width: int, look: Look, evidence: bool) -> list[Text]:
    """The default list view on a terminal too narrow for its columns (output/listview.py draws
    the columned one): a block of labelled lines per claim, with the marks and their legend."""
    lines = stacked(claims, TABLE_FIELDS, width, look, marks=True, evidence=evidence)
    return lines + legend_lines(claims, width, look)


def claim_details(
    claim: Claim, source: Source, *, colour: bool = True, ascii_only: bool = False, width: int | None = None
) -> RenderableType:
    """One claim for show: its id, every field that has a value, then each evidence quote.

    With colour, a quote is shown in its paragraph, the quoted words bold and the rest dim;
    without, the quote alone in quotation marks under its ¶ number. A quote that is not
    found in the paragraph's text is shown alone, never altered.
    """
    look = Look(colour, ascii_only)

    def build(width: int) -> list[Text]:
        from rich.text import Text

        lines = wrap(styled(visible(claim.id), look("bold cyan")), width)
        lines += label_grid(detail_rows(claim, source, pilcrow=look.pilcrow), width, look)
        for paragraph, quote in evidence_rows(claim):
            lines += [Text(""), styled(look.label(paragraph), look("bold"))]
            text = source.paragraph(paragraph)
            found = text.find(quote) if text is not None and quote and colour else -1
            if text is not None and found >= 0:
                shown = styled(visible(text[:found]), look("dim"))
                shown.append(visible(quote), style=look("bold"))
                shown.append(visible(text[found + len(quote) :]), style=look("dim"))
            else:
                shown = Text(f"{look.open_quote}{visible(quote)}{look.close_quote}")
            lines += [indented(line, 2) for line in wrap(shown, width - 2)]
        return lines

    return Lines(build, width)
