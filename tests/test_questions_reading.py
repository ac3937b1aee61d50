"""How ask reads a reader's wording, pinned by behaviour rather than by one question of a set."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from helpers import Result

from cstofacts.query.question import _filler

POST = (
    "the article it reports, author's post: the director of the Institute of China and Modern Asia"
    " of the Russian Academy of Sciences (¶1)\n"
)


@pytest.mark.parametrize("verb", ["hold", "holds", "holding", "held"])
def test_a_filler_verb_in_any_form_does_not_keep_a_source_question_from_its_record(
    cli: Callable[..., Result], verb: str
) -> None:
    result = cli("ask", f"what position does the analyst {verb}")
    assert (result.code, result.out) == (0, POST)


@pytest.mark.parametrize("word", ["happens", "happening", "taking", "conducted", "takes"])
def test_regular_forms_of_filler_verbs_are_filler(word: str) -> None:
    assert _filler(word)


@pytest.mark.parametrize("word", ["holder", "maker", "threats", "meeting"])
def test_other_words_made_from_them_are_not(word: str) -> None:
    assert not _filler(word)
