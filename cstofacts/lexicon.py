"""The index's words for declared entities: each entity's tag, and the lexicon of every declared
name as its words, built when a dataset is compiled and read by search and ask."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING

from cstofacts import text

if TYPE_CHECKING:
    from cstofacts.records import Vocabulary


@functools.lru_cache(maxsize=4096)  # compiling a million claims asks for the same few tags
def tag(kind: str, key: str) -> str:
    """The one-word token an entity is indexed under (`xckg` for Kyrgyzstan): a name of several
    words then matches only whole, and never through its ordinary words alone."""
    return "x" + kind + "".join(text.words(key))


ENTITIES = {"country": "c", "org": "o", "place": "p", "person": "h"}  # what -> tag prefix


def entity_tags(what: str, key: str) -> tuple[str, ...]:
    """The tags a declared entity is found by: a person also by the claims naming their role."""
    if what == "person":
        return (tag("h", key), tag("r", key))
    return (tag(ENTITIES[what], key),)


class Lexicon:
    """Every declared name, as its words, to what it names: the one vocabulary search and ask read.

    Built from the dataset's vocabulary when it is compiled (lexicon()), and stored in the
    database, so that a question is read without loading the vocabulary's records. A name
    may name several things; the first listed wins where one must (categories come first).
    """

    def __init__(self, entries: dict[tuple[str, ...], list[tuple[str, str]]]) -> None:
        self.entries = entries  # a plain class: a dataclass costs start-up time (docs/performance.md)

    @functools.cached_property
    def longest(self) -> int:
        return max((len(k) for k in self.entries), default=1)

    def tags(self, words: tuple[str, ...]) -> tuple[str, ...]:
        """The index tags of the entities a run of words names (none for a category)."""
        return tuple(t for w, v in self.meanings(words) if w in ENTITIES for t in entity_tags(w, v))

    def category_names(self, words: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
        """The names of the categories a run of words is declared for, as words, to be found by
        too: "ties" (a word for cooperation) finds the claims that say cooperation, whatever
        their category; a Russian case form ("орденом"), which the index's English stemmer
        cannot reach, finds its category's name. A category's own name is no other word."""
        names = tuple(tuple(text.words(v)) for w, v in self.meanings(words) if w == "category")
        return tuple(n for n in names if n != words)

    def first(self, words: tuple[str, ...]) -> tuple[str, str] | None:
        found = self.meanings(words)
        return found[0] if found else None

    def meanings(self, words: tuple[str, ...]) -> list[tuple[str, str]]:
        """What a run of words names: as typed, or, for Russian words, in any case form."""
        found = self.entries.get(words)
        if found is None and any(text.is_cyrillic(w) for w in words):
            found = self.entries.get(stems(words))
        return found or []

    def values(self, what: str) -> list[str]:
        """The declared names of one sort (say country), each once, sorted: keys, not spellings."""
        return sorted(
            {value for meanings in self.entries.values() for sort, value in meanings if sort == what}
        )

    def rows(self) -> list[tuple[str, str, str]]:
        return [(" ".join(k), what, value) for k, v in self.entries.items() for what, value in v]

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str, str]]) -> Lexicon:
        entries: dict[tuple[str, ...], list[tuple[str, str]]] = {}
        for phrase, what, value in rows:
            entries.setdefault(tuple(phrase.split(" ")), []).append((what, value))
        return cls(entries)


def lexicon(vocabulary: Vocabulary) -> Lexicon:
    """The lexicon of a dataset's declared names (pure: vocabulary in, lexicon out)."""
    entries: dict[tuple[str, ...], list[tuple[str, str]]] = {}

    def add(spellings: Iterable[str], what: str, value: str) -> None:
        for spelling in spellings:
            key = tuple(text.words(spelling))
            if not key or all(w in text.STOP_WORDS for w in key):
                continue  # a name of stop words only would swallow ordinary questions
            # A Russian name is also found in any of its case forms, through its stems.
            for form in {key, stems(key)}:
                if (what, value) not in entries.setdefault(form, []):
                    entries[form].append((what, value))

    for name, category in vocabulary.categories.items():
        add((name, *category.synonyms), "category", name)
    for code, country in vocabulary.countries.items():
        add(country.spellings, "country", code)
    for short, org in vocabulary.organizations.items():
        add(org.spellings, "org", short)
    for name, place in vocabulary.places.items():
        add(place.spellings, "place", name)
    for slug, person in vocabulary.people.items():
        # A surname alone names the person too: "Tasmagambetov" is "I.N. Tasmagambetov"; so does
        # a role the article gives them ("Secretary General"), though never its last word alone.
        add((*person.spellings, *(s.split()[-1] for s in person.spellings), *person.roles), "person", slug)
    for name in vocabulary.attributions:
        add((name,), "attribution", name)
    return Lexicon(entries)


def stems(words: tuple[str, ...]) -> tuple[str, ...]:
    """A run of words with each Russian word cut to its stem (text.stem_russian); others kept."""
    if not any(text.is_cyrillic(w) for w in words):
        return words
    return tuple(text.stem_russian(w) for w in words)
