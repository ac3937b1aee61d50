"""`source ID` takes the id of a reported work, as `source` lists it, as well as a source's."""

from __future__ import annotations

import json
from collections.abc import Callable

from helpers import Result, bundled

DATA = bundled()
SOURCE = DATA["sources"][0]
WORK = SOURCE["reports"][0]


def test_a_reported_work_s_id_shows_that_work_alone(cli: Callable[..., Result]) -> None:
    result = cli("source", WORK["id"])
    assert result.code == 0
    assert result.out.startswith(f"work\t{WORK['id']}\nrole\treported: described in {SOURCE['id']} (¶1)\n")
    assert f"author\t{WORK['author']}\n" in result.out
    assert SOURCE["headline"] not in result.out
    records = json.loads(cli("source", WORK["id"], "--format", "json").out)
    assert [r["id"] for r in records] == [WORK["id"]]


def test_a_source_s_id_shows_it_and_the_works_it_reports(cli: Callable[..., Result]) -> None:
    records = json.loads(cli("source", SOURCE["id"], "--format", "json").out)
    assert [r["id"] for r in records] == [SOURCE["id"], WORK["id"]]
    assert cli("source", SOURCE["id"]).out == cli("source").out


def test_an_unknown_id_names_both_kinds(cli: Callable[..., Result]) -> None:
    result = cli("source", "nope")
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        f"cstofacts: error: ID: unknown source 'nope'; valid values: {SOURCE['id']}, {WORK['id']}\n"
    )
