"""Every filter is declared once (cli/filtering.py) and means the same in every command that filters.

The table below names one typed value per filter and, independently of the code, the claims it
keeps, read from the bundled TOML: a filter added to the declaration without a row here fails.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from helpers import Result, bundled

from cstofacts.cli.filtering import FILTER_TABLE
from cstofacts.criteria import Query

Cli = Callable[..., Result]
COMMANDS = ("list", "search", "stats", "timeline", "ask")


def _claims() -> list[dict[str, Any]]:
    return list(bundled()["claims"])


def _years(claim: dict[str, Any]) -> range:
    if claim.get("date") is None:
        return range(0)
    first = int(str(claim["date"])[:4])
    last = int(str(claim.get("end_date") or claim["date"])[:4])
    return range(first, last + 1)


def _where(claim: dict[str, Any]) -> set[str]:
    places = {name: p["country"] for name, p in bundled()["places"].items()}
    found = set(claim.get("countries", ()))
    if claim.get("location") in places:
        found.add(places[claim["location"]])
    return found


# flag -> (a typed value, whether a claim (as the TOML has it) passes the filter)
EXPECTED: dict[str, tuple[str, Any]] = {
    "--year": ("2023", lambda c: 2023 in _years(c)),
    "--since": ("2025", lambda c: any(y >= 2025 for y in _years(c))),
    "--until": ("2023", lambda c: any(y <= 2023 for y in _years(c))),
    "--within": ("2025-03", lambda c: str(c.get("date", "")).startswith("2025-03") and not c.get("end_date")),
    "--not-year": ("2025", lambda c: bool(_years(c)) and 2025 not in _years(c)),
    "--category": ("exercises", lambda c: c["category"] == "exercise"),
    "--country": ("Kyrgyz", lambda c: "KG" in _where(c)),
    "--with-country": ("KG", lambda c: "KG" in _where(c)),
    "--org": ("United Nations", lambda c: "UN" in c.get("organizations", ())),
    "--with-org": ("UN", lambda c: "UN" in c.get("organizations", ())),
    "--not-country": ("Belarusian", lambda c: "BY" not in _where(c)),
    "--not-org": ("United Nations", lambda c: "UN" not in c.get("organizations", ())),
    "--place": ("Минск", lambda c: c.get("location") == "Minsk"),
    "--source": ("csto-adapts-to-global-changes", lambda c: c["source"] == "csto-adapts-to-global-changes"),
    "--kind": ("events", lambda c: c["kind"] == "event"),
    "--attributed-to": ("Babaev", lambda c: c["attributed_to"] == "analyst"),
    "--paragraph": ("13", lambda c: 13 in c["paragraphs"]),
    "--part-of": ("combat-brotherhood-2023", lambda c: c.get("parent") == "combat-brotherhood-2023"),
    "--text": ("Khujand", lambda c: "Khujand" in c["summary"] or "Khujand" in str(c.get("location"))),
    "--not-text": (
        "Khujand",
        lambda c: not ("Khujand" in c["summary"] or "Khujand" in str(c.get("location"))),
    ),
}


def test_every_declared_filter_has_a_row_here_and_sets_a_query_field() -> None:
    assert [f.flag for f in FILTER_TABLE] == list(EXPECTED)
    assert {f.field for f in FILTER_TABLE} <= set(Query._fields)
    assert len({f.name for f in FILTER_TABLE}) == len(FILTER_TABLE)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_filtering_command_offers_every_filter_with_its_help(cli: Cli, command: str) -> None:
    shown = " ".join(cli(command, "--help").out.split())
    for kind in FILTER_TABLE:
        assert " ".join([*kind.flags[1:], kind.flag]) in shown or kind.flag in shown, (command, kind.flag)
        assert " ".join(kind.help.split()) in shown, (command, kind.flag)


@pytest.mark.parametrize("flag", list(EXPECTED))
def test_each_filter_keeps_the_same_claims_in_list_timeline_and_stats(cli: Cli, flag: str) -> None:
    value, keeps = EXPECTED[flag]
    expected = sorted(c["id"] for c in _claims() if keeps(c))
    assert expected, flag
    # The value narrows, so the row tests something; the bundled dataset is one source, which a
    # corpus narrows (tests/test_corpus.py).
    assert len(expected) < len(_claims()) or flag == "--source", flag
    listed = json.loads(cli("list", flag, value, "--format", "json").out)
    assert sorted(r["id"] for r in listed) == expected
    timeline = json.loads(cli("timeline", flag, value, "--format", "json", "--fields", "id").out)
    assert sorted(r["id"] for r in timeline) == expected
    counted = json.loads(cli("stats", "--by", "kind", flag, value, "--format", "json").out)
    assert sum(row["count"] for row in counted) == len(expected)


# Values of each filter as a reader may type them, days and ranges included: ask writes its
# reading back through Filter.typed, and what it writes must resolve to the same Query value.
TYPED_BACK: dict[str, list[str]] = {
    "--year": ["2023", "2023..2025", "2024-2025"],
    "--since": ["2025", "March 2025", "2025-03-31"],
    "--until": ["2023", "2024-05"],
    "--within": ["2025-03", "2025-03-31", "2025-03-05..2025-03-20", "2024-11..2025-02", "2025"],
    "--not-year": ["2023", "2023..2024", "2025.."],
    "--category": ["exercises"],
    "--country": ["Kyrgyz"],
    "--with-country": ["KG"],
    "--org": ["United Nations"],
    "--with-org": ["UN"],
    "--not-country": ["Kyrgyz"],
    "--not-org": ["UN"],
    "--place": ["khujand", "Peking"],
    "--source": ["CSTO-adapts-to-global-changes"],
    "--kind": ["events"],
    "--attributed-to": ["Babaev"],
    "--paragraph": ["¶13"],
    "--part-of": ["combat-brotherhood-2023", "Combat-B"],
    "--text": ["border agreements"],
    "--not-text": ["internal unity"],
}


@pytest.mark.parametrize("kind", FILTER_TABLE, ids=lambda f: f.flag)
def test_what_a_filter_writes_back_resolves_to_the_same_value(kind: Any) -> None:
    from cstofacts import store

    engine = store.open_store(None, use_cache=False)
    try:
        for typed in TYPED_BACK[kind.flag]:
            value = kind.value(engine, typed if not kind.many else [typed])
            written = kind.typed(value)
            again = kind.value(engine, written[0] if not kind.many else written)
            assert again == value, (kind.flag, typed, written)
    finally:
        engine.close()
    assert set(TYPED_BACK) == {f.flag for f in FILTER_TABLE}


@pytest.mark.parametrize(
    "value", ["internal unity", "exercises", "Khujand border", "NATO", "signed agreement"]
)
def test_not_text_keeps_exactly_the_claims_text_does_not(cli: Cli, value: str) -> None:
    every = {c["id"] for c in _claims()}

    def listed(*args: str) -> set[str]:
        result = cli("list", *args, "--format", "json")
        return {r["id"] for r in json.loads(result.out)} if result.out else set()

    held, not_held = listed("--text", value), listed("--not-text", value)
    assert held and not_held
    assert held | not_held == every and not held & not_held


def test_several_not_text_values_each_put_claims_out(cli: Cli) -> None:
    def listed(*args: str) -> set[str]:
        return {r["id"] for r in json.loads(cli("list", *args, "--format", "json").out)}

    both = listed("--not-text", "internal unity", "--not-text", "NATO")
    assert both == listed("--not-text", "internal unity") & listed("--not-text", "NATO")
    assert both < listed("--not-text", "NATO")


def test_part_of_names_a_claim_or_says_which_it_may_mean(cli: Cli) -> None:
    near = cli("list", "--part-of", "combat-brotherhod")
    assert (near.code, near.out) == (2, "")
    assert near.err == (
        "cstofacts: error: --part-of: no claim 'combat-brotherhod'; did you mean combat-brotherhood-2023?\n"
    )
    unknown = cli("list", "--part-of", "zzz")
    assert unknown.err == "cstofacts: error: --part-of: no claim 'zzz'; see: cstofacts list --fields id\n"
    several = cli("list", "--part-of", "c")
    assert (several.code, several.err) == (
        2,
        "cstofacts: error: --part-of: 'c' begins more than one claim's id "
        "(collective-forces-exercises-2025, combat-brotherhood-2023, …)\n",
    )
    # A claim with no parts has none: an empty answer, not an error.
    assert cli("list", "--part-of", "khujand-border-agreement-2025-03-31").code == 1


def test_no_parts_leaves_out_the_claims_that_are_part_of_another(cli: Cli) -> None:
    every = cli("list", "--year", "2023", "--format", "json")
    wholes = cli("list", "--year", "2023", "--no-parts", "--format", "json")
    assert every.code == wholes.code == 0
    kept = [c["id"] for c in json.loads(wholes.out)]
    assert kept == [c["id"] for c in json.loads(every.out) if c["parent"] is None]
    assert "combat-brotherhood-2023" in kept and "search-2023" not in kept
    # A filter like any other: the parts alone, with no whole among them, are none.
    parts = cli("list", "--part-of", "combat-brotherhood-2023", "--no-parts")
    assert (parts.code, parts.out) == (1, "")
    counted = cli("stats", "--by", "year", "--no-parts", "--year", "2023", "--format", "json")
    assert json.loads(counted.out) == [{"value": "2023", "count": len(kept)}]
