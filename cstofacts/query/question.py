"""Read a question in a reader's own words into facets and words: pure, with no I/O.

Only the dataset's own vocabulary is used: years, dates and ranges; categories by
name, plural or declared synonym; countries, organizations, places and people by any
declared name; kinds; paragraphs. What is left becomes words to rank by.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from cstofacts import text
from cstofacts.criteria import Query, Term
from cstofacts.lexicon import Lexicon
from cstofacts.model import Kind
from cstofacts.query import excluding
from cstofacts.query.asking import (
    OPENERS,
    asked_as,
    asked_head,
    asks_for,
    asks_one,
    did,
    is_list,
    ordering,
    units,
    whether,
)
from cstofacts.query.matching import match
from cstofacts.query.spans import take_dates, take_paragraphs

_QUOTES = str.maketrans("’‘“”", "''\"\"")


class Reading(NamedTuple):  # not a frozen dataclass: cheaper to define at every start
    """How a question was read: facets to filter by, words to rank by, and what sort of answer."""

    listing: bool  # a list question wants every match; a pointed one the best few
    asks: str | None = None  # who, when, where, why, how many, or None
    # What the question names that a filter could say: years, dates, categories, countries,
    # organizations, places, kinds, attributions, paragraphs. What answer.py runs is built from it.
    facets: Query = Query()  # never changed: Query values are replaced, not mutated
    span_text: tuple[str, ...] = ()  # the date words as typed, to fall back on when no claim has the date
    names: tuple[Term, ...] = ()  # people and other declared names, matched whole
    words: tuple[Term, ...] = ()
    entity_terms: tuple[Term, ...] = ()  # countries, organizations, places as terms too
    category_terms: tuple[Term, ...] = ()  # the category words as typed: "roadmap", "drills"
    category_subject: bool = False  # the category is what a list question lists ("which exercises")
    # The category is what a pointed question asks for: its word right after "what" or "which"
    # ("what medal did the head of the alliance get"): the claims of it first.
    category_asked: bool = False
    # The categories a list is of: the first category word's, and those joined to it by and/or.
    listed_categories: frozenset[str] = frozenset()
    described: tuple[Term, ...] = ()  # category words after those, describing what is listed
    tokens: tuple[str, ...] = ()  # every word of the question, stop words too
    absent_paragraphs: frozenset[int] = frozenset()  # paragraph numbers the article does not have
    capitalised: frozenset[str] = frozenset()  # words written with a capital inside the question
    head: str | None = None  # the noun a "who was …" or "what is …" question asks for (asked_head)
    either: tuple[frozenset[str], ...] = ()  # words joined by "or" ("meetings or signings"): any one will do
    excluded: tuple[Term, ...] = ()  # countries and organizations put out ("outside Belarus"): facets.not_*
    latest: bool | None = None  # "the latest …" (True), "the earliest …" (False): sorted by date, first few


def read(question: str, lexicon: Lexicon, last_paragraph: int | None = None) -> Reading:
    """The facets and words of a question. Never raises: an unreadable part becomes words."""
    raw = question.translate(_QUOTES)
    raw, spans, span_text, since, until, out_years = take_dates(raw)
    raw, paragraphs, absent = take_paragraphs(raw, last_paragraph)
    # A word written with a capital inside the question is a name ("O'Brien"): never a typo.
    capitalised = {w.casefold() for w in re.findall(r"(?<=\w)\W+([A-Z][\w'’-]*)", raw)}
    tokens = text.words(raw)
    asks = asks_for(tokens)
    latest, ordering_at = ordering(tokens)
    # "The latest agreement": "latest" orders the answer, as "the" would leave it; it holds nothing.
    matched = [("the" if at in ordering_at else token) for at, token in enumerate(tokens)]
    found = match(matched, lexicon, excluding.comma_positions(raw, text.words))
    # The nouns for what a when or where question asks ("in which city", "the venues") are what
    # the answer gives, not words it holds.
    found.words = [w for w in found.words if asks not in ("when", "where") or asked_as(w.typed) != asks]
    # A plural category or kind asks for all of them ("exercises in Belarus", "what exercises"),
    # unless the question asks who, why or how, what someone did ("what did the leaders …"), or
    # whether ("did the leaders agree …").
    asked = _question(raw, tokens)
    plural_asks = found.plural and asks not in ("who", "why", "how many") and not did(asked)
    # "The latest agreement": every claim that fits, by date, the first few (answer._ordered).
    listing = (
        (is_list(asked) and not asks_one(asked)) or (plural_asks and not whether(asked)) or latest is not None
    )
    # In a list, a kind word after a word it describes ("which country's January 2022 events") is
    # part of a description, not what is listed: it filters only where it is what is asked for.
    narrowed = found.facets or bool(spans or since or until or paragraphs or found.attributions)
    kinds = set() if listing and found.kind_described else set(found.kinds)
    if Kind.EVENT in kinds and (spans or since or until or out_years):
        # The events of a time are what happened then: a background claim dated then ("the
        # CSTO's focus in 2024") is one too. The date itself leaves out undated causes and goals.
        kinds.add(Kind.BACKGROUND)
    if asks is None and not found.words and not found.names and narrowed:
        listing = True  # nothing to rank by: the facets name a set, and all of it is the answer
    return Reading(
        listing=listing,
        asks=asks,
        facets=Query(
            years=tuple(spans),
            since=since,
            until=until,
            categories=frozenset(found.categories),
            countries=frozenset(found.countries),
            organizations=frozenset(found.organizations),
            not_countries=frozenset(found.not_countries),
            not_organizations=frozenset(found.not_organizations),
            not_texts=tuple(tuple(phrase) for phrase in found.out_texts if phrase),
            not_years=tuple(out_years),
            places=frozenset(found.places),
            kinds=frozenset(kinds),
            attributions=frozenset(found.attributions),
            paragraphs=frozenset(paragraphs),
        ),
        span_text=tuple(span_text),
        names=tuple(found.names),
        words=tuple(found.words),
        entity_terms=tuple(found.entities),
        category_terms=tuple(found.category_words),
        category_subject=listing and found.category_first,
        category_asked=not listing and _asks_category(asked, found.category_words, found.category_first),
        listed_categories=frozenset(found.listed),
        described=tuple(found.described),
        tokens=tuple(tokens),
        absent_paragraphs=frozenset(absent),
        capitalised=frozenset(w for c in capitalised for w in text.words(c)),
        head=asked_head(asked, [t.tokens for t in (*found.names, *found.entities)]),
        either=either(tokens, [*found.words, *found.entities, *found.category_words], raw),
        excluded=tuple(found.excluded),
        latest=latest,
    )


def _asks_category(asked: list[str], words: Sequence[Term], first: bool) -> bool:
    """Whether the question's first category word comes right after "what" or "which"."""
    return first and bool(words) and asked[:1] in (["what"], ["which"]) and asked[1:2] == [words[0].tokens[0]]


