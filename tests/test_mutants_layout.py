"""cstofacts.output.layout, pinned where mutation testing found the suite silent (docs/testing.md).

A label's value is wrapped beside it while 20 columns are left for it; with fewer, the value
goes under its label.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Result, claim_toml, write_dataset

BESIDE = """\
work        doc
role        report: the claims
            are its statements
headline    A test document
venue       not stated in the
            source
published   not stated in the
            source
paragraphs  5
claims      1
"""
UNDER = """\
work
  doc
role
  report: the claims are its
  statements
headline
  A test document
venue
  not stated in the source
published
  not stated in the source
paragraphs
  5
claims
  1
"""


@pytest.mark.parametrize(("columns", "shown"), [("32", BESIDE), ("31", UNDER)])
def test_values_go_under_their_labels_when_fewer_than_20_columns_are_left(
    cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, columns: str, shown: str
) -> None:
    data = write_dataset(tmp_path / "one.toml", claim_toml("only-claim"))
    monkeypatch.setenv("COLUMNS", columns)  # "paragraphs" and two spaces take 12 of them
    result = cli("--data", data, "source", "--format", "table")
    assert (result.code, result.out, result.err) == (0, shown, "")


def test_a_bar_is_in_proportion_to_the_largest_and_never_empty() -> None:
    from cstofacts.output.layout import bars

    assert bars([1, 100], 80, True) == ["█", "█" * 40]  # at most 40 cells; a small count still one
    assert bars([5, 10], 50, False) == ["#" * 5, "#" * 10]  # narrow: the width less 40
    assert bars([3], 10, False) == ["#" * 4]  # never fewer than 4 cells for the largest
