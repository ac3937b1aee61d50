"""cstofacts.cli.errors, pinned where the run of every escape mutant found the suite silent
(docs/testing.md, "Every escape, permission and SQL mutant").

Every error line is made one line of at most 400 characters where it is written, whatever it
holds: a dataset problem naming a path with a tab (`\\t`, as in every path cstofacts shows), a
missing text named by a long headline, a usage error listing a corpus's many sources; and
Click's own sentences, which quote what was typed, at 200.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import HEAD, Result, claim_toml


def test_a_dataset_problem_shows_a_tab_in_its_path_as_backslash_t(
    cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("--data", "a\tb.toml", "list")
    assert (result.code, result.out) == (3, "")
    assert result.err == "cstofacts: --data a\\tb.toml: no such file\n"


def test_a_missing_text_named_by_a_long_headline_is_cut_to_four_hundred_characters(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    headline = "A very long headline " * 25
    path = tmp_path / "long.toml"
    path.write_text(HEAD.replace('"A test document"', f'"{headline}"') + claim_toml("talks"), "utf-8")
    result = cli("--data", str(path), "read")
    assert (result.code, result.out) == (1, "")
    message = f"the dataset does not carry the text of {headline!r}"
    assert len(message) > 400
    assert result.err == f"cstofacts: {message[:399]}…\n"


def test_a_usage_error_listing_many_sources_is_cut_to_four_hundred_characters(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    ids = [f"source-number-{i:02d}" for i in range(30)]
    for i, source in enumerate(ids):
        head = HEAD.replace('id = "doc"', f'id = "{source}"').replace("paragraphs = 5", 'body = ["One."]')
        (corpus / f"s{i:02d}.toml").write_text(head + claim_toml(f"claim-{i}", source=source), "utf-8")
    result = cli("--data", str(corpus), "read")
    assert (result.code, result.out) == (2, "")
    message = f"SOURCE: the corpus has 30 sources; name one first: {', '.join(ids)}"
    assert result.err == f"cstofacts: error: {message[:399]}…\n"


def test_clicks_own_sentence_is_cut_to_two_hundred_characters(cli: Callable[..., Result]) -> None:
    extra = "x" * 300
    result = cli("help", "list", extra)
    assert (result.code, result.out) == (2, "")
    sentence = f"Got unexpected extra argument(s) ({extra})"
    assert result.err == f"cstofacts: error: {sentence[:199]}…; see cstofacts help --help\n"


def test_a_long_stray_word_is_cut_to_forty_characters(cli: Callable[..., Result]) -> None:
    word = "q" * 60
    result = cli("list", word)
    assert (result.code, result.out) == (2, "")
    shown = word[:39] + "…"
    assert result.err == (
        f"cstofacts: error: list takes no words ({shown}); to find claims by words: cstofacts search {shown}\n"
    )
