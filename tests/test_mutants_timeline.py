"""cstofacts.cli.commands.timeline, pinned where mutation testing found the suite silent (docs/testing.md).

Only the terminal table is drawn by year: any other format, or --fields, gives the claims as
list gives them; nothing matching exits 1.
"""

from __future__ import annotations

from collections.abc import Callable

from helpers import Result


def test_a_format_other_than_the_table_lists_the_claims_as_records(cli: Callable[..., Result]) -> None:
    result = cli("timeline", "--kind", "event", "--format", "tsv", "--limit", "1")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "id\tperiod\tcategory\tcountries\tparagraphs\tsummary\tkind\tdate_basis\n"
        'combat-brotherhood-2023\t2023\texercise\t["BY"]\t[10]\tFive maneuvers held in Belarus in 2023'
        ' belonged to the "Combat Brotherhood – 2023" exercise.\tevent\tstated\n'
    )


def test_piped_without_a_format_it_is_plain_lines_not_the_drawn_timeline(cli: Callable[..., Result]) -> None:
    result = cli("timeline", "--category", "award")
    assert (result.code, result.err) == (0, "")
    assert result.out.startswith("dostuk-order-award\t")
    assert result.out.count("\n") == 1


def test_nothing_matching_exits_1(cli: Callable[..., Result]) -> None:
    result = cli("timeline", "--year", "2019")
    assert (result.code, result.out, result.err) == (1, "", "cstofacts: no claims match\n")


def test_nothing_matching_in_the_drawn_timeline_exits_1(cli: Callable[..., Result]) -> None:
    result = cli("timeline", "--year", "2019", "--format", "table")
    assert (result.code, result.out, result.err) == (1, "", "cstofacts: no claims match\n")
