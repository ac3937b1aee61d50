"""Terminal views: the only module that imports Rich, and only inside the functions that draw."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from cstofacts.model import Claim
from cstofacts.output import layout
from cstofacts.output.layout import (
    MIN_BODY,
    NARROW,
    TABLE_FIELDS,
    Look,
    date_label,
    field_value,
    legend,
    view_tag,
    year_groups,
)
from cstofacts.output.rows import detail_rows, evidence_rows
from cstofacts.output.safe import visible

if TYPE_CHECKING:
    from rich.box import Box
    from rich.console import Console, ConsoleOptions, RenderableType
    from rich.measure import Measurement
    from rich.segment import Segment
    from rich.text import Text

    from cstofacts.records import Source


def make_console(width: int | None, colour: bool) -> Console:
    """A console that only captures: data is literal text (no markup, emoji or highlighting).

    Nothing is read from the environment or the terminal: the caller decides the width
    (None means 80; clamped to 20..500) and colour. Without colour there are no escape
    codes at all, since colour_system None renders every style, bold included, as plain text.
    """
    import io

    from rich.console import Console

    return Console(
        file=io.StringIO(),
        width=max(20, min(500, width or 80)),
        height=25,
        color_system="standard" if colour else None,
        no_color=not colour,
        force_terminal=False,
        force_jupyter=False,
        force_interactive=False,
        legacy_windows=False,
        markup=False,
        emoji=False,
        highlight=False,
        _environ={},
    )


def draw(renderable: RenderableType, console: Console) -> str:
    """The text of a renderable, with escape codes when the console has colour; nothing is printed.

    Trailing spaces are stripped from every line, including those before a closing style code.
    """
    with console.capture() as capture:
        console.print(renderable)
    return layout.trim(capture.get())


# Wrapping -------------------------------------------------------------------------------------


def line_spans(text: str, width: int, rest: int | None = None) -> list[tuple[int, int]]:
    """layout.line_spans, counting terminal cells as Rich does (a wide character takes two)."""
    from rich.cells import cell_len

    return layout.line_spans(text, width, rest, cell_len)


def wrap(text: Text, width: int, rest: int | None = None) -> list[Text]:
    """A styled text cut into lines by line_spans, its styles kept."""
    return [text[first:last] for first, last in line_spans(text.plain, width, rest)]


def _styled(text: str, style: str) -> Text:
    """Text whose style covers its own characters only, not what is appended to it later."""
    from rich.text import Text

    styled = Text()
    styled.append(text, style=style or None)
    return styled


def _pad(text: str, width: int) -> str:
    from rich.cells import cell_len

    return text + " " * (width - cell_len(text))


def _width(texts: Sequence[str]) -> int:
    from rich.cells import cell_len

    return max((cell_len(t) for t in texts), default=0)


class Lines:
    """A view laid out as lines of Text once the width is known, at most `width` cells wide."""

    def __init__(self, build: Callable[[int], list[Text]], width: int | None = None) -> None:
        self.build = build
        self.width = width

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        width = options.max_width if self.width is None else min(self.width, options.max_width)
        return segments(self.build(max(1, width)), console)


def segments(lines: Sequence[Text], console: Console) -> Iterator[Segment]:
    """Lines already wrapped, as Rich's segments: printing a Text would wrap it all over again."""
    from rich.segment import Segment

    newline = Segment.line()
    for line in lines:
        yield from line.render(console)
        yield newline


# Marks: what sort of statement a claim is, and how its date is known ---------------------------


def _legend(claims: Sequence[Claim], width: int, look: Look) -> list[Text]:
    """A blank line and the legend, only for the marks that appear."""
    from rich.text import Text

    text = legend(claims)
    return [Text(""), *wrap(_styled(text, look("dim")), width)] if text else []


def _summary(claim: Claim, look: Look) -> Text:
    from rich.text import Text

    text = Text()
    tag = view_tag(claim)
    if tag:
        text.append(tag, style=look("yellow"))
        text.append(" ")
    text.append(visible(claim.summary))
    return text


