"""cstofacts.store.engine, pinned where mutation testing found the suite silent (docs/testing.md).

Store.source gives the source of the id asked for, also once every source has been read.
"""

from __future__ import annotations

from pathlib import Path

from helpers import claim_toml
from test_corpus import article

from cstofacts.store import open_store


def test_a_source_is_found_by_its_id_once_all_are_at_hand(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(article("one", "First", claim_toml("talks-1")), encoding="utf-8")
    (tmp_path / "b.toml").write_text(article("two", "Second", claim_toml("talks-2")), encoding="utf-8")
    store = open_store(str(tmp_path), use_cache=False)
    try:
        assert store.source("two").headline == "Second"  # read by its id alone
        assert [s.id for s in store.sources] == ["one", "two"]
        assert store.source("two").headline == "Second"  # from the sources at hand
        assert store.source("one").headline == "First"
    finally:
        store.close()
