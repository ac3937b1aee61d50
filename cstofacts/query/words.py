"""Typed words into search terms: phrases, declared names matched whole, stop words dropped."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
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


@functools.lru_cache(maxsize=4)
def _names(vocabulary: Vocabulary) -> tuple[dict[tuple[str, ...], tuple[str, ...]], int]:
    """Every declared spelling of a name, as words, to the tags it stands for."""
    names: dict[tuple[str, ...], list[str]] = {}

    def add(spellings: Sequence[str], entity: str) -> None:
        for spelling in spellings:
            key = tuple(text.words(spelling))
            if key and entity not in names.setdefault(key, []):
                names[key].append(entity)

    for code, country in vocabulary.countries.items():
        add(country.spellings, tag("c", code))
    for short, org in vocabulary.organizations.items():
        add(org.spellings, tag("o", short))
    for name, place in vocabulary.places.items():
        add(place.spellings, tag("p", name))
    for slug, person in vocabulary.people.items():
        # A surname alone names the person too: "Tasmagambetov" is "I.N. Tasmagambetov".
        add((*person.spellings, *(s.split()[-1] for s in person.spellings)), tag("h", slug))
    longest = max((len(k) for k in names), default=1)
    return {k: tuple(v) for k, v in names.items()}, longest


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


def terms(vocabulary: Vocabulary, typed: Sequence[str], *, phrases: bool = True) -> tuple[Term, ...]:
    """The terms every result must hold. Raises UsageError when no word is left to search for."""
    found: list[Term] = []
    for piece, quoted in split_typed(typed):
        tokens = text.words(piece)
        if not tokens:
            continue
        if (quoted and phrases) or len(tokens) > 1:
            names, _ = _names(vocabulary)
            found.append(Term(piece, tuple(tokens), names.get(tuple(tokens), ())))
        else:
            found += loose(vocabulary, piece)
    found = _merge_names(vocabulary, found)
    if not found:
        raise UsageError(
            "give at least one word with a letter or digit that is not a stop word (the, of, in …)"
        )
    return tuple(found)


def loose(vocabulary: Vocabulary, piece: str) -> list[Term]:
    """Terms of unquoted words: each word on its own, declared names whole, stop words dropped."""
    return [Term(piece, (word,)) for word in text.words(piece)]


def _merge_names(vocabulary: Vocabulary, found: list[Term]) -> list[Term]:
    """Runs of single words that spell a declared name become one name term; stop words go."""
    names, longest = _names(vocabulary)
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
            if key in names:
                typed = " ".join(t.typed for t in run)
                merged.append(Term(typed, key, names[key]))
                index += size
                break
        else:
            if term.tokens[0] not in text.STOP_WORDS:
                merged.append(term)
            index += 1
    return merged
