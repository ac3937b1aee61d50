"""The dataset engine: read, validate, compile to SQLite once per content, and open for queries.

    bytes ─ sha256 ─┬─ cached database with that key ──────────────────────────┐
                    └─ parse TOML ─ validate ─ compile ─ cache (if it can) ─────┴─ Store

`validate` always takes the long road and never trusts a cache.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from cstofacts import __version__
from cstofacts.errors import DataError
from cstofacts.store.reader import BUNDLED, STDIN, bundled_bytes, decode, parse_toml, read_bytes

# What --data names: one file or directory, or several (repeated --data); see store/corpus.py.
Spec = str | tuple[str, ...]

if TYPE_CHECKING:
    import sqlite3

    from cstofacts.records import Dataset
    from cstofacts.store.cache import Cache, Entry
    from cstofacts.store.engine import Store
    from cstofacts.store.files import Part

__all__ = ["BUNDLED", "SCHEMA_VERSION", "STDIN", "Spec", "database_image", "load", "load_all", "open_store"]

# Bump when the compiled tables or the entry format change (store/compile.py, _entry_parts
# below): a cached database of another version is rebuilt, never migrated.
SCHEMA_VERSION = 15
# The first 12 hex digits of the SHA-256 of data/thesaurus.json followed by data/english.txt.gz,
# which every compiled database holds: a new thesaurus or word list makes new cache keys.
# tests/test_thesaurus.py checks it is current.
THESAURUS = "5a96d0921f38"
# The tables every query needs: an entry without one of them is rebuilt, not trusted.
TABLES = frozenset(
    {"meta", "parts", "claims", "claims_fts", "claim_countries", "claim_organizations", "claim_paragraphs",
     "evidence", "works", "paragraphs", "categories", "attributions", "countries", "organizations", "places",
     "people", "terms", "lexicon", "related", "english", "article_fts"}
)  # fmt: skip


def load(path: str | None) -> tuple[Dataset, str]:
    """Parse and validate a dataset file (or the bundled one) with no cache; and its text."""
    from cstofacts.store.validate import validate

    label, raw = _read(path)
    text = decode(raw, label)
    return validate(parse_toml(text, label), text, label), text


def load_all(spec: Spec | None) -> tuple[Dataset, list[tuple[Dataset, str]]]:
    """Every file --data names, each validated with its text, and the corpus they make together.

    Every file is read, so that every problem of every file is reported at once."""
    from cstofacts.store import corpus

    paths = corpus.files(spec) if spec is not None and spec != STDIN else None
    if spec is None or paths is None:
        dataset, text = load(spec if spec is None or isinstance(spec, str) else spec[0])
        return dataset, [(dataset, text)]
    loaded: list[tuple[Dataset, str]] = []
    problems = []
    for path in paths:
        try:
            loaded.append(load(path))
        except DataError as exc:
            problems += exc.problems
    if problems:
        raise DataError(problems)
    return corpus.merge([d for d, _ in loaded], corpus.label(spec)), loaded


def open_store(
    path: Spec | None,
    *,
    use_cache: bool = True,
    environ: Mapping[str, str] | None = None,
    note: Callable[[str], None] | None = None,
) -> Store:
    """The compiled form of a dataset file (or the bundled one), built on first use of its content.

    Whatever the cache does (untrusted, damaged, full, read-only), the answer is the same: the
    database is then compiled in memory, and `note` hears why once.
    """
    from cstofacts.store import sql
    from cstofacts.store.engine import Store

    cache = _cache(environ if environ is not None else os.environ) if use_cache else None
    say = note or (lambda message: None)
    if path is not None and path != STDIN:
        from cstofacts.store import corpus

        paths = corpus.files(path)
        if paths is not None:
            from cstofacts.store.corpusdb import open_corpus

            roots = (path,) if isinstance(path, str) else path
            return open_corpus(paths, roots, corpus.label(path), cache, say)
        path = path if isinstance(path, str) else path[0]
    raw: bytes | None = None
    if path is None or path == STDIN or cache is None:
        label, raw = _read(path)
        digest = _sha256(raw)
    else:  # a file: its digest is read in chunks, and its bytes only when it must be compiled
        from cstofacts.store.reader import digest_file

        label, digest = path, digest_file(path)
    if cache is not None:
        connection, cache = _cached(cache, _entry(_key(digest)), _key(digest), say)
        if connection is not None:
            return Store(connection, label)
    if raw is None:
        label, raw = _read(path)
        digest = _sha256(raw)  # what is compiled is what was read, even if the file just changed
    key = _key(digest)
    dataset = _dataset(raw, label)
    del raw
    connection = _compile(dataset, key)
    if cache is not None:
        _store(cache, _entry(key), connection, say)
    connection.execute(sql.QUERY_ONLY)
    return Store(connection, label)


def _cached(
    cache: Cache, name: str, key: str, say: Callable[[str], None]
) -> tuple[sqlite3.Connection | None, Cache | None]:
    """The cached database for `name`, and the cache to write to if it must be compiled (None to
    leave it alone). A damaged entry is removed, so the compile that follows replaces it."""
    from cstofacts.store.cache import Untrusted

    try:
        with cache.entry(name) as found:
            if found is None:
                return None, cache
            connection = _open_entry(found, key)
    except Untrusted as exc:
        say(f"not using the cache: {exc}; working in memory")
        return None, None
    except OSError:
        return None, cache  # unreadable: compile, and try to write a good one
    if connection is None:
        say("the cached copy of the dataset was damaged; compiled it again")
        cache.discard(name)
    return connection, cache


def _store(cache: Cache, name: str, connection: sqlite3.Connection, say: Callable[[str], None]) -> None:
    """Write a compiled database to the cache; any failure is one note, and the answer goes on."""
    _store_parts(cache, name, _entry_parts(connection), say)


def _store_parts(cache: Cache, name: str, parts: Iterable[Part], say: Callable[[str], None]) -> None:
    import sqlite3

    from cstofacts.store.cache import Untrusted

    try:
        cache.write(name, parts)
    except Untrusted as exc:
        say(f"not using the cache: {exc}; working in memory")
    except (OSError, sqlite3.Error, MemoryError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        say(f"cannot write the cache ({reason}); working in memory")


# The entry's CRC-32 lives in the SQLite header's application_id field (offset 68, 4 bytes,
# big-endian), computed with that field zeroed: the entry stays a plain SQLite file, and any
# damaged byte anywhere in it is found on open, streamed at about 0.5 ms per MB.
_CHECK_AT = slice(68, 72)


def _checksum(chunks: Iterable[bytes | memoryview]) -> tuple[int, int]:
    """The CRC-32 of an entry's bytes with the checksum field zeroed, and the value stored in it."""
    from zlib import crc32

    crc, stored, first = 0, -1, True
    for chunk in chunks:
        view = memoryview(chunk)
        if first:
            if len(view) < _CHECK_AT.stop:
                return 0, -1  # too short to be a database at all
            stored = int.from_bytes(view[_CHECK_AT], "big")
            crc = crc32(view[_CHECK_AT.stop :], crc32(bytes(4), crc32(view[: _CHECK_AT.start])))
            first = False
        else:
            crc = crc32(view, crc)
    return crc, stored


