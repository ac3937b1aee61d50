"""The phrases a question puts out with words (query/excluding.py), read from tokens alone."""

from __future__ import annotations

import pytest

from cstofacts import text
from cstofacts.query.excluding import MARKERS, comma_positions, phrases

NAMES = {"kyrgyzstan", "tajikistan", "nato", "csto"}  # countries and organizations, here


def _phrases(question: str) -> list[str]:
    tokens = text.words(question)

    def plain(i: int) -> bool:
        return tokens[i] not in NAMES and tokens[i] not in text.STOP_WORDS

    def verb(i: int) -> bool:
        return tokens[i].endswith("ed") or tokens[i] == "took"

    commas = comma_positions(question, text.words)
    found = phrases(tokens, commas, plain, lambda i: tokens[i] in NAMES, verb)
    return [" ".join(tokens[i] for i in span) for span in found]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Apart from internal unity, which tasks were set?", ["internal unity"]),  # to the comma
        ("which tasks other than internal unity were set", ["internal unity"]),  # to the verb
        ("which tasks besides internal unity", ["internal unity"]),  # to the end
        ("which tasks except for countering nato did it face", ["countering nato"]),  # a name inside
        ("Apart from nato drills, which tasks were set?", ["nato drills"]),  # closed: the name and all
        ("which countries besides kyrgyzstan signed the deal", []),  # a name, then the question's own words
        ("which countries besides kyrgyzstan and tajikistan come up", []),  # a word right after names
        ("which countries besides kyrgyzstan took part", []),  # an irregular past
        ("which organisations other than the alliance signed the roadmap", ["the alliance"]),
        ("which conclusions besides the csto's regional role", ["the csto s regional role"]),  # possessive
        ("which meetings were held apart from the minsk meeting", ["the minsk meeting"]),
        ("which organizations other than the nato", []),  # a name only: put out as a name
        ("which tasks excluding one two three four five six seven", []),  # too long to be a phrase
        # A comma bounds a phrase put before it, so it may be longer (ten words at most).
        (
            "Besides the 15 documents on security and crisis response, which provision was adopted?",
            ["the 15 documents on security and crisis response"],
        ),
        ("Besides one two three four five six seven eight nine ten eleven, which tasks", []),
        ("which tasks were set", []),
        ("other than", []),
    ],
)
def test_the_phrase_after_a_marker_runs_to_a_comma_a_verb_a_question_word_or_the_end(
    question: str, expected: list[str]
) -> None:
    assert _phrases(question) == expected


def test_comma_positions_count_the_tokens_before_each_comma() -> None:
    assert comma_positions("a b, c, d", text.words) == frozenset({2, 3})
    assert comma_positions("no comma", text.words) == frozenset()


@pytest.mark.parametrize("marker", [" ".join(m) for m in MARKERS])
def test_every_marker_puts_out_the_phrase_after_it(marker: str) -> None:
    assert _phrases(f"which tasks {marker} internal unity were set") == ["internal unity"]
    assert _phrases(f"which tasks {marker.split()[-1]}ish internal unity were set") == []
