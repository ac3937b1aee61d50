"""cstofacts.output.listview, pinned where mutation testing found the suite silent (docs/testing.md).

The default terminal list: its columns stay aligned and within the terminal's width when a
summary is written in wide East Asian characters (two cells each), and a claim's category,
countries and evidence never reach the terminal as raw control or bidi characters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Result, claim_toml, write_dataset

from cstofacts.model import Claim, Evidence, Kind
from cstofacts.output.listview import claim_list

# Sixty cells of text: thirty characters of two cells each.
WIDE = "集体安全条约组织在明斯克举行了会议讨论边境局势和区域稳定问题"


def cells(line: str) -> int:
    """The cells a line takes on a terminal, counted on its own: two for W and F characters."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in line)


def test_a_summary_in_wide_characters_wraps_at_the_terminals_width(
    cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    path = write_dataset(
        tmp_path / "wide.toml",
        claim_toml("wide", summary=WIDE + "。", date="2023-03-06"),
        claim_toml("narrow", summary="A short one.", category="exercise", date="2023"),
    )
    result = cli("--data", path, "list", "--format", "table")
    assert result.code == 0, result.err
    # The claim column starts at cell 24 and holds 36 cells: eighteen wide characters a line.
    assert result.out.splitlines() == [
        "date         category   claim",
        "─" * 60,
        "2023         exercise   A short one.",
        "                        narrow  ¶1",
        "2023-03-06   meeting    " + WIDE[:18],
        "                        " + WIDE[18:] + "。",
        "                        wide  ¶1",
    ]
    assert max(cells(line) for line in result.out.splitlines()) == 60


def test_wide_characters_are_two_cells_and_marks_none() -> None:
    from cstofacts.output.listview import cell_width

    assert cell_width("會議") == 4
    assert cell_width("ｶﾀｶﾅ") == 4  # half-width katakana: one cell each
    assert cell_width("Ｍｉｎｓｋ") == 10  # full-width Latin: two cells each
    assert cell_width("e\u0301") == 1  # a combining accent takes no cell
    assert cell_width("a\u200bb") == 2  # nor does a zero-width space (Cf)


# What a terminal would obey rather than show: C0 controls but newline, DEL, C1, bidi controls.
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def hostile_claim() -> Claim:
    return Claim(
        id="odd\x1b[2Jid",
        kind=Kind.EVENT,
        category="exer\x1b]0;owned\x07cise",
        date="2023",
        summary="A summary \u202eevil.",
        countries=("B\x9bY", "K\x1bG"),
        paragraphs=(1,),
        attributed_to="article",
        source="doc",
        evidence=(Evidence(1, "a quote \x1b[31mred\x1b[0m and \u2066isolated"),),
    )


@pytest.mark.parametrize("colour", [False, True])
def test_no_field_of_a_claim_reaches_the_terminal_raw(colour: bool) -> None:
    """The validator keeps controls out of these fields; the view does not rely on it."""
    drawn = claim_list([hostile_claim()], 100, colour=colour, ascii_only=False, evidence=True)
    shown = re.sub(r"\x1b\[[0-9;]*m", "", drawn) if colour else drawn  # the view's own SGR codes
    assert RAW.search(shown) is None, shown
    for text in (
        r"exer\x1b]0;owned\x07cise",  # category
        r"B\x9bY,K\x1bG",  # countries
        r"a quote \x1b[31mred\x1b[0m and \u2066isolated",  # evidence
        r"A summary \u202eevil.",
        r"odd\x1b[2Jid",
    ):
        assert text in shown, (text, shown)


def plain_claim(claim_id: str, category: str, summary: str) -> Claim:
    """A claim of 2024 with nothing to escape."""
    return Claim(
        id=claim_id,
        kind=Kind.EVENT,
        category=category,
        date="2024",
        summary=summary,
        paragraphs=(1,),
        attributed_to="article",
        source="doc",
    )


def test_an_escaped_category_keeps_its_column_aligned() -> None:
    """The category column is as wide as the longest category as drawn, escapes included."""
    plain = plain_claim("plain", "meeting", "Another.")
    lines = claim_list(
        [hostile_claim(), plain], 100, colour=False, ascii_only=False, evidence=False
    ).splitlines()
    category = r"exer\x1b]0;owned\x07cise"
    assert lines[0] == "date   " + "category".ljust(len(category)) + "   claim"
    assert lines[2] == "2023   " + category + "   A summary \\u202eevil."
    assert lines[4] == "2024   " + "meeting".ljust(len(category)) + "   Another."


def test_categories_shorter_than_their_heading_leave_the_heading_its_width() -> None:
    """The category column is never narrower than the word "category" above it."""
    short = plain_claim("short", "award", "Given.")
    lines = claim_list([short], 100, colour=False, ascii_only=False, evidence=False).splitlines()
    assert lines[0] == "date   category   claim"
    assert lines[2] == "2024   award      Given."
