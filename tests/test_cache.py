"""The database cache's file-system handling, and the attacks the old cache fell to."""

from __future__ import annotations

import hashlib
import os
import stat
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest

from cstofacts.store.cache import ENV_DISABLE, KEEP, Cache, Untrusted, default_root

T = TypeVar("T")

NAME = hashlib.sha256(b"dataset").hexdigest() + ".sqlite3"
OTHER = hashlib.sha256(b"another dataset").hexdigest() + ".sqlite3"
# An mtime far in the past, so no test depends on the clock.
LONG_AGO = 1_000_000_000

posix = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions, symlinks and FIFOs")
as_root = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file to another uid"
)


def entry_name(n: int) -> str:
    return hashlib.sha256(str(n).encode()).hexdigest() + ".sqlite3"


def find(cache: Cache, name: str) -> bytes | None:
    """The entry's bytes; None for a miss or a directory that cannot be trusted."""
    try:
        return cache.read(name)
    except Untrusted:
        return None


def put(cache: Cache, name: str, data: bytes = b"database") -> Path | None:
    """Write an entry; its path, or None when the cache refused or failed."""
    try:
        cache.write(name, [data])
    except (Untrusted, OSError):
        return None
    return cache.root / name


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def listing(path: Path) -> list[str]:
    return sorted(os.listdir(path))


def temp_files(path: Path) -> list[str]:
    return [name for name in listing(path) if name.startswith(".tmp-")]


def private_dir(path: Path) -> Path:
    path.mkdir(parents=True, mode=0o700)
    os.chmod(path, 0o700)  # whatever the umask
    return path


def plant(folder: Path, name: str, data: bytes = b"database", mtime: int | None = None) -> Path:
    """An entry as a good put() leaves it: ours, 0600."""
    path = folder / name
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as file:
        file.write(data)
    os.chmod(path, 0o600)
    if mtime is not None:
        os.utime(path, (mtime, mtime))
    return path


def without_hanging(call: Callable[[], T]) -> T:
    """call(), in a thread so that a test that would hang (opening a FIFO) fails instead."""
    results: list[T] = []
    worker = threading.Thread(target=lambda: results.append(call()), daemon=True)
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive(), "the cache blocked on a FIFO"
    return results[0]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """Where the cache lives; created by the test or by put()."""
    return tmp_path / "cache" / "cstofacts"


@pytest.fixture
def cache(root: Path) -> Cache:
    return Cache(root)


# --- where the cache lives --------------------------------------------------------------------


def test_relative_xdg_cache_home_is_ignored_never_the_cwd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    environ = {"XDG_CACHE_HOME": "relative/cache", "HOME": str(tmp_path / "home")}
    assert default_root(environ) == tmp_path / "home" / ".cache" / "cstofacts"
    cache = Cache.from_environ(environ)
    assert cache is not None
    assert put(cache, NAME) == tmp_path / "home" / ".cache" / "cstofacts" / NAME
    assert not (tmp_path / "relative").exists()
    assert listing(tmp_path) == ["home"]


def test_empty_xdg_cache_home_falls_back_to_home(tmp_path: Path) -> None:
    environ = {"XDG_CACHE_HOME": "", "HOME": str(tmp_path)}
    assert default_root(environ) == tmp_path / ".cache" / "cstofacts"


def test_absolute_xdg_cache_home_is_used(tmp_path: Path) -> None:
    environ = {"XDG_CACHE_HOME": str(tmp_path / "xdg"), "HOME": str(tmp_path / "home")}
    assert default_root(environ) == tmp_path / "xdg" / "cstofacts"


@pytest.mark.parametrize("home", [None, "", "relative/home"])
def test_no_absolute_base_means_no_cache(home: str | None) -> None:
    environ = {"XDG_CACHE_HOME": "relative/cache"}
    if home is not None:
        environ["HOME"] = home
    assert default_root(environ) is None
    assert Cache.from_environ(environ) is None


