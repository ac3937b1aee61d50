"""The cache's notes, pinned where the run of every escape mutant found the suite silent
(docs/testing.md, "Every escape, permission and SQL mutant"): cstofacts.cli.context.Shared.note.

The cache directory comes from the environment (XDG_CACHE_HOME), which may hold anything a path
can. When cstofacts will not use it, the note that says so names the path with its control
characters as visible escapes, a newline as `\\x0a`, so the path reads as the one on disk and the
note stays one line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Result

RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@pytest.mark.parametrize(
    ("name", "shown"),
    [("ca\nche", "ca\\x0ache"), ("ca\x1b[31mche\u202e", "ca\\x1b[31mche\\u202e")],
)
def test_a_hostile_cache_directory_is_named_escaped_in_one_line(
    cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, shown: str
) -> None:
    base = tmp_path / name
    cache = base / "cstofacts"
    cache.mkdir(parents=True)
    cache.chmod(0o777)  # writable by others: not to be trusted
    monkeypatch.setenv("XDG_CACHE_HOME", str(base))
    result = cli("list", "--limit", "1")
    assert result.code == 0
    assert len(result.out.splitlines()) == 1
    path = f"{tmp_path}/{shown}/cstofacts"
    assert result.err == f"cstofacts: not using the cache: {path} is writable by others; working in memory\n"
    assert RAW.search(result.err.removesuffix("\n")) is None
    assert list(cache.iterdir()) == []
