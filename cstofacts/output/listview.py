"""The default list view drawn as text, without Rich: the view most terminal lookups show.

Importing Rich costs about 14 ms, a quarter of a lookup (docs/performance.md). This view has
one wrapping column and a handful of styles, so it is laid out here from layout.line_spans and
written with SGR codes directly; it prints the same characters as the Rich views would. The
narrow, stacked layout and every other view stay in output/views/.
"""

from __future__ import annotations

from collections.abc import Sequence

from cstofacts.model import Claim
from cstofacts.output import layout
from cstofacts.output.layout import GAP, MIN_BODY, NARROW, Look, date_label, legend, view_tag
from cstofacts.output.rows import evidence_rows
from cstofacts.safe import visible

Run = tuple[str, str]  # text and its style: space-separated names such as "dim cyan", or ""
# The styles this view uses, as SGR codes.
_SGR = {"bold": "1", "dim": "2", "italic": "3", "green": "32", "yellow": "33", "cyan": "36"}


def fits(claims: Sequence[Claim], width: int) -> bool:
    """Whether the columned layout fits; narrower terminals get output/views/ stacked one."""
    if width < NARROW:
        return False
    date_width = max(len("date"), max((cell_width(date_label(c)) for c in claims), default=0))
    category_width = max(len("category"), max((cell_width(visible(c.category)) for c in claims), default=0))
    return width - (date_width + category_width + 2 * len(GAP)) >= MIN_BODY


def claim_list(claims: Sequence[Claim], width: int, *, colour: bool, ascii_only: bool, evidence: bool) -> str:
    """Date, category and claim columns, the id and citations beneath, marks and their legend."""
    look = Look(colour, ascii_only)
    dates = [date_label(c) for c in claims]
    categories = [visible(c.category) for c in claims]
    date_width = max(len("date"), max(cell_width(d) for d in dates))
    category_width = max(len("category"), max(cell_width(c) for c in categories))
    indent = date_width + category_width + 2 * len(GAP)
    body_width = width - indent
    heading = f"{_pad('date', date_width)}{GAP}{_pad('category', category_width)}{GAP}claim"
    lines = [[(heading, look("bold"))], [(look.rule * width, "")]]
    several = len({c.source for c in claims}) > 1  # a corpus's answer says which article said what
    for claim, when, category in zip(claims, dates, categories, strict=True):
        cited = _cited(claim, look, several)
        body = _wrap(_summary(claim, look), body_width) + _wrap(cited, body_width)
        if evidence:
            for paragraph, quote in evidence_rows(claim):
                said = f"{look.label(paragraph)} {look.open_quote}{visible(quote)}{look.close_quote}"
                body += _wrap([(said, look("italic"))], body_width)
        head = [(_pad(when, date_width), look("green")), (f"{GAP}{_pad(category, category_width)}{GAP}", "")]
        lines.append(head + body[0])
        lines += [[(" " * indent, ""), *line] for line in body[1:]]
    note = legend(claims)
    if note:
        lines.append([])
        lines += _wrap([(note, look("dim"))], width)
    return layout.trim("".join(_render(line, colour) + "\n" for line in lines))


def _summary(claim: Claim, look: Look) -> list[Run]:
    tag = view_tag(claim)
    runs = [(tag, look("yellow")), (" ", "")] if tag else []
    return [*runs, (visible(claim.summary), "")]


def _cited(claim: Claim, look: Look, source: bool = False) -> list[Run]:
    """The id, the countries and the paragraphs; with `source`, whose paragraphs they are."""
    runs = [(visible(claim.id), look("cyan"))]
    where = look.where(claim.paragraphs)
    if source:
        where = f"{where} of {visible(claim.source)}"
    extra = [e for e in (visible(",".join(claim.countries)), where) if e]
    if extra:
        runs.append(("  " + "  ".join(extra), look("dim")))
    return runs


def _wrap(runs: list[Run], width: int) -> list[list[Run]]:
    """Styled runs cut into lines where layout.line_spans breaks their text."""
    plain = "".join(text for text, _ in runs)
    lines = []
    for first, last in layout.line_spans(plain, width, None, cell_width):
        line: list[Run] = []
        position = 0
        for text, style in runs:
            start, stop = max(first, position), min(last, position + len(text))
            if start < stop:
                line.append((text[start - position : stop - position], style))
            position += len(text)
        lines.append(line)
    return lines


def _render(line: list[Run], colour: bool) -> str:
    if not colour:
        return "".join(text for text, _ in line)
    out = []
    for text, style in line:
        codes = ";".join(_SGR[name] for name in style.split() if name in _SGR)
        out.append(f"\x1b[{codes}m{text}\x1b[0m" if codes and text else text)
    return "".join(out)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - cell_width(text))


def cell_width(text: str) -> int:
    """How many terminal cells a text takes: two for wide East Asian characters, none for marks."""
    if text.isascii():
        return len(text)
    import unicodedata

    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width
