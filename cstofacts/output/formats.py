r"""The machine formats (plain, tsv, csv, json, jsonl, markdown) as text, without Rich.

What each format promises about the characters inside a value:

| format   | layout                              | escaping inside a value                        | guard |
|----------|-------------------------------------|------------------------------------------------|-------|
| plain    | a record a line, tab-separated      | tab, LF, CR, backslash as `\t` `\n` `\r` `\\`  | no    |
| tsv      | plain with a header row             | as plain                                       | yes   |
| csv      | RFC 4180, header row, `\n` row ends | a field holding `,` `"` CR or LF is quoted     | yes   |
| json     | an array, an object a line          | JSON, and every control and bidi char as `\u`  | no    |
| jsonl    | an object a line                    | as json                                        | no    |
| markdown | a GitHub table, header row          | `\|` `\\`, breaks as `<br>`, controls shown    | no    |

- plain and markdown join lists with commas (`TJ,KG,UZ`); every text format writes evidence as
  `¶13 "quote"; ¶8 "quote"` (see cell()). csv and tsv write the other lists as JSON arrays
  (`["TJ", "KG", "UZ"]`, `[8, 16]`, `[]`, see typed_cell()): csvkit and pandas guess a column's
  type from its values, and read `8,16` as the number 816 and `13` as a number; a JSON array is
  never a number, and json.loads reads it back exactly. Dates stay the ISO text of every format.
- plain, tsv and csv pass every other character through unchanged, controls included (ESC, DEL,
  C1, bidi overrides, U+2028): they are data for programs, and every character of a cell survives
  (undo the escapes, and the formula guard below). On a terminal a person reads them instead,
  and cli/present.py shows the controls as `\x1b`-style text, as the views do. A record ends only
  at `\n`: split on `\n`, not on everything Python's `str.splitlines()` treats as a line break.
- json and jsonl also write DEL, the C1 controls, the bidi controls, U+2028 and U+2029 as `\u`
  escapes, which JSON allows but does not require: the parsed values are exact, and no raw
  control reaches a terminal that shows the file. With `ascii_only` all non-ASCII is escaped.
- markdown is for reading: controls appear as `\x1b`-style text (output.safe.visible), CR and
  LF as `<br>`. It is the one format that does not round-trip.
- The formula guard (csv, tsv): a line of a cell that starts with `=`, `+`, `-`, `@`, a tab or a
  CR, or with apostrophes followed by one of those, gets one more apostrophe in front, so a
  spreadsheet shows it as text. Lines start at the start of the cell and after each LF, CR or
  CRLF. Removing one apostrophe from each such line start gives the exact value back.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar

from cstofacts.errors import UsageError
from cstofacts.model import DEFAULT_FIELDS, DERIVED, FIELDS, Claim
from cstofacts.text import cell, json_safe, plain_line

if TYPE_CHECKING:
    import re


T = TypeVar("T")


class Format(str, Enum):
    """Values of --format."""

    TABLE = "table"
    PLAIN = "plain"
    TSV = "tsv"
    CSV = "csv"
    JSON = "json"
    JSONL = "jsonl"
    MARKDOWN = "markdown"


# csv and tsv are read by tools that guess each column's type: the span is one `period` column
# (`2024/2025`), since a column holding only end years would be read as numbers.
TABULAR_FIELDS = ("id", "period", *DEFAULT_FIELDS[3:])

# Every name --fields takes: the claim's fields, then those derived from its date.
ALL_FIELDS = (*FIELDS, *DERIVED)


def default_fields(fmt: Format) -> tuple[str, ...]:
    """The fields a format shows when --fields is not given."""
    if fmt in (Format.JSON, Format.JSONL):
        return FIELDS
    return TABULAR_FIELDS if fmt in (Format.CSV, Format.TSV) else DEFAULT_FIELDS


# A cell starting with one of these is read as a formula by spreadsheets (CSV injection).
_FORMULA_START = "=+-@\t\r"


def parse_fields(value: str | None, default: Sequence[str]) -> tuple[str, ...]:
    """A comma-separated list of claim fields, in the order given; "all" stands for every field.

    Empty names (a trailing comma) are skipped. An unknown name raises UsageError without an
    option name: the caller knows which option it came from.
    """
    if value is None:
        return tuple(default)
    names: list[str] = []
    for name in (n.strip() for n in value.split(",")):
        if name == "all":
            names += ALL_FIELDS
        elif name in ALL_FIELDS:
            names.append(name)
        elif name:
            raise UsageError(_unknown_field(name))
    if not names:
        raise UsageError(f"needs at least one field name; valid fields: {', '.join(ALL_FIELDS)}, all")
    return tuple(dict.fromkeys(names))


def _unknown_field(name: str) -> str:
    import difflib

    from cstofacts.safe import one_line

    close = difflib.get_close_matches(name.casefold()[:100], [*ALL_FIELDS, "all"], n=1, cutoff=0.6)
    hint = f"did you mean {close[0]!r}?" if close else f"valid fields: {', '.join(ALL_FIELDS)}, all"
    return f"unknown field '{one_line(name, 40)}'; {hint}"


@functools.cache
def _guard_pattern() -> re.Pattern[str]:
    import re

    # A line start (the cell's, or after LF, or after a CR that is not half of a CRLF) that is
    # followed by apostrophes and then a formula character.
    return re.compile(r"(?:^|(?<=\n)|(?<=\r)(?!\n))(?='*[=+\-@\t\r])")


def neutralize_formula(text: str) -> str:
    """Put an apostrophe before each line of a cell that a spreadsheet would run as a formula."""
    # Most cells have no line break and start with a letter or digit: decide with two lookups.
    if not text or (
        text[0] not in _FORMULA_START and text[0] != "'" and "\n" not in text and "\r" not in text
    ):
        return text
    return _guard_pattern().sub("'", text)


def rows(records: Iterable[Mapping[str, Any]], fields: Sequence[str]) -> list[list[str]]:
    """Each record's cells, in field order."""
    return [[cell(record[f]) for f in fields] for record in records]


