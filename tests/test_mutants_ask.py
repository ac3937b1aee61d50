"""cstofacts.cli.commands.ask, pinned where mutation testing found the suite silent (docs/testing.md).

What ask says on stderr about each word of its reading (--explain) cuts a long word to forty
characters; a question is 1 to 500 characters of text, and one that is not text is refused in
words that name the question.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from helpers import Result


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
