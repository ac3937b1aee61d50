"""cstofacts.store.statmap, pinned where mutation testing found the suite silent (docs/testing.md).

Each corpus keeps its own record of its files' stats, so that an unchanged file is not read
again: two corpora never share one, even when the paths --data names run together into a
third corpus's path.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Result, claim_toml
from test_corpus import article

from cstofacts.store import corpusdb, statmap

Cli = Callable[..., Result]
PAST = 1_600_000_000_000_000_000  # long enough ago not to be racy


def write(folder: Path, number: int) -> None:
    folder.mkdir(parents=True)
    path = folder / f"{number}.toml"
    path.write_text(
        article(f"article-{number}", f"Article {number}", claim_toml(f"talks-{number}", date="2024")),
        encoding="utf-8",
    )
    os.utime(path, ns=(PAST, PAST))


def test_corpora_whose_paths_run_together_keep_their_own_stat_maps(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    # The path of the first folder followed by that of the second, as one folder.
    joined = Path(str(first) + str(second))
    for number, folder in enumerate((first, second, joined)):
        write(folder, number)
    monkeypatch.setattr(statmap, "RACY_NS", -(10**20))  # the change times are recent: trust them anyway
    pair = ("--data", str(first), "--data", str(second))
    one = ("--data", str(joined))
    assert cli(*pair, "list", "-f", "plain", "--fields", "id").out == "talks-0\ntalks-1\n"
    assert cli(*one, "list", "-f", "plain", "--fields", "id").out == "talks-2\n"
    hashed: list[str] = []
    real = corpusdb.digest_file
    monkeypatch.setattr(corpusdb, "digest_file", lambda path: hashed.append(path) or real(path))
    for data, ids in ((pair, "talks-0\ntalks-1\n"), (one, "talks-2\n"), (pair, "talks-0\ntalks-1\n")):
        result = cli(*data, "list", "-f", "plain", "--fields", "id")
        assert (result.code, result.out, result.err) == (0, ids, "")
    assert hashed == []  # every file is as its own corpus recorded it


def test_a_map_whose_digest_is_no_sha256_is_not_trusted(tmp_path: Path) -> None:
    from cstofacts.store.cache import Cache

    cache = Cache(tmp_path / "cache")
    data = tmp_path / "claims.toml"
    data.write_text("schema = 3\n", encoding="utf-8")
    os.utime(data, ns=(PAST, PAST))
    st = os.stat(data)
    roots = [str(data)]
    later = st.st_ctime_ns + 10**10  # ten seconds after its last change: its stat is recorded
    statmap.write(cache, roots, [str(data)], [st], ["ab" * 32], later)
    own = (st.st_dev, st.st_ino, st.st_size, PAST, st.st_ctime_ns)
    assert statmap.read(cache, roots) == [statmap.Recorded(str(data), own, "ab" * 32)]
    for digest in ("abc", "AB" * 32, "xy" * 32):  # too short; not lower-case hex
        statmap.write(cache, roots, [str(data)], [st], [digest], later)
        assert statmap.read(cache, roots) == [], digest
