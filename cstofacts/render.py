"""Terminal views drawn with Rich: the only module that imports it, and only when it draws."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from cstofacts.formats import cell
from cstofacts.model import Claim, Dataset, Source

if TYPE_CHECKING:
    from collections.abc import Iterator

    from rich.console import Console, ConsoleOptions, RenderableType

# Below this width a table cannot show a summary legibly: claims are stacked instead.
NARROW = 60
TABLE_FIELDS = ("id", "date", "category", "countries", "paragraphs", "summary")
_HEADINGS = {"paragraphs": "¶", "attributed_to": "by", "organizations": "orgs"}


def make_console(width: int | None = None) -> Console:
    """A stdout console that treats data as literal text (no markup, emoji or highlighting).

    Rich itself honours NO_COLOR, FORCE_COLOR, TERM=dumb and COLUMNS.
    """
    import os

    from rich.console import Console

    # Rich's own NO_COLOR support still emits bold and dim; no-color.org means no escape codes at all.
    plain = bool(os.environ.get("NO_COLOR"))
    return Console(
        markup=False, emoji=False, highlight=False, width=width, color_system=None if plain else "auto"
    )


def draw(renderable: RenderableType, console: Console | None = None) -> str:
    """The text (with escape codes when colour is on) of a renderable; nothing is printed."""
    console = console or make_console()
    with console.capture() as capture:
        console.print(renderable)
    return capture.get()


def _when(claim: Claim) -> str:
    if claim.date and claim.end_date:
        return f"{claim.date}..{claim.end_date}"
    return claim.date or "undated"


def _value(claim: Claim, field: str) -> str:
    if field == "date":
        return _when(claim)
    if field == "paragraphs":
        return ", ".join(f"¶{p}" for p in claim.paragraphs)
    return cell(claim.record()[field])


def claims_table(claims: Sequence[Claim], fields: Sequence[str] | None, width: int) -> RenderableType:
    """A table of claims that wraps long text instead of cutting it off.

    Without explicit fields, each row shows the date, the category and the
    summary, with the id, countries and paragraphs on a line beneath it: the
    layout that stays legible at 80 columns.
    """
    if width < NARROW:
        return _stacked(claims, fields or TABLE_FIELDS)
    if fields is None:
        return ClaimList(claims)
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False, show_edge=False)
    for field in fields:
        table.add_column(
            _HEADINGS.get(field, field), overflow="fold", style="cyan" if field == "id" else None
        )
    for claim in claims:
        table.add_row(*(_value(claim, f) for f in fields))
    return table


class ClaimList:
    """The default list view: date, category and summary columns, the id and citations beneath.

    Laid out here rather than with rich.table: the view has one wrapping column,
    and drawing it directly spares every terminal lookup the import and the
    measuring passes of a general table (docs/performance.md).
    """

    GAP = "   "

    def __init__(self, claims: Sequence[Claim]) -> None:
        self.claims = claims

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[RenderableType]:
        from rich.text import Text

        width = options.max_width
        date_width = max([len("date"), *(len(_when(c)) for c in self.claims)])
        category_width = max([len("category"), *(len(c.category) for c in self.claims)])
        indent = date_width + category_width + 2 * len(self.GAP)
        body_width = width - indent
        if body_width < 20:
            yield _stacked(self.claims, TABLE_FIELDS)
            return
        heading = f"{'date':<{date_width}}{self.GAP}{'category':<{category_width}}{self.GAP}claim"
        yield Text(heading, style="bold")
        yield Text(("-" if options.ascii_only else "─") * width)
        for claim in self.claims:
            lines = list(Text(claim.summary).wrap(console, body_width, overflow="fold"))
            cited = Text(claim.id, style="cyan")
            extra = [",".join(claim.countries), _value(claim, "paragraphs")]
            cited.append("  " + "  ".join(e for e in extra if e), style="dim")
            lines += cited.wrap(console, body_width, overflow="fold")
            for number, line in enumerate(lines):
                row = Text(" " * indent)
                if number == 0:
                    row = Text()
                    row.append(f"{_when(claim):<{date_width}}", style="green")
                    row.append(f"{self.GAP}{claim.category:<{category_width}}{self.GAP}")
                line.rstrip()
                row.append_text(line)
                yield row


def _stacked(claims: Sequence[Claim], fields: Sequence[str]) -> RenderableType:
    """One block per claim, for terminals too narrow for columns."""
    from rich.console import Group
    from rich.text import Text

    parts: list[RenderableType] = []
    for claim in claims:
        for field in fields:
            text = Text(f"{_HEADINGS.get(field, field)}: ", style="bold")
            text.append(_value(claim, field), style="cyan" if field == "id" else "")
            text.overflow = "fold"
            parts.append(text)
        parts.append(Text(""))
    return Group(*parts)


def timeline(groups: Sequence[tuple[str, Sequence[Claim]]], width: int) -> RenderableType:
    """Claims under a heading per year, each with its date and id."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    parts: list[RenderableType] = []
    for label, claims in groups:
        parts.append(Text(label.capitalize(), style="bold magenta"))
        if width < NARROW:
            parts.append(_stacked(claims, ("id", "date", "summary")))
            continue
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True, style="green")
        grid.add_column(overflow="fold", ratio=1)
        for claim in claims:
            body = Text(claim.summary)
            body.append(f"  [{claim.id}]", style="dim cyan")
            grid.add_row(_when(claim) if claim.date else "", body)
        parts += [grid, Text("")]
    return Group(*parts)


