"""Where lines break and what marks a claim gets: the views' text decisions, without Rich."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from cstofacts.model import Claim, Kind
from cstofacts.output import rows
from cstofacts.safe import visible
from cstofacts.text import cell

# The terminal cells a string takes. Counting them is Rich's knowledge, so output/views passes in
# Rich's cell_len and keeps every Rich import to itself.
Measure = Callable[[str], int]

# Below this width a table cannot show a summary legibly: claims are stacked instead.
NARROW = 60
# The narrowest column a summary or a value is wrapped into before the view stacks instead.
MIN_BODY = 20
GAP = "   "  # between the list view's columns
TABLE_FIELDS = ("id", "date", "category", "countries", "paragraphs", "summary")
_HEADINGS = {"paragraphs": "¶", "attributed_to": "by", "organizations": "orgs"}
LEGEND_DATE = "* date inferred from the paragraph's context"
LEGEND_VIEW = "[view: who] an assessment, not a reported event"


class Look:
    """The views' own characters and styles: Unicode or ASCII, with colour or without.

    Without colour every style is empty, so nothing but text reaches the console, not even bold.
    """

    __slots__ = ("ascii_only", "close_quote", "colour", "open_quote", "pilcrow", "rule")

    def __init__(self, colour: bool = True, ascii_only: bool = False) -> None:
        self.colour = colour
        self.ascii_only = ascii_only
        self.rule = "-" if ascii_only else "─"
        self.pilcrow = "P" if ascii_only else "¶"  # as streams spells ¶ for an ASCII terminal
        self.open_quote, self.close_quote = ('"', '"') if ascii_only else ("“", "”")

    def __call__(self, style: str) -> str:
        return style if self.colour else ""

    def where(self, paragraphs: Sequence[int]) -> str:
        return rows.where(paragraphs, self.pilcrow)

    def label(self, paragraph: int) -> str:
        return rows.paragraph_label(paragraph, self.pilcrow)


# Marks: what sort of statement a claim is, and how its date is known ---------------------------


def date_label(claim: Claim, undated: str = "undated") -> str:
    """The claim's date as people read it, with `*` when it is inferred from context."""
    if not claim.date:
        return undated
    return visible(claim.when) + ("*" if claim.date_basis == "inferred" else "")


def view_tag(claim: Claim) -> str:
    """`[view: analyst]` for an assessment, naming whose view it is; empty for anything else."""
    return f"[view: {visible(claim.attributed_to)}]" if claim.kind is Kind.ASSESSMENT else ""


def legend(claims: Sequence[Claim]) -> str:
    """The legend for the marks that appear among the claims; empty when none does."""
    parts = []
    if any(c.date and c.date_basis == "inferred" for c in claims):
        parts.append(LEGEND_DATE)
    if any(c.kind is Kind.ASSESSMENT for c in claims):
        parts.append(LEGEND_VIEW)
    return "; ".join(parts)


# Columns of a table with chosen fields ---------------------------------------------------------


def heading(field: str, look: Look) -> str:
    """A field's column heading: short where the value is short, and ASCII when asked."""
    return "P" if field == "paragraphs" and look.ascii_only else _HEADINGS.get(field, field)


def field_value(claim: Claim, field: str, look: Look) -> str:
    """A field's value as a table shows it, without the list view's marks."""
    if field == "date":
        return claim.when
    if field == "paragraphs":
        return look.where(claim.paragraphs)
    return cell(claim.record()[field])


def bars(counts: Sequence[int], width: int, unicode: bool) -> list[str]:
    """A bar per count, in proportion to the largest, at most 40 cells and fewer when narrow."""
    top = max(counts, default=1) or 1
    room = max(4, min(40, width - 40))
    block = "█" if unicode else "#"
    return [block * max(1, round(count / top * room)) for count in counts]


# Wrapping -------------------------------------------------------------------------------------