def _mark(checksum: int) -> int:
    """What Entry.touch records of a checked entry's checksum (1 to 999,983)."""
    return checksum % 999_983 + 1


def _entry_parts(connection: sqlite3.Connection) -> list[bytes | memoryview]:
    """The bytes of a compiled database as a cache entry: its image with the checksum in place."""
    view = memoryview(_serialize(connection))
    crc, _ = _checksum([view])
    return [view[: _CHECK_AT.start], crc.to_bytes(4, "big"), view[_CHECK_AT.stop :]]


def database_image(connection: sqlite3.Connection) -> list[bytes | memoryview]:
    """The file image of a compiled database as a plain SQLite file (for export): without the
    cache's checksum, which means nothing outside the cache."""
    view = memoryview(_serialize(connection))
    return [view[: _CHECK_AT.start], bytes(4), view[_CHECK_AT.stop :]]


def _verified(found: Entry) -> int | None:
    """The mark of an entry whose checksum holds (what Entry.touch records), else None.

    It is read in full only when it may have changed since it was last checked: 120 MB at
    100,000 claims cost a warm lookup a sixth more each time."""
    header = os.pread(found.fd, _CHECK_AT.stop, 0)
    mark = _mark(int.from_bytes(header[_CHECK_AT], "big") if len(header) == _CHECK_AT.stop else -1)
    if found.checked_since_changed(mark):
        return mark
    crc, stored = _checksum(found.chunks())
    return _mark(stored) if crc == stored else None