def stats_chart(
    pairs: Sequence[tuple[str, int]], heading: str, labels: dict[str, str], width: int, unicode: bool
) -> RenderableType:
    """Counts per value with a bar proportional to the largest count."""
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False, show_edge=False)
    table.add_column(heading, style="cyan", overflow="fold")
    if labels:
        table.add_column("name", overflow="fold")
    table.add_column("count", justify="right")
    table.add_column("", style="green", no_wrap=True)
    top = max((count for _, count in pairs), default=1)
    room = max(4, min(40, width - 40))
    block = "█" if unicode else "#"
    for value, count in pairs:
        bar = block * max(1, round(count / top * room))
        row = [value, labels.get(value, "")] if labels else [value]
        table.add_row(*row, str(count), bar)
    return table


def _label_grid(rows: Sequence[tuple[str, str]]) -> RenderableType:
    """Bold labels beside values that wrap: the layout of source and show."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in rows:
        grid.add_row(label, value)
    return grid


def source_view(source: Source, claim_count: int) -> RenderableType:
    """The source's metadata as a two-column grid."""
    return _label_grid(source_rows(source, claim_count))


def source_rows(source: Source, claim_count: int) -> list[tuple[str, str]]:
    """(label, value) pairs describing a source; shared by every output format."""
    rows = [("headline", source.headline)]
    optional: list[tuple[str, Any]] = [
        ("portal", source.portal),
        ("section", source.section),
        ("analyst", source.analyst.name if source.analyst else None),
        ("post", source.analyst.post if source.analyst else None),
        ("titles", ", ".join(source.analyst.titles) if source.analyst else None),
        ("byline", source.byline),
        ("byline_latin", source.byline_latin),
        ("period", _period(source)),
        ("paragraphs", source.paragraphs),
        ("published", "not stated in the source"),
    ]
    rows += [(label, str(value)) for label, value in optional if value]
    rows.append(("claims", str(claim_count)))
    return rows


def _period(source: Source) -> str | None:
    if source.period_start and source.period_end:
        return f"{source.period_start}..{source.period_end}"
    return source.period_start or source.period_end


def claim_details(claims: Sequence[Claim], dataset: Dataset) -> RenderableType:
    """Every field of each claim, with where the source states it."""
    from rich.console import Group
    from rich.text import Text

    parts: list[RenderableType] = []
    for claim in claims:
        parts += [Text(claim.id, style="bold cyan"), _label_grid(detail_rows(claim, dataset)), Text("")]
    return Group(*parts)


def detail_rows(claim: Claim, dataset: Dataset) -> list[tuple[str, str]]:
    """(field, value) pairs for show: every field, then where the source says it."""
    record = claim.record()
    rows = [(field, cell(value)) for field, value in record.items() if value not in (None, [])]
    source = dataset.source(claim.source)
    where = ", ".join(f"¶{p}" for p in claim.paragraphs)
    rows.append(("stated in", f'{where} of "{source.headline}"'))
    return rows
