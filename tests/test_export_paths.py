"""`export` refuses, before writing anything, the paths that would lose data or fail half-way."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Result


@pytest.fixture
def here(tmp_path: Path) -> Path:
    os.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("metadata", ["t.db", "./t.db", "sub/../t.db"])
def test_metadata_that_is_the_database_itself_is_refused(
    cli: Callable[..., Result], here: Path, metadata: str
) -> None:
    (here / "sub").mkdir()
    result = cli("export", "t.db", "--metadata", metadata, "--force")
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "cstofacts: error: --metadata: the metadata would replace the database: give --metadata another file\n"
    )
    assert sorted(p.name for p in here.iterdir()) == ["sub"]


def test_metadata_in_a_missing_folder_is_refused_before_the_database_is_written(
    cli: Callable[..., Result], here: Path
) -> None:
    result = cli("export", "x.db", "--metadata", "nowhere/m.json")
    assert result.code == 2
    assert result.err == "cstofacts: error: --metadata: there is no folder nowhere to write into\n"
    assert list(here.iterdir()) == []  # x.db was not written


def test_a_folder_is_not_a_database_file(cli: Callable[..., Result], here: Path) -> None:
    (here / "dbdir").mkdir()
    for args in (("export", "dbdir"), ("export", "dbdir", "--force")):
        result = cli(*args)
        assert result.code == 2
        assert result.err == "cstofacts: error: PATH.db: dbdir is a folder; give a file's path\n"
    assert sorted(p.name for p in here.iterdir()) == ["dbdir"]
    assert list((here / "dbdir").iterdir()) == []


def test_both_files_are_written_when_the_paths_are_good(cli: Callable[..., Result], here: Path) -> None:
    result = cli("export", "t.db", "--metadata", "t.json")
    assert result.code == 0
    assert sorted(p.name for p in here.iterdir()) == ["t.db", "t.json"]
    assert (here / "t.db").read_bytes()[:16] == b"SQLite format 3\x00"
