"""cstofacts.cli.present, pinned where the run of every escape mutant found the suite silent
(docs/testing.md, "Every escape, permission and SQL mutant").

The word a search missed, and the file export or new could not write, are the user's: each is
cut to a readable length in its message (a word to 40 characters, a path to 80), whichever way
the write fails: no such folder, a name too long, a file that appeared while the article was read.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Result, long_folder

ARTICLE = b"Border talks resume\n\nDelegations from Kyrgyzstan met on March 4, 2025.\n"


def test_a_long_word_no_claim_holds_is_cut_to_forty_characters(cli: Callable[..., Result]) -> None:
    word = "q" * 60
    result = cli("search", word)
    assert (result.code, result.out) == (1, "")
    assert result.err == f"cstofacts: no claim holds '{word[:39]}…'\ncstofacts: no claims match\n"


def test_a_draft_for_a_missing_folder_names_it_cut_to_eighty_characters(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    (tmp_path / "article.txt").write_bytes(ARTICLE)
    target = long_folder(tmp_path) / "missing" / "draft.toml"
    result = cli("new", str(tmp_path / "article.txt"), "-o", str(target))
    assert (result.code, result.out) == (74, "")
    assert result.err == f"cstofacts: error: cannot write {str(target)[:79]}…: No such file or directory\n"


@pytest.mark.parametrize("command", ["export", "new"])
def test_a_file_name_too_long_is_named_cut_to_eighty_characters(
    cli: Callable[..., Result], tmp_path: Path, command: str
) -> None:
    (tmp_path / "article.txt").write_bytes(ARTICLE)
    folder = long_folder(tmp_path)
    target = folder / ("n" * 300 + (".db" if command == "export" else ".toml"))
    args = (
        ("export", str(target))
        if command == "export"
        else ("new", str(tmp_path / "article.txt"), "-o", str(target))
    )
    result = cli(*args)
    assert (result.code, result.out) == (74, "")
    assert result.err == f"cstofacts: error: cannot write {str(target)[:79]}…: File name too long\n"
    assert list(folder.iterdir()) == []  # no partial file left behind


def test_a_file_that_appears_while_the_article_is_read_is_named_cut_to_eighty_characters(
    cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = long_folder(tmp_path) / "draft.toml"

    class Stdin(io.BytesIO):
        def read(self, size: int | None = -1) -> bytes:
            target.write_bytes(b"another program's file")  # written meanwhile, after new's first look
            return super().read(size)

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(Stdin(ARTICLE)))
    result = cli("new", "-", "-o", str(target))
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        f"cstofacts: error: --output: {str(target)[:79]}… appeared meanwhile; give --force to replace it\n"
    )
    assert target.read_bytes() == b"another program's file"
