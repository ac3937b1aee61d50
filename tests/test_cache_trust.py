"""A cache no other user can steer, that survives damage and full disks: always the right answer,
and one note on stderr saying what happened to the cache."""

from __future__ import annotations

import os
import random
import resource
import signal
import sqlite3
import stat
from pathlib import Path

import pytest
from helpers import BUNDLED, MINIMAL, run

from cstofacts.criteria import Query, StatsBy
from cstofacts.store import open_store
from cstofacts.store.cache import Cache, Untrusted, judge
from cstofacts.store.engine import Store

# How many random corruptions the fuzz test tries; CSTOFACTS_SLOW_TESTS=1 runs the full 200.
SLOW = bool(os.environ.get("CSTOFACTS_SLOW_TESTS"))
as_root = pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a directory to another user")
OTHER_UID = 4242
UNTRUSTED = "cstofacts: not using the cache: {path} {why}; working in memory\n"


def stat_of(mode: int, uid: int) -> os.stat_result:
    return os.stat_result((mode, 0, 0, 1, uid, 0, 0, 0, 0, 0))


def opened(path: Path, notes: list[str]) -> Store:
    return open_store(str(path), environ={"XDG_CACHE_HOME": str(path.parent / "cache")}, note=notes.append)


def answers(store: Store) -> str:
    """What eight kinds of question read from a compiled dataset (records compare by identity,
    so by their repr, which shows every field)."""
    return repr(
        (
            store.ids(),
            list(store.records(Query())),
            store.count(Query(), StatsBy.CATEGORY),
            store.count(Query(), StatsBy.COUNTRY),
            store.sources,
            store.vocabulary,
            sorted(store.words()),
            store.ids_starting("k"),
        )
    )


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    path = tmp_path / "claims.toml"
    path.write_bytes(BUNDLED.read_bytes())
    return path


@pytest.fixture
def reference(dataset: Path) -> str:
    store = open_store(str(dataset), use_cache=False)
    try:
        return answers(store)
    finally:
        store.close()


def entry_of(dataset: Path, not_named: str = "") -> Path:
    [entry] = [p for p in (dataset.parent / "cache" / "cstofacts").glob("*.sqlite3") if p.name != not_named]
    return entry


# --- who may own the way to the cache ------------------------------------------------------------


@pytest.mark.parametrize(
    ("mode", "uid", "last", "why"),
    [
        (stat.S_IFDIR | 0o755, 0, False, None),  # /usr, /home
        (stat.S_IFDIR | 0o700, 1000, False, None),  # the user's home
        (stat.S_IFDIR | 0o1777, 0, False, None),  # /tmp
        (stat.S_IFDIR | 0o1777, 1000, False, None),  # a sticky directory of the user's own
        (stat.S_IFDIR | 0o755, OTHER_UID, False, "belongs to another user"),
        (stat.S_IFDIR | 0o1777, OTHER_UID, False, "belongs to another user"),  # /tmp/cache made by another
        (stat.S_IFDIR | 0o777, 0, False, "is writable by others"),
        (stat.S_IFDIR | 0o775, 1000, False, "is writable by others"),
        (stat.S_IFREG | 0o700, 1000, False, "is not a directory"),
        (stat.S_IFDIR | 0o700, 1000, True, None),
        (stat.S_IFDIR | 0o700, 0, True, "belongs to another user"),  # the cache itself is ours alone
        (stat.S_IFDIR | 0o1777, 1000, True, "is writable by others"),
    ],
)
def test_each_directory_on_the_way_is_judged_as_openssh_does(
    mode: int, uid: int, last: bool, why: str | None
) -> None:
    reason = judge("/x", stat_of(mode, uid), 1000, last=last)
    assert reason == (None if why is None else f"/x {why}")


def test_the_judgement_is_made_on_what_was_opened(tmp_path: Path) -> None:
    """The checks read fstat on the descriptors the walk holds: a parent that fstat says another
    user owns is refused even though the path, looked at by name, is ours."""
    seen: list[int] = []

    def another_owner_above_the_cache(fd: int) -> os.stat_result:
        st = os.fstat(fd)
        seen.append(st.st_ino)
        if st.st_ino == os.stat(tmp_path).st_ino:
            return stat_of(st.st_mode, OTHER_UID)
        return st

    cache = Cache(tmp_path / "cache" / "cstofacts", fstat=another_owner_above_the_cache)
    with pytest.raises(Untrusted, match="belongs to another user"):
        cache.write("a" * 64 + ".sqlite3", [b"x"])
    assert os.stat("/").st_ino in seen
    assert not (tmp_path / "cache").exists()


