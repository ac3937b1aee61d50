"""cstofacts.store.cache, pinned where mutation testing found the suite silent (docs/testing.md).

The cache directory is checked once, by the descriptor that opened it, and every write goes
through that descriptor. So a directory swapped for another (a link to a place someone else
chose, or a fresh directory at the same path) right after the check, before the temporary
file is made, receives nothing: the entry lands in the directory that was checked.

An entry is trusted unread only while its change time is after its modification time: one
written within the same clock tick as it was marked checked shows equal times, and is read
whole again, so damage written then is still found.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import BUNDLED

from cstofacts.criteria import Query
from cstofacts.store import open_store
from cstofacts.store.cache import Cache


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    path = tmp_path / "claims.toml"
    path.write_bytes(BUNDLED.read_bytes())
    return path


def answers(path: Path, notes: list[str], *, use_cache: bool = True) -> list[str]:
    environ = {"XDG_CACHE_HOME": str(path.parent / "cache")}
    store = open_store(str(path), use_cache=use_cache, environ=environ, note=notes.append)
    try:
        return [r["id"] for r in store.records(Query(categories=frozenset({"exercise"})))]
    finally:
        store.close()


@pytest.mark.parametrize("swap", ["link", "directory"])
def test_a_cache_directory_swapped_after_its_check_gets_nothing_written_into_it(
    dataset: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, swap: str
) -> None:
    reference = answers(dataset, [], use_cache=False)
    root = tmp_path / "cache" / "cstofacts"
    checked = tmp_path / "cache" / "checked"
    planted = tmp_path / "planted" if swap == "link" else root
    walk = Cache._walk
    swapped: list[str] = []

    def check_then_swap(self: Cache, create: bool) -> int | None:
        fd = walk(self, create)
        if create and not swapped:  # the write's check is done: swap before anything is made
            swapped.append(swap)
            root.rename(checked)
            if swap == "link":
                planted.mkdir()
                root.symlink_to(planted)
            else:
                root.mkdir(mode=0o700)
        return fd

    monkeypatch.setattr(Cache, "_walk", check_then_swap)
    notes: list[str] = []
    assert answers(dataset, notes) == reference
    assert swapped == [swap]
    assert notes == []
    assert list(planted.iterdir()) == []
    [entry] = [p.name for p in checked.iterdir()]
    assert entry.endswith(".sqlite3") and not entry.startswith(".")


class _SameTimes:
    """A file's stat as it is, but with its change time equal to its modification time."""

    def __init__(self, st: os.stat_result) -> None:
        self._st = st
        self.st_ctime_ns = st.st_mtime_ns

    def __getattr__(self, name: str) -> object:
        return getattr(self._st, name)


def test_an_entry_changed_within_the_tick_it_was_marked_is_read_whole(
    dataset: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import stat

    import cstofacts.store as store_module
    from cstofacts.store import _CHECK_AT, _mark
    from cstofacts.store.cache import _MARK

    notes: list[str] = []
    expected = answers(dataset, notes)  # compiled and written
    assert answers(dataset, notes) == expected  # checked and marked
    [entry] = (tmp_path / "cache" / "cstofacts").glob("*.sqlite3")
    data = bytearray(entry.read_bytes())
    mark = _mark(int.from_bytes(data[_CHECK_AT], "big"))
    data[-100] ^= 0xFF
    entry.write_bytes(bytes(data))  # damaged, and the times of the write...
    written = os.stat(entry).st_mtime_ns
    os.utime(entry, ns=(written, written - written % _MARK + mark))  # ...ending in the mark

    def same_times(fd: int) -> os.stat_result:
        st = os.fstat(fd)
        return _SameTimes(st) if stat.S_ISREG(st.st_mode) else st  # type: ignore[return-value]

    root = tmp_path / "cache" / "cstofacts"
    monkeypatch.setattr(store_module, "_cache", lambda environ: Cache(root, fstat=same_times))
    assert answers(dataset, notes) == expected
    assert notes == ["the cached copy of the dataset was damaged; compiled it again"]


def test_checking_a_directory_that_does_not_exist_says_so(tmp_path: Path) -> None:
    from cstofacts.store.cache import Untrusted

    missing = tmp_path / "gone"
    with pytest.raises(Untrusted) as caught:
        Cache(missing).check()
    assert str(caught.value) == f"{missing} does not exist"
