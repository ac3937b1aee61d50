"""Typed words into search terms: phrases, declared names matched whole, stop words dropped."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from cstofacts import text
from cstofacts.criteria import Term
from cstofacts.errors import UsageError
from cstofacts.lexicon import Lexicon

if TYPE_CHECKING:
    pass

_QUOTED = r'"([^"]*)"|“([^”]*)”|«([^»]*)»'


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


def terms(lexicon: Lexicon, typed: Sequence[str]) -> tuple[Term, ...]:
    """The terms every result must hold. Raises UsageError when no word is left to search for."""
    found: list[Term] = []
    for piece, quoted in split_typed(typed):
        tokens = text.words(piece)
        if not tokens:
            continue
        if quoted or len(tokens) > 1:
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
                named = lexicon.category_names(term.tokens)
                merged.append(Term(term.typed, term.tokens, alternatives=named) if named else term)
            index += 1
    return merged
