"""cstofacts.output.formats, pinned where mutation testing found the suite silent (docs/testing.md).

Output larger than one batch of records (streamed in chunks that must still join into one valid
document), the functions' defaults (UTF-8 unless asked for ASCII), and the `--fields` hint for "all".
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

import pytest
from helpers import Result

from cstofacts.output import formats
from cstofacts.output.formats import BATCH, Format

Cli = Callable[..., Result]
FIELDS = ("id", "summary")
COUNT = 2 * BATCH + 1  # two full batches and one record more


def many() -> list[dict[str, str]]:
    return [{"id": f"claim-{n}", "summary": f"Встреча № {n}"} for n in range(COUNT)]


@pytest.mark.parametrize(
    ("fmt", "chunks"),
    [
        (Format.PLAIN, 3),
        (Format.JSONL, 3),
        (Format.JSON, 4),  # three batches and the closing bracket
        (Format.CSV, 4),  # the header row and three batches
        (Format.TSV, 4),
        (Format.MARKDOWN, 4),
    ],
)
def test_a_large_result_is_streamed_a_batch_at_a_time(fmt: Format, chunks: int) -> None:
    streamed = list(formats.stream(fmt, many(), FIELDS))
    assert len(streamed) == chunks
    assert "".join(streamed) == formats.render(fmt, many(), FIELDS)


def test_json_streamed_over_several_batches_is_one_valid_array() -> None:
    text = "".join(formats.stream(Format.JSON, many(), FIELDS))
    assert json.loads(text) == many()
    assert text.count("\n") == COUNT + 2  # "[", one object a line, "]"
    assert text.startswith('[\n{"id": "claim-0", ')
    assert text.endswith('{"id": "claim-4000", "summary": "Встреча № 4000"}\n]\n')


def test_jsonl_and_csv_over_several_batches_keep_every_record() -> None:
    lines = formats.render(Format.JSONL, many(), FIELDS).splitlines()
    assert [json.loads(line) for line in lines] == many()
    rows = list(csv.reader(io.StringIO(formats.render(Format.CSV, many(), FIELDS))))
    assert rows == [list(FIELDS)] + [[r["id"], r["summary"]] for r in many()]


def test_json_functions_write_utf8_unless_asked_for_ascii() -> None:
    record = [{"id": "x", "summary": "Арестова"}]
    assert formats.json_text(record, FIELDS) == '[\n{"id": "x", "summary": "Арестова"}\n]\n'
    assert formats.jsonl(record, FIELDS) == '{"id": "x", "summary": "Арестова"}\n'
    assert "".join(formats.stream(Format.JSON, record, FIELDS)) == formats.json_text(record, FIELDS)
    assert formats.render(Format.JSONL, record, FIELDS) == formats.jsonl(record, FIELDS)
    assert formats.jsonl(record, FIELDS, ascii_only=True) == (
        '{"id": "x", "summary": "\\u0410\\u0440\\u0435\\u0441\\u0442\\u043e\\u0432\\u0430"}\n'
    )


def test_json_text_of_no_records_is_an_empty_array() -> None:
    assert formats.json_text([], FIELDS) == "[]\n"
    assert formats.jsonl([], FIELDS) == ""


def test_a_mistyped_all_in_fields_suggests_all(cli: Cli) -> None:
    result = cli("list", "--fields", "alll")
    assert (result.code, result.out) == (2, "")
    assert result.err == "cstofacts: error: --fields: unknown field 'alll'; did you mean 'all'?\n"


# Beyond what JSON must escape: DEL, C1, the bidi controls, U+2028 and U+2029 (formats.py's docstring).
HOSTILE = "a\x7fb\x85c\u202ed\u2066e\u2028f\u2029g\u200fh"
ESCAPED = "a\\u007fb\\u0085c\\u202ed\\u2066e\\u2028f\\u2029g\\u200fh"


def test_json_text_and_whole_objects_escape_what_a_terminal_would_obey() -> None:
    from cstofacts.output.formats import json_text, objects

    assert json_text([{"v": HOSTILE}], ["v"]) == f'[\n{{"v": "{ESCAPED}"}}\n]\n'
    assert objects([{"v": HOSTILE}]) == f'[\n{{"v": "{ESCAPED}"}}\n]\n'
    assert objects([{"v": HOSTILE}], lines=True) == f'{{"v": "{ESCAPED}"}}\n'
    assert objects([]) == "[]\n"
