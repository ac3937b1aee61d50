"""cstofacts.cli.reading, pinned where mutation testing found the suite silent (docs/testing.md).

The reading ask prints is a command a reader may run: every part of the query must be typed back,
and a part that is the command's default left out.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from helpers import Result, claim_toml, ids, write_dataset

from cstofacts.cli.reading import command_line
from cstofacts.criteria import Prefer, Query, SortKey, Term

WORD = (Term("talks", ("talks",)),)


@pytest.mark.parametrize(
    ("query", "line"),
    [
        (Query(), "cstofacts list"),
        (Query(drafts=True), "cstofacts list --drafts"),
        (Query(sort=SortKey.DATE), "cstofacts list"),  # list's own order
        (Query(sort=SortKey.ID), "cstofacts list --sort id"),
        (Query(sort=SortKey.DATE, reverse=True), "cstofacts list --reverse"),
        (Query(words=WORD, sort=SortKey.DATE), "cstofacts search talks --sort date"),
        (Query(words=WORD, sort=SortKey.DATE, reverse=True), "cstofacts search talks --sort date --reverse"),
        (
            Query(words=WORD, any_words=True, best=True, limit=3),
            "cstofacts search talks --any --best --limit 3",
        ),
        (Query(words=WORD, prefer=Prefer.WHEN), "cstofacts search talks --prefer when"),
        (Query(words=(Term("two words", ("two", "words")),)), "cstofacts search 'two words'"),
    ],
)
def test_a_query_is_typed_back_whole(query: Query, line: str) -> None:
    assert command_line(query) == line


def test_the_drafts_an_answer_holds_are_in_the_reading_that_runs_again(
    cli: Callable[..., Result], tmp_path: object
) -> None:
    from pathlib import Path

    path = write_dataset(
        Path(str(tmp_path)) / "drafts.toml",
        claim_toml("kept", summary="Talks were held in Minsk.", date="2024"),
        claim_toml("drafted", summary="Talks were held again.", date="2024", draft=True),
    )
    asked = cli("--data", path, "ask", "--drafts", "--explain", "--fields", "id", "which talks were held")
    line = next(x for x in asked.err.splitlines() if "read as" in x).split("read as: cstofacts ", 1)[1]
    assert "--drafts" in line.split()
    import shlex

    again = cli("--data", path, *shlex.split(line), "--fields", "id")
    assert sorted(ids(again)) == sorted(ids(asked)) == ["drafted", "kept"]