@pytest.mark.parametrize("value", ["1", "yes", "true", "on", "anything"])
def test_a_disable_value_turns_the_cache_off(tmp_path: Path, value: str) -> None:
    environ = {ENV_DISABLE: value, "XDG_CACHE_HOME": str(tmp_path), "HOME": str(tmp_path)}
    assert default_root(environ) is None
    assert Cache.from_environ(environ) is None


@pytest.mark.parametrize("value", ["", "0", "false", "No", " off "])
def test_an_empty_or_negative_disable_value_leaves_the_cache_on(tmp_path: Path, value: str) -> None:
    assert default_root({ENV_DISABLE: value, "HOME": str(tmp_path)}) == tmp_path / ".cache" / "cstofacts"


def test_a_relative_root_is_refused() -> None:
    with pytest.raises(ValueError):
        Cache(Path("relative/cstofacts"))


# --- the normal path --------------------------------------------------------------------------


@posix
def test_put_then_find_round_trip_with_private_modes(tmp_path: Path, root: Path, cache: Cache) -> None:
    assert find(cache, NAME) is None
    path = put(cache, NAME, b"compiled")
    assert path == root / NAME
    assert path.read_bytes() == b"compiled"
    assert find(cache, NAME) == path.read_bytes()
    assert mode(path) == 0o600
    assert mode(root) == 0o700
    assert mode(tmp_path / "cache") == 0o700  # a parent we created
    assert listing(root) == [NAME]


@posix
def test_an_entry_is_private_whatever_the_umask(cache: Cache) -> None:
    old = os.umask(0)
    try:
        path = put(cache, NAME, b"compiled")
    finally:
        os.umask(old)
    assert path is not None
    assert mode(path) == 0o600


def test_put_replaces_an_existing_entry(cache: Cache) -> None:
    put(cache, NAME, b"old")
    path = put(cache, NAME, b"new")
    assert path is not None
    assert path.read_bytes() == b"new"


