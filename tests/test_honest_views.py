"""Honest views: what kind of statement a claim is, who asserts it, and how its date is known."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from helpers import ROOT, pty_run, run

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

BUNDLED = ROOT / "data" / "claims.toml"
FIELDS = [
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
LEGEND = "* date inferred from the paragraph's context; [view: who] an assessment, not a reported event"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir()
    return {"XDG_CACHE_HOME": str(tmp_path / "cache"), "HOME": str(home)}


def claims() -> list[dict[str, Any]]:
    with BUNDLED.open("rb") as handle:
        return list(tomllib.load(handle)["claims"])


def in_terminal(args: list[str], env: dict[str, str]) -> tuple[int, str, str]:
    """Exit code, screen (CRLF made LF) and stderr on a 100-column pseudo-terminal without colour."""
    code, screen, err = pty_run(args, {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "xterm", **env})
    return code, screen.decode("utf-8").replace("\r\n", "\n"), err


def ids(stdout: str) -> list[str]:
    return [line.split("\t", 1)[0] for line in stdout.splitlines()]


# -- machine output names kind and date basis --------------------------------------------------------


def test_piped_list_columns_end_with_kind_and_date_basis(env: dict[str, str]) -> None:
    result = run("list", env=env)
    assert result.returncode == 0
    by_id = {c["id"]: c for c in claims()}
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert len(rows) == 46
    for row in rows:
        claim = by_id[row[0]]
        assert len(row) == 9
        assert row[-2] == claim["kind"]
        assert row[-1] == claim.get("date_basis", "")


def test_tsv_header_names_kind_and_date_basis_last(env: dict[str, str]) -> None:
    result = run("list", "--format", "tsv", "-n", "1", env=env)
    assert result.stdout.splitlines()[0] == (
        "id\tperiod\tcategory\tcountries\tparagraphs\tsummary\tkind\tdate_basis"
    )


# -- the terminal list view marks views and inferred dates -----------------------------------------------


def blocks(screen: str) -> dict[str, list[str]]:
    """The list view's rows by claim id: each row's lines, the id line last."""
    lines = screen.split("\n")
    assert lines[0].split() == ["date", "category", "claim"]
    known = {c["id"] for c in claims()}
    found: dict[str, list[str]] = {}
    current: list[str] = []
    for line in lines[2:]:
        if not line.strip():
            break
        current.append(line)
        first = line.split()[0]
        if first in known:
            found[first] = current
            current = []
    return found


def test_terminal_list_marks_assessments_and_inferred_dates(env: dict[str, str]) -> None:
    code, screen, err = in_terminal(["list"], env)
    assert code == 0
    assert err == ""
    rows = blocks(screen)
    assert len(rows) == 46
    for claim in claims():
        lines = rows[claim["id"]]
        date, rest = lines[0][:14].strip(), lines[0][14:]
        tag = f"[view: {claim['attributed_to']}]"
        if claim["kind"] == "assessment":
            assert tag in rest, lines
        else:
            assert "[view:" not in "\n".join(lines), lines
        if claim.get("date_basis") == "inferred":
            assert date.endswith("*"), lines
        else:
            assert "*" not in date, lines
    assert screen.rstrip("\n").split("\n")[-1] == LEGEND


def test_both_views_appear(env: dict[str, str]) -> None:
    _, screen, _ = in_terminal(["list"], env)
    assert "[view: analyst] Babaev sees 2022" in screen
    assert "[view: article] Over the reporting period" in screen
    assert "2024-11-18*" in screen


# -- filters and counts by kind and attribution --------------------------------------------------------


def test_attributed_to_analyst(env: dict[str, str]) -> None:
    result = run("list", "--attributed-to", "analyst", "--format", "json", env=env)
    assert result.returncode == 0
    shown = json.loads(result.stdout)
    assert {r["id"] for r in shown} == {c["id"] for c in claims() if c["attributed_to"] == "analyst"}
    assert {r["attributed_to"] for r in shown} == {"analyst"}


def test_stats_by_attribution_adds_up_to_the_claim_count(env: dict[str, str]) -> None:
    result = run("stats", "--by", "attribution", env=env)
    assert result.returncode == 0
    counts = {k: int(v) for k, v in (line.split("\t") for line in result.stdout.splitlines())}
    expected: dict[str, int] = {}
    for claim in claims():
        expected[claim["attributed_to"]] = expected.get(claim["attributed_to"], 0) + 1
    assert counts == expected
    assert sum(counts.values()) == 46


@pytest.mark.parametrize("value", ["Events", "event", "EVENT", "events"])
def test_kind_is_read_in_any_case_and_number(env: dict[str, str], value: str) -> None:
    result = run("list", "--kind", value, env=env)
    assert result.returncode == 0, result.stderr
    assert sorted(ids(result.stdout)) == sorted(c["id"] for c in claims() if c["kind"] == "event")
    assert len(ids(result.stdout)) == 23


def test_stats_by_year_sums_to_the_number_of_claims(env: dict[str, str]) -> None:
    result = run("stats", "--by", "year", env=env)
    assert result.returncode == 0
    assert result.stdout == "2022\t1\n2023\t8\n2024\t3\n2024..2025\t1\n2025\t5\nundated\t28\n"
    assert sum(int(line.split("\t")[1]) for line in result.stdout.splitlines()) == 46


def test_stats_by_year_for_2024_prints_no_2025_only_row(env: dict[str, str]) -> None:
    result = run("stats", "--by", "year", "--year", "2024", env=env)
    assert result.returncode == 0
    assert result.stdout == "2024\t3\n2024..2025\t1\n"


def test_timeline_for_2025_has_no_2024_heading(env: dict[str, str]) -> None:
    code, screen, _ = in_terminal(["timeline", "--year", "2025"], env)
    assert code == 0
    headings = [line for line in screen.split("\n") if re.fullmatch(r"\d{4}", line)]
    assert headings == ["2025"]
    assert "[bilateral-consultations-2024-2025]" in screen  # it runs into 2025
    assert "2024-focus-international-organizations" not in screen


def test_a_task_without_a_date_stays_undated(env: dict[str, str]) -> None:
    result = run("show", "task-prevent-crises", "--format", "json", env=env)
    (record,) = json.loads(result.stdout)
    assert record["date"] is None
    assert record["date_basis"] is None
    listed = run("list", "--year", "2022", env=env)
    assert listed.returncode == 0
    # No claim is dated January 2022: the scenario is what the task refers to, not when it was set.
    assert ids(listed.stdout) == ["2022-turning-point"]


def test_country_filter_finds_a_place_in_that_country(env: dict[str, str]) -> None:
    minsk = next(c for c in claims() if c["id"] == "minsk-meeting-2023-03-06")
    assert "BY" not in minsk["countries"]
    for value in ("BY", "Belarus", "Belarusian"):
        result = run("list", "--country", value, env=env)
        assert result.returncode == 0
        assert "minsk-meeting-2023-03-06" in ids(result.stdout)


# -- schema -----------------------------------------------------------------------------------------------


def with_schema_line(tmp_path: Path, replacement: str | None) -> tuple[Path, int]:
    lines = BUNDLED.read_text(encoding="utf-8").split("\n")
    number = lines.index("schema = 3") + 1
    if replacement is None:
        del lines[number - 1]
    else:
        lines[number - 1] = replacement
    path = tmp_path / "schema.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path, number


def test_a_missing_schema_is_a_dataset_error(tmp_path: Path, env: dict[str, str]) -> None:
    path, _ = with_schema_line(tmp_path, None)
    result = run("--data", str(path), "list", env=env)
    assert result.returncode == 3
    assert result.stderr == f"cstofacts: {path}:1: dataset: missing key 'schema'\n"


def test_an_unknown_schema_is_a_dataset_error_at_its_line(tmp_path: Path, env: dict[str, str]) -> None:
    path, number = with_schema_line(tmp_path, "schema = 7")
    result = run("--data", str(path), "list", env=env)
    assert result.returncode == 3
    assert result.stderr == (
        f"cstofacts: {path}:{number}: schema 7 is not one this version reads (it reads schema 3)\n"
    )


@pytest.mark.parametrize("value", ['"2"', "2.0", "true", "[2]"])
def test_a_non_integer_schema_is_a_dataset_error_at_its_line(
    tmp_path: Path, env: dict[str, str], value: str
) -> None:
    path, number = with_schema_line(tmp_path, f"schema = {value}")
    result = run("--data", str(path), "list", env=env)
    assert result.returncode == 3
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"cstofacts: {path}:{number}: 'schema' must be a whole number, not ")
    # "must be a whole number, not a number" would contradict itself.
    assert not line.endswith("not a number"), line


# -- every field ------------------------------------------------------------------------------------------


def test_fields_all_gives_every_field(env: dict[str, str]) -> None:
    every = [*FIELDS, "period", "first_day", "last_day"]  # the claim's keys, then those of its date
    tsv = run("list", "--fields", "all", "--format", "tsv", env=env)
    assert tsv.returncode == 0
    lines = tsv.stdout.splitlines()
    assert lines[0].split("\t") == every
    assert len(lines) == 47  # the header and 46 claims
    assert all(len(line.split("\t")) == len(every) for line in lines)
    as_json = run("list", "--fields", "all", "--format", "json", env=env)
    assert all(list(record) == every for record in json.loads(as_json.stdout))


def test_show_csv_gives_every_field(env: dict[str, str]) -> None:
    import csv
    import io

    result = run("show", "minsk", "--format", "csv", env=env)
    assert result.returncode == 0
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    assert rows[0] == FIELDS
    assert len(rows) == 2
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["id"] == "minsk-meeting-2023-03-06"
    assert record["location"] == "Minsk"
    assert record["evidence"] == (
        '¶8 "On March 6, 2023, a meeting was held in Minsk to discuss proposals for reducing tensions '
        'between Kyrgyz and Tajik people"'
    )
