"""cstofacts.errors and cstofacts.cli.errors, pinned where mutation testing found the suite silent
(docs/testing.md).

Each documented exit code, from the error a user meets: 0 found, 1 nothing matched, 2 a usage
mistake, 3 a broken dataset, 74 results that cannot be written.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Result, shell


def test_found_nothing_usage_and_data(cli: Callable[..., Result], tmp_path: Path) -> None:
    assert cli("list", "--limit", "1").code == 0
    assert cli("search", "zzyzzyx").code == 1
    assert cli("list", "--year", "next").code == 2
    broken = tmp_path / "broken.toml"
    broken.write_text("schema = [\n", encoding="utf-8")
    result = cli("--data", str(broken), "list")
    assert (result.code, result.out) == (3, "")
    assert result.err.startswith(f"cstofacts: --data {broken}: TOML syntax error")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_results_that_cannot_be_written_exit_74() -> None:
    result = shell('cstofacts list --limit 1 > /dev/full; echo "exit=$?" >&2')
    assert result.stderr == "cstofacts: error: cannot write results: No space left on device\nexit=74\n"


def test_a_broken_dataset_at_a_hostile_path_is_reported_escaped(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    """A dataset problem names the file as the user gave it: its controls are shown, not obeyed."""
    broken = tmp_path / "a\x1b]0;owned\x07b.toml"
    broken.write_text("schema = [\n", encoding="utf-8")
    result = cli("--data", str(broken), "list")
    assert (result.code, result.out) == (3, "")
    shown = str(broken).replace("\x1b", "\\x1b").replace("\x07", "\\x07")
    assert result.err.startswith(f"cstofacts: --data {shown}: TOML syntax error"), result.err
    assert "\x1b" not in result.err and "\x07" not in result.err
