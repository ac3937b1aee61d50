"""cstofacts.cli.commands.read, pinned where mutation testing found the suite silent (docs/testing.md).

The source's id may come first, before the paragraph numbers; in a corpus it must.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from helpers import Result, claim_toml, dataset_text, write_dataset


def test_a_source_named_first_reads_its_paragraphs(cli: Callable[..., Result]) -> None:
    result = cli("read", "csto-adapts-to-global-changes", "1", "--format", "json")
    assert (result.code, result.err) == (0, "")
    assert result.out.startswith('[\n{"paragraph": 1, "text": "')
    assert result.out.count('"paragraph"') == 1


def test_an_unknown_source_named_first_is_refused(cli: Callable[..., Result]) -> None:
    result = cli("read", "no-such-source", "1")
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith("cstofacts: error: SOURCE: ")


def test_in_a_corpus_read_asks_which_source(cli: Callable[..., Result], tmp_path: Path) -> None:
    first = write_dataset(tmp_path / "doc.toml", claim_toml("first"))
    other = tmp_path / "other.toml"
    other.write_text(dataset_text(claim_toml("second", source="other")).replace('id = "doc"', 'id = "other"'))
    result = cli("--data", first, "--data", str(other), "read")
    assert (result.code, result.out) == (2, "")
    assert result.err == "cstofacts: error: SOURCE: the corpus has 2 sources; name one first: doc, other\n"


def test_a_source_without_its_text_says_so(cli: Callable[..., Result], tmp_path: Path) -> None:
    path = write_dataset(tmp_path / "doc.toml", claim_toml("first"))
    result = cli("--data", path, "read")
    assert (result.code, result.out) == (1, "")
    assert result.err == "cstofacts: the dataset does not carry the text of 'A test document'\n"