def line_spans(text: str, width: int, rest: int | None, measure: Measure) -> list[tuple[int, int]]:
    """Where to cut text into lines of at most `width` cells (`rest` for the lines after the first).

    Lines break at spaces, and the spaces at a break are dropped. A word too long for a line
    breaks after its hyphens (an id such as `khujand-border-agreement-2025-03-31`), and only a
    piece still too long is cut mid-word. Always at least one line.
    """
    cut = _Cutter(text, width, width if rest is None else rest, measure)
    for match in re.finditer(r"( *)([^ ]+)", text):
        # The text's own leading spaces stay on the first line; elsewhere a word starts a line.
        word = match.start(2) if cut.started else match.start(1)
        stop = match.end(2)
        if cut.place(word, stop) or (not cut.started and cut.defer(word, stop)):
            continue
        for piece in re.finditer(r"[^-]+-*|-+", text[word:stop]):
            first, last = word + piece.start(), word + piece.end()
            if cut.place(first, last):
                continue
            for index in range(first, last):
                if not cut.place(index, index + 1):
                    cut.begin(index, index + 1)  # wider than any line: it goes alone
    return cut.spans()


def pieces(text: str) -> list[str]:
    """The pieces line_spans keeps whole whenever they fit: words, split after their hyphens."""
    return re.findall(r"[^ -]+-*|-+", text)


class _Cutter:
    """The lines line_spans has cut so far, and the open one: its start, its end and its cells."""

    def __init__(self, text: str, width: int, rest: int, measure: Measure) -> None:
        self.text, self.width, self.rest, self.measure = text, width, rest, measure
        self.closed: list[tuple[int, int]] = []
        self.start = self.end = 0
        self.used = -1  # cells on the open line; -1 when no line is open

    @property
    def started(self) -> bool:
        """Whether a line has begun, so that any new line is one of the `rest`."""
        return self.used >= 0 or bool(self.closed)

    def place(self, first: int, stop: int) -> bool:
        """Extend the open line to `stop`, else open a line at `first`; False when neither fits."""
        if self.used >= 0:
            grown = self.used + self.measure(self.text[self.end : stop])
            if grown <= (self.rest if self.closed else self.width):
                self.end, self.used = stop, grown
                return True
        if self.measure(self.text[first:stop]) <= (self.rest if self.started else self.width):
            self.begin(first, stop)
            return True
        return False

    def defer(self, word: int, stop: int) -> bool:
        """Leave the first line empty when the word fits a later line whole and has no hyphen
        to break at within the first: the first line is the shorter one when a label precedes it.
        """
        if self.measure(self.text[word:stop]) > self.rest:
            return False
        head = re.match(r"[^-]+-+|-+", self.text[word:stop])
        if head is not None and self.measure(head.group()) <= self.width:
            return False
        self.closed.append((word, word))
        self.begin(word, stop)
        return True

    def begin(self, first: int, stop: int) -> None:
        """Close the open line, if any, and open one holding text[first:stop]."""
        if self.used >= 0:
            self.closed.append((self.start, self.end))
        self.start, self.end, self.used = first, stop, self.measure(self.text[first:stop])

    def spans(self) -> list[tuple[int, int]]:
        if self.used >= 0:
            self.closed.append((self.start, self.end))
        return self.closed or [(0, 0)]


# Drawn text ----------------------------------------------------------------------------------

_CODES = re.compile(r"\x1b\[[0-9;]*m")
_TAIL = re.compile(r"(?:[ \t]|\x1b\[[0-9;]*m)+$")


def trim(drawn: str) -> str:
    """Trailing spaces stripped from every line, including those before a closing style code."""

    def strip(line: str) -> str:
        match = _TAIL.search(line)
        if match is None:
            return line
        return line[: match.start()] + "".join(_CODES.findall(match.group()))

    return "\n".join(strip(line) for line in drawn.split("\n"))


# Timeline ------------------------------------------------------------------------------------


def _start_year(claim: Claim) -> int | None:
    if claim.span is not None:
        return claim.span[0].year
    try:
        return int((claim.date or "")[:4])
    except ValueError:
        return None


def year_groups(claims: Sequence[Claim], first_year: int | None = None) -> list[tuple[str, list[Claim]]]:
    """Claims under their start year, in the order given; `Undated` last.

    With first_year, a claim that starts earlier sits under first_year: `--year 2025` never
    shows a 2024 heading, and the 2024..2025 span goes under 2025.
    """
    groups: dict[str, list[Claim]] = {}
    undated: list[Claim] = []
    for claim in claims:
        year = _start_year(claim)
        if year is None:
            undated.append(claim)
            continue
        if first_year is not None:
            year = max(year, first_year)
        groups.setdefault(str(year), []).append(claim)
    return [*groups.items(), *([("Undated", undated)] if undated else [])]
