"""cstofacts.cli.commands.ask, pinned where mutation testing found the suite silent (docs/testing.md).

What ask says on stderr about each word of its reading (--explain) cuts a long word to forty
characters; a question is 1 to 500 characters of text, and one that is not text is refused in
words that name the question. A question about the works themselves (who wrote the article)
is answered from their records with exit 0, in every format, and --explain says so.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Result, claim_toml, write_dataset


def test_a_long_explained_word_is_cut_to_forty_characters(cli: Callable[..., Result]) -> None:
    word = "q" * 60
    result = cli("ask", "--explain", f"when was the {word} exercise")
    assert f"cstofacts: '{'q' * 39}…': nothing in the article\n" in result.err, result.err


@pytest.mark.parametrize("question", ["", " ", "a" * 501])
def test_a_question_is_one_to_five_hundred_characters(cli: Callable[..., Result], question: str) -> None:
    result = cli("ask", question)
    assert (result.code, result.out) == (2, "")
    assert "ask a question of 1 to 500 characters" in result.err


def test_a_question_of_five_hundred_characters_is_read(cli: Callable[..., Result]) -> None:
    question = "which exercises were held in 2023 " + "x" * 466
    assert len(question) == 500
    assert cli("ask", question).code in (0, 1)


def test_a_question_that_is_not_text_is_refused_in_its_own_words(cli: Callable[..., Result]) -> None:
    result = cli("ask", "when was the \udcff exercise")
    assert (result.code, result.out) == (2, "")
    assert (
        "the question holds bytes that are not text in this locale's encoding; use a UTF-8 locale (LANG=C.UTF-8)"
        in result.err
    )


# A question about the works themselves is answered from their records, as `cstofacts source`
# shows them: the report's author and the author of the article it reports.
AUTHORS = [
    {
        "work": "csto-adapts-to-global-changes",
        "role": "report",
        "field": "author",
        "value": "Арестова Татьяна (romanised: Arestova Tatyana; the page prints only the former)",
        "stated_in": "header",
    },
    {
        "work": "babaev-allies-csto-2023-2025",
        "role": "reported",
        "field": "author",
        "value": "Kirill Babaev",
        "stated_in": "¶1",
    },
]


def test_a_question_about_the_works_says_where_its_answer_comes_from(cli: Callable[..., Result]) -> None:
    explained = cli("ask", "--explain", "who wrote the article")
    assert (explained.code, explained.err) == (
        0,
        "cstofacts: answered from the works' own records, as: cstofacts source\n",
    )
    assert explained.out == (
        "the report, author: Арестова Татьяна (romanised: Arestova Tatyana; the page prints only"
        " the former) (header)\nthe article it reports, author: Kirill Babaev (¶1)\n"
    )
    quiet = cli("ask", "who wrote the article")  # stderr is no terminal: no note without --explain
    assert (quiet.code, quiet.err, quiet.out) == (0, "", explained.out)


def test_a_question_about_the_works_as_json_is_answered_with_exit_0(cli: Callable[..., Result]) -> None:
    result = cli("ask", "--format", "json", "who wrote the article")
    assert (result.code, result.err) == (0, "")
    assert json.loads(result.out) == AUTHORS


def test_a_month_asked_finds_a_span_that_ends_in_it_from_the_month_s_first_day(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    # No claim is dated inside March 2025; the talks ran from February to March 10, so they overlap
    # it: read as from the month's first day to its last (--since, --until), never from its last.
    data = write_dataset(
        tmp_path / "span.toml",
        claim_toml(
            "talks", summary="Talks ran from February into March.", date="2025-02-20", end_date="2025-03-10"
        ),
        claim_toml("later", summary="A later meeting.", date="2025-06-01"),
    )
    result = cli("--data", data, "ask", "--explain", "--fields", "id", "what happened in March 2025")
    assert (result.code, result.out) == (0, "talks\n")
    assert "cstofacts: read as: cstofacts list --since 2025-03-01 --until 2025-03-31\n" in result.err
