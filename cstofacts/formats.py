"""Machine-readable output (plain, tsv, csv, json, jsonl, markdown) as text, without Rich."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import Enum
from typing import Any

from cstofacts.model import Claim


class Format(str, Enum):
    """Values of --format."""

    TABLE = "table"
    PLAIN = "plain"
    TSV = "tsv"
    CSV = "csv"
    JSON = "json"
    JSONL = "jsonl"
    MARKDOWN = "markdown"


# The columns of the tabular formats when --fields is not given; the id first,
# so `cstofacts list | cut -f1` gives ids, and the long summary last.
DEFAULT_FIELDS = ("id", "date", "end_date", "category", "countries", "paragraphs", "summary")

# Cells starting with these are read as formulas by spreadsheets (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_TSV_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def cell(value: Any) -> str:
    """One value as text: lists joined by commas, None as empty."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ",".join(str(v) for v in value)
    return str(value)


def neutralize_formula(text: str) -> str:
    """Prefix a cell a spreadsheet would run as a formula with an apostrophe."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def rows(records: Iterable[dict[str, Any]], fields: Sequence[str]) -> list[list[str]]:
    return [[cell(record[f]) for f in fields] for record in records]


def plain(records: Iterable[dict[str, Any]], fields: Sequence[str]) -> str:
    """One record per line, tab-separated, no header; tabs and newlines are escaped."""
    return "".join(
        "\t".join(value.translate(_TSV_ESCAPES) for value in row) + "\n" for row in rows(records, fields)
    )


def tsv(records: Iterable[dict[str, Any]], fields: Sequence[str]) -> str:
    """Like plain, with a header row and spreadsheet formulas neutralized."""
    body = [[neutralize_formula(v) for v in row] for row in rows(records, fields)]
    return "".join("\t".join(v.translate(_TSV_ESCAPES) for v in row) + "\n" for row in [list(fields), *body])


def csv_text(records: Iterable[dict[str, Any]], fields: Sequence[str]) -> str:
    """RFC 4180 CSV with a header row; spreadsheet formulas neutralized."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(fields)
    writer.writerows([neutralize_formula(v) for v in row] for row in rows(records, fields))
    return buffer.getvalue()


def json_text(records: Iterable[dict[str, Any]], fields: Sequence[str], ascii_only: bool = False) -> str:
    """A JSON array of objects with the given keys, in order, one object per line.

    One object a line keeps the array readable and greppable, and lets json use
    its C encoder, which `indent=` would turn off.
    """
    import json

    items = [json.dumps({f: r[f] for f in fields}, ensure_ascii=ascii_only) for r in records]
    return "[\n" + ",\n".join(items) + "\n]\n" if items else "[]\n"


def jsonl(records: Iterable[dict[str, Any]], fields: Sequence[str], ascii_only: bool = False) -> str:
    """One JSON object per line."""
    import json

    return "".join(json.dumps({f: r[f] for f in fields}, ensure_ascii=ascii_only) + "\n" for r in records)


def markdown(records: Iterable[dict[str, Any]], fields: Sequence[str]) -> str:
    """A GitHub-flavoured Markdown table."""

    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", "<br>")

    lines = ["| " + " | ".join(fields) + " |", "|" + "|".join("---" for _ in fields) + "|"]
    lines += ["| " + " | ".join(escape(v) for v in row) + " |" for row in rows(records, fields)]
    return "\n".join(lines) + "\n"


def render(
    fmt: Format, records: Sequence[dict[str, Any]], fields: Sequence[str], ascii_only: bool = False
) -> str:
    """Records in any text format but table."""
    if fmt is Format.JSON:
        return json_text(records, fields, ascii_only)
    if fmt is Format.JSONL:
        return jsonl(records, fields, ascii_only)
    if fmt is Format.CSV:
        return csv_text(records, fields)
    if fmt is Format.TSV:
        return tsv(records, fields)
    if fmt is Format.MARKDOWN:
        return markdown(records, fields)
    return plain(records, fields)


def claim_records(claims: Iterable[Claim]) -> list[dict[str, Any]]:
    return [c.record() for c in claims]
