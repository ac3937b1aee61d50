"""Which files of a corpus are unchanged since their content was hashed: the stat fast path.

As git's index does, each file's device, inode, size, modification and change times (in
nanoseconds) are kept with the SHA-256 of its content, in a small cache entry named by the
corpus's paths. A file whose stat is as recorded is not read again; one whose stat differs is
hashed again, and the SHA-256 stays the truth. A file whose times are too close to the moment
it was hashed could still change within the same tick unseen ("racily clean" in git's words):
its stat is not recorded, so the next run hashes it again.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from cstofacts.store.cache import Cache

# A file changed less than this before it was hashed may change again within a tick unseen.
RACY_NS = 2_000_000_000
Stat = tuple[int, int, int, int, int]


class Recorded(NamedTuple):
    """A file as it was when its content was hashed."""

    path: str  # absolute
    stat: Stat | None  # None: too close to the hashing to be trusted
    digest: str


def fingerprint(st: os.stat_result) -> Stat:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def name(roots: Sequence[str]) -> str:
    """The entry that holds a corpus's stat map: named by what --data names (absolute), so that a
    file added to a directory finds the map, and the database, of the corpus before it."""
    from cstofacts.store import _sha256

    joined = "\0".join(os.path.abspath(p) for p in roots)
    return _sha256(joined.encode("utf-8", "surrogateescape")) + ".files"


def read(cache: Cache, roots: Sequence[str]) -> list[Recorded]:
    """The files of the corpus when last compiled, in order, each with its recorded stat and
    digest; empty when there is no map or it does not hold together (damaged, another format):
    then every file is hashed and the corpus compiled whole."""
    from cstofacts.store.cache import Untrusted

    try:
        raw = cache.read(name(roots))
    except (OSError, Untrusted):
        return []
    return [] if raw is None else parse(raw)


def parse(raw: bytes) -> list[Recorded]:
    """A stat map's content; empty when it does not hold together."""
    try:
        document = json.loads(raw)
        files = document["files"]
        if document["check"] != _check(files):
            return []
        return [Recorded(_path(path), None if st is None else _stat(st), _digest(d)) for path, st, d in files]
    except (ValueError, TypeError, KeyError):
        return []


def write(
    cache: Cache,
    roots: Sequence[str],
    paths: Sequence[str],
    stats: Sequence[os.stat_result | None],
    digests: Sequence[str],
    now: int,
) -> None:
    """Record each file's stat, taken before it was read, with the digest of what was read; a
    stat too close to `now` (time.time_ns()) is left out. Failing to write only costs a hash."""
    from cstofacts.store.cache import Untrusted

    files = [
        [os.path.abspath(path), _settled(st, now), digest]
        for path, st, digest in zip(paths, stats, digests, strict=True)
    ]
    body = json.dumps({"files": files, "check": _check(files)}, ensure_ascii=True).encode("ascii")
    with contextlib.suppress(OSError, Untrusted):
        cache.write(name(roots), [body])


def _settled(st: os.stat_result | None, now: int) -> list[int] | None:
    if st is None or now - max(st.st_mtime_ns, st.st_ctime_ns) < RACY_NS:
        return None
    return list(fingerprint(st))


def _check(files: object) -> str:
    """A digest of the map's content, so that a damaged map is found rather than trusted."""
    from cstofacts.store import _sha256

    return _sha256(json.dumps(files, ensure_ascii=True).encode("ascii"))


def _stat(value: object) -> Stat:
    if not isinstance(value, list) or len(value) != 5 or not all(type(v) is int for v in value):
        raise ValueError("not a stat")
    return (value[0], value[1], value[2], value[3], value[4])


def _path(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError("not a path")
    return value


def _digest(value: object) -> str:
    if not isinstance(value, str) or len(value) != 64 or value.strip("0123456789abcdef"):
        raise ValueError("not a digest")
    return value
