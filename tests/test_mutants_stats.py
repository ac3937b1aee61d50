"""cstofacts.cli.commands.stats, pinned where mutation testing found the suite silent (docs/testing.md).

--by names its value FIELD in help, says what it cannot count by, and counts by source with each
source's headline.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from helpers import Result


def test_by_is_shown_with_its_value_in_help(cli: Callable[..., Result]) -> None:
    result = cli("stats", "--help")
    assert result.code == 0
    assert (
        "--by FIELD year, category, country, org, kind, attribution or source; default: category."
        in " ".join(result.out.split())
    )


def test_an_unknown_field_says_it_cannot_be_counted_by(cli: Callable[..., Result]) -> None:
    result = cli("stats", "--by", "nonsense")
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "cstofacts: error: --by: cannot count by 'nonsense'; valid values: year, category, country, org, kind,"
        " attribution, source\n"
    )


def test_counting_by_source_names_each_source_by_its_headline(cli: Callable[..., Result]) -> None:
    result = cli("stats", "--by", "source", "--format", "json")
    assert (result.code, result.err) == (0, "")
    assert json.loads(result.out) == [
        {
            "value": "csto-adapts-to-global-changes",
            "count": 46,
            "name": "CSTO has proven its ability to adapt to changes in the global situation",
        }
    ]


def test_organization_is_taken_for_org(cli: Callable[..., Result]) -> None:
    result = cli("stats", "--by", "organization", "--format", "plain", "--limit", "2")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "CSTO\t42\tCollective Security Treaty Organization\nCIS\t4\tCommonwealth of Independent States\n"
    )


def test_reverse_turns_the_counts_round_before_the_limit(cli: Callable[..., Result]) -> None:
    result = cli("stats", "--by", "year", "--reverse", "--limit", "3", "--format", "plain")
    assert (result.code, result.err) == (0, "")
    assert result.out == "undated\t28\n2025\t5\n2024..2025\t1\n"