def _open_entry(found: Entry, key: str) -> sqlite3.Connection | None:
    """A cached database opened read-only, if its checksum holds, SQLite opened the very file
    that was checked, and it records the key asked for; else None."""
    import sqlite3
    from urllib.parse import quote

    from cstofacts.store import sql

    mark = _verified(found)
    if mark is None:
        return None
    # immutable: entries are replaced by rename, never changed in place, so SQLite need not lock.
    # The path is absolute and normalised: "file:/…", never "file://authority/…".
    uri = f"file:{quote(found.path)}?mode=ro&immutable=1"
    try:
        connection = sqlite3.connect(uri, uri=True)
    except sqlite3.Error:
        return None
    try:
        if found.opened_elsewhere():
            connection.execute(sql.QUERY_ONLY)
            row = connection.execute(sql.ENTRY_KEY).fetchone()
            version = connection.execute(sql.USER_VERSION).fetchone()[0]
            tables = {r[0] for r in connection.execute(sql.TABLE_NAMES)}
            if row is not None and row[0] == key and version == SCHEMA_VERSION and tables >= TABLES:
                found.touch(mark)
                return connection
    except (sqlite3.Error, UnicodeDecodeError):
        pass
    connection.close()
    return None


def _compile(dataset: Dataset, key: str) -> sqlite3.Connection:
    import sqlite3

    from cstofacts.store.compile import build

    connection = sqlite3.connect(":memory:")
    build(connection, dataset, key)
    return connection


def _serialize(connection: sqlite3.Connection) -> bytes:
    """A database's file image. Python 3.10 has no Connection.serialize: the image goes through
    a file in a fresh private directory, where no one else can reach it."""
    if hasattr(connection, "serialize"):
        return bytes(connection.serialize())
    import sqlite3
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        copy = sqlite3.connect(os.path.join(folder, "db"))
        try:
            connection.backup(copy)
        finally:
            copy.close()
        with open(os.path.join(folder, "db"), "rb") as file:
            return file.read()


def _key(digest: str) -> str:
    """A compiled database's key: the dataset's content, the tool that compiled it, the tables' version."""
    return f"{digest} {__version__} {SCHEMA_VERSION} {THESAURUS}"


def _entry(key: str) -> str:
    return _sha256(key.encode()) + ".sqlite3"


def _sha256(data: bytes) -> str:
    """SHA-256 in hex. hashlib loads OpenSSL, about 2 ms of a lookup's start-up; the interpreter's
    own implementation is at hand at once and fast enough for a small file, while OpenSSL's is
    about five times faster on a large one."""
    if len(data) < 1 << 20:
        try:
            from _sha2 import sha256  # type: ignore[import-not-found]  # Python 3.12+
        except ImportError:
            try:
                from _sha256 import sha256  # type: ignore[import-not-found]  # Python 3.10-3.11
            except ImportError:
                from hashlib import sha256
    else:
        from hashlib import sha256
    return str(sha256(data).hexdigest())


def _read(path: str | None) -> tuple[str, bytes]:
    if path is None:
        return BUNDLED, bundled_bytes()
    return ("<stdin>" if path == STDIN else path), read_bytes(path)


def _dataset(raw: bytes, label: str) -> Dataset:
    from cstofacts.store.validate import validate

    text = decode(raw, label)
    return validate(parse_toml(text, label), text, label)


def _cache(environ: Mapping[str, str]) -> Cache | None:
    from cstofacts.store.cache import Cache

    return Cache.from_environ(environ)