@as_root
def test_a_cache_under_another_users_sticky_directory_is_never_used(
    dataset: Path, tmp_path: Path, reference: str
) -> None:
    """/tmp/cache made first by another user, world-writable and sticky, as /tmp is: they could
    swap anything in it, so nothing is read from or written to it."""
    shared = tmp_path / "cache"
    shared.mkdir()
    os.chmod(shared, 0o1777)
    os.chown(shared, OTHER_UID, OTHER_UID)
    planted = shared / "cstofacts"
    planted.mkdir(mode=0o700)  # they may even give it to us (root can): its parent still fails
    notes: list[str] = []
    store = opened(dataset, notes)
    assert answers(store) == reference
    assert notes == [f"not using the cache: {shared} belongs to another user; working in memory"]
    assert list(planted.iterdir()) == []


@as_root
def test_the_command_says_once_that_it_works_in_memory(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o1777)
    os.chown(shared, OTHER_UID, OTHER_UID)
    expected = run("--no-cache", "list").stdout
    result = run("list", env={"XDG_CACHE_HOME": str(shared / "cache")})
    assert (result.returncode, result.stdout) == (0, expected)
    assert result.stderr == UNTRUSTED.format(path=shared, why="belongs to another user")
    assert list(shared.iterdir()) == []


def test_a_world_writable_ancestor_without_sticky_bit_is_refused(tmp_path: Path) -> None:
    open_dir = tmp_path / "open"
    (open_dir / "deeper").mkdir(parents=True)
    os.chmod(open_dir, 0o777)
    result = run("list", "--limit", "1", env={"XDG_CACHE_HOME": str(open_dir / "deeper")})
    assert result.returncode == 0
    assert result.stderr == UNTRUSTED.format(path=open_dir, why="is writable by others")
    assert list((open_dir / "deeper").iterdir()) == []


def test_a_linked_cache_home_is_followed_to_a_trusted_place(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir(mode=0o700)
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / ".cache").symlink_to(real)  # as many users keep ~/.cache elsewhere
    result = run("list", "--limit", "1", env={"XDG_CACHE_HOME": str(tmp_path / "home" / ".cache")})
    assert (result.returncode, result.stderr) == (0, "")
    assert len(list((real / "cstofacts").glob("*.sqlite3"))) == 1


def test_a_link_inside_an_untrusted_directory_is_never_followed(tmp_path: Path) -> None:
    trusted = tmp_path / "mine"
    trusted.mkdir(mode=0o700)
    open_dir = tmp_path / "open"
    open_dir.mkdir()
    os.chmod(open_dir, 0o777)
    (open_dir / "cache").symlink_to(trusted)  # anyone could have put it there, leading anywhere
    result = run("list", "--limit", "1", env={"XDG_CACHE_HOME": str(open_dir / "cache")})
    assert result.stderr == UNTRUSTED.format(path=open_dir, why="is writable by others")
    assert list(trusted.iterdir()) == []


def test_a_double_slash_cache_home_is_a_plain_path_and_a_hit(tmp_path: Path) -> None:
    env = {"XDG_CACHE_HOME": "/" + str(tmp_path / "cache")}  # "//tmp/…": a URI would read an authority
    first = run("list", "--limit", "1", env=env)
    [entry] = (tmp_path / "cache" / "cstofacts").glob("*.sqlite3")
    written = entry.stat()
    second = run("list", "--limit", "1", env=env)
    assert (first.returncode, first.stderr, second.returncode, second.stderr) == (0, "", 0, "")
    assert first.stdout == second.stdout
    assert entry.stat().st_ino == written.st_ino  # read, not compiled and written again


def test_a_private_datasets_compiled_copy_is_private_whatever_the_umask(tmp_path: Path) -> None:
    private = tmp_path / "mine.toml"
    private.write_bytes(BUNDLED.read_bytes())
    private.chmod(0o600)
    result = run("--data", str(private), "list", "--limit", "1", preexec_fn=lambda: os.umask(0))
    assert (result.returncode, result.stderr) == (0, "")
    folder = tmp_path / "cache" / "cstofacts"
    if not folder.exists():  # the suite's own cache home
        folder = Path(os.environ["XDG_CACHE_HOME"]) / "cstofacts"
    modes = {stat.S_IMODE(p.stat().st_mode) for p in folder.iterdir()}
    assert modes == {0o600}
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


