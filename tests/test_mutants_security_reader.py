"""cstofacts.store.reader's file-type checks, pinned where the run of every permission mutant
found the suite silent (docs/testing.md, "Every escape, permission and SQL mutant").

A folder given to --data is read as a corpus of its `*.toml` files; a folder among them whose
own name ends in `.toml` is not a dataset file, and is refused as a folder, not as a device
or FIFO would be.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import MINIMAL, Result


@pytest.mark.parametrize("cached", [True, False])
def test_a_folder_named_like_a_dataset_in_a_corpus_is_refused_as_a_folder(
    cli: Callable[..., Result], tmp_path: Path, cached: bool
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.toml").write_bytes(MINIMAL.read_bytes())
    (corpus / "b.toml").mkdir()
    result = cli(*(() if cached else ("--no-cache",)), "--data", str(corpus), "list")
    assert (result.code, result.out) == (3, "")
    assert result.err == f"cstofacts: --data {corpus / 'b.toml'}: is a directory, not a dataset file\n"
