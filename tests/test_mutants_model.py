"""cstofacts.model, pinned where mutation testing found the suite silent (docs/testing.md)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from helpers import Result, bundled, ids

# Each kind, as the dataset's claims give it, and the readers' words for it.
KINDS = {
    "assessment": ["assessment", "opinion", "view", "judgement", "judgment", "conclusion", "verdict"],
    "event": ["event"],
    "background": ["background"],
}


@pytest.mark.parametrize(("kind", "word"), [(k, w) for k, words in KINDS.items() for w in words])
def test_every_word_for_a_kind_filters_to_that_kind(cli: Callable[..., Result], kind: str, word: str) -> None:
    expected = sorted(c["id"] for c in bundled()["claims"] if c["kind"] == kind)
    for typed in (word, word.upper(), f"{word}s"):
        result = cli("list", "--kind", typed, "--fields", "id")
        assert (result.code, sorted(ids(result))) == (0, expected), typed


@pytest.mark.parametrize(("word", "kind"), [("assessment", "assessment"), ("opinion", "assessment"),
                                            ("view", "assessment"), ("background", "background")])  # fmt: skip
def test_a_word_for_a_kind_in_a_question_filters_to_that_kind(
    cli: Callable[..., Result], word: str, kind: str
) -> None:
    # (The bundled dataset declares "judgement", "verdict" and "conclusion" as words for its
    # category conclusion, and a declared name is read first.)
    result = cli("ask", "--explain", f"list the {word}s of 2024")
    assert f"--kind {kind}" in next(line for line in result.err.splitlines() if "read as" in line)


def test_events_in_a_question_filters_to_the_kind_event(cli: Callable[..., Result]) -> None:
    result = cli("ask", "--explain", "events in Belarus")
    read_as = next(line for line in result.err.splitlines() if "read as" in line)
    assert read_as == "cstofacts: read as: cstofacts list --country BY --kind event"