# --- writes that fail -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "failure",
    [
        sqlite3.OperationalError("database or disk is full"),
        OSError(28, "No space left on device"),
        OSError(30, "Read-only file system"),
        sqlite3.DatabaseError("file is not a database"),
    ],
    ids=["sqlite-full", "enospc", "erofs", "sqlite-error"],
)
def test_a_failed_cache_write_is_one_note_and_the_same_answer(
    dataset: Path, reference: str, monkeypatch: pytest.MonkeyPatch, failure: Exception
) -> None:
    def fail(self: Cache, name: str, parts: object) -> None:
        raise failure

    monkeypatch.setattr(Cache, "write", fail)
    notes: list[str] = []
    store = opened(dataset, notes)
    assert answers(store) == reference
    reason = failure.strerror if isinstance(failure, OSError) else str(failure)
    assert notes == [f"cannot write the cache ({reason}); working in memory"]


def test_a_full_disk_under_the_cache_is_one_note_exit_0_and_no_partial_file(tmp_path: Path) -> None:
    """A real write failure: a file-size limit far below the entry's size (EFBIG, as a full disk gives ENOSPC)."""

    def small_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    expected = run("--no-cache", "list").stdout
    cache = tmp_path / "cache"
    result = run("list", env={"XDG_CACHE_HOME": str(cache)}, preexec_fn=small_files)
    assert (result.returncode, result.stdout) == (0, expected)
    assert result.stderr == "cstofacts: cannot write the cache (File too large); working in memory\n"
    assert os.listdir(cache / "cstofacts") == []


# --- damaged entries --------------------------------------------------------------------------


