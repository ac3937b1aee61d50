"""cstofacts.output.views.pages, pinned where mutation testing found the suite silent (docs/testing.md).

The timeline too narrow for columns stacks each claim's fields, and its dates keep the mark
its legend explains: an inferred date is starred there as in the columned timeline.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import MINIMAL, Result, claim_toml, write_dataset


def test_the_stacked_timeline_stars_an_inferred_date(
    cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = write_dataset(
        tmp_path / "claims.toml",
        claim_toml("talks", date="2023", date_basis="inferred", date_note="From the paragraph before."),
    )
    monkeypatch.setenv("COLUMNS", "40")
    result = cli("--data", data, "timeline", "-f", "table")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "2023\nid: talks\ndate: 2023*\nsummary: Claim talks.\n\n"
        "* date inferred from the paragraph's\ncontext\n"
    )


def test_read_lists_the_citing_ids_apart(cli: Callable[..., Result]) -> None:
    result = cli("--data", str(MINIMAL), "read", "1", "--format", "table")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "¶1\nIn 2023 an umbrella exercise [with brackets] was held in Belarus by the CSTO.\ncited by: umbrella, drill\n"
    )
