"""Output formats: exact keys and rows, CSV/TSV safety, and nothing lost."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

import pytest
from helpers import Result

from cstofacts import formats
from cstofacts.formats import Format
from cstofacts.model import FIELDS, Claim, Kind

Cli = Callable[..., Result]
KEYS = [
    "id",
    "kind",
    "category",
    "date",
    "end_date",
    "date_basis",
    "date_note",
    "summary",
    "countries",
    "organizations",
    "location",
    "paragraphs",
    "attributed_to",
    "parent",
    "source",
]


def test_json_is_an_array_with_every_key_in_a_stable_order(cli: Cli) -> None:
    result = cli("list", "--text", "Khujand", "--kind", "event", "--format", "json")
    records = json.loads(result.out)
    assert [list(r) for r in records] == [KEYS, KEYS]
    assert records[1] == {
        "id": "khujand-border-agreement-2025-03-31",
        "kind": "event",
        "category": "agreement",
        "date": "2025-03-31",
        "end_date": None,
        "date_basis": "stated",
        "date_note": None,
        "summary": "Tajikistan, Kyrgyzstan and Uzbekistan signed a border agreement in Khujand on March 31, 2025.",
        "countries": ["TJ", "KG", "UZ"],
        "organizations": [],
        "location": "Khujand",
        "paragraphs": [13],
        "attributed_to": "article",
        "parent": None,
        "source": "babaev-csto-2023-2025",
    }
    assert list(FIELDS) == KEYS


def test_json_with_no_match_is_an_empty_array(cli: Cli) -> None:
    result = cli("list", "--year", "2019", "--format", "json")
    assert (result.code, result.out) == (1, "[]\n")


def test_jsonl_is_one_object_per_line(cli: Cli) -> None:
    result = cli("list", "--year", "2023", "-f", "jsonl", "--fields", "id,date")
    lines = result.out.splitlines()
    assert lines[0] == '{"id": "combat-brotherhood-2023", "date": "2023"}'
    assert all(list(json.loads(line)) == ["id", "date"] for line in lines)


def test_csv_and_tsv_have_a_header_row(cli: Cli) -> None:
    csv_out = cli("list", "--year", "2024", "-f", "csv").out
    rows = list(csv.reader(io.StringIO(csv_out)))
    assert rows[0] == list(formats.DEFAULT_FIELDS)
    assert rows[1][0] == "2024-focus-international-organizations"
    tsv_out = cli("list", "--year", "2024", "-f", "tsv", "--fields", "id,paragraphs").out
    assert tsv_out.splitlines()[:2] == ["id\tparagraphs", "2024-focus-international-organizations\t11"]


def test_markdown_table(cli: Cli) -> None:
    out = cli("list", "--text", "Dostuk", "-f", "markdown", "--fields", "id,paragraphs,summary").out
    assert out == (
        "| id | paragraphs | summary |\n"
        "|---|---|---|\n"
        '| dostuk-order-award | 13 | The CSTO Secretary General received the "Dostuk" order in '
        "recognition of his part in settling conflicts peacefully. |\n"
    )


def test_unknown_field_lists_the_valid_ones(cli: Cli) -> None:
    result = cli("list", "--fields", "id,when")
    assert result.code == 2
    assert result.out == ""
    assert "--fields: unknown field 'when'" in result.err
    assert "valid values: id, kind, category, date" in result.err


def _claim(summary: str, location: str | None = None) -> Claim:
    return Claim(
        id="x",
        source="s",
        kind=Kind.EVENT,
        category="c",
        summary=summary,
        paragraphs=(1,),
        attributed_to="article",
        location=location,
    )


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_and_tsv_neutralise_spreadsheet_formulas(start: str) -> None:
    records = formats.claim_records([_claim(f'{start}HYPERLINK("http://x")')])
    rows = list(csv.reader(io.StringIO(formats.csv_text(records, ["summary"]))))
    assert rows[1] == [f'\'{start}HYPERLINK("http://x")']
    assert formats.tsv(records, ["summary"]).splitlines()[1].startswith("'")
    # plain and json are for programs, and stay exact
    assert json.loads(formats.json_text(records, ["summary"]))[0]["summary"].startswith(start)


def test_tabs_and_newlines_never_break_one_claim_per_line() -> None:
    records = formats.claim_records([_claim("one\ttwo\nthree\\four", "a\r\nb"), _claim("next")])
    for render in (formats.plain, formats.tsv):
        text = render(records, ["summary", "location"])
        lines = text.splitlines()
        assert lines[-2:] == ["one\\ttwo\\nthree\\\\four\ta\\r\\nb", "next\t"]
    rows = list(csv.reader(io.StringIO(formats.csv_text(records, ["summary", "location"]))))
    assert rows[1] == ["one\ttwo\nthree\\four", "a\r\nb"]
    md = formats.markdown(records, ["summary"])
    assert md.count("\n") == 4
    assert "one\ttwo<br>three" in md


@pytest.mark.parametrize("fmt", [f for f in Format if f is not Format.TABLE])
def test_every_format_prints_every_claim_in_full(cli: Cli, fmt: Format) -> None:
    result = cli("list", "--format", fmt.value, "--fields", "id,summary")
    assert result.code == 0
    count = _count(fmt, result.out)
    assert count == 44
    from cstofacts import dataset

    for claim in dataset.load().claims:
        assert claim.summary.replace('"', '""' if fmt is Format.CSV else '"') in result.out or (
            fmt in (Format.JSON, Format.JSONL) and json.dumps(claim.summary, ensure_ascii=False) in result.out
        )


def _count(fmt: Format, out: str) -> int:
    if fmt is Format.JSON:
        return len(json.loads(out))
    if fmt is Format.JSONL:
        return len([json.loads(line) for line in out.splitlines()])
    if fmt is Format.CSV:
        return len(list(csv.reader(io.StringIO(out)))) - 1
    if fmt is Format.MARKDOWN:
        return len(out.splitlines()) - 2
    if fmt is Format.TSV:
        return len(out.splitlines()) - 1
    return len(out.splitlines())


@pytest.fixture(scope="module")
def thousand(tmp_path_factory: pytest.TempPathFactory) -> str:
    from synthetic import generate

    path = tmp_path_factory.mktemp("data") / "claims-1000.toml"
    path.write_text(generate(1000), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("fmt", [f for f in Format if f is not Format.TABLE])
def test_a_generated_dataset_of_1000_claims_loses_nothing(thousand: str, fmt: Format) -> None:
    from helpers import run

    result = run("--data", thousand, "list", "--format", fmt.value)
    assert result.returncode == 0, result.stderr
    assert _count(fmt, result.stdout) == 1000
    from cstofacts import dataset

    longest = max(dataset.load(thousand).claims, key=lambda c: len(c.summary))
    assert (
        longest.summary.replace('"', '""') in result.stdout
        or json.dumps(longest.summary, ensure_ascii=False)[1:-1] in result.stdout
    )


def test_the_table_shows_every_claim_of_1000(thousand: str) -> None:
    from helpers import run

    result = run("--data", thousand, "list", "--format", "table", env={"COLUMNS": "120"})
    assert result.returncode == 0
    assert sum(1 for line in result.stdout.splitlines() if "  ¶" in line) == 1000
