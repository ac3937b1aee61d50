"""The dataset engine: read, validate, compile to SQLite once per content, and open for queries.

    bytes ─ sha256 ─┬─ cached database with that key ──────────────────────────┐
                    └─ parse TOML ─ validate ─ compile ─ cache (if it can) ─────┴─ Store

`validate` always takes the long road and never trusts a cache.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING

from cstofacts import __version__
from cstofacts.store.reader import BUNDLED, STDIN, bundled_bytes, decode, parse_toml, read_bytes

if TYPE_CHECKING:
    import sqlite3

    from cstofacts.records import Dataset
    from cstofacts.store.cache import Cache
    from cstofacts.store.engine import Store

__all__ = ["BUNDLED", "SCHEMA_VERSION", "STDIN", "load", "open_store"]

# Bump when the compiled tables change (store/compile.py): a cached database of another
# version is rebuilt, never migrated.
SCHEMA_VERSION = 10
# The first 12 hex digits of the SHA-256 of data/thesaurus.json, which every compiled database
# holds: a new thesaurus makes new cache keys. tests/test_thesaurus.py checks it is current.
THESAURUS = "39052a78309f"
# The tables every query needs: an entry without one of them is rebuilt, not trusted.
TABLES = frozenset(
    {"meta", "claims", "claims_fts", "claim_countries", "claim_organizations", "claim_paragraphs", "evidence",
     "works", "paragraphs", "categories", "attributions", "countries", "organizations", "places", "people",
     "terms", "lexicon", "related", "english", "article_fts"}
)  # fmt: skip


def load(path: str | None) -> tuple[Dataset, str]:
    """Parse and validate a dataset file (or the bundled one) with no cache; and its text."""
    from cstofacts.store.validate import validate

    label, raw = _read(path)
    text = decode(raw, label)
    return validate(parse_toml(text, label), text, label), text


def open_store(
    path: str | None, *, use_cache: bool = True, environ: Mapping[str, str] | None = None
) -> Store:
    """The compiled form of a dataset file (or the bundled one), built on first use of its content."""
    import sqlite3

    from cstofacts.store.engine import Store

    cache = _cache(environ if environ is not None else os.environ) if use_cache else None
    raw: bytes | None = None
    if path is None or path == STDIN or cache is None:
        label, raw = _read(path)
        digest = _sha256(raw)
    else:  # a file: its digest is read in chunks, and its bytes only when it must be compiled
        from cstofacts.store.reader import digest_file

        label, digest = path, digest_file(path)
    if cache is not None:
        found = cache.find(_entry(_key(digest)))
        connection = _open(found, _key(digest)) if found is not None else None
        if connection is not None:
            return Store(connection, label)
    if raw is None:
        label, raw = _read(path)
        digest = _sha256(raw)  # what is compiled is what was read, even if the file just changed
    key = _key(digest)
    name = _entry(key)
    dataset = _dataset(raw, label)
    del raw
    if cache is not None:
        stored = cache.put(name, lambda tmp: _compile_file(tmp, dataset, key))
        connection = _open(stored, key) if stored is not None else None
        if connection is not None:
            return Store(connection, label)
    # No usable cache: the same database, in memory, and the same answer.
    from cstofacts.store.compile import build

    connection = sqlite3.connect(":memory:")
    build(connection, dataset, key)
    connection.execute("PRAGMA query_only = 1")
    return Store(connection, label)


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


def _compile_file(path: object, dataset: Dataset, key: str) -> None:
    import sqlite3

    from cstofacts.store.compile import build

    connection = sqlite3.connect(str(path))
    try:
        connection.execute("PRAGMA journal_mode = OFF")  # a fresh private file: nothing to roll back to
        build(connection, dataset, key)
    finally:
        connection.close()


def _open(path: object, key: str) -> sqlite3.Connection | None:
    """A cached database opened read-only, if it is intact and records the key asked for."""
    import sqlite3
    from urllib.parse import quote

    try:
        connection = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        row = connection.execute("SELECT value FROM meta WHERE key = 'key'").fetchone()
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if row is not None and row[0] == key and version == SCHEMA_VERSION and tables >= TABLES:
            return connection
    except sqlite3.Error:
        pass
    connection.close()
    return None
