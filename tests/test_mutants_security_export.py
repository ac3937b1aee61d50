"""cstofacts.cli.commands.export, pinned where the run of every escape mutant found the suite
silent (docs/testing.md, "Every escape, permission and SQL mutant").

A path export names is the user's, and may hold anything a file name can: in its notes and
errors a tab reads as `\\t` (as in every path cstofacts shows), and a long path is cut to 80
characters, so each message stays one readable line.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from helpers import Result, long_folder


def test_the_notes_show_a_tab_in_the_file_names_as_backslash_t(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    target = tmp_path / "a\tb.db"
    result = cli("export", str(target))
    assert (result.code, result.out) == (0, "")
    shown = str(tmp_path)
    assert result.err == (
        f"cstofacts: wrote {shown}/a\\tb.db: 46 claims\n"
        f"cstofacts: wrote {shown}/a\\tb.metadata.json: metadata for datasette -m\n"
    )


def test_the_note_cuts_a_long_database_path_to_eighty_characters(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    folder = long_folder(tmp_path)
    target = folder / "claims.db"
    result = cli("export", str(target))
    assert (result.code, result.out) == (0, "")
    assert result.err.startswith(f"cstofacts: wrote {str(target)[:79]}…: 46 claims\n"), result.err
    assert target.exists()


def test_a_long_folder_given_as_the_database_is_cut_to_eighty_characters(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    folder = long_folder(tmp_path)
    result = cli("export", str(folder))
    assert (result.code, result.out) == (2, "")
    assert result.err == f"cstofacts: error: PATH.db: {str(folder)[:79]}… is a folder; give a file's path\n"


def test_a_long_metadata_path_that_exists_is_cut_to_eighty_characters(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    folder = long_folder(tmp_path, "m")
    described = folder / "claims.json"
    described.write_bytes(b"")
    result = cli("export", str(tmp_path / "claims.db"), "--metadata", str(described))
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        f"cstofacts: error: --metadata: {str(described)[:79]}… exists; give --force to replace it\n"
    )
    assert not (tmp_path / "claims.db").exists()
