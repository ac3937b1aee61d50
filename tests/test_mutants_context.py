"""cstofacts.cli.context, pinned where mutation testing found the suite silent (docs/testing.md).

The note about the cache names its directory, which comes from the environment: a control
character in XDG_CACHE_HOME is shown as a visible escape, never sent to the terminal. Shell
completion reads the datasets --data names, every one of them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Result, claim_toml, dataset_text, run, write_dataset


def test_the_cache_note_shows_a_hostile_path_escaped(
    cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "c\x1b[2Jd"
    home.mkdir()
    os.chmod(home, 0o777)  # writable by others, not sticky: not trusted
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    result = cli("list", "--limit", "1", "--fields", "id")
    assert result.code == 0
    shown = str(home).replace("\x1b", "\\x1b")
    assert result.err == f"cstofacts: not using the cache: {shown} is writable by others; working in memory\n"


def _completed(line: str) -> list[str]:
    words = line.split(" ")
    env = {"_CSTOFACTS_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(len(words) - 1)}
    result = run(env=env)
    assert (result.returncode, result.stderr) == (0, "")
    return result.stdout.split()


def test_completion_offers_the_ids_of_every_dataset_given(tmp_path: Path) -> None:
    first = write_dataset(tmp_path / "doc.toml", claim_toml("first-claim"))
    other = tmp_path / "other.toml"
    other.write_text(
        dataset_text(claim_toml("second-claim", source="other")).replace('id = "doc"', 'id = "other"')
    )
    assert _completed(f"cstofacts --data {first} show ") == ["first-claim"]
    assert _completed(f"cstofacts --data {first} --data {other} show ") == ["first-claim", "second-claim"]
