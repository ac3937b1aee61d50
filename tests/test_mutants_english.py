"""cstofacts.english, pinned where mutation testing found the suite silent (docs/testing.md).

How ask tells a word that names a thing from a verb, adjective or vague word, by WordNet's
forms: the plain forms a word may inflect, and which sort wins. Held on the module itself
with a word list given as a dict, and through the bundled database's own list.
"""

from __future__ import annotations

import pytest

from cstofacts.english import bases, sort_of
from cstofacts.store import open_store


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("talked", ["talked", "talk", "talke"]),
        ("signing", ["signing", "sign", "signe"]),
        ("closer", ["closer", "clos", "close"]),
        ("finest", ["finest", "fin", "fine"]),
        ("cities", ["cities", "city", "citi", "citie"]),
        ("boxes", ["boxes", "box", "boxe"]),
        ("used", ["used"]),  # "us" and "use" would leave two letters of the word: too short to strip
        ("bring", ["bring"]),
        ("gas", ["gas"]),
        ("says", ["says", "say"]),
    ],
)
def test_the_plain_forms_a_word_may_inflect(word: str, forms: list[str]) -> None:
    assert bases(word) == forms


@pytest.mark.parametrize(
    ("word", "lemmas", "sort"),
    [
        ("talked", {"talk": "g", "talked": "n"}, "g"),  # formed from a verb: a verb, whatever else
        ("signing", {"sign": "g"}, "g"),
        ("closer", {"close": "g", "closer": "n"}, "g"),
        ("headquarters", {"headquarters": "n", "headquarter": "g"}, "n"),  # as listed itself
        ("boxer", {"box": "n", "boxer": "n"}, "n"),  # formed like a verb, from no verb
        ("teamed", {"team": "n"}, "g"),  # a verb's ending on a word listed only as its plain form
        ("inking", {"inke": "n"}, "g"),
        ("boxer", {"box": "n"}, None),  # -er makes nouns of verbs too: not a verb's form for it
        ("meetings", {"meeting": "n"}, "n"),
        ("runs", {"run": "g"}, "g"),
        ("boxes", {"box": "n", "boxe": "g"}, "g"),  # any plain form a verb: a verb
        ("zyxxy", {}, None),
    ],
)
def test_which_sort_a_word_is(word: str, lemmas: dict[str, str], sort: str | None) -> None:
    asked: list[list[str]] = []

    def lookup(words: list[str]) -> dict[str, str]:
        asked.append(words)
        return {w: lemmas[w] for w in words if w in lemmas}

    assert sort_of(word, lookup) == sort
    assert asked == [bases(word)]


def test_the_bundled_word_list_sorts_words_so() -> None:
    store = open_store(None, use_cache=False)
    try:
        assert [store.sort_of(w) for w in ("tanks", "signed", "quickly", "Tasmagambetov")] == [
            "n",
            "g",
            "g",
            None,
        ]
    finally:
        store.close()
