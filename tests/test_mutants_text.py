"""cstofacts.text, pinned where mutation testing found the suite silent (docs/testing.md).

The two word forms every lookup goes through: the singular of a regular English plural (a word
of three letters or fewer is left as it is: "gas", "bus"; "-ches", "-shes", "-sses" and "-xes"
lose their "es" only after more than two letters: "boxes", "box", but "axes", "axe"), and the stem of a Russian word, taken
again until it stops changing but never cut below three letters ("мая", May's genitive, is not
"ма", which begins a great many words).
"""

from __future__ import annotations

import pytest

from cstofacts import text


@pytest.mark.parametrize(
    ("word", "singular"),
    [
        ("gas", "gas"),
        ("bus", "bus"),
        ("its", "its"),
        ("arms", "arm"),
        ("talks", "talk"),
        ("class", "class"),
        ("drills", "drill"),
        ("countries", "country"),
        ("matches", "match"),
        ("boxes", "box"),
        ("axes", "axe"),  # four letters: only the s goes, as from "arms"
    ],
)
def test_the_singular_of_a_regular_plural(word: str, singular: str) -> None:
    assert text.singular(word) == singular


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("мая", "мая"),
        ("она", "она"),
        ("юга", "юга"),
        ("армии", "арм"),
        ("войны", "войн"),
        ("обоих", "обо"),
        ("Minsk", "Minsk"),  # words of other scripts come back as they are
    ],
)
def test_a_russian_stem_is_never_cut_below_three_letters(word: str, stem: str) -> None:
    assert text.stem_russian(word) == stem
