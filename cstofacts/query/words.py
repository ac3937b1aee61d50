"""Typed words into search terms: phrases, declared names matched whole, stop words dropped."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cstofacts import text
from cstofacts.errors import UsageError
from cstofacts.query.filters import Term

if TYPE_CHECKING:
    from cstofacts.records import Vocabulary

_QUOTED = r'"([^"]*)"|“([^”]*)”|«([^»]*)»'


def tag(kind: str, key: str) -> str:
    """The one-word token an entity is indexed under (store.compile.tag says why)."""
    return "x" + kind + "".join(text.words(key))


ENTITIES = {"country": "c", "org": "o", "place": "p", "person": "h"}  # what -> tag prefix


def entity_tags(what: str, key: str) -> tuple[str, ...]:
    """The tags a declared entity is found by: a person also by the claims naming their role."""
    if what == "person":
        return (tag("h", key), tag("r", key))
    return (tag(ENTITIES[what], key),)


@dataclass
class Lexicon:
    """Every declared name, as its words, to what it names: the one vocabulary search and ask read.

    Built from the dataset's vocabulary when it is compiled (lexicon()), and stored in the
    database, so that a question is read without loading the vocabulary's records. A name
    may name several things; the first listed wins where one must (categories come first).
    """

    entries: dict[tuple[str, ...], list[tuple[str, str]]]

    @functools.cached_property
    def longest(self) -> int:
        return max((len(k) for k in self.entries), default=1)

    def tags(self, words: tuple[str, ...]) -> tuple[str, ...]:
        """The index tags of the entities a run of words names (none for a category)."""
        return tuple(t for w, v in self.meanings(words) if w in ENTITIES for t in entity_tags(w, v))

    def first(self, words: tuple[str, ...]) -> tuple[str, str] | None:
        found = self.meanings(words)
        return found[0] if found else None

    def meanings(self, words: tuple[str, ...]) -> list[tuple[str, str]]:
        """What a run of words names: as typed, or, for Russian words, in any case form."""
        found = self.entries.get(words)
        if found is None and any(text.is_cyrillic(w) for w in words):
            found = self.entries.get(stems(words))
        return found or []

    def phrases(self, what: str) -> list[str]:
        """The names of one sort (say person), each as its words joined by spaces."""
        return [" ".join(k) for k, v in self.entries.items() if any(w == what for w, _ in v)]

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


def split_typed(typed: Sequence[str]) -> list[tuple[str, bool]]:
    """Pieces of what was typed: ("two words", True) for a phrase in quotes, else single words.

    An argument of several words (quoted in the shell) is a phrase; so is text in double
    quotes inside an argument, and a hyphenated word such as Search-2023.
    """
    pieces: list[tuple[str, bool]] = []
    for argument in typed:
        if len(text.words(argument)) > 1 and '"' not in argument and " " in argument.strip():
            pieces.append((argument, True))
            continue
        position = 0
        for match in re.finditer(_QUOTED, argument):
            pieces += [(w, False) for w in argument[position : match.start()].split()]
            pieces.append((next(g for g in match.groups() if g is not None), True))
            position = match.end()
        pieces += [(w, False) for w in argument[position:].split()]
    return pieces


def terms(lexicon: Lexicon, typed: Sequence[str], *, phrases: bool = True) -> tuple[Term, ...]:
    """The terms every result must hold. Raises UsageError when no word is left to search for."""
    found: list[Term] = []
    for piece, quoted in split_typed(typed):
        tokens = text.words(piece)
        if not tokens:
            continue
        if (quoted and phrases) or len(tokens) > 1:
            found.append(Term(piece, tuple(tokens), lexicon.tags(tuple(tokens))))
        else:
            found += [Term(piece, (word,)) for word in tokens]
    found = _merge_names(lexicon, found)
    if not found:
        raise UsageError(
            "give at least one word with a letter or digit that is not a stop word (the, of, in …)"
        )
    return tuple(found)


def _merge_names(lexicon: Lexicon, found: list[Term]) -> list[Term]:
    """Runs of single words that spell a declared name become one name term; stop words go."""
    longest = lexicon.longest
    merged: list[Term] = []
    index = 0
    while index < len(found):
        term = found[index]
        if len(term.tokens) != 1 or term.tags:
            merged.append(term)
            index += 1
            continue
        for size in range(min(longest, len(found) - index), 0, -1):
            run = found[index : index + size]
            if any(len(t.tokens) != 1 or t.tags for t in run):
                continue
            key = tuple(t.tokens[0] for t in run)
            tags = lexicon.tags(key)
            if tags:
                typed = " ".join(t.typed for t in run)
                merged.append(Term(typed, key, tags))
                index += size
                break
        else:
            if term.tokens[0] not in text.STOP_WORDS:
                merged.append(term)
            index += 1
    return merged
