"""A problem is reported at its line when the table's header spells its name as a quoted key:
`[['claims']]` and `[["claims"]]` name the same array of tables as `[[claims]]`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Result, claim_toml, dataset_text


@pytest.mark.parametrize("header", ["[['claims']]", '[["claims"]]', "[[ 'claims' ]]", "[['claims' ]]"])
def test_a_claim_under_a_quoted_header_is_reported_at_its_own_line(
    cli: Callable[..., Result], tmp_path: Path, header: str
) -> None:
    second = claim_toml("second", category="parade").replace("[[claims]]", header)
    text = dataset_text(claim_toml("first"), second)
    path = tmp_path / "quoted.toml"
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index('category = "parade"') + 1
    result = cli("validate", str(path))
    assert (result.code, result.out) == (3, "")
    assert result.err == (
        f"cstofacts: {path}:{line}: claim 'second': unknown category 'parade'; known: exercise, meeting\n"
    )
