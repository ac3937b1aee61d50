"""cstofacts.cli.commands.cite, pinned where mutation testing found the suite silent (docs/testing.md).

Each reference is a block, blocks apart by one blank line; an id that names no claim is said on
stderr and makes the exit 1, whatever else was cited; CSL-JSON of nothing is `[]` as json and
no line at all as jsonl. On a terminal the references keep their lines, as a pipe gets them.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

from helpers import HEAD, Result, claim_toml

from cstofacts.cli.app import run
from cstofacts.env import Env

IDS = ("khujand-border-agreement-2025-03-31", "dostuk-order-award")


def test_two_references_are_two_blocks_a_blank_line_apart(cli: Callable[..., Result]) -> None:
    result = cli("cite", *IDS)
    assert (result.code, result.err) == (0, "")
    blocks = result.out.removesuffix("\n").split("\n\n")
    assert len(blocks) == 2
    for block in blocks:
        text, pandoc = block.split("\n")
        assert text and not text.startswith("pandoc:")
        assert pandoc.startswith("pandoc: [@")


def test_an_id_that_names_no_claim_makes_the_exit_1(cli: Callable[..., Result]) -> None:
    alone = cli("cite", IDS[1])
    both = cli("cite", IDS[1], "no-such-claim")
    assert both.code == 1 and alone.code == 0
    assert both.out == alone.out != ""
    assert "no claim with id 'no-such-claim'" in both.err
    nothing = cli("cite", "no-such-claim")
    assert (nothing.code, nothing.out) == (1, "")


def test_csl_json_of_nothing(cli: Callable[..., Result]) -> None:
    as_json = cli("cite", "no-such-claim", "--format", "json")
    assert (as_json.code, as_json.out) == (1, "[]\n")
    as_jsonl = cli("cite", "no-such-claim", "--format", "jsonl")
    assert (as_jsonl.code, as_jsonl.out) == (1, "")


def test_cite_refuses_the_table_formats_it_cannot_write(cli: Callable[..., Result]) -> None:
    for fmt in ("csv", "tsv", "markdown"):
        result = cli("cite", IDS[1], "--format", fmt)
        assert (result.code, result.out) == (2, ""), fmt
        assert result.err == (
            "cstofacts: error: --format: cite writes text or CSL-JSON: use table, plain, json or jsonl\n"
        ), fmt


def test_a_report_whose_venue_is_stated_is_cited_in_it(cli: Callable[..., Result], tmp_path: Path) -> None:
    head = HEAD.replace(
        'headline = "A test document"\n',
        'headline = "A test document"\nvenue = "The Example Gazette"\nbyline = "Jane Holloway"\nsection = "World"\n',
    )
    path = tmp_path / "venue.toml"
    path.write_text(head + claim_toml("talks", summary="Talks were held.", date="2024"), encoding="utf-8")
    result = cli("--data", str(path), "cite", "talks", "--format", "json")
    assert result.code == 0
    assert json.loads(result.out) == [
        {
            "id": "doc",
            "type": "article",
            "title": "A test document",
            "author": [{"literal": "Jane Holloway"}],
            "container-title": "The Example Gazette",
            "section": "World",
        }
    ]


def test_a_terminal_shows_the_references_on_their_lines_as_a_pipe_gets_them(
    cli: Callable[..., Result],
) -> None:
    piped = cli("cite", *IDS)
    out, err = io.StringIO(), io.StringIO()
    terminal = Env(
        stdout=out,
        stderr=err,
        stdout_isatty=True,
        stderr_isatty=True,
        colour=False,
        stderr_colour=False,
        width=100,
        ascii_only=False,
        json_ascii=False,
    )
    assert run(["cite", *IDS], terminal) == 0
    assert err.getvalue() == ""
    assert out.getvalue() == piped.out
    assert len(out.getvalue().splitlines()) == 5  # two blocks of two lines, a blank line apart
