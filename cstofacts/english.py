"""What sort of English word a word is, from WordNet's word list (data/english.txt.gz, compiled
into every database's `english` table): a thing, or a verb, adjective, adverb or vague word. (A
`g` followed by `o` is a noun too: Store.may_be_noun; by `i`, an adjective that grades how much
something matters: Store.grades.)"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

# Endings only verbs and adjectives take (WordNet's morphy rules): a word so formed from a
# verb or an adjective is one, whatever else it may be ("closer" is also a noun).
_VERB_OR_ADJECTIVE = (
    ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("er", ""), ("er", "e"), ("est", ""), ("est", "e"),
)  # fmt: skip
_PLURAL = (("ies", "y"), ("es", ""), ("s", ""))


def _strip(word: str, rules: tuple[tuple[str, str], ...]) -> list[str]:
    return [
        word[: len(word) - len(suffix)] + ending
        for suffix, ending in rules
        if word.endswith(suffix) and len(word) - len(suffix) >= 3
    ]


def bases(word: str) -> list[str]:
    """The word and the plain forms it may be an inflection of."""
    return [word, *_strip(word, _PLURAL), *_strip(word, _VERB_OR_ADJECTIVE)]


def verb_forms(word: str) -> list[str]:
    """The word and the plain forms it may be, as a verb's or a plural's ending undone ("holds",
    "holding", "happened"); not -er or -est, which make other words of a verb ("holder")."""
    return [word, *_strip(word, _PLURAL), *_strip(word, _VERB_OR_ADJECTIVE[:4])]


def sort_of(word: str, lookup: Callable[[list[str]], Mapping[str, str]]) -> str | None:
    """ "n" for a word that names a thing (mostly a noun, of few senses), "g" for a verb, an
    adjective or adverb, or a vague word; None for a word WordNet does not have (a name, a
    foreign word, or a typo). `lookup` gives the sorts of the words it is asked about."""
    lemmas = lookup(bases(word))
    if any(lemmas.get(b) == "g" for b in _strip(word, _VERB_OR_ADJECTIVE)):
        return "g"
    if word in lemmas:  # "headquarters" is a noun, whatever "headquarter" is
        return lemmas[word]
    if any(b in lemmas for b in _strip(word, _VERB_OR_ADJECTIVE[:4])):
        # "teamed", "inking": a word WordNet lists only as its plain form, with an ending only a
        # verb takes, is that verb's, however the plain form is mostly used ("team" as a noun).
        return "g"
    sorts = [lemmas[b] for b in _strip(word, _PLURAL) if b in lemmas]
    if not sorts:
        return None
    return "g" if "g" in sorts else "n"


# British spellings and their American forms, as the standard spelling rules give them.
_BRITISH = (
    (r"ence(s?)$", r"ense\1"),  # defence, licence
    (r"(?<=\w\w)our(s|ed|ing|able|ite|ites)?$", r"or\1"),  # honour, labours, favoured
    (r"(?<=\w\w)is(e|es|ed|ing|er|ers|ation|ations)$", r"iz\1"),  # organise, organisations
    (r"ys(e|es|ed|ing)$", r"yz\1"),  # analyse, paralysed
    (r"(?<=\w\w)tre(s?)$", r"ter\1"),  # centre, metres
    (r"(?<=[aeiou])ll(ed|ing|er|ers)$", r"l\1"),  # travelled, modelling
    (r"ogue(s?)$", r"og\1"),  # catalogue
    (r"is(e|es|ed|ing)$", r"ic\1"),  # practise, practised
)


def american(word: str) -> list[str]:
    """The American spellings a British-spelled word may have ("defence": "defense"); none for
    a word no rule fits. Only candidates: the caller keeps those a text holds."""
    found = []
    for pattern, replacement in _BRITISH:
        variant = re.sub(pattern, replacement, word)
        if variant != word and variant not in found:
            found.append(variant)
    return found
