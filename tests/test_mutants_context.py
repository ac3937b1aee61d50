"""cstofacts.cli.context, pinned where mutation testing found the suite silent (docs/testing.md).

The note about the cache names its directory, which comes from the environment: a control
character in XDG_CACHE_HOME is shown as a visible escape, never sent to the terminal.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Result


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
