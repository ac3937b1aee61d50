"""cstofacts.cli.commands.source, pinned where mutation testing found the suite silent (docs/testing.md).

A dataset whose one source reports no other work still lists that source as JSON: its keys are
those of the one record there is.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Result, claim_toml, write_dataset

REPORT = {
    "id": "doc",
    "seq": 0,
    "role": "report",
    "reported_in": None,
    "title": "A test document",
    "author": None,
    "author_romanized": None,
    "author_post": None,
    "author_titles": [],
    "section": None,
    "venue": None,
    "venue_type": None,
    "published": None,
    "period_start": None,
    "period_end": None,
    "voice": None,
    "described_in": [],
    "paragraphs": 5,
    "claims": 1,
}


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_a_source_that_reports_no_work_is_one_record(
    cli: Callable[..., Result], tmp_path: Path, fmt: str
) -> None:
    data = write_dataset(tmp_path / "one.toml", claim_toml("only-claim"))
    result = cli("--data", data, "source", "--format", fmt)
    assert (result.code, result.err) == (0, "")
    lines = result.out.splitlines()
    records = json.loads(result.out) if fmt == "json" else [json.loads(line) for line in lines]
    assert records == [REPORT]
    assert list(records[0]) == list(REPORT)  # the keys in the order the schema gives them


def test_every_work_is_shown_in_each_format_and_the_run_succeeds(cli: Callable[..., Result]) -> None:
    # The two works of the bundled dataset, with the facts the text states of each.
    for fmt in ("table", "plain"):
        result = cli("source", "--format", fmt)
        assert result.code == 0, (fmt, result.err)
        for shown in ("csto-adapts-to-global-changes", "Арестова Татьяна", "babaev-allies-csto-2023-2025",
                      "Kirill Babaev", "Allies. CSTO (portal)", "not stated in the source"):  # fmt: skip
            assert shown in result.out, (fmt, shown)
    plain = cli("source", "--format", "plain").out
    assert plain.startswith(
        "work\tcsto-adapts-to-global-changes\nrole\treport: the claims are its statements\n"
    )
    assert "\n\nwork\tbabaev-allies-csto-2023-2025\n" in plain  # a blank line between works


def test_an_unknown_id_is_refused_under_its_name(cli: Callable[..., Result]) -> None:
    result = cli("source", "nonsense")
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "cstofacts: error: ID: unknown source 'nonsense'; valid values: csto-adapts-to-global-changes,"
        " babaev-allies-csto-2023-2025\n"
    )
