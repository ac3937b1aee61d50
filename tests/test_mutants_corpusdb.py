"""cstofacts.store.corpusdb, pinned where mutation testing found the suite silent (docs/testing.md).

A corpus's database is checked once, when it is built: the lookups after it find the entry
unchanged since and do not read it whole again (120 MB at 100,000 claims), as a single file's
entry is after its first hit (test_cache_trust.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Result
from test_corpus_updates import corpus  # noqa: F401  # a fixture

from cstofacts.store.cache import Entry

Cli = Callable[..., Result]
IDS = "drill-0\ndrill-1\ndrill-2\ntalks-0\ntalks-1\ntalks-2\n"


def test_a_corpus_entry_built_here_is_not_read_whole_by_the_lookups_after_it(
    cli: Cli,
    corpus: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reads: list[str] = []
    chunks = Entry.chunks

    def counted(self: Entry, size: int = 1 << 22) -> object:
        if self.path.endswith(".sqlite3"):  # the stat map is an entry too, read whole every time
            reads.append(self.path)
        return chunks(self, size)

    monkeypatch.setattr(Entry, "chunks", counted)
    data = ("--data", str(corpus))
    first = cli(*data, "list", "-f", "plain", "--fields", "id")
    assert (first.code, first.out, first.err) == (0, IDS, "")
    for _ in range(2):
        again = cli(*data, "list", "-f", "plain", "--fields", "id")
        assert (again.code, again.out, again.err) == (0, IDS, "")
    assert reads == []  # the build wrote the checksum and marked the entry checked
