"""A corpus found unchanged in the cache is looked up without writing an entry anew: its stat map
is written again only when a file changed, came or went since it was last recorded. (A lookup
does touch the entries it uses: their modification times record when, and that the database's
checksum was checked.)"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Result
from test_corpus_updates import corpus  # noqa: F401  # a fixture

from cstofacts.store import corpusdb, statmap

Cli = Callable[..., Result]
IDS = "drill-0\ndrill-1\ndrill-2\ntalks-0\ntalks-1\ntalks-2\n"


def snapshot(cache_dir: Path) -> dict[str, tuple[int, bytes]]:
    """Every file of the cache: its inode (an entry written anew is a new file) and its bytes."""
    return {
        str(path.relative_to(cache_dir)): (os.stat(path).st_ino, path.read_bytes())
        for path in sorted(cache_dir.rglob("*"))
    }


def test_looking_an_unchanged_corpus_up_again_writes_nothing_to_the_cache(
    cli: Cli,
    corpus: Path,  # noqa: F811
    cache_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(statmap, "RACY_NS", -(10**20))  # the change times are recent: trust them anyway
    data = ("--data", str(corpus))
    first = cli(*data, "list", "-f", "plain", "--fields", "id")
    assert (first.code, first.out, first.err) == (0, IDS, "")
    built = snapshot(cache_dir)
    assert any(name.endswith(".files") for name in built)
    for _ in range(2):
        again = cli(*data, "list", "-f", "plain", "--fields", "id")
        assert (again.code, again.out, again.err) == (0, IDS, "")
        assert snapshot(cache_dir) == built


def test_a_corpus_that_lost_a_file_and_is_found_in_the_cache_records_the_files_it_has(
    cli: Cli,
    corpus: Path,  # noqa: F811
    cache_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cstofacts.store.cache import Cache

    monkeypatch.setattr(statmap, "RACY_NS", -(10**20))  # the change times are recent: trust them anyway
    whole = ("--data", str(corpus))
    pair = ("--data", str(corpus / "0.toml"), "--data", str(corpus / "1.toml"))
    assert cli(*whole, "list", "-f", "plain", "--fields", "id").out == IDS
    # The first two files named one by one: a corpus of the same content as the folder less its last.
    assert cli(*pair, "list", "-f", "plain", "--fields", "id").out == "drill-0\ndrill-1\ntalks-0\ntalks-1\n"
    (corpus / "2.toml").unlink()
    monkeypatch.setattr(corpusdb, "_built", lambda *a: pytest.fail("compiled again"))
    monkeypatch.setattr(corpusdb, "_updated", lambda *a: pytest.fail("compiled again"))
    found = cli(*whole, "list", "-f", "plain", "--fields", "id")
    assert (found.code, found.out, found.err) == (0, "drill-0\ndrill-1\ntalks-0\ntalks-1\n", "")
    recorded = statmap.read(Cache(cache_dir), [str(corpus)])
    assert [r.path for r in recorded] == [str(corpus / "0.toml"), str(corpus / "1.toml")]
