"""`search` streams what it finds in the machine formats, as `list` does: the same claims in the
same order whichever way they are written, `--best` included, and the notes on an empty result
say what is true of the words asked for."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Result, claim_toml, write_dataset

Cli = Callable[..., Result]


def ids(result: Result, fmt: str) -> list[str]:
    assert result.code == 0, result.err
    if fmt == "json":
        return [item["id"] for item in json.loads(result.out)]
    if fmt == "jsonl":
        return [json.loads(line)["id"] for line in result.out.splitlines()]
    return result.out.splitlines()


@pytest.mark.parametrize(
    "words",
    [
        ("border", "agreement"),
        ("Khujand", "Minsk", "--any"),
        ("Khujand", "Minsk", "--any", "--best"),
        ("peacekeeping", "UN", "--any", "--best", "--limit", "2"),
    ],
)
def test_every_format_finds_the_same_claims_in_the_same_order(cli: Cli, words: tuple[str, ...]) -> None:
    found = {
        fmt: ids(cli("search", *words, "-f", fmt, *(("--fields", "id") if fmt == "plain" else ())), fmt)
        for fmt in ("json", "jsonl", "plain")
    }
    assert found["json"], words
    assert found["json"] == found["jsonl"] == found["plain"]
    # --fields id makes the JSON records from the rows rather than the compiled objects: the same claims.
    assert ids(cli("search", *words, "-f", "json", "--fields", "id"), "json") == found["json"]


def test_best_keeps_only_the_claims_holding_the_most_words(cli: Cli) -> None:
    every = ids(cli("search", "border", "agreement", "Khujand", "--any", "-f", "json"), "json")
    best = ids(cli("search", "border", "agreement", "Khujand", "--any", "--best", "-f", "json"), "json")
    assert (len(best), len(every)) == (3, 7)
    assert every[: len(best)] == best


def test_a_word_only_a_draft_holds_gets_the_drafts_note(cli: Cli, tmp_path: Path) -> None:
    data = tmp_path / "drafts.toml"
    write_dataset(
        data,
        claim_toml("talks", date="2024", summary="Talks were held."),
        claim_toml("drill", date="2023", summary="A drill was planned.", draft=True),
    )
    drafted = cli("--data", str(data), "search", "drill", "-f", "json")
    assert (drafted.code, drafted.out) == (1, "[]\n")
    assert (
        drafted.err == "cstofacts: only draft claims match; --drafts shows them\ncstofacts: no claims match\n"
    )
    # A word no claim holds, draft or not, is not blamed on the drafts.
    nothing = cli("--data", str(data), "search", "talks", "drill", "-f", "json")
    assert (nothing.code, nothing.out) == (1, "[]\n")
    assert "draft" not in nothing.err


def test_a_long_list_answer_is_what_its_reading_finds_in_every_format(cli: Cli, tmp_path: Path) -> None:
    # More claims than ask reads at once (engine.Found.HEAD): the rest are read as written.
    import shlex

    from synthetic import generate

    from cstofacts.store.engine import Found

    data = tmp_path / "many.toml"
    data.write_text(generate(1500), encoding="utf-8")
    question = "which exercises were held in 2023"
    explained = cli("--data", str(data), "ask", question, "--explain", "-f", "json")
    read_as = next(line for line in explained.err.splitlines() if line.startswith("cstofacts: read as: "))
    reading = shlex.split(read_as.removeprefix("cstofacts: read as: "))[1:]
    for fmt in ("json", "plain", "csv"):
        asked = cli("--data", str(data), "ask", question, "-f", fmt)
        ran = cli("--data", str(data), *reading, "-f", fmt)
        assert (asked.code, ran.code) == (0, 0)
        assert asked.out == ran.out
    assert len(json.loads(explained.out)) > Found.HEAD


def test_at_least_keeps_the_claims_holding_that_many_of_the_words(cli: Cli, tmp_path: Path) -> None:
    data = tmp_path / "held.toml"
    write_dataset(
        data,
        claim_toml("three", date="2025", summary="A border agreement was signed in Khujand."),
        claim_toml("two", date="2024", summary="A border agreement was discussed."),
        claim_toml("one", date="2023", summary="Talks on the border were held."),
        claim_toml("none", date="2022", summary="Exercises were held."),
    )

    def found(*options: str) -> Result:
        return cli("--data", str(data), "search", "border", "agreement", "Khujand", *options, "-f", "json")

    assert ids(found("--at-least", "2"), "json") == ["three", "two"]
    assert ids(found("--at-least", "3"), "json") == ["three"]
    # Any N of the words: --at-least implies --any, and 1 is --any itself.
    assert ids(found("--at-least", "1"), "json") == ids(found("--any"), "json") == ["three", "two", "one"]
    assert ids(found("--any", "--at-least", "2", "--limit", "1"), "json") == ["three"]
    more = found("--at-least", "4")
    assert (more.code, json.loads(more.out)) == (1, [])
    zero = found("--at-least", "0")
    assert zero.code == 2
    assert "--at-least: '0' is not a whole number of 1 or more" in zero.err