def _plain_lines(cells: Iterable[Sequence[str]]) -> str:
    return "".join(plain_line(row) for row in cells)


def plain(records: Iterable[Mapping[str, Any]], fields: Sequence[str]) -> str:
    """One record per line, tab-separated, no header; tabs, newlines, CRs and backslashes escaped."""
    return _plain_lines(rows(records, fields))


def typed_cell(value: Any) -> str:
    """One value for csv and tsv: a list of values as a JSON array, so no reader takes it for a number."""
    if isinstance(value, (list, tuple)) and not (value and isinstance(value[0], Mapping)):
        import json

        return json.dumps(list(value), ensure_ascii=False)
    return cell(value)


def _typed_rows(records: Iterable[Mapping[str, Any]], fields: Sequence[str]) -> list[list[str]]:
    return [[neutralize_formula(typed_cell(record[f])) for f in fields] for record in records]


def _tsv_body(records: Iterable[Mapping[str, Any]], fields: Sequence[str]) -> str:
    return _plain_lines(_typed_rows(records, fields))


def tsv(records: Iterable[Mapping[str, Any]], fields: Sequence[str]) -> str:
    """Like plain, with a header row and spreadsheet formulas neutralized."""
    return _plain_lines([list(fields)]) + _tsv_body(records, fields)


def _csv_lines(cells: Iterable[Sequence[str]]) -> str:
    """RFC 4180 rows with `\n` line ends.

    Every field holding a CR or LF is quoted, on every Python: before 3.13 the csv module
    quotes only the characters of its line terminator, and a bare CR left unquoted splits the
    row for readers. So the writer is given "\r\n" as terminator, which makes both quote, and
    each row's terminator is then written as "\n".
    """
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    lines: list[str] = []
    for row in cells:
        writer.writerow(row)
        lines.append(buffer.getvalue()[:-2])
        buffer.seek(0)
        buffer.truncate()
    return "".join(line + "\n" for line in lines)


def _csv_body(records: Iterable[Mapping[str, Any]], fields: Sequence[str]) -> str:
    return _csv_lines(_typed_rows(records, fields))


def csv_text(records: Iterable[Mapping[str, Any]], fields: Sequence[str]) -> str:
    """RFC 4180 CSV with a header row and `\n` line ends; spreadsheet formulas neutralized."""
    return _csv_lines([list(fields)]) + _csv_body(records, fields)


def _json_items(records: Iterable[Mapping[str, Any]], fields: Sequence[str], ascii_only: bool) -> list[str]:
    import json

    encode = json.JSONEncoder(ensure_ascii=ascii_only).encode  # one encoder: the C path, built once
    return [encode({f: r[f] for f in fields}) for r in records]


def json_text(records: Iterable[Mapping[str, Any]], fields: Sequence[str], ascii_only: bool = False) -> str:
    """A JSON array of objects with the given keys, in order, one object per line.

    One object a line keeps the array readable and greppable, and lets json use
    its C encoder, which `indent=` would turn off.
    """
    items = _json_items(records, fields, ascii_only)
    return json_safe("[\n" + ",\n".join(items) + "\n]\n" if items else "[]\n")


def jsonl(records: Iterable[Mapping[str, Any]], fields: Sequence[str], ascii_only: bool = False) -> str:
    """One JSON object per line."""
    return json_safe("".join(item + "\n" for item in _json_items(records, fields, ascii_only)))


