"""cstofacts.query.question and cstofacts.answer, pinned where mutation testing found the suite
silent (docs/testing.md).

A question naming a paragraph is answered from that paragraph, at both ends of the article:
¶1 and ¶20, its last; ¶21 is one the article does not have, and is said to be missing.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from helpers import Result, bundled


def citing(number: int) -> list[str]:
    return [c["id"] for c in bundled()["claims"] if number in c["paragraphs"]]


@pytest.mark.parametrize("number", [1, 20])
def test_a_question_about_a_paragraph_is_answered_from_it(cli: Callable[..., Result], number: int) -> None:
    result = cli("ask", f"what does paragraph {number} say", "--fields", "id,paragraphs")
    assert (result.code, result.err) == (0, "")
    assert result.out == "".join(f"{claim}\t{number}\n" for claim in citing(number))
    assert citing(number)


def test_the_last_paragraph_is_the_articles_own(cli: Callable[..., Result]) -> None:
    result = cli("ask", "what does ¶20 say?", "--format", "json", "--fields", "id,paragraphs")
    assert (result.code, result.err) == (0, "")
    assert result.out == '[\n{"id": "foundation-for-adaptation", "paragraphs": [20]}\n]\n'


@pytest.mark.parametrize("number", [21, 100])
def test_a_paragraph_past_the_last_is_said_to_be_missing(cli: Callable[..., Result], number: int) -> None:
    result = cli("ask", f"what does paragraph {number} say")
    assert (result.code, result.out) == (1, "")
    assert result.err == (
        f"cstofacts: the article has no ¶{number} (its paragraphs are ¶1 to ¶20, and the headline)\n"
    )
