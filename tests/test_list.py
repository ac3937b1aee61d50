"""`cstofacts list`: filters, order and limits, as a user types them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import MINIMAL, Result, bundled, claim_toml, ids, minimal_text, run, write_dataset

Cli = Callable[..., Result]
DATA = bundled()
CLAIMS = DATA["claims"]
PLACES = {name: place["country"] for name, place in DATA.get("places", {}).items()}


def involving(code: str) -> set[str]:
    """Ids of the claims tagged with a country, or located in a place of that country."""
    return {c["id"] for c in CLAIMS if code in c["countries"] or PLACES.get(c.get("location", "")) == code}


def test_2023_exercises_in_plain_rows(cli: Cli) -> None:
    result = cli("list", "--year", "2023", "--category", "exercise")
    assert (result.code, result.err) == (0, "")
    lines = result.out.splitlines()
    assert lines[0] == (
        "combat-brotherhood-2023\t2023\t\texercise\tBY\t10\t"
        'Five maneuvers held in Belarus in 2023 belonged to the "Combat Brotherhood – 2023" exercise.'
        "\tevent\tstated"
    )
    assert lines[-1] == (
        "unbreakable-brotherhood-2023\t2023\t\texercise\tKG\t10\t"
        '"Unbreakable Brotherhood – 2023", a joint exercise with the CSTO peacekeeping forces, '
        "was held in Kyrgyzstan.\tevent\tinferred"
    )
    expected = [
        c["id"]
        for c in CLAIMS
        if c["category"] == "exercise" and c.get("date", "").startswith("2023") and "end_date" not in c
    ]
    assert ids(result) == expected


@pytest.mark.parametrize(
    "spelling", ["KG", "kg", "KGZ", "Kyrgyzstan", "kyrgyz", "KYRGYZ", "Кыргызстан", "Kirghizia"]
)
def test_country_codes_names_adjectives_and_aliases_all_mean_kyrgyzstan(cli: Cli, spelling: str) -> None:
    result = cli("list", "--country", spelling, "--fields", "id")
    assert result.code == 0
    assert set(ids(result)) == involving("KG")
    assert "khujand-border-agreement-2025-03-31" in ids(result)


def test_a_place_involves_the_country_it_lies_in(cli: Cli) -> None:
    [beijing] = [c for c in CLAIMS if c.get("location") == "Beijing"]
    assert beijing["countries"] == []  # found only through the place's country
    assert ids(cli("list", "--country", "China")) == [beijing["id"]]
    assert set(ids(cli("list", "--country", "TJ"))) == involving("TJ")


def test_a_country_the_article_never_mentions_is_an_answer_not_a_usage_error(cli: Cli) -> None:
    named = ", ".join(DATA["countries"])
    result = cli("list", "--country", "USA")
    assert (result.code, result.out) == (1, "")
    # "USA" is a code of its own, never a typo of UA
    assert result.err == f"cstofacts: the article does not mention 'USA' (it names: {named})\n"
    result = cli("list", "--org", "OSCE")
    assert (result.code, result.out, result.err) == (
        1,
        "",
        "cstofacts: the article does not mention 'OSCE' (it names: CSTO, UN, CIS, SCO, NATO)\n",
    )


@pytest.mark.parametrize("spelling", ["UN", "un", "United Nations", "united nations", "ООН", "UNO"])
def test_organization_by_short_name_full_name_or_alias(cli: Cli, spelling: str) -> None:
    result = cli("list", "--org", spelling, "--year", "2024")
    assert ids(result) == ["security-council-meeting-2024-07-19", "un-general-assembly-resolution"]


def test_year_range_matches_overlapping_spans(cli: Cli) -> None:
    assert "bilateral-consultations-2024-2025" in ids(cli("list", "--year", "2025"))
    assert "bilateral-consultations-2024-2025" in ids(cli("list", "--year", "2024"))
    assert ids(cli("list", "--year", "2022..2023"))[:1] == ["2022-turning-point"]
    assert "task-prevent-crises" not in ids(cli("list", "--year", "2022..2023"))  # undated now
    assert ids(cli("list", "--year", "2024..")) == ids(cli("list", "--since", "2024"))
    assert ids(cli("list", "--year", "..2023")) == ids(cli("list", "--until", "2023"))


@pytest.mark.parametrize("spelling", ["2023-2025", "2023–2025", "2023 .. 2025"])
def test_year_ranges_may_be_written_with_a_dash(cli: Cli, spelling: str) -> None:
    expected = ids(cli("list", "--year", "2023..2025"))
    assert len(expected) == sum(1 for c in CLAIMS if "2023" <= c.get("date", "0")[:4] <= "2025")
    assert ids(cli("list", "--year", spelling)) == expected


def test_since_and_until_take_reduced_precision_dates(cli: Cli) -> None:
    result = cli("list", "--since", "2025-03", "--until", "2025-06-01")
    assert ids(result) == [
        "bilateral-consultations-2024-2025",
        "2025-work-with-cis-sco",
        "collective-forces-exercises-2025",
        "khujand-border-agreement-2025-03-31",
        "military-cooperation-plan-2026-2030",
    ]


@pytest.mark.parametrize(
    ("typed", "iso"),
    [("March 2025", "2025-03"), ("Mar 2025", "2025-03"), ("31 March 2025", "2025-03-31")],
)
def test_since_and_until_take_dates_as_people_write_them(cli: Cli, typed: str, iso: str) -> None:
    assert ids(cli("list", "--since", typed)) == ids(cli("list", "--since", iso))
    assert ids(cli("list", "--until", typed)) == ids(cli("list", "--until", iso))
    assert ids(cli("list", "--until", typed))  # the check above compares something


def test_repeated_option_is_or_and_different_options_are_and(cli: Cli) -> None:
    result = cli("list", "--category", "agreement", "--category", "decision", "--year", "2025")
    assert ids(result) == [
        "khujand-border-agreement-2025-03-31",
        "military-cooperation-plan-2026-2030",
        "beijing-roadmap-2025-09-03",
    ]


def test_text_matches_words_and_their_forms_case_accent_and_dash_insensitive(cli: Cli) -> None:
    assert ids(cli("list", "--text", "Search-2023")) == ["search-2023"]
    assert ids(cli("list", "--text", "search – 2023")) == ["search-2023"]
    assert ids(cli("list", "--text", "DÓSTUK")) == ["dostuk-order-award"]
    assert ids(cli("list", "--text", "border agreement", "--kind", "event")) == [
        "bilateral-consultations-2024-2025",
        "khujand-border-agreement-2025-03-31",
    ]
    signing = ids(cli("list", "--text", "signing"))  # "signed" in the summaries
    assert {"khujand-border-agreement-2025-03-31", "beijing-roadmap-2025-09-03"} <= set(signing)


def test_text_is_never_a_regular_expression(cli: Cli) -> None:
    result = cli("list", "--text", "R.ck")  # as a regular expression it would find Rock-2023
    assert (result.code, result.out) == (1, "")


def test_category_plural_and_synonyms_just_work(cli: Cli) -> None:
    assert ids(cli("list", "-c", "exercises", "-y", "2025")) == ["collective-forces-exercises-2025"]
    assert ids(cli("list", "-c", "drills", "-y", "2025")) == ["collective-forces-exercises-2025"]
    agreements = [c["id"] for c in CLAIMS if c["category"] == "agreement"]
    assert sorted(ids(cli("list", "-c", "treaty"))) == sorted(agreements)


@pytest.mark.parametrize("spelling", ["background", "backgrounds", "Background", "BACKGROUNDS"])
def test_kind_takes_plurals_and_any_case(cli: Cli, spelling: str) -> None:
    result = cli("list", "--kind", spelling, "--fields", "id,kind")
    assert result.code == 0
    assert {line.split("\t")[1] for line in result.out.splitlines()} == {"background"}
    assert set(ids(result)) == {c["id"] for c in CLAIMS if c["kind"] == "background"}


def test_kind_events_with_a_capital(cli: Cli) -> None:
    assert set(ids(cli("list", "--kind", "Events"))) == {c["id"] for c in CLAIMS if c["kind"] == "event"}


@pytest.mark.parametrize("who", ["analyst", "article"])
def test_attributed_to(cli: Cli, who: str) -> None:
    result = cli("list", "--attributed-to", who)
    assert set(ids(result)) == {c["id"] for c in CLAIMS if c["attributed_to"] == who}


def test_paragraph_is_repeatable_and_or(cli: Cli) -> None:
    result = cli("list", "--paragraph", "13", "--paragraph", "9")
    assert set(ids(result)) == {c["id"] for c in CLAIMS if {9, 13} & set(c["paragraphs"])}
    assert set(ids(cli("list", "-p", "¶9"))) == {c["id"] for c in CLAIMS if 9 in c["paragraphs"]}


def test_default_order_is_by_date_with_undated_last(cli: Cli) -> None:
    dates = cli("list", "--fields", "date").out.splitlines()
    dated = [d for d in dates if d]
    assert dated == sorted(dated)
    assert dates[len(dated) :] == [""] * (len(dates) - len(dated))
    assert len(dates) == len(CLAIMS)
    reverse = cli("list", "--reverse", "--fields", "date").out.splitlines()
    assert [d for d in reverse if d] == dated[::-1]
    assert reverse[-1] == ""


def test_sort_by_id_and_limit(cli: Cli) -> None:
    assert ids(cli("list", "--sort", "id", "--limit", "3")) == sorted(c["id"] for c in CLAIMS)[:3]


def test_sort_by_category(cli: Cli) -> None:
    categories = cli("list", "--sort", "category", "--fields", "category").out.splitlines()
    assert categories == sorted(categories)
    assert len(categories) == len(CLAIMS)


def test_nothing_matches_exits_1_with_a_note_on_stderr(cli: Cli) -> None:
    result = cli("list", "--year", "2019")
    assert (result.code, result.out, result.err) == (1, "", "cstofacts: no claims match\n")


def test_data_option_and_environment_variable(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    path = str(MINIMAL)
    assert ids(cli("--data", path, "list")) == ["umbrella", "drill", "talks"]
    monkeypatch.setenv("CSTOFACTS_DATA", path)
    assert ids(cli("list", "--country", "Kyrgyz")) == ["talks"]


def test_data_dash_reads_the_dataset_from_standard_input() -> None:
    result = run("--data", "-", "list", "--fields", "id", stdin=minimal_text())
    assert (result.returncode, result.stdout, result.stderr) == (0, "umbrella\ndrill\ntalks\n", "")


# -- day boundaries, on a dataset made for them -------------------------------------------------

BOUNDARIES = [
    claim_toml("long-ago", date="1999"),
    claim_toml("last-day-of-2023", date="2023-12-31"),
    claim_toml("first-day-of-2024", date="2024-01-01"),
    claim_toml("new-year-span", date="2023-12", end_date="2024-01"),
    claim_toml("leap-day", date="2024-02-29"),
    claim_toml("in-minsk", location="Minsk"),
    claim_toml("undated-talks"),
]


@pytest.fixture
def edges(tmp_path: Path) -> str:
    return write_dataset(tmp_path / "edges.toml", *BOUNDARIES)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--year", "2023"], ["new-year-span", "last-day-of-2023"]),
        (["--year", "2024"], ["new-year-span", "first-day-of-2024", "leap-day"]),
        (["--year", "..2023"], ["long-ago", "new-year-span", "last-day-of-2023"]),
        (["--year", "2024.."], ["new-year-span", "first-day-of-2024", "leap-day"]),
        (["--year", "1999"], ["long-ago"]),
        (["--until", "2023-12-31"], ["long-ago", "new-year-span", "last-day-of-2023"]),
        (["--until", "2023-12-30"], ["long-ago", "new-year-span"]),
        (["--since", "2024-01-01"], ["new-year-span", "first-day-of-2024", "leap-day"]),
        (["--since", "31 December 2023", "--until", "31 Dec 2023"], ["new-year-span", "last-day-of-2023"]),
        (["--since", "2024-02-29"], ["leap-day"]),
        (["--since", "2024-03"], []),
        (["--country", "Belarusian"], ["in-minsk"]),
    ],
)
def test_day_and_year_boundaries(cli: Cli, edges: str, args: list[str], expected: list[str]) -> None:
    result = cli("--data", edges, "list", "--fields", "id", *args)
    assert (result.code, ids(result)) == (0 if expected else 1, expected)


def test_a_claim_on_the_last_day_of_a_year_is_in_that_year(cli: Cli, edges: str) -> None:
    assert "last-day-of-2023" in ids(cli("--data", edges, "list", "--year", "2023"))
    assert "last-day-of-2023" not in ids(cli("--data", edges, "list", "--year", "2024"))


def test_an_open_range_reaches_back_before_2000(cli: Cli, edges: str) -> None:
    assert "long-ago" in ids(cli("--data", edges, "list", "--year", "..2023"))
    assert "long-ago" in ids(cli("--data", edges, "list", "--until", "2000"))


def test_the_year_only_note_is_said_when_piped_too(cli: Callable[..., Result]) -> None:
    result = cli("list", "--until", "2023-02", "--format", "plain")
    assert result.code == 0
    count = len(result.out.splitlines())
    assert (
        result.err
        == f"cstofacts: {count} claims are dated only to the year, which overlaps the dates asked for\n"
    )


def test_kind_takes_the_words_ask_reads_for_a_kind(cli: Callable[..., Result]) -> None:
    # One table of words for each kind (model.KIND_WORDS) serves --kind and ask alike.
    assessments = ids(cli("list", "--kind", "assessment"))
    assert assessments and ids(cli("list", "--kind", "opinion")) == assessments
    assert ids(cli("list", "--kind", "views")) == assessments
    result = cli("list", "--kind", "opinons")
    assert (result.code, result.err) == (
        2,
        "cstofacts: error: --kind: unknown kind 'opinons'; did you mean 'opinion'?\n",
    )
