"""cstofacts.cli.commands.validate, pinned where the run of every escape mutant found the suite
silent (docs/testing.md, "Every escape, permission and SQL mutant").

The dataset's path is the user's and may hold anything a file name can. validate's verdict names
it on stdout, and stdout piped is not escaped for data: the path itself is, so a control
character in it never reaches whatever reads the verdict. A draft's warning names it on stderr,
a tab as `\\t` as in every path cstofacts shows.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Result, claim_toml, write_dataset

RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
NAME = "a\tb\x1b[31m\u202e.toml"
SHOWN = "a\\tb\\x1b[31m\\u202e.toml"


def test_the_verdict_on_stdout_shows_a_hostile_path_escaped(
    cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_dataset(Path(NAME), claim_toml("talks"))
    result = cli("--data", NAME, "validate")
    assert (result.code, result.err) == (0, "")
    assert RAW.search(result.out) is None
    assert result.out == f"{SHOWN}: ok, 1 claims, 1 source\n"


def test_a_drafts_warning_shows_a_tab_in_the_path_as_backslash_t(
    cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    text = write_dataset(Path(NAME), claim_toml("talks"), claim_toml("draft-one", draft=True))
    line = Path(text).read_text("utf-8").splitlines().index("draft = true") + 1
    result = cli("--data", NAME, "validate")
    assert result.code == 0
    assert result.err == (
        f"cstofacts: {SHOWN}:{line}: claim 'draft-one' is a draft: review it and remove `draft = true`\n"
    )
