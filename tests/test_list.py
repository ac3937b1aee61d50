"""`cstofacts list`: filters, order and limits, as a user types them."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from helpers import DATA, Result

Cli = Callable[..., Result]


def ids(result: Result) -> list[str]:
    return [line.split("\t", 1)[0] for line in result.out.splitlines()]


def test_2023_exercises_in_plain_rows(cli: Cli) -> None:
    result = cli("list", "--year", "2023", "--category", "exercise")
    assert result.code == 0
    assert result.err == ""
    lines = result.out.splitlines()
    assert lines[0] == (
        "combat-brotherhood-2023\t2023\t\texercise\tBY\t10\t"
        'The "Combat Brotherhood – 2023" exercise brought together five maneuvers held in Belarus in 2023.'
    )
    assert lines[-1] == (
        "unbreakable-brotherhood-2023\t2023\t\texercise\tKG\t10\t"
        '"Unbreakable Brotherhood – 2023", a joint exercise with the CSTO peacekeeping forces, '
        "was held in Kyrgyzstan."
    )
    assert len(lines) == 7


@pytest.mark.parametrize("spelling", ["KG", "kg", "KGZ", "Kyrgyzstan", "kyrgyz", "KYRGYZ"])
def test_country_spellings_all_mean_kyrgyzstan(cli: Cli, spelling: str) -> None:
    result = cli("list", "--country", spelling, "--fields", "id")
    assert result.code == 0
    assert ids(result) == ids(cli("list", "--country", "KG", "--fields", "id"))
    assert "khujand-border-agreement-2025-03-31" in ids(result)
    assert len(ids(result)) == 10


@pytest.mark.parametrize("spelling", ["UN", "un", "United Nations", "united nations"])
def test_organization_by_short_name_or_full_name(cli: Cli, spelling: str) -> None:
    result = cli("list", "--org", spelling, "--year", "2024")
    assert ids(result) == ["security-council-meeting-2024-07-19", "un-general-assembly-resolution"]


def test_year_range_matches_overlapping_spans(cli: Cli) -> None:
    assert "bilateral-consultations-2024-2025" in ids(cli("list", "--year", "2025"))
    assert "bilateral-consultations-2024-2025" in ids(cli("list", "--year", "2024"))
    both = ids(cli("list", "--year", "2022..2023"))
    assert both[:2] == ["2022-turning-point", "task-prevent-crises"]
    assert ids(cli("list", "--year", "2024..")) == ids(cli("list", "--since", "2024"))


def test_since_and_until_take_reduced_precision_dates(cli: Cli) -> None:
    result = cli("list", "--since", "2025-03", "--until", "2025-06-01")
    assert ids(result) == [
        "bilateral-consultations-2024-2025",
        "2025-work-with-cis-sco",
        "collective-forces-exercises-2025",
        "khujand-border-agreement-2025-03-31",
        "military-cooperation-plan-2026-2030",
    ]


def test_repeated_option_is_or_and_different_options_are_and(cli: Cli) -> None:
    result = cli("list", "--category", "agreement", "--category", "decision", "--year", "2025")
    assert ids(result) == [
        "khujand-border-agreement-2025-03-31",
        "military-cooperation-plan-2026-2030",
        "beijing-roadmap-2025-09-03",
    ]


def test_text_is_case_accent_and_dash_insensitive(cli: Cli) -> None:
    assert ids(cli("list", "--text", "Search-2023")) == ["search-2023"]
    assert ids(cli("list", "--text", "search – 2023")) == ["search-2023"]
    assert ids(cli("list", "--text", "DÓSTUK")) == ["dostuk-order-award"]
    assert ids(cli("list", "--text", "border agreement", "--kind", "event")) == [
        "bilateral-consultations-2024-2025",
        "khujand-border-agreement-2025-03-31",
    ]


def test_text_is_never_a_regular_expression(cli: Cli) -> None:
    result = cli("list", "--text", "Search.2023")
    assert result.code == 1
    assert result.out == ""


def test_category_plural_just_works(cli: Cli) -> None:
    assert ids(cli("list", "-c", "exercises", "-y", "2025")) == ["collective-forces-exercises-2025"]


def test_kind_filters(cli: Cli) -> None:
    result = cli("list", "--kind", "background", "--fields", "kind")
    assert set(result.out.splitlines()) == {"background"}


def test_default_order_is_by_date_with_undated_last(cli: Cli) -> None:
    result = cli("list", "--fields", "date")
    dates = result.out.splitlines()
    dated = [d for d in dates if d]
    assert dated == sorted(dated)
    assert dates[len(dated) :] == [""] * (len(dates) - len(dated))
    reverse = cli("list", "--reverse", "--fields", "date").out.splitlines()
    assert [d for d in reverse if d] == dated[::-1]
    assert reverse[-1] == ""


def test_sort_by_id_and_limit(cli: Cli) -> None:
    assert ids(cli("list", "--sort", "id", "--limit", "3")) == [
        "2022-turning-point",
        "2024-focus-international-organizations",
        "2025-work-with-cis-sco",
    ]


def test_sort_by_category(cli: Cli) -> None:
    categories = cli("list", "--sort", "category", "--fields", "category").out.splitlines()
    assert categories == sorted(categories)


def test_nothing_matches_exits_1_with_a_note_on_stderr(cli: Cli) -> None:
    result = cli("list", "--year", "2019")
    assert result.code == 1
    assert result.out == ""
    assert result.err == "cstofacts: no claims match\n"


def test_data_option_and_environment_variable(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    path = str(DATA / "minimal.toml")
    assert ids(cli("--data", path, "list")) == ["umbrella", "drill", "talks"]
    monkeypatch.setenv("CSTOFACTS_DATA", path)
    assert ids(cli("list", "--country", "Kyrgyz")) == ["talks"]
