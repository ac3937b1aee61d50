"""search, show, timeline, stats, source, validate and --version as a user sees them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from helpers import DATA, Result

from cstofacts import __version__

Cli = Callable[..., Result]


def first_column(result: Result) -> list[str]:
    return [line.split("\t", 1)[0] for line in result.out.splitlines()]


def test_search_puts_the_khujand_agreement_first(cli: Cli) -> None:
    result = cli("search", "Khujand")
    assert result.code == 0
    assert first_column(result) == [
        "khujand-border-agreement-2025-03-31",
        "khujand-agreement-stability",
        "bilateral-consultations-2024-2025",
    ]


def test_search_needs_every_word_and_takes_filters(cli: Cli) -> None:
    assert first_column(cli("search", "border", "agreement", "--kind", "event")) == [
        "khujand-border-agreement-2025-03-31",
        "bilateral-consultations-2024-2025",
    ]
    assert first_column(cli("search", "peacekeeping", "UN"))[0] == "peacekeeping-ties-with-un"
    result = cli("search", "Khujand", "Minsk")
    assert (result.code, result.out) == (1, "")


def test_search_finds_by_country_and_organization_names(cli: Cli) -> None:
    assert "minsk-meeting-2023-03-06" in first_column(cli("search", "Belarus"))
    assert first_column(cli("search", "Shanghai", "-y", "2025")) == [
        "2025-work-with-cis-sco",
        "beijing-roadmap-2025-09-03",
    ]


def test_show_prints_every_field_and_where_the_article_says_it(cli: Cli) -> None:
    result = cli("show", "khujand-border")
    assert result.code == 0
    assert result.out == (
        "id\tkhujand-border-agreement-2025-03-31\n"
        "kind\tevent\n"
        "category\tagreement\n"
        "date\t2025-03-31\n"
        "date_basis\tstated\n"
        "summary\tTajikistan, Kyrgyzstan and Uzbekistan signed a border agreement in Khujand on March 31, 2025.\n"
        "countries\tTJ,KG,UZ\n"
        "location\tKhujand\n"
        "paragraphs\t13\n"
        "attributed_to\tarticle\n"
        "source\tbabaev-csto-2023-2025\n"
        'stated in\t¶13 of "CSTO has proven its ability to adapt to changes in the global situation"\n'
    )


def test_show_several_ids_as_json(cli: Cli) -> None:
    result = cli("show", "minsk", "un-general", "--format", "json")
    records = json.loads(result.out)
    assert [r["id"] for r in records] == ["minsk-meeting-2023-03-06", "un-general-assembly-resolution"]
    assert records[1]["date_basis"] == "inferred"
    assert "In 2024" in records[1]["date_note"]


def test_show_unknown_id_exits_1_and_suggests(cli: Cli) -> None:
    result = cli("show", "rock-2024")
    assert result.code == 1
    assert result.err == "cstofacts: error: no claim with id 'rock-2024'; did you mean 'rock-2023'?\n"


def test_show_ambiguous_prefix_is_a_usage_error(cli: Cli) -> None:
    result = cli("show", "khujand")
    assert result.code == 2
    assert "khujand-border-agreement-2025-03-31, khujand-agreement-stability" in result.err


def test_timeline_groups_by_year_with_undated_last(cli: Cli) -> None:
    result = cli("timeline", "--format", "table", "--country", "Tajikistan")
    lines = result.out.splitlines()
    headings = [line for line in lines if line and not line.startswith(" ") and not line[:4].isdigit()]
    assert headings == ["Undated"]
    years = [line for line in lines if line in ("2023", "2024", "2025")]
    assert years == ["2023", "2024", "2025"]
    assert lines.index("2025") < lines.index("Undated")
    assert "[secretary-general-border-efforts]" in result.out


def test_timeline_piped_is_plain_rows_by_date(cli: Cli) -> None:
    result = cli("timeline", "--year", "2024", "--fields", "date,id")
    assert result.out.splitlines() == [
        "2024\t2024-focus-international-organizations",
        "2024\tbilateral-consultations-2024-2025",
        "2024-07-19\tsecurity-council-meeting-2024-07-19",
        "2024-11-18\tun-general-assembly-resolution",
    ]


def test_timeline_limit_and_reverse_apply_to_the_table(cli: Cli) -> None:
    result = cli("timeline", "--format", "table", "--limit", "2", "--reverse")
    assert "[2024-focus-international-organizations]" not in result.out
    assert result.out.count("[") == 2
    assert result.out.splitlines()[0] == "2025"
    headings = [line for line in cli("timeline", "-f", "table", "-r").out.splitlines() if line[:1].isalnum()]
    assert [h for h in headings if not h[:4].isdigit() or len(h) == 4] == [
        "2025",
        "2024",
        "2023",
        "2022",
        "Undated",
    ]


def test_stats_with_no_match_gives_json_an_empty_array(cli: Cli) -> None:
    result = cli("stats", "--year", "1999", "--format", "json")
    assert (result.code, result.out) == (1, "[]\n")


def test_stats_by_year_counts_spans_in_each_year(cli: Cli) -> None:
    result = cli("stats", "--by", "year")
    assert result.out == "2022\t2\n2023\t8\n2024\t4\n2025\t6\nundated\t25\n"


def test_stats_by_country_names_each_code(cli: Cli) -> None:
    result = cli("stats", "--by", "country", "--format", "json", "--limit", "2")
    assert json.loads(result.out) == [
        {"value": "KG", "count": 10, "name": "Kyrgyzstan"},
        {"value": "TJ", "count": 8, "name": "Tajikistan"},
    ]


def test_stats_table_has_proportional_bars(cli: Cli) -> None:
    result = cli("stats", "--by", "kind", "-f", "table")
    rows = [line.split() for line in result.out.splitlines()[2:]]
    counts = {row[0]: int(row[1]) for row in rows}
    bars = {row[0]: row[2].count("█") for row in rows}
    assert counts == {"event": 25, "assessment": 13, "background": 6}
    assert bars["event"] == 40
    for kind, count in counts.items():
        assert abs(bars[kind] - 40 * count / 25) <= 1


def test_source_describes_the_article(cli: Cli) -> None:
    result = cli("source")
    assert result.out.splitlines() == [
        "headline\tCSTO has proven its ability to adapt to changes in the global situation",
        "portal\tAllies. CSTO",
        "section\tPolitics",
        "analyst\tKirill Babaev",
        "post\tthe director of the Institute of China and Modern Asia of the Russian Academy of Sciences",
        "titles\tDoctor of Philological Sciences, professor",
        "byline\tАрестова Татьяна",
        "byline_latin\tArestova Tatyana",
        "period\t2023..2025",
        "paragraphs\t20",
        "published\tnot stated in the source",
        "claims\t44",
    ]


def test_source_as_json(cli: Cli) -> None:
    assert json.loads(cli("source", "-f", "json").out) == [
        {
            "id": "babaev-csto-2023-2025",
            "headline": "CSTO has proven its ability to adapt to changes in the global situation",
            "portal": "Allies. CSTO",
            "section": "Politics",
            "byline": "Арестова Татьяна",
            "byline_latin": "Arestova Tatyana",
            "analyst": {
                "name": "Kirill Babaev",
                "post": "the director of the Institute of China and Modern Asia of the Russian Academy of Sciences",
                "titles": ["Doctor of Philological Sciences", "professor"],
            },
            "period_start": "2023",
            "period_end": "2025",
            "paragraphs": 20,
            "published": None,
            "claims": 44,
        }
    ]


def test_validate_the_bundled_dataset(cli: Cli) -> None:
    result = cli("validate")
    assert (result.code, result.out, result.err) == (0, "bundled dataset: ok, 44 claims, 1 source(s)\n", "")


def test_validate_a_file_lists_every_problem(cli: Cli) -> None:
    path = str(DATA.parent.parent / "docs" / "examples" / "broken-claims.toml")
    result = cli("validate", path)
    assert result.code == 3
    assert result.out == ""
    lines = result.err.splitlines()
    assert len(lines) == 4
    assert all(line.startswith(f"cstofacts: {path}:") for line in lines)
    assert "unknown category 'talk'" in lines[0]


def test_version(cli: Cli) -> None:
    result = cli("--version")
    assert (result.code, result.out) == (0, f"cstofacts {__version__}\n")


def test_show_plain_keeps_one_field_per_line(cli: Cli, tmp_path: Path) -> None:
    text = (
        (DATA / "minimal.toml")
        .read_text(encoding="utf-8")
        .replace('summary = "Talks on November 18."', 'summary = "Talks\\ton\\nNovember 18."')
    )
    path = tmp_path / "tabs.toml"
    path.write_text(text, encoding="utf-8")
    result = cli("--data", str(path), "show", "talks")
    assert "summary\tTalks\\ton\\nNovember 18.\n" in result.out
    assert all(line.count("\t") == 1 for line in result.out.splitlines())
