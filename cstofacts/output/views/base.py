"""What every terminal view is drawn with: the console, wrapping, labelled lines and the marks' legend."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from cstofacts.model import Claim
from cstofacts.output import layout
from cstofacts.output.layout import (
    MIN_BODY,
    Look,
    date_label,
    field_value,
    legend,
    view_tag,
)
from cstofacts.output.rows import evidence_rows
from cstofacts.safe import visible

if TYPE_CHECKING:
    from rich.box import Box
    from rich.console import Console, ConsoleOptions, RenderableType
    from rich.segment import Segment
    from rich.text import Text


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


def styled(text: str, style: str) -> Text:
    """Text whose style covers its own characters only, not what is appended to it later."""
    from rich.text import Text

    styled = Text()
    styled.append(text, style=style or None)
    return styled


def padded(text: str, width: int) -> str:
    from rich.cells import cell_len

    return text + " " * (width - cell_len(text))


def widest(texts: Sequence[str]) -> int:
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


def legend_lines(claims: Sequence[Claim], width: int, look: Look) -> list[Text]:
    """A blank line and the legend, only for the marks that appear."""
    from rich.text import Text

    text = legend(claims)
    return [Text(""), *wrap(styled(text, look("dim")), width)] if text else []


def summary_text(claim: Claim, look: Look) -> Text:
    from rich.text import Text

    text = Text()
    tag = view_tag(claim)
    if tag:
        text.append(tag, style=look("yellow"))
        text.append(" ")
    text.append(visible(claim.summary))
    return text


def simple_head(look: Look) -> Box:
    """Rich's SIMPLE_HEAD box: a rule under the header, drawn in ASCII when asked."""
    from rich import box

    if not look.ascii_only:
        return box.SIMPLE_HEAD
    return box.Box("    \n    \n -- \n    \n    \n    \n    \n    \n", ascii=True)


def stacked(
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
                value = styled(visible(claim.id), look("cyan"))
            elif marks and field == "date":
                value = Text(date_label(claim))
            elif marks and field == "summary":
                value = summary_text(claim, look)
            else:
                value = Text(visible(field_value(claim, field, look)))
            if value.plain:
                lines += labelled(f"{field}: ", value, width, look)
        if evidence:
            for paragraph, quote in evidence_rows(claim):
                said = styled(f"{look.open_quote}{visible(quote)}{look.close_quote}", look("italic"))
                lines += labelled(f"{look.label(paragraph)} ", said, width, look)
    return lines


def labelled(label: str, value: Text, width: int, look: Look, style: str = "bold") -> list[Text]:
    """A label (bold) with its value after it, the value's later lines indented by two spaces.

    The value is wrapped on its own, so a long id breaks after a hyphen on the label's line
    rather than leaving the label alone.
    """
    from rich.cells import cell_len

    lines = wrap(value, max(1, width - cell_len(label)), max(1, width - 2))
    return hanging(styled(label, look(style)), 2, lines)


def indented(line: Text, by: int) -> Text:
    from rich.text import Text

    row = Text(" " * by)
    row.append_text(line)
    return row


def hanging(head: Text | None, indent: int, body: Sequence[Text]) -> list[Text]:
    """The body's first line after the head and the rest indented under it; all indented without one."""
    if head is None or not body:
        return [indented(line, indent) for line in body]
    head.append_text(body[0])
    return [head, *(indented(line, indent) for line in body[1:])]


def label_grid(rows: Sequence[tuple[str, str]], width: int, look: Look) -> list[Text]:
    """Bold labels beside values that wrap under themselves; label above value when narrow."""
    from rich.text import Text

    labels = [visible(label) for label, _ in rows]
    label_width = widest(labels)
    value_width = width - label_width - 2
    lines: list[Text] = []
    for label, (_, value) in zip(labels, rows, strict=True):
        shown = Text(visible(value))
        if value_width < MIN_BODY:
            lines.append(styled(label, look("bold")))
            lines += [indented(line, 2) for line in wrap(shown, width - 2)]
            continue
        head = styled(padded(label, label_width), look("bold"))
        head.append("  ")
        lines += hanging(head, label_width + 2, wrap(shown, value_width))
    return lines