def objects(items: Iterable[Mapping[str, Any]], *, lines: bool = False, ascii_only: bool = False) -> str:
    """Whole objects, each with its own keys (CSL-JSON items), as json (an array, an object a
    line) or, with lines=True, as jsonl; escaped as json_text escapes every value."""
    import json

    encode = json.JSONEncoder(ensure_ascii=ascii_only).encode
    encoded = [encode(dict(item)) for item in items]
    if lines:
        return json_safe("".join(item + "\n" for item in encoded))
    return json_safe("[\n" + ",\n".join(encoded) + "\n]\n" if encoded else "[]\n")


def _markdown_cell(text: str) -> str:
    from cstofacts.safe import visible

    text = text.replace("\\", "\\\\").replace("|", "\\|")
    if "\r" in text or "\n" in text:
        import re

        text = re.sub(r"\r\n?|\n", "<br>", text)
    return visible(text)


def markdown(records: Iterable[Mapping[str, Any]], fields: Sequence[str]) -> str:
    """A GitHub-flavoured Markdown table; line breaks become <br>, controls are made visible."""
    lines = [
        "| " + " | ".join(_markdown_cell(f) for f in fields) + " |",
        "|" + "|".join("---" for _ in fields) + "|",
    ]
    return "\n".join(lines) + "\n" + _markdown_rows(records, fields)


def _markdown_rows(records: Iterable[Mapping[str, Any]], fields: Sequence[str]) -> str:
    return "".join(
        "| " + " | ".join(_markdown_cell(v) for v in row) + " |\n" for row in rows(records, fields)
    )


def render(
    fmt: Format, records: Iterable[Mapping[str, Any]], fields: Sequence[str], ascii_only: bool = False
) -> str:
    """Records in any format but table, which output.views draws."""
    return "".join(stream(fmt, records, fields, ascii_only))


BATCH = 2000  # records rendered at a time by stream(): memory stays flat however many match


def stream(
    fmt: Format, records: Iterable[Mapping[str, Any]], fields: Sequence[str], ascii_only: bool = False
) -> Iterator[str]:
    """Records in any format but table, as text chunks of at most BATCH records each.

    The concatenated chunks equal the whole document; a large result never sits in memory
    at once, neither as records nor as text.
    """
    if fmt is Format.TABLE:
        raise ValueError("table is not a machine format; draw it with output.views")
    if fmt is Format.TSV:
        yield _plain_lines([list(fields)])
    elif fmt is Format.CSV:
        yield _csv_lines([list(fields)])
    elif fmt is Format.MARKDOWN:
        yield markdown([], fields)
    first = True
    for batch in _batches(records):
        if fmt is Format.JSON:
            yield json_safe(("[\n" if first else ",\n") + ",\n".join(_json_items(batch, fields, ascii_only)))
        elif fmt is Format.JSONL:
            yield jsonl(batch, fields, ascii_only)
        elif fmt is Format.CSV:
            yield _csv_body(batch, fields)
        elif fmt is Format.TSV:
            yield _tsv_body(batch, fields)
        elif fmt is Format.MARKDOWN:
            yield _markdown_rows(batch, fields)
        else:
            yield plain(batch, fields)
        first = False
    if fmt is Format.JSON:
        yield "[]\n" if first else "\n]\n"


def stream_encoded(fmt: Format, objects: Iterable[str]) -> Iterator[str]:
    """JSON objects already encoded (Claim.encoded) as json or jsonl, or plain lines (Claim.encoded),
    in chunks of BATCH: what `stream` writes for the same records with every key (plain: the
    default fields), by concatenation alone."""
    if fmt not in (Format.JSON, Format.JSONL, Format.PLAIN):
        raise ValueError("only json, jsonl and plain are written from encoded objects")
    first = True
    for batch in _batches(objects):
        if fmt is Format.PLAIN:
            yield "".join(batch)
        elif fmt is Format.JSONL:
            yield "".join(item + "\n" for item in batch)
        else:
            yield ("[\n" if first else ",\n") + ",\n".join(batch)
        first = False
    if fmt is Format.JSON:
        yield "[]\n" if first else "\n]\n"


def _batches(records: Iterable[T]) -> Iterator[list[T]]:
    batch: list[T] = []
    for record in records:
        batch.append(record)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def claim_records(claims: Iterable[Claim]) -> list[dict[str, Any]]:
    """Each claim as its JSON-ready record."""
    return [c.record() for c in claims]


def field_records(pairs: Iterable[tuple[str, str]]) -> list[dict[str, str]]:
    """(field, value) rows, such as output.rows gives for show and source, as records."""
    return [{"field": field, "value": value} for field, value in pairs]


def stats_records(
    pairs: Iterable[tuple[str, int]], labels: Mapping[str, str]
) -> tuple[list[dict[str, Any]], tuple[str, ...]]:
    """Counts as records, and their keys: value and count, and name when values have names."""
    records = [{"value": value, "count": count, "name": labels.get(value)} for value, count in pairs]
    return records, ("value", "count", "name") if labels else ("value", "count")
