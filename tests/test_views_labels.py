"""The labelled grid of `show` and `source`: on a terminal too narrow for label and value side by
side, each label on a line of its own with its value indented under it; and a label drawn with
its control and bidi characters as visible escapes, never obeyed.

The command's labels are field names; the view functions (cstofacts.output.views) draw any label
they are given, so the escaping is pinned through `views.source_view`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Result, claim_toml, write_dataset

from cstofacts.output import views


def test_a_narrow_show_puts_each_label_on_a_line_above_its_value(
    cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "30")
    summary = "The CSTO held talks in Minsk with Kyrgyz officials."
    data = write_dataset(tmp_path / "one.toml", claim_toml("talks", summary=summary))
    result = cli("--data", data, "show", "talks", "--format", "table")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "talks\n"
        "id\n"
        "  talks\n"
        "kind\n"
        "  event\n"
        "category\n"
        "  meeting\n"
        "summary\n"
        "  The CSTO held talks in Minsk\n"
        "  with Kyrgyz officials.\n"
        "paragraphs\n"
        "  1\n"
        "attributed_to\n"
        "  article\n"
        "source\n"
        "  doc\n"
        "stated_in\n"
        '  ¶1 of "A test document"\n'
    )


@pytest.mark.parametrize(
    ("width", "drawn"),
    [
        (60, "work\\x1b[31m\\u202e  doc\nrole                report\n"),
        (20, "work\\x1b[31m\\u202e\n  doc\nrole\n  report\n"),  # too narrow: labels above values
    ],
    ids=["wide", "narrow"],
)
def test_a_label_s_control_and_bidi_characters_are_drawn_escaped(width: int, drawn: str) -> None:
    view = views.source_view([("work\x1b[31m\u202e", "doc"), ("role", "report")], colour=False, width=width)
    assert views.draw(view, views.make_console(width, False)) == drawn
