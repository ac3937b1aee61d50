"""Output formats: exact keys and rows, CSV/TSV safety, and nothing lost."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import tomllib
from helpers import Result, bundled, claim_toml, ids, run, write_dataset

from cstofacts import store
from cstofacts.model import FIELDS, Claim, Evidence, Kind
from cstofacts.output import formats
from cstofacts.output.formats import Format

Cli = Callable[..., Result]
CLAIMS = bundled()["claims"]
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
    "attribution_note",
    "parent",
    "source",
    "evidence",
]
COLUMNS = ["id", "date", "end_date", "category", "countries", "paragraphs", "summary", "kind", "date_basis"]
# csv and tsv: the date as one `period` column (README: a column of years reads as numbers).
TABULAR = ["id", "period", "category", "countries", "paragraphs", "summary", "kind", "date_basis"]


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
        "attribution_note": None,
        "parent": None,
        "source": "csto-adapts-to-global-changes",
        "evidence": [
            {
                "paragraph": 13,
                "quote": "the signing on March 31, 2025, in Khujand of a border agreement between "
                "Tajikistan, Kyrgyzstan, and Uzbekistan",
            }
        ],
    }
    assert list(FIELDS) == KEYS


def test_json_keeps_the_attribution_note(cli: Cli) -> None:
    noted = [c for c in CLAIMS if "attribution_note" in c]
    assert noted, "the dataset has no attribution_note to check"
    records = json.loads(cli("show", noted[0]["id"], "--format", "json").out)
    assert records[0]["attribution_note"] == noted[0]["attribution_note"]


def test_json_with_no_match_is_an_empty_array(cli: Cli) -> None:
    result = cli("list", "--year", "2019", "--format", "json")
    assert (result.code, result.out) == (1, "[]\n")


def test_jsonl_is_one_object_per_line(cli: Cli) -> None:
    result = cli("list", "--year", "2023", "-f", "jsonl", "--fields", "id,date")
    lines = result.out.splitlines()
    assert lines[0] == '{"id": "combat-brotherhood-2023", "date": "2023"}'
    assert all(list(json.loads(line)) == ["id", "date"] for line in lines)


def test_plain_has_the_default_columns_with_kind_and_date_basis_last(cli: Cli) -> None:
    result = cli("list", "--year", "2024..", "--kind", "event", "--limit", "1")
    assert result.out == (
        "bilateral-consultations-2024-2025\t2024\t2025\tmeeting\tTJ,KG,UZ\t13\t"
        "Over 2024-2025, bilateral consultations, whose parties the article does not name, led to the "
        "border agreement that Tajikistan, Kyrgyzstan and Uzbekistan signed in Khujand.\tevent\tstated\n"
    )
    assert list(formats.DEFAULT_FIELDS) == COLUMNS


def test_csv_and_tsv_have_a_header_row(cli: Cli) -> None:
    csv_out = cli("list", "--year", "2024", "-f", "csv").out
    rows = list(csv.reader(io.StringIO(csv_out)))
    assert rows[0] == TABULAR
    assert rows[1] == [
        "2024-focus-international-organizations",
        "2024",
        "cooperation",
        "[]",
        "[11]",
        "The CSTO's focus in 2024 was on building its relations with international organizations for the "
        "sake of stability and security.",
        "background",
        "stated",
    ]
    tsv_out = cli("list", "--year", "2024", "-f", "tsv", "--fields", "id,paragraphs").out
    assert tsv_out.splitlines()[:2] == ["id\tparagraphs", "2024-focus-international-organizations\t[11]"]
    assert cli("list", "-f", "tsv").out.splitlines()[0] == "\t".join(TABULAR)


def test_markdown_table(cli: Cli) -> None:
    out = cli("list", "--text", "Dostuk", "-f", "markdown", "--fields", "id,paragraphs,summary").out
    assert out == (
        "| id | paragraphs | summary |\n"
        "|---|---|---|\n"
        '| dostuk-order-award | 13 | The CSTO Secretary General received the "Dostuk" order in '
        "recognition of his part in settling conflicts peacefully. |\n"
    )


def test_fields_all_and_evidence_in_text_formats(cli: Cli) -> None:
    result = cli("show", "minsk", "--format", "tsv", "--fields", "id,evidence")
    assert result.out.splitlines() == [
        "id\tevidence",
        'minsk-meeting-2023-03-06\t¶8 "On March 6, 2023, a meeting was held in Minsk to discuss proposals '
        'for reducing tensions between Kyrgyz and Tajik people"',
    ]
    header = cli("list", "--limit", "1", "-f", "csv", "--fields", "all").out.splitlines()[0]
    assert header == ",".join([*KEYS, "period", "first_day", "last_day"])


def test_unknown_field_lists_the_valid_ones(cli: Cli) -> None:
    result = cli("list", "--fields", "id,when")
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "cstofacts: error: --fields: unknown field 'when'; valid fields: "
        + ", ".join([*KEYS, "period", "first_day", "last_day"])
        + ", all\n"
    )


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
        evidence=(Evidence(paragraph=1, quote="a quote"),),
    )


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_and_tsv_neutralise_spreadsheet_formulas(start: str) -> None:
    records = formats.claim_records([_claim(f'{start}HYPERLINK("http://x")')])
    rows = list(csv.reader(io.StringIO(formats.csv_text(records, ["summary"]))))
    assert rows[1] == [f'\'{start}HYPERLINK("http://x")']
    assert formats.tsv(records, ["summary"]).splitlines()[1].startswith("'")
    # plain and json are for programs, and stay exact
    assert (
        json.loads(formats.json_text(records, ["summary"]))[0]["summary"] == f'{start}HYPERLINK("http://x")'
    )
    escaped = start.replace("\t", "\\t").replace("\r", "\\r")
    assert formats.plain(records, ["summary"]) == f'{escaped}HYPERLINK("http://x")\n'


def test_a_formula_summary_is_prefixed_in_csv_and_tsv_and_exact_in_plain_and_json(
    cli: Cli, tmp_path: Path
) -> None:
    path = write_dataset(tmp_path / "formula.toml", claim_toml("sum", summary="=1+1 was written down."))
    plain = cli("--data", path, "list", "--fields", "id,summary", "--format", "plain")
    assert plain.out == "sum\t=1+1 was written down.\n"
    assert (
        cli("--data", path, "list", "--fields", "summary", "-f", "csv").out
        == "summary\n'=1+1 was written down.\n"
    )
    assert (
        cli("--data", path, "list", "--fields", "summary", "-f", "tsv").out
        == "summary\n'=1+1 was written down.\n"
    )
    assert json.loads(cli("--data", path, "list", "-f", "json").out)[0]["summary"] == "=1+1 was written down."
    assert "summary\t=1+1 was written down." in cli("--data", path, "show", "sum").out.splitlines()


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
    assert "| one\\x09two<br>three\\\\four |\n" in md


@pytest.mark.parametrize("fmt", [f for f in Format if f is not Format.TABLE])
def test_every_format_prints_every_claim_in_full(cli: Cli, fmt: Format) -> None:
    result = cli("list", "--format", fmt.value, "--fields", "id,summary")
    assert result.code == 0
    assert _count(fmt, result.out) == len(CLAIMS)
    for claim in bundled()["claims"]:  # read from the TOML, not through the loader under test
        summary = claim["summary"]
        assert summary.replace('"', '""' if fmt is Format.CSV else '"') in result.out or (
            fmt in (Format.JSON, Format.JSONL) and json.dumps(summary, ensure_ascii=False) in result.out
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


def test_the_generated_dataset_is_valid_and_has_no_parents(cli: Cli, thousand: str) -> None:
    result = cli("validate", thousand)
    assert (result.code, result.err) == (0, "")
    assert result.out == f"{thousand}: ok, 1000 claims, 1 source\n"
    listed = cli("--data", thousand, "list", "--fields", "id,parent")
    assert len(set(ids(listed))) == 1000
    assert all(line.endswith("\t") for line in listed.out.splitlines())


@pytest.mark.parametrize("fmt", [f for f in Format if f is not Format.TABLE])
def test_a_generated_dataset_of_1000_claims_loses_nothing(thousand: str, fmt: Format) -> None:
    result = run("--data", thousand, "list", "--format", fmt.value)
    assert result.returncode == 0, result.stderr
    assert _count(fmt, result.stdout) == 1000
    claims = tomllib.loads(Path(thousand).read_text(encoding="utf-8"))["claims"]
    longest = max((c["summary"] for c in claims), key=len)
    assert (
        longest.replace('"', '""') in result.stdout
        or json.dumps(longest, ensure_ascii=False)[1:-1] in result.stdout
    )


def test_the_table_shows_every_claim_of_1000(thousand: str) -> None:
    result = run("--data", thousand, "list", "--format", "table", env={"COLUMNS": "120"})
    assert result.returncode == 0
    # Each claim's line of ids and places ends in its paragraphs: `¶13`, or `headline` for ¶0.
    cited = re.compile(r"  (?:¶\d|headline$)")
    assert sum(1 for line in result.stdout.splitlines() if cited.search(line)) == 1000


# -- data that types right in the tools that read it ---------------------------------------------


@pytest.mark.parametrize("fmt", ["plain", "tsv", "csv", "json", "jsonl", "markdown", "table"])
def test_first_and_last_day_are_fields_in_every_format(cli: Cli, fmt: str) -> None:
    result = cli("list", "--year", "2024", "--fields", "id,first_day,last_day", "--format", fmt)
    assert result.code == 0, result.err
    assert "bilateral-consultations-2024-2025" in result.out
    assert "2024-01-01" in result.out
    assert "2025-12-31" in result.out  # the span 2024..2025 ends on its last day


def test_day_fields_are_null_when_undated_and_the_date_stays_precise(cli: Cli) -> None:
    rows = json.loads(cli("list", "--format", "json", "--fields", "id,date,first_day,last_day").out)
    undated = [r for r in rows if r["date"] is None]
    assert undated
    assert all(r["first_day"] is None and r["last_day"] is None for r in undated)
    months = [r for r in rows if r["date"] and len(r["date"]) == 7]
    for r in rows:
        if r["date"] is not None:
            assert r["first_day"].startswith(r["date"])
    assert all(r["last_day"][:7] == r["date"] for r in months)


def test_csv_lists_are_json_arrays_that_read_back_exactly(cli: Cli) -> None:
    expected = json.loads(cli("list", "--format", "json").out)
    # TSV quotes nothing (README: reading TSV): its reader must not look for quotes either.
    for fmt, dialect in (("csv", {}), ("tsv", {"delimiter": "\t", "quoting": csv.QUOTE_NONE})):
        out = cli("list", "--format", fmt, "--fields", "id,countries,organizations,paragraphs").out
        rows = list(csv.DictReader(io.StringIO(out), **dialect))  # type: ignore[arg-type]
        for row, record in zip(rows, expected, strict=True):
            for name in ("countries", "organizations", "paragraphs"):
                assert json.loads(row[name]) == record[name]


def test_csvkit_reads_no_list_as_a_number_and_the_days_as_dates() -> None:
    csvstat = shutil.which("csvstat", path=str(Path(sys.executable).parent)) or shutil.which("csvstat")
    if csvstat is None:
        pytest.skip("csvkit is not installed (pip install -e '.[test]')")
    for args in (["list"], ["list", "--paragraph", "13"], ["search", "Khujand"]):
        out = run(*args, "--format", "csv", "--fields", "all").stdout
        result = subprocess.run(
            [csvstat, "--type"], input=out, capture_output=True, text=True, timeout=120, check=False
        )
        assert result.returncode == 0, result.stderr
        types = dict(line.strip().split(". ", 1)[1].split(": ") for line in result.stdout.splitlines())
        for name in ("countries", "organizations", "paragraphs"):
            assert types[name] == "Text", (args, name, types[name])
        assert types["first_day"] == types["last_day"] == "Date", args


def test_csvkit_reads_every_default_csv_and_tsv_column_of_the_dataset_as_text() -> None:
    # The dataset's spans end in bare years: as a column of its own, `end_date` would be a Number.
    csvstat = shutil.which("csvstat", path=str(Path(sys.executable).parent)) or shutil.which("csvstat")
    if csvstat is None:
        pytest.skip("csvkit is not installed (pip install -e '.[test]')")
    for fmt, flags in (("csv", []), ("tsv", ["--tabs"])):
        out = run("list", "--format", fmt).stdout
        result = subprocess.run(
            [csvstat, *flags, "--type"], input=out, capture_output=True, text=True, timeout=120, check=False
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.split() == [
            word
            for n, name in enumerate(
                ["id", "period", "category", "countries", "paragraphs", "summary", "kind", "date_basis"], 1
            )
            for word in (f"{n}.", f"{name}:", "Text")
        ]


def test_period_is_the_date_or_the_span_as_an_iso_interval(cli: Cli) -> None:
    rows = json.loads(cli("list", "--format", "json", "--fields", "id,date,end_date,period").out)
    assert [r for r in rows if r["end_date"]] == [
        {"id": "bilateral-consultations-2024-2025", "date": "2024", "end_date": "2025", "period": "2024/2025"}
    ]
    assert {r["id"]: r["period"] for r in rows}["minsk-meeting-2023-03-06"] == "2023-03-06"
    assert all(r["period"] == r["date"] for r in rows if not r["end_date"])


@pytest.mark.parametrize("args", [[], ["--year", "2024"], ["--category", "exercise", "--reverse"]])
def test_json_of_every_key_is_the_compiled_objects_byte_for_byte(cli: Cli, args: list[str]) -> None:
    # list writes every key's JSON from objects compiled into the database (Claim.encoded); it must
    # be exactly what encoding the records at lookup time gives.
    from cstofacts.cli.filtering import query_from

    engine = store.open_store(None, use_cache=False)
    try:
        typed = {"year": None, "category": None}
        if "--year" in args:
            typed["year"] = ["2024"]
        if "--category" in args:
            typed["category"] = ["exercise"]
        query = query_from(engine, typed, reverse="--reverse" in args)
        records = list(engine.records(query))
    finally:
        engine.close()
    assert cli("list", *args, "--format", "json").out == formats.json_text(records, FIELDS)
    assert cli("list", *args, "--format", "jsonl").out == formats.jsonl(records, FIELDS)
    # plain with its default columns is written from the compiled lines (Claim.encoded) too.
    assert cli("list", *args, "--format", "plain").out == formats.plain(records, formats.DEFAULT_FIELDS)


def test_compiled_plain_lines_escape_backslashes(tmp_path: Path, cli: Cli) -> None:
    summary = r"Talks on the a\b path, and a\tb, in Minsk."  # backslashes, as a dataset may hold them
    path = write_dataset(tmp_path / "d.toml", claim_toml("talks", date="2024", summary=summary))
    out = cli("--data", path, "list", "--format", "plain").out
    escaped = r"Talks on the a\\b path, and a\\tb, in Minsk."
    assert out == f"talks\t2024\t\tmeeting\t\t1\t{escaped}\tevent\tstated\n"
    fielded = cli("--data", path, "list", "--format", "plain", "--fields", ",".join(formats.DEFAULT_FIELDS))
    assert fielded.out == out  # the lines made at lookup time agree


def test_compiled_json_escapes_what_a_terminal_would_obey(tmp_path: Path, cli: Cli) -> None:
    hostile = "Talks \u202eeht\u202c were held\u2028in Minsk."
    path = write_dataset(tmp_path / "d.toml", claim_toml("talks", summary=hostile))
    out = cli("--data", path, "list", "--format", "json").out
    assert "\\u202e" in out and "\\u2028" in out and "\u202e" not in out
    assert json.loads(out)[0]["summary"] == hostile
