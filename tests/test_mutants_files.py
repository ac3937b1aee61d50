"""cstofacts.store.files, pinned where mutation testing found the suite silent (docs/testing.md).

What the cache and `export` rely on when they write a file: a short write is carried on where
it stopped; a span is copied without copy_file_range too, and one longer than its file is an
error rather than an endless copy; a file system without hard links or renameat2 is refused in
words, and a failed link is not retried as a rename; only partial files older than five
minutes are swept.
"""

from __future__ import annotations

import errno
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from cstofacts.store import files

PREFIX = ".cstofacts-"


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[int]:
    fd = os.open(tmp_path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        yield fd
    finally:
        os.close(fd)


def test_a_short_write_is_carried_on_where_it_stopped(
    folder: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A disk nearly full, a signal, a pipe: write() may take fewer bytes than it was given."""
    real = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: real(fd, bytes(data[:3])))
    files.save(folder, PREFIX, "saved", [b"0123456789", memoryview(b"abcdefg")], 0o600, replace=False)
    monkeypatch.undo()
    assert (tmp_path / "saved").read_bytes() == b"0123456789abcdefg"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["saved"]


def test_a_span_longer_than_its_file_is_an_error_not_an_endless_copy(tmp_path: Path) -> None:
    """A cache entry cut short after its size was taken: the copy stops with EIO."""
    source = tmp_path / "source"
    source.write_bytes(b"x" * 10)
    caught: list[BaseException] = []

    def copy() -> None:
        with open(source, "rb") as given, open(tmp_path / "copy", "wb") as out:
            try:
                files.copy_span(files.Span(given.fileno(), 20), out.fileno())
            except OSError as exc:
                caught.append(exc)

    worker = threading.Thread(target=copy, daemon=True)
    worker.start()
    worker.join(10)
    assert not worker.is_alive(), "the copy never ended"
    [error] = caught
    assert (error.errno, error.strerror) == (errno.EIO, "the file to copy ended early")
    assert (tmp_path / "copy").read_bytes() == b"x" * 10


def test_without_copy_file_range_a_span_is_copied_in_chunks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not Linux, or two file systems the kernel cannot copy between: read and written instead."""

    def unsupported(*args: object) -> int:
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "copy_file_range", unsupported)
    source = tmp_path / "source"
    source.write_bytes(bytes(range(256)) * 40)
    with open(source, "rb") as given, open(tmp_path / "copy", "wb") as out:
        files.copy_span(files.Span(given.fileno(), 10_000), out.fileno())
    assert (tmp_path / "copy").read_bytes() == source.read_bytes()[:10_000]


def test_without_hard_links_or_renameat2_a_file_is_refused_in_words(
    folder: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ctypes.util

    def no_links(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)
    with pytest.raises(OSError) as caught:
        files.save(folder, PREFIX, "saved", [b"data"], 0o600, replace=False)
    assert (caught.value.errno, caught.value.strerror) == (
        errno.ENOTSUP,
        "this file system cannot publish a file without risking another",
    )
    assert list(tmp_path.iterdir()) == []


def test_a_link_that_fails_for_another_reason_is_not_retried_as_a_rename(
    folder: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "link", failing)
    with pytest.raises(OSError) as caught:
        files.save(folder, PREFIX, "saved", [b"data"], 0o600, replace=False)
    assert caught.value.errno == errno.EIO
    assert list(tmp_path.iterdir()) == []


def test_a_partial_file_is_swept_only_once_older_than_five_minutes(folder: int, tmp_path: Path) -> None:
    partial = tmp_path / f"{PREFIX}0123456789abcdef{files.PARTIAL}"
    partial.write_bytes(b"left by a killed run")
    written = 1_700_000_000
    os.utime(partial, (written, written))
    files.sweep(folder, PREFIX, written + files.STALE_SECONDS)  # exactly five minutes: kept
    assert partial.exists()
    files.sweep(folder, PREFIX, written + files.STALE_SECONDS + 0.5)
    assert not partial.exists()


def test_unlink_says_whether_the_name_was_removed(folder: int, tmp_path: Path) -> None:
    (tmp_path / "there").write_bytes(b"")
    (tmp_path / "a-directory").mkdir()
    assert files.unlink(folder, "there") is True
    assert files.unlink(folder, "there") is False  # gone already
    assert files.unlink(folder, "a-directory") is False  # never a directory
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-directory"]


def test_no_free_temporary_name_is_an_error_that_says_so(
    folder: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every random name taken (here: the random bytes are always the same, and that name exists)."""
    monkeypatch.setattr(os, "urandom", lambda n: b"\0" * n)
    (tmp_path / f"{PREFIX}{'00' * 8}{files.PARTIAL}").write_bytes(b"")
    with pytest.raises(FileExistsError) as caught:
        files.save(folder, PREFIX, "saved", [b"x"], 0o600, replace=False)
    assert (caught.value.errno, caught.value.strerror) == (errno.EEXIST, "no free temporary name")
    assert not (tmp_path / "saved").exists()