# The list view -------------------------------------------------------------------------------


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
        return Lines(lambda w: _stacked(claims, fields, w, look, marks=False), width)
    from rich.table import Table

    table = Table(box=_simple_head(look), header_style=look("bold"), pad_edge=False, show_edge=False)
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

        narrowest = max(1, _width(layout.pieces(self.text)))
        return Measurement(narrowest, max(narrowest, _width([self.text]))).clamp(max_width=options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        from rich.text import Text

        return segments(wrap(Text(self.text), options.max_width), console)


def _simple_head(look: Look) -> Box:
    """Rich's SIMPLE_HEAD box: a rule under the header, drawn in ASCII when asked."""
    from rich import box

    if not look.ascii_only:
        return box.SIMPLE_HEAD
    return box.Box("    \n    \n -- \n    \n    \n    \n    \n    \n", ascii=True)


def _narrow_list(claims: Sequence[Claim], width: int, look: Look, evidence: bool) -> list[Text]:
    """The default list view on a terminal too narrow for its columns (output/listview.py draws
    the columned one): a block of labelled lines per claim, with the marks and their legend."""
    lines = _stacked(claims, TABLE_FIELDS, width, look, marks=True, evidence=evidence)
    return lines + _legend(claims, width, look)


def _stacked(
    claims: Sequence[Claim],
    fields: Sequence[str],
    width: int,
    look: Look,
    *,
    marks: bool,
    evidence: bool = False,
) -> list[Text]:
    """One block of `field: value` lines per claim, for terminals too narrow for columns.

    With marks, dates and summaries carry the list view's marks; the caller adds the legend.
    With evidence, each claim's quotes follow its fields, as the columned list view shows them.
    """
    from rich.text import Text

    lines: list[Text] = []
    for number, claim in enumerate(claims):
        if number:
            lines.append(Text(""))
        for field in fields:
            if field == "id":
                value = _styled(visible(claim.id), look("cyan"))
            elif marks and field == "date":
                value = Text(date_label(claim))
            elif marks and field == "summary":
                value = _summary(claim, look)
            else:
                value = Text(visible(field_value(claim, field, look)))
            if value.plain:
                lines += labelled(f"{field}: ", value, width, look)
        if evidence:
            for paragraph, quote in evidence_rows(claim):
                said = _styled(f"{look.open_quote}{visible(quote)}{look.close_quote}", look("italic"))
                lines += labelled(f"{look.label(paragraph)} ", said, width, look)
    return lines


def labelled(label: str, value: Text, width: int, look: Look, style: str = "bold") -> list[Text]:
    """A label (bold) with its value after it, the value's later lines indented by two spaces.

    The value is wrapped on its own, so a long id breaks after a hyphen on the label's line
    rather than leaving the label alone.
    """
    from rich.cells import cell_len

    lines = wrap(value, max(1, width - cell_len(label)), max(1, width - 2))
    return _hanging(_styled(label, look(style)), 2, lines)


def _indented(line: Text, by: int) -> Text:
    from rich.text import Text

    row = Text(" " * by)
    row.append_text(line)
    return row


def _hanging(head: Text | None, indent: int, body: Sequence[Text]) -> list[Text]:
    """The body's first line after the head and the rest indented under it; all indented without one."""
    if head is None or not body:
        return [_indented(line, indent) for line in body]
    head.append_text(body[0])
    return [head, *(_indented(line, indent) for line in body[1:])]


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
        date_width = _width(dates)
        indent = date_width + 2 if date_width else 0
        lines: list[Text] = []
        for number, (label, group) in enumerate(groups):
            if number:
                lines.append(Text(""))
            lines.append(_styled(label, look("bold magenta")))
            if width < NARROW or width - indent < MIN_BODY:
                lines += _stacked(group, ("id", "date", "summary"), width, look, marks=True)
                continue
            for claim in group:
                body = _summary(claim, look)
                body.append(f"  [{visible(claim.id)}]", style=look("dim cyan"))
                head = None
                if claim.date:
                    head = _styled(_pad(date_label(claim, ""), date_width), look("green"))
                    head.append("  ")
                lines += _hanging(head, indent, wrap(body, width - indent))
        return lines + _legend(claims, width, look)

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
    table = Table(box=_simple_head(look), header_style=look("bold"), pad_edge=False, show_edge=False)
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
    return Group(table, Text(""), *wrap(_styled(visible(note), look("dim")), max(1, width)))


# Show, source and read -------------------------------------------------------------------------


def label_grid(rows: Sequence[tuple[str, str]], width: int, look: Look) -> list[Text]:
    """Bold labels beside values that wrap under themselves; label above value when narrow."""
    from rich.text import Text

    labels = [visible(label) for label, _ in rows]
    label_width = _width(labels)
    value_width = width - label_width - 2
    lines: list[Text] = []
    for label, (_, value) in zip(labels, rows, strict=True):
        shown = Text(visible(value))
        if value_width < MIN_BODY:
            lines.append(_styled(label, look("bold")))
            lines += [_indented(line, 2) for line in wrap(shown, width - 2)]
            continue
        head = _styled(_pad(label, label_width), look("bold"))
        head.append("  ")
        lines += _hanging(head, label_width + 2, wrap(shown, value_width))
    return lines


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

        lines = wrap(_styled(visible(claim.id), look("bold cyan")), width)
        lines += label_grid(detail_rows(claim, source, pilcrow=look.pilcrow), width, look)
        for paragraph, quote in evidence_rows(claim):
            lines += [Text(""), _styled(look.label(paragraph), look("bold"))]
            text = source.paragraph(paragraph)
            found = text.find(quote) if text is not None and quote and colour else -1
            if text is not None and found >= 0:
                shown = _styled(visible(text[:found]), look("dim"))
                shown.append(visible(quote), style=look("bold"))
                shown.append(visible(text[found + len(quote) :]), style=look("dim"))
            else:
                shown = Text(f"{look.open_quote}{visible(quote)}{look.close_quote}")
            lines += [_indented(line, 2) for line in wrap(shown, width - 2)]
        return lines

    return Lines(build, width)


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
            lines.append(_styled(look.label(paragraph), look("bold")))
            lines += wrap(Text(visible(text)), width)
            cited = ", ".join(visible(i) for i in ids) if ids else "no claim"
            lines += labelled("cited by: ", _styled(cited, look("dim")), width, look, "dim")
        return lines

    return Lines(build, width)
