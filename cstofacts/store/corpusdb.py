"""A corpus's compiled database: found without re-reading unchanged files, built one file at a
time on disk, and brought up to date one changed file at a time.

    stat every file ─ stat map (store/statmap.py) ─ digests ─┬─ cached database ─────────────────────┐
                                                              ├─ last database + the changed files ──┤
                                                              └─ every file, one at a time ──────────┴─ Store

A corpus's database is keyed, as a single file's is, by its content: every file's SHA-256 in
order. Each file is a part with its own block of row numbers (store/compile.py). When files were
changed, added or removed but the corpus declares the same things in the same order, the last
database is copied and only their parts are compiled again (or dropped); anything else (files
reordered, a new name declared, an id clash, a problem in a file) compiles the whole corpus,
which then also reports every problem of every file. Databases are built in a file in a private
temporary directory, so memory is bounded by the largest file, not by the corpus.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from cstofacts.errors import DataError, Problem
from cstofacts.records import Dataset, Source
from cstofacts.store import (
    _CHECK_AT,
    _cached,
    _checksum,
    _dataset,
    _entry,
    _key,
    _sha256,
    _store,
    _store_parts,
    compile,
    corpus,
    sql,
)
from cstofacts.store.reader import digest_file, read_bytes
from cstofacts.store.sql import schema as statements

if TYPE_CHECKING:
    from cstofacts.store.cache import Cache
    from cstofacts.store.engine import Store
    from cstofacts.store.files import Span
    from cstofacts.store.statmap import Recorded

Say = Callable[[str], None]
# A full compile numbers the files' parts GAP apart, so that a file added between two others
# later takes a number between theirs, and claims of the same date keep the files' order.
GAP = 1 << 20
# Ids looked up at once when checking a file's ids against the files before it.
_BATCH = 500


def open_corpus(paths: list[str], roots: Sequence[str], label: str, cache: Cache | None, say: Say) -> Store:
    """The compiled database of the files `roots` (what --data names) hold, `paths`."""
    import time

    from cstofacts.store import statmap
    from cstofacts.store.engine import Store

    stats = [_stat(p) for p in paths]
    recorded = statmap.read(cache, roots) if cache is not None else []
    known = {r.path: r for r in recorded}
    found = [known.get(os.path.abspath(p)) for p in paths]
    digests = [
        r.digest if r is not None and st is not None and r.stat == statmap.fingerprint(st) else None
        for r, st in zip(found, stats, strict=True)
    ]
    try:
        fresh = [digest_file(p) if d is None else d for p, d in zip(paths, digests, strict=True)]
    except DataError:
        cache = None  # a file cannot be read: compiling says so of every file at once
        fresh = []
    key = _corpus_key(fresh)
    if cache is not None:
        connection, cache = _cached(cache, _entry(key), key, say)
        if cache is not None and (None in digests or len(recorded) != len(paths)):
            statmap.write(cache, roots, paths, stats, fresh, time.time_ns())
        if connection is not None:
            return Store(connection, label)
    with _workspace(say) as folder:
        built = None
        if cache is not None and recorded and folder is not None:
            built = _updated(cache, recorded, paths, fresh, folder)
        if built is None:
            built = _built(paths, folder)
        connection, digests_read = built
        key = _corpus_key(digests_read)  # what is compiled is what was read
        connection.execute(statements.SET_KEY, (key,))
        connection.commit()
        if cache is not None and folder is None:
            _store(cache, _entry(key), connection, say)
        elif cache is not None and folder is not None:
            sealed, crc = _sealed(os.path.join(folder, "db"))
            try:
                _store_parts(cache, _entry(key), [sealed], say)
            finally:
                os.close(sealed.fd)
            _mark_checked(cache, _entry(key), sealed.size, crc)
        if cache is not None:
            statmap.write(cache, roots, paths, stats, digests_read, time.time_ns())
            previous = _corpus_key([r.digest for r in recorded])
            if recorded and previous != key:
                cache.discard(_entry(previous))  # superseded: at a million claims, 2 GB
    connection.execute(sql.QUERY_ONLY)
    return Store(connection, label)


def _corpus_key(digests: Sequence[str]) -> str:
    return _key(_sha256("\n".join(digests).encode()))


def _stat(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None  # reading it says what is wrong


@contextlib.contextmanager
def _workspace(say: Say) -> Iterator[str | None]:
    """A private directory (0700, an unpredictable name) to build a database in, checked as the
    cache directory is (TMPDIR may name a directory others can write to); None when no such
    directory can be had, and the database is built in memory. The database stays usable once
    its directory is gone: the open connection keeps the file."""
    from pathlib import Path

    from cstofacts.store.cache import Cache, Untrusted

    try:
        folder = tempfile.mkdtemp(prefix="cstofacts-")
    except OSError as exc:
        say(f"cannot make a temporary directory ({exc.strerror or exc}); compiling in memory")
        yield None
        return
    try:
        if hasattr(os, "geteuid"):
            Cache(Path(folder)).check()
        yield folder
    except Untrusted as exc:
        say(f"not compiling in the temporary directory: {exc}; compiling in memory")
        yield None
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _connect(path: str) -> sqlite3.Connection:
    connection = sqlite3.connect(path)
    # A private file that is thrown away if anything fails: no journal, no syncing.
    for pragma in statements.BUILD_PRAGMAS:
        connection.execute(pragma)
    return connection


def _read(path: str) -> tuple[Dataset, str]:
    raw = read_bytes(path)
    return _dataset(raw, path), _sha256(raw)


def _built(paths: Sequence[str], folder: str | None) -> tuple[sqlite3.Connection, list[str]]:
    """Compile every file into a new database, one file at a time; every problem of every file
    (its own, then ids or names it shares with another) is reported at once."""
    connection = _connect(os.path.join(folder, "db") if folder is not None else ":memory:")
    compile.create(connection)
    problems: list[Problem] = []
    clashes: list[Problem] = []
    declared: list[Dataset] = []
    sources: list[Source] = []
    digests: list[str] = []
    with connection:
        for part, path in enumerate(paths):
            try:
                dataset, digest = _read(path)
            except DataError as exc:
                problems += exc.problems
                continue
            found = _clashes(connection, dataset, paths)
            clashes += found
            digests.append(digest)
            if problems or found:
                continue  # the corpus will not be built: nothing more of it is kept
            compile.add_part(connection, (part + 1) * GAP, dataset, digest)
            declared.append(Dataset(path, (), (), dataset.vocabulary))
            sources += dataset.sources
            del dataset
        vocabulary = corpus.united(declared, clashes)
        if not (problems or clashes):
            compile.finish(connection, "", vocabulary, sources)
    if problems or clashes:
        connection.close()
        raise DataError(problems or clashes)
    return connection, digests


def _clashes(connection: sqlite3.Connection, dataset: Dataset, paths: Sequence[str]) -> list[Problem]:
    """The source and claim ids of a file that a file before it already uses, naming that file."""
    found = []
    lines = corpus.IdLines()
    for what, ids, statement in (
        ("source", [s.id for s in dataset.sources], statements.work_parts),
        ("claim", [c.id for c in dataset.claims], statements.claim_parts),
    ):
        for start in range(0, len(ids), _BATCH):
            batch = ids[start : start + _BATCH]
            owners = dict(connection.execute(statement(len(batch)), batch).fetchall())
            found += [
                corpus.reused(dataset.path, what, ident, paths[owners[ident] // GAP - 1], lines)
                for ident in batch
                if ident in owners
            ]
    return found


def _updated(
    cache: Cache, recorded: Sequence[Recorded], paths: Sequence[str], digests: Sequence[str], folder: str
) -> tuple[sqlite3.Connection, list[str]] | None:
    """The last database of this corpus, copied, with the parts of the files changed, added or
    removed since compiled again; None when that cannot be done, and the whole corpus is
    compiled instead: no such database, files reordered, a file that declares something the
    corpus did not, an id clash, a problem in a file."""
    from cstofacts.store.engine import Store

    path = os.path.join(folder, "db")
    if not _copied(cache, _entry(_corpus_key([r.digest for r in recorded])), path):
        return None
    connection = _connect(path)
    try:
        rows = connection.execute(statements.PART_DIGESTS).fetchall()
        if [digest for _, digest, _ in rows] != [r.digest for r in recorded]:
            raise LookupError("another corpus")
        before = {
            r.path: (part, r.digest, declared) for r, (part, _, declared) in zip(recorded, rows, strict=True)
        }
        now = [os.path.abspath(p) for p in paths]
        still = set(now)
        if [p for p in now if p in before] != [r.path for r in recorded if r.path in still]:
            raise LookupError("files reordered")
        numbers = _numbers([before[p][0] if p in before else None for p in now])
        vocabulary = Store(connection, "").vocabulary
        done = list(digests)
        declared = []
        with connection:
            for gone in set(before) - still:
                compile.remove_part(connection, before[gone][0])
            for index, (absolute, number) in enumerate(zip(now, numbers, strict=True)):
                old = before.get(absolute)
                if old is not None and old[1] == digests[index]:
                    declared.append(old[2])
                    continue
                dataset, done[index] = _read(paths[index])
                declared.append(compile.vocabulary_digest(dataset.vocabulary))
                compile.put_part(connection, number, dataset, done[index], vocabulary)
            # The united vocabulary is the same only if the same declarations come in the same order.
            if list(dict.fromkeys(declared)) != list(dict.fromkeys(d for _, _, d in rows)):
                raise LookupError("a new declaration")
            compile.relate(connection)
        return connection, done
    except (LookupError, DataError, sqlite3.Error):
        connection.close()
        os.unlink(path)
        return None


def _numbers(parts: Sequence[int | None]) -> list[int]:
    """Part numbers for files in order, given those they had (None for a new file): a new file
    takes the middle of the gap between its neighbours. LookupError when no gap is left."""
    numbers: list[int] = []
    for index, part in enumerate(parts):
        if part is not None:
            numbers.append(part)
            continue
        low = numbers[-1] if numbers else 0
        high = next((p for p in parts[index + 1 :] if p is not None), low + 2 * GAP)
        if high - low < 2:
            raise LookupError("no gap left")
        numbers.append((low + high) // 2)
    return numbers


def _copied(cache: Cache, name: str, path: str) -> bool:
    """Copy a trusted cache entry to a private file; its checksum is checked unless it was
    checked since it was last written (cache.Entry.checked_since_changed)."""
    from cstofacts.store import _verified
    from cstofacts.store.cache import Untrusted
    from cstofacts.store.files import Span, copy_span

    try:
        with cache.entry(name) as found:
            if found is None or _verified(found) is None:
                return False
            with open(path, "xb") as out:
                copy_span(Span(found.fd, found.stat.st_size), out.fileno())
            return True
    except (OSError, Untrusted):
        return False


def _sealed(path: str) -> tuple[Span, int]:
    """A built database file as a cache entry: its checksum written into its header, in place."""
    from cstofacts.store.files import Span

    def chunks() -> Iterator[bytes]:
        with open(path, "rb") as handle:
            while chunk := handle.read(1 << 22):
                yield chunk

    crc, _ = _checksum(chunks())
    fd = os.open(path, os.O_RDWR)
    os.pwrite(fd, crc.to_bytes(4, "big"), _CHECK_AT.start)
    return Span(fd, os.fstat(fd).st_size), crc


def _mark_checked(cache: Cache, name: str, size: int, crc: int) -> None:
    """Mark the entry just written as checked, so that the next lookup need not read it all
    to check it: the checksum was made here. The entry must still be the one written (its
    size and checksum), or it is left to be checked."""
    from cstofacts.store import _mark
    from cstofacts.store.cache import Untrusted

    with contextlib.suppress(OSError, Untrusted), cache.entry(name) as found:
        if (
            found is not None
            and found.stat.st_size == size
            and os.pread(found.fd, 4, _CHECK_AT.start) == crc.to_bytes(4, "big")
        ):
            found.touch(_mark(crc))