def test_entries_are_written_through_unpredictable_temp_files_in_the_cache(
    root: Path, cache: Cache, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[list[str]] = []

    def parts() -> Iterator[bytes]:
        seen.append(temp_files(root))  # while the bytes are being written
        yield b"compiled"

    cache.write(NAME, parts())
    cache.write(OTHER, parts())
    [first], [second] = seen
    assert first != second
    assert NAME[:16] not in first  # the temp name does not derive from the entry's
    assert temp_files(root) == []


@pytest.mark.parametrize(
    "name",
    [
        "",
        "x.sqlite3",
        "a" * 63 + ".sqlite3",
        "a" * 65 + ".sqlite3",
        "A" * 64 + ".sqlite3",
        "a" * 64,
        "a" * 64 + ".sqlite",
        "a" * 64 + ".sqlite3\n",
        "a" * 64 + ".sqlite3-journal",
        "../" + "a" * 64 + ".sqlite3",
        "sub/" + "a" * 64 + ".sqlite3",
        "/etc/" + "a" * 64 + ".sqlite3",
        ".tmp-" + "a" * 64 + ".sqlite3",
    ],
)
def test_illegal_names_raise_value_error(root: Path, cache: Cache, name: str) -> None:
    with pytest.raises(ValueError):
        cache.read(name)
    with pytest.raises(ValueError):
        cache.write(name, [b"database"])
    assert not root.exists()


# --- symlinks planted by an attacker ----------------------------------------------------------


@posix
def test_a_symlink_at_the_entry_name_is_never_written_through(
    tmp_path: Path, root: Path, cache: Cache
) -> None:
    victim = tmp_path / "victim"
    victim.write_bytes(b"precious")
    private_dir(root)
    os.symlink(victim, root / NAME)
    assert find(cache, NAME) is None
    path = put(cache, NAME, b"compiled")
    assert victim.read_bytes() == b"precious"
    assert path == root / NAME
    assert not path.is_symlink()
    assert path.read_bytes() == b"compiled"


@posix
def test_symlinks_at_predictable_temp_names_are_never_written_through(
    tmp_path: Path, root: Path, cache: Cache
) -> None:
    victim = tmp_path / "victim"
    victim.write_bytes(b"precious")
    nowhere = tmp_path / "nowhere"  # a dangling link: O_CREAT through it would create this
    private_dir(root)
    pid = os.getpid()
    guesses = [
        f"{NAME}.tmp",
        f"{NAME}.{pid}.tmp",
        f"{NAME}.partial",
        f"{NAME}.{pid}.partial",
        f"{NAME}-journal",
        f"{NAME}.{pid}",
        f".{NAME}.tmp",
        f".tmp-{NAME}",
        f".tmp-{NAME}.partial",
        f".tmp-{pid}.partial",
        ".tmp-.partial",
        f"{NAME[:-8]}.{pid}.tmp",
        f"{NAME[:-8]}.tmp",
    ]
    for n, guess in enumerate(guesses):
        os.symlink(victim if n % 2 else nowhere, root / guess)
    path = put(cache, NAME, b"compiled")
    assert path is not None
    assert path.read_bytes() == b"compiled"
    assert victim.read_bytes() == b"precious"
    assert not nowhere.exists()


@posix
def test_a_symlinked_cache_directory_is_refused(tmp_path: Path, root: Path, cache: Cache) -> None:
    elsewhere = private_dir(tmp_path / "elsewhere")
    plant(elsewhere, NAME)
    private_dir(root.parent)
    os.symlink(elsewhere, root)
    assert find(cache, NAME) is None
    assert put(cache, OTHER) is None
    assert cache.clear() == 0
    assert listing(elsewhere) == [NAME]


# --- a directory that is not safely ours ------------------------------------------------------


@posix
@pytest.mark.parametrize("permissive", [0o720, 0o702, 0o770, 0o777, 0o1777])
def test_a_group_or_other_writable_cache_dir_is_skipped_not_fixed(
    root: Path, cache: Cache, permissive: int
) -> None:
    private_dir(root)
    plant(root, NAME)
    os.chmod(root, permissive)
    assert find(cache, NAME) is None
    assert put(cache, OTHER) is None
    assert cache.clear() == 0
    cache.prune(keep=0)
    assert listing(root) == [NAME]
    assert mode(root) == permissive  # never chmodded behind the user's back


@posix
def test_a_cache_dir_owned_by_another_uid_is_skipped(
    root: Path, cache: Cache, monkeypatch: pytest.MonkeyPatch
) -> None:
    private_dir(root)
    plant(root, NAME)
    cache = Cache(root, uid=4242)
    assert find(cache, NAME) is None
    assert put(cache, OTHER) is None
    assert listing(root) == [NAME]


@as_root
def test_a_cache_dir_chowned_to_another_uid_is_skipped(root: Path, cache: Cache) -> None:
    private_dir(root)
    plant(root, NAME)
    os.chown(root, 4242, 4242)
    assert find(cache, NAME) is None
    assert put(cache, OTHER) is None
    assert listing(root) == [NAME]


@posix
def test_a_missing_cache_dir_is_not_created_in_a_shared_parent_without_sticky_bit(
    tmp_path: Path,
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o777)
    cache = Cache(shared / "cstofacts")
    assert put(cache, NAME) is None
    assert listing(shared) == []


@posix
def test_missing_parents_are_not_created_under_a_shared_dir_without_sticky_bit(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o777)
    assert put(Cache(shared / "a" / "b" / "cstofacts"), NAME) is None
    assert listing(shared) == []


@posix
def test_a_shared_parent_with_the_sticky_bit_is_fine(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o1777)
    cache = Cache(shared / "cstofacts")
    path = put(cache, NAME)
    assert path is not None
    assert find(cache, NAME) == path.read_bytes()
    assert mode(shared / "cstofacts") == 0o700


def test_a_cache_dir_that_is_a_file_is_no_cache(root: Path, cache: Cache) -> None:
    root.parent.mkdir(parents=True)
    root.write_bytes(b"not a directory")
    assert find(cache, NAME) is None
    assert put(cache, NAME) is None
    assert cache.clear() == 0
    assert root.read_bytes() == b"not a directory"


# --- entries that are not what they claim -----------------------------------------------------


@posix
def test_a_fifo_entry_is_refused_without_hanging(root: Path, cache: Cache) -> None:
    private_dir(root)
    os.mkfifo(root / NAME, 0o600)
    assert without_hanging(lambda: find(cache, NAME)) is None
    without_hanging(cache.prune)
    path = without_hanging(lambda: put(cache, NAME, b"compiled"))
    assert path is not None
    assert path.read_bytes() == b"compiled"


@posix
def test_an_entry_linked_to_dev_zero_is_refused(root: Path, cache: Cache) -> None:
    private_dir(root)
    os.symlink("/dev/zero", root / NAME)
    assert without_hanging(lambda: find(cache, NAME)) is None


def test_a_directory_at_the_entry_name_is_refused(root: Path, cache: Cache) -> None:
    (root / NAME).mkdir(parents=True)
    os.chmod(root, 0o700)
    assert find(cache, NAME) is None
    assert put(cache, NAME) is None
    assert listing(root) == [NAME]  # and the temp file is gone


@posix
def test_an_entry_owned_by_another_uid_is_refused(
    root: Path, cache: Cache, monkeypatch: pytest.MonkeyPatch
) -> None:
    private_dir(root)
    plant(root, NAME)
    fstat = os.fstat

    def as_if_another_owner(fd: int) -> os.stat_result:
        st = fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            return st
        fields = list(st)
        fields[stat.ST_UID] = st.st_uid + 1
        return os.stat_result(fields)

    assert find(Cache(root, fstat=as_if_another_owner), NAME) is None
    assert find(cache, NAME) == b"database"


@as_root
def test_an_entry_chowned_to_another_uid_is_refused(root: Path, cache: Cache) -> None:
    private_dir(root)
    os.chown(plant(root, NAME), 4242, 4242)
    assert find(cache, NAME) is None  # the directory itself is fine: only the entry fails


@posix
@pytest.mark.parametrize("permissive", [0o620, 0o602, 0o666])
def test_a_group_or_other_writable_entry_is_refused(root: Path, cache: Cache, permissive: int) -> None:
    private_dir(root)
    os.chmod(plant(root, NAME), permissive)
    assert find(cache, NAME) is None


def test_without_uids_there_is_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Windows has no os.geteuid: nothing can say a directory is private, so nothing is shared.
    monkeypatch.delattr(os, "geteuid", raising=False)
    assert Cache.from_environ({"XDG_CACHE_HOME": str(tmp_path)}) is None


# --- a failing build --------------------------------------------------------------------------


def failing(exc: BaseException) -> Iterator[bytes]:
    yield b"half a database"
    raise exc


@pytest.mark.parametrize(
    "exc", [RuntimeError("compiler bug"), OSError(28, "No space left on device"), KeyboardInterrupt()]
)
def test_a_failed_write_propagates_and_leaves_no_temp_file(
    root: Path, cache: Cache, exc: BaseException
) -> None:
    with pytest.raises(type(exc)):
        cache.write(NAME, failing(exc))
    assert listing(root) == []
    assert find(cache, NAME) is None


def test_a_failed_write_leaves_the_previous_entry_in_place(root: Path, cache: Cache) -> None:
    put(cache, NAME, b"good")
    with pytest.raises(OSError):
        cache.write(NAME, failing(OSError(28, "No space left on device")))
    assert (root / NAME).read_bytes() == b"good"
    assert listing(root) == [NAME]


# --- pruning and clearing ---------------------------------------------------------------------


def test_prune_keeps_the_newest_entries_by_mtime(root: Path, cache: Cache) -> None:
    private_dir(root)
    count = KEEP + 4
    # mtimes deliberately out of step with creation order and with names
    order = [(n * 7) % count for n in range(count)]
    for n, rank in enumerate(order):
        plant(root, entry_name(n), mtime=LONG_AGO + rank * 100)
    plant(root, entry_name(order.index(0)) + "-wal")  # the oldest entry's sidecar
    cache.prune()
    newest = {entry_name(n) for n, rank in enumerate(order) if rank >= count - KEEP}
    assert set(listing(root)) == newest


def test_prune_to_zero_removes_every_entry(root: Path, cache: Cache) -> None:
    private_dir(root)
    for n in range(3):
        plant(root, entry_name(n))
    cache.prune(keep=0)
    assert listing(root) == []
    with pytest.raises(ValueError):
        cache.prune(keep=-1)


def test_put_prunes_to_keep(root: Path, cache: Cache) -> None:
    private_dir(root)
    for n in range(KEEP):
        plant(root, entry_name(n), mtime=LONG_AGO + n)
    put(cache, NAME)
    kept = set(listing(root))
    assert len(kept) == KEEP
    assert NAME in kept
    assert entry_name(0) not in kept  # the oldest


def test_find_refreshes_mtime_so_a_used_entry_survives_pruning(root: Path, cache: Cache) -> None:
    private_dir(root)
    used = plant(root, entry_name(0), mtime=LONG_AGO)
    for n in range(1, KEEP + 1):
        plant(root, entry_name(n), mtime=LONG_AGO + n)
    assert find(cache, used.name) == used.read_bytes()
    assert os.stat(used).st_mtime > LONG_AGO
    cache.prune()
    kept = set(listing(root))
    assert used.name in kept
    assert entry_name(1) not in kept  # now the least recently used


def test_a_write_removes_only_stale_temp_files(root: Path, cache: Cache) -> None:
    private_dir(root)
    stale = plant(root, ".tmp-abandoned.partial", mtime=LONG_AGO)
    stale_journal = plant(root, ".tmp-abandoned.partial-journal", mtime=LONG_AGO)
    fresh = plant(root, ".tmp-in-progress.partial")  # another run may be writing it right now
    put(cache, NAME)
    assert not stale.exists()
    assert not stale_journal.exists()
    assert fresh.exists()


def test_prune_leaves_files_that_are_not_ours(root: Path, cache: Cache) -> None:
    private_dir(root)
    plant(root, "notes.txt", mtime=LONG_AGO)
    cache.prune(keep=0)
    assert cache.clear() == 0
    assert listing(root) == ["notes.txt"]


def test_clear_removes_every_entry_and_temp_file(root: Path, cache: Cache) -> None:
    for n in range(3):
        put(cache, entry_name(n))
    plant(root, entry_name(0) + "-wal")
    plant(root, ".tmp-abandoned.partial", mtime=LONG_AGO)
    plant(root, ".tmp-in-progress.partial")
    assert cache.clear() == 3
    assert listing(root) == []
    assert root.is_dir()
    assert cache.clear() == 0


def test_clear_prune_and_find_on_a_missing_directory(root: Path, cache: Cache) -> None:
    assert cache.clear() == 0
    cache.prune()
    assert find(cache, NAME) is None
    assert not root.exists()


# --- a directory swapped between the check and the use ------------------------------------------


def swapping(root: Path, theirs: Path) -> Callable[[int], os.stat_result]:
    """An fstat that, right after the cache directory passes its check, swaps it with `theirs`
    (what renameat2(RENAME_EXCHANGE) does to a path between a check and an open)."""
    done: list[bool] = []

    def fstat(fd: int) -> os.stat_result:
        st = os.fstat(fd)
        if not done and root.exists() and st.st_ino == os.stat(root).st_ino:
            done.append(True)
            os.rename(root, root.with_name("moved"))
            os.rename(theirs, root)
        return st

    return fstat


@posix
def test_a_directory_swapped_after_its_check_is_never_read_by_name(tmp_path: Path, root: Path) -> None:
    private_dir(root)
    plant(root, NAME, b"mine")
    theirs = private_dir(tmp_path / "theirs")
    plant(theirs, NAME, b"attacker's claims")
    assert Cache(root, fstat=swapping(root, theirs)).read(NAME) == b"mine"
    assert (root / NAME).read_bytes() == b"attacker's claims"  # the swap did happen


@posix
def test_a_directory_swapped_after_its_check_is_never_written_by_name(tmp_path: Path, root: Path) -> None:
    private_dir(root)
    theirs = private_dir(tmp_path / "theirs")
    Cache(root, fstat=swapping(root, theirs)).write(NAME, [b"private data"])
    assert listing(root) == []  # now theirs: nothing landed in it
    assert (root.with_name("moved") / NAME).read_bytes() == b"private data"