def test_a_damaged_entry_is_noted_once_rebuilt_and_then_trusted(dataset: Path, reference: str) -> None:
    opened(dataset, []).close()
    entry = entry_of(dataset)
    data = bytearray(entry.read_bytes())
    data[len(data) // 2] ^= 0x01  # one bit, in the middle of the claims' pages
    entry.write_bytes(bytes(data))
    notes: list[str] = []
    assert answers(opened(dataset, notes)) == reference
    assert notes == ["the cached copy of the dataset was damaged; compiled it again"]
    later: list[str] = []
    assert answers(opened(dataset, later)) == reference
    assert later == []


@pytest.mark.parametrize("how", ["truncated", "empty", "not sqlite", "other key"])
def test_an_entry_that_is_no_good_database_is_rebuilt(dataset: Path, reference: str, how: str) -> None:
    other = dataset.parent / "other.toml"
    other.write_bytes(MINIMAL.read_bytes())
    opened(other, []).close()
    [another] = entry_of(dataset).parent.glob("*.sqlite3")  # a good entry, for another dataset
    opened(dataset, []).close()
    entry = entry_of(dataset, not_named=another.name)
    data = entry.read_bytes()
    damaged = {
        "truncated": data[: len(data) // 3],
        "empty": b"",
        "not sqlite": b"\x1b]0;owned\x07" * 1000,
        "other key": another.read_bytes(),  # its checksum holds; the key it records does not match
    }[how]
    entry.write_bytes(damaged)
    notes: list[str] = []
    assert answers(opened(dataset, notes)) == reference
    assert notes == ["the cached copy of the dataset was damaged; compiled it again"]


def test_random_damage_never_gives_a_traceback_a_wrong_answer_or_a_stuck_cache(
    dataset: Path, reference: str
) -> None:
    """Random pages of the entry overwritten with random bytes, zeros or another page's bytes."""
    opened(dataset, []).close()
    entry = entry_of(dataset)
    good = entry.read_bytes()
    page = 4096
    pages = len(good) // page
    draw = random.Random(20)
    for _ in range(200 if SLOW else 25):
        damaged = bytearray(good)
        at = draw.randrange(pages) * page
        how = draw.choice(["random", "zeros", "copy", "bytes"])
        if how == "random":
            damaged[at : at + page] = draw.randbytes(page)
        elif how == "zeros":
            damaged[at : at + page] = bytes(page)
        elif how == "copy":
            other = draw.randrange(pages) * page
            damaged[at : at + page] = good[other : other + page]
        else:
            for _ in range(draw.randint(1, 8)):
                damaged[at + draw.randrange(page)] = draw.randrange(256)
        entry.write_bytes(bytes(damaged))
        notes: list[str] = []
        assert answers(opened(dataset, notes)) == reference
        assert notes == (
            [] if damaged == good else ["the cached copy of the dataset was damaged; compiled it again"]
        )
        again: list[str] = []
        assert answers(opened(dataset, again)) == reference
        assert again == []  # rebuilt once, trusted since
        assert entry_of(dataset).read_bytes() == good


def test_an_entry_swapped_after_its_check_is_never_what_answers(
    dataset: Path, reference: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite can only open by name. If the name were made to point at another file between the
    check (on the descriptor) and SQLite's open, here a forged entry with a valid checksum and
    the right key, the file SQLite opened is found not to be the one checked, and is not used."""
    import cstofacts.store as store_module
    from cstofacts.store import _checksum

    opened(dataset, []).close()
    entry = entry_of(dataset)
    forged = bytearray(
        entry.read_bytes().replace(
            b"Tajikistan, Kyrgyzstan and Uzbekistan", b"Somebody else entirely!!!!!!!!!!!!!!!"
        )
    )
    forged[68:72] = _checksum([bytes(forged)])[0].to_bytes(4, "big")
    done: list[bool] = []

    def swap_after_check(fd: int) -> os.stat_result:
        st = os.fstat(fd)
        if not done and stat.S_ISREG(st.st_mode):
            done.append(True)
            entry.rename(entry.with_name("moved"))
            entry.write_bytes(bytes(forged))
            entry.chmod(0o600)
        return st

    root = entry.parent
    monkeypatch.setattr(store_module, "_cache", lambda environ: Cache(root, fstat=swap_after_check))
    notes: list[str] = []
    assert answers(opened(dataset, notes)) == reference
    assert done
    assert notes == ["the cached copy of the dataset was damaged; compiled it again"]


def test_without_serialize_the_image_goes_through_a_private_file(dataset: Path) -> None:
    """Python 3.10's sqlite3 has no Connection.serialize; the image is the same database."""
    from cstofacts.store import _serialize

    store = open_store(str(dataset), use_cache=False)

    class Python310Connection:  # only what 3.10's Connection offers for this
        def backup(self, target: sqlite3.Connection) -> None:
            store.connection.backup(target)

    image = _serialize(Python310Connection())  # type: ignore[arg-type]
    copy = sqlite3.connect(":memory:")
    copy.deserialize(image)
    assert copy.execute("SELECT id FROM claims ORDER BY seq").fetchall() == [(i,) for i in store.ids()]


def test_an_entry_is_read_in_full_only_when_it_may_have_changed(
    dataset: Path, reference: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The checksum costs a read of the whole entry (120 MB at 100,000 claims): once an entry is
    checked, its times say whether anything wrote to it since; only then is it read again."""
    from cstofacts.store.cache import Entry

    reads: list[str] = []
    chunks = Entry.chunks

    def counted(self: Entry, size: int = 1 << 22) -> object:
        reads.append(self.path)
        return chunks(self, size)

    monkeypatch.setattr(Entry, "chunks", counted)
    opened(dataset, []).close()  # compiled and written
    for _ in range(3):
        assert answers(opened(dataset, [])) == reference
    assert len(reads) == 1  # the first hit checks it; the others find it unchanged since
    entry = entry_of(dataset)
    data = bytearray(entry.read_bytes())
    data[-100] ^= 0xFF
    entry.write_bytes(bytes(data))  # a write clears the mark: the next hit reads it all, and sees
    notes: list[str] = []
    assert answers(opened(dataset, notes)) == reference
    assert len(reads) == 2
    assert notes == ["the cached copy of the dataset was damaged; compiled it again"]


def test_where_the_user_cannot_be_known_no_cache_directory_is_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A platform without geteuid (Windows reports every owner as 0): the cache is never taken
    for ours, so nothing is written to it."""
    monkeypatch.delattr(os, "geteuid")
    cache = Cache(tmp_path / "cache" / "cstofacts", fstat=lambda fd: stat_of(os.fstat(fd).st_mode, 0))
    with pytest.raises(Untrusted):
        cache.write("a" * 64 + ".sqlite3", [b"x"])
    assert not list((tmp_path / "cache").rglob("*.sqlite3"))


@pytest.mark.parametrize(("links", "trusted"), [(40, True), (41, False)])
def test_a_chain_of_links_to_the_cache_is_followed_up_to_forty(
    tmp_path: Path, links: int, trusted: bool
) -> None:
    """As the kernel does (MAXSYMLINKS): forty links are followed, the forty-first is a circle."""
    real = tmp_path / "real"
    real.mkdir(mode=0o700)
    for number in range(links, 0, -1):
        target = real if number == links else tmp_path / f"link{number + 1}"
        (tmp_path / f"link{number}").symlink_to(target)
    cache = Cache(tmp_path / "link1" / "cstofacts")
    if trusted:
        cache.write("a" * 64 + ".sqlite3", [b"x"])
        assert (real / "cstofacts" / ("a" * 64 + ".sqlite3")).exists()
    else:
        with pytest.raises(Untrusted, match="circle of links"):
            cache.write("a" * 64 + ".sqlite3", [b"x"])