# A question is read from its opener (asking.OPENERS) after a phrase put before it ("Besides
# the UN, which …").
_FRONTED = 8  # at most so many words before the comma: a phrase, not a question of its own


def _question(raw: str, tokens: list[str]) -> list[str]:
    """The question's own words, without a phrase put before it and a comma ("Other than the
    UN, which organizations …", "In 2024, what …"), so that it is read from its question word."""
    before, comma, after = raw.partition(",")
    if not comma:
        return tokens
    fronted, rest = text.words(before), text.words(after)
    if rest and rest[0] in OPENERS and 0 < len(fronted) <= _FRONTED and fronted[0] not in OPENERS:
        return rest
    return tokens


# "a, b or c": the words before "b or c". Compiled only for a question that holds "or".
_SERIES = r"((?:[^\W\d_][\w'’-]*\s*,\s*)+)[^\W\d_][\w'’-]*,?\s+or\s+[^\W\d_]"


def either(tokens: Sequence[str], terms: Sequence[Term], raw: str = "") -> tuple[frozenset[str], ...]:
    """The words and names a question joins with "or", each group one choice, as typed:
    "signed or adopted", "Belarus or Kyrgyzstan" ask for either. A chain ("a or b or c", or
    "signed, adopted or approved" as `raw` writes it) is one group; a declared name of several
    words is one of them."""
    if "or" not in tokens:
        return ()
    listed = {w for m in re.finditer(_SERIES, raw) for w in text.words(m[1])}
    known = {t.typed for t in terms}
    # Each term as typed, "or", or None for any other word; articles are passed over ("the UN or the SCO").
    said = [
        unit if unit in known or unit == "or" else None
        for unit in units(tokens, [t.tokens for t in terms])
        if unit not in ("the", "a", "an")
    ]
    groups: list[set[str]] = []
    for i in range(1, len(said) - 1):
        left, right = said[i - 1], said[i + 1]
        if said[i] != "or" or left in (None, "or") or right in (None, "or") or left == right:
            continue
        assert left is not None and right is not None
        if groups and left in groups[-1]:
            groups[-1].add(right)
        else:
            groups.append({left, right})
        back = i - 2
        while back >= 0 and said[back] in listed:  # "signed, adopted or approved"
            groups[-1].add(str(said[back]))
            back -= 1
    return tuple(frozenset(g) for g in groups)
