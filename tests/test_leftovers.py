"""Nothing left behind and no one's file lost: `export` publishes without overwriting unless told,
and an interrupted export or cache write removes its partial file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Result, child_env

import cstofacts.cli.commands.export as export_command
from cstofacts.store import files

LONG_AGO = 1_000_000_000
Cli = Callable[..., Result]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith((".cstofacts-", ".tmp-")))


# --- publishing -----------------------------------------------------------------------------


def test_a_file_that_appears_during_the_compile_is_never_overwritten(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "claims.db"
    image = export_command.database_image

    def meanwhile(connection: object) -> object:
        target.write_bytes(b"someone else's work")  # after the early check, before publishing
        return image(connection)  # type: ignore[arg-type]

    monkeypatch.setattr(export_command, "database_image", meanwhile)
    result = cli("export", str(target))
    assert result.code == 2
    assert result.err == (
        f"cstofacts: error: PATH.db: {target} appeared meanwhile; give --force to replace it\n"
    )
    assert target.read_bytes() == b"someone else's work"
    assert leftovers(tmp_path) == []


def test_with_force_a_file_that_appears_meanwhile_is_replaced(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "claims.db"
    image = export_command.database_image

    def meanwhile(connection: object) -> object:
        target.write_bytes(b"old")
        return image(connection)  # type: ignore[arg-type]

    monkeypatch.setattr(export_command, "database_image", meanwhile)
    assert cli("export", str(target), "--force").code == 0
    assert target.read_bytes().startswith(b"SQLite format 3\0")
    assert leftovers(tmp_path) == []


def test_without_hard_links_publishing_still_never_overwrites(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file system without hard links (FAT, some network mounts): renameat2(RENAME_NOREPLACE)."""

    def no_links(*args: object, **kwargs: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    folder = os.open(tmp_path, os.O_RDONLY)
    try:
        (tmp_path / "taken").write_bytes(b"precious")
        with pytest.raises(FileExistsError):
            files.save(folder, ".cstofacts-", "taken", [b"new"], 0o644, replace=False)
        files.save(folder, ".cstofacts-", "free", [b"new"], 0o644, replace=False)
    finally:
        os.close(folder)
    assert (tmp_path / "taken").read_bytes() == b"precious"
    assert (tmp_path / "free").read_bytes() == b"new"
    assert leftovers(tmp_path) == []


# --- stale partial files ----------------------------------------------------------------------


def plant(path: Path, mtime: float | None = None) -> Path:
    path.write_bytes(b"half")
    if mtime is not None:
        os.utime(path, (mtime, mtime))
    return path


def test_an_export_removes_stale_partial_files_of_its_own_only(cli: Cli, tmp_path: Path) -> None:
    stale = plant(tmp_path / ".cstofacts-0123abcd.partial", LONG_AGO)
    journal = plant(tmp_path / ".cstofacts-0123abcd.partial-journal", LONG_AGO)  # left by 0.2.0
    fresh = plant(tmp_path / ".cstofacts-fedc3210.partial")  # another export may be writing it now
    unrelated = plant(tmp_path / ".cstofacts-notes.txt", LONG_AGO)
    assert cli("export", str(tmp_path / "claims.db")).code == 0
    assert not stale.exists()
    assert not journal.exists()
    assert fresh.exists()
    assert unrelated.exists()


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another user")
def test_another_users_stale_partial_file_is_left_alone(cli: Cli, tmp_path: Path) -> None:
    theirs = plant(tmp_path / ".cstofacts-0123abcd.partial", LONG_AGO)
    os.chown(theirs, 4242, 4242)
    assert cli("export", str(tmp_path / "claims.db")).code == 0
    assert theirs.exists()


# --- interrupts -----------------------------------------------------------------------------

# A child that runs the installed entry point with one file-system call of the writer made to
# signal its own process right after it returns: the interrupt lands at that exact step.
CHILD = """
import os, sys
from cstofacts.store import files

step, signum = sys.argv[1], int(sys.argv[2])
real = getattr(os, step)

def then_signal(*args, **kwargs):
    result = real(*args, **kwargs)
    if step != "open" or args[1] & os.O_EXCL:  # the partial file's creation, not any open
        os.kill(os.getpid(), signum)
    return result

setattr(os, step, then_signal)
sys.argv = ["cstofacts", *sys.argv[3:]]
from cstofacts.cli import console_main
console_main()
"""
# Each step of writing, from the partial file's creation to its publication.
STEPS = ["open", "write", "fsync", "link", "replace"]
EXPECTED = {signal.SIGINT: 130, signal.SIGTERM: -signal.SIGTERM, signal.SIGHUP: -signal.SIGHUP}


def interrupted(
    step: str, signum: int, args: list[str], env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CHILD, step, str(int(signum)), *args],
        capture_output=True,
        text=True,
        env=child_env(env),
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
@pytest.mark.parametrize("step", STEPS)
def test_an_interrupted_export_leaves_nothing_behind(tmp_path: Path, step: str, signum: int) -> None:
    target = tmp_path / "claims.db"
    force = ["--force"] if step == "replace" else []
    result = interrupted(step, signum, ["export", str(target), *force], {"CSTOFACTS_NO_CACHE": "1"})
    assert "Traceback" not in result.stderr
    assert result.returncode == EXPECTED[signum]
    assert leftovers(tmp_path) == []
    if step in ("link", "replace"):  # published before the signal: whole, and the name freed
        assert target.read_bytes().startswith(b"SQLite format 3\0")
    else:
        assert not target.exists()


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
@pytest.mark.parametrize("step", ["open", "write", "fsync", "replace"])
def test_an_interrupted_cache_write_leaves_nothing_behind(tmp_path: Path, step: str, signum: int) -> None:
    cache = tmp_path / "cache"
    result = interrupted(step, signum, ["list", "--limit", "1"], {"XDG_CACHE_HOME": str(cache)})
    assert "Traceback" not in result.stderr
    assert result.returncode == EXPECTED[signum]
    assert leftovers(cache / "cstofacts") == []
    entries = list((cache / "cstofacts").glob("*.sqlite3"))
    assert len(entries) == (1 if step == "replace" else 0)
